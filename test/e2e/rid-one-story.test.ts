// The RID says one thing (issue 13, point 6) through the CLI: the timetable in date order (RID-3 warns when the
// file's order differs), go-live listed once, and "None expected" ticking no box of the impact matrix.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { secrel } from '../helpers/cli.js';

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'secrel-rid-'));
  temps.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const timeline =
  'timeline:\n  - event: Panel go/no-go decision\n    date: 2027-06-11\n  - event: TAG reviews the TAD\n    date: 2026-10-01\n' +
  '  - event: UIT commences\n  - event: Release go-live\n    date: 2027-06-24\n';
const mod =
  'id: MP1\ntitle: A change\nstatus: approved\nsystemImpact: none\nimplementation:\n  release: 2027-06\n' +
  'impacts:\n  parties:\n    suppliers: Suppliers update their processes.\n    electricityNetworks: None expected.\n    gasNetworks: No impact\n  dcc:\n    dsp: None\n';

describe('the RID timetable', () => {
  it('is in date order whatever the file order, and check warns that the file reads otherwise (RID-3)', async () => {
    const dir = repo({ 'releases/2027-06.yaml': `id: 2027-06\n${timeline}`, 'modifications/MP1.yaml': mod });
    const v = await secrel(['validate', '--repo', dir]);
    expect(v.stdout).toContain('releases/2027-06.yaml:5:12 warning RID-3');
    expect(v.stdout).toContain(
      'Timeline event "TAG reviews the TAD" (1 October 2026) comes after "Panel go/no-go decision" (11 June 2027) in the file, but before it in time',
    );
    const out = join(dir, 'out');
    await secrel(['render', 'rid', '--repo', dir, '--out', out]);
    const rid = readFileSync(join(out, 'rid/2027-06.md'), 'utf8');
    const rows = rid
      .split('\n')
      .filter((l) => /^\| (\d\d \w{3} \d\d)? +\| /.test(l))
      .map((l) => l.split('|')[2]!.trim());
    expect(rows).toEqual(['TAG reviews the TAD', 'UIT commences', 'Panel go/no-go decision', 'Release go-live']);
  });

  it('in date order in the file, draws no warning', async () => {
    const ordered = 'timeline:\n  - event: TAG reviews the TAD\n    date: 2026-10-01\n  - event: Panel go/no-go decision\n    date: 2027-06-11\n';
    expect((await secrel(['validate', '--repo', repo({ 'releases/2027-06.yaml': `id: 2027-06\n${ordered}` })])).stdout).not.toContain('RID-3');
  });
});

describe('go-live', () => {
  it('is listed once on the release page and in the calendar when the timetable has its own go-live row', async () => {
    const dir = repo({ 'releases/2027-06.yaml': `id: 2027-06\n${timeline}`, 'modifications/MP1.yaml': mod });
    const out = join(dir, 'out');
    await secrel(['render', 'site', '--repo', dir, '--out', out]);
    const page = readFileSync(join(out, 'site/releases/2027-06.html'), 'utf8');
    expect(page.match(/<td>(Release go-live|Go-live)<\/td>/g)).toEqual(['<td>Go-live</td>']);
    const json = JSON.parse((await secrel(['calendar', '2027', '--repo', dir, '--format', 'json'])).stdout);
    const june = json.releases.find((r: { id: string }) => r.id === '2027-06');
    expect(june.milestones.filter((m: { label: string }) => /go-live$/i.test(m.label)).map((m: { label: string }) => m.label)).toEqual(['Go-live']);
    expect(readFileSync(join(out, 'site/calendar.ics'), 'utf8')).not.toContain('Release go-live');
  });
});

describe('the impact matrix', () => {
  it('ticks only the impacts stated: "None expected", "No impact" and "None" tick nothing', async () => {
    const dir = repo({ 'releases/2027-06.yaml': 'id: 2027-06\n', 'modifications/MP1.yaml': mod });
    const out = join(dir, 'out');
    await secrel(['render', 'rid', '--repo', dir, '--out', out]);
    const rid = readFileSync(join(out, 'rid/2027-06.md'), 'utf8');
    expect(rid).toContain('| Modification | Suppliers | Electricity Networks | Gas Networks | Other SEC Parties | DCC |');
    expect(rid).toContain('| MP1 | ✓ |  |  |  |  |');
    expect(rid).not.toContain('None expected');
  });
});
