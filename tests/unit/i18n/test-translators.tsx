/** Translators over the shipped catalogues, and `render` inside one, for tests of the views. */
import { render, type RenderOptions } from '@testing-library/preact';
import type { ComponentChildren, VNode } from 'preact';
import { I18nProvider } from '@/components/i18n';
import { getMessageFrom, type MessageCatalogue } from '@/lib/i18n/message-format';
import { createTranslator, type Translator } from '@/lib/i18n/translator';
import de from '@/public/_locales/de/messages.json';
import en from '@/public/_locales/en/messages.json';

export const CATALOGUES: Readonly<Record<'en' | 'de', MessageCatalogue>> = { en, de };

export const english: Translator = createTranslator(getMessageFrom(en));
export const german: Translator = createTranslator(getMessageFrom(de));

/** testing-library's render with the views' translator provided (English unless told); rerender keeps it. */
export function renderIn(ui: VNode, t: Translator = english, options: Omit<RenderOptions, 'wrapper'> = {}) {
  const wrapper = ({ children }: { children: ComponentChildren }) => <I18nProvider translator={t}>{children}</I18nProvider>;
  return render(ui, { ...options, wrapper });
}
