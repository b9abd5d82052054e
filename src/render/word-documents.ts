// Which Markdown documents get their Word document beside them: every one with `--docx`; without it, each
// whose .docx secrel wrote into the output folder before (its manifest lists it) and that is still there.
// So a render without --docx (a CI job) keeps those up to date and `render --check` compares them, rather
// than leave a Word document saying less than its Markdown. A .docx no manifest lists is never touched.
import { lstat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { readManifest } from './manifest.js';
import type { OutputFile } from './targets.js';

type Targeted = OutputFile & { target?: string };

/** The path of `f`'s Word document, when `f` is a Markdown document that has one made for it. */
export function wordPath(f: OutputFile): string | undefined {
  if (f.document === undefined || typeof f.content !== 'string' || !f.path.endsWith('.md') || f.wordIncluded) return undefined;
  return `${f.path.slice(0, -'.md'.length)}.docx`;
}

/**
 * `files`, each Markdown document followed by its Word document (under the same target, so the manifest
 * lists it) when `all` (`--docx`), or when the manifest of `outDir` lists that .docx and it is a file
 * there. An `outDir` that rejects (a folder that may not be written, reported by the caller) lists none.
 */
export function withWordDocuments(files: Iterable<Targeted> | AsyncIterable<Targeted>, outDir: Promise<string>, all: boolean): AsyncGenerator<Targeted> {
  // Asked for now, so that a rejection is handled even if the documents are never asked for.
  const written = outDir.then(
    (dir) => (all ? undefined : wordWritten(dir)),
    () => undefined,
  );
  return interleave(files, all, written);
}

interface Written {
  dir: string;
  paths: ReadonlySet<string>;
}

async function wordWritten(dir: string): Promise<Written | undefined> {
  const paths = new Set(
    Object.values(await readManifest(dir))
      .flat()
      .filter((p) => p.endsWith('.docx')),
  );
  return paths.size > 0 ? { dir, paths } : undefined;
}

async function* interleave(files: Iterable<Targeted> | AsyncIterable<Targeted>, all: boolean, pending: Promise<Written | undefined>) {
  const written = await pending;
  const wanted = async (path: string) => all || (written !== undefined && written.paths.has(path) && (await isFile(resolve(written.dir, path))));
  // No Word document to make: the documents as they come, without loading docx.
  if (!all && written === undefined) return yield* files;
  // Loaded before the first document, as --docx always did (see heap-growth.ts).
  const { docxOutputs } = await import('./docx/outputs.js');
  for await (const f of files) {
    yield f;
    const path = wordPath(f);
    if (path === undefined || !(await wanted(path))) continue;
    for (const d of await docxOutputs([f])) yield f.target === undefined ? d : { ...d, target: f.target };
  }
}

const isFile = (file: string) =>
  lstat(file).then(
    (s) => s.isFile(),
    () => false,
  );
