/**
 * Messages that mark words for emphasis, a link or code keep the markup in the sentence
 * ("in the <a>options</a>, to get…"), so a translator can move it with the words. Only flat,
 * lower-case tags are recognised; everything is rendered as text, never parsed as HTML.
 */
export interface RichPart {
  /** The tag around this text, or undefined for plain text. */
  tag?: string;
  text: string;
}

const TAGGED = /<([a-z]+)>(.*?)<\/\1>/gs;

export function parseRichText(message: string): RichPart[] {
  const parts: RichPart[] = [];
  let last = 0;
  for (const match of message.matchAll(TAGGED)) {
    if (match.index > last) parts.push({ text: message.slice(last, match.index) });
    parts.push({ tag: match[1]!, text: match[2]! });
    last = match.index + match[0].length;
  }
  if (last < message.length) parts.push({ text: message.slice(last) });
  return parts;
}

/** The tags a message uses, in order: a translation must use the same ones. */
export function richTags(message: string): string[] {
  return parseRichText(message).flatMap((part) => (part.tag ? [part.tag] : []));
}
