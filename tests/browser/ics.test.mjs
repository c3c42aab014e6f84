// "Add to calendar" files (www/js/ics.js) checked against RFC 5545 in node: the required
// properties of VCALENDAR and VEVENT, CRLF line ends, folding at 75 octets without splitting
// a UTF-8 character, escaping of TEXT values; and every file parsed back with ical.js (the
// parser of Mozilla's calendar projects), whose values must equal what went in.
import { test } from "node:test";
import assert from "node:assert/strict";
import ICAL from "ical.js";
import { calendar, escapeText, fold, icsName } from "../../www/js/ics.js";

const NOW = new Date("2026-11-23T10:15:30.123Z");
const enc = new TextEncoder();

const deadline = { uid: "apply-hu-zij-instroom-vo-wiskunde-utrecht-2027-09-01@routewijzer", summary: "Uiterlijk aanmelden: Zij-instroom wiskunde", date: "2027-04-15", description: "Hogeschool Utrecht; start 1 september 2027", url: "https://www.hu.nl/zij-instroom" };
const intake = { uid: "intake-x@routewijzer", summary: "Start opleiding", date: "2027-09-01", location: "Utrecht" };
const evening = { uid: "act-1@routewijzer", summary: "Informatieavond zij-instroom, pabo; vo", date: "2027-03-11", startTime: "19:30", endTime: "21:00", location: "Padualaan 99, Utrecht", description: "Regel 1\nRegel 2, met \\ en ;", url: "https://example.org/avond?a=1,2" };

/** Unfolds the text into content lines (RFC 5545 3.1). */
const unfold = (text) => text.replace(/\r\n[ \t]/g, "").split("\r\n").filter(Boolean);

/** The required structure of RFC 5545: VERSION and PRODID once in VCALENDAR; UID, DTSTAMP, DTSTART once in each VEVENT; never both DTEND and DURATION. */
function assertRfc(text, nEvents) {
  assert.ok(text.endsWith("\r\n"), "ends in CRLF");
  assert.doesNotMatch(text.replace(/\r\n/g, ""), /[\r\n]/, "no bare CR or LF");
  for (const raw of text.split("\r\n").slice(0, -1)) assert.ok(enc.encode(raw).length <= 75, `line over 75 octets: ${raw}`);
  const lines = unfold(text);
  assert.equal(lines[0], "BEGIN:VCALENDAR");
  assert.equal(lines.at(-1), "END:VCALENDAR");
  const top = [];
  const events = [];
  let depth = 0;
  let cur = null;
  for (const l of lines.slice(1, -1)) {
    if (l.startsWith("BEGIN:")) {
      depth++;
      if (l === "BEGIN:VEVENT" && depth === 1) cur = [];
      continue;
    }
    if (l.startsWith("END:")) {
      depth--;
      if (l === "END:VEVENT" && depth === 0) (events.push(cur), (cur = null));
      continue;
    }
    if (depth === 0) top.push(l);
    else if (cur && depth === 1) cur.push(l);
  }
  const count = (props, name) => props.filter((l) => new RegExp(`^${name}[;:]`).test(l)).length;
  assert.equal(count(top, "VERSION"), 1);
  assert.ok(top.includes("VERSION:2.0"));
  assert.equal(count(top, "PRODID"), 1);
  assert.equal(events.length, nEvents);
  for (const e of events) {
    for (const p of ["UID", "DTSTAMP", "DTSTART", "SUMMARY"]) assert.equal(count(e, p), 1, `${p} once in ${e.join(" | ")}`);
    assert.ok(count(e, "DTEND") + count(e, "DURATION") <= 1, "DTEND and DURATION exclude each other");
    assert.match(e.find((l) => l.startsWith("DTSTAMP:")), /^DTSTAMP:\d{8}T\d{6}Z$/, "DTSTAMP in UTC");
  }
  return events;
}

const parse = (text) => new ICAL.Component(ICAL.parse(text));

test("an all-day deadline: DATE values, exclusive DTEND, DTSTAMP in UTC, parsed back by ical.js", () => {
  const text = calendar([deadline], { now: NOW });
  assertRfc(text, 1);
  const cal = parse(text);
  assert.equal(cal.getFirstPropertyValue("version"), "2.0");
  assert.match(cal.getFirstPropertyValue("prodid"), /Routewijzer/);
  assert.equal(cal.getFirstSubcomponent("vtimezone"), null, "no time zone for dates only");
  const ev = new ICAL.Event(cal.getFirstSubcomponent("vevent"));
  assert.equal(ev.uid, deadline.uid);
  assert.equal(ev.summary, deadline.summary);
  assert.equal(ev.description, deadline.description);
  assert.ok(ev.startDate.isDate, "DTSTART is a DATE");
  assert.equal(ev.startDate.toString(), "2027-04-15");
  assert.equal(ev.endDate.toString(), "2027-04-16", "DTEND is the next day (exclusive)");
  assert.equal(ev.component.getFirstPropertyValue("url"), deadline.url);
  assert.equal(ev.component.getFirstPropertyValue("dtstamp").toString(), "2026-11-23T10:15:30Z");
  assert.match(text, /\r\nDTSTAMP:20261123T101530Z\r\n/);
  assert.match(text, /\r\nDTSTART;VALUE=DATE:20270415\r\n/);
});

test("a timed activity: local times with TZID=Europe/Amsterdam and a VTIMEZONE that ical.js resolves (CET in March, CEST in June)", () => {
  const june = { ...evening, uid: "act-2@routewijzer", date: "2027-06-10" };
  const text = calendar([evening, june], { now: NOW });
  assertRfc(text, 2);
  const cal = parse(text);
  const tz = cal.getFirstSubcomponent("vtimezone");
  assert.equal(tz.getFirstPropertyValue("tzid"), "Europe/Amsterdam");
  ICAL.TimezoneService.register(tz); // as a calendar client does with the file's VTIMEZONE
  try {
    const [a, b] = cal.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
    assert.equal(a.component.getFirstProperty("dtstart").getParameter("tzid"), "Europe/Amsterdam");
    assert.equal(a.startDate.isDate, false);
    assert.equal(a.startDate.toString(), "2027-03-11T19:30:00");
    assert.equal(a.endDate.toString(), "2027-03-11T21:00:00");
    assert.equal(a.startDate.zone.tzid, "Europe/Amsterdam", "the zone is the file's VTIMEZONE");
    // 19:30 local is 18:30 UTC in winter and 17:30 UTC in summer.
    const utcOf = (t) => new Date(t.toUnixTime() * 1000).toISOString();
    assert.equal(utcOf(a.startDate), "2027-03-11T18:30:00.000Z");
    assert.equal(utcOf(b.startDate), "2027-06-10T17:30:00.000Z");
    assert.equal(utcOf(a.endDate), "2027-03-11T20:00:00.000Z");
    checkText(a);
  } finally {
    ICAL.TimezoneService.remove("Europe/Amsterdam");
  }
});

function checkText(a) {
  // Escaped text comes back as it went in.
  assert.equal(a.summary, evening.summary);
  assert.equal(a.description, evening.description);
  assert.equal(a.location, evening.location);
  assert.equal(a.component.getFirstPropertyValue("url"), evening.url, "a URI is not escaped as text");
}

test("escaping of backslash, semicolon, comma and newlines (RFC 5545 3.3.11); other control characters dropped", () => {
  assert.equal(escapeText("a\\b;c,d\ne\r\nf\rg"), "a\\\\b\\;c\\,d\\ne\\nf\\ng");
  assert.equal(escapeText("bell\u0007 tab\tok"), "bell tab\tok");
  const text = calendar([{ uid: "x", summary: "a;b,c\\d\ne", date: "2027-01-04" }], { now: NOW });
  assert.match(text, /\r\nSUMMARY:a\\;b\\,c\\\\d\\ne\r\n/);
  assert.equal(new ICAL.Event(parse(text).getFirstSubcomponent("vevent")).summary, "a;b,c\\d\ne");
});

test("folding at 75 octets never splits a UTF-8 character, and unfolds to the original", () => {
  for (const s of ["x".repeat(200), `DESCRIPTION:${"é".repeat(100)}`, `SUMMARY:${"a€😀".repeat(40)}`, `LOCATION:${"b".repeat(74)}ü`]) {
    const folded = fold(s);
    const parts = folded.split("\r\n");
    for (const [i, p] of parts.entries()) {
      assert.ok(enc.encode(p).length <= 75, `part ${i} has ${enc.encode(p).length} octets`);
      if (i) assert.equal(p[0], " ");
      assert.ok(!p.includes("\uFFFD") && p.isWellFormed(), "no broken character");
    }
    assert.equal(folded.replace(/\r\n /g, ""), s);
  }
  assert.equal(fold("short"), "short");
  // A long Dutch description survives folding through ical.js.
  const long = "Informatieavond over zij-instroom in het voortgezet onderwijs: wat je nodig hebt, hoe het geschiktheidsonderzoek werkt, en wat het kost — één avond, café-stijl.";
  const text = calendar([{ ...intake, description: long }], { now: NOW });
  assertRfc(text, 1);
  assert.equal(new ICAL.Event(parse(text).getFirstSubcomponent("vevent")).description, long);
});

test("a multi-day item and a timed item without an end; an invalid URL scheme is left out", () => {
  const text = calendar([
    { uid: "a", summary: "Meeloopdagen", date: "2027-02-01", endDate: "2027-02-03" },
    { uid: "b", summary: "Open dag", date: "2027-02-06", startTime: "10:00", url: "javascript:alert(1)" },
  ], { now: NOW });
  const [a, b] = assertRfc(text, 2);
  assert.ok(a.includes("DTEND;VALUE=DATE:20270204"));
  assert.ok(!b.some((l) => l.startsWith("DTEND") || l.startsWith("URL")), b.join(" | "));
  const evs = parse(text).getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
  assert.equal(evs[0].endDate.toString(), "2027-02-04");
  assert.equal(evs[1].startDate.toString(), "2027-02-06T10:00:00");
});

test("a timed item with a later last day but no end time runs to the end of that day (not a moment on the first), as local times", () => {
  const text = calendar([
    { uid: "a", summary: "Meeloopdagen", date: "2027-02-01", endDate: "2027-02-03", startTime: "10:00" },
    { uid: "b", summary: "Open dag", date: "2027-02-06", endDate: "2027-02-06", startTime: "10:00" },
    { uid: "c", summary: "Over de zomertijd heen", date: "2027-03-27", endDate: "2027-03-28", startTime: "09:30" },
  ], { now: NOW });
  const [a, b, c] = assertRfc(text, 3);
  assert.ok(a.includes("DTSTART;TZID=Europe/Amsterdam:20270201T100000"), a.join(" | "));
  assert.ok(a.includes("DTEND;TZID=Europe/Amsterdam:20270204T000000"), "midnight after the last day, the value type of DTSTART");
  assert.ok(a.includes("TRANSP:TRANSPARENT"), "its hours are not known: not busy all the while");
  assert.ok(!b.some((l) => l.startsWith("DTEND")), "the same day without an end time: a moment, as before");
  assert.ok(c.includes("DTEND;TZID=Europe/Amsterdam:20270329T000000"));
  const evs = parse(text).getAllSubcomponents("vevent").map((x) => new ICAL.Event(x));
  assert.equal(evs[0].startDate.toString(), "2027-02-01T10:00:00");
  assert.equal(evs[0].endDate.toString(), "2027-02-04T00:00:00");
  assert.equal(evs[0].endDate.toUnixTime() - evs[0].startDate.toUnixTime(), (2 * 24 + 14) * 3600, "two days and 14 hours (CET throughout)");
  assert.equal(evs[2].endDate.toUnixTime() - evs[2].startDate.toUnixTime(), (14 + 24 - 1) * 3600 + 1800, "summer time starts in between: an hour less");
});

test("the same item gives the same UID, whatever the time of download", () => {
  const uid = (t) => unfold(t).find((l) => l.startsWith("UID:"));
  assert.equal(uid(calendar([deadline], { now: NOW })), uid(calendar([deadline], { now: new Date() })));
});

test("a malformed event is an Error naming the field and what is wrong", () => {
  const bad = [
    [[], /events: expected at least one/],
    [[{ ...deadline, date: "2027-02-30" }], /events\[0\]\.date: "2027-02-30" is not a date/],
    [[deadline, { ...evening, startTime: "25:00" }], /events\[1\]\.startTime: "25:00" is not a time HH:MM/],
    [[{ ...evening, endTime: "18:00" }], /events\[0\]: ends .* before it starts/],
    [[{ ...deadline, uid: " " }], /events\[0\]\.uid: missing/],
    [[{ ...deadline, summary: undefined }], /events\[0\]\.summary: missing/],
    [[{ ...deadline, endTime: "10:00" }], /events\[0\]\.endTime: given without a startTime/],
  ];
  for (const [events, re] of bad) assert.throws(() => calendar(events, { now: NOW }), re);
  assert.throws(() => calendar([deadline], { now: new Date("x") }), /now: not a valid Date/);
});

test("file names are plain ASCII", () => {
  assert.equal(icsName("Uiterlijk aanmelden: Zij-instroom café"), "uiterlijk-aanmelden-zij-instroom-cafe.ics");
  assert.equal(icsName("€€€"), "routewijzer.ics");
});

test("the widget's calendar items: a route's deadline, GO request date and start (golden result), and an activity", async () => {
  const { readFileSync } = await import("node:fs");
  const { Words } = await import("../../www/js/i18n.js");
  const { activityEvent, routeDates } = await import("../../www/js/kit.js");
  const read = (f) => readFileSync(new URL(`../../${f}`, import.meta.url), "utf8");
  const golden = JSON.parse(read("tests/golden/januari-baanaanbod.json"));
  const w = new Words("nl", JSON.parse(read("src/i18n/nl.json")));
  const route = golden.routes[0];
  const pw = golden.pathways.find((p) => p.offering === route.offering);
  const dates = routeDates(route, pw, w);
  assert.deepEqual(dates.map((d) => d.key), ["apply", "request-go", "start"]);
  assert.deepEqual(dates.map((d) => d.event.date), [route.next_intake.apply_by, pw.timeline.find((e) => e.event === "request-go").date, route.next_intake.start_date]);
  const text = calendar(dates.map((d) => d.event), { now: NOW });
  assertRfc(text, 3);
  const evs = parse(text).getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
  assert.ok(evs.every((e) => e.startDate.isDate && e.summary.endsWith(route.name) && e.location === `${route.institution}, ${route.place}`));
  assert.equal(routeDates({ ...route, next_intake: null }, null, w).length, 0, "no intake, no dates");
  // A route without cohorts (herintreding) has a start but no deadline.
  const rolling = { ...route.next_intake, rolling: true, apply_by: route.next_intake.start_date };
  assert.deepEqual(routeDates({ ...route, next_intake: rolling }, null, w).map((d) => d.key), ["start"]);
  // An activity: local times, "online" for an online one, "voorbeeld" said in the description of demo data.
  const act = { id: "a1", name: "Open avond pabo", activity_type: "open-dag", start_date: "2027-03-11", start_time: "19:00", end_time: "21:00", mode: "offline", place: "Utrecht", address: "Padualaan 97", organizer: "Hogeschool Utrecht", url: "https://www.hu.nl/open", description: "Kom kijken.", demo: true };
  const ev = new ICAL.Event(parse(calendar([activityEvent(act, w)], { now: NOW })).getFirstSubcomponent("vevent"));
  assert.equal(ev.startDate.toString(), "2027-03-11T19:00:00");
  assert.equal(ev.endDate.toString(), "2027-03-11T21:00:00");
  assert.equal(ev.location, "Padualaan 97, Utrecht");
  assert.match(ev.description, /Hogeschool Utrecht\nKom kijken\.\nVoorbeeldactiviteit/);
  // Several days from a start time, without an end time: to the end of the last day.
  const days = new ICAL.Event(parse(calendar([activityEvent({ ...act, end_date: "2027-03-13", end_time: null }, w)], { now: NOW })).getFirstSubcomponent("vevent"));
  assert.equal(days.startDate.toString(), "2027-03-11T19:00:00");
  assert.equal(days.endDate.toString(), "2027-03-14T00:00:00");
  const online = activityEvent({ ...act, mode: "online", start_time: null, end_time: "21:00", demo: false }, w);
  assert.equal(online.location, "online");
  assert.equal(online.startTime, undefined);
  assert.equal(online.endTime, undefined, "no end time without a start time");
  assertRfc(calendar([online], { now: NOW }), 1);
});
