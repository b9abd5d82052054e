// Renders a fixture repository in-process (the view models and built-in templates), for the render tests.
import { join } from 'node:path';
import type { SecrelConfig } from '../../src/domain/model.js';
import { releaseView } from '../../src/domain/releases.js';
import { loadRepository } from '../../src/repo/load.js';
import { workTreeSource } from '../../src/repo/source.js';
import { createEngine } from '../../src/render/engine.js';
import { noticesTarget } from '../../src/render/notices-target.js';
import { ridTarget } from '../../src/render/rid-target.js';
import type { OutputFile } from '../../src/render/targets.js';
import { FIXTURES } from '../helpers/cli.js';

export async function renderFixture(name: string, releases: readonly string[]): Promise<Map<string, string>> {
  const root = join(FIXTURES, name);
  const repo = await loadRepository(root, workTreeSource(root));
  const views = releases.map((id) => releaseView(repo, id)!);
  const input = {
    model: repo,
    releases: views,
    documentTitles: (repo.configFile?.data as SecrelConfig | undefined)?.documentTitles ?? {},
    engine: createEngine(),
  };
  const files: OutputFile[] = [...ridTarget.render(input), ...noticesTarget.render(input)];
  return new Map(files.map((f) => [f.path, f.content as string]));
}

/** The rows of the first Markdown table after `heading`, cells split at unescaped pipes, separator row dropped. */
export function tableAfter(markdown: string, heading: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`no heading ${heading}`);
  let i = start + 1;
  while (i < lines.length && !lines[i]!.startsWith('|')) i++;
  const rows: string[][] = [];
  for (; i < lines.length && lines[i]!.startsWith('|'); i++) {
    const cells = lines[i]!.split(/(?<!\\)\|/)
      .slice(1, -1)
      .map((c) => c.trim());
    if (cells.every((c) => /^:?-+:?$/.test(c))) continue;
    rows.push(cells);
  }
  return rows;
}
