/**
 * The cheap test a content script runs before waking the background: can this text state any known
 * claim at all? Every claim is about AI and names (or sits under a name of) its actor, its instrument
 * or a distinctive phrase, so text with no such name AND no word about AI cannot hold a claim, and
 * sends nothing. The vocabulary is derived from the claim set (nothing hard-coded but the AI cue
 * words), written by the background to `storage.local`, and read by content scripts without waking it.
 */
import type { Claim } from '../claims/schema';
import { actorsOf, namesOf } from '../claims/claim-actors';
import { CLASS_NAME_WORDS } from '../match/lexicon';

/** The `storage.local` key the background writes the vocabulary under. */
export const CLAIM_VOCABULARY_KEY = 'claimVocabulary';

export interface ClaimVocabulary {
  /** Bumped when the shape changes, so a content script never trusts an old stored vocabulary. */
  format: 1;
  /** Names as lower-case, accent-folded word sequences joined by one space ("sb 53", "anthropic"). */
  names: string[];
  /** Those names that say "AI" themselves ("OpenAI", "xAI"): an article may name them and never the word. */
  aiNames: string[];
}

/** Words without which no text is about AI: every claim's subject. */
const AI_CUES = /\b(?:ai|a\.i\.|artificial[\s-]+intelligence|frontier|chatbots?|llms?|language[\s-]+models?|machine[\s-]+learning|deep[\s-]?mind|gpt|claude|gemini|llama|grok|anthropic|scaling[\s-]+polic(?:y|ies))\b/i;

const COMBINING_MARKS = new RegExp('\\p{M}', 'gu');
const WORD = new RegExp('[\\p{L}\\p{N}]+', 'gu');

/** Words that name a kind of document or are too common to tell one instrument from others. */
const GENERIC_NAME_WORDS = new Set([
  ...Object.values(CLASS_NAME_WORDS).flat(),
  'the', 'of', 'on', 'for', 'and', 'in', 'to', 'a', 'an', 'its', 'eu', 'us', 'uk', 'ai', 'national', 'international', 'first',
  'voluntary', 'safety', 'security', 'frontier', 'practice', 'general', 'purpose', 'gpai', 'model', 'models', 'rules', 'guidelines',
  'labeling', 'labelling', 'content', 'consumer', 'protections', 'white', 'house', 'executive', 'basic', 'responsible', 'governance',
]);

/** Whether a name has a word of its own: not a kind of document nor a common word (see `GENERIC_NAME_WORDS`). */
function ownWord(name: string): boolean {
  return words(name).some((word) => !GENERIC_NAME_WORDS.has(word));
}

/** Lower-case, accent-free words of a text, as the vocabulary stores them. */
function words(text: string): string[] {
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase().match(WORD) ?? [];
}

/**
 * The names that can introduce a claim: actors, their aliases and members, instruments and their
 * aliases, and key phrases. Sorted and unique, so the stored value only changes when the set does.
 */
export function buildClaimVocabulary(claims: readonly Claim[]): ClaimVocabulary {
  const names = new Set<string>();
  const aiNames = new Set<string>();
  const add = (name: string) => {
    const joined = words(name).join(' ');
    if (!joined) return;
    names.add(joined);
    // "OpenAI", "xAI": the capitals show a name built on "AI" (unlike "Spain" or "Shanghai").
    if (/[a-z]AI\b/.test(name)) aiNames.add(joined);
  };
  for (const claim of claims) {
    // (A sentence naming only the parties to an agreement can state it: "OpenAI and Anthropic signed deals …".)
    for (const actor of actorsOf(claim)) namesOf(actor).forEach(add);
    if (claim.instrument) {
      add(claim.instrument.name);
      claim.instrument.aliases.forEach(add);
      // "The Seoul commitments", "SB 53", "the Bletchley Declaration": the short name of an instrument
      // about AI speaks of AI itself when a word of it is its own (a place, a number, a coined name) and
      // not a kind of document ("the Code of Practice", "the Framework Convention" could be any code or
      // treaty). A one-paragraph explainer in a frame may name nothing else.
      if (AI_CUES.test(claim.instrument.name)) for (const alias of claim.instrument.aliases) if (ownWord(alias)) aiNames.add(words(alias).join(' '));
    }
    claim.keyPhrases.forEach(add);
  }
  return { format: 1, names: [...names].sort(), aiNames: [...aiNames].sort() };
}

/** A compiled vocabulary: names by their first word, for one pass over the text. */
export class VocabularyMatcher {
  private readonly byFirstWord = new Map<string, string[][]>();
  private readonly aiNames: ReadonlySet<string>;

  constructor(vocabulary: ClaimVocabulary) {
    this.aiNames = new Set(vocabulary.aiNames);
    for (const name of vocabulary.names) {
      const parts = name.split(' ');
      const list = this.byFirstWord.get(parts[0]!) ?? [];
      list.push(parts);
      this.byFirstWord.set(parts[0]!, list);
    }
  }

  /**
   * Whether `text` may state a known claim: it names a known name, and speaks of AI (a cue word, or a
   * name built on "AI" such as OpenAI). `pageAboutAi`: the page it is part of speaks of AI (an embedded
   * post in an article that does), so a name is enough.
   * One pass over the text's words; cost is linear in its length (UTF-16 units).
   */
  mayStateClaims(text: string, pageAboutAi = false): boolean {
    const aboutAi = pageAboutAi || AI_CUES.test(text);
    const tokens = words(text);
    for (let i = 0; i < tokens.length; i++) {
      const candidates = this.byFirstWord.get(tokens[i]!);
      if (!candidates) continue;
      for (const parts of candidates) {
        let j = 1;
        while (j < parts.length && tokens[i + j] === parts[j]) j++;
        if (j === parts.length && (aboutAi || this.aiNames.has(parts.join(' ')))) return true;
      }
    }
    return false;
  }
}
