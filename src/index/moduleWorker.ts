import { Worker } from 'node:worker_threads';

/** Whether this app runs through tsx (the tools, `npm run dev`, the tests) rather than compiled. */
const THROUGH_TSX = import.meta.url.endsWith('.ts');

/**
 * A worker thread that runs a module of this app, named by its compiled `.js` URL: as it is when
 * the app runs compiled, its TypeScript source through tsx when the app itself runs through tsx.
 */
export function moduleWorker(module: URL, workerData: unknown): Worker {
  const url = THROUGH_TSX ? module.href.replace(/\.js$/, '.ts') : module.href;
  const register = THROUGH_TSX ? `const { register } = await import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}); register();` : '';
  return new Worker(`(async () => { ${register} await import(${JSON.stringify(url)}); })();`, { eval: true, workerData });
}
