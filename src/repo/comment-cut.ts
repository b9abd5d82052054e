// Text cut short by a `#`: in YAML a space and then `#` start a comment, so `title: GBCS #2 readiness` is the
// title "GBCS", and the rest is silently gone from the RID. A plain (unquoted) value of words followed on its
// line by a comment that starts straight after the `#` (`#2`, not `# note`) is most likely such a text: a
// warning at the `#`, with the whole value quoted as the fix. Loaded only for a file whose text has such a
// `#` at all (mayCutAtComment, yaml-guards.ts), since it needs the full reader's document.
import { isScalar, visit } from 'yaml';
import type { Located } from '../domain/findings.js';
import { yamlFinding } from './yaml-doc.js';
import { parseForPositions, toPosition, type PositionedFile } from './yaml-full.js';

/** The warnings for `text` (of `file`); `positioned`: the full reader's document of it, when one was built. */
export function commentCuts(file: string, text: string, positioned?: PositionedFile): Located[] {
  const { doc, lineCounter } = positioned ?? parseForPositions(file, text);
  const out: Located[] = [];
  visit(doc, {
    Pair(_key, pair) {
      const value = pair.value;
      if (!isScalar(value) || value.type !== 'PLAIN' || typeof value.value !== 'string' || !value.value.includes(' ') || !value.range) return;
      const end = value.range[1];
      const lineEnd = text.indexOf('\n', end);
      const rest = text.slice(end, lineEnd < 0 ? text.length : lineEnd);
      const cut = /^[ \t]+#(?=[^\s#])/.exec(rest);
      if (!cut) return;
      const key = isScalar(pair.key) ? String(pair.key.value) : 'the value';
      const comment = rest.slice(cut[0].length - 1).trimEnd();
      const whole = `${value.value} ${comment}`;
      out.push(
        yamlFinding(
          file,
          `\`${key}\` ends before "${comment}": in YAML a space and then # start a comment, so ${key} is "${value.value}" and the rest is left out; ` +
            `if it is part of the text, quote the whole value: ${key}: ${JSON.stringify(whole)}`,
          toPosition(lineCounter, end + cut[0].length - 1),
          'warning',
        ),
      );
    },
  });
  return out;
}
