/**
 * Elements that sit inside a line of text (upper-case tag names): a highlight's paragraph is found
 * by climbing past them, for the region mark.js walks and for the block a highlight's seat names.
 */
export const INLINE_TAGS: ReadonlySet<string> = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I', 'INS', 'MARK', 'Q', 'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR']);
