// Today in the UK: the default of --as-of (context.ts) and what a memoised run checks its day against (replay.ts).

/**
 * Today's date in the UK, where the SEC's calendar runs, whatever the machine's TZ. Computed from the
 * UK's summer-time rule (BST from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
 * Sunday of October) rather than Intl, whose time-zone data costs ~15 ms of start-up.
 */
export function londonToday(now: Date = new Date()): string {
  const ms = now.getTime();
  const year = now.getUTCFullYear();
  const lastSunday = (month: number) => {
    const last = Date.UTC(year, month + 1, 0, 1);
    return last - new Date(last).getUTCDay() * 86_400_000;
  };
  const bst = ms >= lastSunday(2) && ms < lastSunday(9);
  return new Date(ms + (bst ? 3_600_000 : 0)).toISOString().slice(0, 10);
}
