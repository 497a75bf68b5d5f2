import { OAUTH_PATHS } from './slackIds.js';

/** What became of an install that did not finish, as the person who tried it is told. */
export type InstallFailure = 'cancelled' | 'expired' | 'incomplete' | 'slack' | 'database';

/** An install page: its HTTP status, its heading and what to do next. */
interface Page {
  status: number;
  heading: string;
  text: string;
}

const AGAIN = `<a href="${OAUTH_PATHS.install}">Start the install again</a>`;

const PAGES: Record<InstallFailure, Page> = {
  cancelled: { status: 200, heading: 'The install was cancelled', text: `Nothing was installed. ${AGAIN} when you are ready.` },
  expired: {
    status: 400,
    heading: 'This install link has expired or was already used',
    text: `Nothing was installed by it: each link works once, and for a few minutes only. ${AGAIN}.`,
  },
  incomplete: {
    status: 502,
    heading: 'Slack did not finish the install',
    text: `Its answer lacked the bot's token or the workspace, so nothing was stored. ${AGAIN}; if this happens again, tell whoever runs the bot.`,
  },
  slack: {
    status: 502,
    heading: 'Slack did not complete the install',
    text: `Slack refused the install or did not answer, so nothing was stored. ${AGAIN} in a few minutes; if this happens again, tell whoever runs the bot.`,
  },
  database: {
    status: 503,
    heading: 'The install could not go ahead',
    text: `The bot's database cannot be written now, so nothing was installed. ${AGAIN} in a few minutes, or tell whoever runs the bot.`,
  },
};

/** The page for an install that did not finish, with a detail (an error code) shown escaped. */
export function installFailurePage(failure: InstallFailure, detail: string): { status: number; html: string } {
  const page = PAGES[failure];
  const note = detail ? `<p class="detail">Reason: ${escapeHtml(detail)}</p>` : '';
  return { status: page.status, html: html(page.heading, `<p>${page.text}</p>${note}`) };
}

function html(heading: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${heading}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36em;margin:3em auto;padding:0 1em}.detail{color:#666}</style>
</head><body><h1>${heading}</h1>${body}</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
