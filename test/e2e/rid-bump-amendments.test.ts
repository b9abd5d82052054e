// What counts as an amendment to a RID (RID-1): recording that a notice went out is not (the RID does not show
// notices), and a modification that moves to another release takes its other changes with it.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalInputs, legacyCanonicalInputs } from '../../src/domain/canonical-inputs.js';
import type { Modification, Release } from '../../src/domain/model.js';
import { secrel } from '../helpers/cli.js';
import { tempGitRepo, type TempRepo } from '../helpers/git.js';

const AS_OF = ['--as-of', '2026-12-03'];
const release = (id: string) =>
  `id: ${id}\ntype: system\nstatus: planned\nrid:\n  version: "0.1"\n  history:\n    - { version: "0.1", date: 2026-11-20, changes: First draft. }\n`;
const modification = (target: string, designBuildPit = 1000) =>
  'id: MP220\ntitle: Alert routing\nstatus: approved\ngovernance: authority\nsystemImpact: dcc\nleadTime: 12m\ndecision:\n  date: 2026-10-01\n' +
  `implementation:\n  release: ${target}\n  addedToScope: 2026-10-01\nnotices:\n  approval: 2026-10-02\n` +
  `costs:\n  dcc: { designBuildPit: ${designBuildPit}, sit: 500, uit: 200, implementToLive: 100, oneOffOperational: 0, ongoingOperational: 0 }\n`;

/** MP220 delivered in parts: part 1 in 2027-11, then `extra` (more parts, as YAML list items). */
const parts = (extra: string) =>
  modification('2027-11').replace('  release: 2027-11\n  addedToScope: 2026-10-01\n', '  addedToScope: 2026-10-01\n') +
  `parts:\n  - { part: 1, release: 2027-11, summary: Routing. }\n${extra}`;

const repos: TempRepo[] = [];
afterAll(() => repos.forEach((r) => r.cleanup()));

async function started(): Promise<TempRepo> {
  const repo = await tempGitRepo();
  repos.push(repo);
  repo.write('releases/2027-11.yaml', release('2027-11'));
  repo.write('releases/2028-06.yaml', release('2028-06'));
  repo.write('modifications/MP220.yaml', modification('2027-11'));
  expect((await secrel(['rid', 'bump', ...AS_OF], { cwd: repo.dir })).exitCode).toBe(0);
  await repo.commit('two releases, MP220 in the first');
  return repo;
}

const bump = async (repo: TempRepo, ...args: string[]) =>
  (await secrel(['rid', 'bump', '--since', 'HEAD', '--dry-run', ...AS_OF, ...args], { cwd: repo.dir })).stdout;

describe('rid bump and what amends a RID', () => {
  it("recording that a notice went out (the release's or a modification's), or that a breach was reported, bumps nothing", async () => {
    const repo = await started();
    const file = join(repo.dir, 'releases/2027-11.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}notices:\n  twelveMonth: 2026-11-04\nlateReported:\n  notices.twelveMonth: 2026-11-10\n`);
    const mod = join(repo.dir, 'modifications/MP220.yaml');
    writeFileSync(mod, readFileSync(mod, 'utf8').replace('approval: 2026-10-02', 'approval: 2026-10-05'));
    expect(await bump(repo)).toContain('2027-11: RID 0.1 unchanged');
  });

  it('recording that the notice of an Authority revision went out (revisions[].notified) bumps nothing (found in a new-user trial)', async () => {
    const repo = await started();
    const revised = (notified: string) =>
      modification('2028-06').replace(
        '  addedToScope: 2026-10-01\n',
        `  addedToScope: 2026-10-01\n  revisions:\n    - { date: 2026-11-02, from: 2027-11, to: 2028-06, reason: DCC capacity${notified} }\n`,
      );
    repo.write('modifications/MP220.yaml', revised(''));
    expect((await secrel(['rid', 'bump', ...AS_OF], { cwd: repo.dir })).exitCode).toBe(0);
    await repo.commit('revised');
    repo.write('modifications/MP220.yaml', revised(', notified: 2026-11-04'));
    const out = await bump(repo);
    expect(out).toContain('2027-11: RID 0.2 unchanged');
    expect(out).toContain('2028-06: RID 0.2 unchanged');
  });

  it('a RID whose recorded hash still includes the notices keeps its version, and records the new hash once', async () => {
    const repo = await started();
    const file = join(repo.dir, 'releases/2027-11.yaml');
    const text = readFileSync(file, 'utf8');
    const data = parse(text) as Release;
    const legacy = `sha256:${createHash('sha256')
      .update(legacyCanonicalInputs(data, [parse(modification('2027-11')) as Modification]))
      .digest('hex')}`;
    writeFileSync(file, text.replace(/inputs: sha256:[0-9a-f]+/, `inputs: ${legacy}`));
    await repo.commit('as an older secrel wrote it');
    const first = await secrel(['rid', 'bump', ...AS_OF], { cwd: repo.dir });
    expect(first.stdout).toContain('2027-11: RID 0.1 unchanged; recorded what it was computed from');
    expect(readFileSync(file, 'utf8')).toContain('version: "0.1"\n  history:');
    await repo.commit('new hash');
    expect((await secrel(['rid', 'bump', ...AS_OF], { cwd: repo.dir })).stdout).toContain('2027-11: RID 0.1 unchanged\n');
  });

  it('a modification moved with its cost changed: the cost change is in the history of the release it went to only', async () => {
    const repo = await started();
    writeFileSync(join(repo.dir, 'modifications/MP220.yaml'), modification('2028-06', 3000));
    const out = await bump(repo);
    expect(out).toContain('2027-11: RID 0.1 would become 0.2 (releases/2027-11.yaml)\n  - MP220 removed from the scope (moved to 2028-06)\n2028-06');
    expect(out).toContain(
      '2028-06: RID 0.1 would become 0.2 (releases/2028-06.yaml)\n  - MP220 added to the scope\n  - MP220 DCC cost changed from £1,800 to £3,800',
    );
  });

  it('without --since, words what changed since the commit that recorded the version, or says "Amended" when none did', async () => {
    const repo = await started();
    repo.write('modifications/MP220.yaml', modification('2027-11', 3000));
    await repo.commit('MP220 costs more');
    const plain = await secrel(['rid', 'bump', '--dry-run', ...AS_OF], { cwd: repo.dir });
    expect(plain.stdout).toContain('2027-11: RID 0.1 would become 0.2 (releases/2027-11.yaml)\n  - MP220 DCC cost changed from £1,800 to £3,800');
    // The record itself not committed yet: no commit to compare with, so the entry says what it can.
    const uncommitted = await started();
    uncommitted.write('modifications/MP220.yaml', modification('2027-11', 2000));
    expect((await secrel(['rid', 'bump', ...AS_OF], { cwd: uncommitted.dir })).stdout).toContain('RID 0.1 → 0.2');
    uncommitted.write('modifications/MP220.yaml', modification('2027-11', 3000));
    expect((await secrel(['rid', 'bump', '--dry-run', ...AS_OF], { cwd: uncommitted.dir })).stdout).toContain(
      '2027-11: RID 0.2 would become 0.3 (releases/2027-11.yaml)\n  - Amended the release details or the details of modifications in its scope.',
    );
  });

  it('words each change as a sentence of the Document History, capital first (found in a fresh-data trial)', async () => {
    const repo = await started();
    const file = join(repo.dir, 'releases/2027-11.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}costs:\n  forecast: { designBuildPit: 900000, sit: 22450 }\n`);
    expect(await bump(repo)).toContain('2027-11: RID 0.1 would become 0.2 (releases/2027-11.yaml)\n  - Forecast DCC cost set to £922,450');
    expect((await secrel(['rid', 'bump', '--since', 'HEAD', ...AS_OF], { cwd: repo.dir })).exitCode).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('changes: Forecast DCC cost set to £922,450');
  });

  it('says why a modification left: withdrawn', async () => {
    const repo = await started();
    const mod = join(repo.dir, 'modifications/MP220.yaml');
    writeFileSync(mod, readFileSync(mod, 'utf8').replace('status: approved', 'status: withdrawn'));
    expect(await bump(repo)).toContain('2027-11: RID 0.1 would become 0.2 (releases/2027-11.yaml)\n  - MP220 removed from the scope (withdrawn)\n');
  });

  it('a Change Request the scope waits on changing its expected date amends the RID (its "Waiting for" shows it)', async () => {
    const repo = await started();
    const mod = join(repo.dir, 'modifications/MP220.yaml');
    writeFileSync(mod, readFileSync(mod, 'utf8').replace('leadTime: 12m\n', 'leadTime: 12m\ndependsOn: [CR1047]\n'));
    repo.write('change-requests/CR1047.yaml', 'id: CR1047\ntitle: CSP firmware\nstatus: in-progress\nexpected: 2027-03-31\n');
    expect((await secrel(['rid', 'bump', ...AS_OF], { cwd: repo.dir })).exitCode).toBe(0);
    await repo.commit('MP220 waits on CR1047');
    repo.write('change-requests/CR1047.yaml', 'id: CR1047\ntitle: CSP firmware\nstatus: in-progress\nexpected: 2027-06-30\n');
    expect(await bump(repo)).toContain(
      '2027-11: RID 0.2 would become 0.3 (releases/2027-11.yaml)\n  - DCC Change Request CR1047 expected date moved from 31 March 2027 to 30 June 2027\n',
    );
  });

  it('a Change Request changing as the modification waiting on it moves away amends the RID it went to, not the one it left (found in a fresh-data trial)', async () => {
    const repo = await started();
    const mod = join(repo.dir, 'modifications/MP220.yaml');
    const waiting = (target: string) => modification(target).replace('leadTime: 12m\n', 'leadTime: 12m\ndependsOn: [CR1047]\n');
    writeFileSync(mod, waiting('2027-11'));
    repo.write('change-requests/CR1047.yaml', 'id: CR1047\ntitle: CSP firmware\nstatus: in-progress\nexpected: 2027-03-31\n');
    expect((await secrel(['rid', 'bump', ...AS_OF], { cwd: repo.dir })).exitCode).toBe(0);
    await repo.commit('MP220 waits on CR1047');
    const revised = '  revisions:\n    - { date: 2026-12-01, from: 2027-11, to: 2028-06, reason: CR1047 slips }\n';
    writeFileSync(mod, waiting('2028-06').replace('  addedToScope: 2026-10-01\n', `  addedToScope: 2026-10-01\n${revised}`));
    repo.write('change-requests/CR1047.yaml', 'id: CR1047\ntitle: CSP firmware\nstatus: in-progress\nexpected: 2027-09-30\n');
    const out = await bump(repo);
    const line = 'DCC Change Request CR1047 expected date moved from 31 March 2027 to 30 September 2027';
    expect(out).toContain(`2028-06: RID 0.1 would become 0.2 (releases/2028-06.yaml)\n  - MP220 added to the scope (moved from 2027-11)\n  - ${line}`);
    expect(out).toContain('2027-11: RID 0.2 would become 0.3 (releases/2027-11.yaml)\n  - MP220 removed from the scope (moved to 2028-06)\n2028-06');
    // diff still lists it for both, saying which no longer waits on it.
    const diff = await secrel(['diff', 'HEAD', ...AS_OF], { cwd: repo.dir });
    expect(diff.stdout).toContain(`2027-11: DCC Change Request CR1047 (no longer waited on) expected date moved`);
    expect(diff.stdout).toContain(`2028-06: ${line}`);
  });

  it('a modification the scope waits on moving to another release amends the RID (its "Waiting for" shows the new date); its other edits do not', async () => {
    const repo = await started();
    const mod = join(repo.dir, 'modifications/MP220.yaml');
    writeFileSync(mod, readFileSync(mod, 'utf8').replace('leadTime: 12m\n', 'leadTime: 12m\ndependsOn: [MP230]\n'));
    const waitedOn = (target: string, summary: string) =>
      `id: MP230\ntitle: Registration data\nsummary: ${summary}\nstatus: development\nsystemImpact: dcc\nimplementation:\n  release: ${target}\n`;
    repo.write('modifications/MP230.yaml', waitedOn('2027-06', 'First words.'));
    repo.write('releases/2027-06.yaml', release('2027-06'));
    expect((await secrel(['rid', 'bump', ...AS_OF], { cwd: repo.dir })).exitCode).toBe(0);
    await repo.commit('MP220 waits on MP230');
    repo.write('modifications/MP230.yaml', waitedOn('2027-06', 'Other words.'));
    expect(await bump(repo)).toContain('2027-11: RID 0.2 unchanged');
    repo.write('modifications/MP230.yaml', waitedOn('2028-06', 'First words.'));
    const out = await bump(repo);
    expect(out).toContain(
      '2027-11: RID 0.2 would become 0.3 (releases/2027-11.yaml)\n  - Modification MP230 (waited on) expected date moved from 24 June 2027 to 29 June 2028\n',
    );
    const diff = await secrel(['diff', 'HEAD', ...AS_OF], { cwd: repo.dir });
    expect(diff.stdout).toContain('Modification MP230 (waited on) expected date moved from 24 June 2027 to 29 June 2028');
  });

  it('a RID whose recorded hash is from before the modifications waited on were inputs keeps its version, and records the new hash once', async () => {
    const repo = await started();
    const mod = join(repo.dir, 'modifications/MP220.yaml');
    const waiting = readFileSync(mod, 'utf8').replace('leadTime: 12m\n', 'leadTime: 12m\ndependsOn: [MP230]\n');
    writeFileSync(mod, waiting);
    repo.write(
      'modifications/MP230.yaml',
      'id: MP230\ntitle: Registration data\nstatus: development\nsystemImpact: dcc\nimplementation:\n  release: 2027-06\n',
    );
    const file = join(repo.dir, 'releases/2027-11.yaml');
    const text = readFileSync(file, 'utf8');
    // As the secrel of 3 December 2026 hashed it: the release and its scope (notices left out), no dependencies.
    const { notices: _n, ...kept } = parse(waiting) as Modification;
    const older = `sha256:${createHash('sha256')
      .update(canonicalInputs(parse(text) as Release, [kept as Modification]))
      .digest('hex')}`;
    writeFileSync(file, text.replace(/inputs: sha256:[0-9a-f]+/, `inputs: ${older}`));
    await repo.commit('as the older secrel wrote it');
    const first = await secrel(['rid', 'bump', ...AS_OF], { cwd: repo.dir });
    expect(first.stdout).toContain('2027-11: RID 0.1 unchanged; recorded what it was computed from');
    await repo.commit('new hash');
    expect((await secrel(['rid', 'bump', ...AS_OF], { cwd: repo.dir })).stdout).toContain('2027-11: RID 0.1 unchanged\n');
  });

  it('a part added in a later release amends the RID of the release holding the first (it lists every part), and its history says so (found in a fresh-data trial)', async () => {
    const repo = await started();
    repo.write('modifications/MP220.yaml', parts(''));
    expect((await secrel(['rid', 'bump', ...AS_OF], { cwd: repo.dir })).exitCode).toBe(0);
    await repo.commit('MP220 in parts');
    repo.write('modifications/MP220.yaml', parts('  - { part: 2, release: 2028-06, summary: Reporting. }\n'));
    const out = await bump(repo);
    expect(out).toContain('2027-11: RID 0.2 would become 0.3 (releases/2027-11.yaml)\n  - MP220 now delivered in 2 parts, not 1 (part 2 in 2028-06)\n');
    expect(out).toContain('2028-06: RID 0.1 would become 0.2 (releases/2028-06.yaml)\n  - MP220 part 2 added to the scope');
  });

  it("a RID whose recorded hash is from before other releases' parts were inputs keeps its version, and records the new hash once", async () => {
    const repo = await started();
    const text = parts('  - { part: 2, release: 2028-06, summary: Reporting. }\n');
    repo.write('modifications/MP220.yaml', text);
    const file = join(repo.dir, 'releases/2027-11.yaml');
    const release = readFileSync(file, 'utf8');
    // As the secrel of 8 December 2026 hashed it: only the parts in this release.
    const { notices: _n, ...kept } = parse(text) as Modification;
    const older = `sha256:${createHash('sha256')
      .update(canonicalInputs(parse(release) as Release, [kept as Modification], [], [], { otherParts: false }))
      .digest('hex')}`;
    writeFileSync(file, release.replace(/inputs: sha256:[0-9a-f]+/, `inputs: ${older}`).replace(/scope: \[MP220\]/, 'scope: [MP220#1]'));
    await repo.commit('as the older secrel wrote it');
    const first = await secrel(['rid', 'bump', '--release', '2027-11', ...AS_OF], { cwd: repo.dir });
    expect(first.stdout).toContain('2027-11: RID 0.1 unchanged; recorded what it was computed from');
    await repo.commit('new hash');
    expect((await secrel(['rid', 'bump', '--release', '2027-11', ...AS_OF], { cwd: repo.dir })).stdout.trim()).toBe('2027-11: RID 0.1 unchanged');
  });
});
