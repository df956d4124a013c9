import { useId, useState } from 'preact/hooks';
import type { ExportFormat } from '@/lib/annotations/export-formats';
import type { Mention } from '@/lib/annotations/schema';
import type { ClaimCardData } from '@/lib/claims/claim-card-data';
import type { ClaimChange } from '@/lib/claims/claim-changes';
import type { MentionQuery } from '@/lib/messages/extension-page-to-background';
import type { Result } from '@/lib/messages/message-map';
import { AnnotationFilters, EMPTY_FILTERS, filtersActive, toMentionQuery, type ClaimOption, type FilterForm } from './annotation-filters';
import { AnnotationList, type HistoryGrouping } from './annotation-list';
import { AnnotationTransfer, type ImportCounts } from './annotation-transfer';
import { plural } from './options-format';

export interface AnnotationHistoryProps {
  mentions: readonly Mention[];
  claims: Readonly<Record<string, ClaimCardData>>;
  /** By mention id: what changed about its claim since the mention was last seen. */
  changes?: Readonly<Record<string, ClaimChange>>;
  /** Claims with a change the reader has not looked at yet, for the notice above the list. */
  unseenChanges?: readonly ClaimChange[];
  /** Every claim seen in the history so far (not only in the current result), for the claim filter. */
  claimOptions: readonly ClaimOption[];
  loading: boolean;
  /** Why the list could not be loaded, if it could not. */
  error?: string;
  /** The filters the page opens with (e.g. "changed since read" from the popup's link). */
  initialFilters?: FilterForm;
  initialGrouping?: HistoryGrouping;
  onQueryChange: (query: MentionQuery) => void;
  onDelete: (mentionId: string) => void | Promise<void>;
  onSaveNote?: (mentionId: string, text: string) => Promise<Result<unknown>>;
  onCopyCitation?: (mention: Mention) => Promise<{ copied: boolean; text: string }>;
  onExport: (format: ExportFormat) => Promise<Result<{ count: number }>>;
  onImport: (text: string) => Promise<ImportCounts>;
  onClearAll: () => void | Promise<void>;
}

const GROUPINGS: ReadonlyArray<[HistoryGrouping, string]> = [
  ['page', 'Page'],
  ['claim', 'Claim'],
  ['none', 'None (newest first)'],
];

/** Section 1 of the options page: find, review, annotate, cite, delete, export and import stored mentions. */
export function AnnotationHistory(props: AnnotationHistoryProps) {
  const { mentions, claims, claimOptions, loading, error, unseenChanges = [] } = props;
  const id = useId();
  const [form, setForm] = useState<FilterForm>(props.initialFilters ?? EMPTY_FILTERS);
  const [grouping, setGrouping] = useState<HistoryGrouping>(props.initialGrouping ?? 'page');
  const filtered = filtersActive(form);
  const setFilters = (next: FilterForm) => {
    setForm(next);
    props.onQueryChange(toMentionQuery(next));
  };

  return (
    <section class="panel" aria-labelledby="history-heading" data-testid="history-section">
      <h2 id="history-heading">Annotation history</h2>
      <p class="intro">Each place Pledge Lens found a known claim on a page you read, with your notes. It is stored only in this browser.</p>
      {unseenChanges.length > 0 && (
        <div class="warning changed-notice" data-testid="changed-notice">
          <p>
            <strong>{unseenChanges.length === 1 ? 'A claim you read about has changed since.' : `${unseenChanges.length} claims you read about have changed since.`}</strong> A claim-set update
            changed their label, status or evidence after you read them.
          </p>
          {!form.changed && (
            <button type="button" class="secondary" data-testid="show-changed" onClick={() => setFilters({ ...form, changed: true })}>
              Show only the mentions of changed claims
            </button>
          )}
        </div>
      )}
      <AnnotationFilters claimOptions={claimOptions} onChange={() => undefined} form={form} onFormChange={setFilters} />
      <fieldset class="grouping" data-testid="history-grouping">
        <legend>Group by</legend>
        {GROUPINGS.map(([value, label]) => (
          <label key={value} class="radio">
            <input type="radio" name={`${id}-grouping`} value={value} checked={grouping === value} data-testid={`group-by-${value}`} onChange={() => setGrouping(value)} />
            {label}
          </label>
        ))}
      </fieldset>
      <p class="count" role="status" data-testid="history-count">
        {loading ? 'Loading…' : `${plural(mentions.length, 'mention')} found`}
      </p>
      {error && (
        <p class="result error" role="alert" data-testid="history-error">
          {error}
        </p>
      )}
      <AnnotationList
        mentions={mentions}
        claims={claims}
        {...(props.changes ? { changes: props.changes } : {})}
        grouping={grouping}
        onDelete={props.onDelete}
        {...(props.onSaveNote ? { onSaveNote: props.onSaveNote } : {})}
        {...(props.onCopyCitation ? { onCopyCitation: props.onCopyCitation } : {})}
        emptyMessage={
          loading
            ? ''
            : filtered
              ? 'No stored annotations match these filters. Clear the filters to see your whole history.'
              : 'Your history is empty. When Pledge Lens highlights a known claim on a page you read, the place is saved here with the page, the day and the quote, ready for your notes and citations.'
        }
      />
      <h3>Export, import or clear</h3>
      <AnnotationTransfer onExport={props.onExport} onImport={props.onImport} onClearAll={props.onClearAll} empty={!loading && mentions.length === 0} />
    </section>
  );
}
