/**
 * The terms the W3C Web Annotation JSON-LD context (http://www.w3.org/ns/anno.jsonld, W3C
 * Recommendation of 23 February 2017) defines, copied from it (checked term by term against a copy of
 * the context on 30 Nov 2026) so the test needs no network and no
 * JSON-LD processor (none is a dependency; a full one, jsonld.js, would be the heaviest package in
 * the tree for one test). `vocab`: the terms that are classes or named individuals, which values of
 * `type`, `motivation` and `purpose` resolve to (`@type: @vocab` properties).
 */
export const ANNO_PROPERTY_TERMS: ReadonlySet<string> = new Set([
  'id', 'type',
  'body', 'target', 'source', 'selector', 'state', 'scope', 'refinedBy', 'startSelector', 'endSelector',
  'renderedVia', 'creator', 'generator', 'rights', 'homepage', 'via', 'canonical', 'stylesheet', 'cached',
  'conformsTo', 'items', 'partOf', 'first', 'last', 'next', 'prev', 'audience', 'motivation', 'purpose',
  'textDirection', 'accessibility', 'bodyValue', 'format', 'language', 'processingLanguage', 'value', 'exact',
  'prefix', 'suffix', 'styleClass', 'name', 'email', 'email_sha1', 'nickname', 'label', 'created', 'modified',
  'generated', 'sourceDate', 'sourceDateStart', 'sourceDateEnd', 'start', 'end', 'total', 'startIndex',
]);

export const ANNO_VOCAB_TERMS: ReadonlySet<string> = new Set([
  'Annotation', 'Dataset', 'Image', 'Video', 'Audio', 'Text', 'TextualBody', 'ResourceSelection', 'SpecificResource',
  'FragmentSelector', 'CssSelector', 'XPathSelector', 'TextQuoteSelector', 'TextPositionSelector',
  'DataPositionSelector', 'SvgSelector', 'RangeSelector', 'TimeState', 'HttpRequestState', 'CssStylesheet', 'Choice',
  'Person', 'Software', 'Organization', 'AnnotationCollection', 'AnnotationPage', 'Audience',
  'Motivation', 'assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting',
  'identifying', 'linking', 'moderating', 'questioning', 'replying', 'reviewing', 'tagging',
  'auto', 'ltr', 'rtl',
]);

/**
 * The prefixes anno.jsonld defines (same copy): a compact IRI such as `dcterms:source` with one of
 * these expands to a full IRI with no context of ours.
 */
export const ANNO_PREFIXES: ReadonlySet<string> = new Set(['oa', 'dc', 'dcterms', 'dctypes', 'foaf', 'rdf', 'rdfs', 'skos', 'xsd', 'iana', 'owl', 'as', 'schema']);
