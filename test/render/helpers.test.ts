// The formatting helpers, in the styles the June 2020 RID uses.
import { describe, expect, it } from 'vitest';
import { createEngine, type TemplateFile } from '../../src/render/engine.js';
import { counted, prose } from '../../src/render/helpers.js';

const render = (source: string, view: object) =>
  createEngine([{ name: 'rid.html', file: 't.hbs', source } satisfies TemplateFile])
    .render('rid.html', view)
    .trimEnd();

describe('helpers', () => {
  it('dates: long, short (the RID tables) and with the weekday', () => {
    expect(render('{{longDate d}}|{{shortDate d}}|{{weekdayDate d}}', { d: '2020-06-25' })).toBe('25 June 2020|25 Jun 20|Thursday 25 June 2020');
    expect(render('{{shortDate d}}', { d: '2019-10-11' })).toBe('11 Oct 19');
    expect(render('{{shortDate d}}', { d: '2020-06-02' })).toBe('02 Jun 20');
  });

  it('money from exact pence', () => {
    expect(render('{{money a}} {{money b}} {{money c}} {{money d}}', { a: 118004200, b: 120050, c: 0, d: -6000000 })).toBe('£1,180,042 £1,200.50 £0 -£60,000');
  });

  it('ticks for matrices', () => {
    expect(render('[{{tick a}}][{{tick b}}]', { a: true, b: false })).toBe('[✓][]');
  });

  it('lists in prose and counts in words', () => {
    expect(prose(['SECMP0053', 'SECMP0062', 'MP079'])).toBe('SECMP0053, SECMP0062 and MP079');
    expect(prose(['MP079'])).toBe('MP079');
    expect(prose([])).toBe('');
    expect(render('{{prose ids}}', { ids: ['A', 'B'] })).toBe('A and B');
    expect(counted(1, 'Modification Proposal')).toBe('one Modification Proposal');
    expect(counted(3, 'part')).toBe('three parts');
    expect(counted(14, 'event')).toBe('14 events');
    expect(render('{{counted n "Modification Proposal" capital=true}} {{plural n "has" "have"}}', { n: 2 })).toBe('Two Modification Proposals have');
  });
});
