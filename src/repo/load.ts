// Reads a release repository from any source into a typed model, with every problem as a finding.
import type { Finding } from '../domain/findings.js';
import type { ChangeRequestRecord, Modification, Release, SecrelConfig } from '../domain/model.js';
import { configProblems } from '../domain/code-checks.js';
import { resolveConfig } from '../domain/config.js';
import { EveryId, fileNameId, type Entity, type RepoModel } from '../domain/repository.js';
import { CONFIG_FILE } from './discover.js';
import type { FileSource, SourceFile } from './source.js';
import { openCache } from './cache.js';
import { leanModification } from '../domain/validate-reads.js';
import { readFiles, readTexts } from './read-files.js';
import type { YamlFile } from './yaml-doc.js';

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
  /**
   * Reads the text of those of `files` that have none yet (the cache answered them, or `releaseTexts`
   * let it go), to place findings in it or to edit it. A file that changed since this run first looked at
   * it keeps no text: its data would not be that text's.
   */
  readTexts(files: readonly YamlFile[]): Promise<void>;
  invalidIds: { modifications: Set<string>; releases: Set<string>; changeRequests?: Set<string> };
  /** Problems found while reading: YAML syntax (placed) and schema (by path, placed with the rest). */
  findings: Finding[];
}

export interface LoadOptions {
  /** Use the incremental cache (src/repo/cache.ts); false for `--no-cache`. */
  cache?: boolean;
  /**
   * For `validate`: a modification the cache answers may hold only what validate's checks read
   * (VALIDATE_READS, src/domain/validate-reads.ts), not its title, summary, texts or costs.
   */
  lean?: boolean;
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
  const lean = { kind: 'modification', project: leanModification, read: options.lean === true };
  const cache = options.cache === false ? undefined : openCache(root, lean);
  /** The stamp of each file read or answered by the cache, for reading its text (again) later. */
  const versions = new Map<string, string>();
  const read = (listed: readonly SourceFile[], kindOf: (path: string) => string) => readFiles(source, listed, kindOf, { findings, cache, versions });
  const [configParsed] = await read(await source.collect([], [CONFIG_FILE]), () => 'config');
  let configData: SecrelConfig = {};
  let configFile: YamlFile | undefined;
  if (configParsed) {
    configFile = configParsed.file;
    if (configParsed.valid) configData = configParsed.file.data as SecrelConfig;
  }
  const config = resolveConfig(configData);
  const problems = configFile ? configProblems(config, configData) : [];
  if (configFile) {
    for (const p of problems) findings.push({ rule: p.rule ?? 'SCHEMA', severity: 'error', file: configFile.file, path: [...p.path], message: p.message });
  }
  const { modifications: modDir, releases: relDir, changeRequests: crDir } = config.paths;
  const [modPrefix, crPrefix] = [`${modDir}/`, `${crDir}/`];
  const kindOf = (path: string): EntityKind => (path.startsWith(modPrefix) ? 'modification' : path.startsWith(crPrefix) ? 'change-request' : 'release');
  const listed = await source.collect([modDir, relDir, crDir], []);
  const parsedFiles = await read(listed, kindOf);
  const repo: Repository = {
    root,
    sourceLabel: source.label,
    config,
    ...(configFile ? { configFile } : {}),
    modifications: [],
    releases: [],
    changeRequests: [],
    files: configFile ? [configFile] : [],
    readTexts: textReader(source, versions),
    invalidIds: { modifications: new Set(), releases: new Set(), changeRequests: new Set() },
    findings,
  };
  // A whole folder that could not be read (a file in its place, no permission): every id of its kind
  // is unknown, so no modification is reported removed from a scope, or missing, for want of its file.
  const folders = new Map([
    [modDir, 'modifications'],
    [crDir, 'changeRequests'],
    [relDir, 'releases'],
  ] as const);
  listed.forEach((s, i) => {
    const folder = folders.get(s.path);
    if (folder) {
      repo.invalidIds[folder] = new EveryId();
      return;
    }
    const kind = kindOf(s.path);
    const parsed = parsedFiles[i];
    const invalidIds =
      kind === 'modification' ? repo.invalidIds.modifications : kind === 'change-request' ? repo.invalidIds.changeRequests! : repo.invalidIds.releases;
    if (!parsed) {
      // Not readable at all (binary, not UTF-8, too large, a link out): its id is unknown, not absent,
      // so nothing that refers to it is reported as a broken reference or a scope change.
      invalidIds.add(fileNameId(s.path));
      return;
    }
    repo.files.push(parsed.file);
    const id = idOf(parsed.file.data) ?? fileNameId(s.path);
    if (parsed.valid) {
      if (kind === 'modification') repo.modifications.push(entity<Modification>(id, parsed.file));
      else if (kind === 'change-request') repo.changeRequests.push(entity<ChangeRequestRecord>(id, parsed.file));
      else repo.releases.push(entity<Release>(id, parsed.file));
    } else {
      invalidIds.add(id).add(fileNameId(s.path));
    }
  });
  cache?.save();
  return repo;
}

/**
 * `Repository.readTexts`, made apart from readRepository: a closure made there would keep everything its
 * other closures use alive (V8 gives a function's closures one shared context), the parsed files with their
 * texts among them, which releaseTexts is meant to let go (render site at 20,000 modifications: 40 MB).
 */
function textReader(source: FileSource, versions: ReadonlyMap<string, string>): Repository['readTexts'] {
  let reading = Promise.resolve();
  // One at a time (plan places each release's findings at once): a file is read once.
  return (files) => (reading = reading.catch(() => undefined).then(() => readTexts(source, versions, files)));
}

export function entity<T>(id: string, file: YamlFile): Entity<T> {
  return { id, file: file.file, data: file.data as T };
}

function idOf(data: unknown): string | undefined {
  const id = data && typeof data === 'object' ? (data as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Lets go of what placing findings needs (each file's text, and any document the full reader built), for a
 * command that will place no more findings: `render` once it knows the repository has no error, `diff`.
 * The list of files stays. At 20,000 modifications the texts are a third of what the model holds.
 */
export function releaseTexts(repo: Repository): void {
  // A text wanted after all is read again (readTexts).
  repo.files = repo.files.map((f) => ({ file: f.file, data: f.data, findings: f.findings }));
}
