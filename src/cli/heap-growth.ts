// How far V8 lets the heap grow past what stays alive before collecting it again. dist/main.js sets 50%
// for every run (scripts/code-cache.mjs), before any bundle is compiled: the flags are part of what V8's
// code cache was made with. Rendering a site streams thousands of pages through a heap that holds the
// whole repository; there, 15% keeps 20,000 modifications under 300 MB (285-293 MB, and 326-330 MB at
// 50%) for a few per cent more time. Elsewhere it would cost more than it saves (at 25% for every run,
// `render rid` of 10,000 took half as long again).
import { setFlagsFromString } from 'node:v8';

/** What dist/main.js sets (test/cli/heap-growth.test.ts checks that the two agree). */
export const HEAP_GROWING_PERCENT = 50;
const WHILE_STREAMING_PAGES = 15;

/**
 * The items of `stream`, with the heap kept tighter from the second on. Making the first loads every bundle
 * the pages need (the target, Handlebars, the templates, marked, docx): a bundle compiled while the flag
 * differs would not match its code cache, and would be compiled afresh on every run. The flag is set back
 * once the stream ends, before the code caches may be saved.
 */
export async function* withTighterHeapGrowth<T>(stream: AsyncIterable<T>): AsyncGenerator<T> {
  let tight = false;
  try {
    for await (const item of stream) {
      yield item;
      if (!tight) {
        setFlagsFromString(`--heap-growing-percent=${WHILE_STREAMING_PAGES}`);
        tight = true;
      }
    }
  } finally {
    if (tight) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  }
}
