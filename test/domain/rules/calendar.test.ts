// CAL-2 (moved date without a reason), CAL-5 (empty System Release), CAL-6 (change freeze).
import { describe, expect, it } from 'vitest';
import { changeFreeze, emptySystemRelease, movedDateReason } from '../../../src/domain/rules/calendar.js';
import { mod, positionOf, rel, run, yaml } from './repo.js';

describe('CAL-2 a moved release records why', () => {
  it('passes a release on its scheduled date, and a moved one with a reason', async () => {
    expect(await run(movedDateReason, { 'releases/2020-06.yaml': rel('2020-06', 'type: system\n') }, '2020-01-17')).toEqual([]);
    const moved = rel('2020-11', "date: 2020-11-29\ndateReason: Moved by the Panel with the Authority's approval.\n");
    expect(await run(movedDateReason, { 'releases/2020-11.yaml': moved }, '2020-01-17')).toEqual([]);
  });

  it('warns at the date of a moved release with no reason', async () => {
    const text = rel('2020-11', 'type: system\ndate: 2020-11-29\n');
    const [f, ...rest] = await run(movedDateReason, { 'releases/2020-11.yaml': text }, '2020-01-17');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'CAL-2', severity: 'warning', file: 'releases/2020-11.yaml', release: '2020-11', ...positionOf(text, '2020-11-29') });
    expect(f!.message).toContain("Sunday 29 November 2020 instead of the cycle's Thursday 5 November 2020");
    expect(f!.message).toContain('add dateReason');
  });
});

describe('CAL-5 a System Release with nothing system-impacting may become a Documentation Release', () => {
  const files = { 'releases/2021-06.yaml': rel('2021-06', 'type: system\nstatus: planned\n') };

  it('says so (info) once the systems cut-off has passed', async () => {
    const [f] = await run(emptySystemRelease, files, '2020-07-01');
    expect(f).toMatchObject({ rule: 'CAL-5', severity: 'info', release: '2021-06', ...positionOf(files['releases/2021-06.yaml'], 'system') });
    expect(f!.message).toContain('the Panel may make it a Documentation Release');
  });

  it('stays quiet before the cut-off, and when a system-impacting modification is in scope', async () => {
    expect(await run(emptySystemRelease, files, '2020-06-24')).toEqual([]);
    const withScope = { ...files, 'modifications/MP1.yaml': mod('MP1', 'systemImpact: true\nimplementation:\n  release: 2021-06\n') };
    expect(await run(emptySystemRelease, withScope, '2020-07-01')).toEqual([]);
  });

  it('says what the scope holds: a User System change is no DCC System change, but not documentation-only either', async () => {
    const user = { ...files, 'modifications/MP1.yaml': mod('MP1', 'systemImpact: user\nimplementation:\n  release: 2021-06\n  addedToScope: 2020-01-10\n') };
    const [f] = await run(emptySystemRelease, user, '2020-07-01');
    expect(f!.message).toContain('holds no DCC-System-impacting modification (User System and documentation changes only)');
  });

  it('stays quiet when a DCC Change Request goes alongside, listed in the release or recorded naming it', async () => {
    const listed = {
      'releases/2021-06.yaml': rel(
        '2021-06',
        'type: system\nstatus: planned\nchangeRequests:\n  - { id: CR100, title: DSP capacity, summary: More capacity. }\n',
      ),
    };
    expect(await run(emptySystemRelease, listed, '2020-07-01')).toEqual([]);
    const recorded = { ...files, 'change-requests/CR101.yaml': 'id: CR101\ntitle: CSP upgrade\nreleases: [2021-06]\n' };
    expect(await run(emptySystemRelease, recorded, '2020-07-01')).toEqual([]);
  });

  it('stays quiet for a code with no documentation kind to make it (DCUSA), and names the kind for one that has (REC: Patch Release)', async () => {
    const dcusa = { 'secrel.config.yaml': 'code: dcusa\n', 'releases/2021-06.yaml': rel('2021-06', 'type: scheduled\nstatus: planned\n') };
    expect(await run(emptySystemRelease, dcusa, '2020-07-01')).toEqual([]);
    const rec = {
      'secrel.config.yaml': 'code: rec\ncycle:\n  - { month: 6, week: last, weekday: thursday, type: major }\n',
      'releases/2021-06.yaml': rel('2021-06', 'type: major\nstatus: planned\n'),
    };
    const [f] = await run(emptySystemRelease, rec, '2020-07-01');
    expect(f!.message).toContain('the Panel may make it a Patch Release (set type: patch');
  });
});

describe('CAL-6 nothing goes live inside a change freeze', () => {
  const config = yaml`
    freezes:
      - from: 2020-06-20
        to: 2020-06-30
        reason: Summer freeze.
  `;

  it('passes releases and implementation dates outside every freeze', async () => {
    const files = {
      'secrel.config.yaml': config.replace('2020-06-20', '2020-07-01').replace('2020-06-30', '2020-07-31'),
      'releases/2020-06.yaml': rel('2020-06'),
      'modifications/MP1.yaml': mod('MP1', 'leadTime: 20wd\nimplementation:\n  date: 2020-06-19\n'),
    };
    expect(await run(changeFreeze, files, '2020-01-17')).toEqual([]);
  });

  it('is an error for a go-live and for an implementation date inside a freeze, both ends included', async () => {
    const modText = mod('MP1', 'leadTime: 20wd\nimplementation:\n  date: 2020-06-20\n');
    const findings = await run(
      changeFreeze,
      { 'secrel.config.yaml': config, 'releases/2020-06.yaml': rel('2020-06'), 'modifications/MP1.yaml': modText },
      '2020-01-17',
    );
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatchObject({ rule: 'CAL-6', severity: 'error', file: 'modifications/MP1.yaml', ...positionOf(modText, '2020-06-20') });
    // The release has no `date` (the cycle gives 25 June): the finding points at its id.
    expect(findings[1]).toMatchObject({ rule: 'CAL-6', severity: 'error', file: 'releases/2020-06.yaml', line: 1, column: 1, release: '2020-06' });
    expect(findings[1]!.message).toContain('inside the change freeze from 20 June 2020 to 30 June 2020 (Summer freeze)');
  });
});
