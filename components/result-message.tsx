/**
 * The outcome of an action, said the way assistive technology expects: success as a polite status,
 * failure as an alert.
 */
export function ResultMessage({ ok, text, testId }: { ok: boolean; text: string; testId: string }) {
  return (
    <p class={ok ? 'result ok' : 'result error'} role={ok ? 'status' : 'alert'} data-testid={testId}>
      {text}
    </p>
  );
}
