import { recentlyChanged } from '../answer/recentChanges.js';
import type { KnowledgeBase } from '../index/knowledgeBase.js';
import { truncate } from '../answer/truncate.js';

/** A suggested prompt of the agent pane: what it shows, and what it sends when clicked. */
export interface Prompt {
  title: string;
  message: string;
}

/** Slack shows at most four. */
const MAX_PROMPTS = 4;
export const WHAT_CHANGED = 'What changed this week?';

/**
 * The prompts offered when someone opens the app's messages: the entities this workspace asks
 * about most, those whose designation status changed most recently, and what changed this week,
 * so that each is one click from an answer.
 */
export function suggestedPrompts(kb: KnowledgeBase | null, mostAsked: readonly string[]): Prompt[] {
  const prompts: Prompt[] = [];
  const named = new Set<string>();
  const room = () => prompts.length < MAX_PROMPTS - 1;
  if (kb !== null) {
    for (const name of mostAsked) {
      if (!room() || named.has(name)) continue;
      named.add(name);
      prompts.push({ title: truncate(name, 60), message: name });
    }
    for (const id of recentlyChanged(kb, MAX_PROMPTS)) {
      const name = kb.entity(id)?.name;
      if (!room() || name === undefined || named.has(name)) continue;
      named.add(name);
      prompts.push({ title: truncate(`What changed for ${name}?`, 60), message: `What changed for ${name}?` });
    }
  }
  return [...prompts, { title: WHAT_CHANGED, message: WHAT_CHANGED }];
}
