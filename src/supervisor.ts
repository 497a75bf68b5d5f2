import cluster from 'node:cluster';
import type { Logger } from 'pino';
import { EXIT_CONFIGURATION } from './config.js';

/** What a serving process tells the supervisor once its knowledge base is loaded (see `readyToServe`). */
const READY = 'designation-desk:ready';

/**
 * Runs `count` processes of the app on one port (Node's cluster, which hands each connection to
 * one of them in turn): every core answers, each process from a knowledge base of its own. The
 * first runs alone until its knowledge base is loaded, so that the others start from the snapshot
 * it saved rather than each reading the whole folder. One that stops unexpectedly is started
 * again; SIGTERM or SIGINT stops them all, each finishing the requests it holds.
 */
export function supervise(count: number, logger: Logger): void {
  const live = new Set<number>();
  let stopping = false;
  let others = false;
  const fork = () => live.add(cluster.fork().id);
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping the serving processes');
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    if (live.size === 0) process.exit();
  };
  // A second signal while they stop changes nothing: each is finishing its requests and saving its snapshot.
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  cluster.on('exit', (worker, code, signal) => {
    live.delete(worker.id);
    if (stopping) {
      if (live.size === 0) process.exit();
      return;
    }
    if (code === EXIT_CONFIGURATION) {
      logger.error({ pid: worker.process.pid }, 'a serving process could not start as configured; stopping');
      process.exitCode = EXIT_CONFIGURATION;
      stop('SIGTERM');
      return;
    }
    logger.error({ pid: worker.process.pid, code, signal }, 'a serving process stopped; starting another');
    setTimeout(() => !stopping && fork(), 1000);
  });
  // The first to have its knowledge base (the first process, or the one that replaced it) starts the others.
  cluster.on('message', (_worker, message) => {
    if (message !== READY || stopping || others) return;
    others = true;
    logger.info({ processes: count }, 'the first process has its knowledge base; starting the others');
    for (let n = 1; n < count; n++) fork();
  });
  fork();
}

/** Whether this process is the supervisor of several serving processes. */
export function supervises(count: number): boolean {
  return count > 1 && cluster.isPrimary;
}

/** Tells the supervisor, if there is one, that this process has its knowledge base. */
export function readyToServe(): void {
  if (cluster.isWorker) process.send?.(READY);
}
