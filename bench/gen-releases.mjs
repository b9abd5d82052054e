// The release files of a synthetic repository: what a well-kept release records by `asOf` (notices,
// TAD, forecast and actual costs, go-live evidence and acceptance, RID baselines and version history,
// the implementation timetable), so that `secrel check` finds little, as in a real repository.
import { addDays, addMonths } from './gen-dates.mjs';
import { capital, dccCosts } from './gen-modifications.mjs';

const CRITERIA = [
  ...Array.from({ length: 9 }, (_, i) => ({ id: `OP${i + 1}`, reviewedBy: 'Operations Group' })),
  ...Array.from({ length: 6 }, (_, i) => ({ id: `T${i + 1}`, reviewedBy: 'TAG' })),
  { id: 'S1', reviewedBy: 'SSC' },
];

/** `scope`: the scope keys of this release, `systemKeys` those that impact DCC Systems. */
export function makeRelease(rel, { scope, systemKeys }, { r, words, asOf }) {
  const system = rel.type === 'system';
  const done = (date) => (date <= asOf ? date : undefined);
  // A deadline met a week early, recorded only once that day has come.
  const early = (months) => done(addDays(addMonths(rel.date, months), -7));
  const out = { id: rel.id, type: rel.type };
  const live = rel.date <= asOf;
  const systemsBaseline = early(-12);
  out.status = live ? 'live' : systemsBaseline && system ? 'baselined' : 'planned';
  out.url = `https://example.org/releases/${rel.id}/`;
  if (system && r() < 0.5) out.changeRequests = [{ id: `CR${1000 + rel.index}`, title: capital(words(4)), summary: `${capital(words(20))}.` }];
  if (system && rel.month === 6) {
    out.techSpecs = ['DUIS', 'GBCS', 'TS'].map((document, k) => ({
      document,
      version: `${rel.index}.${k}`,
      validFrom: rel.date,
      previousVersion: `${rel.index - 1}.${k}`,
    }));
  }
  out.rid = rid(rel, system, scope, systemKeys, early);
  if (system) out.tad = { toTag: early(-9), published: early(-6), notes: `${capital(words(12))}.` };
  out.timeline = timeline(rel, system);
  if (system) out.costs = costs(rel, r, words, done);
  if (system) out.acceptance = acceptance(rel, words, done);
  out.notices = { twelveMonth: early(-12), sixMonth: early(-6), oneMonth: early(-1) };
  if (r() < 0.3) out.risks = [{ summary: `${capital(words(10))}.`, mitigation: `${capital(words(12))}.`, owner: 'DCC' }];
  return out;
}

/**
 * Drafts 0.1 and 0.2; for a System Release the systems baseline 1.0 and a minor 1.1 (documentation-only
 * modifications added), then the baseline of the whole scope, which records the current version (RID-1).
 */
function rid(rel, system, scope, systemKeys, early) {
  const history = [];
  const baselines = [];
  const add = (version, date, changes) => date && history.push({ version, date, changes });
  add('0.1', early(-15), 'First draft issued to the TABASC, the Operations Group and SEC Parties for comment.');
  add('0.2', early(-13), 'Updated draft following comments.');
  const first = system ? early(-12) : undefined;
  if (first) {
    add('1.0', first, 'Version baselined by the Panel to cover the proposed scope of the release on the DCC Systems.');
    baselines.push({ version: '1.0', date: first, covers: 'systems', scope: systemKeys });
    add('1.1', early(-8), 'Documentation-only modifications added.');
  }
  const all = early(-6);
  if (all) {
    if (!first) add('1.0', all, 'Version baselined by the Panel to cover the whole scope of the release.');
    baselines.push({ version: history[history.length - 1].version, date: all, covers: 'all', scope });
  }
  if (history.length === 0) return undefined;
  const out = { version: history[history.length - 1].version };
  if (baselines.length > 0) out.baselines = baselines;
  out.history = history;
  return out;
}

function timeline(rel, system) {
  const t = [{ event: 'Panel approves the release scope', date: addMonths(rel.date, -6), owner: 'Panel' }];
  if (system) {
    t.push(
      { event: 'SIT commences', date: addMonths(rel.date, -5), owner: 'DCC' },
      // In date order, as RID-3 asks: an event may count from one listed after it.
      { event: 'Test Participants inform DCC of their regression testing plans', offset: '-10wd', from: 'UIT commences', owner: 'Test Participants' },
      { event: 'UIT commences', date: addMonths(rel.date, -3), owner: 'DCC' },
      { event: 'UIT window closes', offset: '-15wd', from: 'go-live', owner: 'DCC', description: 'Counted back from go-live.' },
      { event: 'Panel go/no-go decision', offset: '-2w', from: 'go-live', owner: 'Panel' },
    );
  }
  t.push({ event: 'Go-live communications issued', offset: '1d', from: 'go-live', owner: 'SECAS' });
  return t;
}

function costs(rel, r, words, done) {
  const forecast = dccCosts(r, 1_500_000);
  const out = { forecast };
  const reported = done(addMonths(rel.date, 2));
  if (reported) {
    out.actual = Object.fromEntries(
      Object.entries(forecast)
        .filter(([k]) => k !== 'total')
        .map(([k, v]) => [k, Math.round(v * (0.9 + r() * 0.2))]),
    );
    out.actualReported = reported;
  }
  out.secas = [{ activity: 'Project management of the release', days: 20, amount: 12000 }];
  if (r() < 0.2) out.notes = `${capital(words(16))}.`;
  return out;
}

function acceptance(rel, words, done) {
  const evidence = done(addDays(rel.date, -50));
  const out = { set: 'standard' };
  if (evidence) out.evidenceSubmitted = evidence;
  const reviewed = done(addDays(rel.date, -14));
  if (reviewed)
    out.criteria = CRITERIA.map((c) => ({ id: c.id, met: true, evidence: `${capital(words(5))} report v1.0`, reviewedBy: c.reviewedBy, date: reviewed }));
  return out;
}
