// Actions stay thin and separate: the linter (eslint.config.js) refuses an action that imports another
// action, and any other module that imports an action statically (commands load theirs with import()).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function rulesBroken(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const CASES: { file: string; code: string; expected: string[] }[] = [
  { file: 'src/cli/actions/snippet.ts', code: "import { action } from './check.js';\nexport const x = action;\n", expected: ['no-restricted-imports'] },
  {
    file: 'src/cli/actions/snippet.ts',
    code: "import type { RidBumpOptions } from './rid-bump.js';\nexport type X = RidBumpOptions;\n",
    expected: ['no-restricted-imports'],
  },
  {
    file: 'src/cli/actions/snippet.ts',
    code: "import { action } from '../actions/check.js';\nexport const x = action;\n",
    expected: ['no-restricted-imports'],
  },
  { file: 'src/cli/report/snippet.ts', code: "import { action } from '../actions/check.js';\nexport const x = action;\n", expected: ['no-restricted-imports'] },
  { file: 'src/cli/snippet.ts', code: "import { action } from './actions/check.js';\nexport const x = action;\n", expected: ['no-restricted-imports'] },
  // What actions may import: the shared modules of src/cli, the domain, the edges, the command's options.
  { file: 'src/cli/actions/snippet.ts', code: "import { openForRid } from '../rid-files.js';\nexport const x = openForRid;\n", expected: [] },
  { file: 'src/cli/actions/snippet.ts', code: "import { decideBaseline } from '../../domain/baseline.js';\nexport const x = decideBaseline;\n", expected: [] },
  { file: 'src/cli/actions/snippet.ts', code: "import type { CheckOptions } from '../commands/check.js';\nexport type X = CheckOptions;\n", expected: [] },
  { file: 'src/cli/commands/snippet.ts', code: "export const load = (): Promise<unknown> => import('../actions/check.js');\n", expected: [] },
];

describe('the linter keeps actions apart', () => {
  it.each(CASES)('$file: $code', async ({ file, code, expected }) => {
    expect(await rulesBroken(code, file)).toEqual(expected);
  });
});
