import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { changesIn, indexedSubjects, knownSubjects, type EntityChanges } from '../../../answer/articleChanges.js';
import type { Answer } from '../../../answer/types.js';
import type { KnowledgeBase } from '../../../index/knowledgeBase.js';
import { addedArticle, articleFieldProblems, removeAddedArticle, writeAddedArticle } from '../../../knowledge/addedArticle.js';
import { renderAddedConfirmation, renderAddedView, textPart } from '../../../render/addArticleView.js';
import { ADD_ARTICLE } from '../../../render/slackIds.js';
import { readArticleFields } from '../../articleFields.js';
import { teamOf, type SlackContext } from '../../context.js';
import { codeOf } from '../../webApiError.js';
import { databaseFailed, notSaved } from '../../databaseFailure.js';

type SubmitArgs = SlackViewMiddlewareArgs & AllMiddlewareArgs;

/** How long the confirmation waits for the watcher to index the new file. */
const INDEX_WAIT_MS = 5000;
/** The entities named whose answers are compared, at most: each costs an answer before the acknowledgement. */
const MAX_COMPARED = 8;

/** The field each problem belongs to, as the modal's block. */
const BLOCK_OF: Record<string, string> = {
  title: ADD_ARTICLE.titleBlock,
  outlet: ADD_ARTICLE.outletBlock,
  url: ADD_ARTICLE.urlBlock,
  published: ADD_ARTICLE.publishedBlock,
  text: textPart(0),
};

/** Resolves with the knowledge base once it holds `path`, or null after the wait. */
async function indexed(ctx: SlackContext, path: string): Promise<KnowledgeBase | null> {
  const until = Date.now() + INDEX_WAIT_MS;
  for (;;) {
    const kb = ctx.knowledge();
    if (kb?.article(path)) return kb;
    if (Date.now() > until) return null;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The "Add an article" modal submitted: problems are shown on their fields; otherwise the file
 * is written under `added/` (the watcher indexes it as any other file), who added it is
 * recorded, the modal says where the article is, and the editor gets a DM with what it changed: the new
 * status lines and dated events of the entities it names, as answers show them.
 */
export async function onAddArticleSubmit({ ack, view, body, client, context }: SubmitArgs, ctx: SlackContext): Promise<void> {
  const fields = readArticleFields(view.state.values);
  const problems = articleFieldProblems(fields, ctx.clock());
  const kb = ctx.knowledge();
  if (kb === null) problems.push({ field: 'text', message: 'The knowledge base is still loading; add the article in a moment.' });
  if (problems.length > 0) {
    const errors = Object.fromEntries(problems.map((p) => [BLOCK_OF[p.field] ?? textPart(0), p.message]).reverse());
    return void (await ack({ response_action: 'errors', errors }));
  }
  const user = body.user.id;
  const team = teamOf(context);
  // The shortcut checked already (and the answer is kept a few minutes); this holds for a modal left open while editors changed.
  if (!(await ctx.editors.include(user, team, client))) {
    return void (await ack({ response_action: 'errors', errors: { [ADD_ARTICLE.titleBlock]: 'Only the editors of the knowledge base can add articles.' } }));
  }

  // The answers about what the article names, before it is added: what it changed is measured against them.
  const known = knownSubjects(kb!, addedArticle('added/new.md', fields));
  const before = new Map<string, Answer>();
  for (const id of known.slice(0, MAX_COMPARED)) before.set(id, ctx.answers.get(kb!, kb!.entity(id)!.name));
  let path: string;
  try {
    path = await writeAddedArticle(ctx.knowledgeDir, fields, ctx.clock());
  } catch (error) {
    // The modal stays open with everything typed in it.
    ctx.logger.error({ surface: 'add-article', user, err: error }, 'could not write an article added from Slack');
    return void (await ack({
      response_action: 'errors',
      errors: {
        [textPart(0)]:
          `The knowledge folder could not be written (${(error as NodeJS.ErrnoException).code ?? 'error'}); nothing was added. Try again, or tell whoever runs the bot.`,
      },
    }));
  }
  try {
    await ctx.store.added.record({ path, teamId: team, userId: user, title: fields.title.trim() }, ctx.clock());
  } catch (error) {
    databaseFailed(ctx, 'add-article', error);
    // Unrecorded, the article could not be removed from Slack: it is taken out again, and the modal keeps what was typed.
    await removeAddedArticle(ctx.knowledgeDir, path).catch((removal: unknown) =>
      ctx.logger.error({ surface: 'add-article', user, path, err: removal }, 'an article added while the database was down could not be taken out again'),
    );
    return void (await ack({ response_action: 'errors', errors: { [textPart(0)]: notSaved(error) } }));
  }
  // The modal stays, saying where the confirmation goes: it is where a confirmation that could not be sent is reported.
  await ack({ response_action: 'update', view: renderAddedView(path, null) });
  ctx.logger.info({ surface: 'add-article', user, path }, 'article added from Slack');

  const after = await indexed(ctx, path);
  const changes: EntityChanges[] = after
    ? indexedSubjects(after, path)
        // Those compared before, and those the article made known.
        .filter((id) => before.has(id) || !known.includes(id))
        .slice(0, MAX_COMPARED)
        .map((id) => {
          const entity = after.entity(id)!.name;
          return { entity, ...changesIn(before.get(id) ?? null, ctx.answers.get(after, entity), path) };
        })
    : [];
  const confirmation = renderAddedConfirmation({ path, fields, addedBy: user, changes, indexed: after !== null });
  try {
    await client.chat.postMessage({ channel: user, ...confirmation, unfurl_links: false, unfurl_media: false });
  } catch (error) {
    const code = codeOf(error);
    ctx.logger.error({ surface: 'add-article', user, path, err: error }, 'the confirmation of an added article could not be sent');
    await client.views
      .update({ view_id: view.id, view: renderAddedView(path, code) })
      .catch((update: unknown) =>
        ctx.logger.error({ surface: 'add-article', user, path, err: update }, 'could not say in the modal that the confirmation was not sent'),
      );
  }
}
