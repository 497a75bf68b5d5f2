import { Cron } from 'croner';
import type { Logger } from 'pino';
import type { DigestSender } from './sendDue.js';

/**
 * Runs the digest sender at the start of every minute inside the app. A run still going when
 * the next is due is not overlapped. Exactly-once is the delivery log's job, so several
 * replicas (or the `digest --send-due` CLI) may run this at once.
 */
export function startDigestScheduler(sender: DigestSender, logger: Logger): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const run = async () => {
    try {
      const reports = await sender.sendDue();
      const acted = reports.filter((r) => !['not-due', 'already-done'].includes(r.outcome));
      if (acted.length > 0) logger.info({ outcomes: acted.map((r) => `${r.subscription.id}:${r.outcome}`) }, 'digest run');
    } catch (error) {
      logger.error({ err: error }, 'digest run failed');
    }
  };
  const job = new Cron('* * * * *', { protect: true, name: 'digests' }, () => {
    running = run();
    return running;
  });
  return {
    /** Stops scheduling and resolves when a run in progress has finished. */
    stop: async () => {
      job.stop();
      await running;
    },
  };
}
