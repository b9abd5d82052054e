// Errors that stop a command before it can report findings: bad usage or an environment problem (exit 2).

/** A problem the user fixes by changing how they call secrel (a bad revision, a missing folder). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** A file that changed between secrel reading it and writing it (an editor saved it meanwhile). */
export function changedMeanwhile(path: string): UsageError {
  return new UsageError(
    `${path} changed while secrel was working on it, so secrel did not write it (nor any other file)`,
    'run the command again: it reads the file afresh',
  );
}
