// Every command secrel has, in the order `secrel --help` lists them.
import type { Command } from 'commander';
import type { Run } from '../program.js';
import { defineValidate } from './validate.js';

export type DefineCommand = (program: Command, run: Run) => Command;

export const COMMANDS: readonly DefineCommand[] = [defineValidate];
