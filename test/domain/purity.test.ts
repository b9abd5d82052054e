// The domain stays pure: no clock, no environment, no I/O, so answers are the same under any TZ.
// The linter enforces it (eslint.config.js, run by `npm run lint`); these tests prove it rejects each kind.
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function rulesBroken(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const IMPURE: [string, string][] = [
  ["import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'no-restricted-imports'],
  ["import { readFileSync } from 'fs';\nexport const x = readFileSync;\n", 'no-restricted-imports'],
  ["import { execSync } from 'child_process';\nexport const x = execSync;\n", 'no-restricted-imports'],
  ["import { execa } from 'execa';\nexport const x = execa;\n", 'no-restricted-imports'],
  ["import { loadRepository } from '../repo/load.js';\nexport const x = loadRepository;\n", 'no-restricted-imports'],
  ["import { main } from '../cli/main.js';\nexport const x = main;\n", 'no-restricted-imports'],
  ["export const x = (): void => console.log('hi');\n", 'no-console'],
  ['export const x = (): number => Date.now();\n', 'no-restricted-syntax'],
  ['export const x = (): Date => new Date();\n', 'no-restricted-syntax'],
  ['export const x = (): number => new Date(2020, 1, 1).getDate();\n', 'no-restricted-syntax'],
  ['export const x = (): string | undefined => process.env.TZ;\n', 'no-restricted-globals'],
  ["export const x = async (): Promise<unknown> => import('node:fs');\n", 'no-restricted-syntax'],
];

describe('the linter keeps src/domain pure', () => {
  it.each(IMPURE)('rejects %j', async (code, rule) => {
    expect(await rulesBroken(code, 'src/domain/snippet.ts')).toContain(rule);
  });

  it('accepts pure code, and a date built from its parts', async () => {
    const code =
      "import { isWorkingDay } from './working-days.js';\nexport const x = isWorkingDay;\nexport const d = (): Date => new Date(Date.UTC(2020, 0, 1));\n";
    expect(await rulesBroken(code, 'src/domain/snippet.ts')).toEqual([]);
  });

  it('lets the edges do I/O', async () => {
    expect(await rulesBroken("import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'src/repo/snippet.ts')).toEqual([]);
  });
});

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'generated' ? [] : sources(join(dir, e.name))) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('source files', () => {
  it.each(sources('src'))('%s says what it holds and stays small', (file) => {
    const lines = readFileSync(join(root, file), 'utf8').split('\n');
    expect(lines[0]).toMatch(/^\/\/ \S/);
    expect(lines.length).toBeLessThan(250);
  });
});
