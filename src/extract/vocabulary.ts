/**
 * The vocabulary of designation steps, by dictionary form. Inflections come from the English
 * model's lemmas and from `baseOf`; prefixes (re-, de-, un-) are read by `baseOf` too.
 */

/** Verbs whose object is put on a list. `needs` says what the clause must hold for the verb to mean that. */
export const LIST_VERBS: Record<string, 'none' | 'terror' | 'list' | 'object'> = {
  designate: 'none',
  redesignate: 'none',
  proscribe: 'none',
  blacklist: 'none',
  outlaw: 'none',
  gazette: 'none',
  relist: 'none',
  ban: 'none',
  sanction: 'none',
  list: 'terror',
  label: 'terror',
  brand: 'terror',
  declare: 'terror',
  recognise: 'terror',
  recognize: 'terror',
  classify: 'terror',
  deem: 'terror',
  name: 'terror',
  add: 'list',
  place: 'list',
  put: 'list',
  include: 'list',
  impose: 'object',
};

/** Verbs whose object is taken off a list, or whose designation is ended. */
export const REMOVE_VERBS: Record<string, 'none' | 'list' | 'object'> = {
  delist: 'none',
  deproscribe: 'none',
  unban: 'none',
  undesignate: 'none',
  remove: 'list',
  strike: 'list',
  take: 'list',
  drop: 'list',
  exclude: 'list',
  revoke: 'object',
  rescind: 'object',
  lift: 'object',
  overturn: 'object',
  annul: 'object',
  repeal: 'object',
  cancel: 'object',
  withdraw: 'object',
  end: 'object',
};

/** Verbs that end a designation of their subject: "the listing lapsed", "ceased to have effect". */
export const LAPSE_VERBS = new Set(['lapse', 'expire', 'cease']);

/** Nouns naming a step, with the state they put their entity in. */
export const STEP_NOUNS: Record<string, 'listed' | 'removed'> = {
  designation: 'listed',
  redesignation: 'listed',
  listing: 'listed',
  relisting: 'listed',
  proscription: 'listed',
  ban: 'listed',
  blacklisting: 'listed',
  sanction: 'listed',
  revocation: 'removed',
  removal: 'removed',
  delisting: 'removed',
  deproscription: 'removed',
  unbanning: 'removed',
  withdrawal: 'removed',
  repeal: 'removed',
  annulment: 'removed',
  cancellation: 'removed',
  rescission: 'removed',
  lapse: 'removed',
  expiry: 'removed',
};

/** Nouns that refer back to the step just reported ("the move took effect on Friday"). */
export const STEP_REFERENCES = new Set(['move', 'step', 'order', 'decision', 'measure', 'ruling', 'decree']);

/** What a designation verb's object or complement must mention for "list", "label" and the like. */
export const TERROR_WORDS = /^(terror\w*|extremis\w*|proscribed|banned|outlawed|prohibited|illegal|sanctions?)$/;
/** Where a designated entity is put ("added to the list"). */
export const LIST_WORDS = new Set(['list', 'lists', 'register', 'registry', 'blacklist', 'schedule', 'roster', 'listing', 'designation', 'designations']);

/** Nouns that stand for an organisation just named. */
export const ORGANISATION_REFERENCES = new Set([
  'group',
  'groups',
  'movement',
  'militia',
  'militias',
  'rebels',
  'organisation',
  'organization',
  'network',
  'outfit',
  'faction',
  'front',
  'brigade',
  'brigades',
  'army',
  'party',
  'charity',
  'foundation',
  'association',
  'wing',
  'insurgency',
  'insurgents',
  'cell',
  'entity',
  'company',
  'firm',
  'outfits',
  'organisations',
  'organizations',
  'networks',
  'movements',
  'rebel',
  'militants',
  'fund',
  'trust',
  'society',
  'collective',
  'brotherhood',
  'alliance',
  'syndicate',
  'federation',
  'legion',
  'vanguard',
]);

/**
 * Nouns for people in an organisation: a step on "a commander of the Front" or "three leaders of
 * the Front" is a step on those people, not on the Front.
 */
export const MEMBER_NOUNS = new Set([
  'leader',
  'leaders',
  'commander',
  'commanders',
  'member',
  'members',
  'chief',
  'chiefs',
  'head',
  'heads',
  'founder',
  'founders',
  'cofounder',
  'financier',
  'financiers',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'official',
  'officials',
  'figure',
  'figures',
  'fighter',
  'fighters',
  'ideologue',
  'emir',
  'operative',
  'operatives',
  'recruiter',
  'recruiters',
  'facilitator',
  'facilitators',
  'associate',
  'associates',
  'supporter',
  'supporters',
  'cleric',
  'deputy',
  'boss',
  'treasurer',
  'envoy',
  'representative',
  'representatives',
  'negotiator',
  'negotiators',
  'militant',
  'militants',
  'activist',
  'activists',
  'lieutenant',
  'lieutenants',
  'strategist',
  'propagandist',
  'donor',
  'donors',
  'backer',
  'backers',
]);

/** Words that make a step not done at all. */
export const NEGATION = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', 'without', 'none', 'nobody', 'nothing']);

/** Governing verbs and nouns after which the step is refused, resisted or only demanded: no claim. */
export const REFUSAL = new Set([
  'decline',
  'refuse',
  'reject',
  'resist',
  'oppose',
  'fail',
  'hesitate',
  'avoid',
  'balk',
  'stop',
  'short',
  'yet',
  'urge',
  'press',
  'abandon',
  'scrap',
  'shelve',
  'drop',
  'false',
  'report',
  'claim',
  'allegation',
  'rumour',
  'rumor',
  'speculation',
  'pressure',
  'call',
  'demand',
  'down',
  'uphold',
  'dismiss',
  'turn',
  'lobby',
  'campaign',
  'motion',
  'appeal',
  'plea',
  'push',
  'deny',
  'veto',
  'block',
  'challenge',
]);

/** Governing words after which the step is planned or under way: pending. */
export const PLANNED = new Set([
  'will',
  'shall',
  "'ll",
  'would',
  'going',
  'plan',
  'intend',
  'expect',
  'due',
  'set',
  'schedule',
  'propose',
  'prepare',
  'aim',
  'move',
  'begin',
  'start',
  'process',
  'decide',
  'seek',
  'want',
  'vow',
  'pledge',
  'promise',
  'threaten',
  'consider',
  'weigh',
  'mull',
  'agree',
  'draft',
  'proposal',
  'bid',
  'intention',
  'pending',
  'proposed',
  'planned',
  'likely',
  'initiate',
  'launch',
]);

/** Modal verbs that make a step only possible: no claim. */
export const HYPOTHETICAL = new Set(['may', 'might', 'could', 'should', 'must', 'can', 'if', 'whether', 'unless']);

/** Words that put a decided step in force at once ("with immediate effect", "effective today"). */
export const IMMEDIATE = /\b(with immediate effect|effective immediately|immediately|with effect from today|effective today|from today|forthwith)\b/i;

/** Predicates that put a step in force ("took effect", "came into force", "was published in the Official Journal"). */
export const IN_FORCE =
  /\b(?:(?:take|takes|took|taken|taking|go|goes|went|gone|going|come|comes|came|coming) (?:into |in )?(?:\w+ ){0,2}?(?:effect|force)|(?:enter|enters|entered|entering) into force|(?:become|becomes|became) (?:effective|law)|(?:is|are|was|were|be|been|remains?|remained) (?:now |still |already )?(?:effective|in force|legally binding|binding)|(?:become|becomes|became|has become|have become) (?:legally )?binding|(?:published|gazetted|notified|registered) (?:in|on)\b|with effect from|effective (?:from|on|as of)?|in force (?:since|from))/gi;

/**
 * Whether a sentence could hold a step: a word that names one by itself, or a word that does so
 * beside a list or a designation ("added ... to the list"). Only such sentences are parsed.
 */
export function mayHoldStep(sentence: string): boolean {
  return STRONG.test(sentence) || (WEAK.test(sentence) && CONTEXT.test(sentence)) || REFERENCE.test(sentence);
}

/** "The move", "the step": a reference to a step just told, which a later verb may announce or put in force. */
const REFERENCE = /\b(?:the|this|that) (?:move|step|order|decision|measure|ruling|decree)\b/i;

const STRONG =
  /\b(?:(?:re-?|de-?|un)?(?:designat\w*|proscri\w*|blacklist\w*|outlaw\w*|ban(?:s|ned|ning)?|sanctioned|sanctioning)|listed|delist\w*|de-list\w*|relist\w*|re-list\w*|struck down|strikes? down|striking down|revo(?:k|c)\w*|rescind\w*|rescission|lapse[sd]?|expir\w*|ceas\w*|into force|(?:take[sn]?|took|taking|come[s]?|came|coming|go(?:es)?|went|gone) (?:\w+ ){0,2}?effect|effective|gazett\w*)\b/i;
const WEAK =
  /\b(?:sanctions?|list(?:s|ed|ing|ings)?|label\w*|brand(?:s|ed|ing)?|remov\w*|lift\w*|struck|strik\w*|drop\w*|(?:took|take[sn]?|taking) off|recogni[sz]\w*|declar\w*|add(?:s|ed|ing)?|put(?:s|ting)?|plac(?:e|es|ed|ing)|withdr\w*|annul\w*|repeal\w*|overturn\w*|cancel\w*|includ\w*|impos\w*)\b/i;
const CONTEXT =
  /\b(?:list|lists|register|registry|schedule|roster|terror\w*|extremis\w*|proscri\w*|designat\w*|ban|bans|label|status|listing|blacklist\w*|decision|order|ruling|measure|move|decree|impos\w*|lift\w*|eas(?:e|ed|ing))\b/i;

/** A first look at a word: could it be one of the vocabulary's words, in some inflection? */
export const STEP_WORD =
  /^(?:re-?|de-?|un)?(?:designat|list|proscri|blacklist|outlaw|ban|sanction|label|brand|declar|recogni|classif|deem|nam|add|plac|put|includ|impos|remov|strik|struck|tak|took|drop|exclud|revo|rescind|resci|lift|overturn|annul|repeal|cancel|withdr|end|laps|expir|ceas)/;

/**
 * The dictionary form of a verb or noun of the vocabulary: the model's lemma with hyphens and
 * the prefixes of re-listing and de-listing read ("de-proscribed" -> "deproscribe").
 */
export function baseOf(lemma: string): string {
  let word = lemma.toLowerCase().replace(/-/g, '');
  if (/(ed|ing|es|s)$/.test(word) && !(word in LIST_VERBS) && !(word in REMOVE_VERBS) && !(word in STEP_NOUNS)) {
    for (const [suffix, replacement] of [
      ['ied', 'y'],
      ['ies', 'y'],
      ['ing', ''],
      ['ing', 'e'],
      ['ed', ''],
      ['ed', 'e'],
      ['es', ''],
      ['s', ''],
      ['nned', 'n'],
      ['nning', 'n'],
      ['lled', 'l'],
      ['lling', 'l'],
    ] as const) {
      if (!word.endsWith(suffix)) continue;
      const base = word.slice(0, -suffix.length) + replacement;
      if (base in LIST_VERBS || base in REMOVE_VERBS || base in STEP_NOUNS || LAPSE_VERBS.has(base)) {
        word = base;
        break;
      }
    }
  }
  return word;
}
