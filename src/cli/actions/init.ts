// Runs `secrel init`: checks that none of the new files exist, then writes them all.
import { existsSync } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { formatWithWeekday, parseIsoDate } from '../../domain/dates.js';
import { uidDomainFor } from '../../domain/ics.js';
import { writeFilesAtomic } from '../../repo/atomic.js';
import { UsageError } from '../../repo/errors.js';
import { isInside, realLocation } from '../../repo/inside.js';
import { scaffold, type Scaffold } from '../../init/scaffold.js';
import { REPO_PLACEHOLDER, actionName } from '../../init/tooling-files.js';
import { codeOption } from '../code-option.js';
import type { InitOptions } from '../commands/init.js';
import type { Context } from '../context.js';
import { VERSION } from '../program.js';

const exists = (path: string) =>
  lstat(path).then(
    () => true,
    () => false,
  );

async function checkFolder(root: string, shown: string): Promise<void> {
  const info = await lstat(root).catch(() => undefined);
  if (info && !info.isDirectory()) throw new UsageError(`${shown} exists and is not a folder`, 'give the name of a new folder, or of an existing one');
}

/** Whether `dir` or a folder above it is a git work tree (so "git init" is not the next step). */
function insideGit(dir: string): boolean {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return true;
    if (dirname(d) === d) return false;
  }
}

/** A path as one shell word: as it is when safe, else in single quotes. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The report, naming the folder as the user typed it, so the `cd` line can be pasted back. */
function textReport(root: string, shown: string, made: Scaffold, repoKnown: boolean): string {
  const p = made.example.release.planned;
  const width = Math.max(...made.files.map((f) => f.path.length));
  const lines = [`Created a secrel repository in ${shown}:`];
  for (const f of made.files) lines.push(`  ${f.path.padEnd(width)}  ${f.purpose}`);
  lines.push('', `The ${p.name} goes live on ${formatWithWeekday(p.date)}; ${made.modification} targets it.`, '');
  if (!repoKnown) {
    lines.push(
      `.pre-commit-config.yaml and .github/workflows/secrel.yml name secrel's git repository as ${REPO_PLACEHOLDER}`,
      `and its action as ${actionName(undefined)}: replace them with where you installed secrel from (or run init with --secrel-repo URL).`,
      '',
    );
  }
  lines.push('Next:');
  if (shown !== '.') lines.push(`  cd ${shellWord(shown)}`);
  if (!insideGit(root)) lines.push('  git init');
  lines.push('  secrel validate', '  secrel plan', '');
  return lines.join('\n');
}

export async function action(ctx: Context, opts: InitOptions): Promise<number> {
  const dir = opts.dir ?? '.';
  const root = resolve(ctx.io.cwd, dir);
  // The example needs three years of calendar after the as-of date, and the calendar ends in 9999.
  if (parseIsoDate(ctx.asOf).year > 9990) throw new UsageError(`--as-of ${ctx.asOf} is too late for an example release`, 'give a date before 9991');
  const code = codeOption(opts.code) ?? 'sec';
  await checkFolder(root, dir);
  const { secrelRepo } = opts;
  if (secrelRepo !== undefined && !/^\S+$/.test(secrelRepo))
    throw new UsageError(`--secrel-repo ${JSON.stringify(secrelRepo)} is not a git URL`, 'give the URL you would pass to git clone');
  // The calendar's UID domain from the folder's name, written into the config so that it outlives a rename.
  const made = scaffold(ctx.asOf, VERSION, code, secrelRepo, uidDomainFor(undefined, basename(root)));
  const existing: string[] = [];
  for (const f of made.files) if (await exists(join(root, f.path))) existing.push(f.path);
  if (existing.length > 0) {
    throw new UsageError(
      `${dir} already has ${existing.join(', ')}; secrel init never overwrites a file, so it wrote nothing`,
      'run it in a new folder (secrel init NEW-FOLDER), or move those files away first',
    );
  }
  // A folder on the way that is a link out of the new repository (releases -> /elsewhere) is refused.
  const realRoot = await realLocation(root);
  for (const f of made.files) {
    const dirOf = dirname(join(root, f.path));
    const real = await realLocation(dirOf);
    if (!isInside(realRoot, real)) {
      throw new UsageError(
        `${dirname(f.path)} in ${dir} leads through a symbolic link to ${real}, outside the new repository; secrel init wrote nothing`,
        'remove the link, or run secrel init in another folder',
      );
    }
  }
  // All files or none; `exclusive` fails rather than overwrite a file that appeared since the check above.
  await writeFilesAtomic(
    made.files.map((f) => ({ path: join(root, f.path), data: f.content, exclusive: true })),
    { createFolders: true },
  );
  if (ctx.format === 'json') {
    const p = made.example.release.planned;
    const json = {
      root,
      release: { id: p.id, name: p.name, date: p.date, type: p.type },
      modification: made.modification,
      files: made.files.map((f) => f.path),
    };
    ctx.io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  } else ctx.io.stdout(textReport(root, dir, made, secrelRepo !== undefined));
  return 0;
}
