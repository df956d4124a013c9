/**
 * Saves text as a file the way a link with `download` does. The object URL is revoked on the next
 * task rather than at once: some browsers start reading the blob only after the click handler returns.
 */
export function downloadText(content: string, filename: string, mimeType: string, doc: Document = document): void {
  const view = doc.defaultView ?? window;
  const url = view.URL.createObjectURL(new view.Blob([content], { type: mimeType }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = filename;
  // Kept out of layout and of the accessibility tree: it exists only for the length of one click.
  link.hidden = true;
  doc.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    view.setTimeout(() => view.URL.revokeObjectURL(url), 0);
  }
}
