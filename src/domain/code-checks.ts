// The checks that depend on the repository's code (config `code` and its overrides): modification ids,
// release kinds, governance routes and Party Categories. The schemas accept any well-formed value; the
// code decides which are allowed, worded as the schema's own messages are.
import type { Finding } from './findings.js';
import { findingAt, type Entity, type PathSegment, type RepoModel } from './repository.js';
import { closest } from './text.js';

export function codeFindings(model: RepoModel): Finding[] {
  const allowed = { routes: model.config.governanceRoutes.map((g) => g.id), categories: model.config.partyCategories.map((c) => c.id) };
  const out: Finding[] = [];
  for (const m of model.modifications) out.push(...modificationFindings(model, m, allowed));
  return [...out, ...model.releases.flatMap((r) => releaseFindings(model, r))];
}

function notOneOf(
  entity: Entity<unknown>,
  path: PathSegment[],
  field: string,
  value: string,
  allowed: readonly string[],
  extra: { release?: string; modification?: string },
): Finding {
  const guess = closest(value, allowed);
  const list = allowed.length ? allowed.join(', ') : 'none (the config lists none)';
  return findingAt(
    entity,
    path,
    'SCHEMA',
    'error',
    `\`${field}\` is \`${value}\`, which is not one of: ${list}${guess ? `; did you mean \`${guess}\`?` : ''}`,
    extra,
  );
}

function modificationFindings(
  model: RepoModel,
  m: RepoModel['modifications'][number],
  { routes, categories }: { routes: readonly string[]; categories: readonly string[] },
): Finding[] {
  const { config } = model;
  const out: Finding[] = [];
  const extra = { modification: m.id };
  const ids = config.modificationIds;
  if (typeof m.data.id === 'string' && !matches(ids.pattern, m.data.id)) {
    out.push(
      findingAt(
        m,
        ['id'],
        'SCHEMA',
        'error',
        `\`id\` is \`${m.data.id}\`, which is not in the form of ${config.codeName} modification ids, e.g. ${ids.example} (/${ids.pattern}/); correct the id and the file name, or set \`modificationIds\` in secrel.config.yaml`,
        extra,
      ),
    );
  }
  const governance = m.data.governance as string | undefined;
  if (typeof governance === 'string' && !routes.includes(governance)) out.push(notOneOf(m, ['governance'], 'governance', governance, routes, extra));
  const parties = m.data.impacts?.parties as Record<string, unknown> | undefined;
  if (parties && typeof parties === 'object') {
    for (const key of Object.keys(parties)) {
      if (categories.includes(key)) continue;
      const guess = closest(key, categories);
      const hint = guess
        ? `; did you mean \`${guess}\`?`
        : categories.length
          ? `; allowed here: ${categories.join(', ')}`
          : '; the config lists no Party Categories (`partyCategories`)';
      out.push(
        findingAt(m, ['impacts', 'parties', key], 'SCHEMA', 'error', `unknown key \`${key}\` in \`impacts.parties\`${hint}`, { ...extra, where: 'key' }),
      );
    }
  }
  return out;
}

function releaseFindings(model: RepoModel, r: RepoModel['releases'][number]): Finding[] {
  const kinds = model.config.cycle.kinds.map((k) => k.id);
  const type = r.data.type as string | undefined;
  if (typeof type !== 'string' || kinds.includes(type)) return [];
  return [notOneOf(r, ['type'], 'type', type, kinds, { release: r.id })];
}

const compiled = new Map<string, RegExp | undefined>();

/** A user's pattern from config: one that does not compile matches everything (the schema says so). */
function matches(pattern: string, value: string): boolean {
  if (!compiled.has(pattern)) {
    try {
      compiled.set(pattern, new RegExp(pattern, 'u'));
    } catch {
      compiled.set(pattern, undefined);
    }
  }
  return compiled.get(pattern)?.test(value) ?? true;
}

/** Where the config contradicts its own code: a cycle kind it does not define, a day a month lacks, a bad pattern. */
export function configProblems(
  config: RepoModel['config'],
  data: { cycle?: unknown; modificationIds?: { pattern?: unknown }; freezes?: unknown },
): { path: PathSegment[]; message: string; rule?: string }[] {
  const out: { path: PathSegment[]; message: string; rule?: string }[] = [];
  const kinds = config.cycle.kinds.map((k) => k.id);
  const entries = Array.isArray(data.cycle) ? (data.cycle as Record<string, unknown>[]) : [];
  entries.forEach((e, i) => {
    if (typeof e.type === 'string' && !kinds.includes(e.type)) {
      const guess = closest(e.type, kinds);
      out.push({
        path: ['cycle', i, 'type'],
        message: `\`type\` is \`${e.type}\`, which is not one of the release kinds: ${kinds.join(', ')}${guess ? `; did you mean \`${guess}\`?` : ''}`,
      });
    }
    if (typeof e.day === 'number' && typeof e.month === 'number' && e.day > LONGEST_MONTH[e.month - 1]!) {
      out.push({ path: ['cycle', i, 'day'], message: `month ${e.month} has no day ${e.day}; give a day from 1 to ${LONGEST_MONTH[e.month - 1]}` });
    }
    // A release id is its year and month (2028-06): a second entry for a month would be dropped unseen.
    const first = entries.findIndex((o) => typeof o?.month === 'number' && o.month === e?.month);
    if (first >= 0 && first < i) {
      out.push({
        path: ['cycle', i, 'month'],
        message: `cycle entries ${first + 1} and ${i + 1} both schedule a release in month ${String(e.month)}, but a scheduled release is named by its year and month (YYYY-MM), so one would be dropped; keep one entry per month (a second release that month is an ad-hoc release file)`,
      });
    }
  });
  const freezes = Array.isArray(data.freezes) ? (data.freezes as Record<string, unknown>[]) : [];
  freezes.forEach((f, i) => {
    // A freeze that ends before it starts covers no day at all: CAL-6 would pass everything in silence.
    if (typeof f.from === 'string' && typeof f.to === 'string' && f.to < f.from) {
      out.push({
        rule: 'CAL-6',
        path: ['freezes', i, 'to'],
        message: `this change freeze ends (${f.to}) before it starts (${f.from}), so it freezes nothing; swap \`from\` and \`to\``,
      });
    }
  });
  const pattern = data.modificationIds?.pattern;
  if (typeof pattern === 'string') {
    try {
      new RegExp(pattern, 'u');
    } catch (err) {
      out.push({ path: ['modificationIds', 'pattern'], message: `\`pattern\` is not a regular expression: ${(err as Error).message}` });
    }
  }
  return out;
}

// 29 February is allowed: in a common year the release falls on the 28th.
const LONGEST_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
