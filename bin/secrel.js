#!/usr/bin/env node
// The secrel launcher: runs the bundled CLI and turns its result into the process exit code.
// CommonJS (bin/package.json): an ES module entry would start Node's ES loader, 5 to 8 ms of every run.
const { main } = require('../dist/main.js');

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`secrel: internal error: ${err?.stack ?? err}\n`);
    process.exitCode = 2;
  },
);
