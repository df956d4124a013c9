import { useEffect, useRef } from 'preact/hooks';

/** How long after it appears the message is kept in view while the page around it settles (ms). */
const SETTLE_MS = 1_500;

/**
 * The outcome of an action, said the way assistive technology expects: success as a polite status,
 * failure as an alert. It is brought into view when it appears or changes, and kept there while the
 * page settles: an import into an empty history filled the list above it and left "Imported: 26
 * added…" 4,500 px below the screen (a new user's report 49, problem 8).
 */
export function ResultMessage({ ok, text, testId }: { ok: boolean; text: string; testId: string }) {
  const element = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const line = element.current;
    if (!line) return;
    const keepInView = () => {
      const box = line.getBoundingClientRect();
      if (box.top < -1 || box.bottom > window.innerHeight + 1) line.scrollIntoView({ block: 'nearest' });
    };
    keepInView();
    const page = new ResizeObserver(keepInView);
    page.observe(document.body);
    const done = setTimeout(() => page.disconnect(), SETTLE_MS);
    return () => {
      clearTimeout(done);
      page.disconnect();
    };
  }, [ok, text]);
  return (
    <p ref={element} class={ok ? 'result ok' : 'result error'} role={ok ? 'status' : 'alert'} data-testid={testId}>
      {text}
    </p>
  );
}
