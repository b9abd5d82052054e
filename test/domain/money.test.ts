// Exact money: pounds to integer pence without drift, and the £1,180,042 form.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakdownPence, formatMoney, toPence } from '../../src/domain/money.js';

describe('money', () => {
  it.each([
    [0, 0],
    [1, 100],
    [1200.5, 120050],
    [0.1, 10],
    [0.07, 7],
    [1180042, 118004200],
    [19.99, 1999],
  ])('toPence(%s) = %s', (pounds, pence) => {
    expect(toPence(pounds)).toBe(pence);
  });

  it.each([
    [0, '£0'],
    [118004200, '£1,180,042'],
    [120050, '£1,200.50'],
    [5, '£0.05'],
    [-6000000, '-£60,000'],
    [100000, '£1,000'],
  ])('formatMoney(%s) = %s', (pence, text) => {
    expect(formatMoney(pence)).toBe(text);
  });

  it('sums a breakdown exactly: the June 2020 RID adds up to £1,180,042', () => {
    const forecast = { designBuildPit: 1017918, sit: 123634, uit: 15288, implementToLive: 23202, oneOffOperational: 0, ongoingOperational: 0, total: 1 };
    expect(formatMoney(breakdownPence(forecast))).toBe('£1,180,042');
  });

  it('round-trips every amount in pence written as pounds with two decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (pence) => {
        expect(toPence(Number((pence / 100).toFixed(2)))).toBe(pence);
      }),
    );
  });
});
