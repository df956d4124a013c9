import { createContext, Fragment, type ComponentChildren, type VNode } from 'preact';
import { useContext } from 'preact/hooks';
import { parseRichText } from '@/lib/i18n/rich-text';
import { createTranslator, type Translator } from '@/lib/i18n/translator';

/**
 * The translator the views speak through. Each entrypoint provides one built on the browser's
 * i18n; without a provider every message shows its own name, so a page that forgot it is obvious
 * in tests rather than silently English.
 */
export const I18nContext = createContext<Translator>(createTranslator(() => ''));

export function I18nProvider({ translator, children }: { translator: Translator; children: ComponentChildren }) {
  return <I18nContext.Provider value={translator}>{children}</I18nContext.Provider>;
}

export const useT = (): Translator => useContext(I18nContext);

/** How each tag a message may use is drawn; a tag without a renderer shows as plain text. */
export type RichRenderers = Readonly<Record<string, (text: string) => VNode>>;

/** A message with inline markup (see lib/i18n/rich-text.ts), drawn as text and the given elements. */
export function Rich({ text, tags }: { text: string; tags: RichRenderers }) {
  return (
    <>
      {parseRichText(text).map((part, index) => {
        const draw = part.tag ? tags[part.tag] : undefined;
        return <Fragment key={index}>{draw ? draw(part.text) : part.text}</Fragment>;
      })}
    </>
  );
}
