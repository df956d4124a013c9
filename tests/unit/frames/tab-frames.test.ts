import { describe, expect, it } from 'vitest';
import { TabFrames, type PageClaimSummary } from '../../../lib/frames/tab-frames';

const claim = (claimId: string, firstOffset: number, mentions = 1): PageClaimSummary => ({
  claimId,
  statement: `${claimId} statement`,
  kind: 'announced-target',
  status: 'in-force',
  statusDate: '2026-02-24',
  actorName: 'Anthropic',
  mentions,
  firstOffset,
});

describe('TabFrames', () => {
  it('shows the top frame\'s page and the claims of every frame, top frame first, each frame in reading order', () => {
    const frames = new TabFrames();
    // The iframe reports first: its host must not become the tab's.
    frames.report(4, 3, { url: 'https://embed.example/widget', enabled: true, scanning: false, claims: [claim('c-embed', 10)] });
    frames.report(4, 0, { url: 'https://news.example/story', enabled: true, scanning: true, claims: [claim('b-late', 900), claim('a-early', 20, 2)] });
    const state = frames.state(4);
    expect(state.topUrl).toBe('https://news.example/story');
    expect(state.claims.map((c) => [c.claimId, c.frameId])).toEqual([
      ['a-early', 0],
      ['b-late', 0],
      ['c-embed', 3],
    ]);
    expect(state.scanning).toBe(true);
    expect(state.frameCount).toBe(2);
    expect(frames.frameWithClaim(4, 'c-embed')).toBe(3);
  });

  it('adds up a claim found in two frames and keeps the first frame that has it', () => {
    const frames = new TabFrames();
    frames.report(1, 0, { url: 'https://a.example/', enabled: true, scanning: false, claims: [claim('x', 5, 2)] });
    frames.report(1, 2, { url: 'https://b.example/', enabled: true, scanning: false, claims: [claim('x', 1, 3)] });
    expect(frames.state(1).claims).toEqual([{ ...claim('x', 5, 5), frameId: 0 }]);
  });

  it('a claim the page keeps from being highlighted in one frame but shown in another is shown, and jumped to there', () => {
    const frames = new TabFrames();
    frames.report(1, 0, { url: 'https://a.example/', enabled: true, scanning: false, claims: [{ ...claim('x', 5), hiddenByPage: true }, { ...claim('y', 9), hiddenByPage: true }] });
    frames.report(1, 2, { url: 'https://b.example/', enabled: true, scanning: false, claims: [claim('x', 1)] });
    expect(frames.state(1).claims).toEqual([
      { ...claim('x', 5, 2), frameId: 2 },
      { ...claim('y', 9), hiddenByPage: true, frameId: 0 },
    ]);
    expect(frames.frameWithClaim(1, 'x')).toBe(2);
  });

  it('the tab\'s language is the top frame\'s latest report\'s, whatever other frames say', () => {
    const frames = new TabFrames();
    frames.report(1, 2, { url: 'https://embed.example/', enabled: true, scanning: false, claims: [], language: 'fr' });
    expect(frames.state(1).language).toBeUndefined();
    frames.report(1, 0, { url: 'https://a.example/', enabled: true, scanning: false, claims: [], language: 'de' });
    expect(frames.state(1).language).toBe('de');
    // A single-page app that loaded an article whose language its top frame cannot tell.
    frames.report(1, 0, { url: 'https://a.example/next', enabled: true, scanning: false, claims: [] });
    expect(frames.state(1)).not.toHaveProperty('language');
  });

  it('says the tab was read in part when any frame switched on cut its text at the scan\'s bounds (a new user\'s report 56)', () => {
    const frames = new TabFrames();
    frames.report(1, 0, { url: 'https://a.example/', enabled: true, scanning: false, claims: [claim('a', 0)] });
    expect(frames.state(1)).not.toHaveProperty('partlyRead');
    frames.report(1, 3, { url: 'https://embed.example/', enabled: true, scanning: false, claims: [], partlyRead: true });
    expect(frames.state(1).partlyRead).toBe(true);
    // A frame switched off lists nothing, so it leaves nothing out either.
    frames.report(1, 3, { url: 'https://embed.example/', enabled: false, scanning: false, claims: [], partlyRead: true });
    expect(frames.state(1)).not.toHaveProperty('partlyRead');
  });

  it('says the highlights open no card when any frame switched on reports that its page draws words into them (report 56)', () => {
    const frames = new TabFrames();
    frames.report(1, 0, { url: 'https://a.example/', enabled: true, scanning: false, claims: [claim('a', 0)] });
    expect(frames.state(1)).not.toHaveProperty('cardsRefused');
    frames.report(1, 0, { url: 'https://a.example/', enabled: true, scanning: false, claims: [claim('a', 0)], cardsRefused: true });
    expect(frames.state(1).cardsRefused).toBe(true);
    frames.report(1, 0, { url: 'https://a.example/', enabled: false, scanning: false, claims: [], cardsRefused: true });
    expect(frames.state(1)).not.toHaveProperty('cardsRefused');
  });

  it('a later report replaces a frame\'s earlier one; a switched-off frame lists nothing; forgetting a tab empties it', () => {
    const frames = new TabFrames();
    frames.report(1, 0, { url: 'https://a.example/', enabled: true, scanning: false, claims: [claim('x', 5)] });
    frames.report(1, 0, { url: 'https://a.example/', enabled: false, scanning: false, claims: [claim('x', 5)] });
    expect(frames.state(1)).toMatchObject({ enabled: false, claims: [] });
    frames.forgetTab(1);
    expect(frames.state(1)).toEqual({ enabled: false, scanning: false, claims: [], frameCount: 0 });
    expect(frames.state(99).topUrl).toBeUndefined();
  });
});
