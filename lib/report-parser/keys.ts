/**
 * The rows and columns of the State Council templates, with the keys of the parse contract
 * (../shared/spec/report-format.md). Every other module names rows and columns through these lists.
 */

export const TEMPLATES = ['2019', '2021'] as const;
export type TemplateKey = (typeof TEMPLATES)[number];

/** Table 3 columns (applicant types), in printed order. */
export const APPLICANT_COLUMNS = [
  'naturalPerson',
  'commercialEnterprise',
  'researchInstitution',
  'publicInterestOrg',
  'legalServiceOrg',
  'otherOrg',
  'total',
] as const;
export type ApplicantColumn = (typeof APPLICANT_COLUMNS)[number];

/** The six applicant columns that add up to `total`. */
export const APPLICANT_PARTS = APPLICANT_COLUMNS.slice(0, 6) as readonly Exclude<ApplicantColumn, 'total'>[];

export const DENIED_ROWS = [
  'deniedStateSecret',
  'deniedProhibitedByLaw',
  'deniedEndangersSafety',
  'deniedThirdPartyRights',
  'deniedInternalAffairs',
  'deniedProcessInformation',
  'deniedLawEnforcementFile',
  'deniedAdministrativeQuery',
] as const;

export const UNABLE_ROWS = ['unableNotHeld', 'unableNeedsCreation', 'unableUnclear'] as const;

export const NOT_PROCESSED_ROWS = [
  'notProcessedComplaint',
  'notProcessedDuplicate',
  'notProcessedPublication',
  'notProcessedExcessive',
  'notProcessedConfirmation',
] as const;

/** Template 2021 only: the three sub-rows of （六）其他处理. */
export const OTHER_SUB_ROWS = ['otherOverdueCorrection', 'otherUnpaidFee', 'otherReasons'] as const;

/** All table-3 row keys in printed order (template 2021). Template 2019 has no OTHER_SUB_ROWS. */
export const APPLICATION_ROWS = [
  'newReceived',
  'carriedOver',
  'granted',
  'partiallyGranted',
  ...DENIED_ROWS,
  ...UNABLE_ROWS,
  ...NOT_PROCESSED_ROWS,
  ...OTHER_SUB_ROWS,
  'otherTotal',
  'totalHandled',
  'carriedForward',
] as const;
export type ApplicationRow = (typeof APPLICATION_ROWS)[number];

/** Rows that add up to `totalHandled` (identity 2). */
export const OUTCOME_ROWS = [
  'granted',
  'partiallyGranted',
  ...DENIED_ROWS,
  ...UNABLE_ROWS,
  ...NOT_PROCESSED_ROWS,
  'otherTotal',
] as const satisfies readonly ApplicationRow[];

export function applicationRowsFor(template: TemplateKey): readonly ApplicationRow[] {
  return template === '2021'
    ? APPLICATION_ROWS
    : APPLICATION_ROWS.filter((r) => !(OTHER_SUB_ROWS as readonly string[]).includes(r));
}

/** Table 4: three kinds of challenge, five results each, printed left to right in this order. */
export const REVIEW_KINDS = ['reconsideration', 'litigationDirect', 'litigationAfterReconsideration'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];
export const REVIEW_RESULTS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export type ReviewResult = (typeof REVIEW_RESULTS)[number];

/** Table 1, per template: row key → its fields in printed column order. */
export const PROACTIVE_ROWS = {
  '2021': {
    regulations: ['issued', 'repealed', 'inForce'],
    normativeDocuments: ['issued', 'repealed', 'inForce'],
    licensing: ['decisions'],
    punishment: ['decisions'],
    coercion: ['decisions'],
    fees: ['amountTenThousandYuan'],
  },
  '2019': {
    regulations: ['made', 'published', 'totalPublic'],
    normativeDocuments: ['made', 'published', 'totalPublic'],
    licensing: ['previousItems', 'change', 'decisions'],
    otherServices: ['previousItems', 'change', 'decisions'],
    punishment: ['previousItems', 'change', 'decisions'],
    coercion: ['previousItems', 'change', 'decisions'],
    fees: ['previousItems', 'change'],
    procurement: ['projects', 'amountYuan'],
  },
} as const satisfies Record<TemplateKey, Record<string, readonly string[]>>;

export type ProactiveRow2021 = keyof (typeof PROACTIVE_ROWS)['2021'];
export type ProactiveRow2019 = keyof (typeof PROACTIVE_ROWS)['2019'];
export type ProactiveRow = ProactiveRow2021 | ProactiveRow2019;
