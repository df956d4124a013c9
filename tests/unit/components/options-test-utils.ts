/** Small DOM helpers shared by the options-page component tests. */
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import type { ClaimCardData, ClaimSetInfo, PackSummary } from '@/lib/messages/protocol';
import type { Mention } from '@/lib/annotations/schema';

export function mount(node: ComponentChild): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  act(() => {
    render(node, container);
  });
  return container;
}

export function unmountAll(): void {
  for (const child of Array.from(document.body.children)) {
    act(() => render(null, child));
    child.remove();
  }
}

/** Lets pending promises (file reads, callbacks) settle and Preact re-render. */
export async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

export function byTestId<T extends Element = HTMLElement>(root: ParentNode, id: string): T {
  const found = root.querySelector<T & Element>(`[data-testid="${id}"]`);
  if (!found) throw new Error(`no element with data-testid="${id}"`);
  return found as T;
}

export function allByTestId(root: ParentNode, id: string): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`));
}

export function click(element: Element): void {
  act(() => {
    (element as HTMLElement).click();
  });
}

export function typeInto(input: HTMLInputElement, value: string): void {
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export function choose(select: HTMLSelectElement, value: string): void {
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** Simulates picking a file in an <input type="file">. */
export async function pickFile(input: HTMLInputElement, name: string, text: string): Promise<void> {
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

/** The label text that names a form control, via <label for> or a wrapping <label>. */
export function labelOf(control: HTMLElement): string {
  const byFor = control.id ? control.ownerDocument.querySelector(`label[for="${control.id}"]`) : null;
  return (byFor ?? control.closest('label'))?.textContent?.trim() ?? '';
}

export function claimFixture(overrides: Partial<ClaimCardData> = {}): ClaimCardData {
  return {
    id: 'acme-pause',
    statement: 'Acme will pause training if evaluations show dangerous capability.',
    kind: 'binding-commitment',
    force: 'policy-text',
    status: 'in-force',
    statusDate: '2025-05-14',
    actorName: 'Acme AI',
    rationale: 'Stated as a requirement in the published policy.',
    confidence: 'high',
    sources: [],
    history: [],
    packName: 'Built in',
    ...overrides,
  };
}

export function mentionFixture(overrides: Partial<Mention> = {}): Mention {
  return {
    id: 'm-1',
    pageUrl: 'https://news.example.com/story',
    pageTitle: 'A story about Acme',
    claimId: 'acme-pause',
    anchor: { exact: 'Acme promised to halt training', prefix: 'Yesterday ', suffix: ' when tests', start: 10, end: 40 },
    firstSeen: '2026-03-01T08:00:00.000Z',
    lastSeen: '2026-03-04T09:30:00.000Z',
    ...overrides,
  };
}

export function packFixture(overrides: Partial<PackSummary> = {}): PackSummary {
  return { id: 'bundled', name: 'Built-in claims', source: 'bundled', enabled: true, version: '1.2.0', publishedAt: '2026-02-01', claimCount: 12, ...overrides };
}

export function infoFixture(overrides: Partial<ClaimSetInfo> = {}): ClaimSetInfo {
  return {
    version: 'bundled@1.2.0',
    publishedAt: '2026-02-01',
    ageDays: 20,
    stale: false,
    claimCount: 12,
    packs: [packFixture()],
    feed: { url: '' },
    ...overrides,
  };
}
