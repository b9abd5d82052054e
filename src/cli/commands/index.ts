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

export const COMMANDS: readonly DefineCommand[] = [
  defineInit,
  defineValidate,
  defineCheck,
  definePlan,
  defineSuggest,
  defineCalendar,
  defineImplDate,
  defineRid,
  defineRender,
  defineDiff,
  defineReport,
  defineSchemas,
  defineCache,
];
