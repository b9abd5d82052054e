// Reads a repository's template overrides: every `*.hbs` under its template folder, named by its path
// relative to that folder, so `templates/rid.md.hbs` replaces the built-in `rid.md` and nothing else.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { TemplateFile } from './engine.js';

/** Override templates in `dir` (absolute); an absent folder means none. `display` shows a path to the user. */
export async function readOverrides(dir: string, display: (absolutePath: string) => string): Promise<TemplateFile[]> {
  const paths: string[] = [];
  const walk = async (d: string): Promise<void> => {
    const entries = await readdir(d, { withFileTypes: true }).catch(() => []);
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(d, e.name);
      if (e.isDirectory()) await walk(path);
      else if (e.isFile() && e.name.endsWith('.hbs')) paths.push(path);
    }
  };
  await walk(dir);
  return Promise.all(
    paths.map(async (path) => ({
      name: relative(dir, path)
        .split(sep)
        .join('/')
        .replace(/\.hbs$/, ''),
      file: display(path),
      source: (await readFile(path, 'utf8')).replace(/\r\n?/g, '\n'),
    })),
  );
}
