// The list of files secrel wrote into an output folder, by target (`.secrel-outputs.json`), so that a
// file nothing renders any more (the page of a deleted modification) is removed by `render` and reported
// by `render --check`, instead of staying published. Files secrel did not write are never touched.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const MANIFEST = '.secrel-outputs.json';

export type Manifest = Record<string, string[]>;

/** The manifest of `outDir`; empty when there is none or it is not secrel's (nothing is then removed). */
export async function readManifest(outDir: string): Promise<Manifest> {
  try {
    const data = JSON.parse(await readFile(join(outDir, MANIFEST), 'utf8')) as { files?: unknown };
    const files = data.files;
    if (!files || typeof files !== 'object' || Array.isArray(files)) return {};
    const out: Manifest = {};
    for (const [target, paths] of Object.entries(files)) {
      if (Array.isArray(paths)) out[target] = paths.filter((p): p is string => typeof p === 'string' && !p.split('/').includes('..'));
    }
    return out;
  } catch {
    return {};
  }
}

export function manifestText(m: Manifest): string {
  const files = Object.fromEntries(
    Object.keys(m)
      .sort()
      .map((t) => [t, [...new Set(m[t])].sort()]),
  );
  return `${JSON.stringify({ generator: 'secrel', note: 'the files secrel render wrote here; do not edit', files }, null, 2)}\n`;
}
