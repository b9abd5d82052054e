// Exact money: pounds as the user wrote them become integer pence, so sums never drift (CST-2).
import type { DccCosts } from './model.js';

/** An amount in whole pence. Integers are exact in a double up to 2^53 pence (about £90 trillion). */
export type Pence = number;

// A decimal as YAML reads it back: whole pounds, or pounds and one or two decimals.
const DECIMAL = /^(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Pounds → pence without floating-point arithmetic: 1200.5 → 120050, 0.1 → 10. A value with more than two
 * decimals or in exponent form (which the schema's description rules out) is rounded to the nearest penny.
 */
export function toPence(pounds: number): Pence {
  const match = DECIMAL.exec(String(pounds));
  if (!match) return Math.round(pounds * 100);
  const whole = Number(match[1]);
  const fraction = match[2] === undefined ? 0 : Number(match[2].padEnd(2, '0'));
  return whole * 100 + fraction;
}

/** CST-2: an amount in pounds with at most two decimals (a third decimal is an error, never rounded). */
export function isWholePence(pounds: number): boolean {
  return DECIMAL.test(String(Math.abs(pounds)));
}

/** Sum of amounts in pence. */
export function sumPence(amounts: readonly Pence[]): Pence {
  let total = 0;
  for (const a of amounts) total += a;
  return total;
}

/** '£1,180,042' for whole pounds, '£1,200.50' otherwise; a negative amount gets a leading minus sign. */
export function formatMoney(pence: Pence): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(pence);
  const pounds = Math.floor(abs / 100);
  const pennies = abs - pounds * 100;
  const grouped = String(pounds).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}£${grouped}${pennies === 0 ? '' : `.${String(pennies).padStart(2, '0')}`}`;
}

/** The headings of a DCC cost breakdown (CST-1), in the order the RID lists them. */
export const COST_HEADINGS = [
  'designBuildPit',
  'sit',
  'uit',
  'implementToLive',
  'oneOffOperational',
  'ongoingOperational',
  'systemCapacityTesting',
] as const satisfies readonly (keyof DccCosts)[];

export type CostHeading = (typeof COST_HEADINGS)[number];

/** The six headings every breakdown needs; System Capacity Testing only "where applicable". */
export const REQUIRED_COST_HEADINGS: readonly CostHeading[] = COST_HEADINGS.filter((h) => h !== 'systemCapacityTesting');

/** The sum of a breakdown's headings (not its stated `total`), in pence. */
export function breakdownPence(costs: DccCosts): Pence {
  return sumPence(
    COST_HEADINGS.map((h) => costs[h])
      .filter((v): v is number => typeof v === 'number')
      .map(toPence),
  );
}
