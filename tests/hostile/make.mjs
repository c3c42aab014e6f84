// Writes the hostile corpus: catalogs/*.json and profiles/*.json, and the manifest
// cases.json that states what each case attacks and what the core must answer. Edit the
// tables here, then run `node tests/hostile/make.mjs` and commit what it writes; the
// runner (run.test.mjs) reads only cases.json and the files.
//
// A case: { file | generate | api, kind: "catalog" | "profile" | "api", expect: "ok" |
// "invalid", path, message (a substring of that problem's message), absent (a substring
// no problem may hold), attack (what it attacks), known (a defect of the core: reported
// as a todo, not a failure) }. Where one
// side answers differently for a reason, an override says what it must answer and why:
//   cli          the CLI (serde_json reads the text straight into the types: a token
//                error inside a value has that value's path);
//   wasm_text    the wasm API given the text (read as the CLI reads it; kept for cases where
//                has a line and column, not a path); also the default of wasm_object;
//   wasm_object  the wasm API given JSON.parse of the text (JS has one number type, keeps
//                the last of two equal keys, and accepts lone surrogates);
//   wasm: false  the case cannot be given to the wasm API at all.
import { mkdirSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { baseCatalog, clone, write, notChain, nestedArrayText, PERSONA, TODAY } from "./lib.mjs";

const here = new URL("./", import.meta.url);
const cases = [];
const files = new Map();

const BASE = baseCatalog();
const BASE_TEXT = write(BASE);
/** The smallest valid catalog: meta and weights, every required list empty. */
const MINI = { meta: BASE.meta, rules: [], route_kinds: [], offerings: [], weights: BASE.weights };
const MINI_TEXT = write(MINI);
const PERSONA_TEXT = readFileSync(PERSONA, "utf8");

const ruleIndex = (c, id) => c.rules.findIndex((r) => r.id === id);
const R_HBO = ruleIndex(BASE, "hbo-vooropleiding");
const R_VERWANT = ruleIndex(BASE, "zij-instroom-vo-tweedegraads-verwant");

/**
 * A catalog case. `make` gets a copy of the base (or of the mini catalog with `mini`) and
 * either changes it in place, returns a new document, or returns text (a string).
 */
function catalog(name, expect, make, { mini = false, ...rest } = {}) {
  const doc = clone(mini ? MINI : BASE);
  const out = make(doc);
  const text = typeof out === "string" ? out : write(out === undefined ? doc : out);
  add("catalogs", name, text, "catalog", expect, rest);
}

/** A profile case, matched against the sample catalog. */
function profile(name, expect, make, rest = {}) {
  const out = typeof make === "function" ? make() : make;
  const text = typeof out === "string" ? out : JSON.stringify(out, null, 1) + "\n";
  add("profiles", name, text, "profile", expect, rest);
}

function add(dir, name, text, kind, expect, rest) {
  const file = `${dir}/${name}.json`;
  if (files.has(file)) throw new Error(`${file} twice`);
  files.set(file, text);
  const [outcome, path, message] = Array.isArray(expect) ? expect : [expect];
  cases.push(entry({ file, kind, expect: outcome, path, message, ...rest }));
}

/** A case generated at run time (too big to commit), by a generator of lib.mjs. */
function generated(name, kind, expect, rest) {
  const [outcome, path, message] = Array.isArray(expect) ? expect : [expect];
  cases.push(entry({ generate: name, kind, expect: outcome, path, message, ...rest }));
}

/** A call of the wasm API. `args` are JSON, with {"$": ...} for what JSON cannot hold (see run.test.mjs). */
function api(name, call, args, expect, rest) {
  const [outcome, document, path, message] = Array.isArray(expect) ? expect : [expect];
  cases.push(entry({ api: name, kind: "api", call, args, expect: outcome, document, path, message, ...rest }));
}

function entry(c) {
  if (!c.attack) throw new Error(`${c.file ?? c.generate ?? c.api}: say what it attacks`);
  if (c.expect === "invalid" && c.path === undefined) throw new Error(`${c.file ?? c.api}: an invalid case names a path`);
  const order = ["file", "generate", "api", "kind", "attack", "call", "args", "expect", "document", "path", "message", "absent", "cli", "wasm_text", "wasm_object", "wasm", "known"];
  return Object.fromEntries(order.filter((k) => c[k] !== undefined).map((k) => [k, c[k]]));
}

/** The base text with `from` replaced once by `to` (for syntax the JSON writer cannot make). */
function edit(text, from, to) {
  const i = text.indexOf(from);
  if (i < 0) throw new Error(`'${from}' not in the text`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

/** The wasm API reads text into a JSON value first: a token error has a position, no path. */
// The wasm API reads text exactly as the CLI does, so text cases need no override.
const atPosition = () => ({});
const garbled = "wasm object reader: a bad value two or more levels deep gets a garbled path ('places.Error: [0].Error: lat') and 'Error: ' in its message";
/** How many `not`s deep the CLI's first problem of 200 nested tests lies (serde_json stops at 128 levels from the document root). */
const NOTS_CLI = 126;
const NAME = '"name":"Hostile corpus base catalog"';
const FIRST_OFFERING_NAME = `"name":${JSON.stringify(BASE.offerings[0].name)}`;
const LAT = `"lat":${BASE.places[0].lat}`;

// ---------------------------------------------------------------- catalogs: valid ones
catalog("ok-base", "ok", () => {}, { attack: "control: the base every other catalog case changes one thing of" });
catalog("ok-mini", "ok", () => {}, { mini: true, attack: "the smallest catalog: every list empty (no offerings to match)" });
catalog("ok-html-names", "ok", (c) => {
  c.meta.name = '<script>alert("meta")</script><img src=x onerror=alert(1)>';
  c.offerings[0].name = "</td><script>document.cookie</script>&amp;&lt;";
  c.institutions[0].name = "<b onmouseover=alert(1)>Hogeschool</b>";
  c.places[0].name = "<iframe src=javascript:alert(1)>";
}, { attack: "HTML and script in names: data, accepted as is and given back verbatim" });
catalog("ok-terminal-escapes", "ok", (c) => {
  c.meta.name = "Catalogus\u001b[2J\u001b[H\u0007\r\nnep-regel";
  c.offerings[0].name = "Route\u001b]0;titel\u0007\u001b[31mROOD\u001b[0m\nx";
  c.offerings[2].name = "Tab\there\u0000nul\u007fdel\u009bcsi";
  c.institutions[0].name = "\u001b[1A\u001b[2KHogeschool";
}, { attack: "ANSI/OSC escape sequences, NUL, DEL, C1 and CR/LF in names: accepted, escaped in --format text" });
catalog("ok-bidi-and-emoji", "ok", (c) => {
  c.meta.name = "\u202egnp.exe\u202c \u200b\u2066x\u2069 \u{1F9D1}\u200D\u{1F3EB} \uFEFF";
  c.offerings[0].name = "Z\u0351\u0352\u0353algo \u{10FFFF}";
}, { attack: "bidi overrides, zero-width and combining characters, astral and last code points" });
catalog("ok-escaped-unicode", "ok", () => edit(BASE_TEXT, NAME, '"name": "\\u00e9\\ud83d\\ude00\\u0000\\u001f\\/"'),
  { attack: "\\u escapes incl. a valid surrogate pair, NUL and \\/" });
catalog("ok-relatedness-twice", "ok", (c) => {
  const first = c.relatedness[0];
  c.relatedness.push(clone(first), { ...clone(first), field: first.field.toUpperCase() });
}, { attack: "a relatedness field listed twice (and in capitals): once panicked" });
catalog("ok-duration-zero", "ok", (c) => { c.offerings[0].time_to_complete = "P0M"; },
  { attack: "time_to_complete P0M: a route of no length (division by zero in the duration factor?)" });
catalog("ok-duration-max", "ok", (c) => { c.offerings[0].time_to_complete = "P100Y"; },
  { attack: "time_to_complete P100Y, the longest allowed" });
catalog("ok-dates-edges", "ok", (c) => {
  c.offerings[0].intakes = [{ start_date: "2199-12-01" }];
  c.offerings[0].time_to_complete = "P100Y";
  c.offerings[1].intakes = [{ start_date: "1900-01-01" }, { start_date: "2199-12-31" }];
  c.vacancies[0].valid_through = "2199-12-31";
  c.vacancies[0].job_start_date = "1900-01-01";
}, { attack: "dates at both ends of the supported years; a P100Y route from 2199 ends after them" });
catalog("ok-figure-huge-value", "ok", (c) => {
  c.figures[0].values[c.figures[0].values.length - 1].value = 1.7976931348623157e308;
}, { attack: "a fee of f64::MAX euro: casts and sums must saturate, not wrap or give inf" });
catalog("ok-weights-one-factor", "ok", (c) => {
  for (const k of Object.keys(c.weights)) c.weights[k] = 0;
  c.weights.travel = 100;
}, { attack: "all weight on one factor, the others 0 (division by a zero maximum?)" });
catalog("ok-test-depth-16", "ok", (c) => { c.rules[R_HBO].applies_if = notChain(16); },
  { attack: "rule tests nested 16 deep, the most allowed" });
catalog("ok-rolling-no-intakes", "ok", (c) => { c.offerings[0].intakes = []; c.offerings[0].rolling_intake = true; },
  { attack: "an offering with no cohorts but rolling_intake" });
catalog("ok-huge-lead-time", "ok", (c) => { c.offerings[0].intakes[1].lead_time_days = 65535; },
  { attack: "lead_time_days u16::MAX: date arithmetic before 1900" });
catalog("ok-numbers-exotic", "ok", (c) => edit(edit(write(c), LAT, `"lat":${BASE.places[0].lat / 10}E+1`), `"percent":${BASE.shortages[0].percent}`, `"percent":${BASE.shortages[0].percent * 1000}e-3`),
  { attack: "exponent notation (5.20886E+1, 9700e-3) for floats" });

// ---------------------------------------------------------------- catalogs: syntax
catalog("syntax-truncated", ["invalid", "", "EOF while parsing"], () => BASE_TEXT.slice(0, Math.floor(BASE_TEXT.length / 2)),
  { attack: "a download cut off half-way" });
catalog("syntax-trailing-garbage", ["invalid", "", "trailing characters"], () => BASE_TEXT + "}\n<html>404</html>\n",
  { attack: "a valid catalog followed by more text" });
catalog("syntax-two-documents", ["invalid", "", "trailing characters"], () => MINI_TEXT + MINI_TEXT, { attack: "two catalogs concatenated" });
catalog("syntax-bom", ["invalid", "", "expected value"], () => "\uFEFF" + MINI_TEXT, { attack: "a UTF-8 byte order mark before the JSON" });
catalog("syntax-nan", ["invalid", "", "expected value"], () => edit(BASE_TEXT, LAT, '"lat":NaN'), { attack: "a NaN literal" });
catalog("syntax-infinity", ["invalid", "", "invalid number"], () => edit(BASE_TEXT, LAT, '"lat":-Infinity'), { attack: "an Infinity literal" });
catalog("syntax-line-comment", ["invalid", "", "key must be a string at line 2"], () => edit(MINI_TEXT, "{\n", "{\n  // the catalog\n"), { attack: "a // comment" });
catalog("syntax-block-comment", ["invalid", "", "key must be a string at line 1"], () => edit(MINI_TEXT, "{\n", "{ /* the catalog */\n"), { attack: "a /* */ comment" });
catalog("syntax-single-quotes", ["invalid", "", "key must be a string"], () => edit(MINI_TEXT, '"meta"', "'meta'"), { attack: "single-quoted keys" });
catalog("syntax-trailing-comma", ["invalid", "", "trailing comma"], () => MINI_TEXT.replace(/\n}\n$/, ",\n}\n"), { attack: "a trailing comma in an object" });
catalog("syntax-trailing-comma-list", ["invalid", "", "expected value at line 3"], () => edit(MINI_TEXT, '"rules": []', '"rules": [[],]'), {
  wasm_object: { expect: "invalid", path: "", message: "trailing comma", why: "JSON.parse refuses the text before the wasm sees it" },
  attack: "a trailing comma in a list",
});
catalog("syntax-raw-control-character", ["invalid", "", "control character"], () => edit(MINI_TEXT, NAME, '"name": "tab\there and \u0001"'),
  { attack: "raw control characters inside a string" });
catalog("syntax-raw-newline-in-string", ["invalid", "", "control character"], () => edit(MINI_TEXT, NAME, '"name": "line\nbreak"'),
  { attack: "a raw newline inside a string" });
catalog("syntax-lone-high-surrogate", ["invalid", "meta.name", "unexpected end of hex escape"], () => edit(MINI_TEXT, NAME, '"name": "x\\ud800y"'), {
  ...atPosition("unexpected end of hex escape at line 2"),
  wasm_object: { expect: "ok", why: "JSON.parse accepts a lone surrogate; the JS string reaches the wasm API as WTF-16 and is read with U+FFFD" },
  attack: "a lone high surrogate via \\u escape (not UTF-8 encodable)",
});
catalog("syntax-lone-low-surrogate", ["invalid", "meta.name", "lone leading surrogate"], () => edit(MINI_TEXT, NAME, '"name": "\\udc00"'), {
  ...atPosition("lone leading surrogate in hex escape at line 2"),
  wasm_object: { expect: "ok", why: "JSON.parse accepts a lone surrogate" },
  attack: "a lone low surrogate via \\u escape",
});
catalog("syntax-bad-escape", ["invalid", "", "escape"], () => edit(MINI_TEXT, NAME, '"name": "\\x41\\u12"'), { attack: "invalid escapes \\x and a short \\u" });
catalog("syntax-empty-file", ["invalid", "", "EOF while parsing"], () => "", { attack: "an empty file" });
catalog("syntax-whitespace-only", ["invalid", "", "EOF while parsing"], () => " \n\t\r\n ", { attack: "only whitespace" });
catalog("syntax-unclosed-string", ["invalid", "", "EOF while parsing"], () => '{"meta": {"name": "open', { attack: "a string never closed" });
catalog("syntax-invalid-utf8-bytes", ["invalid", "", "valid UTF-8"], () => Buffer.concat([Buffer.from('{"meta": {"name": "'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}}')]).toString("latin1"), {
  wasm: false,
  attack: "raw bytes that are not UTF-8 (the wasm API only takes JS strings, which cannot hold them)",
});

// ---------------------------------------------------------------- catalogs: wrong types at every level
catalog("type-top-array", ["invalid", "", "must be a JSON object"], () => "[]\n", { attack: "a JSON array as catalog" });
catalog("type-top-string", ["invalid", "", "must be a JSON object"], () => '"catalog"\n', {
  wasm_object: { expect: "invalid", path: "", message: "expected value at line 1 column 1", why: "a JS string is read as catalog JSON text" },
  attack: "a JSON string as catalog" });
catalog("type-top-null", ["invalid", "", "must be a JSON object"], () => "null\n", {
  wasm_object: { expect: "invalid", path: "", message: "nothing was given", why: "JSON.parse gives null: nothing given to the API" },
  attack: "null as catalog",
});
catalog("type-top-number", ["invalid", "", "must be a JSON object"], () => "42\n", { attack: "a number as catalog" });
catalog("type-meta-string", ["invalid", "meta", "invalid type"], (c) => { c.meta = "meta"; }, { mini: true, attack: "meta a string" });
catalog("type-meta-name-number", ["invalid", "meta.name", "invalid type"], (c) => { c.meta.name = 42; }, { mini: true, attack: "meta.name a number" });
catalog("type-meta-attribution-string", ["invalid", "meta.attribution", "invalid type"], (c) => { c.meta.attribution = "DUO"; }, { mini: true, attack: "a list given as a string" });
catalog("type-rules-object", ["invalid", "rules", "must be a list"], (c) => { c.rules = { a: 1 }; }, { mini: true, attack: "rules an object" });
catalog("type-offering-string", ["invalid", "offerings[1]", "invalid type"], (c) => { c.offerings[1] = "hu-pabo"; }, { attack: "an offering given as a string" });
catalog("type-offering-null", ["invalid", "offerings[1]", "invalid type"], (c) => { c.offerings[1] = null; }, { attack: "an offering null" });
catalog("type-weekly-hours-string", ["invalid", "offerings[0].weekly_hours", "invalid type"], (c) => { c.offerings[0].weekly_hours = "40"; }, { attack: "a number given as a string" });
catalog("type-bool-string", ["invalid", "offerings[0].paid_while_learning", "invalid type"], (c) => { c.offerings[0].paid_while_learning = "yes"; }, { attack: "a boolean given as a string" });
catalog("type-intake-date-number", ["invalid", "offerings[0].intakes[0].start_date", "invalid type"], (c) => { c.offerings[0].intakes[0].start_date = 20270901; }, { attack: "a date given as a number" });
catalog("type-rule-test-array", ["invalid", `rules[${R_HBO}].test[0]`], (c) => { c.rules[R_HBO].test = [c.rules[R_HBO].test]; }, { attack: "a rule's test given as a list" });
catalog("type-test-levels-string", ["invalid", `rules[${R_HBO}].test.levels`, "invalid type"], (c) => { c.rules[R_HBO].test.levels = "havo"; }, { attack: "a test's levels a string" });
catalog("type-postcode-object", ["invalid", "postcodes[0]", "invalid type"], (c) => { c.postcodes[0] = { id: "3511" }; }, { attack: "a postcode row given as an object" });
catalog("type-postcode-short-row", ["invalid", "postcodes[0]", "invalid length"], (c) => { c.postcodes[0] = c.postcodes[0].slice(0, 3); }, { attack: "a postcode row of three cells" });
catalog("type-weights-array", ["invalid", "weights", "invalid length 2"], (c) => { c.weights = [20, 10]; }, { mini: true, attack: "weights a list" });
catalog("type-weights-positional", ["invalid", "weights", "invalid type"], (c) => { c.weights = Object.values(c.weights); }, {
  mini: true,
  known: "structs accept a JSON array of their fields in order (serde's sequence form): weights as [20, 10, 15, ...] is read, a form no schema describes",
  attack: "weights as a list of ten numbers",
});
catalog("type-weight-string", ["invalid", "weights.sector", "invalid type"], (c) => { c.weights.sector = "20"; }, { mini: true, attack: "a weight a string" });
catalog("type-figure-value-string", ["invalid", "figures[0].values[0].value", "invalid type"], (c) => { c.figures[0].values[0].value = "2601"; }, { attack: "a figure's value a string" });
catalog("type-lat-string", ["invalid", "places[0].lat", "invalid type"], (c) => { c.places[0].lat = "52.09"; }, { attack: "a coordinate a string" });
catalog("type-work-hours-null", ["invalid", "vacancies[0].work_hours", "invalid type"], (c) => { c.vacancies[0].work_hours = null; }, { attack: "a required number null" });

// ---------------------------------------------------------------- catalogs: unknown fields
catalog("unknown-top-field", ["invalid", "colour", "unknown field"], (c) => ({ ...c, colour: "red" }), { mini: true, attack: "an unknown top-level member" });
catalog("unknown-meta-field", ["invalid", "meta.colour", "unknown field `colour`"], (c) => { c.meta.colour = "red"; }, { mini: true, attack: "an unknown field in meta" });
catalog("unknown-offering-field", ["invalid", "offerings[2].prijs", "unknown field `prijs`"], (c) => { c.offerings[2].prijs = 0; }, { attack: "an unknown field in an offering" });
catalog("unknown-intake-field", ["invalid", "offerings[0].intakes[1].end_date", "unknown field `end_date`"], (c) => { c.offerings[0].intakes[1].end_date = "2030-01-01"; }, { attack: "an unknown field in an intake" });
catalog("unknown-test-field", ["invalid", `rules[${R_HBO}].test.minimum`, "unknown field `minimum`"], (c) => { c.rules[R_HBO].test.minimum = 3; }, { attack: "an unknown field inside a rule test" });
catalog("unknown-nested-test-field", ["invalid", `rules[${R_VERWANT}].alternatives[1].test.all[1].magic`, "unknown field `magic`"], (c) => {
  c.rules[R_VERWANT].alternatives[1].test.all[1].magic = true;
}, { attack: "an unknown field in a test nested in an alternative's all-of" });
catalog("unknown-field-of-other-test-type", ["invalid", `rules[${R_HBO}].test`, "does not belong to a test of type"], (c) => { c.rules[R_HBO].test.years = 21; }, { attack: "a field of another test type (years on diploma-level)" });
catalog("unknown-figure-value-field", ["invalid", "figures[0].values[0].bedrag", "unknown field `bedrag`"], (c) => { c.figures[0].values[0].bedrag = 1; }, { attack: "an unknown field in a figure value" });
catalog("unknown-weights-field", ["invalid", "weights.luck", "unknown field `luck`"], (c) => { c.weights.luck = 0; }, { mini: true, attack: "an unknown score factor" });

// ---------------------------------------------------------------- catalogs: duplicate keys
const dupKnown = "wasm reads catalog text into a serde_json::Value, which keeps the last of two equal keys; the CLI refuses them";
catalog("dupkey-top", ["invalid", "", "duplicate field `weights`"], () => edit(MINI_TEXT, '  "weights":', '  "weights": {"sector": 100, "subject": 0, "qualification": 0, "hours": 0, "earn_while_learning": 0, "cost": 0, "duration": 0, "time_to_start": 0, "travel": 0, "shortage": 0},\n  "weights":'), {
  wasm_object: { expect: "ok", why: "JSON.parse keeps the last of two equal keys" },

  attack: "a top-level key given twice",
});
catalog("dupkey-meta-name", ["invalid", "meta", "duplicate field `name`"], () => edit(MINI_TEXT, NAME, '"name": "first", "name": "second"'), {
  wasm_object: { expect: "ok", why: "JSON.parse keeps the last of two equal keys" },

  attack: "a key given twice in meta",
});
catalog("dupkey-offering", ["invalid", "offerings[0]", "duplicate field `name`"], () => edit(BASE_TEXT, FIRST_OFFERING_NAME, `${FIRST_OFFERING_NAME},"name":"Tweede naam"`), {
  wasm_object: { expect: "ok", why: "JSON.parse keeps the last of two equal keys" },

  attack: "a key given twice in an offering",
});
catalog("dupkey-test-type", ["invalid", `rules[${R_HBO}].test`, "duplicate field `type`"], () => edit(BASE_TEXT, '"test":{"type":"diploma-level"', '"test":{"type":"vog","type":"diploma-level"'), {
  wasm_object: { expect: "ok", why: "JSON.parse keeps the last of two equal keys" },

  attack: "a test's type given twice (which one is checked?)",
});

// ---------------------------------------------------------------- catalogs: missing required fields
catalog("missing-meta", ["invalid", "", "missing field `meta`"], (c) => { delete c.meta; }, { mini: true, attack: "no meta" });
catalog("missing-rules", ["invalid", "", "missing field `rules`"], (c) => { delete c.rules; }, { mini: true, attack: "no rules" });
catalog("missing-weights", ["invalid", "", "missing field `weights`"], (c) => { delete c.weights; }, { mini: true, attack: "no weights" });
catalog("missing-everything", ["invalid", "", "missing field"], () => "{}\n", { attack: "an empty object" });
catalog("missing-offering-kind", ["invalid", "offerings[3]", "missing field `kind`"], (c) => { delete c.offerings[3].kind; }, { attack: "an offering without kind" });
catalog("missing-intake-start", ["invalid", "offerings[1].intakes[0]", "missing field `start_date`"], (c) => { delete c.offerings[1].intakes[0].start_date; }, { attack: "an intake without start_date" });
catalog("missing-rule-test", ["invalid", `rules[${R_HBO}]`, "missing field `test`"], (c) => { delete c.rules[R_HBO].test; }, { attack: "a rule without test" });
catalog("missing-test-type", ["invalid", `rules[${R_HBO}].test`, "missing field `type`"], (c) => { delete c.rules[R_HBO].test.type; }, { attack: "a test without type" });
catalog("missing-test-levels", ["invalid", `rules[${R_HBO}].test`, "needs `levels`"], (c) => { delete c.rules[R_HBO].test.levels; }, { attack: "a diploma-level test without levels" });
catalog("missing-figure-value-sources", ["invalid", "figures[0].values[1]", "missing field `sources`"], (c) => { delete c.figures[0].values[1].sources; }, { attack: "a figure value without sources" });
catalog("empty-rule-list-of-kind", ["invalid", "route_kinds[0].rules", "at least one admission rule"], (c) => { c.route_kinds[0].rules = []; }, { attack: "a route kind admitting everyone" });
catalog("empty-offering-id", ["invalid", "offerings[1].id", "must not be empty"], (c) => { c.offerings[1].id = " "; }, { attack: "an id of only a space" });
catalog("empty-attribution", ["invalid", "meta.attribution", "at least one source"], (c) => { c.meta.attribution = []; }, { mini: true, attack: "data without attribution" });
catalog("offering-without-intakes", ["invalid", "offerings[2].intakes", "at least one intake"], (c) => { c.offerings[2].intakes = []; }, { attack: "an offering that can never start" });

// ---------------------------------------------------------------- catalogs: unknown vocabulary ids
catalog("vocab-route-kind", ["invalid", "offerings[0].kind", "unknown variant `pabo-online`"], (c) => { c.offerings[0].kind = "pabo-online"; }, { attack: "an unknown route kind" });
catalog("vocab-sector", ["invalid", "offerings[0].sectors[0]", "unknown variant `hbo`"], (c) => { c.offerings[0].sectors = ["hbo"]; }, { attack: "an unknown sector" });
catalog("vocab-subject", ["invalid", "offerings[2].subject", "unknown variant `klingon`"], (c) => { c.offerings[2].subject = "klingon"; }, { attack: "an unknown subject" });
catalog("vocab-test-type", ["invalid", `rules[${R_HBO}].test.type`, "unknown variant `astrologie`"], (c) => { c.rules[R_HBO].test = { type: "astrologie" }; }, { attack: "an unknown test type" });
catalog("vocab-level-in-test", ["invalid", `rules[${R_HBO}].test.levels[0]`, "unknown variant `mbo-5`"], (c) => { c.rules[R_HBO].test.levels[0] = "mbo-5"; }, { attack: "an unknown diploma level in a test" });
catalog("vocab-effect", ["invalid", `rules[${R_HBO}].otherwise`, "unknown variant `explode`"], (c) => { c.rules[R_HBO].otherwise = "explode"; }, { attack: "an unknown rule effect" });
catalog("vocab-cost-basis", ["invalid", "offerings[0].cost_basis", "unknown variant `bitcoin`"], (c) => { c.offerings[0].cost_basis = "bitcoin"; }, { attack: "an unknown cost basis" });
catalog("vocab-intake-status", ["invalid", "offerings[0].intakes[0].status", "unknown variant `maybe`"], (c) => { c.offerings[0].intakes[0].status = "maybe"; }, { attack: "an unknown intake status" });
catalog("vocab-role", ["invalid", "vacancies[1].role", "unknown variant `rector-magnificus`"], (c) => { c.vacancies[1].role = "rector-magnificus"; }, { attack: "an unknown vacancy role" });
catalog("vocab-action-message", ["invalid", `rules[${R_HBO}].alternatives[0].action`, "unknown message id"], (c) => { c.rules[R_HBO].alternatives[0].action = "action.nonexistent"; }, { attack: "an action naming a message that does not exist" });
catalog("vocab-escape-sequence", ["invalid", "offerings[0].kind", "unknown variant"], (c) => { c.offerings[0].kind = "\u001b]0;pwned\u0007\u001b[2J"; }, { attack: "an unknown id holding terminal escapes: the problem echoes it" });
catalog("url-escape-sequence", ["invalid", "sources[0].url", "not an http(s) URL"], (c) => { c.sources[0].url = "\u001b[31mred\u001b[0m"; }, { attack: "a URL holding terminal escapes: the problem echoes it" });
catalog("vocab-case", ["invalid", "offerings[0].educational_program_mode", "unknown variant `Voltijd`"], (c) => { c.offerings[0].educational_program_mode = "Voltijd"; }, { attack: "an id in another case" });

// ---------------------------------------------------------------- catalogs: duplicate ids
catalog("dup-offering-id", ["invalid", "offerings[3].id", "used twice"], (c) => { c.offerings[3].id = c.offerings[0].id; }, { attack: "two offerings with one id" });
catalog("dup-rule-id", ["invalid", "rules[1].id", "used twice"], (c) => { c.rules[1].id = c.rules[0].id; }, { attack: "two rules with one id (which one applies?)" });
catalog("dup-place-id", ["invalid", "places[1].id", "used twice"], (c) => { c.places[1].id = c.places[0].id; }, { attack: "two places with one id" });
catalog("dup-postcode", ["invalid", "postcodes[1][0]", "listed twice"], (c) => { c.postcodes[1][0] = c.postcodes[0][0]; }, { attack: "a postcode listed twice" });
catalog("dup-intake-start", ["invalid", "offerings[0].intakes[1].start_date", "listed twice"], (c) => { c.offerings[0].intakes[1].start_date = c.offerings[0].intakes[0].start_date; }, { attack: "two intakes on one date" });
catalog("dup-source-id", ["invalid", "sources[1].id", "used twice"], (c) => { c.sources[1].id = c.sources[0].id; }, { attack: "two sources with one id" });
catalog("dup-institution-id", ["invalid", "institutions[1].id", "used twice"], (c) => { c.institutions[1].id = c.institutions[0].id; }, { attack: "two institutions with one id" });
catalog("dup-vacancy-id", ["invalid", "vacancies[1].id", "used twice"], (c) => { c.vacancies[1].id = c.vacancies[0].id; }, { attack: "two vacancies with one id" });
catalog("dup-figure-id", ["invalid", "figures[1].id", "used twice"], (c) => { c.figures.push(clone(c.figures[0])); }, { attack: "two figures with one id" });
catalog("dup-route-kind", ["invalid", "route_kinds[1].kind", "defined twice"], (c) => { c.route_kinds[1] = { ...c.route_kinds[1], kind: c.route_kinds[0].kind, qualification: c.route_kinds[0].qualification, sectors: c.route_kinds[0].sectors }; }, { attack: "a route kind defined twice" });
catalog("dup-shortage", ["invalid", "shortages[4]", "given twice"], (c) => { c.shortages.push(clone(c.shortages[0])); }, { attack: "the same shortage figure twice" });

// ---------------------------------------------------------------- catalogs: dangling references
catalog("ref-kind-rule", ["invalid", "route_kinds[0].rules[0]", "unknown rule 'geen-regel'"], (c) => { c.route_kinds[0].rules[0] = "geen-regel"; }, { attack: "a route kind naming a rule that does not exist" });
catalog("ref-prerequisite-rule", ["invalid", "offerings[0].program_prerequisites[0]", "unknown rule"], (c) => { c.offerings[0].program_prerequisites = ["geen-regel"]; }, { attack: "an offering's own rule that does not exist" });
catalog("ref-place", ["invalid", "offerings[0].place", "unknown place 'GM9999'"], (c) => { c.offerings[0].place = "GM9999"; }, { attack: "an offering in a place not in the catalog" });
catalog("ref-institution", ["invalid", "offerings[1].institution", "unknown institution"], (c) => { c.offerings[1].institution = "XXXX"; }, { attack: "an offering at an institution not in the catalog" });
catalog("ref-cost-figure", ["invalid", "offerings[0].cost_figure", "unknown figure 'schoolgeld'"], (c) => { c.offerings[0].cost_figure = "schoolgeld"; }, { attack: "a cost figure that does not exist" });
catalog("ref-rule-source", ["invalid", `rules[${R_HBO}].sources[0]`, "unknown source"], (c) => { c.rules[R_HBO].sources[0] = "S999"; }, { attack: "a rule citing an unknown source" });
catalog("ref-figure-source", ["invalid", "figures[0].values[2].sources[0]", "unknown source"], (c) => { c.figures[0].values[2].sources = ["S999"]; }, { attack: "a figure value citing an unknown source" });
catalog("ref-shortage-source", ["invalid", "shortages[0].source", "unknown source"], (c) => { c.shortages[0].source = "S999"; }, { attack: "a shortage citing an unknown source" });
catalog("ref-postcode-place", ["invalid", "postcodes[0][3]", "unknown place"], (c) => { c.postcodes[0][3] = "GM9999"; }, { attack: "a postcode in an unknown gemeente" });
catalog("ref-vacancy-place", ["invalid", "vacancies[0].job_location", "unknown place"], (c) => { c.vacancies[0].job_location = "GM9999"; }, { attack: "a vacancy in an unknown place" });
catalog("ref-kind-not-defined", ["invalid", "offerings[0].kind", "has no entry in route_kinds"], (c) => { c.route_kinds = c.route_kinds.filter((k) => k.kind !== "pabo-voltijd"); }, { attack: "an offering of a route kind the catalog does not define" });
catalog("ref-rule-missing-no-cascade", ["invalid", "rules[0].otherwise", "unknown variant"], (c) => { c.rules[0].otherwise = "never"; }, { absent: "unknown rule", attack: "a malformed rule: kinds naming it are not reported again" });

// ---------------------------------------------------------------- catalogs: numbers out of range
catalog("num-negative-hours", ["invalid", "offerings[0].weekly_hours", "invalid value: integer `-1`"], (c) => { c.offerings[0].weekly_hours = -1; }, { attack: "a negative count" });
catalog("num-u8-overflow", ["invalid", "offerings[0].weekly_hours", "invalid value: integer `256`"], (c) => { c.offerings[0].weekly_hours = 256; }, { attack: "a number past u8" });
catalog("num-hours-81", ["invalid", "offerings[0].weekly_hours", "more than 80"], (c) => { c.offerings[0].weekly_hours = 81; }, { attack: "more hours than a week holds for study" });
catalog("num-huge-integer", ["invalid", "offerings[2].cost_eur_per_year", "invalid type: floating point `1e+29`"], () => edit(BASE_TEXT, '"cost_eur_per_year":0', '"cost_eur_per_year":99999999999999999999999999999'), {
  attack: "an integer past u64",
});
catalog("num-fraction", ["invalid", "offerings[2].cost_eur_per_year", "invalid type: floating point `1.5`"], (c) => { c.offerings[2].cost_eur_per_year = 1.5; }, { attack: "a fraction where a whole number is expected" });
catalog("num-negative-zero", ["invalid", "offerings[0].weekly_hours", "invalid type: floating point `-0.0`"], () => edit(BASE_TEXT, '"weekly_hours":40', '"weekly_hours":-0'), {
  wasm_object: { expect: "ok", why: "JSON.parse makes -0 a number that is a whole number in JS" },
  attack: "-0 where a whole number is expected (serde_json reads it as a float)",
});
catalog("num-whole-float", ["invalid", "offerings[0].weekly_hours", "invalid type: floating point `40.0`"], () => edit(BASE_TEXT, '"weekly_hours":40', '"weekly_hours":40.0'), {
  wasm_object: { expect: "ok", why: "JSON.parse makes 40.0 the number 40" },
  attack: "a whole number written as a float",
});
catalog("num-1e400", ["invalid", "places[0].lat", "number out of range"], () => edit(BASE_TEXT, LAT, '"lat":1e400'), {
  ...atPosition("number out of range at line"),
  wasm_object: { expect: "invalid", path: "places[0].lat", message: "inf is not a number JSON can hold" },

  attack: "a float literal past f64 (JSON.parse makes it Infinity)",
});
catalog("num-1e-99999999", ["invalid", "places[0]", "outside the Netherlands"], () => edit(BASE_TEXT, LAT, '"lat":1e-99999999'), {
  attack: "an exponent that underflows to 0 (a parser that loops over the exponent hangs)",
});
catalog("num-huge-exponent-integer-field", ["invalid", "offerings[0].weekly_hours", "invalid type: floating point"], () => edit(BASE_TEXT, '"weekly_hours":40', '"weekly_hours":4e-99999999'), {
  wasm_object: { expect: "ok", why: "JSON.parse makes it 0, a whole number; 0 weekly hours is allowed" },
  attack: "an underflowing float where an integer is expected",
});
catalog("num-long-mantissa", ["invalid", "places[0]", "outside the Netherlands"], () => edit(BASE_TEXT, LAT, `"lat":0.${"0".repeat(5000)}1`), {
  attack: "a float with 5,000 digits",
});
catalog("num-weights-99", ["invalid", "weights", "add up to 99"], (c) => { c.weights.sector -= 1; }, { mini: true, attack: "weights adding to 99" });
catalog("num-weights-overflow", ["invalid", "weights", "add up to 2550"], (c) => { for (const k of Object.keys(c.weights)) c.weights[k] = 255; }, { mini: true, attack: "every weight 255 (the sum must not wrap at u8)" });
catalog("num-weight-negative", ["invalid", "weights.cost", "invalid value"], (c) => { c.weights.cost = -10; c.weights.sector += 10; }, { mini: true, attack: "a negative weight balancing another" });
catalog("num-percent", ["invalid", "shortages[1].percent", "not a percentage"], (c) => { c.shortages[1].percent = 150; }, { attack: "a shortage of 150%" });
catalog("num-negative-fee", ["invalid", "figures[0].values[0].value", "not negative"], (c) => { c.figures[0].values[0].value = -2601; }, { attack: "a negative fee" });
catalog("num-work-hours-zero", ["invalid", "vacancies[0].work_hours", "not between 1 and 60"], (c) => { c.vacancies[0].work_hours = 0; }, { attack: "a job of 0 hours" });
catalog("num-lead-time-overflow", ["invalid", "offerings[0].intakes[0].lead_time_days", "invalid value"], (c) => { c.offerings[0].intakes[0].lead_time_days = 65536; }, { attack: "a lead time past u16" });
catalog("num-place-outside", ["invalid", "places[1]", "outside the Netherlands"], (c) => { c.places[1].lat = -91; c.places[1].lon = 400; }, { attack: "coordinates off the globe" });

// ---------------------------------------------------------------- catalogs: dates and durations
catalog("date-9999", ["invalid", "offerings[0].intakes[0].start_date", "1900 to 2199"], (c) => { c.offerings[0].intakes[0].start_date = "9999-12-01"; }, { attack: "a year far past the supported range" });
catalog("date-0000", ["invalid", "offerings[0].intakes[0].start_date", "1900 to 2199"], (c) => { c.offerings[0].intakes[0].start_date = "0000-01-01"; }, { attack: "year zero" });
catalog("date-feb-30", ["invalid", "offerings[0].intakes[0].start_date", "not an existing calendar date"], (c) => { c.offerings[0].intakes[0].start_date = "2027-02-30"; }, { attack: "30 February" });
catalog("date-1899", ["invalid", "meta.generated", "1900 to 2199"], (c) => { c.meta.generated = "1899-12-31"; }, { mini: true, attack: "the day before the supported range" });
catalog("date-with-time", ["invalid", "vacancies[0].valid_through", "not a date of the form"], (c) => { c.vacancies[0].valid_through = "2027-01-01T00:00:00Z"; }, { attack: "a timestamp where a date is expected" });
catalog("date-unpadded", ["invalid", "offerings[0].intakes[0].application_deadline", "not a date of the form"], (c) => { c.offerings[0].intakes[0].application_deadline = "2027-5-1"; }, { attack: "a date without leading zeros" });
catalog("date-deadline-after-start", ["invalid", "offerings[0].intakes[1].application_deadline", "after the start date"], (c) => { c.offerings[0].intakes[1].application_deadline = "2030-01-01"; }, { attack: "a deadline after the start" });
catalog("date-rule-validity-reversed", ["invalid", `rules[${R_HBO}].valid_until`, "before valid_from"], (c) => { c.rules[R_HBO].valid_from = "2030-01-01"; c.rules[R_HBO].valid_until = "2020-01-01"; }, { attack: "a rule that ends before it starts" });
catalog("duration-p101y", ["invalid", "offerings[0].time_to_complete", "not an ISO 8601 duration"], (c) => { c.offerings[0].time_to_complete = "P101Y"; }, { attack: "a route longer than 100 years" });
catalog("duration-p1d", ["invalid", "offerings[0].time_to_complete", "not an ISO 8601 duration"], (c) => { c.offerings[0].time_to_complete = "P1D"; }, { attack: "a duration in days" });
catalog("duration-overflow", ["invalid", "offerings[0].time_to_complete", "not an ISO 8601 duration"], (c) => { c.offerings[0].time_to_complete = "P99999999999999999999Y"; }, { attack: "a duration that overflows u32" });
catalog("duration-words", ["invalid", "offerings[0].time_to_complete", "not an ISO 8601 duration"], (c) => { c.offerings[0].time_to_complete = "4 jaar"; }, { attack: "a duration in words" });

// ---------------------------------------------------------------- catalogs: nesting and width
catalog("nest-rule-17", ["invalid", `rules[${R_HBO}]`, "nested 17 deep; the limit is 16"], (c) => { c.rules[R_HBO].test = notChain(17); }, { attack: "rule tests nested 17 deep" });
catalog("nest-rule-60", ["invalid", `rules[${R_HBO}]`, "nested 60 deep"], (c) => { c.rules[R_HBO].applies_if = notChain(60); }, { attack: "rule tests nested 60 deep (within JSON's own nesting limit)" });
catalog("nest-rule-200", ["invalid", `rules[${R_HBO}].test${".not".repeat(NOTS_CLI)}`, "recursion limit exceeded"], (c) => { c.rules[R_HBO].test = notChain(200); }, {
  ...atPosition("recursion limit exceeded at line"),
  wasm_object: { expect: "invalid", path: `rules[${R_HBO}].test${".not".repeat(125)}`, message: "nested more than 128 deep" },

  attack: "rule tests nested 200 deep: past serde_json's recursion limit (stack overflow?)",
});
catalog("nest-array-200", ["invalid", "rules[0][0]", "invalid type: sequence"], () => edit(MINI_TEXT, '"rules": []', `"rules": [${nestedArrayText(200)}]`), {
  ...atPosition("recursion limit exceeded at line"),
  wasm_object: { expect: "invalid", path: `rules${"[0]".repeat(127)}`, message: "nested more than 128 deep" },

  attack: "arrays nested 200 deep in a list",
});
catalog("nest-array-5000-unknown", ["invalid", "x", "unknown field `x`"], () => edit(MINI_TEXT, '"rules": []', `"x": ${nestedArrayText(5000)}, "rules": []`), {
  ...atPosition("recursion limit exceeded at line"),
  wasm_object: { expect: "invalid", path: `x${"[0]".repeat(127)}`, message: "nested more than 128 deep" },

  attack: "arrays nested 5,000 deep in an unknown member (skipped values recurse too)",
});
catalog("nest-object-200", ["invalid", "x", "unknown field `x`"], () => edit(MINI_TEXT, '"rules": []', `"rules": [], "x": ${'{"a":'.repeat(200)}1${"}".repeat(200)}`), {
  ...atPosition("recursion limit exceeded at line"),
  wasm_object: { expect: "invalid", path: `x${".a".repeat(127)}`, message: "nested more than 128 deep" },

  attack: "objects nested 200 deep in an unknown member",
});
catalog("wide-rule-257", ["invalid", `rules[${R_HBO}]`, "257 tests in one rule; the limit is 256"], (c) => {
  delete c.rules[R_HBO].alternatives;
  c.rules[R_HBO].test = { type: "any-of", any: Array.from({ length: 256 }, (_, i) => ({ type: "min-age", years: 18 + (i % 50) })) };
}, { attack: "a rule of 257 test nodes" });
catalog("wide-rule-split", ["invalid", `rules[${R_HBO}]`, "tests in one rule; the limit is 256"], (c) => {
  const part = () => ({ type: "all-of", all: Array.from({ length: 99 }, () => ({ type: "vog" })) });
  c.rules[R_HBO].test = part();
  c.rules[R_HBO].applies_if = part();
  c.rules[R_HBO].alternatives = [{ test: part() }];
}, { attack: "300 test nodes spread over test, applies_if and an alternative" });
catalog("wide-rule-256", "ok", (c) => {
  c.rules[R_HBO].test = { type: "any-of", any: Array.from({ length: 255 }, (_, i) => ({ type: "school-job", min_hours: (i % 40) + 1 })) };
  c.rules[R_HBO].otherwise = "condition";
  c.rules[R_HBO].action = "action.find-school";
  delete c.rules[R_HBO].alternatives;
}, { attack: "a rule of 256 conditional tests, the most allowed: the what-if search must stay bounded" });
catalog("over-intakes-51", ["invalid", "offerings[0].intakes", "51 elements; the limit is 50"], (c) => {
  c.offerings[0].intakes = Array.from({ length: 51 }, (_, i) => ({ start_date: `${2030 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01` }));
}, { attack: "an offering with 51 intakes" });
catalog("over-postcode-300", ["invalid", "postcodes[0][0]", "is not a 4-digit postcode"], (c) => { c.postcodes[0][0] = "3".repeat(300); }, { attack: "a 300-character postcode (its echo must be clipped)" });

// ---------------------------------------------------------------- catalogs: figures and costs
catalog("figure-overlap", ["invalid", "figures[0].values[1].valid_from", "oldest first"], (c) => { c.figures[0].values[1].valid_from = c.figures[0].values[0].valid_until; }, { attack: "figure values whose periods overlap" });
catalog("figure-out-of-order", ["invalid", "figures[0].values[1].valid_from", "oldest first"], (c) => { c.figures[0].values.reverse(); }, { attack: "figure values newest first" });
catalog("figure-no-values", ["invalid", "figures[0].values", "at least one value"], (c) => { c.figures[0].values = []; }, { attack: "a figure with no values" });
catalog("figure-wrong-unit", ["invalid", "offerings[0].cost_figure", "a yearly fee must be in eur-per-year"], (c) => { c.figures[0].unit = "eur-per-month"; }, { attack: "a fee figure in euro per month" });
catalog("cost-collegegeld-no-amount", ["invalid", "offerings[1].cost_eur_per_year", "needs cost_eur_per_year or a cost_figure"], (c) => { delete c.offerings[1].cost_figure; }, { attack: "an offering paid by collegegeld without an amount or figure" });
catalog("url-javascript", ["invalid", "offerings[0].url", "not an http(s) URL"], (c) => { c.offerings[0].url = "javascript:alert(document.cookie)"; }, { attack: "a javascript: URL the widget would link" });
catalog("url-source-data", ["invalid", "sources[0].url", "not an http(s) URL"], (c) => { c.sources[0].url = "data:text/html,<script>alert(1)</script>"; }, { attack: "a data: URL as a source" });

// ---------------------------------------------------------------- catalogs: generated at run time (lib.mjs generators)
generated("catalog-name-20000", "catalog", ["invalid", "meta.name", "20000 characters; the limit is 10000"], { attack: "a 20,000-character name" });
generated("catalog-name-10000", "catalog", "ok", { attack: "a 10,000-character name, the most allowed, in the text report" });
generated("catalog-many-problems", "catalog", ["invalid", "", "and 200 more problems"], { attack: "300 broken vacancies: 100 problems and a count, stderr bounded" });
generated("catalog-sources-2001", "catalog", ["invalid", "sources", "2001 elements; the limit is 2000"], { attack: "a list one over its limit" });
generated("catalog-over-size", "catalog", ["invalid", "", "the limit is 67108864 bytes"], {
  attack: "a catalog over 64 MiB, refused before reading (an object is measured as the text it would be)" });

// ---------------------------------------------------------------- profiles: valid ones
profile("ok-empty", "ok", {}, { attack: "control: the empty profile" });
profile("ok-persona", "ok", PERSONA_TEXT, { attack: "control: a persona of the test suite" });
profile("ok-escapes", "ok", {
  diplomas: [{ level: "hbo-bachelor", field: "wiskunde\u001b[2J\u0007\r\n<script>alert(1)</script>" }],
  study: { level: "wo-bachelor", field: "\u0000\u009b\u202e", ec: 1 },
}, { attack: "control characters, HTML and bidi in study fields" });
profile("ok-unicode-field", "ok", { diplomas: [{ level: "wo-master", field: "\u{1F9EE}wiskunde\u0301\uFFFF" }] }, { attack: "astral, combining and noncharacter code points" });
profile("ok-edge-numbers", "ok", { hours_per_week: 80, age: 100, study: { level: "wo-master", ec: 600 }, max_travel_km: 65535, job: { sector: "po", role: "leraar", hours_per_week: 60 } }, { attack: "every number at its upper edge" });
profile("ok-lower-edges", "ok", { hours_per_week: 1, age: 12, max_travel_km: 0, study: { level: "havo", ec: 0 }, job: { sector: "vo", role: "leraar", hours_per_week: 1 } }, { attack: "every number at its lower edge (max_travel_km 0)" });
profile("ok-unknown-postcode", "ok", { location: { postcode: "9999" } }, { attack: "a well-formed postcode the catalog does not know" });
profile("ok-gemeente-unknown", "ok", { location: { gemeente: "GM9999" } }, { attack: "a well-formed gemeente code the catalog does not know" });
profile("ok-repeated-list-items", "ok", { sectors: ["po", "po", "vo"], subjects: ["wiskunde", "wiskunde"], pabo_tests_passed: ["aardrijkskunde", "aardrijkskunde"] }, { attack: "the same id repeated in lists" });
profile("ok-fifty-diplomas", "ok", { diplomas: Array.from({ length: 50 }, (_, i) => ({ level: i % 2 ? "havo" : "wo-master", field: `veld-${i}` })) }, { attack: "50 diplomas, the most allowed" });
profile("ok-far-dates", "ok", { available_from: "2199-12-31", lerarenopleiding_left: "1900-01-01", birth_date: "1900-01-01", job: { sector: "po", role: "leraar", hours_per_week: 20, start_date: "2199-12-31", offer: true } }, { attack: "dates at both ends of the supported years" });
profile("ok-left-in-future", "ok", { lerarenopleiding_left: "2150-01-01", diplomas: [{ level: "hbo-bachelor", field: "wiskunde" }] }, { attack: "left a lerarenopleiding in the future" });
profile("ok-all-flags", "ok", { geschiktheidsonderzoek_passed: true, hbo_level_assessed: true, vog: true, earn_while_learning: "required", dutch: "moedertaal", diplomas: [{ level: "phd", foreign: true, recognised: true }] }, { attack: "every boolean set" });
profile("ok-field-200", "ok", { diplomas: [{ level: "hbo-bachelor", field: "w".repeat(200) }] }, { attack: "a study field of 200 characters, the most allowed" });
profile("ok-whitespace-everywhere", "ok", ' \n\t{ \r\n "age" \t: \n 30 \r\n } \n\n', { attack: "JSON whitespace in every place it may be" });
profile("ok-null-optionals", "ok", { job: null, study: null, location: null, age: null, dutch: null, birth_date: null }, { attack: "null for every optional value" });

// ---------------------------------------------------------------- profiles: syntax
profile("syntax-truncated", ["invalid", "job.sector", "EOF while parsing a value"], PERSONA_TEXT.slice(0, 120), { ...atPosition("EOF while parsing a value at line 3"), attack: "a profile cut off" });
profile("syntax-trailing-garbage", ["invalid", "", "trailing characters"], "{} {}\n", { attack: "two objects" });
profile("syntax-bom", ["invalid", "", "expected value"], "\uFEFF{}\n", { attack: "a byte order mark" });
profile("syntax-nan", ["invalid", "age", "expected value"], '{"age": NaN}\n', { ...atPosition("expected value at line 1 column 9"), attack: "a NaN literal" });
profile("syntax-infinity", ["invalid", "age", "expected value"], '{"age": Infinity}\n', { ...atPosition("expected value at line 1 column 9"), attack: "an Infinity literal" });
profile("syntax-comment", ["invalid", "", "key must be a string at line 1 column 2"], '{/* age */ "age": 30}\n', { attack: "a comment" });
profile("syntax-single-quotes", ["invalid", "", "key must be a string at line 1 column 2"], "{'age': 30}\n", { attack: "single quotes" });
profile("syntax-control-character", ["invalid", "diplomas[0].field", "control character"], '{"diplomas": [{"level": "havo", "field": "a\u0007b"}]}\n', { ...atPosition("control character (\\u0000-\\u001F) found while parsing a string at line 1"), attack: "a raw BEL inside a string" });
profile("syntax-lone-surrogate", ["invalid", "diplomas[0].field", "lone leading surrogate"], '{"diplomas": [{"level": "havo", "field": "\\udfff"}]}\n', {
  ...atPosition("lone leading surrogate in hex escape at line 1"),
  wasm_object: { expect: "ok", why: "JSON.parse accepts a lone surrogate" },
  attack: "a lone surrogate via \\u escape",
});
profile("syntax-empty", ["invalid", "", "EOF while parsing"], "", { attack: "an empty file" });
profile("syntax-unquoted-key", ["invalid", "", "key must be a string at line 1 column 2"], "{age: 30}\n", { attack: "an unquoted key" });

// ---------------------------------------------------------------- profiles: wrong types
profile("type-array", ["invalid", "", "must be a JSON object"], "[]\n", { attack: "a list as profile" });
profile("type-array-of-object", ["invalid", "", "must be a JSON object"], "[{}]\n", { attack: "a list holding a profile" });
profile("type-number", ["invalid", "", "must be a JSON object"], "5\n", { attack: "a number as profile" });
profile("type-string", ["invalid", "", "must be a JSON object"], '"{}"\n', { wasm_object: { expect: "ok", why: "a JS string is read as profile JSON text, here {}" }, attack: "a JSON string as profile" });
profile("type-null", ["invalid", "", "must be a JSON object"], "null\n", {
  wasm_object: { expect: "invalid", path: "", message: "nothing was given", why: "JSON.parse gives null: nothing given to the API" },
  attack: "null as profile",
});
profile("type-diplomas-object", ["invalid", "diplomas", "invalid type"], { diplomas: { level: "havo" } }, { attack: "a list given as an object" });
profile("type-diploma-string", ["invalid", "diplomas[1]", "invalid type"], { diplomas: [{ level: "havo" }, "wo-master"] }, { attack: "a diploma given as a string" });
profile("type-level-number", ["invalid", "diplomas[0].level", "expected value"], { diplomas: [{ level: 4 }] }, { attack: "a level given as a number (serde_json's enum reader says 'expected value')" });
profile("type-job-array", ["invalid", "job", "invalid type"], { job: ["vo", "leraar", 20] }, { known: "structs accept a JSON array of their fields in order (serde's sequence form): job as [\"vo\", \"leraar\", 20] is read as a job", attack: "a job given as a list" });
profile("type-hours-string", ["invalid", "job.hours_per_week", "invalid type"], { job: { sector: "vo", role: "leraar", hours_per_week: "32" } }, { attack: "a number given as a string" });
profile("type-age-fraction", ["invalid", "age", "invalid type: floating point `31.5`"], { age: 31.5 }, { attack: "a fractional age" });
profile("type-age-whole-float", ["invalid", "age", "invalid type: floating point `31.0`"], '{"age": 31.0}\n', {
  wasm_object: { expect: "ok", why: "JSON.parse makes 31.0 the number 31" },
  attack: "a whole age written as a float",
});
profile("type-location-string", ["invalid", "location", "invalid type"], { location: "3511" }, { attack: "a location given as a string" });
profile("type-postcode-number", ["invalid", "location.postcode", "invalid type"], { location: { postcode: 3511 } }, { attack: "a postcode given as a number" });
profile("type-sectors-string", ["invalid", "sectors", "invalid type"], { sectors: "po" }, { attack: "a list given as a string" });
profile("type-bool-string", ["invalid", "vog", "invalid type"], { vog: "ja" }, { attack: "a boolean given as a string" });
profile("type-wish-bool", ["invalid", "earn_while_learning", "expected value"], { earn_while_learning: true }, { attack: "an id given as a boolean (serde_json's enum reader says 'expected value')" });

// ---------------------------------------------------------------- profiles: unknown fields and duplicate keys
profile("unknown-top", ["invalid", "naam", "unknown field `naam`"], { naam: "Jan" }, { attack: "an unknown field" });
profile("unknown-diploma", ["invalid", "diplomas[0].cijfer", "unknown field `cijfer`"], { diplomas: [{ level: "havo", cijfer: 8 }] }, { attack: "an unknown field in a diploma" });
profile("unknown-location", ["invalid", "location.straat", "unknown field `straat`"], { location: { postcode: "3511", straat: "Oudegracht" } }, { attack: "an unknown field in the location" });
profile("unknown-proto", ["invalid", "__proto__", "unknown field `__proto__`"], '{"__proto__": {"age": 30}}\n', {
  attack: "a __proto__ member (prototype pollution in JS)",
});
profile("dupkey-top", ["invalid", "", "duplicate field `age`"], '{"age": 30, "age": 300}\n', {
  wasm_object: { expect: "invalid", path: "age", message: "invalid value: integer `300`", why: "JSON.parse keeps the last of two equal keys" },

  attack: "a key given twice (the second out of range)",
});
profile("dupkey-nested", ["invalid", "job", "duplicate field `sector`"], '{"job": {"sector": "vo", "sector": "po", "role": "leraar", "hours_per_week": 20}}\n', {
  wasm_object: { expect: "ok", why: "JSON.parse keeps the last of two equal keys" },

  attack: "a key given twice in the job",
});

// ---------------------------------------------------------------- profiles: missing fields, vocabulary, values
profile("missing-level", ["invalid", "diplomas[0]", "missing field `level`"], { diplomas: [{ field: "wiskunde" }] }, { attack: "a diploma without level" });
profile("missing-job-sector", ["invalid", "job", "missing field `sector`"], { job: { role: "leraar", hours_per_week: 20 } }, { attack: "a job without sector" });
profile("missing-study-ec", ["invalid", "study", "missing field `ec`"], { study: { level: "wo-bachelor" } }, { attack: "a study without credits" });
profile("vocab-level", ["invalid", "diplomas[0].level", "unknown variant `master`"], { diplomas: [{ level: "master" }] }, { attack: "an unknown diploma level" });
profile("vocab-sector", ["invalid", "sectors[1]", "unknown variant `hbo`"], { sectors: ["po", "hbo"] }, { attack: "an unknown sector" });
profile("vocab-subject", ["invalid", "subjects[0]", "unknown variant `klingon`"], { subjects: ["klingon"] }, { attack: "an unknown subject" });
profile("vocab-escape-sequence", ["invalid", "diplomas[0].level", "unknown variant"], { diplomas: [{ level: "\u001b[2J\u001b[Hhavo\r" }] }, { attack: "an unknown level holding terminal escapes: the problem echoes it" });
profile("vocab-dutch", ["invalid", "dutch", "unknown variant `d1`"], { dutch: "d1" }, { attack: "an unknown language level" });
profile("vocab-pabo-test", ["invalid", "pabo_tests_passed[0]", "unknown variant"], { pabo_tests_passed: ["astrologie"] }, { attack: "an unknown pabo test" });
profile("vocab-qualification", ["invalid", "qualifications[0].qualification", "unknown variant"], { qualifications: [{ qualification: "derdegraads" }] }, { attack: "an unknown qualification" });
profile("value-age-negative", ["invalid", "age", "invalid value: integer `-1`"], { age: -1 }, { attack: "a negative age" });
profile("value-age-300", ["invalid", "age", "invalid value: integer `300`"], { age: 300 }, { attack: "an age past u8" });
profile("value-age-101", ["invalid", "age", "not between 12 and 100"], { age: 101 }, { attack: "an implausible age" });
profile("value-hours-zero", ["invalid", "hours_per_week", "not between 1 and 80"], { hours_per_week: 0 }, { attack: "no hours at all" });
profile("value-travel-overflow", ["invalid", "max_travel_km", "invalid value"], { max_travel_km: 70000 }, { attack: "a distance past u16" });
profile("value-ec-601", ["invalid", "study.ec", "more than any study has"], { study: { level: "wo-master", ec: 601 } }, { attack: "too many credits" });
profile("value-1e400", ["invalid", "age", "number out of range"], '{"age": 1e400}\n', {
  ...atPosition("number out of range at line 1"),
  wasm_object: { expect: "invalid", path: "age", message: "inf is not a number JSON can hold" },
  attack: "a number past f64 (JSON.parse makes it Infinity)",
});
profile("value-1e-99999999", ["invalid", "age", "invalid type: floating point"], '{"age": 1e-99999999}\n', {
  wasm_object: { expect: "invalid", path: "age", message: "not between 12 and 100" },
  attack: "an exponent that underflows to 0",
});
profile("value-recognised-not-foreign", ["invalid", "diplomas[0].recognised", "only a foreign diploma"], { diplomas: [{ level: "havo", recognised: true }] }, { attack: "a recognised Dutch diploma" });
profile("location-both", ["invalid", "location", "not both"], { location: { postcode: "3511", gemeente: "GM0344" } }, { attack: "postcode and gemeente at once" });
profile("location-empty", ["invalid", "location", "give a postcode or a gemeente"], { location: {} }, { attack: "an empty location" });
profile("location-postcode-leading-zero", ["invalid", "location.postcode", "not a 4-digit Dutch postcode"], { location: { postcode: "0123" } }, { attack: "a postcode starting with 0" });
profile("location-postcode-300", ["invalid", "location.postcode", "300 characters; the limit is 200"], { location: { postcode: "3".repeat(300) } }, { attack: "a 300-character postcode" });
profile("location-gemeente-bad", ["invalid", "location.gemeente", "not a CBS gemeente code"], { location: { gemeente: "GM34<script>" } }, { attack: "a malformed gemeente code with HTML" });

// ---------------------------------------------------------------- profiles: dates
profile("date-left-9999", ["invalid", "lerarenopleiding_left", "1900 to 2199"], { lerarenopleiding_left: "9999-12-31" }, { attack: "lerarenopleiding_left 9999-12-31" });
profile("date-feb-30", ["invalid", "available_from", "not an existing calendar date"], { available_from: "2027-02-30" }, { attack: "30 February" });
profile("date-birth-1899", ["invalid", "birth_date", "1900 to 2199"], { birth_date: "1899-12-31" }, { attack: "born before the supported range" });
profile("date-birth-0000", ["invalid", "birth_date", "1900 to 2199"], { birth_date: "0000-01-01" }, { attack: "born in year zero" });
profile("date-birth-2021", ["invalid", "birth_date", "not a plausible date of birth"], { birth_date: "2021-01-01" }, { attack: "a five-year-old" });
profile("date-words", ["invalid", "available_from", "not a date of the form"], { available_from: "morgen" }, { attack: "a date in words" });
profile("date-month-13", ["invalid", "job.start_date", "not an existing calendar date"], { job: { sector: "vo", role: "leraar", hours_per_week: 20, start_date: "2027-13-01" } }, { attack: "month 13" });

// ---------------------------------------------------------------- profiles: limits and nesting
profile("over-diplomas-51", ["invalid", "diplomas", "51 elements; the limit is 50"], { diplomas: Array.from({ length: 51 }, () => ({ level: "havo" })) }, { attack: "51 diplomas" });
profile("over-sectors-51", ["invalid", "sectors", "51 elements; the limit is 50"], { sectors: Array.from({ length: 51 }, () => "po") }, { attack: "51 sectors (all the same)" });
profile("over-field-201", ["invalid", "diplomas[0].field", "201 characters; the limit is 200"], { diplomas: [{ level: "havo", field: "é".repeat(201) }] }, { attack: "a study field of 201 (two-byte) characters" });
profile("nest-array-200", ["invalid", "diplomas[0][0]", "expected value"], `{"diplomas": ${nestedArrayText(200)}}\n`, {
  ...atPosition("recursion limit exceeded at line 1"),
  wasm_object: { expect: "invalid", path: `diplomas${"[0]".repeat(127)}`, message: "nested more than 128 deep" },
  attack: "arrays nested 200 deep",
});
profile("nest-unknown-object-200", ["invalid", "x", "unknown field `x`"], `{"x": ${'{"a":'.repeat(200)}0${"}".repeat(200)}}\n`, {
  ...atPosition("recursion limit exceeded at line 1"),
  wasm_object: { expect: "invalid", path: `x${".a".repeat(127)}`, message: "nested more than 128 deep" },
  attack: "objects nested 200 deep in an unknown member",
});
generated("profile-over-size", "profile", ["invalid", "", "the limit is 65536 bytes"], {
  wasm_object: { expect: "invalid", path: "", message: "larger than its size limit", why: "an object is measured in JS before it is copied" },
  attack: "a profile over 64 KiB (a 100,000-character field)" });
generated("profile-field-20000", "profile", ["invalid", "diplomas[0].field", "20000 characters; the limit is 200"], { attack: "a 20,000-character study field (within the size limit), echoed clipped" });

// ---------------------------------------------------------------- the wasm API
// The profile and the day of most calls.
const P = {};
const T = TODAY;
api("control-all-defaults", "match", [P, T], "ok", { attack: "control: profile and today only" });
api("control-all-options", "match", [P, T, "en", 3, 2], "ok", { attack: "control: every option given" });
api("limit-negative", "match", [P, T, "nl", -1], ["invalid", "options", "limit", "whole number"], { attack: "limit -1" });
api("limit-nan", "match", [P, T, "nl", { $: "NaN" }], ["invalid", "options", "limit", "whole number"], { attack: "limit NaN" });
api("limit-fraction", "match", [P, T, "nl", 1.5], ["invalid", "options", "limit", "whole number"], { attack: "limit 1.5" });
api("limit-string", "match", [P, T, "nl", "5"], ["invalid", "options", "limit", "whole number"], { attack: "limit the string \"5\"" });
api("limit-infinity", "match", [P, T, "nl", { $: "Infinity" }], ["invalid", "options", "limit", "whole number"], { attack: "limit Infinity" });
api("limit-2pow32", "match", [P, T, "nl", 2 ** 32], ["invalid", "options", "limit", "whole number"], { attack: "limit 2^32 (past u32)" });
api("limit-zero", "match", [P, T, "nl", 0, 0], "ok", { attack: "limit 0 and closed 0: list nothing" });
api("limit-max", "match", [P, T, "nl", 2 ** 32 - 1, 2 ** 32 - 1], "ok", { attack: "limit and closed u32::MAX" });
api("limit-negative-zero", "match", [P, T, "nl", -0], "ok", { attack: "limit -0" });
api("limit-null", "match", [P, T, null, null, null], "ok", { attack: "null for every option: the defaults" });
api("closed-negative", "match", [P, T, "nl", 5, -1], ["invalid", "options", "closed", "whole number"], { attack: "closed -1" });
api("closed-bool", "match", [P, T, "nl", 5, true], ["invalid", "options", "closed", "whole number"], { attack: "closed true" });
api("today-number", "match", [P, 20261123], ["invalid", "options", "today", "date string"], { attack: "today a number" });
api("today-dmy", "match", [P, "23-11-2026"], ["invalid", "options", "today", "not a date of the form"], { attack: "today 23-11-2026" });
api("today-undefined", "match", [P, { $: "undefined" }], ["invalid", "options", "today", "date string"], { attack: "today undefined" });
api("today-null", "match", [P, null], ["invalid", "options", "today", "date string"], { attack: "today null" });
api("today-date-object", "match", [P, { $: "Date" }], ["invalid", "options", "today", "date string"], { attack: "today a JS Date" });
api("today-feb-30", "match", [P, "2026-02-30"], ["invalid", "options", "today", "not an existing calendar date"], { attack: "today 30 February" });
api("today-9999", "match", [P, "9999-12-31"], ["invalid", "options", "today", "1900 to 2199"], { attack: "today past the supported years" });
api("today-2199", "match", [{ diplomas: [{ level: "wo-master" }] }, "2199-12-31"], "ok", { attack: "today the last supported day: every date after it is out of range" });
api("today-1900", "match", [{ birth_date: "1900-01-01" }, "1900-01-01"], "ok", { attack: "today the first supported day" });
api("lang-de", "match", [P, T, "de"], ["invalid", "options", "lang", "'de' is not nl or en"], { attack: "lang de" });
api("lang-number", "match", [P, T, 5], ["invalid", "options", "lang", "must be the string nl or en"], { attack: "lang 5" });
api("lang-upper", "match", [P, T, "EN"], ["invalid", "options", "lang", "'EN' is not nl or en"], { attack: "lang EN" });
api("lang-long", "match", [P, T, "x".repeat(100000)], ["invalid", "options", "lang", "is not nl or en"], { attack: "a 100,000-character lang, echoed clipped" });
api("profile-null", "match", [null, T], ["invalid", "profile", "", "nothing was given"], { attack: "profile null" });
api("profile-undefined", "match", [{ $: "undefined" }, T], ["invalid", "profile", "", "nothing was given"], { attack: "profile undefined" });
api("profile-array", "match", [[], T], ["invalid", "profile", "", "must be a JSON object"], { attack: "profile []" });
api("profile-number", "match", [5, T], ["invalid", "profile", "", "must be a JSON object"], { attack: "profile a number" });
api("profile-bool", "match", [true, T], ["invalid", "profile", "", "must be a JSON object"], { attack: "profile true" });
api("profile-text-not-json", "match", ["age: 30", T], ["invalid", "profile", "", "expected value"], { attack: "profile text that is not JSON" });
api("profile-nested-200", "match", [{ $: "nested", depth: 200 }, T], ["invalid", "profile", Array(128).fill("a").join("."), "nested more than 128 deep"], { attack: "a profile object nested 200 deep" });
api("profile-cyclic", "match", [{ $: "cyclic" }, T], ["invalid", "profile", `${Array(127).fill("self").join(".")}.diplomas`, "nested more than 128 deep"], { attack: "a profile object that contains itself" });
api("profile-10mb-string", "match", [{ $: "bigField", chars: 10_000_000 }, T], ["invalid", "profile", "", "larger than its size limit"], { attack: "a profile object holding a 10 MB string" });
api("profile-10mb-text", "match", [{ $: "bigText", chars: 10_000_000 }, T], ["invalid", "profile", "", "the limit is 65536 bytes"], { attack: "profile JSON text of 10 MB" });
api("profile-nan", "match", [{ age: { $: "NaN" } }, T], ["invalid", "profile", "age", "not a number JSON can hold"], { attack: "NaN in a profile object" });
api("profile-infinity", "match", [{ hours_per_week: { $: "Infinity" } }, T], ["invalid", "profile", "hours_per_week", "not a number JSON can hold"], { attack: "Infinity in a profile object" });
api("profile-neg-infinity-nested", "match", [{ study: { level: "havo", ec: { $: "-Infinity" } } }, T], ["invalid", "profile", "study.ec", "not a number JSON can hold"], { attack: "-Infinity nested in a profile object" });
api("profile-function-value", "match", [{ age: { $: "function" } }, T], ["invalid", "profile", "age", ""], { attack: "a function as a value" });
api("profile-symbol-value", "match", [{ vog: { $: "symbol" } }, T], ["invalid", "profile", "vog", ""], { attack: "a symbol as a value" });
api("profile-bigint", "match", [{ age: { $: "bigint", value: "31" } }, T], "ok", { attack: "a BigInt age (read as the integer it is)" });
api("profile-huge-bigint", "match", [{ age: { $: "bigint", value: "340282366920938463463374607431768211456" } }, T], ["invalid", "profile", "age", ""], { attack: "a BigInt past u128" });
api("profile-map", "match", [{ $: "map", entries: [["age", 30]] }, T], "ok", { attack: "a JS Map as profile (read as the object it maps)" });
api("profile-map-10mb", "match", [{ $: "map", entries: [["diplomas", [{ level: "havo", field: { $: "string", chars: 10_000_000 } }]]] }, T], ["invalid", "profile", "", "larger than its size limit"], { attack: "a JS Map holding a 10 MB string: measured before it is copied?" });
api("profile-undefined-member", "match", [{ age: { $: "undefined" }, vog: true }, T], "ok", { attack: "a member whose value is undefined (JSON.stringify drops it)" });
api("profile-sparse-array", "match", [{ sectors: { $: "sparse" } }, T], ["invalid", "profile", "sectors[0]", ""], { attack: "a sparse array (holes read as undefined)" });
api("catalog-null", "new", [null], ["invalid", "catalog", "", "nothing was given"], { attack: "new Matcher(null)" });
api("catalog-undefined", "new", [{ $: "undefined" }], ["invalid", "catalog", "", "nothing was given"], { attack: "new Matcher(undefined)" });
api("catalog-array", "new", [[]], ["invalid", "catalog", "", "must be a JSON object"], { attack: "new Matcher([])" });
api("catalog-number", "new", [42], ["invalid", "catalog", "", "must be a JSON object"], { attack: "new Matcher(42)" });
api("catalog-empty-text", "new", [""], ["invalid", "catalog", "", "EOF while parsing"], { attack: "new Matcher(\"\")" });
api("catalog-empty-object", "new", [{}], ["invalid", "catalog", "", "missing field"], { attack: "new Matcher({})" });
api("catalog-nested-200", "new", [{ $: "nested", depth: 200 }], ["invalid", "catalog", Array(128).fill("a").join("."), "nested more than 128 deep"], { attack: "a catalog object nested 200 deep" });
api("catalog-cyclic", "new", [{ $: "cyclic" }], ["invalid", "catalog", `${Array(127).fill("self").join(".")}.diplomas`, "nested more than 128 deep"], { attack: "a catalog object that contains itself" });
api("catalog-nan-object", "new", [{ $: "baseWith", path: ["places", 0, "lat"], value: { $: "NaN" } }], ["invalid", "catalog", "places[0].lat", "not a number JSON can hold"], { attack: "NaN in a catalog object" });

// A loket's overlay, laid over the base catalog: read exactly like a catalog, every
// problem named under `overlay`.
const OVER_BASE = { $: "baseWith", path: ["meta", "notes"], value: ["The base catalog, for the overlay cases."] };
const overlayMeta = { name: "Hostile loket", version: "1", generated: "2026-11-20", region: "AM13" };
const okActivity = { id: "a1", name: "Informatieavond", activity_type: "loket", start_date: "2027-02-04", start_time: "19:00", end_time: "21:00", event_attendance_mode: "offline", location: "GM0344" };
const okVacancy = { id: "v-echt", title: "Docent wiskunde", employer: "Het Lyceum", job_location: "GM0344", sector: "vo", subject: "wiskunde", role: "leraar", work_hours: 24, employment_type: "structureel", job_start_date: "2027-02-01", valid_through: "2027-01-10", accepts_in_training: true, education_requirements: ["tweedegraads"] };
const withOverlay = (o) => [OVER_BASE, { meta: overlayMeta, ...o }];
api("overlay-control", "new", withOverlay({ activities: [okActivity], vacancies: [okVacancy] }), "ok", { attack: "control: a valid overlay with an activity and a real vacancy" });
api("overlay-array-text", "new", [OVER_BASE, "[]"], ["invalid", "overlay", "overlay", "must be a JSON object"], { attack: "an overlay that is a JSON array" });
api("overlay-bad-time", "new", withOverlay({ activities: [{ ...okActivity, start_time: "25:00" }] }), ["invalid", "overlay", "overlay.activities[0].start_time", "is not a time HH:MM"], { attack: "an activity at 25:00" });
api("overlay-unknown-place", "new", withOverlay({ vacancies: [{ ...okVacancy, job_location: "GM9999" }] }), ["invalid", "overlay", "overlay.vacancies[0].job_location", "unknown place"], { attack: "a real vacancy at a place the catalog does not know" });
api("overlay-javascript-url", "new", withOverlay({ activities: [{ ...okActivity, url: "javascript:alert(1)" }] }), ["invalid", "overlay", "overlay.activities[0].url", "not an http(s) URL"], { attack: "a javascript: URL in an activity" });
api("overlay-mailto-injection", "new", withOverlay({ }).map((x, i) => (i === 1 ? { ...x, meta: { ...overlayMeta, contact: { name: "Loket", email: "loket@example.nl?bcc=all@example.nl" } } } : x)), ["invalid", "overlay", "overlay.meta.contact.email", "not an e-mail address"], { attack: "a contact address that would add recipients to a mailto: link" });
api("overlay-nested-200", "new", [OVER_BASE, { $: "nested", depth: 200 }], ["invalid", "overlay", "overlay." + Array(128).fill("a").join("."), "nested more than 128 deep"], { attack: "an overlay object nested 200 deep" });

// ---------------------------------------------------------------- write
for (const dir of ["catalogs", "profiles"]) {
  rmSync(new URL(dir, here), { recursive: true, force: true });
  mkdirSync(new URL(dir, here));
}
for (const [file, text] of files) {
  writeFileSync(new URL(file, here), file.includes("invalid-utf8") ? Buffer.from(text, "latin1") : text);
}
writeFileSync(new URL("cases.json", here), "[\n" + cases.map((c) => "  " + JSON.stringify(c)).join(",\n") + "\n]\n");
const count = (k) => cases.filter((c) => c.kind === k).length;
console.log(`${files.size} files; ${cases.length} cases: ${count("catalog")} catalog, ${count("profile")} profile, ${count("api")} api`);
