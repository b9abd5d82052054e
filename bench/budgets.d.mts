// Types for bench/budgets.mjs, so a test (TypeScript) can check the budget evaluation.
import type { Row } from './stats.mjs';
export interface BudgetResult {
  what: string;
  value: string;
  /** undefined: this run did not measure it. */
  met: boolean | undefined;
}
export declare function checkBudgets(results: { example: Row[] | undefined; scale: Map<number, Row[]> }): BudgetResult[];
