/** Fixtures and a file-picking helper shared by the options-page component tests. */
import { fireEvent } from '@testing-library/preact';
import type { Mention } from '@/lib/annotations/schema';
import type { ClaimCardData } from '@/lib/claims/claim-card-data';
import type { ClaimSetInfo, PackSummary } from '@/lib/claims/claim-set-info';

/** Picks a file in an <input type="file">: a change event with `files` set, as a browser sends it. */
export function pickFile(input: HTMLElement, name: string, text: string): void {
  fireEvent.change(input, { target: { files: [new File([text], name, { type: 'application/json' })] } });
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
    evidence: [],
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
