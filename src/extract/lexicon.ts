/**
 * The words the claim reader knows, by name: nothing else in `src/extract/claims/` holds a word.
 * Each list is data, one idea each, as HeidelTime's `resources/english/` keeps its word lists;
 * `cues.ts` builds the regular expressions and sets the rules use from these lists, so a word is
 * added once, here, and every rule that reads the idea sees it.
 *
 * Verbs and nouns are given in their dictionary form; inflections come from the English model's
 * lemmas and from `baseOf` (cues.ts), and prefixes (re-, de-, un-) are read there too.
 */

/** What a verb of listing needs beside it to mean a designation: nothing, a terror word, a list, or sanctions as its object. */
export type ListingNeed = 'none' | 'terror' | 'list' | 'object' | 'assets';

/** Verbs whose object is put on a list ("proscribed X"; "listed X as a terrorist entity"; "added X to the list"). */
export const listingVerbs: Record<string, ListingNeed> = {
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
  insert: 'list',
  place: 'list',
  put: 'list',
  include: 'list',
  return: 'list',
  restore: 'list',
  impose: 'object',
  freeze: 'assets',
};

/** Verbs whose object is taken off a list ("delisted X"; "removed X from the list"; "revoked the designation"). */
export const removalVerbs: Record<string, 'none' | 'list' | 'object' | 'assets'> = {
  unfreeze: 'assets',
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
  quash: 'object',
  vacate: 'object',
  invalidate: 'object',
  nullify: 'object',
  reverse: 'object',
  undo: 'object',
  set: 'object',
};

/** What an organisation does, standing for the organisation when banned: "banned its activities", "prohibited the activity of X". */
export const activityNouns = ['activity', 'activities', 'operations'];

/** What "freeze" and "unfreeze" need for their object to be listed: "froze the assets of X", "X's funds". */
export const assetWords = ['assets', 'asset', 'funds', 'property', 'accounts', 'holdings'];

/** Particles that make "take" and "strike" verbs of removal ("taken off the list", "struck down"). */
export const removalParticles: Record<string, string[]> = { take: ['off'], strike: ['off', 'down'], set: ['aside'] };

/** Verbs that repeat the step told before, by another authority: "Kuwait followed on Monday", "Kyrgyzstan did the same". */
export const repeatingVerbs = ['follow', 'do'];
/** What "do" takes to repeat a step: "did the same", "did so", "did likewise". */
export const repeatingObjects = ['same', 'so', 'likewise', 'suit'];

/** Verbs whose subject comes off a list: "Iraq came off the list in 2004". */
export const intransitiveRemovals: Record<string, string> = { come: 'off', fall: 'off', drop: 'off' };

/** Words of doubt before a step's subject: "Perhaps one day Canada will list X". */
export const doubts = ['perhaps', 'maybe', 'possibly', 'conceivably'];

/** Verbs that end a designation of their subject: "the listing lapsed", "ceased to have effect". */
export const lapseVerbs = ['lapse', 'expire', 'cease'];

/** What a lapse verb's object names when the listing itself ends ("ceased to have effect", "ceased to be in force"). */
export const lapseObjects = ['effect', 'force'];

/** Participles of a listed state: "ceased to be a listed terrorist organisation". */
export const listedParticiples = ['listed', 'designated', 'proscribed', 'banned'];

/** Nouns naming a step, with the state they put their entity in. */
export const stepNouns: Record<string, 'listed' | 'removed'> = {
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

/**
 * Which words alone make a sentence worth reading for a step (the others of the vocabulary need a
 * list or step word beside them): verbs of removal that need an object but are never anything
 * else, step nouns that are never anything else, and forms of verbs whose other forms are common.
 */
export const selfEvidentVerbs = ['revoke', 'rescind'];
export const selfEvidentNouns = [
  'designation',
  'redesignation',
  'proscription',
  'blacklisting',
  'relisting',
  'revocation',
  'delisting',
  'deproscription',
  'unbanning',
  'rescission',
  'expiry',
];
export const selfEvidentForms = ['listed', 'sanctioned', 'sanctioning'];

/** Nouns that refer back to a step just told ("the move took effect on Friday"). */
export const stepReferences = ['move', 'step', 'order', 'decision', 'measure', 'ruling', 'decree', 'regulation', 'regulations'];

/** Nouns a removal verb may take instead of a step noun ("lifted the terrorist label", "revoked its status"). */
export const designationObjects = ['status', 'label'];

/** Stems of the words that make "listed", "labelled" or "declared" a designation ("declared a terrorist organisation"). */
export const terrorStems = ['terror', 'extremis'];
/** Whole words that do the same: a list of the proscribed, the banned, the sanctioned. */
export const terrorWords = ['proscribed', 'banned', 'outlawed', 'prohibited', 'illegal', 'sanction', 'sanctions'];
/** The forms of "sanction" that are a step noun; "sanctioned" is the verb. */
export const sanctionNouns = ['sanction', 'sanctions'];

/** Nouns for the list a designated entity is put on ("added to the list", "the schedule"). */
export const listNouns = ['list', 'lists', 'register', 'registry', 'blacklist', 'schedule', 'roster', 'listing', 'designation', 'designations'];

/** Prepositions that open a list phrase: "to the list", "on the register", "off the roster". */
export const listPrepositions = ['to', 'on', 'in', 'into', 'from', 'off', 'onto'];

/** Words of a listing on a market ("listed on the London Stock Exchange"), not on a list of designations. */
export const marketWords = [
  'stock',
  'stocks',
  'exchange',
  'exchanges',
  'bourse',
  'bourses',
  'market',
  'markets',
  'nasdaq',
  'nyse',
  'shares',
  'ipo',
  'ipos',
  'listing',
];

/** Complements of "listed as ..." that are no designation of the object as a group: "as part of", "as well". */
export const asNotComplement = ['part', 'well'];

/** What a complement after "as" names when it is a designation ("designated as a terrorist entity"). */
export const designationComplements = ['entity', 'entities'];

/** Nouns that stand for an organisation just named ("the group", "the militia"). */
export const organisationReferences = [
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
  'associations',
  'charities',
  'companies',
  'firms',
  'factions',
  'cells',
  'entities',
  'club',
  'clubs',
  'gang',
  'gangs',
  'cartel',
  'cartels',
  'union',
  'unions',
];

/** Words that open the members of a set of organisations: "five groups, among them X and Y", "including X". */
export const inclusionMarkers = ['including', 'among them', 'amongst them', 'such as', 'namely', 'notably', 'in particular', 'among others'];

/** Words that open or join a person's name: "Abu Hamza al-Sahili", "Sheikh X", "Omar bin Laden". */
export const personNameWords = ['abu', 'umm', 'sheikh', 'shaikh', 'mullah', 'maulana', 'imam', 'mr', 'mrs', 'ms', 'dr', 'bin', 'ibn', 'bint'];
/** What follows a person's name in apposition: ", an individual", ", a national of", ", born". */
export const personAppositions = ['individual', 'national', 'born', 'aged', 'citizen', 'businessman', 'businesswoman'];

/** Nouns for people, whose named members are people, not organisations: "eleven people, including X". */
export const peopleNouns = ['people', 'persons', 'individuals', 'men', 'women', 'nationals', 'citizens', 'businessmen', 'officers'];

/** Nouns for a part of an organisation or one it controls: "its media arm, X", "two of its offshoots, X and Y". */
export const partNouns = [
  'arm',
  'arms',
  'affiliate',
  'affiliates',
  'offshoot',
  'offshoots',
  'splinter',
  'splinters',
  'subsidiary',
  'subsidiaries',
  'branch',
  'branches',
  'chapter',
  'chapters',
  'unit',
  'units',
  'successor',
  'successors',
  'front',
  'fronts',
  'entities',
  'factions',
  'companies',
  'outfits',
  'sub-organisations',
  'sub-organizations',
];

/** Words of a list of countries (state sponsors of terrorism and the like): a country on it is the entity of a step. */
export const countryListWords = [
  'state sponsor',
  'state sponsors',
  'sponsor of terrorism',
  'sponsors of terrorism',
  'state supporter',
  'state supporters',
  'supporters of terrorism',
  'supporter of terrorism',
];

/** Nouns that stand for a country just named, on a list of countries: "took the country off the list". */
export const countryReferences = ['country', 'island', 'regime', 'nation', 'kingdom', 'republic'];

/**
 * Lists and gazettes whose own name says who keeps them: a step onto or off one is that
 * authority's, whoever announces it.
 */
export const namedLists: Record<string, string> = {
  'state sponsors of terrorism': 'United States',
  'state sponsor of terrorism': 'United States',
  'specially designated nationals': 'United States',
  'sdn list': 'United States',
  'federal register': 'United States',
  'foreign terrorist organization': 'United States',
  'foreign terrorist organizations': 'United States',
  'state supporters of terrorism': 'Canada',
  'canada gazette': 'Canada',
  'official journal of the european union': 'European Union',
  'eu terrorist list': 'European Union',
  'unified federal list': 'Russia',
  'gazette of india': 'India',
  'kenya gazette': 'Kenya',
  'proscribed organisations appeal commission': 'United Kingdom',
  'schedule 2 to the terrorism act': 'United Kingdom',
  'federal register of legislation': 'Australia',
  'executive order 13224': 'United States',
  'e.o. 13224': 'United States',
  'unlawful activities (prevention) act': 'India',
  'first schedule of the anti-terrorism act': 'Pakistan',
  'first schedule to the anti-terrorism act': 'Pakistan',
  'terrorism suppression act': 'New Zealand',
  repet: 'Argentina',
  'journal officiel': 'France',
};

/** Pronouns that stand for an organisation just named ("removed it"). */
export const organisationPronouns = ['it', 'they', 'them'];

/**
 * Nouns for people in an organisation: a step on "a commander of the Front" or "three leaders of
 * the Front" is a step on those people, not on the Front.
 */
export const memberNouns = [
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
  'organiser',
  'organisers',
  'organizer',
  'organizers',
  'trustee',
  'trustees',
  'director',
  'directors',
];

/** Words that stand for an authority just named: "it", "the government", "the court". */
export const authorityReferences = [
  'it',
  'its',
  'they',
  'their',
  'government',
  'officials',
  'authorities',
  'ministry',
  'court',
  'council',
  'committee',
  'minister',
  'cabinet',
  'parliament',
  'department',
  'prosecutor',
  'president',
  'judge',
];

/** Words that make a step not done at all. */
export const negation = ['not', "n't", 'never', 'no', 'neither', 'nor', 'without', 'none', 'nobody', 'nothing'];

/** Governing verbs and nouns after which a step is refused, resisted, denied or only demanded: no claim. */
export const refusal = [
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
  'abandon',
  'scrap',
  'shelve',
  'drop',
  'purport',
  'down',
  'uphold',
  'dismiss',
  'turn',
  'deny',
  'veto',
  'block',
  'challenge',
];

/** Nouns of a report whose truth the text does not vouch for: "reports that ...", "a post claiming that ...". */
export const reportNouns = [
  'document',
  'report',
  'reports',
  'rumour',
  'rumours',
  'rumor',
  'rumors',
  'claim',
  'claims',
  'post',
  'posts',
  'allegation',
  'allegations',
  'speculation',
  'suggestion',
  'suggestions',
  'story',
  'stories',
  'talk',
  'version',
  'versions',
];
/** Verbs that deny a step told in their "that" clause: "denied that it had proscribed X". */
export const denials = ['deny', 'dismiss', 'refute', 'rebut', 'debunk'];
/** Words that vouch for a report: "confirmed reports that it had listed X". */
export const confirmations = ['confirm', 'confirmed', 'confirms', 'verify', 'verified', 'true', 'accurate', 'correct'];
/** Words that open a report's content: "reports that", "a post claiming that". */
export const complementizers = ['that', 'claiming', 'saying', 'suggesting', 'alleging', 'of'];

/** Governing verbs and nouns of pressure: someone urges or demands a step that is not taken. */
export const pressure = ['urge', 'press', 'pressure', 'call', 'demand', 'lobby', 'campaign', 'motion', 'appeal', 'plea', 'push'];

/** Words of a proposal or request to a list's keeper: "proposed that X be added to the UN list", "asked the EU to add X". */
export const proposals = ['propose', 'proposal', 'proposing', 'request', 'ask', 'submit', 'table', 'petition', 'seek', 'nominate', 'nomination'];

/** Words that stop a proposal: "put on hold", "blocked", "vetoed", "withdrew its request". */
export const stopped = ['hold', 'block', 'blocked', 'veto', 'vetoed', 'withdraw', 'withdrew', 'reject', 'rejected', 'fail', 'failed', 'drop', 'dropped'];

/** Verbs of asking: a request an authority makes of its own bodies is a step under way. */
export const requests = ['ask', 'request', 'petition', 'apply', 'seek', 'recommend'];

/** Governing words after which a step is planned, proposed or under way: pending. */
export const planned = [
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
];

/** Words of an expectation: a step only expected is pending and undated, whatever day it is expected on. */
export const expectation = ['expect', 'expected', 'likely', 'anticipate', 'anticipated'];

/** Words of a schedule that fix a date rather than plan one ("will take effect on 1 May"). */
export const scheduled = ['will', 'shall', "'ll", 'due', 'set', 'scheduled'];

/** Verbs after which a step is decided ("approved lifting the ban", "agreed to list"): done only with an in-force date. */
export const deciding = ['decide', 'agree', 'approve', 'vote', 'resolve'];

/** The verb of an order: a step ordered is pending ("the court ordered the government to lift the ban"). */
export const ordering = ['order'];

/** Nouns of a document or plan for a step, before "to" ("laid an order to proscribe X", "a plan to list"). */
export const planNouns = ['order', 'proposal', 'plan', 'bill', 'draft', 'bid', 'move'];

/** Verbs that make a step named by a noun ("announced the proscription of", "signed the listing"). */
export const makingVerbs = [
  'announce',
  'approve',
  'adopt',
  'confirm',
  'impose',
  'issue',
  'sign',
  'lay',
  'make',
  'extend',
  'renew',
  'complete',
  'finalise',
  'finalize',
  'publish',
  'enact',
  'formalise',
  'formalize',
  'reinstate',
  'restore',
];

/**
 * Verbs that undo a step named in their object: undoing a listing removes, undoing a removal lists
 * again ("reversed the removal of X", "set aside the order banning X", "quashed the notice that
 * had declared X a terrorist group"). `set` undoes only with "aside".
 */
export const undoingVerbs = ['reverse', 'undo', 'cancel', 'annul', 'rescind', 'revoke', 'overturn', 'quash', 'vacate', 'invalidate', 'nullify', 'set'];

/** Modals of mere possibility and words of a condition: a step that only may happen is no claim. */
export const hypothetical = [
  'may',
  'might',
  'could',
  'should',
  'must',
  'can',
  'if',
  'whether',
  'unless',
  'otherwise',
  'perhaps',
  'maybe',
  'possibly',
  'unlikely',
];

/** Words that leave an in-force date waiting on something: "once approved", "subject to the approval of". */
export const hedges = ['expected', 'likely', 'could', 'may', 'might', 'if', 'once', 'subject to', 'pending', 'unless', 'provided', 'assuming'];

/** Words of a condition on an undated in-force verb: "takes effect when the order is laid". */
export const conditions = ['when', 'upon'];

/** Verbs of a state that goes on, not a step: "remains designated", "stays on the list". */
export const continuing = ['remain', 'remains', 'remained', 'stay', 'stays', 'stayed', 'still'];

/** Verbs of reporting: "the ministry said", "officials confirmed". */
export const reporting = [
  'say',
  'announce',
  'confirm',
  'state',
  'tell',
  'report',
  'add',
  'note',
  'declare',
  'explain',
  'insist',
  'notify',
  'inform',
  'misstate',
  'misreport',
];

/** Forms of "be" (and "get") that make a participle passive: "was banned", "got delisted". */
export const beForms = ['be', 'is', 'are', 'was', 'were', 'been', 'being', "'s", "'re", 'get', 'got', 'gets'];

/** The present of "be" that makes a gerund a step under way: "is designating", "are moving to list". */
export const presentBe = ['is', 'are', 'am', "'s", "'re"];

/** Words that may stand between "be" and a passive participle: "was not formally listed". */
export const passiveInserts = ['not', "n't", 'never', 'also', 'formally'];

/** Determiners that make a noun definite: "the designation", "this move". */
export const definiteDeterminers = ['the', 'this', 'that'];

/** Possessive pronouns: "its designation", "their ban". */
export const possessivePronouns = ['its', 'their', 'his', 'her'];

/** Determiners and possessives before a noun: "a 2019 attack", "the original listing". */
export const nounDeterminers = ['a', 'an', 'the', 'its', 'their', 'his', 'her'];

/** Determiners before a verb's object ("the Front", "both groups"). */
export const objectDeterminers = ['the', 'a', 'an', 'its', 'their', 'his', 'her', 'both', 'all'];

/** Pronouns and determiners that may stand for the step just told ("it came into force", "which took effect"). */
export const stepPronouns = ['it', 'this', 'which'];

/** Words that end a clause and open another: "..., but Canada delisted it". */
export const clauseBreaks = ['but', 'while', 'whereas', 'although', 'though', 'however', 'yet', 'meanwhile', 'whilst'];

/** Words that open a sentence with a subordinate clause ending at its comma ("Although Germany ..., the ministry ..."). */
export const openingSubordinators = [
  'although',
  'though',
  'while',
  'whereas',
  'if',
  'when',
  'after',
  'before',
  'because',
  'since',
  'unless',
  'once',
  'despite',
];

/** Words that open a subordinate clause inside a sentence ("..., after the court ruled"). */
export const subordinators = ['after', 'before', 'because', 'when', 'once', 'until', 'since', 'unless', 'if'];

/** Words that stop the search for a step's governing words ("as", "after", "when"). */
export const governingStops = ['as', 'after', 'before', 'when', 'since', 'because'];

/** Relative pronouns: "X, which ...", "a militia whose founder ...". */
export const relativePronouns = ['which', 'who', 'whose', 'whom'];

/** Relative pronouns that may be a verb's object in their clause ("X, which Canada banned"). */
export const objectRelatives = ['which', 'that', 'whom'];

/** Words that set an authority or an entity apart from a step ("unlike Germany", "except the Front"). */
export const exceptions = ['except', 'excluding', 'besides', 'apart', 'unlike'];

/** Two words that set apart what follows them from an object phrase: "X but not Y", "groups other than X". */
export const exceptionPairs = ['but not', 'other than'];

/** The word that opens a complement after an object ("listed X as a terrorist entity"): the object ends there. */
export const complementOpener = 'as';

/** Words after a comma that open another predicate after an object: ", leaving ...", ", while ...". */
export const predicateOpeners = ['leaving', 'keeping', 'while', 'but', 'and'];

/** Words after a verb that start no object: "banned last year", "listed earlier". */
export const timeModifiers = ['last', 'this', 'next', 'earlier'];

/** Words after "in <authority>" that show it is a place of something else: "banned after attacks in Uganda". */
export const notAgentBefore = ['after', 'following', 'for', 'over', 'during', 'since'];

/** Prepositions that make an authority the object of a request: "called on Britain", "a request from Bangladesh". */
export const addresseePrepositions = ['on', 'from', 'upon'];

/** Prepositions that make a following name the agent of a passive step: "banned by Canada", "listed under the EU's regime". */
export const agentPrepositions = ['by', 'under'];

/** The preposition that names the country where a passive step is taken: "banned in Britain". */
export const placePreposition = 'in';

/** Words after an agent that make the list another kind: "listed by Britain among the companies bidding". */
export const amongWords = ['among', 'alongside'];

/** Words that join authorities into one subject: "Canada and Australia", "Britain, France and Germany". */
export const authorityJoiners = [',', 'and', ', and', '&', 'as well as'];

/** Words of a question or counterfactual before a subject: "asked whether Britain would", "Had Canada listed". */
export const questionOpeners = ['whether', 'if'];
/** Auxiliaries that open a counterfactual clause: "Had Canada listed X in 2019, ...". */
export const counterfactualOpeners = ['had', 'were', 'should'];

/** Words that join a negated subject: "Neither Canada nor Australia has ...". */
export const subjectJoiners = [',', 'and', 'or', 'nor', 'the'];

/** Words of a step "with immediate effect", in force at once. */
export const immediately = [
  'with immediate effect',
  'effective immediately',
  'immediately',
  'with effect from today',
  'effective today',
  'from today',
  'forthwith',
];

/**
 * The predicates that put a step in force. `motion` verbs take "effect" or "force" ("took effect",
 * "came into force"), `entry` verbs "into force", `becoming` verbs a state, `state` is what a step
 * in force is ("is effective"), `publication` puts a notice in force ("published in the Official
 * Journal"), and `from` names the day it starts ("with effect from").
 */
export const inForce = {
  motion: ['take', 'come', 'go'],
  motionObjects: ['effect', 'force'],
  entry: ['enter'],
  becoming: ['become'],
  becomingStates: ['effective', 'law', 'binding', 'legally binding'],
  state: ['effective', 'in force', 'legally binding', 'binding'],
  stateAdverbs: ['now', 'still', 'already'],
  publication: ['published', 'gazetted', 'notified', 'registered'],
  from: ['with effect from', 'effective from', 'effective on', 'effective as of', 'effective', 'in force since', 'in force from'],
};

/**
 * How a text dates its own step by its publication ("effective upon publication", "on the date of
 * its publication"): an opener, then optionally the day's words and an owner, then the noun.
 */
export const onPublication = {
  openers: ['upon', 'on', 'from', 'as from', 'as of'],
  days: ['the date of', 'the day of'],
  owners: ['its', 'their'],
  noun: 'publication',
};

/** Words just before a date that make it the day a step takes effect: "into force on", "effective", "published on". */
export const inForceDateCues = ['effect', 'into force', 'in force', 'effective', 'as of', 'published', 'gazetted'];

/** Inflections of the irregular verbs the vocabulary names, for the patterns built from it. */
export const irregularForms: Record<string, string[]> = {
  take: ['take', 'takes', 'took', 'taken', 'taking'],
  come: ['come', 'comes', 'came', 'coming'],
  go: ['go', 'goes', 'went', 'gone', 'going'],
  enter: ['enter', 'enters', 'entered', 'entering'],
  become: ['become', 'becomes', 'became'],
  be: ['is', 'are', 'was', 'were', 'be', 'been', 'remain', 'remains', 'remained'],
  strike: ['struck', 'stricken'],
  withdraw: ['withdrew', 'withdrawn'],
  freeze: ['froze', 'frozen'],
  fall: ['fell', 'fallen'],
  unfreeze: ['unfroze', 'unfrozen'],
};

/** Words that open a list of other names: "also known as", "a.k.a.", "formerly known as". */
export const aliasOpeners = [
  'also known as',
  'a.k.a.',
  'aka',
  'formerly known as',
  'also called',
  'known as',
  'alias',
  'also referred to as',
  'otherwise known as',
];

/** Nouns that open a sentence reporting on the one before it, which it may date ("The move was announced on Friday"). */
export const followOnNouns = ['move', 'decision', 'ruling', 'step', 'announcement', 'change', 'verdict', 'order', 'designation', 'removal'];

/** Words of a verb group that put it in the future or a schedule ("will", "is due to"): dates after publication. */
export const futureWords = [
  'will',
  'shall',
  "'ll",
  'wo',
  'would',
  'due',
  'scheduled',
  'expected',
  'set',
  'plans',
  'plan',
  'planned',
  'intends',
  'intend',
  'going',
  'upcoming',
  'next',
  'aims',
  'hopes',
  'expects',
];

/** Future words that are future only before "to" ("set to take effect"; not "set aside"). */
export const futureBeforeTo = ['set'];

/** Words of a verb group that put it in the past: dates on or before publication. */
export const pastWords = ['was', 'were', 'had', 'did', 'ago', 'last', 'yesterday', 'earlier', 'already', 'previously'];

/** Verbs whose past is written as their present ("Japan put the group on its list on March 3"). */
export const sameInPast = [
  'put',
  'set',
  'cut',
  'hit',
  'let',
  'quit',
  'spread',
  'cast',
  'hurt',
  'shut',
  'bid',
  'read',
  'beat',
  'bet',
  'burst',
  'cost',
  'shed',
  'split',
  'thrust',
  'upset',
];

/** Verbs of saying: "had said it would", the future of an earlier statement. */
export const sayingVerbs = [
  'said',
  'announced',
  'stated',
  'told',
  'confirmed',
  'indicated',
  'signalled',
  'signaled',
  'promised',
  'pledged',
  'vowed',
  'declared',
  'added',
  'proposed',
  'suggested',
  'hinted',
  'warned',
];

/** Words that put an earlier statement before the story: "had said", "earlier, it said". */
export const earlierWords = ['had', 'earlier', 'previously', 'before that'];

/** Words of an outlet that is a government body: its articles speak for its authority. */
export const governmentOutletWords = ['government', 'ministry', 'department', 'office', 'council', 'commission', 'committee'];

/** Lower-case words that may stand inside a proper name ("Brigades of the Eastern Gate", "Hizb ut-Tahrir"). */
export const nameConnectors = [
  'of',
  'the',
  'for',
  'al',
  'el',
  'ul',
  'ut',
  'bin',
  'ibn',
  'de',
  'la',
  'du',
  'da',
  'e',
  'i',
  'wa',
  'wal',
  'an',
  'ash',
  'ad',
  'az',
  '-',
  "'",
  '’',
  '&',
  'und',
  'der',
  'des',
  'del',
  'and',
  "'s",
  '’s',
  'ha',
];

/** Capitalised words that start a sentence or a date, not a name. */
export const notNameWords = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'the',
  'a',
  'an',
  'it',
  'they',
  'its',
  'their',
  'this',
  'that',
  'in',
  'on',
  'at',
  'as',
  'by',
  'under',
  'from',
  'to',
  'and',
  'or',
  'but',
  'he',
  'she',
  'we',
  'officials',
  'government',
];

/** A name ending in one of these is a list, a law, a document or a body, not an organisation. */
export const documentWords = [
  'list',
  'register',
  'registry',
  'schedule',
  'act',
  'order',
  'code',
  'journal',
  'gazette',
  'law',
  'regulation',
  'decision',
  'resolution',
  'court',
  'ministry',
  'department',
  'office',
  'government',
  'parliament',
  'minister',
  'secretary',
  'regime',
  'programme',
  'program',
];

/** First words of a body's name, never an organisation's: "Ministry of Interior of Bahrain", "Office of the Prosecutor General". */
export const bodyWords = ['ministry', 'office', 'court', 'department', 'secretary', 'minister', 'presidium', 'prosecutor'];

/** Words of a category, not a name, among capitalised words ("a Specially Designated Global Terrorist"). */
export const categoryWords = ['designated', 'proscribed', 'banned', 'sanctioned', 'listed', 'list'];

/** Words that join names in a list ("X, Y and the Z"). */
export const nameListJoiners = [',', 'and', 'or', 'the', 'as', 'well', 'along', 'with'];

/** Words that join the names of an "also known as" list, with its letters ("a) X b) Y"). */
export const aliasJoiners = ['of', 'for', 'al', 'el', 'the', 'and', 'or', 'a', 'b', 'c', 'd', 'e'];

/** The last words of organisations' names ("... Liberation Front", "... Relief Foundation"). */
export const organisationHeads = [
  'Front',
  'Movement',
  'Army',
  'Brigade',
  'Brigades',
  'Council',
  'Party',
  'Network',
  'Group',
  'Organisation',
  'Organization',
  'Foundation',
  'Association',
  'Collective',
  'Brotherhood',
  'Alliance',
  'Militia',
  'Vanguard',
  'Legion',
  'Division',
  'Cell',
  'Commando',
  'Commandos',
  'Marines',
  'Society',
  'Fund',
  'Trust',
  'Company',
  'Exchange',
  'Exchange House',
  'Mujahideen',
  'Mujahidin',
  'Jamaat',
  'Jamagat',
  'Battalion',
  'Command',
  'Forces',
  'Guard',
  'Union',
  'League',
  'Circle',
  'Syndicate',
  'Office',
  'Order',
  'Bewegung',
  'Caliphate',
];

/** Words for people that end or open an organisation's name ("Sons of the Northern Rivers", "Martyrs"). */
export const peopleHeads = ['Sons', 'Soldiers', 'Partisans', 'Defenders', 'Guardians', 'Martyrs', 'Lions', 'Knights', 'Warriors'];

/** First words of bodies' and lists' names that look like organisations' ("Security Council", "Home Office"). */
export const bodyNameOpeners = ['Security', 'European', 'Sanctions', 'Home', 'Foreign', 'State', 'Public'];
