// Syntax errors are shown where the user has to look: the `[` never closed, the key indented wrongly.
import { describe, expect, it } from 'vitest';
import { parseYamlFully } from '../../src/repo/yaml-full.js';

const errors = (text: string) => parseYamlFully('m.yaml', text).findings.map((f) => `${f.line}:${f.column} ${f.message}`);

describe('YAML syntax errors', () => {
  it('points at a `[` or `{` that is never closed, not at the next line', () => {
    expect(errors('id: X\nstatus: [development\ngovernance: self\n')).toEqual([
      '2:9 YAML syntax error: this `[` is never closed with `]`: close it, or write the list one `- item` per line',
    ]);
    expect(errors('id: X\nlist: [a, b]\nmap: {a: 1\nnext: 1\n')).toEqual([
      '3:6 YAML syntax error: this `{` is never closed with `}`: close it, or write the mapping one `key: value` per line',
    ]);
  });

  it('points at a key indented unlike its mapping, not at the start of its line', () => {
    expect(errors('a:\n    b: 1\n  c: 2\n')).toEqual([
      '3:3 YAML syntax error: this key is indented differently from the first key of its mapping (above it): line them up, with spaces only',
    ]);
  });

  it('points at a line indented too far, once, not at the value above it twice', () => {
    expect(errors('id: X\nstatus: report\n  governance: self\n')).toEqual([
      '3:3 YAML syntax error: this line is indented more than the key above it, so YAML reads it as part of that value: indent it as the other keys of its mapping',
    ]);
    expect(errors('id: X\n\tstatus: a\n')).toEqual(['2:1 tab used for indentation: YAML indents with spaces only']);
  });

  it('says to quote a value holding a colon and a space, which YAML reads as a mapping', () => {
    expect(errors('id: X\ntitle: Alert storm: protection for meters\n')).toEqual([
      '2:8 YAML syntax error: this value holds `: ` (a colon and a space), which YAML reads as the start of a mapping: put it in quotes, "Alert storm: protection for meters"',
    ]);
    expect(errors('id: X\ntitle: The "storm": a fix\n')[0]).toContain(`put it in quotes, 'The "storm": a fix'`);
  });

  it('points at a quote never closed, not at the end of the file where it was noticed', () => {
    expect(errors('id: X\ntitle: "Alert storm\nstatus: approved\nnotes: x\n')).toEqual([
      '2:8 YAML syntax error: this " opens a quoted value that is never closed: close it with "',
    ]);
  });

  it("says text after a value's closing quote is outside the quotes, at that text, with the whole value quoted as the fix", () => {
    expect(errors('id: X\ntitle: "Authority-led changes: GBCS" for post-quantum\nstatus: approved\n')).toEqual([
      '2:38 YAML syntax error: the " before `for post-quantum` closes the quoted value, so `for post-quantum` is outside the quotes, where YAML allows only a comment: ' +
        `quote the whole value, '"Authority-led changes: GBCS" for post-quantum' (or, if the quotes are not part of the text, close them at the end: "Authority-led changes: GBCS for post-quantum")`,
    ]);
    // A quote inside a value quoted the same way: the outer quotes were meant as quotes.
    expect(errors("id: X\ntitle: 'It's here'\n")).toEqual([
      `2:12 YAML syntax error: the ' before \`s here'\` closes the quoted value, so \`s here'\` is outside the quotes, where YAML allows only a comment: quote the whole value, "It's here"`,
    ]);
    expect(errors('id: X\nlist:\n  - "The "big" one" # a comment\n')[0]).toMatch(/^3:11 .*: quote the whole value, 'The "big" one'$/);
  });

  it.each([
    ['title: "Authority-led changes: GBCS" for post-quantum', '"Authority-led changes: GBCS" for post-quantum'],
    ["title: 'It's here'", "It's here"],
    ['title: "The "big" one"', 'The "big" one'],
    [`title: 'Bob's "best" offer'`, `Bob's "best" offer`],
    ['title: "say \\"hi\\" " now', 'say "hi"  now'],
  ])('the fix it shows for %s reads as the text meant', (line, meant) => {
    const [message] = errors(`id: X\n${line}\n`);
    const fix = / (?:quote the whole value|close the quotes at the end of the value), (.+?)(?: \(or, if|$)/.exec(message!)![1]!;
    const fixed = parseYamlFully('m.yaml', `id: X\ntitle: ${fix}\n`);
    expect(fixed.findings).toEqual([]);
    expect((fixed.data as { title: string }).title).toBe(meant);
  });

  it('names a duplicate key and where it was first set', () => {
    expect(errors('id: X\nstatus: report\nnotes:\n  a: 1\n  a: 2\nstatus: approved\n')).toEqual([
      '6:1 duplicate key: `status` is already set at line 2, column 1, in this mapping: keep one of the two and remove the other',
      '5:3 duplicate key: `a` is already set at line 4, column 3, in this mapping: keep one of the two and remove the other',
    ]);
  });

  it('names git merge-conflict markers as what they are', () => {
    expect(errors('id: X\n<<<<<<< HEAD\nstatus: report\n=======\nstatus: approved\n>>>>>>> other\n')).toEqual([
      '2:1 the file still has git merge-conflict markers (<<<<<<<, =======, >>>>>>>): resolve the conflict, keep one version, then `git add` the file',
    ]);
  });

  it('keeps the yaml package’s place and words for other errors', () => {
    expect(errors('id: X\ntitle: [a, b] c\n')).toEqual(['2:15 YAML syntax error: Unexpected scalar at node end']);
  });
});
