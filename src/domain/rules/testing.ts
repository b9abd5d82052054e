// Testing rule: every System Release needs a TAD, to the TAG 9 months and published 6 months before go-live (TST-1).
import type { Rule } from './context.js';
import { deadlineFindings } from './deadline.js';

export const testApproachDocument: Rule = {
  id: 'TST-1',
  title: 'the TAD goes to the TAG at least 9 months, and is published at least 6 months, before a System Release goes live',
  check: (ctx) => deadlineFindings(ctx, 'TST-1'),
};

export const TESTING_RULES: readonly Rule[] = [testApproachDocument];
