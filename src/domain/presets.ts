// The GB energy codes secrel knows (config `code`): each preset's cycle, release kinds, names, ids,
// Party Categories and governance routes. Anything a preset sets, the config can override; where a
// code's rule is not public or not certain the preset leaves it for the config (see `unsettled`).
import { SEC_RELEASE_KINDS, type CycleEntry, type ReleaseKind, type ReleaseNameTemplates } from './cycle.js';

export type CodeId = 'sec' | 'bsc' | 'dcusa' | 'unc' | 'rec';

export interface NamedId {
  id: string;
  name: string;
}

export interface CodePreset {
  code: CodeId;
  /** "SEC", "BSC": in headings such as "SEC Releases going live …". */
  codeName: string;
  /** "Smart Energy Code": the code's full name, for "the Smart Energy Code (SEC) Release Implementation Document". */
  fullName: string;
  cycle: readonly CycleEntry[];
  releaseKinds: readonly ReleaseKind[];
  /** `{month} {year} SEC Release`; `versioned` is used when the release file records a `version`. */
  naming: ReleaseNameTemplates;
  /** Modification ids (and file names), as a regular expression, with an example for messages. */
  modificationIds: { pattern: string; example: string };
  partyCategories: readonly NamedId[];
  governanceRoutes: readonly NamedId[];
  /** Parts of the preset that no public rule settles: the config should supply them. */
  unsettled: readonly string[];
  /** The id of the invented example modification `secrel init` writes (it must match `modificationIds`). */
  exampleModification: string;
}

const THREE_THURSDAYS = (kinds: [string, string, string]): CycleEntry[] => [
  { month: 2, week: 'last', weekday: 'thursday', type: kinds[0] },
  { month: 6, week: 'last', weekday: 'thursday', type: kinds[1] },
  { month: 11, week: 'first', weekday: 'thursday', type: kinds[2] },
];

const SEC: CodePreset = {
  code: 'sec',
  codeName: 'SEC',
  fullName: 'Smart Energy Code',
  cycle: THREE_THURSDAYS(['documentation', 'system', 'system']),
  releaseKinds: SEC_RELEASE_KINDS,
  naming: { name: '{month} {year} SEC Release', versioned: '{month} {year} SEC Release' },
  modificationIds: { pattern: '^[A-Za-z][A-Za-z0-9_-]*$', example: 'SECMP0062 or MP079' },
  partyCategories: [
    { id: 'suppliers', name: 'Suppliers' },
    { id: 'electricityNetworks', name: 'Electricity Networks' },
    { id: 'gasNetworks', name: 'Gas Networks' },
    { id: 'otherParties', name: 'Other SEC Parties' },
  ],
  governanceRoutes: [
    { id: 'authority', name: 'Authority Determination' },
    { id: 'self-governance', name: 'Self-Governance' },
    { id: 'fast-track', name: 'Fast-Track Procedure' },
    { id: 'authority-led', name: 'Authority-led' },
  ],
  unsettled: [],
  exampleModification: 'EXAMPLE001',
};

const BSC: CodePreset = {
  code: 'bsc',
  codeName: 'BSC',
  fullName: 'Balancing and Settlement Code',
  cycle: THREE_THURSDAYS(['standard', 'standard', 'standard']),
  releaseKinds: [
    { id: 'standard', name: 'Standard Release', rules: 'system' },
    { id: 'non-standard', name: 'Non-Standard Release', rules: 'system' },
    { id: 'special', name: 'Special Release', rules: 'system' },
  ],
  naming: { name: '{month} {year} BSC Release', versioned: '{month} {year} BSC Release' },
  // BSC Modifications are P395, P415…; Change Proposals CP1562.
  modificationIds: { pattern: '^(P|CP)[0-9]{1,5}[A-Z]?$', example: 'P415 or CP1562' },
  partyCategories: [],
  governanceRoutes: [
    { id: 'authority', name: 'Authority Determination' },
    { id: 'self-governance', name: 'Self-Governance' },
    { id: 'fast-track', name: 'Fast Track Self-Governance' },
  ],
  unsettled: ['partyCategories'],
  exampleModification: 'P999',
};

const DCUSA: CodePreset = {
  code: 'dcusa',
  codeName: 'DCUSA',
  fullName: 'Distribution Connection and Use of System Agreement',
  cycle: [
    { month: 2, week: 'last', weekday: 'thursday', type: 'scheduled' },
    { month: 4, day: 1, type: 'scheduled' },
    { month: 6, week: 'last', weekday: 'thursday', type: 'scheduled' },
    { month: 11, week: 'first', weekday: 'thursday', type: 'scheduled' },
  ],
  releaseKinds: [
    { id: 'scheduled', name: 'Scheduled Release', rules: 'system' },
    { id: 'adhoc', name: 'Ad-hoc Release', rules: 'system' },
  ],
  naming: { name: 'DCUSA Release ({day} {month} {year})', versioned: 'DCUSA v{version} ({day} {month} {year})' },
  // DCUSA Change Proposals are written "DCP 417"; the file is modifications/DCP 417.yaml.
  modificationIds: { pattern: '^DCP ?[0-9]{1,4}[A-Z]?$', example: 'DCP 417' },
  partyCategories: [
    { id: 'dnoParties', name: 'DNO Parties' },
    { id: 'idnoParties', name: 'IDNO Parties' },
    { id: 'suppliers', name: 'Suppliers' },
    { id: 'dgParties', name: 'DG Parties' },
    { id: 'gasSuppliers', name: 'Gas Suppliers' },
  ],
  governanceRoutes: [
    { id: 'authority', name: 'Part 1 Matter (Authority consent)' },
    { id: 'self-governance', name: 'Part 2 Matter (Party vote)' },
  ],
  unsettled: [],
  exampleModification: 'DCP 999',
};

const UNC: CodePreset = {
  code: 'unc',
  codeName: 'UNC',
  fullName: 'Uniform Network Code',
  // February (documentation only), June and November major releases are planned by Xoserve on dates
  // it announces (often weekends): no public day rule, so the config or release files give the dates.
  cycle: [],
  releaseKinds: [
    { id: 'major', name: 'Major Release', rules: 'system' },
    { id: 'minor', name: 'Minor Release', rules: 'system' },
    { id: 'documentation', name: 'Documentation Release', rules: 'documentation' },
  ],
  naming: { name: '{month} {year} UNC Release', versioned: '{month} {year} UNC Release' },
  // UNC Modifications are four digits with an optional letter: 0886, 0886A, 0886V, 0886R.
  modificationIds: { pattern: '^[0-9]{4}[A-Z]{0,2}$', example: '0886 or 0886V' },
  partyCategories: [
    { id: 'shippers', name: 'Shippers' },
    { id: 'transporters', name: 'Transporters' },
  ],
  governanceRoutes: [
    { id: 'authority', name: 'Authority Direction' },
    { id: 'self-governance', name: 'Self-Governance' },
    { id: 'fast-track', name: 'Fast Track Self-Governance' },
  ],
  unsettled: ['cycle'],
  exampleModification: '9999',
};

const REC: CodePreset = {
  code: 'rec',
  codeName: 'REC',
  fullName: 'Retail Energy Code',
  // The REC publishes a release schedule rather than a day rule: the config or release files give it.
  cycle: [],
  releaseKinds: [
    { id: 'major', name: 'Major Release', rules: 'system' },
    { id: 'minor', name: 'Minor Release', rules: 'system' },
    { id: 'patch', name: 'Patch Release', rules: 'documentation' },
  ],
  naming: { name: 'REC Release ({day} {month} {year})', versioned: 'REC v{version} ({day} {month} {year})' },
  // REC Change Proposals are R0001, R0165…
  modificationIds: { pattern: '^R[0-9]{4}[A-Z]?$', example: 'R0165' },
  partyCategories: [],
  governanceRoutes: [
    { id: 'authority', name: 'Authority decision' },
    { id: 'self-governance', name: 'Change Panel decision' },
  ],
  unsettled: ['cycle', 'partyCategories'],
  exampleModification: 'R9999',
};

export const PRESETS: Readonly<Record<CodeId, CodePreset>> = { sec: SEC, bsc: BSC, dcusa: DCUSA, unc: UNC, rec: REC };

export const CODE_IDS = Object.keys(PRESETS) as CodeId[];

export function isCodeId(value: unknown): value is CodeId {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(PRESETS, value);
}
