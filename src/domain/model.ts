// The typed model of a secrel repository: one type per YAML file kind. The types are generated from
// schemas/*.schema.json (scripts/gen-types.mjs → src/generated/schema-types.ts), so field names,
// optionality and enums are the schemas' by construction; this file and model-*.ts only name parts of them.
// The loader validates a file against its schema before it is cast to these types. Dates stay `YYYY-MM-DD`
// strings throughout (no `Date` objects), and money stays the number the user wrote (pounds, at most two decimals).
import type { Modification } from '../generated/schema-types.js';

export type {
  TechSpec,
  /** DCC cost breakdown (CST-1): a modification's standalone costs or a release's forecast/actual. */
  DccCosts,
  Modification,
} from '../generated/schema-types.js';

export type ModificationStatus = NonNullable<Modification['status']>;

/** The SEC's governance routes (a config may define others: `Modification['governance']` is any string). */
export type Governance = 'authority' | 'self-governance' | 'fast-track' | 'authority-led';

/** `dcc` (DCC Systems, and usually User Systems), `user` (User Systems only), `none`; `true`/`false` read as `dcc`/`none`. */
export type SystemImpact = NonNullable<Modification['systemImpact']>;

export type Impacts = NonNullable<Modification['impacts']>;
export type DccImpacts = NonNullable<Impacts['dcc']>;
/** The SEC's Party Categories (a config may define others). */
export type PartyCategory = 'suppliers' | 'electricityNetworks' | 'gasNetworks' | 'otherParties';
export type DccArea = keyof DccImpacts;

export type * from './model-release.js';
export type * from './model-change-request.js';
export type * from './model-config.js';
