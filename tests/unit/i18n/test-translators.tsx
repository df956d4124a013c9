/** Translators over the shipped catalogues, and `render` inside one, for tests of the views. */
import { render, type RenderOptions } from '@testing-library/preact';
import { render as renderPlain, type ComponentChildren, type VNode } from 'preact';
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

/**
 * A view drawn with plain Preact renders into a fresh element, outside act() (English): its effects run after
 * paint, as in the browser, so a test can act in the window between a redraw and its effects. `draw` renders
 * (again) into the same element; `remove` unmounts it and takes the element away.
 */
export function drawnOutsideAct(): { draw(ui: VNode): void; remove(): void } {
  const host = document.body.appendChild(document.createElement('div'));
  return {
    draw: (ui) => renderPlain(<I18nProvider translator={english}>{ui}</I18nProvider>, host),
    remove: () => {
      renderPlain(null, host);
      host.remove();
    },
  };
}
