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

/** A file that changed while secrel read it, or between reading and writing it (an editor saved it meanwhile). */
export function changedMeanwhile(path: string, doing: 'writing' | 'reading' = 'writing'): UsageError {
  return new UsageError(
    doing === 'writing'
      ? `${path} changed while secrel was working on it, so secrel did not write it (nor any other file)`
      : `${path} changed while secrel was reading the repository, so its findings cannot be placed in it`,
    'run the command again: it reads the file afresh',
  );
}
