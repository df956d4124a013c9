import { useId, useState } from 'preact/hooks';
import type { ExportFormat } from '@/lib/annotations/export-formats';
import type { Mention } from '@/lib/annotations/schema';
import type { ClaimCardData } from '@/lib/claims/claim-card-data';
import type { ClaimChange } from '@/lib/claims/claim-changes';
import type { MentionQuery } from '@/lib/messages/extension-page-to-background';
import type { Result } from '@/lib/messages/message-map';
import { AnnotationFilters, EMPTY_FILTERS, filtersActive, toMentionQuery, type ClaimOption, type FilterForm } from './annotation-filters';
import { AnnotationList, type HistoryGrouping } from './annotation-list';
import { AnnotationTransfer, type ExportCounts, type ImportCounts } from './annotation-transfer';
import type { MessageName } from '@/lib/i18n/translator';
import { useT } from './i18n';

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
  onExport: (format: ExportFormat) => Promise<Result<ExportCounts>>;
  onImport: (text: string, replace: boolean) => Promise<ImportCounts>;
  onClearAll: () => void | Promise<void>;
}

const GROUPINGS: ReadonlyArray<[HistoryGrouping, MessageName]> = [
  ['page', 'history_groupPage'],
  ['claim', 'history_groupClaim'],
  ['day', 'history_groupDay'],
  ['none', 'history_groupNone'],
];

/** Section 1 of the options page: find, review, annotate, cite, delete, export and import stored mentions. */
export function AnnotationHistory(props: AnnotationHistoryProps) {
  const { mentions, claims, claimOptions, loading, error, unseenChanges = [] } = props;
  const t = useT();
  const id = useId();
  const [form, setForm] = useState<FilterForm>(props.initialFilters ?? EMPTY_FILTERS);
  const [grouping, setGrouping] = useState<HistoryGrouping>(props.initialGrouping ?? 'page');
  // The list's page: new filters or another grouping make another list, read from its start. (A
  // deletion keeps the page; the list moves back one if that page is gone.)
  const [page, setPage] = useState(0);
  const filtered = filtersActive(form);
  const setFilters = (next: FilterForm) => {
    setForm(next);
    setPage(0);
    props.onQueryChange(toMentionQuery(next));
  };

  return (
    <section class="panel" aria-labelledby="history-heading" data-testid="history-section">
      <h2 id="history-heading">{t('history_title')}</h2>
      <p class="intro">{t('history_intro')}</p>
      {unseenChanges.length > 0 && (
        <div class="warning changed-notice" data-testid="changed-notice">
          <p>
            <strong>{t.plural('history_changed', unseenChanges.length, { count: unseenChanges.length })}</strong> {t.plural('history_changedWhy', unseenChanges.length)}
          </p>
          {!form.changed && (
            <button type="button" class="secondary" data-testid="show-changed" onClick={() => setFilters({ ...form, changed: true })}>
              {t('history_showChanged')}
            </button>
          )}
        </div>
      )}
      <AnnotationFilters claimOptions={claimOptions} onChange={() => undefined} form={form} onFormChange={setFilters} />
      <fieldset class="grouping" data-testid="history-grouping">
        <legend>{t('history_groupBy')}</legend>
        {GROUPINGS.map(([value, label]) => (
          <label key={value} class="radio">
            <input
              type="radio"
              name={`${id}-grouping`}
              value={value}
              checked={grouping === value}
              data-testid={`group-by-${value}`}
              onChange={() => {
                setGrouping(value);
                setPage(0);
              }}
            />
            {t(label)}
          </label>
        ))}
      </fieldset>
      <p class="count" role="status" data-testid="history-count">
        {loading ? t('common_loading') : t.plural('history_found', mentions.length, { count: mentions.length })}
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
        page={page}
        onPageChange={setPage}
        onDelete={props.onDelete}
        {...(props.onSaveNote ? { onSaveNote: props.onSaveNote } : {})}
        {...(props.onCopyCitation ? { onCopyCitation: props.onCopyCitation } : {})}
        emptyMessage={
          loading
            ? ''
            : filtered
              ? t('history_emptyFiltered')
              : t('history_empty')
        }
      />
      <h3 id="transfer-heading">{t('history_transferTitle')}</h3>
      <AnnotationTransfer onExport={props.onExport} onImport={props.onImport} onClearAll={props.onClearAll} empty={!loading && mentions.length === 0} />
    </section>
  );
}
