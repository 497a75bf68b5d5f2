/**
 * `node --import tsx bench/buildTime.ts [--root CHECKOUT] DIR`: the full build of a knowledge
 * folder (read, extract, index, prepare answers) in one process, as wall and CPU time. With
 * --root it builds with the code of another checkout (its own node_modules or a link to ours),
 * so two versions can be compared side by side on one machine:
 *
 *   git worktree add /tmp/before 09dcc35 && ln -s "$PWD/node_modules" /tmp/before/node_modules
 *   node --import tsx bench/buildTime.ts --root /tmp/before bench/kb/10000
 *   node --import tsx bench/buildTime.ts bench/kb/10000
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const at = args.indexOf('--root');
const root = at >= 0 ? resolve(args.splice(at, 2)[1]!) : fileURLToPath(new URL('..', import.meta.url));
const dir = args[0];
if (!dir) {
  console.error('usage: bench/buildTime.ts [--root CHECKOUT] DIR');
  process.exit(2);
}
const { listArticleFiles, loadArticleFile, loadEntities } = await import(`${root}/src/knowledge/loadKnowledge.ts`);
const { KnowledgeBase } = await import(`${root}/src/index/knowledgeBase.ts`);
const { prepareAnswers } = await import(`${root}/src/answer/answerCache.ts`);

const started = performance.now();
// A checkout from before the listing reported skipped entries returns the paths alone.
const listed: string[] | { paths: string[] } = await listArticleFiles(dir);
const paths = Array.isArray(listed) ? listed : listed.paths;
const { entities } = await loadEntities(dir);
const kb = new KnowledgeBase(entities, []);
for (const path of paths) {
  const load = await loadArticleFile(dir, path);
  if (load.article) kb.upsert(load.article);
}
prepareAnswers(kb);
const ms = performance.now() - started;
const cpu = process.cpuUsage();
console.log(
  JSON.stringify({
    root,
    articles: paths.length,
    ms: Math.round(ms),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    rssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
