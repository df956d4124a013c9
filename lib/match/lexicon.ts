/**
 * English words the discourse model reads: what refers back to a law, a company or a group of
 * signatories, who reports speech, and what kind of instrument a name is. This is grammar, not claim
 * data: no actor, law or claim is named here. Actors, members, instruments and their aliases come
 * from the claim set (compile-index.ts).
 *
 * All words are as `normalizeWord` leaves them (lower case, no possessive).
 */

/** Kinds of instrument, by the head nouns their names use and the nouns that refer back to them. */
export const INSTRUMENT_CLASSES = ['law', 'order', 'treaty', 'code', 'declaration', 'commitments', 'agreement', 'plan', 'framework'] as const;
export type InstrumentClass = (typeof INSTRUMENT_CLASSES)[number];

/**
 * Words in an instrument's name (or aliases) that make it that class, checked in the order of
 * INSTRUMENT_CLASSES: "Framework Act on …" is a law, "Executive Order 14110" an order.
 */
export const CLASS_NAME_WORDS: Readonly<Record<InstrumentClass, readonly string[]>> = {
  law: ['act', 'law', 'legge', 'statute', 'bill', 'measures', 'regulation', 'directive', 'omnibus'],
  order: ['order'],
  treaty: ['convention', 'treaty'],
  code: ['code'],
  declaration: ['declaration', 'statement'],
  commitments: ['commitments', 'commitment', 'pledges'],
  agreement: ['agreement', 'agreements', 'memoranda', 'memorandum', 'contract', 'mou'],
  plan: ['plan'],
  framework: ['framework', 'policy', 'policies', 'principles', 'roadmap', 'roadmaps', 'rsp'],
};

/** Nouns that, after "the", "this", "that", "its" or "these", refer back to an instrument of a class. */
export const CLASS_ANAPHORS: Readonly<Record<InstrumentClass, readonly string[]>> = {
  law: ['law', 'act', 'statute', 'bill', 'legislation', 'measure', 'measures', 'regulation', 'regulations', 'rules', 'rulebook'],
  order: ['order', 'directive', 'eo'],
  treaty: ['convention', 'treaty'],
  code: ['code'],
  declaration: ['declaration'],
  commitments: ['commitments', 'pledges', 'pledge', 'vows', 'promises', 'undertakings'],
  agreement: ['agreement', 'agreements', 'deal', 'deals', 'contract', 'contracts', 'memorandum', 'memoranda'],
  plan: ['plan', 'blueprint'],
  framework: ['framework', 'policy', 'principles', 'roadmap', 'document', 'rulebook', 'proposal'],
};

/** Determiners that make the next noun refer back ("the law", "this statute", "those signatories"). */
export const ANAPHOR_DETERMINERS: ReadonlySet<string> = new Set(['the', 'this', 'that', 'these', 'those', 'its', 'their', 'such', 'said']);

/** Nouns that refer back to a group of signatories or the companies just listed. */
export const COLLECTIVE_ANAPHORS: ReadonlySet<string> = new Set([
  'companies', 'firms', 'signatories', 'signers', 'signatory', 'organisations', 'organizations', 'labs', 'developers',
  'participants', 'members', 'parties', 'countries', 'governments', 'nations', 'states', 'group', 'businesses',
]);

/**
 * Nouns a counted group of a coalition's members is written with ("seven leading AI companies", "twenty-eight
 * countries"), each with the kind of actor it counts: 'company' for firms, 'government' for states, 'any' for
 * signatories (`countedCoalitions`).
 */
export const COUNTED_GROUP_NOUNS: ReadonlyMap<string, 'company' | 'government' | 'any'> = new Map([
  ['companies', 'company'], ['firms', 'company'], ['labs', 'company'], ['developers', 'company'], ['businesses', 'company'],
  ['countries', 'government'], ['governments', 'government'], ['nations', 'government'],
  ['signatories', 'any'],
] as const);

/**
 * Heads of the names of bodies companies or governments form together ("the Frontier Model Forum", "the AI
 * Alliance"): a counted group founding or joining one is its members, not a coalition of the claim set.
 */
export const JOINT_BODY_HEADS: ReadonlySet<string> = new Set(['forum', 'alliance', 'consortium', 'coalition', 'partnership', 'initiative', 'network']);

/** Nouns that refer back to the company last named. */
export const COMPANY_ANAPHORS: ReadonlySet<string> = new Set([
  'company', 'firm', 'lab', 'laboratory', 'startup', 'start-up', 'developer', 'maker', 'outfit', 'business', 'group', 'giant',
  'enterprise', 'corporation', 'organization', 'organisation',
]);

/** Nouns that refer back to the government or legislature last named. */
export const GOVERNMENT_ANAPHORS: ReadonlySet<string> = new Set([
  'government', 'administration', 'state', 'legislature', 'country', 'commission', 'union', 'bloc', 'institute', 'centre',
  'center', 'regulator', 'ministry', 'president',
]);

/**
 * Verbs that report what someone says, denies, wants or asks. A sentence whose reporting verb has
 * someone other than the claim's actor as subject reports that person's words, not the actor's claim.
 */
export const REPORTING_VERBS: ReadonlySet<string> = new Set([
  'say', 'says', 'said', 'saying', 'argue', 'argues', 'argued', 'reply', 'replies', 'replied', 'deny', 'denies', 'denied',
  'want', 'wants', 'wanted', 'ask', 'asks', 'asked', 'warn', 'warns', 'warned', 'claim', 'claims', 'claimed', 'insist',
  'insists', 'insisted', 'counter', 'counters', 'countered', 'tell', 'tells', 'told', 'add', 'adds', 'added', 'note',
  'notes', 'noted', 'stress', 'stresses', 'stressed', 'contend', 'contends', 'contended', 'complain', 'complains',
  'complained', 'accuse', 'accuses', 'accused', 'praise', 'praises', 'praised', 'believe', 'believes', 'believed',
  'think', 'thinks', 'thought', 'fear', 'fears', 'feared', 'hope', 'hopes', 'hoped', 'suggest', 'suggests', 'suggested',
  'predict', 'predicts', 'predicted', 'demand', 'demands', 'demanded', 'urge', 'urges', 'urged', 'wonder', 'wonders',
  'wondered', 'question', 'questions', 'questioned', 'doubt', 'doubts', 'doubted', 'retort', 'retorted', 'respond',
  'responds', 'responded', 'counter', 'object', 'objects', 'objected', 'call', 'calls', 'called', 'maintain', 'maintains',
  'maintained', 'write', 'writes', 'wrote', 'according', 'mention', 'mentions', 'mentioned', 'announce', 'announces',
  'announced', 'state', 'states', 'stated', 'explain', 'explains', 'explained', 'confirm', 'confirms', 'confirmed',
  'acknowledge', 'acknowledges', 'acknowledged', 'admit', 'admits', 'admitted', 'insists', 'reply',
]);

/**
 * Verbs that, before "for", say someone wanted something ("the European Parliament pushed for a complete ban",
 * "lobbied for", "argued for"): what a law's makers sought, not what the law says.
 */
export const SEEKING_VERBS: ReadonlySet<string> = new Set([
  'push', 'pushes', 'pushed', 'pushing', 'lobby', 'lobbies', 'lobbied', 'lobbying', 'campaign', 'campaigns', 'campaigned',
  'campaigning', 'fight', 'fights', 'fought', 'fighting', 'argue', 'argues', 'argued', 'arguing', 'press', 'presses',
  'pressed', 'pressing',
]);

/** People and groups whose words are theirs, not the actor's: critics, officials of others, observers. */
export const OUTSIDER_NOUNS: ReadonlySet<string> = new Set([
  'critic', 'critics', 'supporter', 'supporters', 'opponent', 'opponents', 'lobbyist', 'lobbyists', 'analyst', 'analysts',
  'expert', 'experts', 'observer', 'observers', 'lawmaker', 'lawmakers', 'legislator', 'legislators', 'senator', 'senators',
  'skeptic', 'skeptics', 'sceptic', 'sceptics', 'advocate', 'advocates', 'campaigner', 'campaigners', 'commentator',
  'commentators', 'researcher', 'researchers', 'academic', 'academics', 'activist', 'activists', 'detractor', 'detractors',
  'fan', 'fans', 'admirer', 'admirers', 'defender', 'defenders', 'proponent', 'proponents', 'backer', 'backers', 'champion', 'champions', 'apologist', 'apologists', 'insider', 'insiders', 'investor', 'investors', 'economist', 'economists',
  'pundit', 'pundits', 'columnist', 'columnists', 'editorial', 'some', 'many', 'others', 'people', 'groups', 'ngos',
  'unions', 'rival', 'rivals', 'competitor', 'competitors', 'representative', 'congressman', 'congresswoman', 'judge',
  'court', 'prosecutors', 'democrats', 'republicans',
]);

/** Nouns naming someone who speaks for an organisation: their words are the organisation's. */
export const SPOKESPERSON_NOUNS: ReadonlySet<string> = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'spokespeople', 'official', 'officials', 'executive', 'executives',
  'chief', 'ceo', 'head', 'director', 'secretary', 'minister', 'president', 'chair', 'chairman', 'chairwoman', 'founder',
  'cofounder', 'co-founder', 'leader', 'leaders', 'department', 'ministry', 'office', 'agency', 'statement', 'representative',
]);

/** Words that make an unknown capitalised name an organisation ("Nimbus Labs", "Acme Corp"). */
export const ORGANISATION_SUFFIXES = ['Labs', 'Lab', 'Inc', 'Corp', 'Corporation', 'Technologies', 'Robotics', 'Dynamics', 'Ltd', 'LLC', 'GmbH', 'Holdings', 'Ventures'] as const;

/**
 * Head nouns that describe a business ("Corvex Compute, a private data-centre developer", "defense start-up
 * Tessaract Systems"): a capitalised name described by one is an organisation, known or not.
 */
export const BUSINESS_NOUNS = [
  'start-up', 'startup', 'company', 'firm', 'developer', 'provider', 'lab', 'laboratory', 'maker', 'reseller', 'operator',
  'vendor', 'supplier', 'contractor', 'chipmaker', 'manufacturer', 'insurer', 'lender', 'retailer', 'unicorn', 'subsidiary',
  'spin-off', 'spinout', 'consultancy', 'builder', 'outfit',
] as const;

/** Actor types that make laws and orders (`Actor.type`). */
export const LAWMAKER_TYPES: ReadonlySet<string> = new Set(['government', 'legislature']);

/** A mention that took its owner's apostrophe with it ("Anthropic's", "New York's", "Reuters'"). */
export const POSSESSIVE_END = /['’]s?$/u;

/** Capitalised words that start a sentence or a name without being one. */
export const NOT_A_NAME: ReadonlySet<string> = new Set([
  'The', 'A', 'An', 'Its', 'Their', 'This', 'That', 'These', 'Those', 'Our', 'New', 'Other', 'Some', 'Many', 'Both', 'All',
  'Under', 'In', 'On', 'At', 'By', 'For', 'From', 'With', 'As', 'If', 'When', 'While', 'But', 'And', 'Or', 'So', 'Since',
  'After', 'Before', 'Last', 'Next', 'Each', 'Every', 'Any', 'No', 'Most', 'Such', 'Why', 'What', 'How', 'Who', 'Where',
  'It', 'He', 'She', 'They', 'We', 'You', 'I', 'Big', 'Major', 'Leading', 'Top', 'US', 'UK', 'EU', 'Executive', 'Presidential',
]);

/**
 * Words that put a page on the claims' subject, AI (`jurisdictionNeedsAi`): only words other fields do not
 * use ("frontier developers", "chatbots", "deepfakes"). Not "model", "algorithm", "developer", "automated"
 * or "synthetic": banks have models, insurers algorithms, housing developers, payments automation and labs
 * synthetic opioids. Keys as `Token.key` (lower case, plurals listed).
 */
export const AI_TOPIC_WORDS: ReadonlySet<string> = new Set([
  // ("Artificial intelligence" and "AI-generated" reach here as "ai": the tokenizer folds and splits them.)
  'ai', 'a.i', 'ais', 'a.i.s', 'frontier', 'chatbot', 'chatbots', 'deepfake', 'deepfakes', 'deepfaked', 'deepfaking', 'gpai',
  'llm', 'llms', 'generative', 'genai',
]);

/** Two-word signs of the same (`AI_TOPIC_WORDS`): first word's key to the second words' keys ("deep fakes", "chat bots"). */
export const AI_TOPIC_PAIRS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['deep', new Set(['fake', 'fakes'])],
  ['chat', new Set(['bot', 'bots'])],
  ['language', new Set(['model', 'models'])],
  ['machine', new Set(['learning'])],
  ['neural', new Set(['network', 'networks'])],
]);

/**
 * Topics of fields of law no claim's document belongs to: before a document noun ("the state's cybersecurity
 * regulation", "New York's insurance law", "the consumer protection act") they name another document.
 */
export const OTHER_FIELD_LAW_TOPICS: ReadonlySet<string> = new Set([
  'cybersecurity', 'cyber', 'privacy', 'insurance', 'banking', 'securities', 'tax', 'labor', 'labour', 'employment', 'antitrust',
  'competition', 'environmental', 'health', 'healthcare', 'consumer', 'biometric', 'telecommunications', 'election', 'aviation',
  'vehicle', 'traffic', 'food', 'drug', 'pharmaceutical', 'medical', 'financial', 'copyright', 'patent', 'trademark', 'immigration',
  'housing', 'zoning', 'firearms', 'gun', 'breach', 'wiretap', 'lending', 'credit',
]);

/**
 * Jurisdictions that make laws, by name (and the countries' demonyms): the US states (not "Washington", which is
 * also the federal government) and countries outside the EU. Those the claim set knows ("California", "Texas", "China") are found as its names first;
 * the others name a law of someone else ("a coalition of Democrats in Minnesota has drafted a bill that would require
 * …", "Japan's AI Promotion Act").
 */
export const JURISDICTION_NAMES = [
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida', 'Georgia', 'Hawaii',
  'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine', 'Maryland', 'Massachusetts', 'Michigan',
  'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada', 'New Hampshire', 'New Jersey', 'New Mexico', 'New York',
  'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma', 'Oregon', 'Pennsylvania', 'Rhode Island', 'South Carolina', 'South Dakota',
  'Tennessee', 'Texas', 'Utah', 'Vermont', 'Virginia', 'West Virginia', 'Wisconsin', 'Wyoming',
  'Japan', 'Brazil', 'Canada', 'India', 'Australia', 'Singapore', 'Vietnam', 'Taiwan', 'Israel', 'Switzerland', 'Norway', 'Mexico',
  'Argentina', 'Chile', 'Indonesia', 'Malaysia', 'Thailand', 'Philippines', 'South Africa', 'Nigeria', 'Kenya', 'Turkey', 'Russia',
  'Saudi Arabia', 'New Zealand', 'Peru', 'Colombia', 'Ukraine', 'Egypt', 'Pakistan', 'Kazakhstan',
  // (The UK makes no law of the set: it is known only as a member, of the Bletchley signatories and, with the US, of
  // those who declined the Paris declaration. "Britain's AI bill would require frontier developers to report …".)
  'United Kingdom', 'Great Britain', 'Britain', 'UK', 'U.K.',
  // Their demonyms, for the same: "the British bill", "a Canadian law would require …".
  'British', 'Canadian', 'Japanese', 'Brazilian', 'Australian', 'Indian', 'Singaporean', 'Israeli', 'Swiss', 'Norwegian',
  'Mexican', 'Argentine', 'Chilean', 'Indonesian', 'Malaysian', 'Thai', 'Filipino', 'South African', 'Nigerian', 'Kenyan',
  'Turkish', 'Russian', 'Saudi', 'Peruvian', 'Colombian', 'Ukrainian', 'Egyptian', 'Pakistani', 'Taiwanese', 'Vietnamese',
] as const;

/** Head nouns of instruments we may not know ("the Digital Services Act", "Japan's AI Promotion Act"). */
export const UNKNOWN_INSTRUMENT_HEADS = ['Act', 'Law', 'Bill', 'Directive', 'Regulation', 'Convention', 'Treaty', 'Declaration', 'Framework', 'Policy', 'Code', 'Charter', 'Accord', 'Order', 'Pledge', 'Commitments', 'Principles'] as const;

/**
 * An indefinite or contrasting subject ("one developer", "no rivals", "others") makes a sentence about
 * someone hypothetical or someone else: not a company's own claim. Words that may open a sentence
 * before its subject are skipped.
 */
export const SUBJECT_OPENERS: ReadonlySet<string> = new Set(['if', 'when', 'while', 'but', 'and', 'although', 'though', 'because', 'since', 'as', 'so', 'yet', 'however', 'still', 'even', 'whether']);
export const INDEFINITE_DETERMINERS: ReadonlySet<string> = new Set(['1', 'one', 'a', 'an', 'no', 'any', 'another', 'every', 'each', 'other', 'some', 'many', 'most', 'few', 'several']);
export const AGENT_NOUNS: ReadonlySet<string> = new Set([
  'developer', 'developers', 'company', 'companies', 'lab', 'labs', 'firm', 'firms', 'rival', 'rivals', 'competitor',
  'competitors', 'player', 'players', 'startup', 'startups', 'organisation', 'organisations', 'organization', 'organizations',
  'maker', 'makers', 'business', 'businesses', 'utility', 'utilities', 'association', 'associations', 'insurer', 'insurers',
]);
/** People a sentence may introduce indefinitely as its subject ("one executive", "a spokesperson for one signatory"): see `indefinitePerson`. */
export const PERSON_NOUNS: ReadonlySet<string> = new Set([
  'official', 'officials', 'executive', 'executives', 'spokesperson', 'spokesman', 'spokeswoman', 'employee', 'employees',
  'engineer', 'engineers', 'researcher', 'researchers', 'source', 'sources', 'person', 'insider', 'insiders', 'staffer',
  'staffers', 'manager', 'managers', 'adviser', 'advisers', 'advisor', 'advisors', 'aide', 'aides', 'observer', 'observers',
]);
export const CONTRAST_SUBJECTS: ReadonlySet<string> = new Set(['rivals', 'competitors', 'others', 'critics', 'opponents', 'skeptics', 'sceptics']);

/**
 * Month names and their abbreviations: a unit made of these and numbers only ("2 August 2026",
 * "2, 2026.") dates something and states nothing.
 */
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
export const DATE_WORDS: ReadonlySet<string> = new Set([...MONTH_NAMES, 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

/** The month (1-12) a month name or abbreviation (a token's lower-case key: "june", "sept") names; 0 for any other word. */
export function monthOf(key: string): number {
  if (!DATE_WORDS.has(key)) return 0;
  const stem = key.slice(0, 3);
  return MONTH_NAMES.findIndex((name) => name.startsWith(stem)) + 1;
}

/** Whether a word (a token's lower-case key) is part of a written date: a number or a month. */
export function isDateWord(key: string): boolean {
  return /^\d/.test(key) || DATE_WORDS.has(key);
}

/**
 * The months' first letters as a regular-expression alternation ("Jan|Feb|…|Dec", "Sept" too): what
 * patterns that find written dates ("1 August 2025", "Aug. 1") build their month from.
 */
export const MONTH_STEMS = 'Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';

/** Weekday names: a liveblog's dateline ("Thursday 22 January 2026") is a date too (see `weekdayDates`). */
export const WEEKDAY_WORDS: ReadonlySet<string> = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/**
 * A table's column heading naming what its cells promise, require or say ("Commitment", "Pledge", "Development
 * rule", "Stated gate", "Red lines", "What Anthropic says it will do", "Short summary"): segmentation reads that
 * column's short cells as the row's content, not labels (segment-units.ts `classifyBlocks`). What a post, a thread or
 * a critic says is a fact-check's column of claims it checks, not a commitment's; an "Obligation" column names
 * duties ("High-risk products (Annex I)") beside their dates.
 */
export const COMMITMENT_COLUMN =
  /\b(?:commitments?|pledges?|promise[sd]?|undertakings?|dut(?:y|ies)|requirements?|rules?|gates?|red lines?|summary|core content|substance)\b|^what\b(?!.*\b(?:posts?|thread|tweets?|viral|claims?|rumou?rs?|critics?|users?|video)\b).*\b(?:says?|said|promised|promises|requires?|commits?|pledged?|will do)\b/i;

/**
 * A bare verb opening a clause, as documents and trackers write duties and listicles summarise them ("Review
 * the framework at least once a year", "Microsoft: pause until mitigations catch up"): read by segmentation
 * (a table cell that opens with one is content) and by headings (a clause after a colon that opens with one is
 * no topic label).
 */
export const IMPERATIVE_OPENING =
  /^\W*(?:review|assess|evaluate|test|report|notify|label|mark|disclose|maintain|implement|define|identify|mitigate|document|share|provide|protect|secure|preserve|retain|keep|stop|pause|halt|delay|restrict|ensure|inform|tell|embed|offer|establish|designate|conduct|perform|deploy|develop|train|invest|facilitate|run|give|grant|pay|cover|fund|dedicate|prioriti[sz]e|match|meet|support|submit|file|register|watermark|publish|withhold|limit|ban|bar)\b/i;

/**
 * A verb of commitment, obligation, permission or change, or a modal ("will", "must", "pledged", "dropped",
 * "applies"): what makes a line say something of its subject rather than name it. Read by the unit gate
 * (`commitVerb`) and by segmentation, which takes a table cell holding one as content, not a label.
 */
export const COMMITMENT_VERB =
  /\b(?:will|would|must|shall|won't|wouldn't|cannot|can't|should|may not|has to|have to|had to|needs? to|agreed?|agrees|commit\w*|pledg\w*|promis\w*|vow\w*|requir\w*|oblig\w*|bans?|banned|prohibit\w*|forbid\w*|bars?|barred|sign\w*|adopt\w*|introduc\w*|add\w*|drop\w*|remov\w*|revok\w*|replac\w*|publish\w*|releas\w*|declin\w*|refus\w*|withh\w*|halt\w*|paus\w*|delay\w*|allow\w*|limit\w*|apply|applies|applied|set|sets|says?|said)\b/i;

/** Articles that make the name after them a kind of thing ("a frontier AI framework"), not the document so named. */
export const INDEFINITE_ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'any', 'each', 'every']);

/**
 * Finite verbs a short sentence may hang on: the auxiliaries and modals, and the verbs of saying and
 * committing. Words, lower case; what tells a sentence from a label (match-claims' `statesAsSubject`,
 * segment-units' runs of short lines).
 */
export const FINITE_VERB = /\b(?:is|are|was|were|has|have|had|does|did|will|would|must|shall|may|can|could|should|won['’]t|isn['’]t|hasn['’]t|says|said|declin\w*|refus\w*|sign(?:s|ed)|agree[sd]?|pledge[sd]|promise[sd]|commit(?:s|ted)|vow(?:s|ed)|keeps|kept|stays|remains|drops|dropped|publish(?:es|ed)|announc(?:es|ed)|adopt(?:s|ed)|withdr[ae]w\w*|ban(?:s|ned)|bars|barred|require[sd]|names|named)\b/i;
