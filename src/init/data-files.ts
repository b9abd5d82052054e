// The YAML a new repository starts with: a commented config, one release and one modification that targets it.
import type { ResolvedConfig } from '../domain/config.js';
import { isFixedDay, type CycleEntry } from '../domain/cycle.js';
import { formatLong, formatWithWeekday, type IsoDate } from '../domain/dates.js';
import { PRESETS } from '../domain/presets.js';
import type { ExampleRelease } from './example-release.js';

/** Where `secrel init` puts copies of the JSON Schemas, so editors find them offline and at the right version. */
export const SCHEMA_DIR = '.secrel/schemas';

/**
 * The cycle a new repository of a code without a public day rule (UNC, REC) starts from: the months are
 * the code's, the days are placeholders the user must replace with the published schedule.
 */
export const PLACEHOLDER_CYCLES: Readonly<Record<string, readonly CycleEntry[]>> = {
  unc: [
    { month: 2, week: 'last', weekday: 'saturday', type: 'documentation' },
    { month: 6, week: 'last', weekday: 'saturday', type: 'major' },
    { month: 11, week: 'first', weekday: 'saturday', type: 'major' },
  ],
  rec: [
    { month: 2, week: 'last', weekday: 'thursday', type: 'minor' },
    { month: 6, week: 'last', weekday: 'thursday', type: 'major' },
    { month: 11, week: 'first', weekday: 'thursday', type: 'minor' },
  ],
};

function cycleLine(e: CycleEntry): string {
  return isFixedDay(e)
    ? `  - { month: ${e.month}, day: ${e.day}, type: ${e.type} }`
    : `  - { month: ${e.month}, week: ${e.week}, weekday: ${e.weekday}, type: ${e.type} }`;
}

/** The config of another code's repository: its preset named, and the preset's cycle written out. */
function codeHeader(config: ResolvedConfig): string {
  const placeholder = PRESETS[config.code].cycle.length === 0;
  const entries = config.cycle.entries.length === 0 ? (PLACEHOLDER_CYCLES[config.code] ?? []) : config.cycle.entries;
  const kinds = config.cycle.kinds.map((k) => `${k.id} (${k.name})`).join(', ');
  const cycleNote = placeholder
    ? `# The ${config.codeName} publishes its release dates rather than a day rule, so secrel's preset has
# no cycle. THE DAYS BELOW ARE PLACEHOLDERS: replace them with the published schedule (each
# entry is { month, week, weekday, type } or { month, day, type }), or give each release
# its date in its release file.`
    : `# The ${config.codeName} preset's release cycle, written out: each entry is
# { month, week, weekday, type } or, for a fixed day whatever the weekday, { month, day, type }.
# A release file can still move its own date.`;
  return `# secrel configuration for a ${config.codeName} repository. \`code: ${config.code}\` selects secrel's
# ${config.codeName} preset: release cycle, release kinds and names, modification ids, Party
# Categories and governance routes. Any setting below overrides the preset (the README's
# "Energy codes" section lists what each preset sets and where a rule is not settled).
code: ${config.code}

${cycleNote}
# Release kinds: ${kinds}.
cycle:
${entries.map(cycleLine).join('\n')}
`;
}

const SEC_CYCLE_SECTION = `# The scheduled SEC Release cycle (Release Management Policy, section 3): last Thursday
# in February (Documentation Release), last Thursday in June and first Thursday in
# November (System Releases). A release file can still move its own date (CAL-2).
cycle:
  - { month: 2, week: last, weekday: thursday, type: documentation }
  - { month: 6, week: last, weekday: thursday, type: system }
  - { month: 11, week: first, weekday: thursday, type: system }
`;

function schemaComment(depth: number, name: string): string {
  return `# yaml-language-server: $schema=${'../'.repeat(depth)}${SCHEMA_DIR}/${name}.schema.json`;
}

/** The config's calendar section: the UID domain, made from the new repository's folder name, written down. */
function calendarSection(uidDomain: string): string {
  return `
# The calendar feed (calendar.ics): the domain after @ in every event's UID, made from this
# folder's name when the repository was created. Keep it once people subscribe (a new domain
# is a new set of events); written down, a clone in another folder gives the same UIDs.
calendar:
  uidDomain: ${uidDomain}
`;
}

export function configFile(config?: ResolvedConfig, uidDomain?: string): string {
  const head =
    config && config.code !== 'sec'
      ? codeHeader(config)
      : `# secrel configuration. Every setting is optional and the values below are the defaults,
# written out so you can see what you would change. The README's "File format reference"
# lists every field; an editor with the YAML language server shows the same help on hover.

${SEC_CYCLE_SECTION}`;
  return `${schemaComment(0, 'config')}
#
${head}
# England and Wales bank holidays are built in, one-off ones included. Add any the
# built-in table does not know yet, for example:
#   - { date: 2022-09-19, name: State Funeral of Queen Elizabeth II }
holidays: []

# Change freezes agreed by the Panel: no go-live and no implementation date inside one
# (CAL-6). Both ends are included, for example:
#   - { from: 2026-12-21, to: 2027-01-04, reason: Christmas change freeze }
freezes: []

# Where the YAML files live, relative to this file.
paths:
  modifications: modifications
  releases: releases

# Where \`secrel render\` writes the RIDs, notices and the site. Commit it, so that CI can
# run \`secrel render --check\` on pull requests.
output: out
${uidDomain === undefined ? '' : calendarSection(uidDomain)}`;
}

function milestone(example: ExampleRelease, id: string): IsoDate {
  return example.release.milestones.find((m) => m.id === id)?.date ?? example.release.planned.date;
}

export function releaseFile(example: ExampleRelease): string {
  const p = example.release.planned;
  const system = p.type === 'system';
  const kind = p.kindName;
  return `${schemaComment(1, 'release')}
#
# The ${p.name}: a ${/^scheduled /i.test(kind) ? kind : `scheduled ${kind}`}, going live on
# ${formatWithWeekday(p.date)} (the cycle's date, so this file needs no \`date\`).
# Replace it with your own releases: a release needs a file only once there is
# something to record about it.
id: ${p.id}
type: ${p.kind}
status: planned

# Record what happens as it happens, for example:
# notices:
#   twelveMonth: ${milestone(example, 'notice-12m')}  # the day the 12-month notice was issued (COM-2)
# rid:                       # \`secrel rid bump --release ${p.id}\` writes this block
#   version: "0.1"           # the RID's first draft (RID-1)
#   history:                 # every version has its entry
#     - { version: "0.1", date: ${milestone(example, 'notice-12m')}, changes: First draft. }
${
  system
    ? `# tad:
#   toTag: ${milestone(example, 'tad-to-tag')}        # the day the TAD went to the TAG (TST-1)
`
    : ''
}# timeline:
#   - { event: Panel go/no-go decision, offset: -10wd, from: go-live }
`;
}

export function modificationFile(example: ExampleRelease, asOf: IsoDate, config?: ResolvedConfig, id = 'EXAMPLE001'): string {
  const p = example.release.planned;
  const code = config?.codeName ?? 'SEC';
  const party = config ? config.partyCategories[0]?.id : 'suppliers';
  const realId = config?.code === 'sec' || !config ? 'SECMP0123' : config.modificationIds.example.split(' or ')[0];
  return `${schemaComment(1, 'modification')}
#
# An invented example Modification Proposal, so that \`secrel plan\` has something to show.
# Replace it with a real one: the file name and the \`id\` must match (${realId}.yaml).
id: ${/^[0-9]/.test(id) ? `"${id}"` : id}
title: Example documentation-only modification
summary: Clarifies the wording of a ${code} Section; it changes no DCC System or User System.
status: development
governance: self-governance
# false: documentation only, so any release can take it and its scope cut-off is 6
# months before go-live. true would need a System Release and a 12-month cut-off.
systemImpact: false
# 12 months: a decision to approve is needed 12 months before go-live.
leadTime: 12m
decision:
  # The decision-by date for the ${p.name} (${formatLong(example.decisionBy)}): a later
  # decision moves the modification to the fall-back release.
  expected: ${example.decisionBy}
implementation:
  release: ${p.id}
  fallback: ${example.fallback.planned.id}
  addedToScope: ${asOf}
documents:
  - Section A
impacts:
${
  party
    ? `  parties:
    ${party}: None expected; the clarification changes no obligation.
`
    : ''
}  otherCodes: []
`;
}
