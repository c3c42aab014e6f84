//# allFunctionsCalledOnLoad
// dates.js: calendar dates as the core writes them (`YYYY-MM-DD`), as UTC day numbers.

export const DAY = 864e5;

/** Milliseconds of a `YYYY-MM-DD` date at 00:00 UTC. */
export const utc = (d) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10));

export const isDate = (s) => /^\d{4}-\d{2}-\d{2}$/.test(s || "") && !Number.isNaN(utc(s));

/** The visitor's local date, `YYYY-MM-DD`. */
export function localToday() {
  const d = new Date();
  return [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n, i) => String(n).padStart(i ? 2 : 4, "0")).join("-");
}
