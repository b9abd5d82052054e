// A configuration that does not load (secrel.config.yaml with a schema error) leaves secrel on the default
// settings: the SEC's cycle, ids and folders. A command that answers from the data (plan, suggest) stops
// rather than answer for the wrong code; one that reports findings (validate, check) says that the errors
// elsewhere may follow from it.
import type { Finding } from '../domain/findings.js';
import { CONFIG_FILE } from '../repo/discover.js';
import type { Repository } from '../repo/load.js';
import type { Context } from './context.js';
import { printFindings } from './print.js';

const configErrors = (findings: readonly Finding[]): Finding[] => findings.filter((f) => f.file === CONFIG_FILE && f.severity === 'error');

/** The exit code when the config does not load (its findings printed), else undefined: go on. */
export async function stopOnBrokenConfig(ctx: Context, repo: Repository): Promise<number | undefined> {
  const errors = configErrors(repo.findings);
  if (errors.length === 0) return undefined;
  const exit = await printFindings(ctx, repo, errors, { checked: 1 });
  ctx.io.stderr(`secrel: every answer depends on ${CONFIG_FILE} (the code, its cycle, ids and folders); fix the errors above and run again\n`);
  return exit;
}

/** For validate and check: the note after the findings (all of them, before any filter) when the config's are among them. */
export function noteBrokenConfig(ctx: Context, findings: readonly Finding[]): void {
  if (configErrors(findings).length === 0 || findings.every((f) => f.file === CONFIG_FILE)) return;
  ctx.io.stderr(
    `secrel: note: ${CONFIG_FILE} does not load, so the other files were read with the default settings; fix it first, as errors elsewhere may follow from it\n`,
  );
}
