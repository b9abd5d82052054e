// Real temporary git repositories for tests: pinned identity, no signing, branch main.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execa } from 'execa';

const ENV = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
  GIT_AUTHOR_DATE: '2020-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2020-01-01T00:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

export interface TempRepo {
  dir: string;
  git(...args: string[]): Promise<string>;
  write(path: string, content: string): void;
  /** `date` (an ISO date-time): the commit's author and committer date, else the fixed default. */
  commit(message: string, date?: string): Promise<string>;
  cleanup(): void;
}

export async function tempGitRepo(): Promise<TempRepo> {
  const dir = mkdtempSync(join(tmpdir(), 'secrel-git-'));
  const git = async (...args: string[]) => String((await execa('git', args, { cwd: dir, env: ENV })).stdout);
  await git('init', '-q', '-b', 'main');
  await git('config', 'commit.gpgsign', 'false');
  return {
    dir,
    git,
    write(path, content) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    },
    async commit(message, date) {
      await git('add', '-A');
      if (date)
        await execa('git', ['commit', '-q', '--allow-empty', '-m', message], { cwd: dir, env: { ...ENV, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
      else await git('commit', '-q', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD');
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
