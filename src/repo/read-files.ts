// Reads a repository's files into parsed, validated values: the cache's answers where it has them,
// the rest read in one go and parsed; and, later, the texts a finding or an edit needs.
import type { ValidateFunction } from 'ajv';
import * as validators from '../generated/validators.cjs';
import { SCHEMAS } from '../generated/schemas.js';
import type { Finding, Located } from '../domain/findings.js';
import { controlCharMessage, controlChars, fastReadMayHoldControlChars } from './control-chars.js';
import { schemaFindings } from './schema-errors.js';
import type { FileSource, SourceFile } from './source.js';
import type { CachedParse, ParseCache } from './cache.js';
import { decodeText, loadFullReader, parseYaml, yamlFileOf, yamlFinding, type YamlFile } from './yaml-doc.js';
import { mayCutAtComment } from './yaml-guards.js';
import type { PositionedFile } from './yaml-full.js';

const VALIDATORS = validators as unknown as Record<string, ValidateFunction>;

type Parsed = { file: YamlFile; valid: boolean } | undefined;

/**
 * The files listed, parsed and validated, in the same order (undefined for one that cannot be read at
 * all). Files the cache holds are not read: their text is read later only if a finding must be placed
 * in it (`readTexts`). The rest are read in one go (one request to git), then parsed.
 */
export async function readFiles(
  source: FileSource,
  listed: readonly SourceFile[],
  kindOf: (path: string) => string,
  { findings, cache, versions }: { findings: Finding[]; cache: ParseCache | undefined; versions: Map<string, string> },
): Promise<Parsed[]> {
  const out: Parsed[] = [];
  const unread: number[] = [];
  listed.forEach((s, i) => {
    const hit = s.problem ? undefined : cache?.get(kindOf(s.path), s);
    if (hit) {
      findings.push(...hit.findings);
      if (s.stamp !== undefined) versions.set(s.path, s.stamp);
      out[i] = { file: yamlFileOf(s.path, hit.data), valid: hit.valid };
    } else unread.push(i);
  });
  const contents: (SourceFile | undefined)[] = await source.read(unread.map((i) => listed[i]!));
  for (const [n, i] of unread.entries()) {
    const s = contents[n]!;
    // Each file's bytes go once it is parsed: its text holds the same (20,000 files: 30 MB less at the peak).
    contents[n] = undefined;
    // The version read: the text can be let go and read again (releaseTexts).
    if (s.stamp !== undefined) versions.set(s.path, s.stamp);
    out[i] = await parseFile(s, kindOf(listed[i]!.path), findings, cache);
  }
  return out;
}

async function parseFile(s: SourceFile, schema: string, findings: Finding[], cache?: ParseCache): Promise<Parsed> {
  if (s.problem || !s.bytes) {
    findings.push(yamlFinding(s.path, s.problem ?? 'cannot read the file', { line: 1, column: 1 }, s.warning ? 'warning' : 'error'));
    return undefined;
  }
  const decoded = decodeText(s.path, s.bytes);
  if (decoded.finding || decoded.text === undefined) {
    findings.push(decoded.finding!);
    return undefined;
  }
  const { file, result } = await parseText(s.path, decoded.text, schema);
  findings.push(...result.findings);
  cache?.set(schema, s, result);
  return { file, valid: result.valid };
}

/** See `Repository.readTexts`. */
export async function readTexts(source: FileSource, versions: ReadonlyMap<string, string>, files: readonly YamlFile[]): Promise<void> {
  const wanted = files.filter((f) => f.text === undefined && versions.has(f.file));
  if (wanted.length === 0) return;
  let now: SourceFile[];
  try {
    now = await source.read(wanted.map((f) => ({ path: f.file, stamp: versions.get(f.file)! })));
  } finally {
    source.close?.();
  }
  wanted.forEach((f, i) => {
    const s = now[i]!;
    // Another version's text would not be this data's: such a file keeps no text, for the caller to refuse.
    if (s.bytes && s.stamp === versions.get(f.file)) f.text = decodeText(f.file, s.bytes).text;
  });
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
  // `doc` is there when the full reader read the file: its data is always walked.
  const controls = file.doc === undefined && !fastReadMayHoldControlChars(text) ? [] : controlChars(file.data);
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
  // Valid, but maybe a text cut short by a comment (`title: GBCS #2 …`): a warning, the data as it is.
  if (!mayCutAtComment(text)) return done(true, []);
  const { commentCuts } = await import('./comment-cut.js');
  return done(true, commentCuts(path, text, file.doc ? (file as PositionedFile) : undefined));
}
