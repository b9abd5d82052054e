// Every command secrel has, in the order `secrel --help` lists them.
import type { Command } from 'commander';
import type { Run } from '../program.js';
import { defineInit } from './init.js';
import { defineValidate } from './validate.js';
import { defineRender } from './render.js';
import { defineCalendar } from './calendar.js';
import { defineImplDate } from './impl-date.js';
import { defineCheck } from './check.js';
import { definePlan } from './plan.js';
import { defineSuggest } from './suggest.js';
import { defineRid } from './rid.js';
import { defineDiff } from './diff.js';
import { defineCache } from './cache.js';
import { defineSchemas } from './schemas.js';
import { defineReport } from './report.js';

export type DefineCommand = (program: Command, run: Run) => Command;

/** By the name a user types after `secrel` (and, for `--help`, in the order it lists them). */
export const COMMANDS: readonly (readonly [name: string, define: DefineCommand])[] = [
  ['init', defineInit],
  ['validate', defineValidate],
  ['check', defineCheck],
  ['plan', definePlan],
  ['suggest', defineSuggest],
  ['calendar', defineCalendar],
  ['impl-date', defineImplDate],
  ['rid', defineRid],
  ['render', defineRender],
  ['diff', defineDiff],
  ['report', defineReport],
  ['schemas', defineSchemas],
  ['cache', defineCache],
];
