// The secrel action's step (action.yml): runs one secrel command on the release repository and reports
// it three ways: workflow annotations on standard output, a Markdown job summary appended to
// $GITHUB_STEP_SUMMARY, and `errors`/`warnings` in $GITHUB_OUTPUT. Exits with secrel's exit code.
// `report pr` instead writes the pull-request comment: to the log, the job summary, and a file whose path
// is the `report` output (for a later step to post); its counts are the findings the branch adds.
// Inputs come as INPUT_COMMAND, INPUT_AS_OF, INPUT_REPO and INPUT_BASE (action.yml maps them).
import { spawnSync } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'secrel.js');
const COMMANDS = new Map([
  ['validate', ['validate']],
  ['check', ['check']],
  ['render --check', ['render', '--check']],
  ['report pr', ['report', 'pr']],
]);

const env = process.env;
const command = (env.INPUT_COMMAND ?? '').trim().replace(/\s+/g, ' ');
if (command === '') process.exit(0); // install only: `secrel` is on PATH for later steps

const argv = COMMANDS.get(command);
if (!argv) {
  process.stderr.write(
    `secrel action: command "${command}" is not one it runs; use one of: ${[...COMMANDS.keys()].join(', ')} (or leave it empty to install only)\n`,
  );
  process.exit(2);
}
const common = ['--repo', env.INPUT_REPO || '.', ...(env.INPUT_AS_OF ? ['--as-of', env.INPUT_AS_OF] : [])];

if (argv[0] === 'report') reportPr();

function secrel(format, extra = []) {
  const r = spawnSync(process.execPath, [BIN, ...argv, ...common, ...extra, '--format', format], { encoding: 'utf8', env: { ...env, NO_COLOR: '1' } });
  if (r.error) throw r.error;
  return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? 2 };
}

// 1. Annotations: GitHub reads them from the step's standard output. Its exit code is the step's.
const annotated = secrel('github');
process.stdout.write(annotated.stdout);
process.stderr.write(annotated.stderr);
if (annotated.status === 2) process.exit(2); // bad usage: secrel said why on stderr

// 2. The counts, from the JSON report.
const json = JSON.parse(secrel('json').stdout);
const counts = argv[0] === 'render' ? { errors: json.outOfDate, warnings: 0 } : { errors: json.summary.errors, warnings: json.summary.warnings };

// 3. The job summary: secrel's Markdown report; for render --check, the stale documents.
const summary = argv[0] === 'render' ? renderSummary(json) : secrel('markdown').stdout;

if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `${summary}\n`);
if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, `errors=${counts.errors}\nwarnings=${counts.warnings}\n`);
process.exit(annotated.status);

/** `report pr`: the comment against the base (the `base` input, else the pull request's target branch). */
function reportPr() {
  const base = env.INPUT_BASE || (env.GITHUB_BASE_REF ? `origin/${env.GITHUB_BASE_REF}` : '');
  if (!base) {
    process.stderr.write(
      'secrel action: report pr needs the revision to compare with: set the `base` input (e.g. origin/main), or run it on a pull_request event\n',
    );
    process.exit(2);
  }
  const md = secrel('markdown', ['--base', base]);
  process.stderr.write(md.stderr);
  if (md.status === 2) process.exit(2);
  process.stdout.write(md.stdout);
  const found = JSON.parse(secrel('json', ['--base', base]).stdout).findings.summary;
  const file = join(env.RUNNER_TEMP || tmpdir(), 'secrel-report-pr.md');
  writeFileSync(file, md.stdout);
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `${md.stdout}\n`);
  if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, `errors=${found.errors}\nwarnings=${found.warnings}\nreport=${file}\n`);
  process.exit(md.status);
}

function renderSummary(report) {
  const stale = report.files.filter((f) => f.state !== 'unchanged');
  const lines = ['## secrel render --check', ''];
  if (stale.length === 0) {
    lines.push(`${report.files.length} documents in \`${report.outDir || '.'}\` up to date.`, '');
    return lines.join('\n');
  }
  lines.push(
    `❌ ${stale.length} of ${report.files.length} documents in \`${report.outDir || '.'}\` stale or missing: run \`secrel render\` and commit the result.`,
    '',
  );
  lines.push('| Document | State |', '| --- | --- |');
  for (const f of stale) lines.push(`| \`${f.path.replace(/[|`<>]/g, '_')}\` | ${f.state} |`);
  lines.push('');
  return lines.join('\n');
}
