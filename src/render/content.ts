// A generated file's content as bytes, and whether a file on disk already holds it: for text, text in
// parts (a page written part by part, see Engine.renderInParts) and binary content alike.
import type { OutputFile } from './targets.js';

type Content = OutputFile['content'];

/** The UTF-8 bytes of the content (parts one after another). */
export function contentBytes(content: Content): Buffer {
  if (typeof content === 'string') return Buffer.from(content, 'utf8');
  if (content instanceof Uint8Array) return Buffer.from(content);
  return Buffer.concat([...content].map((part) => Buffer.from(part, 'utf8')));
}

/** Whether `existing` holds exactly `content`, part by part as each is made, never encoding the content whole. */
export function equalContent(existing: Buffer, content: Content): boolean {
  if (content instanceof Uint8Array) return existing.equals(content);
  const parts = typeof content === 'string' ? [content] : content;
  let at = 0;
  for (const part of parts) {
    const bytes = Buffer.from(part, 'utf8');
    // A stale file usually differs early: the parts after it are never made.
    if (at + bytes.length > existing.length || !existing.subarray(at, at + bytes.length).equals(bytes)) return false;
    at += bytes.length;
  }
  return at === existing.length;
}
