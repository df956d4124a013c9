import { describe, expect, it } from 'vitest';
import { segmentDocument, segmentUnits } from '../../../lib/match/segment-units';
import { BLOCK_SEPARATOR, CELL_SEPARATOR } from '../../../lib/text/extract-text';

function unitTexts(text: string): string[] {
  return segmentUnits(text).map((unit) => text.slice(unit.start, unit.end));
}

describe('segmentUnits', () => {
  it('splits sentences and trims them', () => {
    const text = '  The lab changed its policy. Critics objected!   Did it matter? ';
    expect(unitTexts(text)).toEqual(['The lab changed its policy.', 'Critics objected!', 'Did it matter?']);
  });

  it('splits a sentence at semicolons, keeping the semicolon with the left clause', () => {
    const text = 'The lab will publish reports; it will also delay releases; critics are unconvinced.';
    expect(unitTexts(text)).toEqual(['The lab will publish reports;', 'it will also delay releases;', 'critics are unconvinced.']);
  });

  it('does not split at a semicolon inside brackets: the bracket is one aside, not two clauses', () => {
    const text = 'Frontier Governance Framework (8 February 2025; updated February 2026) [draft; final]; in force.';
    expect(unitTexts(text)).toEqual(['Frontier Governance Framework (8 February 2025; updated February 2026) [draft; final];', 'in force.']);
    // A closing bracket without an opening one (a list's "b)") is no bracket to stay inside.
    expect(unitTexts('a) publish reports; b) delay releases.')).toEqual(['a) publish reports;', 'b) delay releases.']);
  });

  it('splits a ticker at its spaced separators, which belong to neither side', () => {
    for (const separator of ['·', '•', '|', '◆']) {
      const text = `BREAKING: The lab no longer pledges to pause training ${separator} A rival will adjust its safeguards if others ship first`;
      expect(unitTexts(text)).toEqual(['BREAKING: The lab no longer pledges to pause training', 'A rival will adjust its safeguards if others ship first']);
    }
  });

  it('leaves separators between labels (menus, datelines, titles) inside their unit', () => {
    for (const text of ['Explainers | California | Tech', 'Published January 12, 2026 · Updated February 3, 2026', 'What frontier developers now owe the public | The Civic Ledger']) {
      expect(unitTexts(text)).toEqual([text]);
    }
  });

  it('ends a sentence at a footnote mark after its full stop, the mark in neither sentence', () => {
    // Superscripts are extracted as plain characters: "Services.<sup>3</sup> It" reads "Services.3 It".
    // Wikipedia's runs of marks and a wiki's Markdown footnotes ("…released.[^1][^2]" left "released.[" in a quote, a new user's report 49).
    for (const mark of ['3', '12', '[4]', '[1][2]', '[^1]', '[^1][^2]', '*', '†', '³']) {
      const text = `Developers must report incidents to the Office of Emergency Services.${mark} It does not require anyone to pause.${mark}`;
      expect(unitTexts(text)).toEqual(['Developers must report incidents to the Office of Emergency Services.', 'It does not require anyone to pause.']);
    }
  });

  it('leaves numbers after a full stop that are not footnote marks inside their sentence', () => {
    for (const text of ['The lab shipped version 2.3 The reviewers were unimpressed.', 'Revenue rose in 2025.3 million users joined.', 'The lab said it would pause.3 of its rivals did not']) {
      expect(unitTexts(text).join(' ')).toBe(text);
    }
    expect(unitTexts('The lab said it would pause.3 of its rivals did not')).toEqual(['The lab said it would pause.3 of its rivals did not']);
  });

  it('does not end a sentence inside a stock ticker after a number ("005930.KS,"), but still at a full stop a space was lost after (a new user\'s report 51, problem 5)', () => {
    const wire = 'The firms, also including Amazon AMZN.O, IBM IBM.N and Samsung Electronics 005930.KS, voluntarily committed to not develop or deploy AI models.';
    expect(unitTexts(wire).join(' ')).toBe(wire);
    for (const text of ['Toyota (7203.T) and Tencent 0700.HK; both pledged to publish a framework.', 'Moutai 600519.SS, a spirits maker, was not in the list.']) expect(unitTexts(text).join(' ')).toBe(text);
    expect(unitTexts('The order took effect in 2025.A new rule followed in March.')).toEqual(['The order took effect in 2025.', 'A new rule followed in March.']);
  });

  it('does not end a sentence at a day written as an ordinal before its month ("since the 22. January", German dates machine-translated, report 57)', () => {
    for (const text of ['Providers must since the 22. January inform users about AI content.', 'The duties apply from 2. August 2026 for all providers.', 'Am 1. December 2026 tritt es in Kraft, said the ministry.']) {
      expect(unitTexts(text), text).toEqual([text]);
    }
    // A number ending a sentence before a month's name that opens the next still ends it, and so does one before any other word.
    expect(unitTexts('The vote was 52 to 47. January brought the next one.')).toEqual(['The vote was 52 to 47.', 'January brought the next one.']);
    expect(unitTexts('The list ran to 22. Then it stopped.')).toEqual(['The list ran to 22.', 'Then it stopped.']);
  });

  it('does not end a sentence at "U.S." before a word of a government body\'s name ("the U.S. Department of War", our own splits)', () => {
    for (const text of [
      'OpenAI amended its agreement with the U.S. Department of War so that the contract now bars domestic surveillance.',
      'The bill passed the U.S. Senate, and U.K. ministers welcomed it.',
    ]) {
      expect(unitTexts(text), text).toEqual([text]);
    }
    // "U.S." at a sentence's end before any other word still ends it.
    expect(unitTexts('The chips are made in the U.S. The company said so.')).toEqual(['The chips are made in the U.S.', 'The company said so.']);
  });

  it('does not end a sentence at a title before a name or at a month, "No." or "Art." before a number', () => {
    for (const text of [
      'Sen. Scott Wiener wrote the bill, and Gov. Gavin Newsom signed it.',
      'MS. TONER: I think the public deserves transparency, and DR. BENGIO agreed.',
      'Dr. Ingrid Haldane says the shift is the bigger story.',
      'Feb. 27, 2026 — OpenAI reaches an agreement with the Department of War.',
      'The rules apply from Aug. 2, 2025, and fines from Aug. 2, 2026.',
      'Executive Order No. 14365 names a task force under Art. 3 of the order.',
      'Some duties, e.g. incident reports, fall on every developer.',
    ]) {
      expect(unitTexts(text), text).toEqual([text]);
    }
    // A month without a number, or "No." answering a question, still ends its sentence.
    expect(unitTexts('They signed in Sept. The rest followed.')).toEqual(['They signed in Sept.', 'The rest followed.']);
    expect(unitTexts('Did it sign? No. The lab declined.')).toEqual(['Did it sign?', 'No.', 'The lab declined.']);
  });

  it('splits "- " list items and drops the marker', () => {
    const text = 'What changed:\n- The pause pledge is gone\n- Reports arrive every quarter\n* Roadmaps set goals';
    expect(unitTexts(text)).toEqual(['What changed:', 'The pause pledge is gone', 'Reports arrive every quarter', 'Roadmaps set goals']);
  });

  it('reads a lettered heading ("B. Transparency reports") as one heading without its letter, not a sentence "B." and a paragraph', () => {
    const text = `A. Frontier AI frameworks${BLOCK_SEPARATOR}A developer must publish one.${BLOCK_SEPARATOR}B. Transparency reports${BLOCK_SEPARATOR}Before deploying, a developer must publish a report.`;
    expect(unitTexts(text)).toEqual(['Frontier AI frameworks', 'A developer must publish one.', 'Transparency reports', 'Before deploying, a developer must publish a report.']);
    expect(segmentDocument(text).blocks.map((block) => block.kind)).toEqual(['heading', 'paragraph', 'heading', 'paragraph']);
  });

  it('splits at block separators and numbers the blocks', () => {
    const text = `First paragraph without a full stop${BLOCK_SEPARATOR}Second paragraph${BLOCK_SEPARATOR}${BLOCK_SEPARATOR}Third one. With two sentences.`;
    const units = segmentUnits(text);
    expect(units.map((unit) => text.slice(unit.start, unit.end))).toEqual([
      'First paragraph without a full stop',
      'Second paragraph',
      'Third one.',
      'With two sentences.',
    ]);
    expect(units.map((unit) => unit.block)).toEqual([0, 1, 2, 2]);
  });

  it("splits a table row into its cells, each a block that knows the row's first", () => {
    const row = (...cells: string[]) => cells.join(CELL_SEPARATOR);
    const text = [
      'Who stops:',
      row('Company', 'Rule'),
      row('Acme', `${CELL_SEPARATOR}\n `, 'Stops development.'),
      'After the table, a paragraph.',
    ].join(BLOCK_SEPARATOR);
    const doc = segmentDocument(text);
    expect(doc.blocks.map((block) => [text.slice(block.start, block.end), block.row, block.kind])).toEqual([
      ['Who stops:', -1, 'lead-in'],
      // Short cells are labels, as headings are; no cell is an item of the lead-in before the table.
      ['Company', 1, 'heading'],
      ['Rule', 1, 'heading'],
      ['Acme', 3, 'heading'],
      ['Stops development.', 3, 'paragraph'],
      ['After the table, a paragraph.', -1, 'paragraph'],
    ]);
  });

  it("takes a later cell that says something of its row as content, unpunctuated as it is; label cells stay labels", () => {
    const row = (...cells: string[]) => cells.join(CELL_SEPARATOR);
    const rule = 'Pause development on the same trigger, until mitigation practices catch up';
    const text = [
      row('Acme', 'Applies since 2 February 2025', rule),
      row('Acme will publish its rules each year', 'Scaling Rules'),
      row('Globex', 'A risk that cannot be sufficiently mitigated'),
      row('Initech', 'Review the framework at least once a year'),
    ].join(BLOCK_SEPARATOR);
    const kinds = segmentDocument(text).blocks.map((block) => [text.slice(block.start, block.end), block.kind]);
    expect(kinds).toEqual([
      ['Acme', 'heading'],
      // A verb, but five words: a date label.
      ['Applies since 2 February 2025', 'heading'],
      ['Pause development on the same trigger, until mitigation practices catch up', 'item'],
      // The row's first cell is its label whatever it says.
      ['Acme will publish its rules each year', 'heading'],
      ['Scaling Rules', 'heading'],
      ['Globex', 'heading'],
      // Its verb is in a relative clause: a noun phrase naming a condition, not something said of Globex.
      ['A risk that cannot be sufficiently mitigated', 'heading'],
      ['Initech', 'heading'],
      // An imperative, as documents write their duties.
      ['Review the framework at least once a year', 'item'],
    ]);
  });

  it("takes the cells under a column heading naming commitments as content, the first column's too; the heading row and other columns stay labels", () => {
    const row = (...cells: string[]) => cells.join(CELL_SEPARATOR);
    const text = [
      'At a glance',
      row('Commitment', 'Where it sits', 'Status'),
      row('Define ASL-4 evaluations before training', 'Earlier versions', 'Historical commitment'),
      row('Ad-free Claude', 'Company blog post', 'In force'),
      'When the rules apply',
      row('Obligation', 'Original start'),
      row('General-purpose AI models', '2 August 2025'),
      'Fact check',
      row('What the thread says', 'Verdict'),
      row('OpenAI reviews its framework every month', 'False'),
    ].join(BLOCK_SEPARATOR);
    const kinds = segmentDocument(text).blocks.map((block) => [text.slice(block.start, block.end), block.kind]);
    expect(kinds).toEqual([
      ['At a glance', 'heading'],
      ['Commitment', 'heading'],
      ['Where it sits', 'heading'],
      ['Status', 'heading'],
      ['Define ASL-4 evaluations before training', 'item'],
      // Under "Where it sits": a label, though as long.
      ['Earlier versions', 'heading'],
      ['Historical commitment', 'heading'],
      // Two words under "Commitment": a name as often as a statement.
      ['Ad-free Claude', 'heading'],
      ['Company blog post', 'heading'],
      ['In force', 'heading'],
      // A block between rows ends the table: the next row is a new table's heading row.
      ['When the rules apply', 'heading'],
      // A column of "Obligation" names categories ("General-purpose AI models"), not what they must do.
      ['Obligation', 'heading'],
      ['Original start', 'heading'],
      ['General-purpose AI models', 'heading'],
      ['2 August 2025', 'heading'],
      ['Fact check', 'heading'],
      // What a thread says is a fact-check's claim under test, not a commitment.
      ['What the thread says', 'heading'],
      ['Verdict', 'heading'],
      ['OpenAI reviews its framework every month', 'heading'],
      ['False', 'heading'],
    ]);
  });

  it('takes the cells under a "Stated gate" or "Red lines" column as content (a gate is what a framework commits to)', () => {
    const row = (...cells: string[]) => cells.join(CELL_SEPARATOR);
    const cell = 'Critical-risk models developed further only once safeguards are validated';
    const text = ['Scorecard', row('Ticker', 'Stated gate'), row('META', cell), 'Contracts', row('Company', 'Red lines'), row('OpenAI', 'No mass domestic surveillance of U.S. persons')].join(BLOCK_SEPARATOR);
    const kinds = segmentDocument(text).blocks.map((block) => [text.slice(block.start, block.end), block.kind]);
    expect(kinds).toContainEqual([cell, 'item']);
    expect(kinds).toContainEqual(['No mass domestic surveillance of U.S. persons', 'item']);
    expect(kinds).toContainEqual(['META', 'heading']);
  });

  it('does not split at soft newlines of hard-wrapped text', () => {
    // Wrapped at about 60 columns, as plain-text newsletters and mailing lists are.
    const text = [
      'The developer announced on Tuesday that it would replace its',
      'earlier scaling policy with a looser framework that drops the',
      'promise to pause training. Executives argued that the old rule',
      'no longer made sense when rivals were racing ahead without any',
      'comparable restraint. Observers were divided on the change and',
      'several asked for independent audits of the new arrangement.',
    ].join('\n');
    const units = unitTexts(text);
    expect(units).toHaveLength(3);
    expect(units[0]).toBe(text.slice(0, text.indexOf('training.') + 'training.'.length));
    expect(units[0]).toContain('\n');
    expect(units[2]!.endsWith('arrangement.')).toBe(true);
  });

  it('still splits list items inside hard-wrapped text', () => {
    const text = [
      'The revised framework keeps some of the older commitments but',
      'replaces others with goals. The main differences are these:',
      '- a risk report will be published every few months',
      '- the pause promise has been replaced by a conditional delay',
      '',
      'Both changes were announced together in a long blog post that',
      'described the reasoning at some length for outside readers.',
    ].join('\n');
    const units = unitTexts(text);
    expect(units).toContain('a risk report will be published every few months');
    expect(units).toContain('the pause promise has been replaced by a conditional delay');
    // The wrapped lines around the list stay joined into their sentences.
    expect(units[0]).toBe('The revised framework keeps some of the older commitments but\nreplaces others with goals.');
    expect(units[units.length - 1]).toBe(
      'Both changes were announced together in a long blog post that\ndescribed the reasoning at some length for outside readers.',
    );
  });

  it('treats single newlines as paragraph ends in paragraph-per-line text', () => {
    const text = 'Headline without punctuation\nThe first paragraph is a long line that keeps going well past the usual wrap width of a newsletter or mailing list.\nShort line';
    expect(unitTexts(text)).toEqual([
      'Headline without punctuation',
      'The first paragraph is a long line that keeps going well past the usual wrap width of a newsletter or mailing list.',
      'Short line',
    ]);
  });

  it('cuts a comma-free run-on over 480 characters into pieces of at most 480', () => {
    const text = `${Array.from({ length: 150 }, (_, i) => `word${i}`).join(' ')}.`;
    expect(text.length).toBeGreaterThan(960);
    const units = segmentUnits(text);
    expect(units.length).toBeGreaterThanOrEqual(3);
    for (const unit of units) expect(unit.end - unit.start).toBeLessThanOrEqual(480);
    expect(units[0]!.start).toBe(0);
    expect(units[units.length - 1]!.end).toBe(text.length);
  });

  it('cuts a long sentence at commas first, keeping each piece whole', () => {
    const clause = 'the company said it would keep publishing detailed reports about model risks';
    const text = `${Array.from({ length: 9 }, () => clause).join(', ')}.`;
    expect(text.length).toBeGreaterThan(480);
    const units = segmentUnits(text);
    expect(units.length).toBeGreaterThan(1);
    for (const unit of units) {
      expect(unit.end - unit.start).toBeLessThanOrEqual(480);
      // Every cut falls right after a comma: no clause is broken mid-word.
      expect(text.slice(unit.start, unit.end)).toMatch(/^the company said/);
    }
  });

  it('drops units with no letters or digits', () => {
    expect(unitTexts('— … ; !')).toEqual([]);
  });
});
