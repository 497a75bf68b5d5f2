import type { types as SlackTypes } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { SlackContext } from './context.js';
import { codeOf } from './webApiError.js';

/** A modal a shortcut opens: for whom, with which trigger, and its name as the person knows it ("Add an article"). */
export interface ModalToOpen {
  client: WebClient;
  triggerId: string;
  userId: string;
  view: SlackTypes.ModalView;
  name: string;
}

/**
 * Opens a modal for a shortcut, and returns the opened view's id and hash (null when it did not
 * open). When Slack will not open it (the trigger expired, Slack is failing), the person is told so
 * in a direct message, with what to do next; a failure of that message too is logged.
 */
export async function openModal({ client, triggerId, userId, view, name }: ModalToOpen, ctx: SlackContext): Promise<{ id: string; hash: string } | null> {
  try {
    const opened = await client.views.open({ trigger_id: triggerId, view });
    return opened.view?.id && opened.view.hash ? { id: opened.view.id, hash: opened.view.hash } : null;
  } catch (error) {
    const code = codeOf(error);
    ctx.logger.warn({ surface: 'shortcut', modal: name, user: userId, err: error }, 'a modal could not be opened');
    const text =
      code === 'expired_trigger_id'
        ? `The "${name}" form took too long to open, and Slack no longer lets it. Please use the shortcut again.`
        : `The "${name}" form could not be opened: Slack answered \`${code}\`. Please use the shortcut again in a minute; if it keeps failing, tell whoever runs the bot.`;
    await client.chat
      .postMessage({ channel: userId, text })
      .catch((dm: unknown) => ctx.logger.error({ surface: 'shortcut', user: userId, err: dm }, 'could not tell a person that a modal did not open'));
    return null;
  }
}
