// SCP-1..5: cut-offs, late additions and exceptions, Documentation Releases, tech-spec changes, Validity Periods.
import { describe, expect, it } from 'vitest';
import { cutOffRecorded, lateAddition, systemChangeInDocumentationRelease } from '../../../src/domain/rules/scope.js';
import { techSpecsOncePerYear, validityPeriods } from '../../../src/domain/rules/tech-specs.js';
import { mod, positionOf, rel, run, yaml } from './repo.js';

const targeting = (release: string, body: string) => mod('MP1', `${body}implementation:\n  release: ${release}\n`);

describe('SCP-1 once a cut-off has passed, scope entries say when they joined', () => {
  const text = targeting('2020-11', 'systemImpact: true\n');
  const files = { 'releases/2020-11.yaml': rel('2020-11'), 'modifications/MP1.yaml': text };

  it('notes (info) an entry with no addedToScope after its cut-off', async () => {
    const [f] = await run(cutOffRecorded, files, '2020-01-17');
    expect(f).toMatchObject({ rule: 'SCP-1', severity: 'info', release: '2020-11', ...positionOf(text, '2020-11') });
    expect(f!.message).toContain('its systems cut-off (5 November 2019) cannot be checked: record implementation.addedToScope');
  });

  it('is quiet before the cut-off, with addedToScope, or when a Panel baseline lists the entry', async () => {
    expect(await run(cutOffRecorded, files, '2019-11-05')).toEqual([]);
    expect(await run(cutOffRecorded, { ...files, 'modifications/MP1.yaml': `${text}  addedToScope: 2019-09-01\n` }, '2020-01-17')).toEqual([]);
    const baselined = rel('2020-11', 'rid:\n  version: "1.0"\n  baselines:\n    - { version: "1.0", date: 2019-11-01, covers: systems, scope: [MP1] }\n');
    expect(await run(cutOffRecorded, { ...files, 'releases/2020-11.yaml': baselined }, '2020-01-17')).toEqual([]);
  });
});

describe('SCP-2 an addition after the cut-off is a breach, or an exception with the rationale', () => {
  const late = (added: string, extra = '') => `${targeting('2020-06', 'systemImpact: false\n')}  addedToScope: ${added}\n${extra}`;

  it('passes an addition on the cut-off day (6 months before go-live for documentation-only)', async () => {
    expect(await run(lateAddition, { 'modifications/MP1.yaml': late('2019-12-25') }, '2020-01-17')).toEqual([]);
  });

  it('is an error at implementation.release after the cut-off, naming a release still open', async () => {
    const text = late('2020-01-10');
    const [f] = await run(lateAddition, { 'modifications/MP1.yaml': text }, '2020-01-17');
    expect(f).toMatchObject({ rule: 'SCP-2', severity: 'error', file: 'modifications/MP1.yaml', release: '2020-06', ...positionOf(text, '2020-06') });
    expect(f!.message).toContain('after its documentation-only cut-off (25 December 2019)');
    expect(f!.message).toContain("record the Panel's rationale in implementation.exception, or move MP1 to the November 2020 SEC Release (2020-11)");
  });

  it("is a warning, listed as an exception, when the Panel's rationale is recorded", async () => {
    const [f] = await run(
      lateAddition,
      { 'modifications/MP1.yaml': late('2020-01-10', '  exception: More efficient to deliver with the June release.\n') },
      '2020-01-17',
    );
    expect(f).toMatchObject({ rule: 'SCP-2', severity: 'warning' });
    expect(f!.message).toContain("an exception with the Panel's rationale");
  });

  it('an ad-hoc release agreed after its cut-off: the scope it was agreed with is not late; what joins later is', async () => {
    const adhoc = rel('2020-09-mp1', 'adhoc: true\ntype: system\ndate: 2020-09-17\nagreed: 2020-01-10\n');
    const entry = (added: string) => mod('MP1', `systemImpact: true\nimplementation:\n  release: 2020-09-mp1\n  addedToScope: ${added}\n`);
    const [onTime] = await run(lateAddition, { 'releases/2020-09-mp1.yaml': adhoc, 'modifications/MP1.yaml': entry('2020-01-10') }, '2020-01-17');
    expect(onTime).toMatchObject({ rule: 'SCP-2', severity: 'info' });
    expect(onTime!.message).toBe(
      'MP1 joined the September 2020 SEC Release on 10 January 2020, by the day the Panel agreed to create it (10 January 2020): its systems cut-off (17 September 2019) fell before the release existed, so it is not late; nothing to do',
    );
    const [late] = await run(lateAddition, { 'releases/2020-09-mp1.yaml': adhoc, 'modifications/MP1.yaml': entry('2020-01-15') }, '2020-01-17');
    expect(late).toMatchObject({ rule: 'SCP-2', severity: 'error' });
    expect(late!.message).toContain(
      'MP1 joined the September 2020 SEC Release on 15 January 2020, after the Panel agreed to create it with its scope on 10 January 2020 (its systems cut-off, 17 September 2019, fell before the release existed)',
    );
  });

  it('checks each part of a modification against its own release (12 months for system-impacting)', async () => {
    const text = mod(
      'MP2',
      yaml`
      systemImpact: true
      parts:
        - { part: 1, release: 2020-06, addedToScope: 2019-06-01 }
        - { part: 2, release: 2020-11, addedToScope: 2019-12-01 }
    `,
    );
    const findings = await run(lateAddition, { 'modifications/MP2.yaml': text }, '2020-01-17');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ release: '2020-11', ...positionOf(text, '2020-11') });
    expect(findings[0]!.message).toContain('MP2 part 2 joined the November 2020 SEC Release on 1 December 2019, after its systems cut-off (5 November 2019)');
    expect(findings[0]!.message).toContain('parts[1].exception');
  });

  it("moved in after the cut-off by an Authority revision: the rationale is the Panel's request, not a move away again (found in a new-user trial)", async () => {
    const text = mod(
      'MP3',
      yaml`
      status: approved
      systemImpact: true
      decision: { date: 2019-03-01 }
      implementation:
        release: 2020-11
        addedToScope: 2019-03-01
        revisions:
          - { date: 2019-12-02, from: 2020-06, to: 2020-11, reason: DCC capacity }
    `,
    );
    const [finding] = await run(lateAddition, { 'modifications/MP3.yaml': text }, '2020-01-17');
    expect(finding!.message).toBe(
      "MP3 joined the November 2020 SEC Release on 2 December 2019, after its systems cut-off (5 November 2019): record the Panel's rationale in " +
        "implementation.exception (it joined with the Authority's revision of 2 December 2019, which the Panel asked for: the reasons for that request are the rationale)",
    );
  });
});

describe('SCP-3 a Documentation Release holds nothing system-impacting', () => {
  it('passes a documentation-only modification in the February release', async () => {
    expect(await run(systemChangeInDocumentationRelease, { 'modifications/MP1.yaml': targeting('2021-02', 'systemImpact: false\n') }, '2020-01-17')).toEqual(
      [],
    );
  });

  it('is an error for a system-impacting one, pointing to the next System Release', async () => {
    const text = targeting('2021-02', 'systemImpact: true\n');
    const [f] = await run(systemChangeInDocumentationRelease, { 'modifications/MP1.yaml': text }, '2020-01-17');
    expect(f).toMatchObject({ rule: 'SCP-3', severity: 'error', ...positionOf(text, '2021-02') });
    expect(f!.message).toContain('the next it could still make is the June 2021 SEC Release, 2021-06');
  });
});

describe('SCP-4 tech-spec changes in at most one System Release a year', () => {
  const spec = (id: string, release: string) => mod(id, `systemImpact: true\ntechSpecs: [GBCS]\nimplementation:\n  release: ${release}\n`);

  it('passes one such release a year', async () => {
    expect(
      await run(techSpecsOncePerYear, { 'modifications/MP1.yaml': spec('MP1', '2020-06'), 'modifications/MP2.yaml': spec('MP2', '2021-06') }, '2020-01-17'),
    ).toEqual([]);
  });

  it('warns on each release of a year that has two, on the release file or else the modification', async () => {
    const findings = await run(
      techSpecsOncePerYear,
      {
        'releases/2020-06.yaml': rel('2020-06'),
        'modifications/MP1.yaml': spec('MP1', '2020-06'),
        'modifications/MP2.yaml': spec('MP2', '2020-11'),
      },
      '2020-01-17',
    );
    expect(findings.map((f) => [f.file, f.release, f.severity])).toEqual([
      ['modifications/MP2.yaml', '2020-11', 'warning'],
      ['releases/2020-06.yaml', '2020-06', 'warning'],
    ]);
    expect(findings[0]!.message).toContain('change in 2 System Releases of 2020: June 2020 SEC Release (GBCS) and November 2020 SEC Release (GBCS)');
  });
});

describe('SCP-5 a release that changes DUIS, GBCS or TS lists the versions and Validity Periods', () => {
  const files = (techSpecs = '') => ({
    'modifications/MP1.yaml': targeting('2020-06', 'systemImpact: true\ntechSpecs: [GBCS]\n'),
    'releases/2020-06.yaml': rel('2020-06', techSpecs),
  });

  it('passes a listed version valid from go-live, and says nothing until 30 days before the documentation cut-off', async () => {
    expect(await run(validityPeriods, files('techSpecs:\n  - { document: GBCS, version: "3.2", validFrom: 2020-06-25 }\n'), '2020-01-17')).toEqual([]);
    expect(await run(validityPeriods, files(), '2019-11-24')).toEqual([]);
    // Due soon, as any deadline (found in a fresh-data trial: nothing was said until the day had passed).
    const [soon] = await run(validityPeriods, files(), '2019-12-24');
    expect(soon).toMatchObject({ rule: 'SCP-5', severity: 'warning' });
    expect(soon!.message).toContain('lists no new GBCS version, due by the documentation scope cut-off (25 December 2019, in 1 day)');
  });

  it('notes a version listed that no modification in the scope changes any more', async () => {
    const listed = 'techSpecs:\n  - { document: GBCS, version: "3.2", validFrom: 2020-06-25 }\n  - { document: DUIS, version: "4.0", validFrom: 2020-06-25 }\n';
    const [stale, ...rest] = await run(validityPeriods, files(listed), '2020-01-17');
    expect(rest).toEqual([]);
    expect(stale).toMatchObject({ rule: 'SCP-5', severity: 'info', line: 4 });
    expect(stale!.message).toContain('DUIS 4.0 is listed, but no modification in the scope of the June 2020 SEC Release changes DUIS');
  });

  it('warns when the version or its validFrom is missing, and notes a start other than go-live', async () => {
    const [missing] = await run(validityPeriods, files(), '2020-01-17');
    expect(missing).toMatchObject({ rule: 'SCP-5', severity: 'warning', file: 'releases/2020-06.yaml', line: 1 });
    expect(missing!.message).toContain('changes GBCS (MP1) but lists no new GBCS version');
    const [noStart] = await run(validityPeriods, files('techSpecs:\n  - { document: GBCS, version: "3.2" }\n'), '2020-01-17');
    expect(noStart).toMatchObject({ severity: 'warning', line: 3 });
    const [other] = await run(validityPeriods, files('techSpecs:\n  - { document: GBCS, version: "3.2", validFrom: 2020-07-01 }\n'), '2020-01-17');
    expect(other).toMatchObject({ severity: 'info', line: 3 });
  });
});
