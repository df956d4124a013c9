import { CLAIM_KINDS, CLAIM_STATUSES, type ClaimKind, type ClaimStatus } from '@/lib/claims/schema';
import { KIND_LABEL, STATUS_LABEL, statusWithDate } from '@/lib/format/claim-labels';

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

/** What each kind means, and how its highlight looks on a page. The labels themselves come from claim-labels.ts. */
const KIND_MEANING: Readonly<Record<ClaimKind, { meaning: string; line: string }>> = {
  'binding-commitment': {
    meaning: 'A promise the maker cannot quietly drop: a law, a contract, or a pledge with no way out written into it.',
    line: 'solid blue underline',
  },
  'announced-target': {
    meaning: 'A goal, a plan, a “best effort” or a promise with conditions. The maker can change or drop it without breaking any rule.',
    line: 'dashed amber underline',
  },
  'no-commitment': {
    meaning: 'Sounds like a promise, but is not one: a refusal to commit, or a position that promises nothing.',
    line: 'dotted grey underline',
  },
};

/** What each status means, in plain words. Typed by status, so a new status cannot be left out of the legend. */
const STATUS_MEANING: Readonly<Record<ClaimStatus, string>> = {
  'in-force': 'It applies now. For an announced target this means the goal is still current, not that anyone is bound by it.',
  pending: 'Adopted or signed, but it does not apply yet: a law before its start date, a treaty waiting for ratification.',
  modified: 'Still in place, but changed in a way that matters. The card’s history shows what changed and when.',
  superseded: 'Replaced by a newer rule or version. The card says what replaced it.',
  withdrawn: 'Taken back by whoever made it. It no longer applies, even if articles still quote it.',
  fulfilled: 'Done: what was promised has happened.',
  'partly-fulfilled': 'The deadline passed with only part of the promise kept.',
  lapsed: 'The deadline passed and the promise was neither kept nor renewed.',
  disputed: 'Credible sources disagree about whether it was kept or still holds.',
  declined: 'Asked or expected to make this promise, the actor said no. Only claims labelled “No commitment” have it.',
};

function Example({ example }: { example: LegendExample }) {
  return (
    <p class="example" data-testid="legend-example" data-claim-id={example.claimId}>
      <span class="example-label">Example</span> <strong>{example.actorName}</strong>: {example.gist}{' '}
      <span class="example-status">
        {KIND_LABEL[example.kind]} · {statusWithDate(example.status, example.statusDate)}
      </span>
    </p>
  );
}

function NoExample({ examples }: { examples: WelcomeLegendProps['examples'] }) {
  if (examples === 'loading') return null;
  return (
    <p class="example example-none">
      {examples === 'failed' ? 'The example could not be loaded.' : 'No claim in the current set has this status yet.'}
    </p>
  );
}

/**
 * The legend (anchor `#labels`, which the popup and the card link to): the three kinds with the line
 * each is underlined with, then every status, each with one real claim as its example.
 */
export function WelcomeLegend({ kindExamples, statusExamples, examples }: WelcomeLegendProps) {
  return (
    <section id="labels" class="panel" aria-labelledby="labels-title" data-testid="legend">
      <h2 id="labels-title" tabIndex={-1}>
        What the labels mean
      </h2>
      <p class="lead">
        Every highlight gets one of three labels. The label says how firmly the claim binds whoever made it, not whether
        it is a good idea. Each card says why the claim got its label and quotes the source, so you can judge for yourself.
      </p>
      <ul class="kinds">
        {CLAIM_KINDS.map((kind) => {
          const example = kindExamples[kind];
          return (
            <li key={kind} class={`kind kind-${kind}`} data-testid="legend-kind" data-kind={kind}>
              <h3>{KIND_LABEL[kind]}</h3>
              <p>{KIND_MEANING[kind].meaning}</p>
              <p class="sample-line">
                On the page: <mark class={`sample sample-${kind}`}>{KIND_MEANING[kind].line}</mark>
              </p>
              {example ? <Example example={example} /> : <NoExample examples={examples} />}
            </li>
          );
        })}
      </ul>

      <h3 id="statuses-title" class="statuses-title">
        Status: where the claim stands today
      </h3>
      <p class="lead">
        Next to its label, every claim has a status with a date. “In force” on an announced target means the goal is
        current, not that it is legally binding.
      </p>
      <dl class="statuses">
        {CLAIM_STATUSES.map((status) => {
          const example = statusExamples[status];
          return (
            <div key={status} class="status" data-testid="legend-status" data-status={status}>
              <dt>{STATUS_LABEL[status]}</dt>
              <dd>
                <p>{STATUS_MEANING[status]}</p>
                {example ? <Example example={example} /> : <NoExample examples={examples} />}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
