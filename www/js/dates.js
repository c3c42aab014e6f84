//# allFunctionsCalledOnLoad
// dates.js: calendar dates as the core writes them (`YYYY-MM-DD`), as UTC day numbers.

export const DAY = 864e5;

/** Milliseconds of a `YYYY-MM-DD` date at 00:00 UTC. */
export const utc = (d) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10));

/** Whether `s` is a real day `YYYY-MM-DD` (not 2027-02-30, which Date.UTC would roll over). */
export const isDate = (s) => /^\d{4}-\d{2}-\d{2}$/.test(s || "") && !Number.isNaN(utc(s)) && new Date(utc(s)).toISOString().slice(0, 10) === s;

/** The visitor's local date, `YYYY-MM-DD`. */
export function localToday() {
  const d = new Date();
  return [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n, i) => String(n).padStart(i ? 2 : 4, "0")).join("-");
}

/** Month names a typed date may use, Dutch and English (either, in either language of the
 * widget), by month: a word names a month when it is one of these or the start of one, three
 * letters or more (and "mrt", "sept"). */
const MONTHS = [
  ["januari", "january"], ["februari", "february"], ["maart", "march", "mrt"], ["april"], ["mei", "may"], ["juni", "june"],
  ["juli", "july"], ["augustus", "august"], ["september", "sept"], ["oktober", "october"], ["november"], ["december"],
];
const monthOf = (word) => (word.length < 3 ? 0 : MONTHS.findIndex((names) => names.some((n) => n.startsWith(word))) + 1);

/** The date a person wrote, as `YYYY-MM-DD`, or null when it is not one (not a day of the
 * calendar, or a year outside 1900-2100). Read: day-month-year with -, /, . or spaces
 * between (25-9-2027, 25/09/2027, 25.9.27), year-month-day (2027-09-25), and a month written
 * as a word, Dutch or English, before or after the day (25 september 2027, 25 sep 2027,
 * September 25, 2027). A two-digit year is 20xx up to 49 and 19xx from 50 (a date someone
 * left a programme is often last century; one they start at, this one). Never throws. */
export function parseDate(text) {
  const s = String(text ?? "").trim().toLowerCase();
  let m;
  let ymd;
  if ((m = /^(\d{4})[-/. ](\d{1,2})[-/. ](\d{1,2})$/.exec(s))) ymd = [m[1], +m[2], +m[3]];
  else if ((m = /^(\d{1,2})[-/. ]+(\d{1,2})[-/. ]+(\d{4}|\d{2})$/.exec(s))) ymd = [m[3], +m[2], +m[1]];
  else if ((m = /^(\d{1,2})[-/. ]*(\p{L}+)\.?[-/., ]*(\d{4}|\d{2})$/u.exec(s))) ymd = [m[3], monthOf(m[2]), +m[1]];
  else if ((m = /^(\p{L}+)\.?[-/. ]*(\d{1,2})(?:st|nd|rd|th)?[-/., ]+(\d{4}|\d{2})$/u.exec(s))) ymd = [m[3], monthOf(m[1]), +m[2]];
  else return null;
  const [yy, mo, d] = ymd;
  const y = yy.length === 2 ? (+yy < 50 ? 2000 : 1900) + +yy : +yy;
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12) return null;
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return [y, mo, d].map((n, i) => String(n).padStart(i ? 2 : 4, "0")).join("-");
}
