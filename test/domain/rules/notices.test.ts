// COM-1..3: the approval notice within 1 Working Day, the 12- and 6-month notices, the 1-month notice.
import { describe, expect, it } from 'vitest';
import { approvalNotice, goLiveNotice, scopeNotices } from '../../../src/domain/rules/notices.js';
import { mod, positionOf, rel, run, withScope } from './repo.js';

const decided = (date: string, notice?: string, status = 'approved') =>
  mod('MP1', `status: ${status}\ndecision:\n  date: ${date}\nimplementation:\n  release: 2020-11\n${notice ? `notices:\n  approval: ${notice}\n` : ''}`);

describe('COM-1 the approval notice within 1 Working Day of the decision', () => {
  it('passes a notice on the next Working Day, skipping the weekend and the 8 May 2020 bank holiday', async () => {
    expect(await run(approvalNotice, withScope({ 'modifications/MP1.yaml': decided('2020-01-10', '2020-01-13') }), '2020-02-01')).toEqual([]);
    expect(await run(approvalNotice, withScope({ 'modifications/MP1.yaml': decided('2020-05-07', '2020-05-11') }), '2020-06-01')).toEqual([]);
    expect(await run(approvalNotice, withScope({ 'modifications/MP1.yaml': decided('2020-01-10', undefined, 'rejected') }), '2020-02-01')).toEqual([]);
  });

  it('notes (info) an approval with no decision date: the notice cannot be checked', async () => {
    const text = mod('MP1', 'status: approved\nimplementation:\n  release: 2020-11\n');
    const [f] = await run(approvalNotice, withScope({ 'modifications/MP1.yaml': text }), '2020-02-01');
    expect(f).toMatchObject({ rule: 'COM-1', severity: 'info', modification: 'MP1' });
    expect(f!.message).toBe(
      'MP1 is approved, but the date of the decision is not recorded, so the notice of its approval (due 1 Working Day after the decision) cannot be checked: record decision.date',
    );
  });

  it('is an error at a late notice, and when none is recorded; a warning while it is due', async () => {
    const text = decided('2020-01-10', '2020-01-14');
    const [late] = await run(approvalNotice, withScope({ 'modifications/MP1.yaml': text }), '2020-02-01');
    expect(late).toMatchObject({ rule: 'COM-1', severity: 'error', modification: 'MP1', release: '2020-11', ...positionOf(text, '2020-01-14') });
    expect(late!.message).toContain('went out on 14 January 2020, after it was due on 13 January 2020');
    const reported = `${text}lateReported:\n  notices.approval: 2020-01-20\n`;
    const [info] = await run(approvalNotice, withScope({ 'modifications/MP1.yaml': reported }), '2020-02-01');
    expect(info).toMatchObject({ rule: 'COM-1', severity: 'info' });
    expect(info!.message).toMatch(/the breach was reported to the Panel on 20 January 2020 \(lateReported\): nothing to do$/);
    const [missing] = await run(approvalNotice, withScope({ 'modifications/MP1.yaml': decided('2020-01-10') }), '2020-02-01');
    expect(missing).toMatchObject({ severity: 'error', line: 1, column: 1 });
    expect(missing!.message).toContain('issue it and record the date in notices.approval');
    expect((await run(approvalNotice, withScope({ 'modifications/MP1.yaml': decided('2020-01-10') }), '2020-01-10'))[0]).toMatchObject({ severity: 'warning' });
  });
});

describe('COM-2 notices 12 and 6 months before go-live', () => {
  it('passes notices issued on time', async () => {
    const text = rel('2020-06', 'notices:\n  twelveMonth: 2019-06-25\n  sixMonth: 2019-12-20\n');
    expect(await run(scopeNotices, withScope({ 'releases/2020-06.yaml': text }), '2020-01-17')).toEqual([]);
  });

  it('is an error for a late notice and a missing one, and warns of the next one due', async () => {
    const text = rel('2020-06', 'notices:\n  twelveMonth: 2019-07-01\n');
    const findings = await run(scopeNotices, withScope({ 'releases/2020-06.yaml': text }), '2020-01-17');
    expect(findings.map((f) => [f.severity, f.line, f.column])).toEqual([
      ['error', 2, 1],
      ['error', 3, 16],
    ]);
    expect(findings.map((f) => f.message).join('\n')).toContain(
      'The 6-month notice for the June 2020 SEC Release (with cut-off dates and scope) was due on Wednesday 25 December 2019, Christmas Day (the last Working Day before is Tuesday 24 December)',
    );
    const [soon] = await run(scopeNotices, withScope({ 'releases/2020-11.yaml': rel('2020-11') }), '2019-10-15');
    expect(soon).toMatchObject({ severity: 'warning', release: '2020-11' });
  });
});

describe('COM-3 the notice of imminent go-live 1 month before', () => {
  it('passes a notice recorded in time', async () => {
    expect(await run(goLiveNotice, withScope({ 'releases/2020-06.yaml': rel('2020-06', 'notices:\n  oneMonth: 2020-05-22\n') }), '2020-06-01')).toEqual([]);
  });

  it('warns within 30 days of it, and is an error once it is overdue', async () => {
    expect((await run(goLiveNotice, withScope({ 'releases/2020-06.yaml': rel('2020-06') }), '2020-05-01'))[0]).toMatchObject({
      rule: 'COM-3',
      severity: 'warning',
    });
    const [f] = await run(goLiveNotice, withScope({ 'releases/2020-06.yaml': rel('2020-06') }), '2020-06-01');
    expect(f).toMatchObject({ severity: 'error' });
    expect(f!.message).toContain(
      'The 1-month notice for the June 2020 SEC Release (of imminent go-live) was due on Monday 25 May 2020, Spring bank holiday (the last Working Day before is Friday 22 May)',
    );
  });
});
