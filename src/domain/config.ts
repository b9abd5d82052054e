// secrel.config.yaml with every default filled in: the one config object the rest of secrel reads.
import { DEFAULT_CYCLE, type CycleEntry } from './cycle.js';
import { createHolidayCalendar, type HolidayCalendar } from './holidays.js';
import type { SecrelConfig } from './model.js';
import { STANDARD_ACCEPTANCE_SET } from './acceptance-standard.js';
import { ownRecord } from './records.js';

export interface ChangeFreeze {
  from: string;
  to: string;
  reason?: string;
}

export interface AcceptanceCriterionDefinition {
  id: string;
  body: string;
  text: string;
}

export interface ResolvedConfig {
  cycle: readonly CycleEntry[];
  holidays: HolidayCalendar;
  freezes: readonly ChangeFreeze[];
  partyCategories: readonly { id: string; name: string }[];
  acceptanceSets: Readonly<Record<string, readonly AcceptanceCriterionDefinition[]>>;
  paths: { modifications: string; releases: string };
  /** Folder of template overrides, relative to the repository root. */
  templates: string;
  /** Folder for generated documents, relative to the repository root. */
  output: string;
  /** Config `calendar.uidDomain`; when absent the calendar derives one from the repository's name. */
  uidDomain?: string;
}

export const DEFAULT_PARTY_CATEGORIES = [
  { id: 'suppliers', name: 'Suppliers' },
  { id: 'electricityNetworks', name: 'Electricity Networks' },
  { id: 'gasNetworks', name: 'Gas Networks' },
  { id: 'otherParties', name: 'Other SEC Parties' },
] as const;

export function resolveConfig(config: SecrelConfig = {}): ResolvedConfig {
  return {
    cycle: (config.cycle as CycleEntry[] | undefined) ?? DEFAULT_CYCLE,
    holidays: createHolidayCalendar({ extra: config.holidays ?? [] }),
    freezes: config.freezes ?? [],
    partyCategories: config.partyCategories ?? DEFAULT_PARTY_CATEGORIES,
    // Keyed by names users choose (`acceptance.set: constructor` must be an unknown set, not a function).
    acceptanceSets: ownRecord<readonly AcceptanceCriterionDefinition[]>({ standard: STANDARD_ACCEPTANCE_SET }, config.acceptanceSets as Record<string, readonly AcceptanceCriterionDefinition[]> | undefined),
    paths: {
      modifications: config.paths?.modifications ?? 'modifications',
      releases: config.paths?.releases ?? 'releases',
    },
    templates: config.templates ?? 'templates',
    output: config.output ?? 'out',
    ...(config.calendar?.uidDomain !== undefined ? { uidDomain: config.calendar.uidDomain } : {}),
  };
}
