/**
 * What `browser.i18n.getMessage` does with a catalogue entry, for Node: tests render the views in a
 * real language from the catalogue files, and the catalogue test reads placeholders the same way.
 * Follows the WebExtension rules: `$NAME$` (any case) becomes its placeholder's content, then `$1`…`$9`
 * become the substitutions, and `$$` is a literal dollar.
 */
import type { GetMessage } from './translator';

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export type MessageCatalogue = Readonly<Record<string, MessageEntry>>;

/** `$HOST$`-style references in a message, lower-cased as the browser matches them. */
export function placeholderReferences(message: string): string[] {
  return [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((match) => match[1]!.toLowerCase());
}

export function formatMessage(entry: MessageEntry, substitutions: readonly string[] = []): string {
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([name, value]) => [name.toLowerCase(), value.content]));
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => placeholders.get(name.toLowerCase()) ?? whole);
  return named.replace(/\$(\$|[1-9])/g, (_whole, what: string) => (what === '$' ? '$' : (substitutions[Number(what) - 1] ?? '')));
}

/** `getMessage` over a parsed messages.json; names are case-insensitive, as in the browsers. */
export function getMessageFrom(catalogue: MessageCatalogue): GetMessage {
  const byName = new Map(Object.entries(catalogue).map(([name, entry]) => [name.toLowerCase(), entry]));
  return (name, substitutions) => {
    const entry = byName.get(name.toLowerCase());
    return entry ? formatMessage(entry, substitutions) : '';
  };
}
