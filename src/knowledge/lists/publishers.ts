/**
 * The bodies that publish official lists, as the lists name them, and the authority the news
 * names for each: data, read by listAuthority.ts. A body's names are compared folded (case,
 * accents, dashes and "&" for "and" aside). Sources: OpenSanctions' dataset pages
 * (https://www.opensanctions.org/datasets/), which give each dataset's publisher and country.
 */

/** Bodies by the authority they publish for. `prefixes` name a family of bodies ("Security Council Committee pursuant to ..."). */
export const PUBLISHING_BODIES: { authority: string; names: string[]; prefixes?: string[] }[] = [
  {
    authority: 'United Nations Security Council',
    names: ['United Nations Security Council', 'UN Security Council', 'Security Council', 'United Nations', 'UNSC', '1267 Committee', '1988 Committee'],
    prefixes: ['Security Council Committee', 'United Nations Security Council Committee'],
  },
  {
    authority: 'European Union',
    names: [
      'European Union',
      'Council of the European Union',
      'European Commission',
      'Directorate-General for Financial Stability, Financial Services and Capital Markets Union',
      'DG FISMA',
      'EU',
    ],
  },
  {
    authority: 'United Kingdom',
    names: [
      'Foreign, Commonwealth & Development Office',
      'Foreign, Commonwealth and Development Office',
      'FCDO',
      'Office of Financial Sanctions Implementation',
      'OFSI',
      'HM Treasury',
      "His Majesty's Treasury",
      'Home Office',
      'UK',
      'United Kingdom',
    ],
  },
  {
    authority: 'United States',
    names: [
      'Office of Foreign Assets Control',
      'OFAC',
      'U.S. Department of the Treasury',
      'US Department of the Treasury',
      'Department of the Treasury',
      'U.S. Department of State',
      'US Department of State',
      'Department of State',
      'State Department',
      'Bureau of Counterterrorism',
    ],
  },
  {
    authority: 'Russia',
    names: [
      'Federal Financial Monitoring Service',
      'Rosfinmonitoring',
      'National Antiterrorism Committee',
      'National Anti-Terrorism Committee',
      'Federal Security Service',
      'FSB',
      'Supreme Court of the Russian Federation',
      'Ministry of Justice of the Russian Federation',
    ],
  },
  {
    authority: 'Kazakhstan',
    names: ['Agency for Financial Monitoring', 'Financial Monitoring Agency of the Republic of Kazakhstan', 'AFM', 'AFMRK'],
  },
  { authority: 'Australia', names: ['Department of Foreign Affairs and Trade', 'DFAT'] },
  { authority: 'Canada', names: ['Public Safety Canada', 'Global Affairs Canada'] },
  { authority: 'Japan', names: ['Ministry of Finance Japan', 'Ministry of Economy, Trade and Industry'] },
  { authority: 'Switzerland', names: ['State Secretariat for Economic Affairs', 'SECO'] },
  { authority: 'Ukraine', names: ['National Security and Defense Council of Ukraine', 'NSDC'] },
];

/**
 * OpenSanctions' datasets that desks download, by the name OpenSanctions gives each, with its
 * publisher's authority: whose a sanction is when it names no body the table above knows.
 */
export const DATASET_AUTHORITIES: Record<string, string> = {
  un_sc_sanctions: 'United Nations Security Council',
  us_ofac_sdn: 'United States',
  us_ofac_cons: 'United States',
  us_state_terrorist_orgs: 'United States',
  eu_fsf: 'European Union',
  eu_sanctions_map: 'European Union',
  gb_hmt_sanctions: 'United Kingdom',
  gb_fcdo_sanctions: 'United Kingdom',
  gb_proscribed_orgs: 'United Kingdom',
  ru_rfm_terrorists: 'Russia',
  ru_nak_terrorists: 'Russia',
  ru_fsb_terrorists: 'Russia',
  kz_afmrk_sanctions: 'Kazakhstan',
  au_dfat_sanctions: 'Australia',
  ca_listed_terrorists: 'Canada',
  ch_seco_sanctions: 'Switzerland',
};

/** OpenSanctions' country codes that are not ISO 3166 codes of a country. */
export const BLOC_CODES: Record<string, string> = { eu: 'European Union', un: 'United Nations Security Council' };

/** Values of a sanction's `status` that say it ended (OpenSanctions passes on each source's own word). */
export const ENDED_STATUSES = new Set([
  'inactive',
  'terminated',
  'delisted',
  'expired',
  'revoked',
  'removed',
  'ended',
  'lifted',
  'cancelled',
  'canceled',
  'withdrawn',
]);
