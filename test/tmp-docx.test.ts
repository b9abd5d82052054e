import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'vitest';
import { markdownDocx } from '../src/render/docx/document.js';
test('try', async () => {
  const md = readFileSync('/tmp/ridout/rid/2020-06.md', 'utf8');
  const a = await markdownDocx(md, { version: '1.1', date: '2020-01-10', classification: 'Clear' });
  const b = await markdownDocx(md, { version: '1.1', date: '2020-01-10', classification: 'Clear' });
  console.log(a.length, Buffer.from(a).equals(Buffer.from(b)));
  writeFileSync('/tmp/rid.docx', a); writeFileSync('/tmp/rid2.docx', b);
});
