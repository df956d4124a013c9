import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import { extractText } from '../../lib/text/extract-text';
import { readPageCitation, saysAnything, type PageCitation } from '../../lib/annotations/page-citation';

export interface LoadedInput {
  input: string;
  /** The URL a mention of this input is stored under. */
  url: string;
  title: string;
  /** For .txt files the file's text; otherwise the text extracted from the HTML as the extension does. */
  text: string;
  /** An HTML page's site, authors and publication date from its metadata, read as the extension reads them; absent when it gives none. */
  pageCitation?: PageCitation;
}

export class InputError extends Error {}

/**
 * Inline styles are what a parsed-but-unrendered page can tell us about hiding; like a browser,
 * a hidden ancestor hides everything inside it.
 */
function hiddenByInlineStyle(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const style = node.getAttribute('style') ?? '';
    if (/(?:^|;)\s*display\s*:\s*none/i.test(style) || /(?:^|;)\s*visibility\s*:\s*hidden/i.test(style)) return true;
  }
  return false;
}

/** Extracts text from HTML with the extension's own extraction, in a DOM that runs no page scripts. */
export function textFromHtml(html: string, url: string): { title: string; text: string; pageCitation?: PageCitation } {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  try {
    const document = window.document;
    document.write(html);
    const body = document.body;
    const text = body ? extractText(body as unknown as Node, { isHidden: (element) => hiddenByInlineStyle(element) }).text : '';
    const citation = readPageCitation(document as unknown as Document);
    return { title: document.title, text, ...(saysAnything(citation) && { pageCitation: citation }) };
  } finally {
    void window.happyDOM.close();
  }
}

export async function loadInput(input: string): Promise<LoadedInput> {
  if (/^https?:\/\//i.test(input)) {
    let response: Response;
    try {
      response = await fetch(input, { redirect: 'follow' });
    } catch (error) {
      throw new InputError(`cannot fetch ${input}: ${(error as Error).message}`);
    }
    if (!response.ok) throw new InputError(`cannot fetch ${input}: HTTP ${response.status}`);
    const body = await response.text();
    const type = response.headers.get('content-type') ?? '';
    if (type.includes('text/plain')) return { input, url: input, title: input, text: body };
    return { input, url: input, ...textFromHtml(body, input) };
  }
  const path = resolve(input);
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read ${input}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message}`);
  }
  const url = pathToFileURL(path).href;
  const extension = extname(path).toLowerCase();
  if (extension === '.html' || extension === '.htm' || extension === '.xhtml') return { input, url, ...textFromHtml(content, url) };
  return { input, url, title: input, text: content };
}
