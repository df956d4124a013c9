// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { WelcomeView, type WelcomeViewProps } from '@/components/welcome-view';
import { pickLegendExamples } from '@/entrypoints/welcome/legend-examples';
import { CLAIM_KINDS, CLAIM_STATUSES, ENDED_STATUSES, type Claim } from '@/lib/claims/schema';
import { KIND_LABEL, STATUS_LABEL } from '@/lib/format/claim-labels';
import { REPO_ROOT } from '../../../scripts/support/paths';
import { german, renderIn } from '../i18n/test-translators';

const BUNDLED = JSON.parse(readFileSync(resolve(REPO_ROOT, 'public', 'claims', 'default.json'), 'utf8')) as { claims: Claim[] };

function props(overrides: Partial<WelcomeViewProps> = {}): WelcomeViewProps {
  const examples = pickLegendExamples(BUNDLED.claims);
  return {
    kindExamples: examples.kinds,
    statusExamples: examples.statuses,
    examples: 'ready',
    shortcut: 'Alt+Shift+L',
    browserFamily: 'chrome',
    iconUrl: '/icon/96.png',
    optionsUrl: '/options.html',
    ...overrides,
  };
}

afterEach(cleanup);

describe('WelcomeView (the first-run page)', () => {
  it('has the legend at #labels, naming every kind and status with the labels from claim-labels.ts', () => {
    const { container } = renderIn(<WelcomeView {...props()} />);
    const legend = container.querySelector('#labels');
    expect(legend).not.toBeNull();
    const kinds = [...legend!.querySelectorAll('[data-testid=legend-kind]')];
    expect(kinds.map((item) => item.getAttribute('data-kind'))).toEqual([...CLAIM_KINDS]);
    for (const item of kinds) expect(item.querySelector('h3')?.textContent).toBe(KIND_LABEL[item.getAttribute('data-kind') as keyof typeof KIND_LABEL]);
    const statuses = [...legend!.querySelectorAll('[data-testid=legend-status]')];
    expect(statuses.map((item) => item.getAttribute('data-status'))).toEqual([...CLAIM_STATUSES]);
    for (const item of statuses) expect(item.querySelector('dt')?.textContent).toBe(STATUS_LABEL[item.getAttribute('data-status') as keyof typeof STATUS_LABEL]);
  });

  it('lists under each kind the grades the card puts in brackets, with what each means; a binding one says whether law or only a word binds it', () => {
    const { container } = renderIn(<WelcomeView {...props()} />);
    const grades = (kind: string) => [...container.querySelectorAll(`[data-kind=${kind}] [data-testid=legend-grades] dt`)].map((term) => term.textContent);
    expect(grades('binding-commitment')).toEqual(['(law)', '(contract)', '(treaty)', '(self-imposed)', '(pledge to a government)']);
    expect(grades('announced-target')).toEqual(['(conditional)', '(goal)', '(best effort)', '(recommendation)', '(aspiration)', '(declaration)']);
    expect(container.querySelector('[data-kind=no-commitment] [data-testid=legend-grades]')).toBeNull();
    const meaning = (kind: string, grade: string) => [...container.querySelectorAll(`[data-kind=${kind}] [data-testid=legend-grades] div`)].find((row) => row.querySelector('dt')?.textContent === grade)?.querySelector('dd')?.textContent;
    expect(meaning('binding-commitment', '(law)')).toBe('It is a legal duty.');
    expect(meaning('binding-commitment', '(self-imposed)')).toContain('no law or contract enforces it');
  });

  it('says how a claim that no longer holds looks, naming exactly the statuses drawn that way, in English and German', () => {
    for (const language of ['en', 'de'] as const) {
      const { container } = language === 'en' ? renderIn(<WelcomeView {...props()} />) : renderIn(<WelcomeView {...props()} />, german);
      const line = container.querySelector('[data-testid=legend-ended-look]')!;
      expect(line.querySelector('mark.sample.sample-ended')).not.toBeNull();
      const words = line.textContent!.toLowerCase();
      const labels = Object.fromEntries([...container.querySelectorAll('[data-testid=legend-status]')].map((item) => [item.getAttribute('data-status'), item.querySelector('dt')!.textContent!.toLowerCase()]));
      for (const status of CLAIM_STATUSES) expect(words.includes(labels[status]!), `${language} ${status}`).toBe((ENDED_STATUSES as readonly string[]).includes(status));
      // It sits among the statuses, before their list.
      expect(line.compareDocumentPosition(container.querySelector('[data-testid=legend-status]')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      cleanup();
    }
  });

  it('gives each kind and each status that has a claim one real example, with its kind and dated status', () => {
    const { container } = renderIn(<WelcomeView {...props()} />);
    const withdrawn = container.querySelector('[data-status=withdrawn] [data-testid=legend-example]');
    expect(withdrawn?.getAttribute('data-claim-id')).toBe('anthropic-rsp-pause-pledge');
    expect(withdrawn?.textContent).toContain('Anthropic');
    expect(withdrawn?.textContent).toContain('Binding commitment · Withdrawn 24 Feb 2026');
    const present = new Set(BUNDLED.claims.map((claim) => claim.status));
    for (const status of CLAIM_STATUSES) {
      const example = container.querySelector(`[data-status=${status}] [data-testid=legend-example]`);
      expect(example !== null, `example for ${status}`).toBe(present.has(status));
    }
    // A status no claim has yet says so instead of inventing one.
    if (!present.has('lapsed')) expect(container.querySelector('[data-status=lapsed]')?.textContent).toContain('No claim in the current set has this status yet.');
    expect(container.querySelectorAll('[data-testid=legend-kind] [data-testid=legend-example]')).toHaveLength(CLAIM_KINDS.length);
  });

  it('shows meanings without examples while loading, and says so when the examples fail', () => {
    const { container, rerender } = renderIn(<WelcomeView {...props({ kindExamples: {}, statusExamples: {}, examples: 'loading' })} />);
    expect(container.querySelectorAll('[data-testid=legend-example], .example-none')).toHaveLength(0);
    rerender(<WelcomeView {...props({ kindExamples: {}, statusExamples: {}, examples: 'failed' })} />);
    expect(container.querySelectorAll('.example-none')).toHaveLength(CLAIM_KINDS.length + CLAIM_STATUSES.length);
  });

  it('teaches hover, Tab / Enter / Escape and the reader\'s own shortcut, per browser', () => {
    const { container, rerender } = renderIn(<WelcomeView {...props({ shortcut: 'Ctrl+Shift+K' })} />);
    const keyboard = screen.getByTestId('usage-keyboard');
    const keys = [...keyboard.querySelectorAll('kbd')].map((kbd) => kbd.textContent);
    expect(keys).toEqual(['Tab', 'Shift', 'Tab', 'Enter', 'Escape', 'Ctrl', 'Shift', 'K']);
    expect(keyboard.textContent).toContain('chrome://extensions/shortcuts');
    expect(screen.getByTestId('usage-hover').textContent).toMatch(/Point at the highlight/);
    expect(screen.getByTestId('usage-popup').textContent).toMatch(/toolbar/);
    rerender(<WelcomeView {...props({ shortcut: '', browserFamily: 'firefox' })} />);
    expect(container.textContent).toContain('No shortcut set');
    expect(container.textContent).toContain('Manage Extension Shortcuts');
  });

  it('makes the privacy promise and links the options page for the feed', () => {
    renderIn(<WelcomeView {...props()} />);
    const privacy = screen.getByTestId('privacy');
    expect(privacy.textContent).toContain('Nothing you read leaves your browser.');
    expect(privacy.textContent).toContain('The only request Pledge Lens makes');
    expect(privacy.querySelector('a')?.getAttribute('href')).toBe('/options.html');
  });

  it('speaks German with the German catalogue, markup and links included', () => {
    renderIn(<WelcomeView {...props()} />, german);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Willkommen bei Pledge Lens');
    const kinds = screen.getAllByTestId('legend-kind').map((item) => item.querySelector('h3')?.textContent);
    expect(kinds).toEqual(['Verbindliche Zusage', 'Angekündigtes Ziel', 'Keine Zusage']);
    const privacy = screen.getByTestId('privacy');
    expect(privacy.querySelector('strong')?.textContent).toBe('Nichts, was Sie lesen, verlässt Ihren Browser.');
    expect(privacy.querySelector('a')?.textContent).toBe('Einstellungen');
    expect(privacy.textContent).not.toMatch(/[<>]/);
    expect(screen.getByTestId('usage').querySelector('code')?.textContent).toMatch(/^(chrome:\/\/extensions\/shortcuts|about:addons)$/);
    expect(document.body.textContent).not.toMatch(/What the labels mean|How to use it|Binding commitment/);
  });
});
