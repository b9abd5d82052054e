// `secrel plan`: the morning overview of every release in a window: dates, scope, next milestones, breaches.
import type { Command } from 'commander';
import { examples, type Run } from '../program.js';

export function definePlan(program: Command, run: Run): Command {
  return program
    .command('plan')
    .description('where each release stands: date, scope, next milestones (overdue ones marked) and its findings')
    .option('--release <id>', 'just this release, e.g. 2020-06')
    .option('--from <date>', 'first go-live date to show, YYYY-MM-DD (default: one month before --as-of)')
    .option('--to <date>', 'last go-live date to show, YYYY-MM-DD (default: 18 months after --as-of)')
    .addHelpText('after', examples([
      'secrel plan',
      'secrel plan --repo fixtures/sec-2020 --as-of 2020-01-17',
      'secrel plan --release 2020-06',
      'secrel plan --from 2020-01-01 --to 2020-12-31 --format json',
    ]) + `
Everything is as of --as-of (default today): days to go-live, what is overdue,
which deadlines are near. Errors and warnings are listed under each release,
infos counted (\`secrel check\` lists them). Exit 0 whatever the findings: use
\`secrel check\` as the gate in CI. Exit 2 on bad usage.
`)
    .action((opts: { release?: string; from?: string; to?: string }, cmd: Command) =>
      run(cmd, () => import('../actions/plan.js'), { ...opts }, ['text', 'json']));
}
