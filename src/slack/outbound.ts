import type { Logger } from 'pino';

/** Where the bot may send: Slack's Web API and its response URLs, and the configured API's origin (a test's fake). */
export function slackOrigins(slackApiUrl: string | undefined): string[] {
  return ['https://slack.com', 'https://hooks.slack.com', ...(slackApiUrl ? [new URL(slackApiUrl).origin] : [])];
}

/** Whether a URL (a response_url, say) goes to one of the origins. */
export function isSlackUrl(url: unknown, origins: string[]): boolean {
  if (typeof url !== 'string') return false;
  try {
    return origins.includes(new URL(url).origin);
  } catch {
    return false;
  }
}

/** Thrown instead of queueing a call when too many wait already: Slack is not answering. */
export class SlackBusyError extends Error {}

export interface OutboundOptions {
  /** A call that has not answered in this many ms is given up. */
  timeoutMs: number;
  /** Calls sent at once; more wait in a queue (default 16). */
  maxInFlight: number;
  /** Calls that may wait; one more fails at once (default 64). */
  maxWaiting: number;
  /** Origins calls may go to (see slackOrigins). */
  origins: string[];
  /**
   * Told of every call that failed: the Web API method (or "response_url") and the error: Slack's
   * code (`channel_not_found`), `http_<status>`, `timeout`, `refused` or `network` (default: nobody).
   */
  onError: (method: string, code: string) => void;
  /**
   * A Web API call Slack rate-limits for at most this many ms (and for less than the time left of
   * its timeout) is sent again after the wait; a longer limit is handed back at once as Slack's 429,
   * for the caller to give up (default 3000: what a person waiting for an answer can bear). 0 hands
   * every 429 back, for callers with waits of their own (digests).
   */
  rateLimitWaitMs: number;
}

export const defaultOutboundOptions: Omit<OutboundOptions, 'origins'> = {
  timeoutMs: 10_000,
  maxInFlight: 16,
  maxWaiting: 64,
  onError: () => {},
  rateLimitWaitMs: 3000,
};

/** What the health check reports of calls to Slack. */
export interface OutboundStats {
  inFlight: number;
  waiting: number;
  /** Calls given up since start: timed out, or refused because the queue was full. */
  timedOut: number;
  refused: number;
  /** Calls Slack rate-limited for longer than the bot waits, handed back since start. */
  rateLimited: number;
}

/**
 * The `fetch` of every call the app makes to Slack (the Web API client's and `respond()`'s):
 * only to Slack's origins, each with a timeout, at most `maxInFlight` at once, and a bounded
 * queue that refuses (and logs) rather than grows while Slack hangs. A call waits in the queue
 * no longer than its timeout.
 */
export class SlackOutbound {
  private readonly options: OutboundOptions;
  private inFlight = 0;
  private readonly queue: { go: () => void }[] = [];
  private timedOut = 0;
  private refused = 0;
  private rateLimited = 0;

  constructor(
    private readonly logger: Logger,
    options: Partial<OutboundOptions> & Pick<OutboundOptions, 'origins'>,
  ) {
    this.options = { ...defaultOutboundOptions, ...options };
  }

  stats(): OutboundStats {
    return { inFlight: this.inFlight, waiting: this.queue.length, timedOut: this.timedOut, refused: this.refused, rateLimited: this.rateLimited };
  }

  readonly fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    if (!isSlackUrl(url, this.options.origins)) {
      this.logger.warn({ origin: originOf(url) }, 'refused to send to an address that is not Slack');
      throw new Error(`refused to send to ${originOf(url)}: not a Slack address`);
    }
    const method = pathOf(url);
    try {
      await this.slot(url);
    } catch (error) {
      this.options.onError(method, 'refused');
      throw error;
    }
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    try {
      const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
      const started = Date.now();
      let response = await fetch(input, { ...init, signal });
      const wait = retryAfterMs(response);
      // Sent again only when the wait fits the caller's patience and what is left of the call's time.
      if (
        wait !== null &&
        this.options.rateLimitWaitMs > 0 &&
        wait <= Math.min(this.options.rateLimitWaitMs, this.options.timeoutMs - (Date.now() - started) - 1000)
      ) {
        await response.body?.cancel();
        this.logger.info({ call: method, ms: wait }, 'Slack rate-limited a call; sending it again after the wait');
        await new Promise((resolve) => setTimeout(resolve, wait));
        response = await fetch(input, { ...init, signal });
      }
      if (retryAfterMs(response) !== null) {
        this.rateLimited++;
        const level = this.options.rateLimitWaitMs > 0 ? 'warn' : 'info';
        this.logger[level]({ call: method, retryAfterMs: retryAfterMs(response) }, 'Slack rate-limited a call for longer than this caller waits: handed back');
      }
      if (!response.ok) this.options.onError(method, `http_${response.status}`);
      else if (method !== 'response_url') this.reportPlatformError(method, response);
      return response;
    } catch (error) {
      if (timeout.aborted) {
        this.timedOut++;
        this.logger.warn({ call: method, ms: this.options.timeoutMs }, 'a call to Slack timed out');
      }
      this.options.onError(method, timeout.aborted ? 'timeout' : 'network');
      throw error;
    } finally {
      this.inFlight--;
      this.queue.shift()?.go();
    }
  };

  /** Reads a copy of a Web API answer for Slack's `ok: false`, while the caller reads the answer itself. */
  private reportPlatformError(method: string, response: Response): void {
    response
      .clone()
      .json()
      .then((body: { ok?: unknown; error?: unknown }) => {
        if (body?.ok === false) this.options.onError(method, typeof body.error === 'string' ? body.error : 'unknown_error');
      })
      .catch(() => {});
  }

  /** Resolves when the call may be sent (and counts it in flight); throws SlackBusyError when it may not. */
  private async slot(url: string): Promise<void> {
    if (this.inFlight < this.options.maxInFlight) {
      this.inFlight++;
      return;
    }
    if (this.queue.length >= this.options.maxWaiting) throw this.busy(url, 'the queue is full');
    await new Promise<void>((resolve, reject) => {
      const waiter = {
        go: () => {
          clearTimeout(timer);
          this.inFlight++;
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.queue.splice(this.queue.indexOf(waiter), 1);
        reject(this.busy(url, `no call finished in ${this.options.timeoutMs} ms`));
      }, this.options.timeoutMs);
      this.queue.push(waiter);
    });
  }

  private busy(url: string, why: string): SlackBusyError {
    this.refused++;
    const { inFlight, waiting } = this.stats();
    this.logger.warn({ call: pathOf(url), inFlight, waiting }, `a call to Slack was refused: ${why}`);
    return new SlackBusyError(`Slack is not answering (${inFlight} calls in flight, ${waiting} waiting): ${why}`);
  }
}

/** How long a 429 asks to wait, in ms; null for any other answer. Slack gives `Retry-After` in seconds. */
function retryAfterMs(response: Response): number | null {
  if (response.status !== 429) return null;
  const seconds = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
  return Number.isNaN(seconds) ? 60_000 : seconds * 1000;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'an address that is not a URL';
  }
}

/** The Web API method a call goes to, or "response_url" (whose path carries a token, so it is not logged). */
function pathOf(url: string): string {
  try {
    const method = new URL(url).pathname.split('/').pop() ?? '';
    return /^[a-z]+\.[A-Za-z.]+$/.test(method) ? method : 'response_url';
  } catch {
    return 'unknown';
  }
}
