// Ctrl-C and SIGTERM while secrel writes: the write in progress finishes or is rolled back (never half a
// set of files, never a temporary file left behind), the lock is released, then the process ends by the
// same signal (exit 130 or 143), as a shell expects.

type Cleanup = () => void;

const cleanups = new Set<Cleanup>();
let installed = false;
let busy = 0;
let received: NodeJS.Signals | undefined;

const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function onSignal(signal: NodeJS.Signals): void {
  received ??= signal;
  // A write in progress sees `interrupted()` at its next step, rolls back and ends through `critical`.
  if (busy === 0) end();
}

/** Runs the cleanups (synchronous: the process is about to end), then ends by the signal received. */
function end(): void {
  for (const c of [...cleanups].reverse()) {
    try {
      c();
    } catch {
      // a cleanup that fails must not keep the others from running
    }
  }
  cleanups.clear();
  const signal = received!;
  for (const s of SIGNALS) process.removeAllListeners(s);
  process.kill(process.pid, signal);
}

function install(): void {
  if (installed) return;
  installed = true;
  for (const s of SIGNALS) process.on(s, onSignal);
}

/** Registers a synchronous cleanup to run if the process is interrupted; returns its removal. */
export function onInterrupt(cleanup: Cleanup): () => void {
  install();
  cleanups.add(cleanup);
  return () => void cleanups.delete(cleanup);
}

/** The signal received during a `critical` section, if any: the section should stop and roll back. */
export function interrupted(): NodeJS.Signals | undefined {
  return received;
}

export class Interrupted extends Error {
  override readonly name = 'Interrupted';
  constructor(readonly signal: NodeJS.Signals) {
    super(`interrupted by ${signal}; nothing was changed`);
  }
}

/** Throws `Interrupted` when a signal has arrived: a long write calls it between its steps. */
export function stopIfInterrupted(): void {
  if (received) throw new Interrupted(received);
}

/** Runs `fn` with signals deferred: it finishes (or stops at `stopIfInterrupted`) before the process ends. */
export async function critical<T>(fn: () => Promise<T>): Promise<T> {
  install();
  busy++;
  try {
    return await fn();
  } finally {
    busy--;
    if (busy === 0 && received) end();
  }
}
