// `secrel validate` as users run it: on the example, with files, --staged, and each output format.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyFixture, FIXTURES, ROOT, secrel } from '../helpers/cli.js';
import { tempGitRepo, type TempRepo } from '../helpers/git.js';

const minimal = (file: string) => readFileSync(join(FIXTURES, 'minimal', file), 'utf8');

describe('secrel validate', () => {
  it('passes the example repository', async () => {
    const r = await secrel(['validate', '--repo', 'fixtures/sec-2020']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^\d+ files checked, no problems found$/);
    expect(r.stderr).toBe('');
  });

  it('prints one JSON document with findings and a summary', async () => {
    const r = await secrel(['validate', '--repo', 'fixtures/invalid/unknown-key', '--format', 'json']);
    expect(r.exitCode).toBe(1);
    const doc = JSON.parse(r.stdout) as { findings: unknown[]; summary: { errors: number; files: number } };
    expect(doc.summary).toMatchObject({ errors: 1, files: 1 });
    expect(doc.findings[0]).toMatchObject({ rule: 'SCHEMA', severity: 'error', file: 'modifications/DEMO001.yaml' });
  });

  it('prints GitHub annotations with escaped properties', async () => {
    const r = await secrel(['validate', '--repo', 'fixtures/invalid/unknown-key', '--format', 'github']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/^::error file=fixtures\/invalid\/unknown-key\/modifications\/DEMO001\.yaml,line=\d+,col=\d+,title=SCHEMA::unknown key `owner`/m);
  });

  it('reports only the files it is given, resolving references against the whole repository', async () => {
    const repo = join(ROOT, 'fixtures/invalid/unknown-release');
    const all = await secrel(['validate', '--format', 'json'], { cwd: repo });
    expect(all.exitCode).toBe(1);
    const other = await secrel(['validate', 'releases/2020-06.yaml', '--format', 'json'], { cwd: repo });
    const files = (JSON.parse(other.stdout) as { findings: { file: string }[] }).findings.map((f) => f.file);
    expect(files).not.toContain('modifications/DEMO001.yaml');
  });

  it('refuses a path that does not exist (exit 2), and says it skipped one that is not a secrel file', async () => {
    const repo = join(ROOT, 'fixtures/sec-2020');
    const missing = await secrel(['validate', 'modifications/MP999.yaml'], { cwd: repo });
    expect(missing.exitCode).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('secrel: modifications/MP999.yaml does not exist, so there is nothing to validate');
    const other = await secrel(['validate', 'modifications/MP078.yaml', '../../README.md'], { cwd: repo });
    expect(other.exitCode).toBe(0);
    expect(other.stderr).toBe('secrel: skipped ../../README.md: it is outside the repository');
    expect(other.stdout).toBe('1 file checked, no problems found');
    const folder = await secrel(['validate', 'modifications'], { cwd: repo });
    expect(folder.stdout).toBe('13 files checked, no problems found');
  });

  it('skips a file in the repository that is not a secrel file, saying which files are', async () => {
    const { dir, cleanup } = copyFixture('minimal');
    try {
      writeFileSync(join(dir, 'notes.yaml'), 'a: 1\n');
      const r = await secrel(['validate', 'notes.yaml'], { cwd: dir });
      expect(r.exitCode).toBe(0);
      expect(r.stderr).toContain(
        'secrel: skipped notes.yaml: it is not a secrel file (secrel files are the .yaml and .yml files directly in modifications/, releases/ and change-requests/, and secrel.config.yaml)',
      );
      mkdirSync(join(dir, 'modifications', 'old'));
      writeFileSync(join(dir, 'modifications', 'old', 'MP1.yml'), 'id: MP1\n');
      const sub = await secrel(['validate', 'modifications/old/MP1.yml'], { cwd: dir });
      expect(sub.stderr).toContain(
        'secrel: skipped modifications/old/MP1.yml: it is in a subfolder, and secrel reads only the files directly in modifications/',
      );
      expect(sub.stdout).toBe('no secrel file checked');
      // Nothing read is no all-clear.
      expect(r.stdout).toBe('no secrel file checked');
    } finally {
      cleanup();
    }
  });

  it('exits 2 with a hint on bad usage', async () => {
    const r = await secrel(['validate', '--repo', 'no/such/folder']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--repo no/such/folder: no such folder');
    const bad = await secrel(['validate', '--repo', 'fixtures/sec-2020', '--as-of', '2021-02-29']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('YYYY-MM-DD');
    const unknown = await secrel(['valdate']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('validate');
  });

  it('says where to start when run outside any repository', async () => {
    const r = await secrel(['validate'], { cwd: '/' });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('secrel init');
  });

  it('shows examples in --help', async () => {
    const r = await secrel(['validate', '--help']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('secrel validate --staged');
  });
});

describe('secrel validate --staged', () => {
  let repo: TempRepo | undefined;
  afterEach(() => repo?.cleanup());

  it('checks the index, not the work tree', async () => {
    repo = await tempGitRepo();
    repo.write('releases/2021-02.yaml', minimal('releases/2021-02.yaml'));
    repo.write('modifications/DEMO001.yaml', minimal('modifications/DEMO001.yaml'));
    await repo.commit('a valid repository');

    // A broken edit that is staged, then fixed in the work tree only: the commit would be broken.
    const good = minimal('modifications/DEMO001.yaml');
    repo.write('modifications/DEMO001.yaml', good.replace('status: implemented', 'status: aproved'));
    await repo.git('add', 'modifications/DEMO001.yaml');
    repo.write('modifications/DEMO001.yaml', good);

    const staged = await secrel(['validate', '--staged'], { cwd: repo.dir });
    expect(staged.exitCode).toBe(1);
    expect(staged.stdout).toContain('modifications/DEMO001.yaml:8:9');
    expect(staged.stdout).toContain('did you mean `approved`?');
    const tree = await secrel(['validate'], { cwd: repo.dir });
    expect(tree.exitCode).toBe(0);

    // And the other way round: fixed in the index, broken in the work tree.
    await repo.git('add', 'modifications/DEMO001.yaml');
    repo.write('modifications/DEMO001.yaml', good.replace('title:', 'titel:'));
    expect((await secrel(['validate', '--staged'], { cwd: repo.dir })).exitCode).toBe(0);
    expect((await secrel(['validate'], { cwd: repo.dir })).exitCode).toBe(1);
  });

  it('says a named file is not in the index, rather than not a secrel file', async () => {
    repo = await tempGitRepo();
    repo.write('releases/2021-02.yaml', minimal('releases/2021-02.yaml'));
    await repo.commit('a release');
    repo.write('modifications/DEMO001.yaml', minimal('modifications/DEMO001.yaml'));
    const r = await secrel(['validate', '--staged', 'modifications/DEMO001.yaml'], { cwd: repo.dir });
    expect(r.stderr).toBe(
      'secrel: skipped modifications/DEMO001.yaml: it is not in the git index (`git add` it first, or drop --staged to validate the work tree)',
    );
    expect((await secrel(['validate', 'modifications/DEMO001.yaml'], { cwd: repo.dir })).stderr).toBe('');
  });

  it('names a file left in a merge conflict once, in the index and in the work tree', async () => {
    repo = await tempGitRepo();
    const file = 'modifications/DEMO001.yaml';
    repo.write('releases/2021-02.yaml', minimal('releases/2021-02.yaml'));
    repo.write(file, minimal(file));
    await repo.commit('start');
    await repo.git('checkout', '-q', '-b', 'other');
    repo.write(file, minimal(file).replace(/^title: .*$/m, 'title: One title'));
    await repo.commit('one title');
    await repo.git('checkout', '-q', 'main');
    repo.write(file, minimal(file).replace(/^title: .*$/m, 'title: Another title'));
    await repo.commit('another title');
    await repo.git('merge', '-q', 'other').catch(() => undefined);
    const staged = await secrel(['validate', '--staged'], { cwd: repo.dir });
    expect(staged.exitCode).toBe(1);
    expect(staged.stdout).toContain(`${file}:1:1 error YAML\n    this file has a merge conflict in the git index: resolve it, then \`git add\` it`);
    expect(staged.stdout).not.toContain('already defined');
    const tree = await secrel(['validate'], { cwd: repo.dir });
    expect(tree.stdout).toContain('the file still has git merge-conflict markers');
    expect(tree.stdout).toContain('1 error');
  });

  it('reads a folder configured as ./mods/ from the index as from the work tree', async () => {
    repo = await tempGitRepo();
    repo.write('secrel.config.yaml', 'paths:\n  modifications: ./mods/\n');
    repo.write('releases/2021-02.yaml', minimal('releases/2021-02.yaml'));
    repo.write('mods/DEMO001.yaml', minimal('modifications/DEMO001.yaml').replace('status: implemented', 'status: aproved'));
    await repo.git('add', '-A');
    for (const args of [['validate'], ['validate', '--staged']]) {
      const r = await secrel(args, { cwd: repo.dir });
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toContain('mods/DEMO001.yaml:8:9');
    }
  });

  it('works on a repository in a sub-folder of the git work tree', async () => {
    repo = await tempGitRepo();
    repo.write('data/releases/2021-02.yaml', minimal('releases/2021-02.yaml'));
    repo.write('data/modifications/DEMO001.yaml', minimal('modifications/DEMO001.yaml').replace('title:', 'titel:'));
    await repo.git('add', '-A');
    const r = await secrel(['validate', '--staged', '--repo', 'data'], { cwd: repo.dir });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('data/modifications/DEMO001.yaml:');
  });

  it('explains that --staged needs git', async () => {
    const copy = copyFixture('minimal');
    try {
      const r = await secrel(['validate', '--staged'], { cwd: copy.dir });
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain('is not inside a git repository');
    } finally {
      copy.cleanup();
    }
  });
});
