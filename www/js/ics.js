// ics.js: "add to calendar" as an iCalendar file (RFC 5545), made on the device. One
// VCALENDAR with a VEVENT per item: all-day items (an application deadline, a GO request
// date, an intake start) as DATE values, timed ones (an activity) as local times in
// Europe/Amsterdam with its VTIMEZONE. Text is escaped (`\ ; , newline`), lines are folded
// at 75 octets without splitting a UTF-8 character, and every line ends in CRLF.

import { DAY, utc } from "./dates.js";

const PRODID = "-//Routewijzer//Routewijzer//NL";
export const TZID = "Europe/Amsterdam";

// Central European Time since 1996 (EU rules): summer time from the last Sunday of March
// 02:00 to the last Sunday of October 03:00.
const VTIMEZONE = [
  "BEGIN:VTIMEZONE", `TZID:${TZID}`,
  "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19810329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
  "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19961027T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
  "END:VTIMEZONE",
];

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
/** A real calendar date `YYYY-MM-DD` (not 2027-02-30). */
const isDate = (d) => typeof d === "string" && /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(utc(d)).toISOString().slice(0, 10) === d;
const enc = new TextEncoder();

/** A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines escaped; other control characters dropped. */
export function escapeText(s) {
  return String(s)
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, "\\n");
}

/** Folds one content line at 75 octets (RFC 5545 3.1): continuation lines start with a space; a UTF-8 character is never split. */
export function fold(line) {
  const out = [];
  let cur = "";
  let bytes = 0;
  for (const ch of line) {
    const n = enc.encode(ch).length;
    const max = out.length ? 74 : 75; // the leading space of a continuation counts
    if (bytes + n > max) {
      out.push(cur);
      cur = "";
      bytes = 0;
    }
    cur += ch;
    bytes += n;
  }
  out.push(cur);
  return out.join("\r\n ");
}

const ymd = (d) => d.replaceAll("-", "");
const hms = (t) => `${t.replace(":", "")}00`;
const nextDay = (d) => new Date(utc(d) + DAY).toISOString().slice(0, 10);
/** A Date as a UTC DATE-TIME: 20261123T101500Z. */
const stamp = (now) => now.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

/** A URL fit for the URL property (http or https), or null. */
function httpUrl(u) {
  try {
    const url = new URL(String(u));
    return /^https?:$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * @typedef {object} CalendarEvent
 * @property {string} uid stable id of the item (the same item gives the same UID, so a calendar updates it rather than doubling it)
 * @property {string} summary
 * @property {string} date `YYYY-MM-DD` (the first day)
 * @property {string} [endDate] `YYYY-MM-DD`, the last day (inclusive)
 * @property {string} [startTime] `HH:MM` local time in Europe/Amsterdam; absent: an all-day item
 * @property {string} [endTime] `HH:MM` (on `endDate`, else on `date`); absent with a later `endDate`: the item runs to the end of that day; absent otherwise: a moment
 * @property {string} [description]
 * @property {string} [location]
 * @property {string} [url] http(s) only; others are left out
 */

/** Checks one event; throws an Error naming the field and what is wrong. */
function check(e, i) {
  const at = `events[${i}]`;
  if (!e || typeof e !== "object") throw new Error(`${at}: not an object`);
  if (typeof e.uid !== "string" || !e.uid.trim()) throw new Error(`${at}.uid: missing`);
  if (typeof e.summary !== "string" || !e.summary.trim()) throw new Error(`${at}.summary: missing`);
  if (!isDate(e.date)) throw new Error(`${at}.date: ${JSON.stringify(e.date)} is not a date YYYY-MM-DD`);
  if (e.endDate != null && !isDate(e.endDate)) throw new Error(`${at}.endDate: ${JSON.stringify(e.endDate)} is not a date YYYY-MM-DD`);
  for (const f of ["startTime", "endTime"]) if (e[f] != null && !TIME.test(e[f])) throw new Error(`${at}.${f}: ${JSON.stringify(e[f])} is not a time HH:MM`);
  if (e.endTime != null && e.startTime == null) throw new Error(`${at}.endTime: given without a startTime`);
  const end = `${e.endDate ?? e.date}T${e.endTime ?? e.startTime ?? "00:00"}`;
  if (end < `${e.date}T${e.startTime ?? "00:00"}`) throw new Error(`${at}: ends (${end}) before it starts`);
}

/** The lines of one VEVENT. */
function vevent(e, dtstamp) {
  const lines = ["BEGIN:VEVENT", `UID:${escapeText(e.uid)}`, `DTSTAMP:${dtstamp}`];
  if (e.startTime == null) {
    // All day: DTEND is the day after the last one (exclusive), and the item does not block time.
    lines.push(`DTSTART;VALUE=DATE:${ymd(e.date)}`, `DTEND;VALUE=DATE:${ymd(nextDay(e.endDate ?? e.date))}`, "TRANSP:TRANSPARENT");
  } else {
    lines.push(`DTSTART;TZID=${TZID}:${ymd(e.date)}T${hms(e.startTime)}`);
    if (e.endTime != null) lines.push(`DTEND;TZID=${TZID}:${ymd(e.endDate ?? e.date)}T${hms(e.endTime)}`);
    else if (e.endDate != null && e.endDate !== e.date) {
      // A start time and a later last day, no end time: not a moment on the first day, but
      // to midnight after the last day, a local time as DTSTART is (RFC 5545 3.8.2.2: DTEND
      // has DTSTART's value type; a DATE end is invalid and calendar apps differ on it). Not
      // the start time on the last day: that cuts it short at an hour nobody gave. Its
      // hours are not known, so it is not shown as busy.
      lines.push(`DTEND;TZID=${TZID}:${ymd(nextDay(e.endDate))}T000000`, "TRANSP:TRANSPARENT");
    }
  }
  lines.push(`SUMMARY:${escapeText(e.summary)}`);
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  const url = e.url && httpUrl(e.url);
  if (url) lines.push(`URL:${url}`);
  lines.push("END:VEVENT");
  return lines;
}

/**
 * The iCalendar text (RFC 5545) of one or more events. `now` is the DTSTAMP (default: the
 * current time). Throws an Error naming the field when an event is not well-formed.
 * @param {CalendarEvent[]} events
 * @param {{ now?: Date }} [options]
 */
export function calendar(events, { now = new Date() } = {}) {
  if (!Array.isArray(events) || !events.length) throw new Error("events: expected at least one event");
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new Error("now: not a valid Date");
  events.forEach(check);
  const dtstamp = stamp(now);
  const lines = [
    "BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:${PRODID}`, "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
    ...(events.some((e) => e.startTime != null) ? VTIMEZONE : []),
    ...events.flatMap((e) => vevent(e, dtstamp)),
    "END:VCALENDAR",
  ];
  return lines.map(fold).join("\r\n") + "\r\n";
}

/** A file name for an .ics download: the summary's letters and digits, at most 40. */
export function icsName(summary) {
  const base = String(summary).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40).replace(/-$/, "");
  return `${base || "routewijzer"}.ics`;
}
