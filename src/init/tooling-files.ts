// The tooling a new repository starts with: line endings, a pre-commit hook and a CI workflow.

/** Keep every file LF, but leave calendars and CSV alone: RFC 5545 and RFC 4180 use CRLF, and `render --check` compares bytes. */
export function gitattributesFile(): string {
  return `# secrel reads and writes LF line endings. Keeping them LF on every machine means
# \`secrel render --check\` compares the same bytes on Windows, macOS and Linux.
* text=auto eol=lf
# iCalendar files must use CRLF (RFC 5545): store them exactly as secrel writes them.
*.ics -text
# The register's CSV download has CRLF line ends (RFC 4180): store it as written too.
*.csv -text
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

/** `owner/name` for a workflow's `uses:`, from a URL ending in `/owner/name` or `/owner/name.git`. */
export function actionName(repo: string | undefined): string {
  const m = repo ? /([^/:]+)\/([^/]+?)(?:\.git)?\/?$/.exec(repo) : null;
  return m ? `${m[1]}/${m[2]}` : 'SECREL_OWNER/secrel';
}

export function preCommitConfigFile(source: SecrelSource): string {
  const unset = source.repo === undefined ? `# Replace ${REPO_PLACEHOLDER} with the git URL of secrel (or run secrel init --secrel-repo URL).\n` : '';
  return `# pre-commit (https://pre-commit.com) runs secrel on the YAML you are about to commit.
# Once per clone:  pre-commit install
# pre-commit installs secrel from its git repository at the tag below, into an environment of its
# own (secrel is not on the npm registry): nothing else to set up. The hooks are the ones that
# repository's .pre-commit-hooks.yaml defines.
${unset}repos:
  - repo: ${source.repo ?? REPO_PLACEHOLDER}
    rev: ${source.rev}
    hooks:
      # Schemas, YAML syntax, references and RID versions (RID-2) of the repository as it
      # will be committed (the git index), on every commit.
      - id: secrel-validate
      # Every policy rule over the whole repository. Its answers depend on today's date
      # (a deadline can pass overnight), so it runs only when asked:
      #   pre-commit run secrel-check --hook-stage manual
      - id: secrel-check
        stages: [manual]
`;
}

export function ciWorkflowFile(source: SecrelSource): string {
  const action = `${actionName(source.repo)}@${source.rev}`;
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
      # secrel's own action (action.yml in its repository, at the tag): it builds secrel from that
      # checkout (secrel is not on the npm registry), runs the command, annotates the changed lines,
      # writes a job summary and sets the outputs errors and warnings.
      # Schemas, references and RID-2.
      - uses: ${action}
        with:
          command: validate
      # Every policy rule. Deadlines count from today, so a date passing can fail it on any
      # pull request: it annotates without blocking the merge.
      - uses: ${action}
        with:
          command: check
        continue-on-error: true
      # The documents committed in out/ must be what the YAML gives.
      - uses: ${action}
        with:
          command: render --check

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
      # With no command the action only installs secrel: \`secrel\` is on PATH for the steps below.
      - uses: ${action}
        with:
          command: ''
      # RID-1: the next version where the scope changed; --since words the history entries, against the
      # commit before the push (a push of several commits is worded whole), else the one before HEAD.
      - name: Bump RID versions
        env:
          BEFORE: \${{ github.event.before }}
        run: |
          if git cat-file -e "$BEFORE^{commit}" 2>/dev/null; then
            secrel rid bump --since "$BEFORE"
          elif git rev-parse --verify --quiet HEAD~1 >/dev/null; then
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
