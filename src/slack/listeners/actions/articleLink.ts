import { renderAddArticleView } from '../../../render/addArticleView.js';
import { readArticleFields } from '../../articleFields.js';
import { fieldsFromLink } from '../../articleFromLink.js';
import { teamOf, type SlackContext } from '../../context.js';
import type { LinkArgs } from './action.js';

/**
 * A link entered in the "Add an article" modal (Enter in its Link field): the page is fetched and
 * read, and the modal filled with what it gives, for the editor to check before adding. A page
 * that cannot be fetched or read is said so in the modal, which keeps what was typed.
 */
export async function onArticleLink(args: LinkArgs, ctx: SlackContext): Promise<void> {
  const { ack, body, action, client, context } = args;
  await ack();
  const view = body.view;
  const url = action.value ?? '';
  if (!view || !(await ctx.editors.include(body.user.id, teamOf(context), client))) return;
  const typed = readArticleFields(view.state.values);
  const shown = Object.keys(view.state.values).filter((block) => block.startsWith('text')).length;
  let filled = { ...typed, url };
  let note: string | null = null;
  try {
    filled = await fieldsFromLink(url, typed, ctx);
    ctx.logger.info({ surface: 'add-article', user: body.user.id }, 'a link filled the add-an-article modal');
  } catch (error) {
    note = `The page could not be read (${(error as Error).message}); fill in the fields yourself, or try another link.`;
    ctx.logger.warn({ surface: 'add-article', user: body.user.id, err: error }, 'a link given in the add-an-article modal could not be read');
  }
  await client.views
    .update({ view_id: view.id, hash: view.hash, view: renderAddArticleView(filled, shown, note) })
    .catch((error: unknown) => ctx.logger.warn({ surface: 'add-article', err: error }, 'could not fill the modal from its link'));
}
