// `--code bsc` (calendar, impl-date outside a repository, init): a preset's id, or one usage error listing them.
import { CODE_IDS, isCodeId, type CodeId } from '../domain/presets.js';
import { UsageError } from '../repo/errors.js';

export function codeOption(code: string | undefined): CodeId | undefined {
  if (code === undefined) return undefined;
  if (isCodeId(code)) return code;
  throw new UsageError(`--code ${code} is not a code secrel knows`, `use one of: ${CODE_IDS.join(', ')}`);
}
