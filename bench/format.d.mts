// Types for bench/format.mjs, so a test (TypeScript) can check what the benchmark prints.
import type { BudgetResult } from './budgets.mjs';
import type { Row } from './stats.mjs';
export declare function formatRows(rows: Row[], refs: { label: string; row: Row | undefined }[]): string[];
export declare function formatBudgets(results: BudgetResult[]): string[];
