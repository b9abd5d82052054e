// Word documents secrel wrote are never left silently out of date: once `render --docx` has written them
// into an output folder, a `render` without --docx (a CI job) rewrites them and `render --check` compares
// them, with advice that fixes what it lists; a .docx that secrel did not write is never touched.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, fixtureCopies, secrel } from '../helpers/cli.js';
import { paragraphs, readDocx } from '../helpers/docx.js';
import { tempGitRepo } from '../helpers/git.js';

const fixture = fixtureCopies();
const AS_OF = ['--as-of', '2020-09-01'];

function retitle(repo: string, title: string): void {
  const file = join(repo, 'modifications/DEMO001.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: ${title}`));
}

const wordText = (repo: string, path: string) =>
  paragraphs(readDocx(join(repo, 'out', path))['word/document.xml']!)
    .map((p) => p.text)
    .join('\n');

describe('Word documents an earlier render --docx wrote', () => {
  it('are rewritten by a render without --docx and compared by render --check, whose advice fixes them', async () => {
    const repo = fixture('minimal');
    expect((await secrel(['render', 'rid', '--docx', ...AS_OF], { cwd: repo })).exitCode).toBe(0);

    retitle(repo, 'Clarify the definition of a Business Day');
    const render = await secrel(['render', 'rid', ...AS_OF], { cwd: repo });
    expect(render.exitCode, render.stderr).toBe(0);
    expect(render.stdout).toBe(
      'wrote   out/rid/2021-02.docx\nwrote   out/rid/2021-02.html\nwrote   out/rid/2021-02.md\n3 files in out: 3 written, 0 unchanged',
    );
    expect(wordText(repo, 'rid/2021-02.docx')).toContain('Clarify the definition of a Business Day');
    const clean = await secrel(['render', 'rid', '--check', ...AS_OF], { cwd: repo });
    expect(clean.stdout).toMatch(/^\d+ files in out up to date$/);
    expect(clean.exitCode).toBe(0);

    retitle(repo, 'Clarify the definition of a Holiday');
    // Checked from elsewhere, as CI might: the advice, as written, fixes what it lists.
    const elsewhere = dirname(repo);
    const out = `${basename(repo)}/out`;
    const stale = await secrel(['render', 'rid', '--check', '--repo', repo, ...AS_OF], { cwd: elsewhere });
    expect(stale.exitCode).toBe(1);
    expect(stale.stdout).toBe(
      `stale   ${out}/rid/2021-02.docx\nstale   ${out}/rid/2021-02.html\nstale   ${out}/rid/2021-02.md\n` +
        `3 of 3 files in ${out} stale or missing: run \`secrel render rid --repo ${repo} --as-of 2020-09-01\` and commit the result`,
    );
    const advice = /run `secrel (.*)` and commit/.exec(stale.stdout)![1]!.split(' ');
    expect((await secrel(advice, { cwd: elsewhere })).exitCode).toBe(0);
    expect(wordText(repo, 'rid/2021-02.docx')).toContain('Clarify the definition of a Holiday');
    expect((await secrel(['render', 'rid', '--check', ...AS_OF], { cwd: repo })).exitCode).toBe(0);
  });

  it('are no longer made once the user deletes them; the others still are', async () => {
    const repo = fixture('minimal');
    expect((await secrel(['render', '--docx', ...AS_OF], { cwd: repo })).exitCode).toBe(0);
    rmSync(join(repo, 'out/rid/2021-02.docx'));
    retitle(repo, 'Clarify the definition of a Business Day');
    const render = await secrel(['render', ...AS_OF], { cwd: repo });
    expect(render.exitCode, render.stderr).toBe(0);
    expect(render.stdout).toContain('wrote   out/notices/2021-02/approval-DEMO001.docx\n');
    expect(render.stdout).not.toContain('rid/2021-02.docx');
    expect(wordText(repo, 'notices/2021-02/approval-DEMO001.docx')).toContain('Clarify the definition of a Business Day');
    expect(existsSync(join(repo, 'out/rid/2021-02.docx'))).toBe(false);
    const manifest = readFileSync(join(repo, 'out/.secrel-outputs.json'), 'utf8');
    expect(manifest).toContain('"notices/2021-02/approval-DEMO001.docx"');
    expect(manifest).not.toContain('rid/2021-02.docx');
  });

  it('are among the documents report pr finds stale on a branch that did not render, as render --check', async () => {
    const repo = await tempGitRepo();
    try {
      cpSync(join(FIXTURES, 'minimal'), repo.dir, { recursive: true });
      const run = async (...args: string[]) => (await secrel([...args, ...AS_OF], { cwd: repo.dir })).stdout;
      await run('render', '--docx');
      await repo.commit('documents rendered, with Word documents');
      retitle(repo.dir, 'Clarify the definition of a Business Day');
      await repo.commit('retitled, not rendered');
      const stale = () =>
        run('report', 'pr', '--base', 'HEAD~1', '--format', 'json').then((o) =>
          (JSON.parse(o) as { documents: { output: { stale: { path: string }[] } } }).documents.output.stale.map((f) => f.path),
        );
      expect(await stale()).toContain('out/rid/2021-02.docx');
      await run('render');
      expect(await stale()).toEqual([]);
    } finally {
      repo.cleanup();
    }
  });
});

describe('a .docx secrel did not write', () => {
  it('is never rewritten or removed by render, nor reported by render --check; --check --docx says to render with --docx', async () => {
    const repo = fixture('minimal');
    mkdirSync(join(repo, 'out/rid'), { recursive: true });
    writeFileSync(join(repo, 'out/rid/2021-02.docx'), 'my own notes');
    writeFileSync(join(repo, 'out/notes.docx'), 'my own notes');
    for (const args of [['render', 'rid'], ['render']]) {
      const r = await secrel([...args, ...AS_OF], { cwd: repo });
      expect(r.exitCode, r.stderr).toBe(0);
      expect(r.stdout).not.toContain('.docx');
    }
    const check = await secrel(['render', '--check', ...AS_OF], { cwd: repo });
    expect(check.stdout).toMatch(/^\d+ files in out up to date$/);
    expect(readFileSync(join(repo, 'out/rid/2021-02.docx'), 'utf8')).toBe('my own notes');
    expect(readFileSync(join(repo, 'out/notes.docx'), 'utf8')).toBe('my own notes');

    const word = await secrel(['render', 'rid', '--check', '--docx', ...AS_OF], { cwd: repo });
    expect(word.exitCode).toBe(1);
    expect(word.stdout).toBe(
      'stale   out/rid/2021-02.docx\n1 of 3 files in out stale or missing: run `secrel render rid --docx --as-of 2020-09-01` and commit the result',
    );
  });
});
