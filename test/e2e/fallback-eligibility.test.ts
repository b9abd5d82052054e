// A recorded fall-back the modification may not go into (found in a new-user trial: a DCC-impacting
// modification with a Documentation Release fall-back): `check` says so at implementation.fallback, and
// every hint names a release that may hold it (IMP-4), so following the hints ends with no error.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { secrel } from '../helpers/cli.js';

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'secrel-fallback-'));
  temps.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** The trial's SECMP0312: targeted at November 2029 (decision by 1 November 2028), the decision expected before it. */
const mp312 = (impact: string, release: string, fallback: string, expected = '2028-10-30') =>
  `id: SECMP0312\ntitle: Smart Metering Key Infrastructure certificate lifetimes\nstatus: raised\nsystemImpact: ${impact}\nleadTime: 12m\n` +
  `decision:\n  expected: ${expected}\nimplementation:\n  release: ${release}\n  fallback: ${fallback}\n  addedToScope: 2028-10-26\n`;

const check = async (dir: string) => {
  const r = await secrel(['check', '--repo', dir, '--as-of', '2028-12-10']);
  return { ...r, text: r.stdout.replace(/\n {4}/g, ' ') };
};

describe('a fall-back the modification may not go into', () => {
  it('is an IMP-4 error at implementation.fallback, and the IMP-1 hint names the next System Release instead', async () => {
    const dir = repo({ 'modifications/SECMP0312.yaml': mp312('dcc', '2029-11', '2030-02') });
    const r = await check(dir);
    expect(r.exitCode).toBe(1);
    expect(r.text).toContain(
      'modifications/SECMP0312.yaml:10:13 error IMP-4 SECMP0312 impacts DCC Systems, but its fall-back, the February 2030 SEC Release (2030-02), ' +
        'is a Documentation Release, which holds no DCC-System-impacting modification, and the fall-back is the next release after the ' +
        'November 2029 SEC Release that may hold it (IMP-1): set implementation.fallback to 2030-06 (the June 2030 SEC Release)',
    );
    expect(r.text).toContain(
      'modifications/SECMP0312.yaml:9:12 error IMP-1 SECMP0312 targets the November 2029 SEC Release, but its decision-by date (1 November 2028) ' +
        'passed without an approval, so it can no longer make that release; its recorded fall-back, the February 2030 SEC Release (2030-02), ' +
        'is a Documentation Release, which holds no DCC-System-impacting modification; the next release that may hold it and is still open is ' +
        'the June 2030 SEC Release (2030-06), decision by 27 June 2029: set implementation.release to 2030-06 ' +
        '(and implementation.fallback to 2030-11, the next release after it that may hold it)',
    );
    expect(r.text).not.toContain('set implementation.release to 2030-02');
    // The finding belongs to the release the modification targets.
    expect((await secrel(['check', '--repo', dir, '--as-of', '2028-12-10', '--release', '2029-11'])).stdout).toContain('error IMP-4');

    // Following the hints leaves no eligibility error (the trial's next step was an SCP-3 error).
    writeFileSync(join(dir, 'modifications/SECMP0312.yaml'), mp312('dcc', '2030-06', '2030-11'));
    const after = await check(dir);
    expect(after.text).not.toMatch(/error (IMP-4|SCP-3|IMP-1)/);
  });

  it('is none for a documentation-only modification, whose fall-back the Documentation Release may be', async () => {
    const r = await check(repo({ 'modifications/SECMP0312.yaml': mp312('none', '2029-11', '2030-02') }));
    expect(r.text).not.toContain('IMP-4');
    expect(r.text).toContain('its fall-back is the February 2030 SEC Release (2030-02), decision by 28 February 2029: set implementation.release to 2030-02');
  });

  it('leaves an eligible System Release fall-back as it was', async () => {
    const r = await check(repo({ 'modifications/SECMP0312.yaml': mp312('dcc', '2029-11', '2030-06') }));
    expect(r.text).not.toContain('IMP-4');
    expect(r.text).toContain('its fall-back is the June 2030 SEC Release (2030-06), decision by 27 June 2029: set implementation.release to 2030-06');
  });

  it("is not the fall-back the modification's page says applies", async () => {
    const dir = repo({ 'modifications/SECMP0312.yaml': mp312('dcc', '2029-11', '2030-02', '2028-12-01') });
    expect((await secrel(['render', '--repo', dir, '--release', '2029-11'])).exitCode).toBe(0);
    const page = readFileSync(join(dir, 'out/site/modifications/SECMP0312.html'), 'utf8');
    expect(page).toContain(
      'after that release&#x27;s decision-by date (1 November 2028): it needs a later release (its recorded fall-back, the February 2030 SEC Release, ' +
        'is a Documentation Release, which holds no DCC-System-impacting modification)',
    );
    expect(page).not.toContain('the fall-back (February 2030 SEC Release) applies');
  });
});
