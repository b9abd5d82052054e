#!/usr/bin/env node
// The secrel launcher: runs the bundled CLI and turns its result into the process exit code.
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv);
