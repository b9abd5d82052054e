// The modifications of a synthetic repository: each targets a release, with the dates a well-run
// repository records (added to scope before the cut-off, decided before the decision-by date, the
// approval notice the day the approval became final), parts, revisions and re-targets, impacts, documents and costs.
import { addDays, addMonths, minDate } from './gen-dates.mjs';

const PARTIES = ['suppliers', 'electricityNetworks', 'gasNetworks', 'otherParties'];
const DCC_AREAS = ['dsp', 'csp', 'governance', 'operations', 'security'];
const DOCS = ['Section A', 'Section D', 'Section F', 'Section H', 'Section L', 'Appendix AB', 'Appendix AD', 'Appendix AH', 'Appendix AI'];
const TARGETED = ['raised', 'development', 'refinement', 'report'];
const GOVERNANCE = ['authority', 'self-governance', 'self-governance', 'fast-track'];

/**
 * One modification for release `rel` (`next`: the following System Release, for a second part).
 * `r` is the seeded random source, `words(n)` filler text, `asOf` the benchmark's "today".
 */
export function makeModification(i, rel, next, { r, words, pick, asOf }) {
  const id = `MP${String(i + 1).padStart(5, '0')}`;
  const system = rel.type === 'system' && r() < 0.6;
  const months = system ? 12 : 6;
  const inParts = system && next !== undefined && r() < 0.05;
  // Implemented once its last release has gone live.
  const past = (inParts ? next : rel).date <= asOf;
  const decisionBy = addMonths(rel.date, -months);
  const cutOff = addMonths(rel.date, -months);
  const fate = r();
  const status = past ? (fate < 0.05 ? 'rejected' : fate < 0.09 ? 'withdrawn' : 'implemented') : decisionBy <= asOf || fate < 0.3 ? 'approved' : pick(TARGETED);
  const decided =
    status === 'approved' || status === 'implemented' || status === 'rejected'
      ? minDate(addDays(decisionBy, -Math.floor(5 + r() * 150)), addDays(asOf, -3))
      : undefined;
  const added = minDate(addDays(cutOff, -Math.floor(10 + r() * 250)), addDays(asOf, -5));

  const m = { id, title: capital(words(6)), summary: `Proposes to ${words(32)}.`, url: `https://example.org/modifications/${id.toLowerCase()}/` };
  m.status = status;
  m.governance = system ? 'authority' : pick(GOVERNANCE);
  m.systemImpact = system;
  if (system && rel.month === 6 && r() < 0.2) m.techSpecs = [pick(['DUIS', 'GBCS', 'TS'])];
  m.leadTime = `${months}m`;
  m.decision = decided ? { expected: addDays(decided, -Math.floor(r() * 40)), date: decided } : { expected: addDays(decisionBy, -Math.floor(20 + r() * 90)) };
  // A Self-Governance approval becomes final when the referral window ends (COM-1 asks for the date);
  // no random draw here, so every other field stays as it was.
  const selfGoverned = decided && status !== 'rejected' && m.governance === 'self-governance';
  const final = selfGoverned ? minDate(addDays(decided, 14), addDays(asOf, -3)) : decided;
  if (selfGoverned) m.decision.referralWindowEnd = final;
  if (inParts) {
    m.parts = [
      { part: 1, release: rel.id, summary: `The ${words(8)}.`, addedToScope: added },
      { part: 2, release: next.id, summary: `The ${words(10)}.`, addedToScope: minDate(added, addDays(asOf, -5)) },
    ];
  } else {
    m.implementation = { release: rel.id, addedToScope: added };
    if (!past && status !== 'approved' && next) m.implementation.fallback = next.id;
    // History: an Authority-approved move after the decision (IMP-6), or a re-target before it.
    if (rel.previous && decided && status !== 'rejected' && r() < 0.02) {
      const date = addDays(decided, 14);
      if (date <= asOf) {
        m.implementation.revisions = [{ date, from: rel.previous.id, to: rel.id, reason: `The Authority approved a later date: ${words(8)}.` }];
        // Moved in after the release's cut-off: a well-run repository records the Panel's exception (SCP-2).
        if (cutOff < date) m.implementation.exception = `The Panel agreed the revised date: ${words(6)}.`;
      }
    } else if (rel.previous && !decided && r() < 0.05) {
      m.implementation.retargets = [
        { date: addDays(added, -20), from: rel.previous.id, to: rel.id, reason: `Moved at the Working Group's request: ${words(6)}.` },
      ];
    }
  }
  m.impacts = impacts(system, r, words, pick);
  m.documents = [...new Set([pick(DOCS), pick(DOCS), pick(DOCS)])].slice(0, 1 + Math.floor(r() * 3));
  if (system) m.costs = { dcc: dccCosts(r, 500_000), secas: { days: 5 + Math.floor(r() * 30), amount: 4000 + Math.floor(r() * 20000) } };
  else if (r() < 0.5) m.costs = { secas: { days: 1 + Math.floor(r() * 10), amount: 800 + Math.floor(r() * 6000) } };
  if (decided && status !== 'rejected') m.notices = { approval: final };
  if (r() < 0.1) m.notes = `${capital(words(14))}.`;
  return m;
}

function impacts(system, r, words, pick) {
  const parties = {};
  for (const p of PARTIES) if (r() < 0.6) parties[p] = `${capital(words(12))}.`;
  const out = { parties };
  if (system) out.dcc = { [pick(DCC_AREAS)]: `${capital(words(10))}.` };
  out.otherCodes = r() < 0.1 ? ['BSC'] : [];
  return out;
}

/** Every heading the Policy asks for (CST-1); now and then a stated total, exactly their sum (CST-2). */
export function dccCosts(r, scale) {
  const c = {
    designBuildPit: Math.floor(r() * scale),
    sit: Math.floor((r() * scale) / 10),
    uit: Math.floor((r() * scale) / 50),
    implementToLive: Math.floor((r() * scale) / 25),
    oneOffOperational: r() < 0.7 ? 0 : Math.floor((r() * scale) / 20),
    ongoingOperational: r() < 0.7 ? 0 : Math.floor((r() * scale) / 40),
  };
  if (r() < 0.3) c.total = Object.values(c).reduce((a, b) => a + b, 0);
  return c;
}

export function capital(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
