// Errors that stop a command before it can report findings: bad usage or an environment problem (exit 2).

/** A problem the user fixes by changing how they call secrel (a bad revision, a missing folder). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(message: string, readonly hint?: string) {
    super(message);
  }
}
