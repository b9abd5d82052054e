// CST-1..4: cost breakdowns, stated totals in exact pence, the Forecast Release Cost and the actual cost report.
import { describe, expect, it } from 'vitest';
import { actualCostReport, costBreakdown, forecastCost, statedTotals } from '../../../src/domain/rules/costs.js';
import { mod, positionOf, rel, run, yaml, withScope } from './repo.js';

const FULL = 'costs:\n  dcc: { designBuildPit: 53572, sit: 26639, uit: 5929, implementToLive: 5510, oneOffOperational: 0, ongoingOperational: 0 }\n';
const system = (body = '', status = 'approved') => mod('MP1', `status: ${status}\nsystemImpact: true\nimplementation:\n  release: 2020-06\n${body}`);

describe('CST-1 a DCC cost breakdown for each system-impacting modification', () => {
  it('passes a full breakdown, and a targeted modification before the systems cut-off', async () => {
    expect(await run(costBreakdown, withScope({ 'modifications/MP1.yaml': system(FULL) }), '2020-01-17')).toEqual([]);
    expect(await run(costBreakdown, withScope({ 'modifications/MP1.yaml': system('', 'development') }), '2019-06-25')).toEqual([]);
  });

  it('warns when there is no breakdown, or a heading is missing', async () => {
    const [none] = await run(costBreakdown, withScope({ 'modifications/MP1.yaml': system() }), '2020-01-17');
    expect(none).toMatchObject({ rule: 'CST-1', severity: 'warning', release: '2020-06', line: 1, column: 1 });
    expect(none!.message).toContain('has no DCC cost breakdown: add costs.dcc');
    const partial = system('costs:\n  dcc: { designBuildPit: 1, sit: 2, uit: 3, implementToLive: 4 }\n');
    const [f] = await run(costBreakdown, withScope({ 'modifications/MP1.yaml': partial }), '2020-01-17');
    expect(f!.message).toContain('lacks oneOffOperational, ongoingOperational');
  });
});

describe('CST-2 stated totals equal the sum of their parts, to the penny', () => {
  const june = (costs: string) => ({ 'releases/2020-06.yaml': rel('2020-06', costs) });

  it('passes totals that add up, even where floating point would not (0.1 + 0.2 = 0.3)', async () => {
    expect(
      await run(statedTotals, withScope(june('costs:\n  forecast: { designBuildPit: 0.1, sit: 0.2, total: 0.3 }\n  statedTotal: 0.3\n')), '2020-01-17'),
    ).toEqual([]);
    expect(
      await run(
        statedTotals,
        withScope({ 'modifications/MP1.yaml': system(FULL.replace('ongoingOperational: 0', 'ongoingOperational: 0, total: 91650')) }),
        '2020-01-17',
      ),
    ).toEqual([]);
  });

  it('is an error at the stated total of the June 2020 RID, which states £1,120,042 for £1,180,042', async () => {
    const text = rel(
      '2020-06',
      yaml`
      costs:
        forecast:
          designBuildPit: 1017918
          sit: 123634
          uit: 15288
          implementToLive: 23202
          oneOffOperational: 0
          ongoingOperational: 0
        statedTotal: 1120042
    `,
    );
    const [f, ...rest] = await run(statedTotals, withScope({ 'releases/2020-06.yaml': text }), '2020-01-17');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'CST-2', severity: 'error', release: '2020-06', ...positionOf(text, '1120042') });
    expect(f!.message).toBe(
      "The RID's stated total (costs.statedTotal) is £1,120,042 but the breakdown (costs.forecast) sums to £1,180,042 (£60,000 more): correct the total or the breakdown",
    );
  });

  it("checks a modification's total and a release's forecast and actual totals", async () => {
    const modText = system('costs:\n  dcc: { designBuildPit: 100.5, sit: 0.25, total: 100.70 }\n');
    const [m] = await run(statedTotals, withScope({ 'modifications/MP1.yaml': modText }), '2020-01-17');
    expect(m!.message).toContain('is £100.70 but the breakdown (costs.dcc) sums to £100.75 (£0.05 more)');
    const findings = await run(statedTotals, withScope(june('costs:\n  forecast: { sit: 10, total: 11 }\n  actual: { sit: 10, total: 9 }\n')), '2020-01-17');
    expect(findings.map((f) => f.line)).toEqual([3, 4]);
  });
});

describe('CST-3 the Forecast Release Cost at the first baseline, 12 months before go-live', () => {
  it('passes a release with a forecast', async () => {
    expect(
      await run(forecastCost, withScope({ 'releases/2020-11.yaml': rel('2020-11', 'costs:\n  forecast: { sit: 1 }\n') }, { dcc: true }), '2020-01-17'),
    ).toEqual([]);
  });

  it('is an error once due with none recorded; a warning within 30 days', async () => {
    const [late] = await run(forecastCost, withScope({ 'releases/2020-11.yaml': rel('2020-11') }, { dcc: true }), '2020-01-17');
    expect(late).toMatchObject({ rule: 'CST-3', severity: 'error', release: '2020-11' });
    expect(late!.message).toContain('was due on 5 November 2019 and is not recorded: add it under costs.forecast');
    const [soon] = await run(forecastCost, withScope({ 'releases/2020-11.yaml': rel('2020-11') }, { dcc: true }), '2019-10-15');
    expect(soon).toMatchObject({ severity: 'warning' });
  });

  it('is due at the first baseline when the Panel made it before the 12-month point (found in a fresh-data trial)', async () => {
    const baselined = rel('2020-11', 'rid:\n  version: "1.0"\n  baselines:\n    - { version: "1.0", date: 2019-10-11, covers: systems }\n');
    const [overdue] = await run(forecastCost, withScope({ 'releases/2020-11.yaml': baselined }, { dcc: true }), '2019-10-15');
    expect(overdue).toMatchObject({ rule: 'CST-3', severity: 'error' });
    expect(overdue!.message).toContain('was due on 11 October 2019 and is not recorded');
    // A baseline recorded after as-of had not happened then: the 12-month point stands.
    const [soon] = await run(forecastCost, withScope({ 'releases/2020-11.yaml': baselined }, { dcc: true }), '2019-10-10');
    expect(soon).toMatchObject({ severity: 'warning' });
    expect(soon!.message).toContain('is due on 5 November 2019');
  });

  it('applies to documentation-only scope with a DCC Change Request alongside, listed in the release file or recorded naming it', async () => {
    const listed = rel('2020-11', 'changeRequests:\n  - { id: CR1057, title: CSP firmware }\n');
    const recorded = { 'change-requests/CR1057.yaml': 'id: CR1057\ntitle: CSP firmware\nreleases: [2020-11]\n' };
    for (const files of [{ 'releases/2020-11.yaml': listed }, { 'releases/2020-11.yaml': rel('2020-11'), ...recorded }]) {
      const [late] = await run(forecastCost, withScope(files), '2020-01-17');
      expect(late, JSON.stringify(files)).toMatchObject({ rule: 'CST-3', severity: 'error', release: '2020-11' });
    }
    // Without the Change Request, the DCC changes nothing and costs nothing.
    expect(await run(forecastCost, withScope({ 'releases/2020-11.yaml': rel('2020-11') }), '2020-01-17')).toEqual([]);
  });
});

describe('CST-4 the actual cost report within 3 months after go-live', () => {
  it('passes a report in time with the actual costs', async () => {
    const text = rel('2020-06', 'costs:\n  actual: { sit: 1 }\n  actualReported: 2020-09-01\n');
    expect(await run(actualCostReport, withScope({ 'releases/2020-06.yaml': text }, { dcc: true }), '2020-10-01')).toEqual([]);
  });

  it('is an error when overdue, and warns when the report is recorded without the costs', async () => {
    const [overdue] = await run(actualCostReport, withScope({ 'releases/2020-06.yaml': rel('2020-06') }, { dcc: true }), '2020-10-01');
    expect(overdue).toMatchObject({ rule: 'CST-4', severity: 'error' });
    expect(overdue!.message).toContain('was due on 25 September 2020');
    const text = rel('2020-06', 'costs:\n  actualReported: 2020-09-01\n');
    const [f] = await run(actualCostReport, withScope({ 'releases/2020-06.yaml': text }, { dcc: true }), '2020-10-01');
    expect(f).toMatchObject({ severity: 'warning', ...positionOf(text, '2020-09-01') });
  });
});
