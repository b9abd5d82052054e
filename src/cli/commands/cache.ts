// `secrel cache clear`: removes the repository's incremental cache of parsed files (src/repo/cache.ts) and its run memo.
import type { Command } from 'commander';
import { examples, type Run } from '../program.js';

export function defineCache(program: Command, run: Run): Command {
  const cache = program
    .command('cache')
    .description('the incremental cache of parsed files (in .git/secrel/cache/ or node_modules/.cache/secrel/)')
    .addHelpText(
      'after',
      `
secrel keeps each file's parsed data and its own findings, keyed by the file's
version (its git blob id, or in the work tree its inode, size and change times),
so a run reads again only the files that changed; cross-file checks always run
on every file. A cache from another secrel build, or a damaged one, is ignored
and rewritten. --no-cache on any command reads every file afresh.

The same folder keeps the run memo: validate, check and plan run again exactly
as before, with none of the files they read changed, print what they printed
last time without loading the rest of secrel. \`cache clear\` removes it too.
`,
    );
  cache
    .command('clear')
    .description('remove the cache of this repository')
    .addHelpText('after', examples(['secrel cache clear', 'secrel cache clear --repo fixtures/sec-2020']))
    .action((_opts: unknown, cmd: Command) => run<void>(cmd, () => import('../actions/cache-clear.js'), undefined, ['text']));
  return cache;
}
