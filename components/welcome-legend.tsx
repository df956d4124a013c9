import { CLAIM_KINDS, CLAIM_STATUSES, FORCES_BY_KIND, type ClaimKind, type ClaimStatus } from '@/lib/claims/schema';
import { FORCE_MESSAGE } from '@/lib/format/claim-verdict';
import { gradeOf, kindLabel, statusLabel, statusWithDate } from '@/lib/i18n/claim-words';
import type { MessageName } from '@/lib/i18n/translator';
import { useT } from './i18n';

/** A real claim shown as the example of a kind or a status. */
export interface LegendExample {
  claimId: string;
  actorName: string;
  kind: ClaimKind;
  status: ClaimStatus;
  statusDate: string;
  /** What the claim says, in a few plain words (follows the actor's name and a colon). */
  gist: string;
}

export interface WelcomeLegendProps {
  kindExamples: Partial<Record<ClaimKind, LegendExample>>;
  statusExamples: Partial<Record<ClaimStatus, LegendExample>>;
  /** While the claim set is read, the legend shows its meanings without examples. */
  examples: 'loading' | 'ready' | 'failed';
}

/** What each kind means, and how its highlight looks on a page. The labels themselves come from KIND_MESSAGE. */
const KIND_MEANING = {
  'binding-commitment': { meaning: 'legend_meaningBindingCommitment', line: 'legend_lineBindingCommitment' },
  'announced-target': { meaning: 'legend_meaningAnnouncedTarget', line: 'legend_lineAnnouncedTarget' },
  'no-commitment': { meaning: 'legend_meaningNoCommitment', line: 'legend_lineNoCommitment' },
} as const satisfies Record<ClaimKind, { meaning: MessageName; line: MessageName }>;

/** What each status means, in plain words. Typed by status, so a new status cannot be left out of the legend. */
const STATUS_MEANING = {
  'in-force': 'legend_meaningInForce',
  pending: 'legend_meaningPending',
  modified: 'legend_meaningModified',
  superseded: 'legend_meaningSuperseded',
  withdrawn: 'legend_meaningWithdrawn',
  fulfilled: 'legend_meaningFulfilled',
  'partly-fulfilled': 'legend_meaningPartlyFulfilled',
  lapsed: 'legend_meaningLapsed',
  disputed: 'legend_meaningDisputed',
  declined: 'legend_meaningDeclined',
} as const satisfies Record<ClaimStatus, MessageName>;

function Example({ example }: { example: LegendExample }) {
  const t = useT();
  return (
    <p class="example" data-testid="legend-example" data-claim-id={example.claimId}>
      <span class="example-label">{t('legend_example')}</span> <strong>{example.actorName}</strong>: {example.gist}{' '}
      <span class="example-status">
        {kindLabel(t, example.kind)} · {statusWithDate(t, example.status, example.statusDate, example.kind)}
      </span>
    </p>
  );
}

/**
 * The grades the card puts in brackets after a kind's label, each with what it means ("(law) It is a
 * legal duty."): a binding commitment may be a law or only its maker's word, and the legend says so
 * before a card does. A kind with no graded force (a refusal) shows none.
 */
function Grades({ kind }: { kind: ClaimKind }) {
  const t = useT();
  const graded = FORCES_BY_KIND[kind].flatMap((force) => {
    const grade = gradeOf(t, force);
    return grade === undefined ? [] : [{ force, grade }];
  });
  if (kind === 'no-commitment' || graded.length === 0) return null;
  return (
    <>
      <p class="grades-lead">{t('legend_gradesLead')}</p>
      <dl class="grades" data-testid="legend-grades">
        {graded.map(({ force, grade }) => (
          <div key={force}>
            <dt>({grade})</dt>
            <dd>{t(FORCE_MESSAGE[force])}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function NoExample({ examples }: { examples: WelcomeLegendProps['examples'] }) {
  const t = useT();
  if (examples === 'loading') return null;
  return (
    <p class="example example-none">
      {examples === 'failed' ? t('legend_exampleFailed') : t('legend_exampleNone')}
    </p>
  );
}

/**
 * The legend (anchor `#labels`, which the popup and the card link to): the three kinds with the line
 * each is underlined with, then every status, each with one real claim as its example.
 */
export function WelcomeLegend({ kindExamples, statusExamples, examples }: WelcomeLegendProps) {
  const t = useT();
  return (
    <section id="labels" class="panel" aria-labelledby="labels-title" data-testid="legend">
      <h2 id="labels-title" tabIndex={-1}>
        {t('legend_title')}
      </h2>
      <p class="lead">{t('legend_lead')}</p>
      <ul class="kinds">
        {CLAIM_KINDS.map((kind) => {
          const example = kindExamples[kind];
          return (
            <li key={kind} class={`kind kind-${kind}`} data-testid="legend-kind" data-kind={kind}>
              <h3>{kindLabel(t, kind)}</h3>
              <p>{t(KIND_MEANING[kind].meaning)}</p>
              <Grades kind={kind} />
              <p class="sample-line">
                {t('legend_onThePage')} <mark class={`sample sample-${kind}`}>{t(KIND_MEANING[kind].line)}</mark>
              </p>
              {example ? <Example example={example} /> : <NoExample examples={examples} />}
            </li>
          );
        })}
      </ul>

      <h3 id="statuses-title" class="statuses-title">
        {t('legend_statusesTitle')}
      </h3>
      <p class="lead">{t('legend_statusesLead')}</p>
      {/* A claim that no longer holds is drawn apart on the page and listed apart in the popup: say how, beside the statuses it covers. */}
      <p class="sample-line" data-testid="legend-ended-look">
        {t('legend_endedLook')} <mark class="sample sample-binding-commitment sample-ended">{t('legend_endedSample')}</mark>
      </p>
      <dl class="statuses">
        {CLAIM_STATUSES.map((status) => {
          const example = statusExamples[status];
          return (
            <div key={status} class="status" data-testid="legend-status" data-status={status}>
              <dt>{statusLabel(t, status)}</dt>
              <dd>
                <p>{t(STATUS_MEANING[status])}</p>
                {example ? <Example example={example} /> : <NoExample examples={examples} />}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
