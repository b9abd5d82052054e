// The benchmark's synthetic repository: the same bytes from the same seed, and data as clean as a well-kept
// repository's, so the benchmark measures secrel's normal work and not thousands of findings. No timing here:
// speed is measured by `npm run bench` only.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AS_OF, generateRepository } from '../../bench/generate.mjs';
import { secrel } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'secrel-generate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out.set(relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name), 'utf8'));
  }
  return out;
}

describe('bench/generate.mjs', () => {
  const repo = join(work, 'a');
  const generated = generateRepository(repo, { modifications: 400, releases: 30, seed: 7 });

  it('writes the same bytes for the same seed, and other bytes for another', () => {
    generateRepository(join(work, 'b'), { modifications: 400, releases: 30, seed: 7 });
    generateRepository(join(work, 'c'), { modifications: 400, releases: 30, seed: 8 });
    const a = tree(repo);
    expect(a.size).toBe(400 + 30 + 1);
    expect(tree(join(work, 'b'))).toEqual(a);
    expect(tree(join(work, 'c'))).not.toEqual(a);
    expect(generated.asOf).toBe(AS_OF);
    expect(generated.releases).toHaveLength(30);
  });

  it('passes validate', async () => {
    const r = await secrel(['validate', '--repo', repo, '--as-of', generated.asOf]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('431 files checked, no problems found');
    expect(r.exitCode).toBe(0);
  });

  it('has no errors and only a few warnings under check, as of its day', async () => {
    const r = await secrel(['check', '--repo', repo, '--as-of', generated.asOf, '--format', 'json']);
    expect(r.exitCode).toBe(0);
    const { summary } = JSON.parse(r.stdout) as { summary: { errors: number; warnings: number } };
    expect(summary.errors).toBe(0);
    expect(summary.warnings).toBeLessThanOrEqual(10);
  });

  it('has parts, revisions, re-targets, baselines and live and planned releases, as real data does', () => {
    const all = [...tree(repo).values()].join('\n');
    for (const field of [
      'parts:',
      'revisions:',
      'retargets:',
      'baselines:',
      'history:',
      'fallback:',
      'techSpecs:',
      'status: live',
      'status: planned',
      'actualReported:',
      'criteria:',
    ]) {
      expect(all, field).toContain(field);
    }
  });
});
