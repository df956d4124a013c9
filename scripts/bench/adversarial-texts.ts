/**
 * Adversarial texts for the matcher, built to hit what a page can control: separators, sentence
 * length, clause count, names, list depth, quotations, whitespace. Each is generated deterministically
 * and cut to the length asked for. `npm run bench` matches 1 MB of each against 1 MB of prose;
 * tests/unit/match/match-linear-work.test.ts matches each at two sizes and checks the work grows
 * linearly. Structures whose size could matter (a run of spaces, a block) grow with the length asked
 * for, up to what a page can usefully make them, so doubling the text also doubles them.
 */
import { BLOCK_SEPARATOR, CELL_SEPARATOR } from '../../lib/text/extract-text';

const MEGABYTE = 1_000_000;

/**
 * Blocks (paragraphs) up to this long are examined whole before Intl.Segmenter sees them
 * (lib/match/segment-units.ts reads blocks under 20,000 characters in one go): the longest block
 * that hits that path is the worst one.
 */
const LONGEST_WHOLE_BLOCK = 19_000;
/** Units are cut at 480 characters: a run inside one unit can be this long at most. */
const LONGEST_IN_UNIT = 460;

const repeatTo = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** Joins generated pieces until `length`, tracking the size (joining 1 MB at every step made generation quadratic). */
function grow(length: number, piece: (i: number) => string, separator = ' '): string {
  const pieces: string[] = [];
  for (let i = 0, size = -separator.length; size < length; i++) {
    const next = piece(i);
    pieces.push(next);
    size += next.length + separator.length;
  }
  return pieces.join(separator).slice(0, length);
}

/** Claim words that nominate many claims at once, so every unit is a multi-claim candidate. */
const CLAIM_WORDS = [
  'Anthropic will publish Risk Reports every three to six months',
  'California SB 53 requires large frontier developers to publish a frontier AI framework',
  'report critical safety incidents within 15 days',
  'OpenAI Preparedness Framework High capability safeguards before deployment',
  'Critical safeguards during development',
  'signatories of the Frontier AI Safety Commitments would not develop or deploy a model',
  'the EU AI Act obliges providers of general-purpose AI models to keep technical documentation',
  'Frontier Safety Roadmaps goals for security and alignment',
];

/** One sentence stating several claims of several actors, joined by commas and conjunctions. */
const MANY_CLAIMS_SENTENCE =
  'Anthropic will pause training unless safeguards are adequate, publish Risk Reports every three to six months and ' +
  'Frontier Safety Roadmaps, while California SB 53 requires large frontier developers to publish a frontier AI framework ' +
  'and report critical safety incidents within 15 days, but OpenAI applies High safeguards before deployment and ' +
  'Critical safeguards even during development, whereas the signatories of the Frontier AI Safety Commitments would ' +
  'not develop or deploy a model if risks cannot be kept below thresholds, and the EU AI Act obliges providers to keep ' +
  'technical documentation. ';

/** Adversarial texts of `length` characters, by kind. */
export function adversarialTexts(length = MEGABYTE): Record<string, string> {
  const claimRun = CLAIM_WORDS.join(', and ');
  const wholeBlock = Math.max(100, Math.min(LONGEST_WHOLE_BLOCK, Math.floor(length / 2)));
  const inUnit = Math.max(20, Math.min(LONGEST_IN_UNIT, Math.floor(length / 8)));
  return {
    // One sentence of claim words and commas, no full stop anywhere.
    'one huge sentence': repeatTo(`${claimRun}, `, length),
    // The same words with no punctuation at all: nothing to cut at but the unit length.
    'one huge sentence, no punctuation': repeatTo(`${CLAIM_WORDS.join(' and ')} `, length),
    // Every clause of every sentence nominates several claims: what sub-clause splitting chews on.
    'clause-dense sentences': repeatTo(`${CLAIM_WORDS.map((words) => words.split(' ').join(', ')).join(', and ')}. `, length),
    // Sentences that each state several claims of several actors: accepted candidates, split among claims.
    'many claims per sentence': repeatTo(MANY_CLAIMS_SENTENCE, length),
    // As many sentences as the text can hold ("Ok. Meta. No."): the cost of a unit, whatever it says, times 250,000.
    'tiny sentences': repeatTo('Ok. Meta. No. ', length),
    'runs of separators': repeatTo(`${', '.repeat(200)}${';'.repeat(200)}${BLOCK_SEPARATOR.repeat(200)}${'\n'.repeat(200)}${'- '.repeat(100)}${': '.repeat(100)}${claimRun}. `, length),
    // A full stop, then a paragraph's worth of spaces: sentence detection must not backtrack over them.
    'whitespace after full stops': repeatTo(`Anthropic will publish Risk Reports.${' '.repeat(wholeBlock)}${BLOCK_SEPARATOR}`, length),
    // Two actors with a unit's worth of spaces between them: clause breaks between actors must not backtrack either.
    'spaces between actor names': grow(length, (i) => `${['Anthropic', 'OpenAI', 'Meta', 'Google DeepMind'][i % 4]} will publish Risk Reports${' '.repeat(inUnit)}`),
    'thousands of actor names': grow(length, (i) => `Anthropic, OpenAI, Google DeepMind, Meta, xAI, Microsoft, Zeta${i} Labs, Omicron${i} Inc, Zeta${i},`),
    // Organisations and instruments nobody knows: every head word ("Labs", "Act", "Code") opens a name search.
    'capitalised unknown names': grow(length, (i) => `Zeta${i} Frontier Labs Inc Act of the Alpha${i} Code for Safety Law Policy Framework Omicron${i} Bill and Zeta${i} Charter`),
    'deep lists': grow(length, (depth) => `${'  '.repeat(depth % 40)}${['- ', '• ', '1. ', '* ', '– '][depth % 5]}${depth % 3 === 0 ? 'SB 53 requires:' : CLAIM_WORDS[depth % CLAIM_WORDS.length]}`, '\n'),
    'colon lead-ins and headings': repeatTo(`SB 53 requires:${BLOCK_SEPARATOR}Risk Reports${BLOCK_SEPARATOR}publish a framework${BLOCK_SEPARATOR}What does the EU AI Act require?${BLOCK_SEPARATOR}It:${BLOCK_SEPARATOR}`, length),
    // Short quotations, each with a long attribution before and after it: who is speaking is looked up per quote.
    // One table row of ever more cells, each naming an actor and a document: what its later cells inherit must stay bounded.
    'one table row of many cells': grow(length, (i) => `${['Anthropic', 'OpenAI', 'Meta', 'Google DeepMind', 'xAI', 'Microsoft'][i % 6]} ${['Responsible Scaling Policy', 'SB 53', 'AI Act', 'Frontier Safety Framework'][i % 4]}`, CELL_SEPARATOR),
    // A table of ever more rows under a column heading naming commitments: each short cell asks its column's
    // heading whether it is content, which must not mean looking back over every row above it.
    'a table of many rows under a Commitment heading': `Commitment${CELL_SEPARATOR}Where it sits${CELL_SEPARATOR}Status${BLOCK_SEPARATOR}${grow(length, (i) => [`Anthropic will publish Risk Report ${i}`, 'RSP 3.0', 'In force'].join(CELL_SEPARATOR), BLOCK_SEPARATOR)}`.slice(0, length),
    quotations: grow(length, (i) => `A spokesman for Zeta${i} Labs said, as critics of the law and the code argued at length, “Anthropic will pause training,” the spokesman said,`),
    // Anaphors ("the law", "the order", "the companies") among many actors: each is resolved against everyone named.
    'anaphors among actors': grow(length, (i) => `Anthropic, OpenAI, Meta, xAI, Microsoft and Google DeepMind said the order, the law, the code, the framework, the companies, the signatories, the firm and the act ${i % 2 ? 'require' : 'pause'}`),
  };
}
