import { useEffect, useId, useState } from 'preact/hooks';
import type { FeedStatus, Result } from '@/lib/messages/protocol';
import { formatDateTime } from './options-format';
import { ResultMessage } from './result-message';

export type UpdateOutcome = Result<{ status: 'updated' | 'not-modified'; feed: FeedStatus }>;

export interface FeedSettingsProps {
  /** Undefined while loading. */
  feed: FeedStatus | undefined;
  onSaveUrl: (url: string) => Promise<Result<{ feed: FeedStatus }>>;
  onUpdateNow: () => Promise<UpdateOutcome>;
}

type Message = { ok: boolean; text: string };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

function ResultLine({ message, testId }: { message: Message | undefined; testId: string }) {
  return message ? <ResultMessage ok={message.ok} text={message.text} testId={testId} /> : null;
}

/** Section 3 of the options page: where newer claim data comes from, and how the last update went. */
export function FeedSettings({ feed, onSaveUrl, onUpdateNow }: FeedSettingsProps) {
  const id = useId();
  const savedUrl = feed?.url ?? '';
  const [draft, setDraft] = useState(savedUrl);
  const [busy, setBusy] = useState<'save' | 'update' | undefined>();
  const [saveMessage, setSaveMessage] = useState<Message | undefined>();
  const [updateMessage, setUpdateMessage] = useState<Message | undefined>();
  // Follows the stored URL when it changes (first load, another options tab) but not on every re-render.
  useEffect(() => setDraft(savedUrl), [savedUrl]);

  const save = async (event: Event) => {
    event.preventDefault();
    setBusy('save');
    setSaveMessage(undefined);
    try {
      const result = await onSaveUrl(draft.trim());
      if (!result.ok) setSaveMessage({ ok: false, text: result.error });
      else setSaveMessage({ ok: true, text: result.feed.url ? 'Saved. Use “Update now” to fetch it.' : 'Feed removed. The built-in and imported packs stay in use.' });
    } catch (error) {
      setSaveMessage({ ok: false, text: `Could not save: ${errorText(error)}` });
    } finally {
      setBusy(undefined);
    }
  };

  const update = async () => {
    setBusy('update');
    setUpdateMessage(undefined);
    try {
      const result = await onUpdateNow();
      setUpdateMessage(result.ok ? { ok: true, text: result.status === 'updated' ? 'Updated' : 'Already up to date' } : { ok: false, text: result.error });
    } catch (error) {
      setUpdateMessage({ ok: false, text: `Update failed: ${errorText(error)}` });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section class="panel" aria-labelledby="feed-heading" data-testid="feed-section">
      <h2 id="feed-heading">Claim feed</h2>
      <p class="intro">
        An optional address that publishes newer claim sets. Pledge Lens checks it once a day; a feed that fails or offers an older set never replaces the data you have.
      </p>
      {/* noValidate: the background decides what a usable feed is and says why; the browser's own bubble would say less. */}
      <form class="feed-form" noValidate onSubmit={save}>
        <label for={`${id}-url`}>Feed URL (https)</label>
        <div class="inline">
          <input
            id={`${id}-url`}
            type="url"
            inputMode="url"
            value={draft}
            maxLength={2000}
            placeholder="https://example.org/claims.json"
            aria-describedby={`${id}-url-hint`}
            data-testid="feed-url"
            onInput={(event) => setDraft(event.currentTarget.value)}
          />
          <button type="submit" data-testid="feed-save" disabled={busy !== undefined}>
            Save
          </button>
        </div>
        <p class="hint" id={`${id}-url-hint`}>
          Leave empty to use only the built-in and imported packs.
        </p>
        <ResultLine message={saveMessage} testId="feed-save-result" />
      </form>
      <div class="feed-update">
        <button type="button" data-testid="feed-update" disabled={busy !== undefined} onClick={update}>
          {busy === 'update' ? 'Updating…' : 'Update now'}
        </button>
        <ResultLine message={updateMessage} testId="feed-result" />
      </div>
      <h3>Status</h3>
      {feed ? (
        <dl class="summary" data-testid="feed-status">
          <div>
            <dt>Feed</dt>
            <dd class="break">{feed.url || 'None set'}</dd>
          </div>
          <div>
            <dt>Last successful update</dt>
            <dd data-testid="feed-last-success">{feed.lastSuccessAt ? <time dateTime={feed.lastSuccessAt}>{formatDateTime(feed.lastSuccessAt)}</time> : 'Never'}</dd>
          </div>
          <div>
            <dt>Last check</dt>
            <dd data-testid="feed-last-check">{feed.lastCheckedAt ? <time dateTime={feed.lastCheckedAt}>{formatDateTime(feed.lastCheckedAt)}</time> : 'Never'}</dd>
          </div>
          <div>
            <dt>Last error</dt>
            <dd data-testid="feed-last-error">
              {feed.lastError ? (
                <>
                  {feed.lastError.message} <span class="muted">(<time dateTime={feed.lastError.at}>{formatDateTime(feed.lastError.at)}</time>)</span>
                </>
              ) : (
                'None'
              )}
            </dd>
          </div>
        </dl>
      ) : (
        <p role="status">Loading…</p>
      )}
    </section>
  );
}
