import type { ViewStateValue } from '@slack/bolt';
import type { ArticleFields } from '../knowledge/addedArticle.js';
import { textPart } from '../render/addArticleView.js';
import { ADD_ARTICLE } from '../render/slackIds.js';

/** The "Add an article" modal's fields, by the block that holds each; the text joined from its parts in order. */
export function readArticleFields(values: Record<string, Record<string, ViewStateValue>>): ArticleFields {
  const value = (block: string) => values[block]?.[block]?.value ?? '';
  let text = '';
  for (let n = 0; values[textPart(n)] !== undefined; n++) text += value(textPart(n));
  return {
    title: value(ADD_ARTICLE.titleBlock),
    outlet: value(ADD_ARTICLE.outletBlock),
    url: value(ADD_ARTICLE.urlBlock),
    published: value(ADD_ARTICLE.publishedBlock),
    text,
  };
}
