import { renderAddArticleView, ROOM_PARTS } from '../../../render/addArticleView.js';
import { readArticleFields } from '../../articleFields.js';
import type { SlackContext } from '../../context.js';
import type { ButtonArgs } from './action.js';

/**
 * "More room for text" in the "Add an article" modal: the modal again, with what was typed and
 * more text fields. The button's value is how many fields the modal showed.
 */
export async function onMoreArticleText({ ack, body, action, client }: ButtonArgs, ctx: SlackContext): Promise<void> {
  await ack();
  const view = body.view;
  if (!view) return;
  const shown = Number.parseInt(action.value ?? '', 10) || ROOM_PARTS;
  try {
    await client.views.update({ view_id: view.id, hash: view.hash, view: renderAddArticleView(readArticleFields(view.state.values), shown + ROOM_PARTS) });
  } catch (error) {
    // A hash that changed means the modal was updated meanwhile (a second press): the newer view stands.
    ctx.logger.warn({ surface: 'add-article', err: error }, 'could not add room for text to the modal');
  }
}
