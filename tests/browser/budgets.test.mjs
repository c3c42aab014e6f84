// Size budgets of what a loket serves, each file gzipped on its own (-9) as a server
// sends it. The shell (every JS module and the styles) is at most 25 KB. The wasm module
// and the first screen of the demo page (the page, all JS, all CSS, the Dutch store, the
// wasm and the AM13 shard) have targets of 120 KB and 220 KB that the idiomatic serde
// build does not meet (190 KB: serde derives, serde_path_to_error, serde_json and
// serde-wasm-bindgen;
// twiggy breakdown in BENCHMARKS.md, "WebAssembly size"); per the foundations issue the
// idiomatic code stays, so these tests print the figure against the target and fail only
// above a ceiling that catches regressions. Reads the build output of
// scripts/build-web.sh. Figures: BENCHMARKS.md.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const root = new URL("../../", import.meta.url);
const KB = 1024;
const gz = (f) => gzipSync(readFileSync(new URL(f, root)), { level: 9 }).length;
const within = (dir, ext) => readdirSync(new URL(dir, root)).filter((f) => f.endsWith(ext)).sort().map((f) => `${dir}${f}`);
const total = (files) => files.reduce((s, f) => s + gz(f), 0);
const n = (x) => x.toLocaleString("en-GB");

const SHELL = ["www/routewijzer.js", ...within("www/js/", ".js"), "www/routewijzer.css"];

// Targets of the foundations issue, and the ceilings the tests hold (measured + ~3-5%; raised
// with the figures in BENCHMARKS.md when a feature grows them, never met by hand-written code).
const WASM_TARGET = 120 * KB;
// Raised by issue #11: activities and the loket overlay in the core, 229.5 KB (BENCHMARKS.md,
// "WebAssembly size": +12.0 KB activities, +10.4 KB the overlay reader and merge). 235 KB
// until session 14 of #10 (239,248 bytes at its start, 241,342 after, +2.1 KB): the domain
// review's messages in both languages (the pabo subject requirements with their havo and vavo
// ways, the LIO and pabo-student rules and notice, Fontys's 0.4 fte, start werk), the study
// test's fields and the hours a job rule asks for. 238 KB until session 15 (243,727 bytes
// after it): the second domain review's rules and messages in both languages (hybride docent
// and herintreding for someone who teaches now, the lerarenbeurs, a pathway's own job too
// small, what a pathway assumes) and the school-job test's `current`. 241 KB until session 17
// (245,657 bytes at its start, 247,550 after, +1.9 KB): a cheaper match for the answer-change
// budget of #10 (dates written without the formatting machinery +0.6 KB, the shortages in a
// BTreeMap, the ranking by cached keys, a field borrowed when it is in id form, the view's
// `outside`; BENCHMARKS.md "Half the result, and a cheaper match"). 243 KB until session 19
// (247,550 bytes at its start, 249,226 after, +1.7 KB): attribution lines in Dutch and
// English (`Attribution`, read as serde's "string or struct"; a derived untagged enum was
// +3.9 KB). 245 KB until session 20 (249,226 bytes at its start, 250,787 after, +1.5 KB):
// a pathway's place, distance and whether it needs a job, a closed kind's subjects (with the
// relatedness check that decides whether to list them; their sort was 1 KB and went), the
// places beyond the distance given and the first date's deadline in the answer.
const WASM_CEILING = 246 * KB;
const FIRST_TARGET = 220 * KB;
// Raised by issue #11 (the wasm and the shell above, the shard's activities): measured 362.9 KB.
// 375 KB until session 11 of #10 (372.8 KB at its start, measured 376.6 KB after: +3.9 KB,
// of which the wasm +0.8 (messages, Rule.voids_figure, Shortage.region_name), the AM13 shard
// +0.6 (five rules for a bevoegdheid already held, the shortages' region names), the Dutch
// store +0.5 (the shortage, scope and language-switch texts) and the shell +2.2). 387 KB
// until session 14 of #10 (393,688 at its start, 397,090 after, +3.4 KB: the wasm +2.1 KB
// above, the AM13 shard's new rules and re-weighted demo vacancies, the Dutch store). 390 KB
// until session 15 (400,943 bytes after it: the wasm above, the AM13 shard's new rules). 394
// KB until session 17 (403,435 bytes at its start, 405,694 after: the wasm above +1.9 KB, the
// shell +0.4 KB). 397 KB until session 18 (406,722 bytes after it: the shell +1.1 KB below).
// 399 KB until session 19 (409,998 bytes: the wasm +1.7 KB above, the shard's attribution
// in English, the shell). 402 KB until session 20 (412,498 bytes: the wasm +1.5 KB and the
// shell +0.8 KB above, the Dutch store's new texts).
const FIRST_CEILING = 404 * KB;

test("the wasm module stays under its ceiling (246 KB gzip; target 120 KB)", () => {
  const size = gz("pkg/routewijzer_bg.wasm");
  console.log(`# pkg/routewijzer_bg.wasm: ${n(size)} bytes gzip (target ${n(WASM_TARGET)}, ceiling ${n(WASM_CEILING)})`);
  assert.ok(size <= WASM_CEILING, `${size} bytes gzip > ${WASM_CEILING}`);
});

// The shell's ceiling: 25 KB until issue #10 added the worker, the answer-first results,
// the place and study-field comboboxes and their search (measured 40.6 KB; BENCHMARKS.md);
// 42 KB until issue #11 added the candidate's next step: calendar files, kept routes and
// their comparison, the share link, the print summary and the handoff (kit 6.6 KB, handoff
// 3.4, shortlist 3.2, ics 2.9, share 2.9, styles 0.9), and the sliced in-place rendering
// of #10 (2.7 KB): measured 66.3 KB; 68 KB until the review fixes of the kit (the mail
// that fits 2,000 characters with its copy fallback, share links beside a page's own
// fragment: +2.6 KB) and the form built before the catalog (+0.3 KB): measured 68 KB; 71 KB
// until the second review of the kit (share links read early, the print summary alone on
// any host page, checked handoff attributes: +2 KB): measured 70.7 KB; 73 KB until #10's
// responsiveness work (sessions 4 and 5: the form before the catalog, the counted Blob
// downloads, "also at" ordered by the core and "show all": +2.1 KB, 72.8 KB) warmed the
// worker's core up (+0.8 KB), read downloads in parts (+0.7 KB) and asked Chromium to
// compile the modules run at load as they download (+0.2 KB, one comment line in 12 files):
// measured 74.6 KB; 77 KB until session 7 of #10 typed the date questions (the reader of
// typed dates with Dutch and English month names, the questions' notices, the filter's
// date: +1.6 KB), took over properties set before the element is defined, defined it a
// task later and laid out later cards only near the screen (+0.6 KB): measured 77.1 KB; 80 KB
// until session 11 of #10 (78.1 KB at its start): the language switch, browsing every kind,
// what each bevoegdheid covers, the sectors attribute as the starting sectors, checked
// sectors/theme/lang values and the handoff's failure said (+2.2 KB): measured 80.4 KB; 83 KB
// until session 13 of #10 (81.0 KB at its start): el.profile refuses what the form cannot
// hold, naming each field (form.js `check`, +2.2 KB with its comments), a route without
// training shows no mode (+0.1 KB), the downloads started in tasks of their own (+0.2 KB):
// measured 83.9 KB; 86 KB until session 18 of #10 (86,976 bytes at its start): the form
// built in smaller pieces and a first result's first two cards a part a frame, so that no
// frame at load is long at 4x CPU, with a newer render finishing a card left in parts
// (results.js +0.8 KB, form.js +0.3 KB with their comments): measured 88,073 bytes; 88 KB
// until session 20 (89,552 bytes at its start): a pathway names where its training is and
// why it shows no job, a closed kind the subjects it is offered in, the bevoegdheid's scope
// in plain type with its name in bold (results.js and the styles, +0.8 KB): 90,313 bytes.
const SHELL_CEILING = 89 * KB;

test("the shell (every JS module + styles, each gzipped) stays under its ceiling (89 KB)", () => {
  assert.ok(SHELL.length > 5, "the modules are there");
  for (const f of SHELL) console.log(`#   ${f}: ${n(gz(f))}`);
  const size = total(SHELL);
  console.log(`# shell, ${SHELL.length} files: ${n(size)} bytes gzip (ceiling ${n(SHELL_CEILING)})`);
  assert.ok(size <= SHELL_CEILING, `${size} bytes gzip > ${SHELL_CEILING}`);
});

test("the first screen of the demo (page, JS, CSS, nl store, wasm, AM13 shard) stays under its ceiling (404 KB gzip; target 220 KB)", () => {
  const parts = {
    page: ["www/index.html"],
    js: [...SHELL.filter((f) => f.endsWith(".js")), "pkg/routewijzer.js"],
    css: ["www/routewijzer.css", "www/demo.css"],
    store: ["www/i18n/nl.json"],
    wasm: ["pkg/routewijzer_bg.wasm"],
    catalog: ["www/data/regions/AM13.json"],
  };
  let size = 0;
  for (const [part, files] of Object.entries(parts)) {
    const s = total(files);
    size += s;
    console.log(`#   ${part}: ${n(s)} (${files.length} file${files.length > 1 ? "s" : ""})`);
  }
  console.log(`# first screen of the demo: ${n(size)} bytes gzip (target ${n(FIRST_TARGET)}, ceiling ${n(FIRST_CEILING)})`);
  assert.ok(size <= FIRST_CEILING, `${size} bytes gzip > ${FIRST_CEILING}`);
});

test("the loket folder dist/routewijzer/ ships the entry, js/, i18n/, the styles, pkg/ and data/ as built", () => {
  const same = (a, b) => assert.ok(readFileSync(new URL(a, root)).equals(readFileSync(new URL(b, root))), `${b} differs from ${a}: run scripts/build-web.sh`);
  same("pkg/routewijzer_bg.wasm", "dist/routewijzer/pkg/routewijzer_bg.wasm");
  same("pkg/routewijzer.js", "dist/routewijzer/pkg/routewijzer.js");
  for (const f of ["routewijzer.js", "routewijzer.d.ts", "routewijzer.css", ...within("www/js/", "").map((f) => f.slice(4))]) same(`www/${f}`, `dist/routewijzer/${f}`);
  assert.deepEqual(within("dist/routewijzer/js/", ""), within("www/js/", "").map((f) => `dist/routewijzer/${f.slice(4)}`), "no stale modules");
  for (const lang of ["nl", "en"]) {
    same(`src/i18n/${lang}.json`, `www/i18n/${lang}.json`);
    same(`src/i18n/${lang}.json`, `dist/routewijzer/i18n/${lang}.json`);
  }
  same("www/data/regions/AM13.json", "dist/routewijzer/data/regions/AM13.json");
});
