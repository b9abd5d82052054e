// The RID and the release page say what each modification depends on (DEP-1).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/cli.js';
import { secrelInProcess as secrel } from '../helpers/in-process.js';

const out = mkdtempSync(join(tmpdir(), 'secrel-render-deps-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('dependencies in rendered documents', () => {
  it('the November 2021 RID has a "Depends on" line under each of the five modifications', async () => {
    const r = await secrel(['render', 'rid', '--repo', join(FIXTURES, 'sec-2020'), '--as-of', '2020-01-17', '--release', '2021-11', '--out', out]);
    expect(r.exitCode).toBe(0);
    const md = readFileSync(join(out, 'rid', '2021-11.md'), 'utf8');
    expect(md.match(/ {2}Depends on CR1057 and CR1047 \(DCC Change Requests\), needed before development\./g)).toHaveLength(5);
    expect(readFileSync(join(out, 'rid', '2021-11.html'), 'utf8')).toContain('<p>Depends on CR1057 and CR1047 (DCC Change Requests), needed before development.</p>');
  });

  it('the release page lists the day each dependency is needed by among its milestones', async () => {
    const site = join(out, 'site');
    expect((await secrel(['render', 'site', '--repo', join(FIXTURES, 'sec-2020'), '--as-of', '2020-01-17', '--out', site])).exitCode).toBe(0);
    const page = readFileSync(join(site, 'site', 'releases', '2021-11.html'), 'utf8');
    expect(page).toContain('CR1047 needed before development of MP078, SECMP0007, SECMP0015, SECMP0024, SECMP0056');
  });
});
