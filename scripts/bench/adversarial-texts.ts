/**
 * Adversarial texts of 1 MB for the matcher, built to hit what a page can control: separators,
 * sentence length, clause count, names, list depth. Each is generated deterministically.
 */
import { BLOCK_SEPARATOR } from '../../lib/text/extract-text';

const MEGABYTE = 1_000_000;

const repeatTo = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

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

/** Adversarial texts of `length` characters, by kind. */
export function adversarialTexts(length = MEGABYTE): Record<string, string> {
  const claimRun = CLAIM_WORDS.join(', and ');
  // Lengths are tracked as the lists grow: joining 1 MB at every step made generation quadratic (minutes).
  const names: string[] = [];
  for (let i = 0, size = -1; size < length; i++) {
    const name = `Anthropic, OpenAI, Google DeepMind, Meta, xAI, Microsoft, Zeta${i} Labs, Omicron${i} Inc, Zeta${i},`;
    names.push(name);
    size += name.length + 1;
  }
  const lines: string[] = [];
  for (let depth = 0, size = -1; size < length; depth++) {
    const line = `${'  '.repeat(depth % 40)}${['- ', '• ', '1. ', '* ', '– '][depth % 5]}${depth % 3 === 0 ? 'SB 53 requires:' : CLAIM_WORDS[depth % CLAIM_WORDS.length]}`;
    lines.push(line);
    size += line.length + 1;
  }
  return {
    // One sentence of claim words and commas, no full stop anywhere.
    'one huge sentence': repeatTo(`${claimRun}, `, length),
    // Every clause of every sentence nominates several claims: what sub-clause splitting chews on.
    'clause-dense sentences': repeatTo(`${CLAIM_WORDS.map((words) => words.split(' ').join(', ')).join(', and ')}. `, length),
    'runs of separators': repeatTo(`${', '.repeat(200)}${';'.repeat(200)}${BLOCK_SEPARATOR.repeat(200)}${'\n'.repeat(200)}${'- '.repeat(100)}${': '.repeat(100)}${claimRun}. `, length),
    'thousands of actor names': names.join(' ').slice(0, length),
    'deep lists': lines.join('\n').slice(0, length),
    'colon lead-ins and headings': repeatTo(`SB 53 requires:${BLOCK_SEPARATOR}Risk Reports${BLOCK_SEPARATOR}publish a framework${BLOCK_SEPARATOR}What does the EU AI Act require?${BLOCK_SEPARATOR}It:${BLOCK_SEPARATOR}`, length),
  };
}

