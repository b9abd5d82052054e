// The benchmark's pure helpers: its medians, its growth verdict, its budget verdicts and what it prints.
// Nothing here is timed: speed is measured by `npm run bench` only.
import { describe, expect, it } from 'vitest';
import { checkBudgets } from '../../bench/budgets.mjs';
import { formatBudgets, formatRows } from '../../bench/format.mjs';
import { quoteDates } from '../../bench/peers.mjs';
import { growth, median, type Row } from '../../bench/stats.mjs';

const row = (key: string, ms: number, o: Partial<Row> = {}): Row => ({ key, name: key, median: ms, min: ms, max: ms, runs: 3, peakMb: 50, ...o });

describe('bench/stats.mjs', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });

  it('calls growth linear while the time per 1,000 modifications does not rise beyond the noise', () => {
    const points = (...ms: number[]) => [1000, 10000, 20000].map((n, i) => ({ n, row: row('validate:cold', ms[i]!) }));
    expect(growth(points(300, 1000, 2000)).linear).toBe(true);
    // 20,000 costs 8% more per 1,000 than 10,000: within the 10% tolerance.
    expect(growth(points(300, 1000, 2160)).linear).toBe(true);
    const rising = growth(points(300, 1000, 2600));
    expect(rising.linear).toBe(false);
    expect(rising.steps[1]).toMatchObject({ from: 10000, to: 20000, rising: true });
    // A widely spread measurement widens the tolerance: a 30% rise within a 40% spread is noise.
    const noisy = [
      { n: 10000, row: row('v', 1000) },
      { n: 20000, row: row('v', 2600, { min: 2000, max: 3040 }) },
    ];
    expect(growth(noisy).linear).toBe(true);
  });
});

describe('bench/budgets.mjs', () => {
  const example = [
    row('node', 100),
    row('validate:warm', 110),
    row('staged:warm', 140),
    row('check:warm', 150),
    row('plan:warm', 120),
    row('validate:cold', 139),
  ];
  const at = (validate: number, peak: number) => [
    row('validate:cold', validate, { peakMb: peak }),
    row('validate:changed', validate),
    row('ajv', 2 * validate),
  ];

  it('checks each goal of issue 16 against the figures, and says which it could not', () => {
    const results = checkBudgets({
      example,
      scale: new Map([
        [1000, at(300, 90)],
        [10000, at(1000, 200)],
        [20000, at(2000, 310)],
      ]),
    });
    const verdict = (start: string) => results.find((r) => r.what.startsWith(start))?.met;
    expect(verdict('example: validate, warm')).toBe(true);
    expect(verdict('example: validate --staged, warm')).toBe(false); // 1.4× > 1.3×
    expect(verdict('example: check, warm')).toBe(true); // exactly 1.5×
    expect(verdict('example: validate, cold')).toBe(true);
    expect(verdict('10,000 modifications: validate, warm cache (one file changed)')).toBe(false); // 2× < 3×
    expect(verdict('10,000 modifications: validate, cold')).toBe(true); // 2× ≥ 1.3×
    expect(verdict('validate: linear')).toBe(true);
    expect(verdict('20,000 modifications: validate peak RSS')).toBe(false); // 310 MB
    // check, plan and the renders were not measured here: "not run", never met.
    expect(verdict('check: linear')).toBeUndefined();
    expect(verdict('20,000 modifications: render site peak RSS')).toBeUndefined();
    expect(results.filter((r) => r.met === undefined).every((r) => r.value.length > 0)).toBe(true);
  });

  it('with no example and no sizes, runs no budget', () => {
    expect(checkBudgets({ example: undefined, scale: new Map() }).every((r) => r.met === undefined)).toBe(true);
  });

  it('a rise is a miss even when only part of the range was measured', () => {
    const results = checkBudgets({
      example: undefined,
      scale: new Map([
        [5000, at(1000, 100)],
        [10000, at(3000, 100)],
      ]),
    });
    expect(results.find((r) => r.what.startsWith('validate: linear'))?.met).toBe(false);
  });
});

describe('bench/format.mjs', () => {
  it('prints each row with its ratio to each reference present, and each budget with its verdict', () => {
    const base = row('node', 50);
    const lines = formatRows(
      [base, row('validate:cold', 75)],
      [
        { label: 'node -e 0', row: base },
        { label: 'ajv-cli', row: undefined },
      ],
    );
    expect(lines[0]).toMatch(/case\s+median\s+min–max\s+peak RSS\s+÷ node -e 0$/);
    expect(lines[2]).toMatch(/^ {2}validate:cold\s+75 ms\s+75–75\s+50 MB\s+1\.50×$/);
    const budgets = formatBudgets([
      { what: 'a', value: '1', met: true },
      { what: 'b', value: '2', met: false },
      { what: 'c', value: 'why', met: undefined },
    ]);
    expect(budgets.map((l) => l.trim().split(/\s+/)[0])).toEqual(['met', 'MISSED', 'not']);
  });
});

describe('bench/peers.mjs', () => {
  it('quotes bare dates for ajv-cli (YAML 1.1), and nothing else', () => {
    expect(quoteDates('a: 2020-01-17\n  - 2020-01-17\n  - { date: 2020-01-17, x: 1 }\nb: 2020-01-17 # note\n')).toBe(
      'a: "2020-01-17"\n  - "2020-01-17"\n  - { date: "2020-01-17", x: 1 }\nb: "2020-01-17" # note\n',
    );
    const untouched = 'release: 2020-11\nreason: >-\n  moved on 2020-01-17 at the Panel\nquoted: "2020-01-17"\n';
    expect(quoteDates(untouched)).toBe(untouched);
  });
});
