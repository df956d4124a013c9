import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useT } from './i18n';

export interface ConfirmButtonProps {
  /** First-step text, e.g. "Delete". */
  label: string;
  /** Second-step text, e.g. "Confirm delete". */
  confirmLabel: string;
  onConfirm: () => void | Promise<void>;
  /** Id of the element that says what will be destroyed, so repeated "Delete" buttons are told apart. */
  describedBy?: string;
  testId?: string;
  confirmTestId?: string;
  disabled?: boolean;
}

/**
 * A destructive action that needs two deliberate clicks, inline rather than through `window.confirm`
 * (which blocks the page and cannot be styled or tested). Focus moves with the step so keyboard users
 * never land on a button that just vanished.
 */
export function ConfirmButton({ label, confirmLabel, onConfirm, describedBy, testId, confirmTestId, disabled }: ConfirmButtonProps) {
  const t = useT();
  const [step, setStep] = useState<'idle' | 'confirming' | 'busy'>('idle');
  const confirmRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useLayoutEffect(() => {
    if (step === 'confirming') confirmRef.current?.focus();
    if (step === 'idle' && returnFocus.current) {
      returnFocus.current = false;
      startRef.current?.focus();
    }
  }, [step]);

  const cancel = () => {
    returnFocus.current = true;
    setStep('idle');
  };

  if (step === 'idle') {
    return (
      <button type="button" ref={startRef} class="danger" data-testid={testId} aria-describedby={describedBy} disabled={disabled} onClick={() => setStep('confirming')}>
        {label}
      </button>
    );
  }

  return (
    <span class="confirm" onKeyDown={(event) => { if (event.key === 'Escape') cancel(); }}>
      <button
        type="button"
        ref={confirmRef}
        class="danger strong"
        data-testid={confirmTestId}
        aria-describedby={describedBy}
        disabled={step === 'busy'}
        onClick={async () => {
          setStep('busy');
          try {
            await onConfirm();
          } finally {
            setStep('idle');
          }
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" disabled={step === 'busy'} onClick={cancel}>
        {t('common_cancel')}
      </button>
    </span>
  );
}
