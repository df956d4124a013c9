import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { FeedStatus } from '@/lib/claims/claim-set-info';
import { FEED_KEY_ALGORITHM_LABEL, type PinnedFeedKey } from '@/lib/claims/feed-keys';
import { wordFeedProblem } from '@/lib/format/reader-errors';
import type { Result } from '@/lib/messages/message-map';
import type { Translator } from '@/lib/i18n/translator';
import { useT } from './i18n';
import { formatDateTime } from './options-format';
import { isRemotePlainHttp } from '@/lib/sites/url';
import { ResultMessage } from './result-message';

export type UpdateOutcome = Result<{ status: 'updated' | 'not-modified'; feed: FeedStatus }>;

/** What the reader chose in the feed form. */
export interface FeedChoice {
  url: string;
  /** The publisher's public key to pin (base64 SPKI, PEM or JWK); empty when none is pasted. */
  publicKey: string;
  /** The reader accepts the feed unsigned (shown as such everywhere). */
  allowUnsigned: boolean;
}

export interface FeedSettingsProps {
  /** Undefined while loading. */
  feed: FeedStatus | undefined;
  /** `warning`: saved, but something the reader should know (the browser's access to the feed was declined). */
  onSaveUrl: (choice: FeedChoice) => Promise<Result<{ feed: FeedStatus; warning?: string }>>;
  onUpdateNow: () => Promise<UpdateOutcome>;
}

type Message = { ok: boolean; text: string };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

function ResultLine({ message, testId }: { message: Message | undefined; testId: string }) {
  return message ? <ResultMessage ok={message.ok} text={message.text} testId={testId} /> : null;
}

/** "Ed25519 key 3F2A 9C1B 77D0 E4A5", in the page's language. */
const pinnedKey = (t: Translator, key: PinnedFeedKey) => t('feed_pinnedKey', { algorithm: FEED_KEY_ALGORITHM_LABEL[key.algorithm], fingerprint: key.fingerprint });

/** Who vouches for the feed's updates, as the status list says it. */
function trustText(t: Translator, feed: FeedStatus): string {
  if (!feed.trust) return t('feed_trustNone');
  if (feed.trust.kind === 'unsigned') return t('feed_trustUnsigned');
  return t('feed_trustPinned', { key: pinnedKey(t, feed.trust) });
}

function savedText(t: Translator, feed: FeedStatus): string {
  if (!feed.url) return t('feed_removed');
  return feed.trust?.kind === 'pinned' ? t('feed_savedPinned', { key: pinnedKey(t, feed.trust) }) : t('feed_savedUnsigned');
}

/** Section 3 of the options page: where newer claim data comes from, who vouches for it, and how the last update went. */
export function FeedSettings({ feed, onSaveUrl, onUpdateNow }: FeedSettingsProps) {
  const t = useT();
  const id = useId();
  const savedUrl = feed?.url ?? '';
  const savedKey = feed?.trust?.kind === 'pinned' ? feed.trust.publicKey : '';
  const savedUnsigned = feed?.trust?.kind === 'unsigned';
  const [draft, setDraft] = useState(savedUrl);
  const [keyDraft, setKeyDraft] = useState(savedKey);
  const [unsigned, setUnsigned] = useState(savedUnsigned);
  const [busy, setBusy] = useState<'save' | 'update' | undefined>();
  const [saveMessage, setSaveMessage] = useState<Message | undefined>();
  const [updateMessage, setUpdateMessage] = useState<Message | undefined>();
  const urlField = useRef<HTMLInputElement>(null);
  // Plain http to another machine is refused whatever else is chosen (the background refuses it too):
  // said under the field as it is typed, in words for the case at hand (unsigned: nothing would catch a swap).
  const httpProblem = isRemotePlainHttp(draft) ? t(unsigned ? 'feedError_notHttpsUnsigned' : 'feedError_notHttps') : undefined;
  // Follows the stored choice when it changes (first load, another options tab) but not on every
  // re-render. Layout effects run as the change is drawn; plain effects run after paint, when the
  // fields may already hold what the reader typed, and would wipe it.
  useLayoutEffect(() => setDraft(savedUrl), [savedUrl]);
  useLayoutEffect(() => setKeyDraft(savedKey), [savedKey]);
  useLayoutEffect(() => setUnsigned(savedUnsigned), [savedUnsigned]);

  const save = async (event: Event) => {
    event.preventDefault();
    if (httpProblem) {
      // Nothing to ask the background (or the browser, for access to the host): the reader fixes the address.
      setSaveMessage({ ok: false, text: httpProblem });
      urlField.current?.focus();
      return;
    }
    setBusy('save');
    setSaveMessage(undefined);
    try {
      // Called before any await: the options page asks the browser for access to the feed's host,
      // which the browser grants only while it is handling the reader's click.
      const result = await onSaveUrl({ url: draft.trim(), publicKey: unsigned ? '' : keyDraft.trim(), allowUnsigned: unsigned });
      if (!result.ok) setSaveMessage({ ok: false, text: result.error });
      else setSaveMessage({ ok: true, text: result.warning ? `${savedText(t, result.feed)} ${result.warning}` : savedText(t, result.feed) });
    } catch (error) {
      setSaveMessage({ ok: false, text: t('feed_saveFailed', { error: errorText(error) }) });
    } finally {
      setBusy(undefined);
    }
  };

  const update = async () => {
    setBusy('update');
    setUpdateMessage(undefined);
    try {
      const result = await onUpdateNow();
      setUpdateMessage(result.ok ? { ok: true, text: result.status === 'updated' ? t('feed_updated') : t('feed_upToDate') } : { ok: false, text: result.error });
    } catch (error) {
      setUpdateMessage({ ok: false, text: t('feed_updateFailed', { error: errorText(error) }) });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section class="panel" aria-labelledby="feed-heading" data-testid="feed-section">
      <h2 id="feed-heading">{t('feed_title')}</h2>
      <p class="intro">{t('feed_intro')}</p>
      {/* noValidate: the background decides what a usable feed is and says why; the browser's own bubble would say less. */}
      <form class="feed-form" noValidate onSubmit={save}>
        <label for={`${id}-url`}>{t('feed_url')}</label>
        <div class="inline">
          <input
            id={`${id}-url`}
            ref={urlField}
            type="url"
            inputMode="url"
            value={draft}
            maxLength={2000}
            placeholder="https://example.org/claims.json"
            aria-invalid={httpProblem ? 'true' : undefined}
            aria-describedby={httpProblem ? `${id}-url-error ${id}-url-hint` : `${id}-url-hint`}
            data-testid="feed-url"
            onInput={(event) => {
              setDraft(event.currentTarget.value);
              setSaveMessage(undefined);
            }}
          />
        </div>
        {httpProblem && (
          <p class="field-error" id={`${id}-url-error`} data-testid="feed-url-error">
            {httpProblem}
          </p>
        )}
        <p class="hint" id={`${id}-url-hint`}>
          {t('feed_urlHint')}
        </p>
        <label for={`${id}-key`}>{t('feed_key')}</label>
        <textarea
          id={`${id}-key`}
          rows={3}
          value={unsigned ? '' : keyDraft}
          maxLength={4000}
          spellcheck={false}
          disabled={unsigned}
          aria-describedby={`${id}-key-hint`}
          data-testid="feed-key"
          onInput={(event) => setKeyDraft(event.currentTarget.value)}
        />
        <p class="hint" id={`${id}-key-hint`}>
          {t('feed_keyHint')}
        </p>
        <label class="check">
          <input type="checkbox" checked={unsigned} data-testid="feed-unsigned" onChange={(event) => setUnsigned(event.currentTarget.checked)} />
          {t('feed_unsigned')}
        </label>
        <div class="inline">
          <button type="submit" data-testid="feed-save" disabled={busy !== undefined}>
            {t('common_save')}
          </button>
        </div>
        <ResultLine message={saveMessage} testId="feed-save-result" />
      </form>
      <div class="feed-update">
        <button type="button" data-testid="feed-update" disabled={busy !== undefined} onClick={update}>
          {busy === 'update' ? t('feed_updating') : t('feed_updateNow')}
        </button>
        <ResultLine message={updateMessage} testId="feed-result" />
      </div>
      <h3>{t('feed_status')}</h3>
      {feed ? (
        <dl class="summary" data-testid="feed-status">
          <div>
            <dt>{t('feed_feed')}</dt>
            <dd class="break">{feed.url || t('feed_noneSet')}</dd>
          </div>
          {feed.url ? (
            <div>
              <dt>{t('feed_vouchedBy')}</dt>
              <dd data-testid="feed-trust">{trustText(t, feed)}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('feed_lastSuccess')}</dt>
            <dd data-testid="feed-last-success">{feed.lastSuccessAt ? <time dateTime={feed.lastSuccessAt}>{formatDateTime(t, feed.lastSuccessAt)}</time> : t('feed_never')}</dd>
          </div>
          <div>
            <dt>{t('feed_lastCheck')}</dt>
            <dd data-testid="feed-last-check">{feed.lastCheckedAt ? <time dateTime={feed.lastCheckedAt}>{formatDateTime(t, feed.lastCheckedAt)}</time> : t('feed_never')}</dd>
          </div>
          <div>
            <dt>{t('feed_lastError')}</dt>
            <dd data-testid="feed-last-error">
              {feed.lastError ? (
                <>
                  {feed.lastError.problem ? wordFeedProblem(t, feed.lastError.problem) : feed.lastError.message} <span class="muted">(<time dateTime={feed.lastError.at}>{formatDateTime(t, feed.lastError.at)}</time>)</span>
                </>
              ) : (
                t('feed_none')
              )}
            </dd>
          </div>
        </dl>
      ) : (
        <p role="status">{t('common_loading')}</p>
      )}
    </section>
  );
}
