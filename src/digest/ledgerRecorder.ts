import type { KnowledgeBase } from '../index/knowledgeBase.js';
import type { DesignationList } from '../knowledge/lists/types.js';
import type { Article } from '../knowledge/types.js';
import type { Store } from '../store/store.js';
import { articleVersions } from './versions.js';

export interface LedgerRecorderOptions {
  /** How long after a failed write the versions it left out are written again. */
  retryMs: number;
  /** Told of each failed write; the versions stay to be written again. */
  onError: (error: unknown) => void;
}

export const defaultLedgerRecorderOptions: LedgerRecorderOptions = { retryMs: 30_000, onError: () => {} };

/**
 * Records in the article ledger each article version the knowledge base reads that the ledger
 * has not seen, and each new version of an official list, so that a digest can say what arrived
 * when. Writes go one after another, in the order of the updates. A version a failed write left
 * out (the database unreachable) is written again with the next update, or after `retryMs`: the
 * digest then counts it as arrived at that time.
 */
export class LedgerRecorder {
  private readonly options: LedgerRecorderOptions;
  private missed: Article[] = [];
  private missedLists: DesignationList[] = [];
  private latest: KnowledgeBase | null = null;
  private writing: Promise<void> = Promise.resolve();
  private retry: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly store: Pick<Store, 'ledger' | 'listVersions'>,
    options: Partial<LedgerRecorderOptions> = {},
  ) {
    this.options = { ...defaultLedgerRecorderOptions, ...options };
  }

  /** Records the articles and lists an update read; resolves when they, and every earlier update's, are written or have failed. */
  record(kb: KnowledgeBase, articles: Article[], lists: DesignationList[] = []): Promise<void> {
    this.latest = kb;
    this.writing = this.writing.then(() => this.write(kb, articles, lists));
    return this.writing;
  }

  /** Resolves once every write asked for so far has ended; stops retrying. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    await this.writing;
  }

  private async write(kb: KnowledgeBase, articles: Article[], lists: DesignationList[]): Promise<void> {
    // A missed version still counts if the knowledge base still has it as it was.
    const current = new Map(kb.articles.map((a) => [a.path, a.hash]));
    const candidates = [...this.missed.filter((a) => current.get(a.path) === a.hash), ...articles];
    const listCandidates = [...this.missedLists.filter((l) => kb.list(l.path)?.hash === l.hash), ...lists];
    this.missed = [];
    this.missedLists = [];
    if (candidates.length === 0 && listCandidates.length === 0) return;
    const { ledger, listVersions } = this.store;
    try {
      if (candidates.length > 0) await ledger.record(articleVersions(kb, await ledger.unknown(candidates)), new Date());
      await listVersions.record(await listVersions.unknown(listCandidates), new Date());
    } catch (error) {
      this.missed = candidates;
      this.missedLists = listCandidates;
      this.options.onError(error);
      if (this.closed) return;
      this.retry ??= setTimeout(() => {
        this.retry = null;
        if (this.latest) void this.record(this.latest, []);
      }, this.options.retryMs).unref();
    }
  }
}
