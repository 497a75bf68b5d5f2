/**
 * Every id Slack and this app agree on: the command, shortcut and view callback ids, block and
 * action ids, the events subscribed to and the message metadata type. The renderers put them in
 * what they make, the listeners in src/slack answer to them, and test/manifest.test.ts checks
 * them against manifest.yml.
 */

export const COMMAND = '/designation';

/** action_ids of the buttons under an answer. */
export const ANSWER_ACTIONS = {
  fullTimeline: 'answer_full_timeline',
  sources: 'answer_sources',
  share: 'answer_share',
  helpful: 'answer_helpful',
  notHelpful: 'answer_not_helpful',
} as const;

/** The "Look up a designation" global shortcut and its modal. */
export const LOOKUP = {
  shortcut: 'lookup_designation',
  /** The modal's callback_id: its submission asks the question. */
  view: 'lookup_modal',
  queryBlock: 'query',
  queryAction: 'query',
  /** The channel picker under an answer: choosing a channel shares the answer there. */
  shareAction: 'lookup_share',
} as const;

/**
 * Adding an article from Slack: two shortcuts, one modal, and the button that removes an added
 * article. Each input of the modal has the action id of its block.
 */
export const ADD_ARTICLE = {
  /** On a message's "More actions" menu: the modal is filled from the message. */
  messageShortcut: 'add_to_desk',
  /** From the shortcuts menu: an empty modal. */
  globalShortcut: 'add_article',
  view: 'add_article_modal',
  titleBlock: 'title',
  outletBlock: 'outlet',
  urlBlock: 'url',
  publishedBlock: 'published',
  /** The text's first part; longer texts continue in `text_2`, `text_3`, ... */
  textBlock: 'text',
  removeAction: 'remove_added_article',
  /** Under the text's parts: more parts, for a text longer than those shown hold. */
  moreTextAction: 'more_article_text',
} as const;

/** The modal 👎 opens: why the answer was not helpful. */
export const FEEDBACK = {
  view: 'feedback_modal',
  reasonBlock: 'reason',
  noteBlock: 'note',
} as const;

/** Buttons in the App Home. */
export const HOME_ACTIONS = {
  /** Asks a reported query again, in the asker's DM. */
  reask: 'home_reask',
} as const;

/** Every block action the app answers. */
export const ALL_ACTIONS: readonly string[] = [
  ...Object.values(ANSWER_ACTIONS),
  LOOKUP.shareAction,
  ADD_ARTICLE.removeAction,
  ADD_ARTICLE.moreTextAction,
  ADD_ARTICLE.urlBlock,
  HOME_ACTIONS.reask,
];
/** Every shortcut callback id, with its manifest type. */
export const SHORTCUTS = [
  { callbackId: LOOKUP.shortcut, type: 'global' },
  { callbackId: ADD_ARTICLE.messageShortcut, type: 'message' },
  { callbackId: ADD_ARTICLE.globalShortcut, type: 'global' },
] as const;
/** Every modal callback id whose submission the app answers. */
export const VIEWS: readonly string[] = [LOOKUP.view, ADD_ARTICLE.view, FEEDBACK.view];

/**
 * The bot events the manifest subscribes to (settings.event_subscriptions.bot_events); the
 * listeners register the same names (`message.*` as `message`), which test/manifest.test.ts checks.
 */
export const BOT_EVENTS = ['app_mention', 'message.im', 'message.channels', 'message.groups', 'app_home_opened', 'app_uninstalled', 'tokens_revoked'] as const;

/** The message metadata event type that marks a digest, so an interrupted delivery can be found. */
export const DIGEST_EVENT = 'designation_digest';

/** The bot scopes the app asks for (manifest.yml, oauth_config.scopes.bot; the OAuth install asks for the same). */
export const BOT_SCOPES = [
  'commands',
  'app_mentions:read',
  'chat:write',
  'im:history',
  'channels:history',
  'groups:history',
  'users:read',
  'usergroups:read',
  'assistant:write',
] as const;

/** Where Slack's OAuth install flow starts, and where Slack sends the person back. */
export const OAUTH_PATHS = { install: '/slack/install', redirect: '/slack/oauth_redirect' } as const;
