// The performance budgets of issue 8, checked against one benchmark run: each is met, or missed by how much.

const find = (rows, prefix) => rows?.find((r) => r.name.startsWith(prefix));

/** `startup`: the start-up rows (the first is `node -e 0`); `scale`: rows by size; `peer`: ajv-cli's row. */
export function checkBudgets({ startup, scale, peer, largest }) {
  const base = startup[0];
  const out = [];
  const ratio = (name, limit) => {
    const row = startup.find((r) => r.name === name);
    const value = row.median / base.median;
    out.push({ what: `${name} on the example ≤ ${limit}× node -e 0`, value: `${value.toFixed(2)}× (${row.median.toFixed(0)} ms against ${base.median.toFixed(0)} ms)`, met: value <= limit });
  };
  ratio('secrel validate', 1.6);
  ratio('secrel plan', 2.5);
  const big = scale.get(largest);
  if (big) {
    const n = largest.toLocaleString('en-GB');
    const ms = (name, limit) => {
      const row = find(big, name);
      out.push({ what: `${name} on ${n} modifications < ${limit / 1000} s`, value: `${(row.median / 1000).toFixed(2)} s`, met: row.median < limit });
      return row;
    };
    const validate = ms('secrel validate', 2000);
    if (peer) {
      out.push({ what: `secrel validate faster than ajv-cli on the same ${n} files`, value: `${(validate.median / 1000).toFixed(2)} s against ${(peer.median / 1000).toFixed(2)} s (${(peer.median / validate.median).toFixed(2)}× faster)`, met: validate.median < peer.median });
    }
    ms('secrel check', 3000);
    const peak = Math.max(...big.filter((r) => r.name.startsWith('secrel')).map((r) => r.peakMb));
    out.push({ what: `peak memory of every secrel command on ${n} modifications < 300 MB`, value: `${peak.toFixed(0)} MB at most`, met: peak < 300 });
    ms('secrel render rid', 3000);
  }
  return out;
}

export function printBudgets(results) {
  console.log('\nBudgets:');
  const w = Math.max(...results.map((r) => r.what.length));
  for (const r of results) console.log(`  ${r.met ? 'met   ' : 'MISSED'}  ${r.what.padEnd(w)}  ${r.value}`);
}
