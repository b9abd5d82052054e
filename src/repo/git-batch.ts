// The `git cat-file --batch` conversation: ids written to one process, blobs read back in order, for as
// many requests as the source makes before it closes (git.ts starts the process).
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { UsageError } from './errors.js';

interface Request {
  ids: readonly string[];
  out: Map<string, Uint8Array>;
  resolve(out: Map<string, Uint8Array>): void;
  reject(err: Error): void;
}

export interface CatFile {
  read(objectIds: readonly string[]): Promise<Map<string, Uint8Array>>;
  close(): void;
}

/**
 * The `git cat-file --batch` protocol: for each id written, `<id> blob <size>\n<bytes>\n` (or
 * `<id> missing\n`). Requests are answered in order; output is joined only once an object is complete.
 */
export function catFile(child: ChildProcessWithoutNullStreams, notRun: (err: Error) => Error): CatFile {
  const queue: Request[] = [];
  let buf: Buffer = Buffer.alloc(0);
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let need = 1;
  let failure: Error | undefined;
  const stderr: Buffer[] = [];
  const fail = (err: Error) => {
    failure ??= err;
    for (const r of queue.splice(0)) r.reject(failure);
  };
  const parse = () => {
    let pos = 0;
    while (queue.length > 0) {
      const req = queue[0]!;
      const eol = buf.indexOf(10, pos);
      if (eol < 0) {
        need = buf.length - pos + 1;
        break;
      }
      const header = buf.toString('latin1', pos, eol);
      const size = Number(header.split(' ')[2]);
      const id = req.ids[req.out.size]!;
      if (!/ blob \d+$/.test(header) || Number.isNaN(size)) {
        fail(new UsageError(`git object ${id} is missing`));
        return;
      }
      const end = eol + 1 + size;
      if (end + 1 > buf.length) {
        need = end + 1 - pos;
        break;
      }
      req.out.set(id, buf.subarray(eol + 1, end));
      pos = end + 1;
      if (req.out.size === req.ids.length) req.resolve(queue.shift()!.out);
    }
    buf = buf.subarray(pos);
    if (queue.length === 0) need = 1;
  };
  child.stdout.on('data', (chunk: Buffer) => {
    pending.push(chunk);
    pendingBytes += chunk.length;
    if (buf.length + pendingBytes < need) return;
    buf = Buffer.concat([buf, ...pending]);
    pending = [];
    pendingBytes = 0;
    parse();
  });
  child.stderr.on('data', (b: Buffer) => stderr.push(b));
  child.on('error', (e) => fail(notRun(e)));
  child.on('close', (code) =>
    fail(new UsageError(`git cat-file failed${code ? ` (exit ${code})` : ''}: ${Buffer.concat(stderr).toString().trim() || 'it stopped early'}`)),
  );
  return {
    read(objectIds) {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        queue.push({ ids: objectIds, out: new Map(), resolve, reject });
        child.stdin.write(`${objectIds.join('\n')}\n`);
      });
    },
    close: () => child.stdin.end(),
  };
}
