import type { ExportFormat } from '@/lib/annotations/export-formats';
import type { Mention } from '@/lib/annotations/schema';
import type { ClaimCardData } from '@/lib/claims/claim-card-data';
import type { MentionQuery } from '@/lib/messages/extension-page-to-background';
import type { Result } from '@/lib/messages/message-map';
import { AnnotationFilters, type ClaimOption } from './annotation-filters';
import { AnnotationList } from './annotation-list';
import { AnnotationTransfer, type ImportCounts } from './annotation-transfer';
import { plural } from './options-format';

export interface AnnotationHistoryProps {
  mentions: readonly Mention[];
  claims: Readonly<Record<string, ClaimCardData>>;
  /** Every claim seen in the history so far (not only in the current result), for the claim filter. */
  claimOptions: readonly ClaimOption[];
  loading: boolean;
  /** Why the list could not be loaded, if it could not. */
  error?: string;
  onQueryChange: (query: MentionQuery) => void;
  onDelete: (mentionId: string) => void | Promise<void>;
  onExport: (format: ExportFormat) => Promise<Result<{ count: number }>>;
  onImport: (text: string) => Promise<ImportCounts>;
  onClearAll: () => void | Promise<void>;
}

/** Section 1 of the options page: find, review, delete, export and import stored mentions. */
export function AnnotationHistory(props: AnnotationHistoryProps) {
  const { mentions, claims, claimOptions, loading, error } = props;
  return (
    <section class="panel" aria-labelledby="history-heading" data-testid="history-section">
      <h2 id="history-heading">Annotation history</h2>
      <p class="intro">Each place Pledge Lens found a known claim on a page you read, with your notes. It is stored only in this browser.</p>
      <AnnotationFilters claimOptions={claimOptions} onChange={props.onQueryChange} />
      <p class="count" role="status" data-testid="history-count">
        {loading ? 'Loading…' : `${plural(mentions.length, 'mention')} found`}
      </p>
      {error && (
        <p class="result error" role="alert" data-testid="history-error">
          {error}
        </p>
      )}
      <AnnotationList mentions={mentions} claims={claims} onDelete={props.onDelete} emptyMessage={loading ? '' : 'No stored annotations match these filters.'} />
      <h3>Export, import or clear</h3>
      <AnnotationTransfer onExport={props.onExport} onImport={props.onImport} onClearAll={props.onClearAll} empty={!loading && mentions.length === 0} />
    </section>
  );
}
