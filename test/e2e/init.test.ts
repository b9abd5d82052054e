// `secrel init`, tried as a new user would: the new repository validates and plans cleanly, nothing is ever overwritten.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, secrel } from '../helpers/cli.js';

const scratch: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'secrel-init-'));
  scratch.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of scratch.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Every file under `dir`, relative and sorted. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === '.git') continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

const AS_OF = '2025-11-22';
const EXPECTED_FILES = [
  '.gitattributes',
  '.github/workflows/secrel.yml',
  '.pre-commit-config.yaml',
  '.secrel/schemas/change-request.schema.json',
  '.secrel/schemas/config.schema.json',
  '.secrel/schemas/modification.schema.json',
  '.secrel/schemas/release.schema.json',
  'modifications/EXAMPLE001.yaml',
  'releases/2027-02.yaml',
  'secrel.config.yaml',
];

describe('secrel init', () => {
  it('creates a repository that validates at once, as a new user runs it', async () => {
    const cwd = tempDir();
    // No --as-of anywhere: today, as for a new user.
    const made = await secrel(['init', 'sec-releases'], { cwd });
    expect(made.exitCode).toBe(0);
    expect(made.stderr).toBe('');
    expect(made.stdout).toContain('Created a secrel repository in sec-releases:');
    expect(made.stdout).toMatch(/^ {2}releases\/\d{4}-\d{2}\.yaml +the \w+ \d{4} SEC Release/m);
    expect(made.stdout).toMatch(/Next:\n {2}cd sec-releases\n {2}git init\n {2}secrel validate\n {2}secrel plan$/);

    const repo = join(cwd, 'sec-releases');
    expect(listFiles(repo)).toHaveLength(EXPECTED_FILES.length);
    await execa('git', ['init', '-q'], { cwd: repo });
    const validate = await secrel(['validate'], { cwd: repo });
    expect(validate).toMatchObject({ exitCode: 0, stderr: '' });
    expect(validate.stdout).toBe('3 files checked, no problems found');
    const plan = await secrel(['plan'], { cwd: repo });
    expect(plan).toMatchObject({ exitCode: 0, stderr: '' });
    expect(plan.stdout).toMatch(/EXAMPLE001 +Example documentation-only modification +targeted/);
    expect(plan.stdout).toMatch(/\d+ releases, no findings/);
    const check = await secrel(['check'], { cwd: repo });
    expect(check.stdout).toMatch(/^no problems found as of \d{4}-\d{2}-\d{2}$/);
    expect(check.exitCode).toBe(0);
  });

  it('lists what it made and what to run next', async () => {
    const cwd = tempDir();
    const made = await secrel(['init', 'sec-releases', '--as-of', AS_OF], { cwd });
    expect(made.stdout).toBe(
      [
        'Created a secrel repository in sec-releases:',
        '  secrel.config.yaml                          configuration: the release cycle, holidays, freezes, paths (the defaults), the calendar UID domain',
        '  releases/2027-02.yaml                       the February 2027 SEC Release, a Documentation Release',
        '  modifications/EXAMPLE001.yaml               an example modification targeting 2027-02',
        '  .secrel/schemas/change-request.schema.json  JSON Schema for change-request files, for editors (secrel 0.1.0)',
        '  .secrel/schemas/config.schema.json          JSON Schema for config files, for editors (secrel 0.1.0)',
        '  .secrel/schemas/modification.schema.json    JSON Schema for modification files, for editors (secrel 0.1.0)',
        '  .secrel/schemas/release.schema.json         JSON Schema for release files, for editors (secrel 0.1.0)',
        '  .gitattributes                              LF line endings everywhere (CRLF calendars and CSV left alone)',
        '  .pre-commit-config.yaml                     pre-commit hook: secrel validate on staged YAML',
        '  .github/workflows/secrel.yml                CI: checks on pull requests, RID bump and render on merge',
        '',
        'The February 2027 SEC Release goes live on Thursday 25 February 2027; EXAMPLE001 targets it.',
        '',
        ".pre-commit-config.yaml and .github/workflows/secrel.yml name secrel's git repository as SECREL_GIT_URL",
        'and its action as SECREL_OWNER/secrel: replace them with where you installed secrel from (or run init with --secrel-repo URL).',
        '',
        'Next:',
        '  cd sec-releases',
        '  git init',
        '  secrel validate',
        '  secrel plan',
      ].join('\n'),
    );
    expect(listFiles(join(cwd, 'sec-releases'))).toEqual(EXPECTED_FILES);
  });

  it('writes the calendar UID domain, from the folder name, into the config: a renamed clone keeps its UIDs', async () => {
    const cwd = tempDir();
    expect((await secrel(['init', 'Ofgem SEC Releases', '--as-of', AS_OF], { cwd })).exitCode).toBe(0);
    const repo = join(cwd, 'Ofgem SEC Releases');
    expect(readFileSync(join(repo, 'secrel.config.yaml'), 'utf8')).toContain('\ncalendar:\n  uidDomain: ofgem-sec-releases.secrel\n');
    expect(parse(readFileSync(join(repo, 'secrel.config.yaml'), 'utf8')).calendar).toEqual({ uidDomain: 'ofgem-sec-releases.secrel' });
    const moved = join(cwd, 'elsewhere');
    renameSync(repo, moved);
    const ics = await secrel(['calendar', '2027', '--repo', moved, '--ics', join(cwd, 'releases.ics')]);
    expect(ics.exitCode, ics.stderr).toBe(0);
    expect(readFileSync(join(cwd, 'releases.ics'), 'utf8')).toContain('UID:2027-02.go-live@ofgem-sec-releases.secrel');
    expect((await secrel(['validate', '--repo', moved])).exitCode).toBe(0);
  });

  it('picks the first release whose milestones are all ahead, and targets the modification at it', async () => {
    const cases: [string, string, string][] = [
      // as-of, example release, its fall-back
      ['2025-11-22', '2027-02', '2027-06'], // Feb 2027's 12-month notice (25 Feb 2026) is 95 days ahead
      ['2026-02-01', '2027-06', '2027-11'], // Feb 2027's notice would be due within a month: skip it
      ['2019-12-31', '2021-02', '2021-06'],
      ['2024-02-29', '2025-06', '2025-11'],
    ];
    for (const [asOf, release, fallback] of cases) {
      const dir = tempDir();
      const r = await secrel(['init', dir, '--as-of', asOf, '--format', 'json']);
      expect(r.exitCode, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ root: resolve(dir), release: { id: release }, modification: 'EXAMPLE001' });
      const mod = parse(readFileSync(join(dir, 'modifications/EXAMPLE001.yaml'), 'utf8'));
      expect(mod.implementation).toEqual({ release, fallback, addedToScope: asOf });
      const rel = parse(readFileSync(join(dir, `releases/${release}.yaml`), 'utf8'));
      expect(rel).toMatchObject({ id: release, status: 'planned' });
      const validate = await secrel(['validate', '--repo', dir]);
      expect(validate.exitCode, validate.stdout).toBe(0);
      const check = await secrel(['check', '--repo', dir, '--as-of', asOf]);
      expect(check.stdout).toBe(`no problems found as of ${asOf}`);
    }
  });

  it("names each YAML file's schema for editors, with copies of the shipped schemas beside them", async () => {
    const dir = tempDir();
    expect((await secrel(['init', dir, '--as-of', AS_OF])).exitCode).toBe(0);
    for (const file of ['secrel.config.yaml', 'releases/2027-02.yaml', 'modifications/EXAMPLE001.yaml']) {
      const first = readFileSync(join(dir, file), 'utf8').split('\n')[0]!;
      const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(match, file).not.toBeNull();
      const schema = resolve(dirname(join(dir, file)), match![1]!);
      expect(existsSync(schema), `${file} → ${schema}`).toBe(true);
    }
    for (const name of ['change-request', 'config', 'modification', 'release']) {
      const copy = readFileSync(join(dir, `.secrel/schemas/${name}.schema.json`), 'utf8');
      expect(copy).toBe(readFileSync(join(ROOT, `schemas/${name}.schema.json`), 'utf8'));
    }
  });

  it('keeps rendered documents byte for byte through git: a fresh clone passes render --check', async () => {
    // Found on a fresh repository: the register's CSV (CRLF, RFC 4180) was turned to LF by eol=lf, so
    // CI's clone always found it stale.
    const dir = tempDir();
    expect((await secrel(['init', dir, '--as-of', AS_OF])).exitCode).toBe(0);
    expect((await secrel(['render', 'all', '--repo', dir, '--as-of', AS_OF])).exitCode).toBe(0);
    const git = (args: string[], cwd = dir) =>
      execa('git', args, { cwd, env: { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
    await git(['init', '-q']);
    await git(['add', '-A']);
    await git(['commit', '-qm', 'rendered']);
    const clone = `${dir}-clone`;
    await git(['clone', '-q', dir, clone], tmpdir());
    try {
      const check = await secrel(['render', '--check', '--repo', clone, '--as-of', AS_OF]);
      expect(check.stdout + check.stderr).not.toContain('stale');
      expect(check.exitCode).toBe(0);
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });

  it('writes LF line endings, a pre-commit hook and a CI workflow that run secrel', async () => {
    const dir = tempDir();
    expect((await secrel(['init', dir, '--as-of', AS_OF])).exitCode).toBe(0);
    expect(readFileSync(join(dir, '.gitattributes'), 'utf8')).toMatch(/^\* text=auto eol=lf$/m);
    // The hooks come from secrel's git repository at this version's tag (.pre-commit-hooks.yaml there).
    const preCommit = parse(readFileSync(join(dir, '.pre-commit-config.yaml'), 'utf8'));
    expect(preCommit.repos).toEqual([
      { repo: 'SECREL_GIT_URL', rev: 'v0.1.0', hooks: [{ id: 'secrel-validate' }, { id: 'secrel-check', stages: ['manual'] }] },
    ]);
    const published = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string }[];
    expect(published.map((h) => h.id)).toEqual(['secrel-validate', 'secrel-check']);
    const ci = parse(readFileSync(join(dir, '.github/workflows/secrel.yml'), 'utf8'));
    const runs = (job: { steps: { run?: string }[] }) => job.steps.map((s) => s.run ?? '').join('\n');
    // The pull-request job runs secrel through its action (action.yml), one step per command.
    const actionSteps = (job: { steps: { uses?: string; with?: { command?: string } }[] }) =>
      job.steps.filter((s) => s.uses?.startsWith('SECREL_OWNER/secrel@')).map((s) => `${s.uses} ${s.with?.command}`);
    expect(actionSteps(ci.jobs['pull-request'])).toEqual(['validate', 'check', 'render --check'].map((c) => `SECREL_OWNER/secrel@v0.1.0 ${c}`));
    expect(actionSteps(ci.jobs.merge)).toEqual(['SECREL_OWNER/secrel@v0.1.0 ']);
    expect(ci.jobs.merge.steps[0].with['fetch-depth']).toBe(0);
    expect(runs(ci.jobs.merge)).toContain('secrel rid bump');
  });

  it('names the git repository given with --secrel-repo, and says to replace the placeholder without it', async () => {
    const dir = tempDir();
    const withUrl = await secrel(['init', dir, '--as-of', AS_OF, '--secrel-repo', 'https://git.example.invalid/tools/secrel.git']);
    expect(withUrl.stdout).not.toContain('SECREL_GIT_URL');
    expect(parse(readFileSync(join(dir, '.pre-commit-config.yaml'), 'utf8')).repos[0].repo).toBe('https://git.example.invalid/tools/secrel.git');
    expect(readFileSync(join(dir, '.github/workflows/secrel.yml'), 'utf8')).toContain('uses: tools/secrel@v0.1.0');
    const without = await secrel(['init', tempDir(), '--as-of', AS_OF]);
    expect(without.stdout).toContain(
      "name secrel's git repository as SECREL_GIT_URL\nand its action as SECREL_OWNER/secrel: replace them with where you installed secrel from (or run init with --secrel-repo URL).",
    );
    const bad = await secrel(['init', tempDir(), '--secrel-repo', 'two words']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('is not a git URL');
  });

  it('writes the pre-commit and CI configuration the README shows (comments aside)', async () => {
    const dir = tempDir();
    await secrel(['init', dir, '--as-of', AS_OF]);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1]!));
    const preCommit = parse(readFileSync(join(dir, '.pre-commit-config.yaml'), 'utf8'));
    expect(blocks).toContainEqual(preCommit);
    const ci = parse(readFileSync(join(dir, '.github/workflows/secrel.yml'), 'utf8'));
    // Step names and comments may differ; what runs, and how, must not.
    const runs = (job: { steps: { name?: string }[] }) => ({ ...job, steps: job.steps.map(({ name: _name, ...step }) => step) });
    for (const job of ['pull-request', 'merge']) {
      expect(blocks.filter((b) => b && typeof b === 'object' && job in b).map((b) => runs(b[job]))).toEqual([runs(ci.jobs[job])]);
    }
  });

  it('keeps the commented examples valid: uncommenting them gives a valid release', async () => {
    const dir = tempDir();
    await secrel(['init', dir, '--as-of', '2026-03-01']);
    const file = join(dir, 'releases/2027-06.yaml');
    const text = readFileSync(file, 'utf8');
    const examples = text.slice(text.indexOf('# Record what happens'));
    const uncommented = examples
      .split('\n')
      .slice(1)
      .map((l) => l.replace(/^# /, ''))
      .join('\n');
    writeFileSync(file, text.replace(examples, uncommented));
    const validate = await secrel(['validate', '--repo', dir]);
    expect(validate.stdout).toBe('3 files checked, no problems found');
  });

  it('gives the same bytes for the same as-of date and folder name, whatever the time zone', async () => {
    // The same folder name: the config's calendar UID domain is made from it.
    const a = join(tempDir(), 'sec-releases');
    const b = join(tempDir(), 'sec-releases');
    await secrel(['init', a, '--as-of', AS_OF], { env: { TZ: 'Pacific/Kiritimati' } });
    await secrel(['init', b, '--as-of', AS_OF], { env: { TZ: 'America/Sao_Paulo' } });
    for (const f of EXPECTED_FILES) expect(readFileSync(join(b, f), 'utf8'), f).toBe(readFileSync(join(a, f), 'utf8'));
  });

  it('works in the current folder when no folder is given, and says so', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'README.md'), 'my notes\n');
    const r = await secrel(['init', '--as-of', AS_OF], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Created a secrel repository in .:');
    expect(r.stdout).not.toContain('cd ');
    expect(listFiles(dir)).toEqual([...EXPECTED_FILES, 'README.md'].sort());
  });

  it('refuses to overwrite: names the files that exist and writes nothing (exit 2)', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'releases'));
    writeFileSync(join(dir, 'secrel.config.yaml'), 'output: docs\n');
    writeFileSync(join(dir, 'releases/2027-02.yaml'), 'id: 2027-02\n');
    const r = await secrel(['init', dir, '--as-of', AS_OF]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('already has secrel.config.yaml, releases/2027-02.yaml; secrel init never overwrites a file, so it wrote nothing');
    expect(listFiles(dir)).toEqual(['releases/2027-02.yaml', 'secrel.config.yaml']);
    expect(readFileSync(join(dir, 'secrel.config.yaml'), 'utf8')).toBe('output: docs\n');
  });

  it('refuses a path that is a file (exit 2)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'taken'), '');
    const r = await secrel(['init', 'taken', '--as-of', AS_OF], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('taken exists and is not a folder');
  });
});
