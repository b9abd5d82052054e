// `plan` names a modification recorded live as `implemented`, not `approved`: a Panel member reading the
// plan of a release that has gone live (or one delivered in parts, one part live) must see what is done.
// Only a release that lists one widens its status column; other plans keep their layout.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { secrelInProcess as secrel } from '../helpers/in-process.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'secrel-plan-implemented-'));
  dirs.push(dir);
  for (const d of ['releases', 'modifications']) mkdirSync(join(dir, d));
  writeFileSync(join(dir, 'releases/2028-02.yaml'), 'id: 2028-02\nstatus: live\n');
  writeFileSync(join(dir, 'releases/2028-06.yaml'), 'id: 2028-06\n');
  const mod = (id: string, status: string, release: string) =>
    writeFileSync(
      join(dir, `modifications/${id}.yaml`),
      `id: ${id}\ntitle: Clarify the ${id} wording\nstatus: ${status}\nsystemImpact: false\ndecision:\n  date: 2027-09-01\nimplementation:\n  release: ${release}\n`,
    );
  mod('MP401', 'implemented', '2028-02');
  mod('MP402', 'approved', '2028-02');
  mod('MP403', 'approved', '2028-06');
  return dir;
}

describe('plan and implemented modifications', () => {
  it('says implemented for one recorded live, approved for the others, in text and JSON', async () => {
    const dir = repo();
    const text = (await secrel(['plan', '--repo', dir, '--from', '2028-01-01', '--to', '2028-12-31', '--as-of', '2028-03-01'])).stdout;
    expect(text).toMatch(/MP401 +Clarify the MP401 wording +implemented +docs only/);
    expect(text).toMatch(/MP402 +Clarify the MP402 wording +approved {5}docs only/);
    // June 2028 lists nothing implemented: its column stays as wide as `approved`.
    expect(text).toMatch(/MP403 +Clarify the MP403 wording +approved {2}docs only/);
    const json = JSON.parse(
      (await secrel(['plan', '--format', 'json', '--repo', dir, '--from', '2028-01-01', '--to', '2028-12-31', '--as-of', '2028-03-01'])).stdout,
    ) as {
      releases: { id: string; scope: { modification: string; status: string }[] }[];
    };
    const statuses = Object.fromEntries(json.releases.flatMap((r) => r.scope.map((s) => [s.modification, s.status])));
    expect(statuses).toEqual({ MP401: 'implemented', MP402: 'approved', MP403: 'approved' });
  });
});
