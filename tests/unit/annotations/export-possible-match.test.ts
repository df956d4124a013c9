/**
 * A possible match (the matcher unsure the passage states the claim, `ClaimMatch.possible`) is kept with the
 * mention and said in every export, as the card says it: a new user's report 55 found journalists' exports
 * filing possible matches as plain quotes of the claim.
 */
import { describe, expect, it } from 'vitest';
import { POSSIBLE_MATCH_LINE } from '../../../lib/annotations/claim-facts';
import { EXPORT_FORMATS } from '../../../lib/annotations/export-formats';
import { exportW3c } from '../../../lib/annotations/export-w3c';
import { parseAnnotationExport } from '../../../lib/annotations/import-annotations';
import { mergeMentions } from '../../../lib/annotations/merge-mentions';
import { mentionsSeen } from '../../../lib/background/store/mention-store';
import { claimsById, makeMention } from './fixtures';

const generatedAt = '2026-11-25T12:00:00.000Z';
const possible = makeMention({ exact: 'Acme said it might pause training', possible: true });
const sure = makeMention({ exact: 'Acme said it would no longer pause training', start: 400, pageUrl: 'https://news.example/2026/another-story' });

describe('a possible match', () => {
  it('is kept with the mention the matcher found it in, and only there', () => {
    const text = 'Acme said it might pause training. Acme said it would no longer pause training.';
    const [unsure, certain] = mentionsSeen({ url: 'https://news.example/a', title: 'A', text }, [
      { claimId: 'acme-pause', start: 0, end: 33, possible: true },
      { claimId: 'acme-pause', start: 35, end: text.length - 1, possible: false },
    ], new Date(generatedAt));
    expect(unsure!.possible).toBe(true);
    expect(certain).not.toHaveProperty('possible');
  });

  it('is the later sighting\'s when the same mention is merged (a claim-set update made the matcher surer)', () => {
    const later = { ...possible, lastSeen: '2026-11-26T12:00:00.000Z' };
    const { possible: _was, ...surer } = later;
    expect(mergeMentions([possible], [surer]).merged[0]).not.toHaveProperty('possible');
    expect(mergeMentions([sure], [{ ...sure, lastSeen: '2026-11-26T12:00:00.000Z', possible: true }]).merged[0]!.possible).toBe(true);
  });

  it('is said in Markdown, CSL-JSON and CSV, and not of a sure match', () => {
    const markdown = EXPORT_FORMATS.markdown.serialise([possible, sure], claimsById, generatedAt);
    expect(markdown.split(POSSIBLE_MATCH_LINE)).toHaveLength(2);
    const csl = JSON.parse(EXPORT_FORMATS.csl.serialise([possible, sure], claimsById, generatedAt)) as Array<{ note: string }>;
    expect(csl.map((item) => item.note.includes(POSSIBLE_MATCH_LINE))).toEqual([true, false]);
    const csv = EXPORT_FORMATS.csv.serialise([possible, sure], claimsById, generatedAt);
    const header = csv.split('\n')[0]!.replace(/^\uFEFF/, '').split(',');
    expect(header).toContain('possible_match');
  });

  it('goes through the W3C export and back', () => {
    const file = exportW3c([possible, sure], claimsById, { generatedAt });
    expect(file.first.items.map((item) => item.pledgeLens.possibleMatch)).toEqual([true, false]);
    const read = parseAnnotationExport(JSON.stringify(file), new Date(generatedAt));
    expect(read.ok && read.mentions.map((mention) => mention.possible ?? false)).toEqual([true, false]);
  });
});
