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

/** The date a person wrote, as `YYYY-MM-DD`, or null when it is not one (or not a day of the
 * calendar). Read: day-month-year with -, /, . or spaces between (1-9-2027, 01/09/2027,
 * 1.9.27: a two-digit year is 20xx), year-month-day (2027-09-01), and a month written as a
 * word: its name in `months` or the start of it, three letters or more (1 september 2027,
 * 1 sep 2027; "mrt" is March). */
export function parseDate(text, months = []) {
  const s = String(text ?? "").trim().toLowerCase();
  let m;
  let ymd;
  if ((m = /^(\d{4})[-/. ](\d{1,2})[-/. ](\d{1,2})$/.exec(s))) ymd = [m[1], +m[2], +m[3]];
  else if ((m = /^(\d{1,2})[-/. ]+(\d{1,2})[-/. ]+(\d{4}|\d{2})$/.exec(s))) ymd = [m[3], +m[2], +m[1]];
  else if ((m = /^(\d{1,2})[-/. ]*(\p{L}+)\.?[-/. ]*(\d{4}|\d{2})$/u.exec(s))) {
    const word = m[2];
    const i = word === "mrt" ? 2 : word.length >= 3 ? months.findIndex((name) => name.toLowerCase().startsWith(word)) : -1;
    if (i < 0) return null;
    ymd = [m[3], i + 1, +m[1]];
  } else return null;
  const [yy, mo, d] = ymd;
  const y = yy.length === 2 ? 2000 + +yy : +yy;
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (mo < 1 || mo > 12 || t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return [y, mo, d].map((n, i) => String(n).padStart(i ? 2 : 4, "0")).join("-");
}
