// Preloaded (`node -r bench/peak-rss.cjs …`) into the one run of each case that measures memory: writes the
// process's peak resident set size, in kilobytes, to the file SECREL_BENCH_RSS names. Works wherever Node
// does (no GNU time needed), and the timed runs go without it.
'use strict';
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  if (process.env.SECREL_BENCH_RSS) writeFileSync(process.env.SECREL_BENCH_RSS, String(process.resourceUsage().maxRSS));
});
