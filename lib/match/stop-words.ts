/**
 * Words that carry no claim content. Negations ("not", "never", "no") and conditionals ("if", "when", "before", "unless",
 * "until", "without", "only") are deliberately absent: they are the difference between a pledge and
 * its opposite, and key-term gates use them.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been being below ' +
    'between both but by can could did do does doing down during each either few for from further had has ' +
    'have having he her here hers herself him himself his how i in into is it its itself just me more most ' +
    'my myself nor of off on once or other our ours ourselves out over own same she should so some such than ' +
    'that the their theirs them themselves then there these they this those through to too under up very was ' +
    'we were what where which while who whom why will with would you your yours yourself yourselves ' +
    'said says say saying told tells according reported reportedly per cent percent mr ms dr its us one ' +
    'would may might must shall also still even already yet'
  ).split(' '),
);
