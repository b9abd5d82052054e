// Runs `secrel schemas`: without --out, where the installed package's schemas are (for editor settings);
// with --out DIR, the bundled schemas written into DIR, only those whose bytes differ, atomically.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { writeFilesAtomic } from '../../repo/atomic.js';
import { schemaFiles } from '../../init/scaffold.js';
import type { SchemasOptions } from '../commands/schemas.js';
import type { Context } from '../context.js';
import { VERSION } from '../program.js';
import { plural } from '../report/findings.js';

type State = 'created' | 'updated' | 'unchanged';

export async function action(ctx: Context, opts: SchemasOptions): Promise<number> {
  const files = schemaFiles();
  if (opts.out === undefined)
    return where(
      ctx,
      files.map((f) => f.file),
    );
  const dir = resolve(ctx.io.cwd, opts.out);
  const states = await Promise.all(
    files.map(async (f): Promise<State> => {
      const now = await readFile(join(dir, f.file), 'utf8').catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return undefined;
        throw err;
      });
      return now === undefined ? 'created' : now === f.content ? 'unchanged' : 'updated';
    }),
  );
  const writes = files.flatMap((f, i) => (states[i] === 'unchanged' ? [] : [{ path: join(dir, f.file), data: f.content }]));
  await writeFilesAtomic(writes, { createFolders: true });
  const shown = (file: string) => relative(ctx.io.cwd, file).split('\\').join('/') || '.';
  if (ctx.format === 'json') {
    ctx.io.stdout(
      `${JSON.stringify({ version: VERSION, out: shown(dir), files: files.map((f, i) => ({ path: shown(join(dir, f.file)), state: states[i] })) }, null, 2)}\n`,
    );
    return 0;
  }
  const lines = files.flatMap((f, i) => (states[i] === 'unchanged' ? [] : [`${states[i] === 'created' ? 'wrote  ' : 'updated'} ${shown(join(dir, f.file))}`]));
  const up = states.filter((s) => s === 'unchanged').length;
  lines.push(
    writes.length === 0
      ? `${plural(files.length, 'schema')} in ${shown(dir)} already match secrel ${VERSION}: nothing written`
      : `${plural(files.length, 'schema')} of secrel ${VERSION} in ${shown(dir)}: ${writes.length} written, ${up} unchanged`,
  );
  ctx.io.stdout(`${lines.join('\n')}\n`);
  return 0;
}

/** The installed package's schemas folder: what an editor setting or a `$schema=` line can point at. */
function where(ctx: Context, names: readonly string[]): number {
  // The bundle is dist/main.js; the package's schemas/ folder is beside dist/ (package.json "files").
  const dir = resolve(__dirname, '..', 'schemas');
  const present = existsSync(dir);
  if (ctx.format === 'json') {
    ctx.io.stdout(`${JSON.stringify({ version: VERSION, dir: present ? dir : null, files: names }, null, 2)}\n`);
    return 0;
  }
  const head = present
    ? `The JSON Schemas of secrel ${VERSION} are in ${dir}:`
    : `This secrel (${VERSION}) has no schemas folder beside it (${dir}); its schemas are:`;
  ctx.io.stdout(`${head}\n${names.map((n) => `  ${n}`).join('\n')}\nCopy them into a repository with: secrel schemas --out .secrel/schemas\n`);
  return 0;
}
