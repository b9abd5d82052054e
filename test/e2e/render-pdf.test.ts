// `secrel render --pdf` where it cannot print: no Chromium, or with --check (a PDF differs on every print).
// Both are bad usage (exit 2), say what to do, and write nothing. The PDFs themselves are made in the
// browser tests (test/browser/pdf.test.ts), where Chromium is installed.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCopies, secrel } from '../helpers/cli.js';

const copy = fixtureCopies();

describe('render --pdf without a way to print', () => {
  it('says PDF needs Chromium and how to get it, exits 2, and writes nothing (not even the HTML)', async () => {
    const repo = copy();
    const r = await secrel(['render', 'rid', '--release', '2020-06', '--pdf', '--repo', repo], { env: { SECREL_CHROMIUM: join(repo, 'no-such-chromium') } });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`secrel: PDF needs Chromium: SECREL_CHROMIUM names ${join(repo, 'no-such-chromium')}, which does not exist`);
    expect(r.stderr).toContain('set SECREL_CHROMIUM to the path of a Chromium or Chrome executable');
    expect(r.stdout).toBe('');
    expect(existsSync(join(repo, 'out'))).toBe(false);
  });

  it('refuses --check --pdf: PDFs are never compared, since each print carries its own time', async () => {
    const repo = copy();
    const r = await secrel(['render', '--check', '--pdf', '--repo', repo]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr.trim()).toBe(
      'secrel: --check does not compare PDFs: a PDF carries the time it was printed, so it differs on every run\n  leave out --pdf when checking; `secrel render --pdf` writes the PDFs',
    );
  });
});
