// Template overrides that crashed or hung secrel (issue 14, points 2 and 3): each is a finding at the
// template's line with exit 1, and nothing is written.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCopies } from '../helpers/cli.js';
import { secrelInProcess } from '../helpers/in-process.js';

const copy = fixtureCopies();

function repoWith(files: Record<string, string>): string {
  const dir = copy('minimal');
  mkdirSync(join(dir, 'templates', 'partials'), { recursive: true });
  for (const [name, source] of Object.entries(files)) writeFileSync(join(dir, 'templates', name), source);
  return dir;
}

const nested = (n: number) => `${'{{#each release.scope}}'.repeat(n)}x${'{{/each}}'.repeat(n)}\n`;

const CASES: [what: string, files: Record<string, string>, message: string][] = [
  ['an unknown decorator', { 'rid.md.hbs': 'a\n{{* nonsense}}\n' }, 'templates/rid.md.hbs:2:1: the decorator {{*nonsense}} is not available in secrel templates'],
  ['a partial override that includes itself', { 'partials/rid-scope-item.md.hbs': 'x {{> rid-scope-item.md}}\n' }, 'templates/partials/rid-scope-item.md.hbs:1:3: the partial "rid-scope-item.md" includes itself'],
  ['an inline partial that includes itself', { 'rid.md.hbs': '{{#*inline "loop"}}\n{{> loop}}\n{{/inline}}{{> loop}}\n' }, 'templates/rid.md.hbs:2:1: the partial "loop" includes itself'],
  ['13 nested {{#each}}', { 'rid.md.hbs': nested(13) }, 'templates/rid.md.hbs:1:139: blocks are nested more than 6 levels deep'],
];

describe('template overrides that crashed or hung', () => {
  it.each(CASES)('%s: exit 1 at its line, nothing written', async (_what, files, message) => {
    const dir = repoWith(files);
    const r = await secrelInProcess(['render', 'rid', '--repo', dir], { cwd: dir });
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toContain('internal error');
    expect(r.exitCode).toBe(1);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
