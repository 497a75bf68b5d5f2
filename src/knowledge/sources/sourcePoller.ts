import { afterBackoff, pollSources, type SourceKind, type SourceReport } from './pollSources.js';
import type { FetchOptions } from './safeFetch.js';

export interface PollerOptions extends FetchOptions {
  feedsEveryMs: number;
  listsEveryMs: number;
  hostDelayMs: number;
  /** Told of every source polled (for the metrics and the log). */
  observe: (report: SourceReport) => void;
  /** Told of a poll that could not run at all, or of a problem with sources.yml. */
  onProblem: (message: string) => void;
}

/** What the health check says of the sources: those failing now, and when each kind was last polled. */
export interface SourcesStatus {
  lastPolled: Partial<Record<SourceKind, string>>;
  failing: { url: string; error: string }[];
}

/**
 * Polls the sources of `sources.yml` while the app runs: feeds every `feedsEveryMs`, lists every
 * `listsEveryMs`, the first poll of each soon after start. A failing source waits (1, 2, 4 ...
 * minutes) before it is tried again. Files it writes reach the knowledge base through the watcher.
 */
export class SourcePoller {
  private readonly timers: NodeJS.Timeout[] = [];
  private running: Promise<void> = Promise.resolve();
  private readonly failing = new Map<string, string>();
  private readonly lastPolled: Partial<Record<SourceKind, string>> = {};

  constructor(
    private readonly dir: string,
    private readonly options: PollerOptions,
  ) {}

  start(): void {
    for (const [kind, every] of [
      ['feed', this.options.feedsEveryMs],
      ['list', this.options.listsEveryMs],
    ] as const) {
      this.timers.push(setTimeout(() => this.poll(kind), 5000).unref(), setInterval(() => this.poll(kind), every).unref());
    }
  }

  status(): SourcesStatus {
    return { lastPolled: { ...this.lastPolled }, failing: [...this.failing].map(([url, error]) => ({ url, error })) };
  }

  /** Polls one kind of source, after any poll still running. */
  poll(kind: SourceKind): Promise<void> {
    this.running = this.running.then(async () => {
      try {
        const { reports, problems } = await pollSources(this.dir, { ...this.options, kinds: [kind], due: afterBackoff });
        for (const problem of problems) this.options.onProblem(problem);
        for (const report of reports) {
          if (report.outcome === 'failed') this.failing.set(report.url, report.errors[0] ?? 'failed');
          else this.failing.delete(report.url);
          this.options.observe(report);
        }
        this.lastPolled[kind] = new Date().toISOString();
      } catch (error) {
        this.options.onProblem(`the ${kind}s could not be polled: ${(error as Error).message}`);
      }
    });
    return this.running;
  }

  /** Stops polling, once a poll under way has finished. */
  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    await this.running;
  }
}
