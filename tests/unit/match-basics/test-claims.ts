/**
 * A small invented claim set for matcher tests: two actors, three claims. The wording is made up
 * (not from the seeds or the bundled set) so these tests do not move when the research does; only
 * the matching fields are set here, the rest comes from the shared builder.
 */
import type { Actor, Claim } from '../../../lib/claims/schema';
import { makeClaim } from '../../support/claim-sets';

const ACME: Actor = { id: 'acme-ai', name: 'Acme AI', type: 'company', aliases: ['Acme'] };
const GLOBEX: Actor = { id: 'globex', name: 'Globex', type: 'company', aliases: ['Globex Corporation'] };

const claim = ({ id, ...fields }: Pick<Claim, 'id' | 'actor' | 'statement' | 'phrasings' | 'keyPhrases' | 'keyTerms'>): Claim => makeClaim(id, fields);

export const LEDGER_CLAIM = claim({
  id: 'acme-threat-ledgers',
  actor: ACME,
  statement: 'Acme AI will publish Threat Ledgers every three months describing the dangers of its models.',
  phrasings: [
    'Acme says it will publish a ledger of model dangers every quarter.',
    'The company plans a quarterly ledger setting out how risky its systems are.',
    'Acme AI promised a regular Threat Ledger on the hazards of its models.',
  ],
  keyPhrases: ['Threat Ledger', 'Threat Ledgers'],
  keyTerms: [
    ['ledger', 'ledgers', 'report', 'reports'],
    ['quarter', 'quarterly', 'three', 'months', 'regular', 'regularly'],
  ],
});

export const PAUSE_CLAIM = claim({
  id: 'acme-halt-training',
  actor: ACME,
  statement: 'Acme AI will halt training of larger models unless its safeguards are adequate.',
  phrasings: [
    'Acme pledged to stop training bigger systems unless protections were sufficient.',
    'Acme AI would pause model training if its safeguards fell short.',
  ],
  keyPhrases: [],
  keyTerms: [
    ['halt', 'pause', 'stop', 'training', 'train'],
    ['unless', 'adequate', 'sufficient', 'safeguards', 'short'],
  ],
});

export const WEIGHTS_CLAIM = claim({
  id: 'globex-open-weights',
  actor: GLOBEX,
  statement: 'Globex will share the weights of its research models with university labs.',
  phrasings: ['Globex plans to give universities the weights of its research models.'],
  keyPhrases: [],
  keyTerms: [['weights', 'weight'], ['share', 'give', 'release', 'publish']],
});

export const TEST_CLAIMS: Claim[] = [LEDGER_CLAIM, PAUSE_CLAIM, WEIGHTS_CLAIM];
