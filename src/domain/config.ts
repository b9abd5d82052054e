// secrel.config.yaml with every default filled in: the one config object the rest of secrel reads.
import type { ReleaseCycle } from './cycle.js';
import { PRESETS, isCodeId, type CodeId, type NamedId } from './presets.js';
import { createHolidayCalendar, type HolidayCalendar } from './holidays.js';
import type { AcceptanceSet, Capacity, SecrelConfig } from './model.js';
import { STANDARD_ACCEPTANCE_SET } from './acceptance-standard.js';
import { ownRecord } from './records.js';

/** A change freeze, both ends included (CAL-6). */
export type ChangeFreeze = NonNullable<SecrelConfig['freezes']>[number];
/** One criterion of an acceptance set (config `acceptanceSets`, or the built-in standard set). */
export type AcceptanceCriterionDefinition = AcceptanceSet[number];

export interface ResolvedConfig {
  /** The energy code whose preset the rest starts from (config `code`, default `sec`). */
  code: CodeId;
  /** "SEC", "BSC": in headings. */
  codeName: string;
  /** "Smart Energy Code": the preset's full name of the code. */
  codeFullName: string;
  /** The dated cycle entries, the release kinds and the release names. */
  cycle: ReleaseCycle;
  /** Modification ids (and file names) of this code, with an example for messages. */
  modificationIds: { pattern: string; example: string };
  governanceRoutes: readonly NamedId[];
  holidays: HolidayCalendar;
  freezes: readonly ChangeFreeze[];
  capacity: Capacity;
  partyCategories: readonly { id: string; name: string }[];
  acceptanceSets: Readonly<Record<string, readonly AcceptanceCriterionDefinition[]>>;
  paths: { modifications: string; releases: string; changeRequests: string };
  /** Folder of template overrides, relative to the repository root. */
  templates: string;
  /** Folder for generated documents, relative to the repository root. */
  output: string;
  /** Config `calendar.uidDomain`; when absent the calendar derives one from the repository's name. */
  uidDomain?: string;
}

/** The config's own settings over its code's preset (config `code`, default `sec`). */
export function resolveConfig(config: SecrelConfig = {}, codeOverride?: CodeId): ResolvedConfig {
  const preset = PRESETS[codeOverride ?? (isCodeId(config.code) ? config.code : 'sec')];
  const names = config.releaseNames;
  return {
    code: preset.code,
    codeName: config.codeName ?? preset.codeName,
    codeFullName: preset.fullName,
    cycle: {
      entries: config.cycle ?? preset.cycle,
      kinds: config.releaseKinds ?? preset.releaseKinds,
      names: { name: names?.name ?? preset.naming.name, versioned: names?.versioned ?? names?.name ?? preset.naming.versioned },
    },
    modificationIds: config.modificationIds ? { example: config.modificationIds.pattern, ...config.modificationIds } : preset.modificationIds,
    governanceRoutes: config.governanceRoutes ?? preset.governanceRoutes,
    holidays: createHolidayCalendar({ extra: config.holidays ?? [] }),
    freezes: config.freezes ?? [],
    capacity: config.capacity ?? {},
    partyCategories: config.partyCategories ?? preset.partyCategories,
    // Keyed by names users choose (`acceptance.set: constructor` must be an unknown set, not a function).
    acceptanceSets: ownRecord<readonly AcceptanceCriterionDefinition[]>(
      { standard: STANDARD_ACCEPTANCE_SET },
      config.acceptanceSets as Record<string, readonly AcceptanceCriterionDefinition[]> | undefined,
    ),
    paths: {
      modifications: folderPath(config.paths?.modifications ?? 'modifications'),
      releases: folderPath(config.paths?.releases ?? 'releases'),
      changeRequests: folderPath(config.paths?.changeRequests ?? 'change-requests'),
    },
    templates: config.templates ?? 'templates',
    output: config.output ?? 'out',
    ...(config.calendar?.uidDomain !== undefined ? { uidDomain: config.calendar.uidDomain } : {}),
  };
}

/** A configured folder as file paths start with it: `./releases/` is `releases` (every caller joins it with `/`). */
function folderPath(p: string): string {
  return p.replace(/^(\.\/)+/, '').replace(/\/+$/, '') || p;
}
