// The handoff record (www/js/handoff.js) in node: records built from every persona and the
// golden result validate against schema/handoff.schema.json (draft 2020-12, with ajv and
// ajv-formats); the record carries only what the candidate entered and chose (a 4-digit
// postcode, never the rest of the profile); the schema refuses what the widget must never
// send; the targets a loket may configure; the mailto link (never longer than MAX_MAILTO:
// the JSON, then the end of the text left out, and said so) and the POST as sent.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { buildHandoff, checkContact, checkHandoff, handoffMail, handoffTarget, handoffText, MAX_MAILTO, MAX_ROUTES, sendHandoff, TOOL_VERSION } from "../../www/js/handoff.js";
import { Words } from "../../www/js/i18n.js";

const root = new URL("../../", import.meta.url);
const read = (f) => readFileSync(new URL(f, root), "utf8");
const SCHEMA = JSON.parse(read("schema/handoff.schema.json"));
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(SCHEMA);
const valid = (rec) => (validate(rec) ? null : ajv.errorsText(validate.errors));

const PERSONAS = readdirSync(new URL("tests/fixtures/profiles/", root)).map((f) => [f, JSON.parse(read(`tests/fixtures/profiles/${f}`))]);
const GOLDEN = JSON.parse(read("tests/golden/januari-baanaanbod.json"));
const JAN = JSON.parse(read("tests/fixtures/profiles/januari-baanaanbod.json"));
const CATALOG = { name: GOLDEN.catalog, version: GOLDEN.catalog_version };
const words = (lang) => new Words(lang, JSON.parse(read(`src/i18n/${lang}.json`)));
const base = { catalog: CATALOG, created: "2026-11-23", lang: "nl", region: "AM13" };

test("records from every persona, with routes from the golden result, validate against the schema", () => {
  const routes = GOLDEN.routes.slice(0, 3);
  for (const [name, profile] of PERSONAS) {
    const rec = buildHandoff({ ...base, profile, routes });
    assert.equal(valid(rec), null, name);
    assert.equal(rec.routes.length, 3);
  }
  const rec = buildHandoff({ ...base, profile: JAN, routes, typed: { name: "Sanne de Vries", email: "sanne@example.nl", phone: "+31 6 1234 5678", motivation: "Ik wil wiskunde geven.\nLiefst in Utrecht." } });
  assert.equal(valid(rec), null);
  assert.deepEqual(rec.prior_education, [{ level: "havo" }, { level: "hbo-bachelor", field: "toegepaste-wiskunde" }]);
  assert.deepEqual(rec.sectors, ["vo"]);
  assert.deepEqual(rec.subjects, ["wiskunde"]);
  assert.equal(rec.postcode, "3511");
  assert.deepEqual(rec.routes[0], { offering: routes[0].offering, name: routes[0].name, kind: routes[0].kind, institution: routes[0].institution, next_start: routes[0].next_intake.start_date, eligibility: routes[0].eligibility });
  assert.deepEqual(rec.contact, { name: "Sanne de Vries", email: "sanne@example.nl", phone: "+31 6 1234 5678" });
  assert.equal(rec.motivation, "Ik wil wiskunde geven.\nLiefst in Utrecht.");
  assert.deepEqual(rec.source, { tool: "Routewijzer", version: TOOL_VERSION, catalog: CATALOG.name, catalog_version: CATALOG.version });
  // Shortlist snapshots (start_date instead of next_intake) are routes too.
  const snap = buildHandoff({ ...base, routes: [{ offering: "x", name: "X", kind: "pabo-voltijd", institution: "Hogeschool", start_date: "2027-09-01" }] });
  assert.equal(valid(snap), null);
  assert.equal(snap.routes[0].next_start, "2027-09-01");
});

test("only what the candidate entered and chose: no age, job, hours, Dutch level or birth date; the postcode's four digits only", () => {
  const profile = { ...JAN, birth_date: "1995-03-14", dutch: "c1", location: { postcode: "3511 AB" }, vog: true, available_from: "2027-02-01" };
  const rec = buildHandoff({ ...base, profile, routes: [] });
  assert.equal(valid(rec), null);
  assert.equal(rec.postcode, "3511");
  const text = JSON.stringify(rec);
  for (const leak of ["1995-03-14", "3511 AB", "3511AB", "leraar-onbevoegd", "2027-01-04", "2027-02-01", '"c1"', "\"age\"", "birth", "hours", "\"job\"", "dutch", "vog"]) assert.ok(!text.includes(leak), `${leak} in ${text}`);
  // Empty answers give an empty but valid record; no contact object without contact details.
  const empty = buildHandoff({ ...base, profile: {}, routes: [] });
  assert.equal(valid(empty), null);
  assert.equal(empty.contact, undefined);
  assert.equal(empty.motivation, undefined);
  assert.equal(buildHandoff({ ...base, profile: { location: { gemeente: "GM0344" } } }).gemeente, "GM0344");
  // At most MAX_ROUTES routes travel.
  assert.equal(buildHandoff({ ...base, routes: Array(15).fill(GOLDEN.routes[0]) }).routes.length, MAX_ROUTES);
});

test("the schema refuses what must never be sent: a full postcode, a street, unknown fields, a broken e-mail", () => {
  const good = buildHandoff({ ...base, profile: JAN, routes: GOLDEN.routes.slice(0, 1) });
  const bad = [
    [{ ...good, postcode: "3511AB" }, /postcode/],
    [{ ...good, postcode: "351" }, /postcode/],
    [{ ...good, address: "Oudegracht 1" }, /additional properties/],
    [{ ...good, age: 31 }, /additional properties/],
    [{ ...good, contact: { email: "not-an-address" } }, /email/],
    [{ ...good, contact: {} }, /fewer than 1/],
    [{ ...good, schema_version: 2 }, /constant/],
    [{ ...good, created: "2026-13-45" }, /date/],
    [{ ...good, routes: [{ ...good.routes[0], next_start: "soon" }] }, /next_start/],
    [{ ...good, motivation: "x".repeat(2001) }, /2000/],
    [(({ source, ...r }) => r)(good), /source/],
  ];
  for (const [rec, re] of bad) assert.match(valid(rec) ?? "accepted", re);
});

test("contact details: each optional, checked, and cleaned of control characters", () => {
  assert.deepEqual(checkContact({}).problems, []);
  assert.deepEqual(checkContact({ email: "a@b", phone: "call me" }).problems, [{ field: "email", code: "invalid" }, { field: "phone", code: "invalid" }]);
  assert.deepEqual(checkContact({ motivation: "x".repeat(2001) }).problems, [{ field: "motivation", code: "too-long" }]);
  assert.equal(checkContact({ name: "  Ann\u0007a \r\n " }).clean.name, "Anna");
  // An invalid e-mail is never put in a record.
  assert.equal(buildHandoff({ ...base, typed: { email: "nope" } }).contact, undefined);
});

test("targets a loket may configure: a mailto address or an https endpoint, nothing else", () => {
  assert.deepEqual(handoffTarget("mailto:info@onderwijsloket-utrecht.nl"), { kind: "mailto", address: "info@onderwijsloket-utrecht.nl" });
  assert.deepEqual(handoffTarget(" https://loket.example/api/handoff "), { kind: "https", url: "https://loket.example/api/handoff" });
  for (const bad of [null, "", "http://loket.example/handoff", "javascript:alert(1)", "mailto:", "mailto:nobody", "mailto:a@b.nl?bcc=x@y.nl", "https://user:pw@loket.example/", "ftp://x", "/relative"]) assert.equal(handoffTarget(bad), null, String(bad));
});

test("a value a loket may get wrong never throws: no target, and a problem naming the attribute, what is wrong and what to write", () => {
  const cases = [
    ["mailto:Loket <a@b.nl>", /"Loket <a@b\.nl>" is not one plain e-mail address .*"mailto:adres@loket\.nl"/],
    ["mailto:info@loket.example.nl?subject=Routewijzer", /a mailto: address may not carry "\?subject=Routewijzer" \(the widget writes the subject/],
    ["mailto:loket%ZZ@x.nl", /"%ZZ" is not a percent-encoded character/],
    ["mailto:loket%E9@x.nl", /not UTF-8/],
    ["mailto:", /no address after mailto:/],
    ["http://loket.example/handoff", /"http:" is not accepted \(only "mailto:" or "https:"\)/],
    ["https://user:pw@loket.example/", /user name or password/],
    ["/relative", /not a URL/],
  ];
  for (const [value, why] of cases) {
    let r;
    assert.doesNotThrow(() => (r = checkHandoff(value)), value);
    assert.equal(r.target, null, value);
    assert.ok(r.problem.startsWith(`handoff attribute ${JSON.stringify(value)}: `), r.problem);
    assert.match(r.problem, why);
    assert.match(r.problem, /the widget works without the handoff section$/);
    assert.equal(handoffTarget(value), null, value);
  }
  assert.deepEqual(checkHandoff("mailto:info@loket.example.nl"), { target: { kind: "mailto", address: "info@loket.example.nl" }, problem: null });
  for (const none of [null, undefined, "", "  "]) assert.deepEqual(checkHandoff(none), { target: null, problem: null }, "absent: no section, nothing to report");
});

test("the readable text names every part in the widget's language (nl and en), and no key is left untranslated", () => {
  const rec = buildHandoff({ ...base, profile: JAN, routes: GOLDEN.routes.slice(0, 2), typed: { name: "Sanne", motivation: "Graag." } });
  for (const lang of ["nl", "en"]) {
    const w = words(lang);
    const text = handoffText(rec, w);
    assert.doesNotMatch(text, /\bho[A-Z]\w+/, `untranslated key in ${lang}`);
    for (const r of rec.routes) assert.ok(text.includes(r.name) && text.includes(w.label("route_kind", r.kind)), r.name);
    assert.ok(text.includes(w.label("level", "hbo-bachelor")));
    assert.ok(text.includes(w.label("sector", "vo")));
    assert.ok(text.includes("3511") && text.includes("Graag.") && text.includes("Sanne"));
    assert.ok(text.includes(w.date("2027-09-01")), "dates in the language's format");
  }
  assert.notEqual(handoffText(rec, words("nl")), handoffText(rec, words("en")));
});

test("no qualification reads as the form's answer ('geen bevoegdheid'), not as a gap", () => {
  const none = buildHandoff({ ...base, profile: { ...JAN, qualifications: [] }, routes: [] });
  assert.match(handoffText(none, words("nl")), /^Lesbevoegdheid: geen bevoegdheid$/m);
  assert.match(handoffText(none, words("en")), /: no qualification$/m);
  const one = buildHandoff({ ...base, profile: { ...JAN, qualifications: [{ qualification: "pabo" }] }, routes: [] });
  assert.doesNotMatch(handoffText(one, words("nl")), /geen bevoegdheid/);
});

const NOTES = { json: "[JSON left out]", text: "[shortened]" };
const mailOf = (rec, lang = "nl", max) => handoffMail({ address: "info@loket.nl", rec, readable: handoffText(rec, words(lang)), subject: "Mijn routes & vragen", notes: NOTES, max });

test("the mailto link carries the subject, the readable text and the JSON, exactly, when it fits", () => {
  const rec = buildHandoff({ ...base, profile: JAN, routes: GOLDEN.routes.slice(0, 2), typed: { motivation: "a & b = c?\nd" } });
  const readable = handoffText(rec, words("nl"));
  const mail = mailOf(rec, "nl", Infinity);
  const url = new URL(mail.href);
  assert.equal(url.protocol, "mailto:");
  assert.equal(url.pathname, "info@loket.nl");
  assert.equal(url.searchParams.get("subject"), "Mijn routes & vragen");
  const body = url.searchParams.get("body");
  assert.equal(body, mail.body);
  assert.equal(body, mail.full);
  assert.equal(mail.left, null);
  assert.ok(body.startsWith(readable));
  assert.deepEqual(JSON.parse(body.split("\n").findLast((l) => l.startsWith("{"))), rec);
});

test("the mailto link is never longer than MAX_MAILTO: the JSON goes first, then the end of the text, and the mail says so", () => {
  assert.equal(MAX_MAILTO, 2000);
  const body = (m) => new URL(m.href).searchParams.get("body");
  // Small: everything fits.
  const small = buildHandoff({ ...base, profile: {}, routes: [] });
  const s = mailOf(small);
  assert.equal(s.left, null);
  assert.equal(body(s), s.full);
  // Two routes and a short message: the readable text fits, the JSON does not.
  const mid = buildHandoff({ ...base, profile: JAN, routes: GOLDEN.routes.slice(0, 2), typed: { name: "Sanne", motivation: "Bel me graag." } });
  const m = mailOf(mid);
  assert.ok(m.href.length <= MAX_MAILTO, `${m.href.length}`);
  assert.ok(encodeURIComponent(m.full).length > MAX_MAILTO, "the whole text would not fit");
  assert.equal(m.left, "json");
  assert.equal(body(m), `${handoffText(mid, words("nl"))}\n\n${NOTES.json}\n`, "the readable text, whole, and the note");
  assert.ok(!body(m).includes("{"), "no half JSON");
  assert.ok(m.full.startsWith(handoffText(mid, words("nl"))) && m.full.includes(JSON.stringify(mid)), "the full text to copy");
  // A long message (with characters that take many bytes in a URL): only the text's beginning fits.
  for (const lang of ["nl", "en"]) {
    const motivation = `${"Ik wil graag lesgeven in wiskunde, liefst in Utrecht of Zeist. ".repeat(25)}Einde 😀 é.`.slice(0, 2000);
    const long = buildHandoff({ ...base, lang, profile: JAN, routes: GOLDEN.routes.slice(0, 3), typed: { name: "Sanne de Vries", motivation } });
    const readable = handoffText(long, words(lang));
    const l = mailOf(long, lang);
    assert.ok(l.href.length <= MAX_MAILTO && l.href.length > MAX_MAILTO - 40, `${l.href.length}: as much as fits`);
    assert.equal(l.left, "text");
    const b = body(l);
    assert.ok(b.endsWith(`\n…\n\n${NOTES.text}\n`), b.slice(-80));
    const kept = b.slice(0, b.length - `\n…\n\n${NOTES.text}\n`.length);
    assert.ok(readable.startsWith(kept), "only text the candidate saw, from its start");
    assert.match(readable.slice(kept.length), /^\s/, "cut at the end of a word");
    assert.ok(kept.includes(long.routes.at(-1).name) && kept.includes("Sanne de Vries"), "the routes and the contact come before the message");
    assert.equal(l.full, `${readable}\n\n--- JSON (schema/handoff.schema.json) ---\n${JSON.stringify(long)}\n`);
  }
  // Half a surrogate pair (a cut emoji) makes no URL throw; every limit holds however small.
  const odd = buildHandoff({ ...base, profile: JAN, routes: GOLDEN.routes.slice(0, 1), typed: { motivation: `x${"😀".repeat(400)}\ud83d` } });
  for (const max of [300, 600, 1000, 2000]) {
    const o = mailOf(odd, "nl", max);
    assert.ok(o.href.length <= max, `${max}: ${o.href.length}`);
    assert.doesNotThrow(() => decodeURIComponent(o.href));
  }
});

test("the POST: one application/json request without credentials or referrer, whose body is the record", async () => {
  const rec = buildHandoff({ ...base, profile: JAN, routes: GOLDEN.routes.slice(0, 1) });
  const calls = [];
  const ok = await sendHandoff("https://loket.example/h", rec, async (url, init) => (calls.push([url, init]), { ok: true, status: 201 }));
  assert.deepEqual(ok, { ok: true, status: 201 });
  assert.equal(calls.length, 1);
  const [url, init] = calls[0];
  assert.equal(url, "https://loket.example/h");
  assert.equal(init.method, "POST");
  assert.equal(init.headers["Content-Type"], "application/json");
  assert.equal(init.credentials, "omit");
  assert.equal(init.referrerPolicy, "no-referrer");
  assert.deepEqual(JSON.parse(init.body), rec);
  assert.deepEqual(await sendHandoff("https://loket.example/h", rec, async () => ({ ok: false, status: 500 })), { ok: false, status: 500 });
  assert.deepEqual(await sendHandoff("https://loket.example/h", rec, async () => { throw new TypeError("Failed to fetch"); }), { ok: false, status: 0 });
});

test("the record names Routewijzer's version as Cargo.toml does", () => {
  assert.equal(TOOL_VERSION, /^version = "([^"]+)"/m.exec(read("Cargo.toml"))[1]);
});
