import { useId, useState } from 'preact/hooks';
import { siteFilterIsEmpty } from '@/lib/annotations/filter-mentions';
import { kindLabel, statusLabel } from '@/lib/i18n/claim-words';
import type { Translator } from '@/lib/i18n/translator';
import { useT } from './i18n';
import type { ClaimCardData } from '@/lib/claims/claim-card-data';
import { CLAIM_KINDS, CLAIM_STATUSES, type ClaimKind, type ClaimStatus } from '@/lib/claims/schema';
import type { MentionQuery } from '@/lib/messages/extension-page-to-background';

export type WrongMatchChoice = NonNullable<MentionQuery['wrongMatches']>;

/** What the filter controls hold: plain strings, '' meaning "no filter". */
export interface FilterForm {
  text: string;
  claimId: string;
  site: string;
  from: string;
  to: string;
  wrongMatches: WrongMatchChoice;
  /** The claim's kind and status as the claim set says now. */
  kind: ClaimKind | '';
  status: ClaimStatus | '';
  /** Only mentions whose claim changed after the mention was last seen. */
  changed: boolean;
}

/**
 * The form as the page opens and "Clear filters" leaves it. Wrong matches are hidden: the card says a
 * mention marked as one is "left out of exports", and this list is what the export holds.
 */
export const EMPTY_FILTERS: Readonly<FilterForm> = { text: '', claimId: '', site: '', from: '', to: '', wrongMatches: 'exclude', kind: '', status: '', changed: false };

/** Whether any filter narrows the list, or widens it to wrong matches (the empty-history message depends on it). */
export function filtersActive(form: FilterForm): boolean {
  const query = toMentionQuery(form);
  return Object.keys(query).some((key) => key !== 'wrongMatches') || form.wrongMatches !== EMPTY_FILTERS.wrongMatches;
}

export interface ClaimOption {
  id: string;
  label: string;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether the site box holds something the site filter can go by (an address or a name; empty counts as fine). */
export function siteIsValid(site: string): boolean {
  return site.trim() === '' || !siteFilterIsEmpty(site);
}

/**
 * The `list-mentions` / `export-mentions` query for a form. Empty fields are left out, and so are
 * values the background would reject (a half-typed site, a malformed date), so typing never turns the
 * list into an error. `wrongMatches` is always explicit: an export then holds exactly what is listed,
 * rather than falling back to the export's own default.
 */
export function toMentionQuery(form: FilterForm): MentionQuery {
  const query: MentionQuery = { wrongMatches: form.wrongMatches };
  const text = form.text.trim();
  if (text) query.text = text;
  if (form.claimId) query.claimIds = [form.claimId];
  if (form.site.trim() && siteIsValid(form.site)) query.site = form.site.trim();
  if (DATE_ONLY.test(form.from)) query.from = form.from;
  if (DATE_ONLY.test(form.to)) query.to = form.to;
  if (form.kind) query.kinds = [form.kind];
  if (form.status) query.statuses = [form.status];
  if (form.changed) query.changedSinceRead = true;
  return query;
}

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Select options for every claim seen so far: "Anthropic — Anthropic will pause …", named by who made
 * it first (a reader looks for "Anthropic's claims", and a select's type-ahead matches the start of a
 * label), sorted by actor then statement so one actor's claims sit together and the list is stable
 * as mentions come and go.
 */
export function claimOptionsFrom(t: Translator, claims: Readonly<Record<string, ClaimCardData>>): ClaimOption[] {
  const byActor = (a: ClaimCardData, b: ClaimCardData) =>
    a.actorName.localeCompare(b.actorName, t.locale) || a.statement.localeCompare(b.statement, t.locale) || a.id.localeCompare(b.id);
  return Object.values(claims)
    .sort(byActor)
    .map((claim) => ({ id: claim.id, label: t('filters_claimOption', { actor: claim.actorName, statement: shorten(claim.statement, 90) }) }));
}

export interface AnnotationFiltersProps {
  claimOptions: readonly ClaimOption[];
  onChange: (query: MentionQuery) => void;
  initial?: FilterForm;
  /** Controlled use: the form is held by the parent (which can then set it, e.g. "show changed"). */
  form?: FilterForm;
  onFormChange?: (form: FilterForm) => void;
}

/** The search form above the history list. It owns what is typed (unless controlled) and reports the query it implies. */
export function AnnotationFilters({ claimOptions, onChange, initial = EMPTY_FILTERS, form: controlled, onFormChange }: AnnotationFiltersProps) {
  const t = useT();
  const id = useId();
  const [own, setOwn] = useState<FilterForm>(initial);
  const form = controlled ?? own;
  const update = (patch: Partial<FilterForm>) => {
    const next = { ...form, ...patch };
    setOwn(next);
    onFormChange?.(next);
    onChange(toMentionQuery(next));
  };
  const siteOk = siteIsValid(form.site);
  const value = (event: Event) => (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;

  return (
    <form role="search" aria-label={t('filters_label')} class="filters" data-testid="history-filters" onSubmit={(event) => event.preventDefault()}>
      <div class="field wide">
        <label for={`${id}-text`}>{t('filters_text')}</label>
        <input id={`${id}-text`} type="search" value={form.text} maxLength={500} data-testid="filter-text" onInput={(event) => update({ text: value(event) })} />
      </div>
      <div class="field wide">
        <label for={`${id}-claim`}>{t('filters_claim')}</label>
        <select id={`${id}-claim`} value={form.claimId} data-testid="filter-claim" onChange={(event) => update({ claimId: value(event) })}>
          <option value="">{t('filters_allClaims')}</option>
          {claimOptions.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${id}-site`}>{t('filters_site')}</label>
        <input
          id={`${id}-site`}
          type="text"
          value={form.site}
          maxLength={500}
          placeholder="example.com"
          aria-invalid={siteOk ? undefined : 'true'}
          aria-describedby={siteOk ? undefined : `${id}-site-error`}
          data-testid="filter-site"
          onInput={(event) => update({ site: value(event) })}
        />
        {!siteOk && (
          <p id={`${id}-site-error`} class="field-error">
            {t('filters_siteInvalid')}
          </p>
        )}
      </div>
      <div class="field">
        <label for={`${id}-from`}>{t('filters_from')}</label>
        <input id={`${id}-from`} type="date" value={form.from} data-testid="filter-from" onInput={(event) => update({ from: value(event) })} />
      </div>
      <div class="field">
        <label for={`${id}-to`}>{t('filters_to')}</label>
        <input id={`${id}-to`} type="date" value={form.to} data-testid="filter-to" onInput={(event) => update({ to: value(event) })} />
      </div>
      <div class="field">
        <label for={`${id}-kind`}>{t('filters_kind')}</label>
        <select id={`${id}-kind`} value={form.kind} data-testid="filter-kind" onChange={(event) => update({ kind: value(event) as ClaimKind | '' })}>
          <option value="">{t('filters_allKinds')}</option>
          {CLAIM_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kindLabel(t, kind)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${id}-status`}>{t('filters_status')}</label>
        <select id={`${id}-status`} value={form.status} data-testid="filter-status" onChange={(event) => update({ status: value(event) as ClaimStatus | '' })}>
          <option value="">{t('filters_anyStatus')}</option>
          {CLAIM_STATUSES.map((status) => (
            <option key={status} value={status}>
              {statusLabel(t, status)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${id}-wrong`}>{t('filters_wrong')}</label>
        <select id={`${id}-wrong`} value={form.wrongMatches} data-testid="filter-wrong" onChange={(event) => update({ wrongMatches: value(event) as WrongMatchChoice })}>
          <option value="include">{t('filters_wrongInclude')}</option>
          <option value="exclude">{t('filters_wrongExclude')}</option>
          <option value="only">{t('filters_wrongOnly')}</option>
        </select>
      </div>
      <div class="field check">
        <input id={`${id}-changed`} type="checkbox" checked={form.changed} data-testid="filter-changed" onChange={(event) => update({ changed: (event.currentTarget as HTMLInputElement).checked })} />
        <label for={`${id}-changed`}>{t('filters_changed')}</label>
      </div>
      <div class="field actions">
        <button type="reset" onClick={(event) => { event.preventDefault(); update({ ...EMPTY_FILTERS }); }}>
          {t('filters_clear')}
        </button>
      </div>
    </form>
  );
}
