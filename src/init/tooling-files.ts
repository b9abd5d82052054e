// The tooling a new repository starts with: line endings, a pre-commit hook and a CI workflow.

/** Keep every file LF, but leave calendars alone: RFC 5545 requires CRLF, and `render --check` compares bytes. */
export function gitattributesFile(): string {
  return `# secrel reads and writes LF line endings. Keeping them LF on every machine means
# \`secrel render --check\` compares the same bytes on Windows, macOS and Linux.
* text=auto eol=lf
# iCalendar files must use CRLF (RFC 5545): store them exactly as secrel writes them.
*.ics -text
*.png binary
*.pdf binary
`;
}

/** Where a new repository gets secrel from: its git repository (not on the npm registry) at a tag. */
export interface SecrelSource {
  /** The git URL given to `secrel init --secrel-repo`, or undefined: then a placeholder the user replaces. */
  repo: string | undefined;
  /** The tag of this version: `v` + the version. */
  rev: string;
}

/** What `repo:` says when init was not told where secrel lives: pre-commit stops on it, naming it. */
export const REPO_PLACEHOLDER = 'SECREL_GIT_URL';

export function preCommitConfigFile(source: SecrelSource): string {
  const unset = source.repo === undefined
    ? `# Replace ${REPO_PLACEHOLDER} with the git URL of secrel (or run secrel init --secrel-repo URL).\n`
    : '';
  return `# pre-commit (https://pre-commit.com) runs secrel on the YAML you are about to commit.
# Once per clone:  pre-commit install
# pre-commit installs secrel from its git repository at the tag below, into an environment of its
# own (secrel is not on the npm registry): nothing else to set up. The hooks are the ones that
# repository's .pre-commit-hooks.yaml defines.
${unset}repos:
  - repo: ${source.repo ?? REPO_PLACEHOLDER}
    rev: ${source.rev}
    hooks:
      # Schemas, YAML syntax, references and RID versions (RID-2) of the staged files,
      # checked against the rest of the repository as it will be committed.
      - id: secrel-validate
      # Every policy rule over the whole repository. Its answers depend on today's date
      # (a deadline can pass overnight), so it runs only when asked:
      #   pre-commit run secrel-check --hook-stage manual
      - id: secrel-check
        stages: [manual]
`;
}

export function ciWorkflowFile(source: SecrelSource): string {
  const install = `npm pack --silent --pack-destination "$RUNNER_TEMP" git+${source.repo ?? REPO_PLACEHOLDER}#${source.rev} && npm install --global "$RUNNER_TEMP"/secrel-*.tgz`;
  return `# GitHub Actions for a secrel repository.
# Pull requests: annotate problems on the changed lines and fail if the documents in out/ are
# stale. Merges to main: bump RID versions where the scope changed, re-render, commit the result.
name: secrel
on:
  pull_request:
  push:
    branches: [main]

jobs:
  pull-request:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      # secrel is not on the npm registry: build a package from its git repository at the tag.
      - run: ${install}
      # Schemas, references and RID-2, as annotations on the changed lines.
      - run: secrel validate --format github
      # Every policy rule. Deadlines count from today, so a date passing can fail it on any
      # pull request: it annotates without blocking the merge.
      - run: secrel check --format github
        continue-on-error: true
      # The documents committed in out/ must be what the YAML gives.
      - run: secrel render --check --format github

  merge:
    if: github.event_name == 'push'
    runs-on: ubuntu-latest
    permissions:
      contents: write
    # One merge at a time, so two runs never push competing RID versions.
    concurrency: secrel-merge
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # rid bump compares the scope with earlier revisions: it needs the history
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: ${install}
      # RID-1: the next version where the scope changed; --since words the history entries.
      - name: Bump RID versions
        run: |
          if git rev-parse --verify --quiet HEAD~1 >/dev/null; then
            secrel rid bump --since HEAD~1
          else
            secrel rid bump
          fi
      - run: secrel render
      # A push made with GITHUB_TOKEN starts no new workflow run, so this cannot loop.
      - name: Commit RID versions and documents
        run: |
          git config user.name "github-actions[bot]"
          git config user.email "41898282+github-actions[bot]@users.noreply.github.com"
          git add --all
          git diff --cached --quiet && exit 0
          git commit -m "secrel: bump RID versions and render documents"
          git push
`;
}
