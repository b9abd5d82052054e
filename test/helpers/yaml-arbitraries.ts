// The generated YAML that both differential tests (readers, positions) feed their two sides: nested block
// mappings and lists of the given scalars, keys and comments, laid out as a person would indent them.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

interface BlockParts {
  scalars: readonly string[];
  keys: readonly string[];
  comments: readonly string[];
  /** Entries per mapping or list. */
  maxLength: number;
}

/** A block mapping or list, nested through its values; one entry per line, not yet indented (see `layout`). */
export function yamlBlock({ scalars, keys, comments, maxLength }: BlockParts): fc.Arbitrary<string> {
  const scalar = fc.constantFrom(...scalars);
  const key = fc.constantFrom(...keys);
  const comment = fc.constantFrom(...comments);
  return fc.letrec<{ value: string; block: string }>((tie) => ({
    value: fc.oneof({ weight: 4, arbitrary: scalar }, { weight: 1, arbitrary: tie('block') }),
    block: fc.oneof(
      fc.array(fc.tuple(key, tie('value'), comment), { minLength: 1, maxLength }).map((ps) => ps.map(([k, v, c]) => `${k}: ${v}${c}`).join('\n')),
      fc.array(fc.tuple(tie('value'), comment), { minLength: 1, maxLength }).map((vs) => vs.map(([v, c]) => `- ${v}${c}`).join('\n')),
    ),
  })).block;
}

/** Indents a nested block value under its key or dash, as a person would write it. */
export function layout(text: string): string {
  return text.replace(
    /^(.*?)(: |- )(- .*|\w+: .*)$/gm,
    (_m, head: string, sep: string, rest: string) => `${head}${sep.trimEnd()}\n  ${' '.repeat(head.length)}${rest}`,
  );
}

/** Every .yaml/.yml file under a folder, for random edits of real files. */
export function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(n) ? [p] : [];
  });
}

/** One of `texts` with up to `maxEdits` random edits: at a random place, `cut` characters replaced by one of `inserts`. */
export function editedText(texts: readonly string[], inserts: readonly string[], maxEdits: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.nat(texts.length - 1), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...inserts), fc.nat(3)), { minLength: 1, maxLength: maxEdits }))
    .map(([i, edits]) =>
      edits.reduce((text, [at, insert, cut]) => {
        const p = at % (text.length + 1);
        return text.slice(0, p) + insert + text.slice(p + cut);
      }, texts[i]!),
    );
}
