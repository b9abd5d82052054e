// Builds small repositories for rule tests: YAML text through the real loader, so data is schema-checked,
// and findings placed by the real locating step, so tests assert the line and column a user sees.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import type { Located } from '../../../src/domain/findings.js';
import { runRules, type Rule } from '../../../src/domain/rules/index.js';
import { sortFindings } from '../../../src/domain/findings.js';
import { loadRepository, type Repository } from '../../../src/repo/load.js';
import { workTreeSource } from '../../../src/repo/source.js';
import { locateFindings } from '../../../src/repo/locate.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** `{ 'modifications/MP1.yaml': '…', 'releases/2020-06.yaml': '…' }` → a loaded repository; throws on any load finding. */
export async function repoOf(files: Record<string, string>): Promise<Repository> {
  const dir = mkdtempSync(join(tmpdir(), 'secrel-rules-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const repo = await loadRepository(dir, workTreeSource(dir));
  if (repo.findings.length > 0) throw new Error(`test repository does not load: ${JSON.stringify(repo.findings, null, 2)}`);
  return repo;
}

/** One rule's findings, each with its path and its place in the file, in the order a reporter shows them. */
export async function run(rule: Rule, files: Record<string, string>, asOf: string): Promise<Located[]> {
  const repo = await repoOf(files);
  return sortFindings(await locateFindings(repo.files, runRules(repo, { asOf, rules: [rule] })));
}

/** YAML from indented template text: the common leading indentation removed. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = String.raw({ raw: strings }, ...values).replace(/^\n/, '');
  const indent = Math.min(
    ...text
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => /^ */.exec(l)![0].length),
  );
  return `${text
    .split('\n')
    .map((l) => l.slice(indent))
    .join('\n')
    .trimEnd()}\n`;
}

/** 1-based line and column where `needle` starts in `text` (the value a finding should point at). */
export function positionOf(text: string, needle: string): { line: number; column: number } {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`${needle} not in text`);
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

export const mod = (id: string, body = ''): string => `id: ${id}\ntitle: ${id} test modification\n${body}`;
export const rel = (id: string, body = ''): string => `id: ${id}\n${body}`;

/**
 * The files with one documentation-only modification in the scope of each release file: a release's
 * deadlines (notices, TAD, costs, evidence, acceptance) are obligations only scope creates.
 */
export function withScope(files: Record<string, string>, o: { dcc?: boolean } = {}): Record<string, string> {
  const out = { ...files };
  // `dcc`: the scope changes DCC Systems (so the DCC's costs and its testing and security criteria apply).
  const impact = o.dcc
    ? 'true\ncosts:\n  dcc: { designBuildPit: 0, sit: 0, uit: 0, implementToLive: 0, oneOffOperational: 0, ongoingOperational: 0 }'
    : 'false';
  for (const path of Object.keys(files)) {
    const id = /^releases\/(.+)\.yaml$/.exec(path)?.[1];
    if (id)
      out[`modifications/SCOPE-${id}.yaml`] = mod(
        `SCOPE-${id}`,
        `status: approved\nsystemImpact: ${impact}\nimplementation:\n  release: ${id}\n  addedToScope: 2000-01-01\n`,
      );
  }
  return out;
}
