#!/usr/bin/env node
// The secrel launcher: answers the run from the run memo when it can (dist/replay.cjs, small), else runs
// the bundled CLI; turns the result into the process exit code.
// CommonJS (bin/package.json): an ES module entry would start Node's ES loader, 5 to 8 ms of every run.
const { replay } = require('../dist/replay.cjs');

const failed = (err) => {
  process.stderr.write(`secrel: internal error: ${err?.stack ?? err}\n`);
  process.exitCode = 2;
};

replay(process.argv).then((replayed) => {
  if (replayed !== undefined) {
    process.exitCode = replayed;
    return;
  }
  const { main } = require('../dist/main.js');
  main(process.argv).then((code) => {
    process.exitCode = code;
  }, failed);
}, failed);
