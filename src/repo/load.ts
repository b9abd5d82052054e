// Reads a release repository from any source into a typed model, with every problem as a finding.
import type { ValidateFunction } from 'ajv';
import * as validators from '../generated/validators.cjs';
import { SCHEMAS } from '../generated/schemas.js';
import type { Finding, Located } from '../domain/findings.js';
import type { ChangeRequestRecord, Modification, Release, SecrelConfig } from '../domain/model.js';
import { configProblems } from '../domain/code-checks.js';
import { resolveConfig } from '../domain/config.js';
import { YAML_FILE, type Entity, type RepoModel } from '../domain/repository.js';
import { controlCharMessage, controlChars } from './control-chars.js';
import { CONFIG_FILE } from './discover.js';
import { schemaFindings } from './schema-errors.js';
import type { FileSource, SourceFile } from './source.js';
import { openCache, type CachedParse, type ParseCache } from './cache.js';
import { decodeText, loadFullReader, parseYaml, yamlFileOf, yamlFinding, type YamlFile } from './yaml-doc.js';
import type { PositionedFile } from './yaml-full.js';

export type EntityKind = 'modification' | 'release' | 'change-request';

export interface Repository extends RepoModel {
  root: string;
  sourceLabel: string;
  configFile?: YamlFile;
  modifications: Entity<Modification>[];
  releases: Entity<Release>[];
  changeRequests: Entity<ChangeRequestRecord>[];
  /** Every file read, valid or not (for RID-2, rewrites and "which file is this"). */
  files: YamlFile[];
  invalidIds: { modifications: Set<string>; releases: Set<string>; changeRequests?: Set<string> };
  /** Problems found while reading: YAML syntax (placed) and schema (by path, placed with the rest). */
  findings: Finding[];
}

const VALIDATORS = validators as unknown as Record<string, ValidateFunction>;

export interface LoadOptions {
  /** Use the incremental cache (src/repo/cache.ts); false for `--no-cache`. */
  cache?: boolean;
}

export async function loadRepository(root: string, source: FileSource, options: LoadOptions = {}): Promise<Repository> {
  try {
    return await readRepository(root, source, options);
  } finally {
    source.close?.();
  }
}

async function readRepository(root: string, source: FileSource, options: LoadOptions): Promise<Repository> {
  const findings: Finding[] = [];
  const cache = options.cache === false ? undefined : openCache(root);
  const [configSource] = await source.collect([], [CONFIG_FILE]);
  let configData: SecrelConfig = {};
  let configFile: YamlFile | undefined;
  if (configSource) {
    const parsed = await parseFile(configSource, 'config', findings, cache);
    if (parsed) {
      configFile = parsed.file;
      if (parsed.valid) configData = parsed.file.data as SecrelConfig;
    }
  }
  const config = resolveConfig(configData);
  const problems = configFile ? configProblems(config, configData) : [];
  if (configFile) {
    for (const p of problems) findings.push({ rule: p.rule ?? 'SCHEMA', severity: 'error', file: configFile.file, path: [...p.path], message: p.message });
  }
  const { modifications: modDir, releases: relDir, changeRequests: crDir } = config.paths;
  const sources = await source.collect([modDir, relDir, crDir], []);
  const repo: Repository = {
    root,
    sourceLabel: source.label,
    config,
    ...(configFile ? { configFile } : {}),
    modifications: [],
    releases: [],
    changeRequests: [],
    files: configFile ? [configFile] : [],
    invalidIds: { modifications: new Set(), releases: new Set(), changeRequests: new Set() },
    findings,
  };
  for (const s of sources) {
    const kind: EntityKind = s.path.startsWith(`${trimSlash(modDir)}/`)
      ? 'modification'
      : s.path.startsWith(`${trimSlash(crDir)}/`)
        ? 'change-request'
        : 'release';
    const parsed = await parseFile(s, kind, findings, cache);
    const invalidIds =
      kind === 'modification' ? repo.invalidIds.modifications : kind === 'change-request' ? repo.invalidIds.changeRequests! : repo.invalidIds.releases;
    if (!parsed) {
      // Not readable at all (binary, not UTF-8, too large, a link out): its id is unknown, not absent,
      // so nothing that refers to it is reported as a broken reference or a scope change.
      invalidIds.add(baseName(s.path));
      continue;
    }
    repo.files.push(parsed.file);
    const id = idOf(parsed.file.data) ?? baseName(s.path);
    if (parsed.valid) {
      if (kind === 'modification') repo.modifications.push(entity<Modification>(id, parsed.file));
      else if (kind === 'change-request') repo.changeRequests.push(entity<ChangeRequestRecord>(id, parsed.file));
      else repo.releases.push(entity<Release>(id, parsed.file));
    } else {
      invalidIds.add(id).add(baseName(s.path));
    }
  }
  cache?.save();
  return repo;
}

async function parseFile(s: SourceFile, schema: string, findings: Finding[], cache?: ParseCache): Promise<{ file: YamlFile; valid: boolean } | undefined> {
  if (s.problem || !s.bytes) {
    findings.push(yamlFinding(s.path, s.problem ?? 'cannot read the file', { line: 1, column: 1 }));
    return undefined;
  }
  const decoded = decodeText(s.path, s.bytes);
  if (decoded.finding || decoded.text === undefined) {
    findings.push(decoded.finding!);
    return undefined;
  }
  const hit = cache?.get(schema, s);
  if (hit) {
    findings.push(...hit.findings);
    return { file: yamlFileOf(s.path, decoded.text, hit.data), valid: hit.valid };
  }
  const { file, result } = await parseText(s.path, decoded.text, schema);
  findings.push(...result.findings);
  cache?.set(schema, s, result);
  return { file, valid: result.valid };
}

/** Parses and validates one file's text: what the cache keeps (its findings concern this file only). */
async function parseText(path: string, text: string, schema: string): Promise<{ file: YamlFile; result: CachedParse }> {
  const file = await parseYaml(path, text);
  const done = (valid: boolean, findings: Finding[]) => ({ file, result: { valid, data: file.data, findings } });
  if (file.findings.length > 0) return done(false, file.findings);
  const otherBases = file.doc ? (await loadFullReader()).numbersInOtherBases(file as PositionedFile) : [];
  if (otherBases.length > 0) return done(false, otherBases);
  if (file.data === null || file.data === undefined) {
    const empty: Located = {
      rule: 'SCHEMA',
      severity: 'error',
      file: path,
      path: [],
      line: 1,
      column: 1,
      message: `the file is empty: a ${schema} file needs at least an \`id\``,
    };
    return done(false, [empty]);
  }
  const validate = VALIDATORS[schema.replace(/-([a-z])/g, (_m, ch: string) => ch.toUpperCase())];
  if (validate && !validate(file.data)) {
    const errors = validate.errors ?? [];
    return done(false, schemaFindings(file, errors, SCHEMAS[schema]));
  }
  const controls = controlChars(file.data);
  if (controls.length > 0) {
    return done(
      false,
      controls.map((c) => ({
        rule: 'SCHEMA',
        severity: 'error' as const,
        file: path,
        path: c.path,
        ...(c.at === 'key' ? { where: 'key' as const } : {}),
        message: controlCharMessage(c),
      })),
    );
  }
  return done(true, []);
}

export function entity<T>(id: string, file: YamlFile): Entity<T> {
  return { id, file: file.file, data: file.data as T };
}

function idOf(data: unknown): string | undefined {
  const id = data && typeof data === 'object' ? (data as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(YAML_FILE, '');
}

function trimSlash(p: string): string {
  return p.replace(/\/+$/, '');
}

/**
 * Lets go of what placing findings needs (each file's text, and any document the full reader built), for a
 * command that will place no more findings: `render` once it knows the repository has no error, `diff`.
 * The list of files stays. At 20,000 modifications the texts are a third of what the model holds.
 */
export function releaseTexts(repo: Repository): void {
  repo.files = repo.files.map((f) => ({ file: f.file, text: '', data: f.data, findings: f.findings }));
}
