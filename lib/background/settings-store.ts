/**
 * The reader's settings, read once and written through one queue: every change is a read-modify-write
 * applied in order, so two writers (popup and options page) can never lose each other's change.
 */
import { DEFAULT_SITE_SETTINGS } from '../sites/site-settings';
import { readMeta, writeMeta, type PledgeLensDatabase, type StoredSettings } from './store/open-database';

const DEFAULT_SETTINGS: StoredSettings = { ...DEFAULT_SITE_SETTINGS, feedUrl: '', revision: 0 };

export class SettingsStore {
  private cached: StoredSettings | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: PledgeLensDatabase) {}

  /** The current settings (defaults filled in). */
  async read(): Promise<StoredSettings> {
    this.cached ??= { ...DEFAULT_SETTINGS, ...(await readMeta(this.db, 'settings')) };
    return this.cached;
  }

  /**
   * Applies `change` to the latest settings, after every earlier change has been written. `change`
   * returns the new settings, or a string saying why it refuses (nothing is written then).
   * @throws what the database throws; the cached copy then stays as it was
   */
  update(change: (current: StoredSettings) => StoredSettings | string): Promise<StoredSettings | string> {
    const run = this.queue.then(async () => {
      const current = await this.read();
      const next = change(current);
      if (typeof next === 'string') return next;
      const stored = { ...next, revision: (current.revision ?? 0) + 1 };
      await writeMeta(this.db, 'settings', stored);
      this.cached = stored;
      return stored;
    });
    // A failed write must not block every later one.
    this.queue = run.catch(() => undefined);
    return run;
  }
}
