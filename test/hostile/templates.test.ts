// Template overrides that crashed or hung secrel (issue 14, points 2 and 3): each is a finding at the
// template's line with exit 1, and nothing is written. Nested loops are bounded while they run (block runs
// and characters), so the finding comes in a second or two, not after minutes and gigabytes.
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

const nestedOver = (list: string, n: number, body: string) => `${`{{#each ${list}}}`.repeat(n)}${body}${'{{/each}}'.repeat(n)}`;
const nested = (n: number) => `${'{{#each release.scope}}'.repeat(n)}x${'{{/each}}'.repeat(n)}\n`;

const CASES: [what: string, files: Record<string, string>, message: string][] = [
  [
    'an unknown decorator',
    { 'rid.md.hbs': 'a\n{{* nonsense}}\n' },
    'templates/rid.md.hbs:2:1: the decorator {{*nonsense}} is not available in secrel templates',
  ],
  [
    'a partial override that includes itself',
    { 'partials/rid-scope-item.md.hbs': 'x {{> rid-scope-item.md}}\n' },
    'templates/partials/rid-scope-item.md.hbs:1:3: the partial "rid-scope-item.md" includes itself',
  ],
  [
    'an inline partial that includes itself',
    { 'rid.md.hbs': '{{#*inline "loop"}}\n{{> loop}}\n{{/inline}}{{> loop}}\n' },
    'templates/rid.md.hbs:2:1: the partial "loop" includes itself',
  ],
  ['13 nested {{#each}}', { 'rid.md.hbs': nested(13) }, 'templates/rid.md.hbs:1:139: blocks are nested more than 6 levels deep'],
  [
    'two partials that include each other',
    { 'partials/loop-a.md.hbs': 'a {{> loop-b.md}}\n', 'partials/loop-b.md.hbs': 'b\n  {{> loop-a.md}}\n', 'rid.md.hbs': 'x\n{{> loop-a.md}}\n' },
    'templates/partials/loop-a.md.hbs:1:3: including "loop-b.md" leads back to "loop-a.md" (loop-a.md → loop-b.md → loop-a.md), so rendering would never end; break the cycle',
  ],
  [
    'two inline partials that include each other',
    { 'rid.md.hbs': '{{#*inline "p"}}{{> q}}{{/inline}}\n{{#*inline "q"}}{{> p}}{{/inline}}\n{{> p}}\n' },
    'templates/rid.md.hbs:1:17: including "q" leads back to "p" (p → q → p)',
  ],
  [
    'an override that closes a cycle through a built-in partial',
    { 'partials/rid-scope-item.md.hbs': 'x {{> rid-scope.md}}\n' },
    'templates/partials/rid-scope-item.md.hbs:1:3: including "rid-scope.md" leads back to "rid-scope-item.md" (rid-scope-item.md → rid-scope.md → rid-scope-item.md)',
  ],
  // Six levels over the view model's two dozen fields: 25^6 runs, minutes of work that renders nothing.
  [
    'six nested {{#each}} over the whole view model',
    { 'rid.md.hbs': `a\n${nestedOver('@root', 6, '')}\n` },
    'templates/rid.md.hbs:2:76: blocks run more than 2,000,000 times in one document (nested {{#each}} multiply); loop over less, or flatten the template',
  ],
  // Four levels that each add 2,000 characters: 780 million characters, more than a JavaScript string holds.
  [
    'four nested {{#each}} that add a page each time',
    { 'rid.md.hbs': `a\n${nestedOver('@root', 4, 'x'.repeat(2000))}\n` },
    'templates/rid.md.hbs:2:46: renders more than 20 million characters in one document (nested {{#each}} multiply); loop over less, or flatten the template',
  ],
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
