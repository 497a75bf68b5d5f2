import cluster from 'node:cluster';
import type { Logger } from 'pino';

/** What a serving process tells the supervisor once its knowledge base is loaded (see `readyToServe`). */
const READY = 'designation-desk:ready';

/** The exit code of a process that cannot start as configured: starting it again would not help. */
const CONFIGURATION = 2;

/**
 * Runs `count` processes of the app on one port (Node's cluster, which hands each connection to
 * one of them in turn): every core answers, each process from a knowledge base of its own. The
 * first runs alone until its knowledge base is loaded, so that the others start from the snapshot
 * it saved rather than each reading the whole folder. One that stops unexpectedly is started
 * again; SIGTERM or SIGINT stops them all, each finishing the requests it holds.
 */
export function supervise(count: number, logger: Logger): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping the serving processes');
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    if (code === CONFIGURATION) {
      logger.error({ pid: worker.process.pid }, 'a serving process could not start as configured; stopping');
      stop('SIGTERM');
      process.exitCode = CONFIGURATION;
      return;
    }
    logger.error({ pid: worker.process.pid, code, signal }, 'a serving process stopped; starting another');
    setTimeout(() => !stopping && cluster.fork(), 1000);
  });
  const first = cluster.fork();
  let others = false;
  first.on('message', (message) => {
    if (message !== READY || stopping || others) return;
    others = true;
    logger.info({ processes: count }, 'the first process has its knowledge base; starting the others');
    for (let n = 1; n < count; n++) cluster.fork();
  });
}

/** Whether this process is the supervisor of several serving processes. */
export function supervises(count: number): boolean {
  return count > 1 && cluster.isPrimary;
}

/** Tells the supervisor, if there is one, that this process has its knowledge base. */
export function readyToServe(): void {
  if (cluster.isWorker) process.send?.(READY);
}
