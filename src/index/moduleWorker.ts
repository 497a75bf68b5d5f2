import { Worker } from 'node:worker_threads';

/**
 * A worker thread that runs a module of this app: as it is when the app runs compiled, through tsx
 * when the app itself runs through tsx (the tools, `npm run dev`, the tests).
 */
export function moduleWorker(moduleUrl: string, workerData: unknown): Worker {
  const register = moduleUrl.endsWith('.ts') ? `const { register } = await import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}); register();` : '';
  return new Worker(`(async () => { ${register} await import(${JSON.stringify(moduleUrl)}); })();`, { eval: true, workerData });
}
