/**
 * The background's one entry point, with no extension APIs: `entrypoints/background.ts` wires browser
 * events to it, and Node tests drive the same object. Each message is routed by its sender's role to
 * that role's message map, so a content script (running inside a web page) can never reach a request
 * that changes settings, history or claim sets.
 */
import { MatchTurns } from './match-turns';
import { describeClaimSetIssues, validateClaimSet } from '../claims/validate-claim-set';
import { TabFrames } from '../frames/tab-frames';
import { buildClaimVocabulary } from '../prefilter/claim-vocabulary';
import { CONTENT_TO_BACKGROUND } from '../messages/content-to-background';
import { EXTENSION_PAGE_TO_BACKGROUND, type ExtensionPageToBackground } from '../messages/extension-page-to-background';
import { dispatch, type Handlers, type Result } from '../messages/message-map';
import { senderRole, type SenderFacts } from '../messages/sender-role';
import { ClaimChangeTracker } from './claim-change-tracker';
import { ClaimSetCache } from './claim-set-cache';
import { FlaggedMentions } from './flagged-mentions';
import type { BackgroundContext, BrowserPort, ContentSender } from './context';
import { changeHandlers, recordClaimChanges } from './handlers/change-handlers';
import { claimSetHandlers, updateFeed } from './handlers/claim-set-handlers';
import { contentHandlers, filedAt, ownsMention, senderPlace } from './handlers/content-handlers';
import { historyHandlers } from './handlers/history-handlers';
import { settingsHandlers } from './handlers/settings-handlers';
import { tabHandlers } from './handlers/tab-handlers';
import { MatcherWarmUp, WARM_UP_BUDGET_MS } from './matcher-warm-up';
import { MentionWriter } from './mention-writer';
import { NOTE_EDITOR_TO_BACKGROUND, NoteCapabilities, noteEditorHandlers, openNoteEditorHandler, type CapabilityStore, type NoteEditorToBackground, type NoteEditorSender } from './note-capabilities';
import { SettingsStore } from './settings-store';
import { withEnglishFallback } from '../i18n/english-fallback';
import { createTranslator, type Translator } from '../i18n/translator';
import { compareVersions } from '../claims/compare-versions';
import { BUNDLED_PACK_ID, ensureBundledPack } from './store/claim-store';
import { readMeta, writeMeta, type PledgeLensDatabase } from './store/open-database';

export interface BackgroundOptions {
  port: BrowserPort;
  /** Reads the bundled default claim set (a file inside the extension). */
  loadBundled: () => Promise<unknown>;
  /** `runtime.id` and `runtime.getURL('')`: what tells our own pages from content scripts. */
  extensionId: string;
  extensionOrigin: string;
  /** Identifies this build of the code; a stored compiled index from another build is not reused. */
  buildId: string;
  now?: () => Date;
  fetch?: typeof fetch;
  /** Matcher warm-up per compiled index (ms, see MatcherWarmUp); 0 turns it off. */
  warmUpBudgetMs?: number;
  /** Where note-editor capabilities survive a stopped worker (`storage.session`); memory only without it. */
  capabilityStore?: CapabilityStore;
  /** The background's words (the toolbar button's title); English from the catalogue when not given. */
  t?: Translator;
}

export class BackgroundService {
  readonly context: BackgroundContext;
  private readonly warmUp: MatcherWarmUp;
  private readonly content;
  private readonly pages: Handlers<ExtensionPageToBackground, undefined>;
  private readonly noteCapabilities: NoteCapabilities;
  private readonly noteEditor: Handlers<NoteEditorToBackground, NoteEditorSender>;

  constructor(
    db: PledgeLensDatabase,
    private readonly options: BackgroundOptions,
  ) {
    const now = options.now ?? (() => new Date());
    this.context = {
      db,
      t: options.t ?? createTranslator(withEnglishFallback(() => '')),
      port: options.port,
      now,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      settings: new SettingsStore(db),
      claimSets: new ClaimSetCache(db, options.buildId, (compiled) => {
        void options.port.publishVocabulary(buildClaimVocabulary([...compiled.claims.values()])).catch(() => undefined);
      }),
      mentions: new MentionWriter(db, now),
      flagged: new FlaggedMentions(db),
      frames: new TabFrames(),
      changes: new ClaimChangeTracker(db, now),
      matchTurns: new MatchTurns(),
    };
    this.warmUp = new MatcherWarmUp(this.context.claimSets, options.warmUpBudgetMs ?? WARM_UP_BUDGET_MS);
    this.noteCapabilities = new NoteCapabilities(() => now().getTime(), options.capabilityStore);
    const openNoteEditor = openNoteEditorHandler(this.noteCapabilities, ownsMention(this.context));
    this.content = {
      ...contentHandlers(this.context, this.warmUp),
      'open-note-editor': async (request: { mentionId: string; url: string }, from: ContentSender) => {
        const answer = await openNoteEditor(request, from);
        // The reader opened the card of a mention a history bound kept out: it is stored now, past the bound,
        // so the note they may write finds it, whatever the page reports meanwhile or if this worker stops
        // (attack report 49, findings 6 and 7). Only the reader's own hover or focus opens a card.
        const heldBack = answer.ok ? this.context.mentions.heldBack(request.mentionId) : undefined;
        if (heldBack && filedAt(heldBack, senderPlace(this.context, from, request.url))) {
          void this.context.mentions.storeHeldBack(request.mentionId).catch(() => false);
        }
        return answer;
      },
    };
    this.pages = {
      ...tabHandlers(this.context),
      ...settingsHandlers(this.context),
      ...historyHandlers(this.context),
      ...claimSetHandlers(this.context),
      ...changeHandlers(this.context),
    };
    this.noteEditor = noteEditorHandlers(this.pages, this.noteCapabilities);
  }

  /**
   * Seeds or upgrades the bundled set. A start of the build that already seeded it (MV3 stops idle
   * workers, so most starts) skips loading, validating and seeding the bundled file: the file is
   * part of the build, so the result would be the same.
   * @throws Error listing the problems when the bundled set is invalid (a build bug: fail loudly)
   */
  async init(): Promise<void> {
    const { db, claimSets, settings } = this.context;
    // The first page's first question is whether its site is on: have the answer ready.
    void settings.read().catch(() => undefined);
    const [seeded, bundledKey] = await Promise.all([readMeta(db, 'bundled-seed'), db.getKey('packs', BUNDLED_PACK_ID)]);
    // Load the compiled set now rather than on the first page: the vocabulary content scripts read
    // comes from it. Not before the check: a set compiled before a seed (on install, no packs at all)
    // would publish its vocabulary, and a page read in that window stays behind its gate. A seed
    // invalidates the cache, which compiles the seeded set at once.
    if (seeded?.buildId !== this.options.buildId || bundledKey === undefined) await this.seedBundled();
    else void claimSets.get().catch(() => undefined);
    // A stopped worker is usually started by the tab loading the page it will be asked to match: warm
    // the matcher while that page loads, so its first match is not run by cold code.
    this.warmUp.start();
  }

  private async seedBundled(): Promise<void> {
    const validation = validateClaimSet(await this.options.loadBundled());
    if (!validation.ok) throw new Error(`The bundled claim set is invalid:\n${describeClaimSetIssues(validation.issues)}`);
    // An extension update that ships a newer bundled set may change claims the reader has met.
    const stored = await this.context.db.get('packs', BUNDLED_PACK_ID);
    const upgrading = stored !== undefined && compareVersions(stored.claimSet.version, validation.claimSet.version) < 0;
    const before = upgrading ? await this.context.changes.snapshot() : undefined;
    await ensureBundledPack(this.context.db, validation.claimSet, this.context.now());
    this.context.claimSets.invalidate();
    if (before) await recordClaimChanges(this.context, before);
    await writeMeta(this.context.db, 'bundled-seed', { buildId: this.options.buildId });
  }

  /**
   * Answers one message from any sender. Never throws: an unknown sender, a request outside the
   * sender's map, a malformed request or a failing handler all get a Result error.
   */
  handle(message: unknown, sender: SenderFacts): Promise<Result<unknown>> {
    const from = senderRole(sender, this.options.extensionId, this.options.extensionOrigin);
    if (from.role === 'content-script') return dispatch(CONTENT_TO_BACKGROUND, this.content, message, from);
    if (from.role === 'extension-page') return dispatch(EXTENSION_PAGE_TO_BACKGROUND, this.pages, message, undefined);
    if (from.role === 'note-editor') return dispatch(NOTE_EDITOR_TO_BACKGROUND, this.noteEditor, message, from);
    return Promise.resolve({ ok: false, error: 'Unknown sender.' });
  }

  updateFeed(): ReturnType<typeof updateFeed> {
    return updateFeed(this.context);
  }

  /** A tab started loading a new document, or closed: its frames' findings are gone. */
  forgetTab(tabId: number): void {
    this.context.frames.forgetTab(tabId);
  }

  /** A closed tab: its note-editor capabilities and its wait for a turn at matching go too. */
  closeTab(tabId: number): void {
    this.forgetTab(tabId);
    this.noteCapabilities.forgetTab(tabId);
    this.context.matchTurns.forget(tabId);
  }
}
