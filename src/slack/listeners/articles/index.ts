import type { App, BlockButtonAction, MessageShortcut } from '@slack/bolt';
import { ADD_ARTICLE } from '../../../render/slackIds.js';
import type { SlackContext } from '../../context.js';
import { onAddFromMessage } from './addFromMessage.js';
import { onAddArticleShortcut } from './openAddArticle.js';
import { onRemoveArticle } from './removeArticle.js';
import { onAddArticleSubmit } from './submitAddArticle.js';

export function register(app: App, ctx: SlackContext): void {
  app.shortcut({ callback_id: ADD_ARTICLE.globalShortcut, type: 'shortcut' }, (args) => onAddArticleShortcut(args, ctx));
  app.shortcut<MessageShortcut>({ callback_id: ADD_ARTICLE.messageShortcut, type: 'message_action' }, (args) => onAddFromMessage(args, ctx));
  app.view(ADD_ARTICLE.view, (args) => onAddArticleSubmit(args, ctx));
  app.action<BlockButtonAction>(ADD_ARTICLE.removeAction, (args) => onRemoveArticle(args, ctx));
}
