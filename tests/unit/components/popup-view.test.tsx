// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { claimSetLine, groupByKind, PopupView, type PopupViewProps } from '@/components/popup-view';
import type { ClaimChange } from '@/lib/claims/claim-changes';
import type { PageClaimSummary } from '@/lib/frames/tab-frames';
import { infoFixture, packFixture } from './options-test-utils';
import { english, german, renderIn } from '../i18n/test-translators';

function claim(id: string, kind: PageClaimSummary['kind'], firstOffset: number, overrides: Partial<PageClaimSummary> = {}): PageClaimSummary {
  return { claimId: id, statement: `Statement of ${id}.`, kind, status: 'in-force', statusDate: '2026-01-10', actorName: 'Acme AI', mentions: 1, firstOffset, ...overrides };
}

/** An update, stored 1 Mar 2026 from the "Research feed" pack, that withdrew a claim in force since 10 Jan 2026. */
function withdrawal(claimId: string, kind: PageClaimSummary['kind'], statusDate: string): ClaimChange {
  return {
    claimId,
    was: { kind, status: 'in-force', statusDate: '2026-01-10' },
    now: { kind, status: 'withdrawn', statusDate },
    evidenceChanged: false,
    changedAt: '2026-03-01T12:00:00.000Z',
    pack: { id: 'feed', name: 'Research feed', version: '2.1.0' },
    unseen: true,
  };
}

/** In reading order, as the background sends them. */
const CLAIMS = [
  claim('headline', 'announced-target', 10),
  claim('second', 'binding-commitment', 200, { status: 'withdrawn', statusDate: '2026-02-24', mentions: 2 }),
  claim('third', 'announced-target', 400),
  claim('refusal', 'no-commitment', 600, { status: 'declined' }),
];

function props(overrides: Partial<PopupViewProps> = {}): PopupViewProps {
  return {
    page: { kind: 'ready', enabled: true, scanning: false, claims: CLAIMS },
    siteEnabled: true,
    host: 'news.example',
    info: infoFixture({ packs: [packFixture({ name: 'Pledge Lens' })] }),
    exportMessage: '',
    legendUrl: 'chrome-extension://id/welcome.html#labels',
    onToggleSite: vi.fn(),
    onJump: vi.fn(),
    onExport: vi.fn(),
    onOpenOptions: vi.fn(),
    onOpenLegend: vi.fn(),
    ...overrides,
  };
}

afterEach(cleanup);

const ids = () => screen.getAllByTestId('claim-item').map((item) => item.getAttribute('data-claim-id'));

describe('PopupView claims', () => {
  it('groups by kind, always binding commitments, then announced targets, then no commitment, claims in reading order', () => {
    renderIn(<PopupView {...props()} />);
    const groups = screen.getAllByTestId('claim-group');
    expect(groups.map((group) => group.querySelector('h3')?.textContent)).toEqual(['Binding commitment (1)', 'Announced targets (2)', 'No commitment (1)']);
    expect(ids()).toEqual(['second', 'headline', 'third', 'refusal']);
    // The same order whichever kind the page names first.
    for (const page of [CLAIMS, [...CLAIMS].reverse(), [CLAIMS[3]!, CLAIMS[0]!, CLAIMS[1]!]]) {
      const kinds = groupByKind(page).map((group) => group.kind);
      expect(kinds).toEqual(['binding-commitment', 'announced-target', 'no-commitment'].filter((kind) => kinds.includes(kind as typeof kinds[number])));
    }
    expect(groupByKind([CLAIMS[3]!, CLAIMS[0]!]).map((group) => group.kind)).toEqual(['announced-target', 'no-commitment']);
  });

  it('lists the claims that no longer hold last in their kind, under their own heading; a standing refusal and a kept promise stay with the rest', () => {
    const page = {
      kind: 'ready' as const,
      enabled: true,
      scanning: false,
      claims: [
        claim('dropped', 'binding-commitment', 10, { status: 'withdrawn' }),
        claim('law', 'binding-commitment', 20),
        claim('replaced', 'binding-commitment', 30, { status: 'superseded' }),
        claim('kept', 'binding-commitment', 40, { status: 'fulfilled' }),
        claim('goal', 'announced-target', 50),
        claim('refusal', 'no-commitment', 60, { status: 'declined' }),
      ],
    };
    renderIn(<PopupView {...props({ page })} />);
    const [binding, target, refusal] = screen.getAllByTestId('claim-group');
    expect(binding!.querySelector('h3')?.textContent).toBe('Binding commitments (4)');
    const holds = binding!.querySelector('ol.claims:not(.ended)')!;
    expect([...holds.querySelectorAll('[data-testid=claim-item]')].map((item) => item.getAttribute('data-claim-id'))).toEqual(['law', 'kept']);
    expect(within(binding!).getByTestId('claims-ended-heading').textContent).toBe('No longer holds (2)');
    expect([...within(binding!).getByTestId('claims-ended').querySelectorAll('[data-testid=claim-item]')].map((item) => item.getAttribute('data-claim-id'))).toEqual(['dropped', 'replaced']);
    // The heading comes before its list, after the claims that hold.
    const heading = within(binding!).getByTestId('claims-ended-heading');
    expect(holds.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(target!).queryByTestId('claims-ended-heading')).toBeNull();
    expect(within(refusal!).queryByTestId('claims-ended-heading')).toBeNull();
    cleanup();
    renderIn(<PopupView {...props({ page })} />, german);
    expect(screen.getByTestId('claims-ended-heading').textContent).toBe('Gilt nicht mehr (2)');
  });

  it('files a claim by the status an update gave it since the page was read', () => {
    const change = withdrawal('law', 'binding-commitment', '2026-03-01');
    const groups = groupByKind([{ ...claim('law', 'binding-commitment', 20), change }, claim('other', 'binding-commitment', 30)]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.claims.map((shown) => shown.claimId)).toEqual(['other']);
    expect(groups[0]!.ended.map((shown) => shown.claimId)).toEqual(['law']);
  });

  it('glosses each label on hover by the claim\'s force: a pledge is not called legally binding, a law is', () => {
    const page = { kind: 'ready' as const, enabled: true, scanning: false, claims: [claim('pledge', 'binding-commitment', 1, { force: 'categorical-pledge' }), claim('law', 'binding-commitment', 2, { force: 'legal-obligation' }), claim('unknown', 'binding-commitment', 3)] };
    renderIn(<PopupView {...props({ page })} />);
    const title = (id: string) => screen.getAllByTestId('claim-item').find((item) => item.getAttribute('data-claim-id') === id)!.querySelector('[data-testid=claim-kind]')!.getAttribute('title');
    expect(title('pledge')).toBe(english('card_meaningBindingPledge'));
    expect(title('pledge')).toContain('no law or contract enforces it');
    expect(title('law')).toBe(english('card_meaningBindingLaw'));
    expect(title('unknown')).toContain('Not necessarily legally binding');
    // The badge says what kind of promise: a law and a company's own pledge differ in words, not only on hover; an unknown force shows the label alone.
    const badge = (id: string) => screen.getAllByTestId('claim-item').find((item) => item.getAttribute('data-claim-id') === id)!.querySelector('[data-testid=claim-kind]')!.textContent;
    expect(badge('pledge')).toBe('Binding commitment (self-imposed)');
    expect(badge('law')).toBe('Binding commitment (law)');
    expect(badge('unknown')).toBe('Binding commitment');
  });

  it("says the day a standing law's duties start when it is still to come, and nothing once it has passed", () => {
    const page = {
      kind: 'ready' as const,
      enabled: true,
      scanning: false,
      claims: [
        claim('later', 'binding-commitment', 1, { force: 'legal-obligation', status: 'modified', statusDate: '2026-03-27', effectiveDate: '2099-01-01' }),
        claim('started', 'binding-commitment', 2, { force: 'legal-obligation', statusDate: '2026-01-01', effectiveDate: '2026-01-01' }),
      ],
    };
    renderIn(<PopupView {...props({ page })} />);
    const status = (id: string) => screen.getAllByTestId('claim-item').find((item) => item.getAttribute('data-claim-id') === id)!.querySelector('[data-testid=claim-status]')!.textContent;
    expect(status('later')).toBe('Modified 27 Mar 2026; applies from 1 Jan 2099');
    expect(status('started')).toBe('In force since 1 Jan 2026');
  });

  it('says how many of a claim\'s mentions here are marked as wrong matches, which exports leave out', () => {
    renderIn(<PopupView {...props({ flagged: { second: 1, headline: 2, elsewhere: 4 } })} />);
    const meta = (id: string) => screen.getAllByTestId('claim-item').find((item) => item.getAttribute('data-claim-id') === id)!.querySelector('.meta')!.textContent;
    expect(meta('second')).toBe('Acme AI · 2 mentions, 1 marked as a wrong match · Show on page');
    expect(meta('headline')).toBe('Acme AI · 1 mention, 2 marked as wrong matches · Show on page');
    expect(meta('third')).toBe('Acme AI · 1 mention · Show on page');
    expect(screen.getAllByTestId('claim-flagged')).toHaveLength(2);
    cleanup();
    renderIn(<PopupView {...props({ flagged: { second: 1 } })} />, german);
    expect(screen.getByTestId('claim-flagged').textContent).toBe(', 1 als Fehltreffer markiert');
  });

  it('lists a claim whose every mention here is marked as a wrong match apart, and leaves it out of the count (report 54, problem 13)', () => {
    const claims = [CLAIMS[0]!, { ...CLAIMS[1]!, wrongMatches: 2 }, { ...CLAIMS[2]!, mentions: 2, wrongMatches: 1 }, CLAIMS[3]!];
    renderIn(<PopupView {...props({ page: { kind: 'ready', enabled: true, scanning: false, claims } })} />);
    expect(screen.getByRole('heading', { level: 2, name: /Claims on this page/i }).textContent).toContain('(3)');
    expect(within(screen.getByTestId('claim-list')).getAllByTestId('claim-item').map((item) => item.getAttribute('data-claim-id'))).toEqual(['headline', 'third', 'refusal']);
    const apart = screen.getByTestId('claims-marked-wrong');
    expect(within(apart).getByRole('heading').textContent).toBe('Marked by you as wrong matches (1)');
    expect(within(apart).getAllByTestId('claim-item').map((item) => item.getAttribute('data-claim-id'))).toEqual(['second']);
    cleanup();
    renderIn(<PopupView {...props()} />);
    expect(screen.queryByTestId('claims-marked-wrong')).toBeNull();
  });

  it('says how many of a claim\'s mentions here are possible matches, to check before citing (report 55, problem 2)', () => {
    const claims = [{ ...CLAIMS[0]!, mentions: 3, possible: 2 }, CLAIMS[1]!, CLAIMS[2]!, CLAIMS[3]!];
    renderIn(<PopupView {...props({ page: { kind: 'ready', enabled: true, scanning: false, claims } })} />);
    const meta = (id: string) => screen.getAllByTestId('claim-item').find((item) => item.getAttribute('data-claim-id') === id)!.querySelector('.meta')!.textContent;
    expect(meta('headline')).toBe('Acme AI · 3 mentions, 2 possible matches, check before citing · Show on page');
    expect(screen.getAllByTestId('claim-possible')).toHaveLength(1);
    cleanup();
    renderIn(<PopupView {...props({ page: { kind: 'ready', enabled: true, scanning: false, claims: [{ ...CLAIMS[0]!, possible: 1 }] } })} />, german);
    expect(screen.getByTestId('claim-possible').textContent).toBe(', 1 möglicher Treffer, vor dem Zitieren prüfen');
  });

  it('shows kind and status in plain words on every claim', () => {
    renderIn(<PopupView {...props()} />);
    const second = screen.getAllByTestId('claim-item')[0]!;
    expect(second.querySelector('.badge')?.textContent).toBe('Binding commitment');
    expect(within(second).getByTestId('claim-status').textContent).toBe('Withdrawn 24 Feb 2026');
    expect(second.querySelector('.meta')?.textContent).toContain('2 mentions');
    // The headline is an announced target: "in force" would read as legally binding.
    expect(screen.getAllByTestId('claim-status')[1]!.textContent).toBe('Current since 10 Jan 2026');
  });

  it('a claim the page keeps us from highlighting says so, in place of "Show on page", and is no button', () => {
    const claims = [claim('shown', 'binding-commitment', 10), claim('removed', 'binding-commitment', 50, { hiddenByPage: true })];
    const onJump = vi.fn();
    renderIn(<PopupView {...props({ page: { kind: 'ready', enabled: true, scanning: false, claims }, onJump })} />);
    const item = (id: string) => screen.getAllByTestId('claim-item').find((element) => element.getAttribute('data-claim-id') === id)!;
    expect(item('removed').querySelector('.meta')!.textContent).toBe('Acme AI · 1 mention · not shown: the page removed the highlights');
    expect(item('removed').tagName).toBe('DIV');
    fireEvent.click(item('removed'));
    expect(onJump).not.toHaveBeenCalled();
    expect(item('shown').querySelector('.meta')!.textContent).toBe('Acme AI · 1 mention · Show on page');
    expect(screen.getAllByRole('button').map((button) => button.getAttribute('data-claim-id'))).toContain('shown');
    cleanup();
    renderIn(<PopupView {...props({ page: { kind: 'ready', enabled: true, scanning: false, claims } })} />, german);
    expect(screen.getByTestId('claim-hidden-by-page').textContent).toBe('nicht markiert: Die Seite hat die Markierungen entfernt');
  });

  it('jumps to a claim on click', () => {
    const onJump = vi.fn();
    renderIn(<PopupView {...props({ onJump })} />);
    fireEvent.click(screen.getAllByTestId('claim-item')[2]!);
    expect(onJump).toHaveBeenCalledWith('third');
  });

  it('says "changed since you read it" with the old and new status, and shows what holds now', () => {
    const change = withdrawal('headline', 'announced-target', '2026-02-24');
    renderIn(<PopupView {...props({ changes: { headline: change } })} />);
    const item = screen.getAllByTestId('claim-item').find((shown) => shown.getAttribute('data-claim-id') === 'headline')!.parentElement!;
    // Withdrawn now: listed among the announced targets that no longer hold.
    expect(item.closest('[data-testid=claims-ended]')).not.toBeNull();
    expect(within(item).getByTestId('claim-changed').textContent).toBe(
      'Changed since you read it (new): was Current, now Withdrawn on 24 Feb 2026. Claim set update from Research feed (version 2.1.0), 1 Mar 2026.',
    );
    expect(within(item).getByTestId('claim-status').textContent).toBe('Withdrawn 24 Feb 2026');
    expect(screen.getByTestId('changed-summary').textContent).toBe('1 claim here has changed since you read it.');
    // It names the claim, linking down to its item.
    const links = [...screen.getByTestId('changed-list').querySelectorAll('a')];
    expect(links.map((link) => link.textContent)).toEqual(['Acme AI: Statement of headline.']);
    expect(document.querySelector(links[0]!.getAttribute('href')!)).toBe(item);
  });

  it('points at changes read elsewhere, opening the history filtered to them', () => {
    const onOpenOptions = vi.fn();
    renderIn(<PopupView {...props({ changedElsewhere: 2, onOpenOptions })} />);
    fireEvent.click(within(screen.getByTestId('changed-elsewhere')).getByRole('link'));
    expect(onOpenOptions).toHaveBeenCalledWith('changed');
  });
});

describe('PopupView states', () => {
  const state = () => screen.getByTestId('page-state').getAttribute('data-state');
  const empty = () => screen.getByTestId('empty-state').textContent;

  it('an empty page', () => {
    renderIn(<PopupView {...props({ page: { kind: 'ready', enabled: true, scanning: false, claims: [] } })} />);
    expect(state()).toBe('empty');
    expect(empty()).toBe('No known claims on this page.');
    expect(screen.queryByTestId('claim-list')).toBeNull();
    expect(screen.queryByTestId('export-w3c')).toBeNull();
  });

  it('no pack switched on', () => {
    renderIn(<PopupView {...props({ info: infoFixture({ claimCount: 0, packs: [] }), page: { kind: 'ready', enabled: true, scanning: false, claims: [] } })} />);
    expect(state()).toBe('no-packs');
    expect(empty()).toMatch(/^No known claims on this page: no claim pack is switched on/);
  });

  it('says above everything when no claims are in use, with a way to switch a pack on, unless the empty page says it already', () => {
    const onOpenOptions = vi.fn();
    const none = infoFixture({ claimCount: 0, packs: [packFixture({ name: 'Pledge Lens', enabled: false })] });
    // Claims the page listed before the last pack went off.
    const { unmount } = renderIn(<PopupView {...props({ info: none, onOpenOptions })} />);
    const notice = screen.getByTestId('no-claims-notice');
    expect(notice.textContent).toMatch(/^No claims are in use: every claim pack is switched off/);
    fireEvent.click(within(notice).getByRole('link'));
    expect(onOpenOptions).toHaveBeenCalledWith('claim-set');
    unmount();
    // A site switched off says it too.
    renderIn(<PopupView {...props({ info: none, siteEnabled: false, page: { kind: 'ready', enabled: false, scanning: false, claims: [] } })} />);
    expect(screen.getByTestId('no-claims-notice')).toBeTruthy();
    cleanup();
    // The empty page's own state says it: not twice.
    renderIn(<PopupView {...props({ info: none, page: { kind: 'ready', enabled: true, scanning: false, claims: [] } })} />);
    expect(state()).toBe('no-packs');
    expect(screen.queryByTestId('no-claims-notice')).toBeNull();
    cleanup();
    renderIn(<PopupView {...props()} />);
    expect(screen.queryByTestId('no-claims-notice')).toBeNull();
  });

  it('says when a very long page was read only in part, above the list, in the reader\'s language; not when it was read whole or is off', () => {
    const page = (partlyRead: boolean, enabled = true) => ({ kind: 'ready' as const, enabled, scanning: false, claims: [], ...(partlyRead ? { partlyRead } : {}) });
    renderIn(<PopupView {...props({ page: page(true) })} />);
    expect(screen.getByTestId('partly-read').textContent).toMatch(/^This page is very long, and Pledge Lens read only its first part .*: claims further down are not listed or highlighted\.$/);
    cleanup();
    renderIn(<PopupView {...props({ page: page(true) })} />, german);
    expect(screen.getByTestId('partly-read').textContent).toMatch(/^Diese Seite ist sehr lang/);
    cleanup();
    renderIn(<PopupView {...props({ page: page(false) })} />);
    expect(screen.queryByTestId('partly-read')).toBeNull();
    cleanup();
    renderIn(<PopupView {...props({ page: page(true, false) })} />);
    expect(screen.queryByTestId('partly-read')).toBeNull();
  });

  it('says when the page writes its own words into the highlights, so they open no card (report 56), and only then', () => {
    const page = (cardsRefused: boolean) => ({ kind: 'ready' as const, enabled: true, scanning: false, claims: [], ...(cardsRefused ? { cardsRefused } : {}) });
    renderIn(<PopupView {...props({ page: page(true) })} />);
    expect(screen.getByTestId('cards-refused').textContent).toBe("This page's own styles write words into Pledge Lens's highlights, so the highlights open no card here: the claims they mark are listed below.");
    cleanup();
    renderIn(<PopupView {...props({ page: page(true) })} />, german);
    expect(screen.getByTestId('cards-refused').textContent).toMatch(/^Die eigenen Stile dieser Seite/);
    cleanup();
    renderIn(<PopupView {...props({ page: page(false) })} />);
    expect(screen.queryByTestId('cards-refused')).toBeNull();
  });

  describe('a page in another language (the matcher reads English only)', () => {
    const emptyPage = (language?: string) => ({ kind: 'ready' as const, enabled: true, scanning: false, claims: [], ...(language ? { language } : {}) });

    it('says so instead of "no known claims", naming the language in the reader\'s language', () => {
      renderIn(<PopupView {...props({ page: emptyPage('de') })} />);
      expect(state()).toBe('other-language');
      expect(screen.getByTestId('page-state').textContent).toBe('This page is in German. Pledge Lens reads English articles only.');
      cleanup();
      renderIn(<PopupView {...props({ page: emptyPage('fr') })} />, german);
      expect(screen.getByTestId('page-state').textContent).toBe('Diese Seite ist auf Französisch. Pledge Lens liest nur englische Artikel.');
      cleanup();
      renderIn(<PopupView {...props({ page: emptyPage('de') })} />, german);
      expect(empty()).toBe('Diese Seite ist auf Deutsch. Pledge Lens liest nur englische Artikel.');
    });

    it('names a language the browser has no name for by its code', () => {
      renderIn(<PopupView {...props({ page: emptyPage('qaa') })} />);
      expect(empty()).toBe('This page is in qaa. Pledge Lens reads English articles only.');
    });

    it('shows the language as text, never as markup', () => {
      renderIn(<PopupView {...props({ page: emptyPage('<img src=x onerror=alert(1)>') })} />);
      expect(empty()).toBe('This page is in <img src=x onerror=alert(1)>. Pledge Lens reads English articles only.');
      expect(screen.getByTestId('page-state').querySelector('img')).toBeNull();
    });

    it('says nothing of language on an English page or one whose language is unknown', () => {
      for (const language of ['en', undefined]) {
        renderIn(<PopupView {...props({ page: emptyPage(language) })} />);
        expect(state(), String(language)).toBe('empty');
        expect(empty()).toBe('No known claims on this page.');
        cleanup();
      }
    });

    it('lists the claims it found as usual, and says what matters more first: no pack on, the site off, still reading', () => {
      renderIn(<PopupView {...props({ page: { ...emptyPage('de'), claims: CLAIMS } })} />);
      expect(ids()).toEqual(['second', 'headline', 'third', 'refusal']);
      expect(screen.queryByTestId('page-state')).toBeNull();
      cleanup();
      renderIn(<PopupView {...props({ info: infoFixture({ claimCount: 0, packs: [] }), page: emptyPage('de') })} />);
      expect(state()).toBe('no-packs');
      cleanup();
      renderIn(<PopupView {...props({ siteEnabled: false, page: { ...emptyPage('de'), enabled: false } })} />);
      expect(state()).toBe('off');
      cleanup();
      renderIn(<PopupView {...props({ page: { ...emptyPage('de'), scanning: true } })} />);
      expect(empty()).toMatch(/still reading/i);
    });
  });

  it('switched off on the site', () => {
    renderIn(<PopupView {...props({ siteEnabled: false, page: { kind: 'ready', enabled: false, scanning: false, claims: CLAIMS } })} />);
    expect(state()).toBe('off');
    expect(empty()).toMatch(/off on this site/);
    expect(screen.queryAllByTestId('claim-item')).toEqual([]);
  });

  it.each([
    ['browser-page', /can’t read this page/],
    ['not-read', /hasn’t read this page/],
    ['loading', /still loading/],
  ] as const)('an unsupported page: %s', (reason, words) => {
    renderIn(<PopupView {...props({ host: '', page: { kind: 'unavailable', reason } })} />);
    expect(state()).toBe(reason);
    expect(empty()).toMatch(words);
    expect(screen.queryByTestId('site-toggle')).toBeNull();
    expect(screen.getByTestId('page-state').textContent).not.toMatch(/reload this page to/i);
  });
});

describe('PopupView links and footer', () => {
  it('links to the legend and the options page', () => {
    const onOpenLegend = vi.fn();
    const onOpenOptions = vi.fn();
    renderIn(<PopupView {...props({ onOpenLegend, onOpenOptions })} />);
    const legend = screen.getByTestId('legend-link');
    expect(legend.textContent).toBe('What do these labels mean?');
    expect(legend.getAttribute('href')).toBe('chrome-extension://id/welcome.html#labels');
    fireEvent.click(legend);
    expect(onOpenLegend).toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('options-link'));
    expect(onOpenOptions).toHaveBeenCalledWith();
  });

  it('names the claim set by its packs, not internal ids, with a readable date', () => {
    const info = infoFixture({ version: 'bundled@1.2.0+feed@2.0.0', claimCount: 14, publishedAt: '2026-02-01', packs: [packFixture({ name: 'Pledge Lens' }), packFixture({ id: 'feed', name: 'Test feed', version: '2.0.0' }), packFixture({ id: 'off', enabled: false })] });
    expect(claimSetLine(english, info)).toBe('Claim set in use: Pledge Lens 1.2.0 + Test feed 2.0.0 (14 claims), published 1 Feb 2026.');
    expect(claimSetLine(english, infoFixture({ packs: [packFixture({ enabled: false })] }))).toBe('Claim set in use: none (no pack is switched on).');
  });

  it('shows the export outcome and the history notice', () => {
    renderIn(<PopupView {...props({ exportMessage: 'Exported 2 mentions as x.csv. 1 mention you marked as a wrong match was left out.', historyNotice: { kind: 'full', max: 100_000 } })} />);
    expect(screen.getByTestId('export-message').textContent).toContain('wrong match was left out');
    expect(screen.getByTestId('history-notice').textContent).toBe(
      'Your history is full (100,000 mentions): new mentions are highlighted but not saved, unless you write a note on one or mark it a wrong match. Delete old history in the options page.',
    );
  });

  it('speaks German with the German catalogue: labels, statuses, dates, plurals', () => {
    renderIn(<PopupView {...props()} />, german);
    const groups = screen.getAllByTestId('claim-group');
    expect(groups.map((group) => group.querySelector('h3')?.textContent)).toEqual(['Verbindliche Zusage (1)', 'Angekündigte Ziele (2)', 'Keine Zusage (1)']);
    const second = screen.getAllByTestId('claim-item')[0]!;
    expect(within(second).getByTestId('claim-status').textContent).toBe('Zurückgezogen am 24. Feb. 2026');
    expect(second.querySelector('.meta')?.textContent).toContain('2 Erwähnungen');
    expect(screen.getByTestId('legend-link').textContent).toBe('Was bedeuten diese Einstufungen?');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Pledge Lens');
    expect(document.body.textContent).not.toMatch(/Claims on this page|Show on page|mentions/);
  });
});
