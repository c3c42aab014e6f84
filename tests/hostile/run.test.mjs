// The hostile corpus (cases.json, written by make.mjs) through the CLI and the wasm build
// in node: every case must give its stated outcome on both sides, with no panic or trap,
// within a time limit, and with bounded error output. Builds nothing: run
//   cargo build --release && bash scripts/build-web.sh && node --test tests/hostile/
// A case marked `known` is a defect of the core: it runs as a todo (reported, not failed).
import { describe, test, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ROOT, SAMPLE, PERSONA, TODAY, baseCatalog, generators, nestedObject } from "./lib.mjs";

const here = new URL("./", import.meta.url);
const CLI_TIMEOUT_MS = 10_000;
const WASM_LIMIT_MS = 5_000;
const MAX_ERROR_BYTES = 20_000;

// ---------------------------------------------------------------- what is tested
// ROUTEWIJZER_CLI names the binary (scripts/test.sh: the debug build, with overflow
// checks); else the release build, else the debug one.
const bin = process.env.ROUTEWIJZER_CLI || ["release", "debug"].map((p) => fileURLToPath(new URL(`target/${p}/routewijzer`, ROOT))).find((f) => existsSync(f));
if (!bin || !existsSync(bin)) throw new Error(`no CLI: ${bin ?? "neither target/release/routewijzer nor target/debug/routewijzer"} does not exist; run \`cargo build --release\` first`);
const glue = new URL("pkg/routewijzer.js", ROOT);
if (!existsSync(glue)) throw new Error("no wasm build: pkg/routewijzer.js is missing; run `bash scripts/build-web.sh` first");
const wasm = await import(glue);
wasm.initSync({ module: readFileSync(new URL("pkg/routewijzer_bg.wasm", ROOT)) });

const cases = JSON.parse(readFileSync(new URL("cases.json", here), "utf8"));
const tmp = mkdtempSync(join(tmpdir(), "routewijzer-hostile-"));
after(() => rmSync(tmp, { recursive: true, force: true }));
const samplePath = fileURLToPath(SAMPLE);
const sampleText = readFileSync(SAMPLE, "utf8");
const personaPath = fileURLToPath(PERSONA);
const personaText = readFileSync(PERSONA, "utf8");
let sampleMatcher = new wasm.Matcher(sampleText);

// ---------------------------------------------------------------- the two sides
/** Runs the CLI; fails on a hang, a signal or a panic, and on unbounded stderr. */
function cli(args) {
  const r = spawnSync(bin, args, { encoding: "utf8", timeout: CLI_TIMEOUT_MS, maxBuffer: 256 << 20 });
  if (r.error?.code === "ETIMEDOUT") assert.fail(`CLI hang: no answer within ${CLI_TIMEOUT_MS / 1000} s (${args.join(" ")})`);
  if (r.error) throw r.error;
  assert.notEqual(r.status, 101, `CLI panic (exit 101):\n${r.stderr.slice(0, 2000)}`);
  assert.equal(r.signal, null, `CLI killed by ${r.signal}:\n${r.stderr.slice(0, 2000)}`);
  assert.ok(Buffer.byteLength(r.stderr) < MAX_ERROR_BYTES, `CLI stderr of ${Buffer.byteLength(r.stderr)} bytes`);
  printable(r.stderr, "the CLI's stderr");
  clipped(r.stderr, "the CLI's stderr");
  return r;
}

/**
 * Calls the wasm API: {value} or {error}. A trap (RuntimeError) fails, after the module
 * is reset so the next case runs on a fresh instance; so does any thrown value that is
 * not an input Error, an answer slower than the limit, and an unbounded error.
 */
function call(f) {
  const started = performance.now();
  let out;
  try {
    out = { value: f() };
  } catch (e) {
    out = { error: e };
  }
  const ms = performance.now() - started;
  if (out.error instanceof WebAssembly.RuntimeError || (out.error && !Array.isArray(out.error.problems))) {
    wasm.__wbg_reset_state();
    sampleMatcher = new wasm.Matcher(sampleText);
    assert.fail(`wasm ${out.error instanceof WebAssembly.RuntimeError ? "trap" : "threw a non-input error"}: ${out.error?.stack ?? out.error}`);
  }
  assert.ok(ms < WASM_LIMIT_MS, `wasm took ${ms.toFixed(0)} ms (limit ${WASM_LIMIT_MS} ms)`);
  if (out.error) {
    const size = Buffer.byteLength(out.error.message) + Buffer.byteLength(JSON.stringify(out.error.problems));
    assert.ok(size < MAX_ERROR_BYTES, `wasm error of ${size} bytes`);
    assert.ok(out.error.problems.length <= 101, `${out.error.problems.length} problems (at most 100 and a count)`);
    for (const p of out.error.problems) clipped(`${p.path}: ${p.message}`, "a wasm problem");
  }
  return out;
}

// ---------------------------------------------------------------- expectations
const show = (p) => (p.path ? `${p.path}: ${p.message}` : p.message);

/** The wasm answer against {expect, document, path, message}. */
function checkWasm(out, want, document, side) {
  if (want.expect === "ok") {
    assert.ok(!out.error, `${side}: expected ok, got\n${out.error?.message}`);
    return;
  }
  assert.ok(out.error, `${side}: expected invalid (${want.path}: …${want.message ?? ""}…), but it was accepted`);
  assert.equal(out.error.document, document, `${side}: document`);
  const hit = out.error.problems.find((p) => p.path === want.path && p.message.includes(want.message ?? ""));
  assert.ok(hit, `${side}: no problem at '${want.path}' with '${want.message ?? ""}' in\n${out.error.problems.map(show).join("\n")}`);
  if (want.absent) {
    const extra = out.error.problems.find((p) => p.message.includes(want.absent));
    assert.equal(extra, undefined, `${side}: a problem holds '${want.absent}'`);
  }
}

/** The CLI's answer against the case: exit 0, or exit 1 with the problem in stderr. */
function checkCli(r, want) {
  if (want.expect === "ok") {
    assert.equal(r.status, 0, `CLI: expected exit 0, got ${r.status}:\n${r.stderr.slice(0, 2000)}`);
    return;
  }
  assert.equal(r.status, 1, `CLI: expected exit 1 (invalid), got ${r.status}:\n${r.stderr.slice(0, 2000)}`);
  const lines = r.stderr.split("\n");
  const prefix = want.path ? `  ${want.path}: ` : "";
  const hit = lines.find((l) => (want.path ? l.startsWith(prefix) : true) && l.includes(want.message ?? ""));
  assert.ok(hit, `CLI: no problem line '${prefix}…${want.message ?? ""}…' in\n${r.stderr.slice(0, 3000)}`);
  if (want.absent) assert.ok(!r.stderr.includes(want.absent), `CLI: a problem holds '${want.absent}'`);
}

/**
 * No echoed value longer than the echo limit (80 characters). The corpus's long values
 * are runs of one character, so a run of more than 81 betrays an unclipped echo.
 */
function clipped(text, what) {
  const run = /(.)\1{81,}/su.exec(text);
  assert.equal(run, null, `${what} echoes a value unclipped: '${run?.[1]}' ${run?.[0].length} times`);
}

/** Text for a terminal: nothing raw but newlines (escape sequences, CR, NUL, C1). */
function printable(text, what) {
  const bad = [...text].find((ch) => /[\p{Cc}]/u.test(ch) && ch !== "\n");
  assert.equal(bad, undefined, `${what} holds a raw control character U+${bad?.codePointAt(0).toString(16).padStart(4, "0")}`);
}

// ---------------------------------------------------------------- the summary
const tally = {};
function count(kind, expect, outcome) {
  const t = (tally[kind] ??= { cases: 0, ok: 0, invalid: 0, passed: 0, failed: 0, known: 0, knownPassed: 0 });
  t.cases++;
  t[expect]++;
  t[outcome]++;
}
after(() => {
  console.log(`hostile: CLI ${bin}, wasm ${fileURLToPath(glue)}`);
  for (const [kind, t] of Object.entries(tally)) {
    console.log(
      `hostile ${kind}: ${t.cases} cases (${t.ok} ok, ${t.invalid} invalid): ${t.passed} passed, ${t.failed} failed, ` +
        `${t.known} known defects${t.knownPassed ? ` (${t.knownPassed} known but passing: drop their mark)` : ""}`,
    );
  }
});

/** A node test for one case; a known defect runs as a todo. */
function run(c, name, body) {
  test(name, c.known ? { todo: c.known } : {}, async () => {
    try {
      await body();
      count(c.kind, c.expect, c.known ? "knownPassed" : "passed");
    } catch (e) {
      count(c.kind, c.expect, c.known ? "known" : "failed");
      throw e;
    }
  });
}

// ---------------------------------------------------------------- the documents of a case
/** The case's text and a file holding it (generated cases are written to the temp folder). */
function documentOf(c) {
  if (c.generate) {
    const make = generators[c.generate];
    assert.ok(make, `no generator '${c.generate}' in lib.mjs`);
    const text = make();
    const file = join(tmp, `${c.generate}.json`);
    writeFileSync(file, text);
    return { text, file };
  }
  const file = fileURLToPath(new URL(c.file, here));
  return { text: readFileSync(file, "utf8"), file, shown: file };
}

/** JSON.parse of the text, or undefined when it is not JSON for JS either. */
function parsed(text) {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

/** What one side must answer: the case's outcome, unless an override of the case says otherwise. */
const want = {
  cli: (c) => ({ ...c, ...c.cli }),
  text: (c) => ({ ...c, ...c.wasm_text }),
  object: (c) => ({ ...c, ...c.wasm_text, ...c.wasm_object }),
};

// ---------------------------------------------------------------- catalogs
describe("catalogs", () => {
  for (const c of cases.filter((c) => c.kind === "catalog")) {
    run(c, `${c.file ?? c.generate}: ${c.attack}`, () => {
      const { text, file } = documentOf(c);
      let r;
      if (c.cli !== false) {
        r = cli(["validate", file]);
        checkCli(r, want.cli(c));
      }
      if (c.wasm === false) return;
      const fromText = call(() => new wasm.Matcher(text));
      checkWasm(fromText, want.text(c), "catalog", "wasm (text)");
      const json = parsed(text);
      let fromObject;
      if (json) {
        fromObject = call(() => new wasm.Matcher(json.value));
        checkWasm(fromObject, want.object(c), "catalog", "wasm (object)");
      }
      if (c.expect !== "ok") return;
      // A valid catalog is matched: the text report is safe for a terminal, the JSON is
      // the wasm API's result, and names come back exactly as given.
      const text_ = cli(["match", "--catalog", file, "--profile", personaPath, "--today", TODAY, "--format", "text"]);
      assert.equal(text_.status, 0, text_.stderr);
      printable(text_.stdout, "the text report");
      const json_ = cli(["match", "--catalog", file, "--profile", personaPath, "--today", TODAY, "--format", "json", "--lang", "en"]);
      assert.equal(json_.status, 0, json_.stderr);
      const fromCli = JSON.parse(json_.stdout);
      const m = fromText.value;
      const result = call(() => m.match(personaText, TODAY, "en"));
      assert.ok(!result.error, result.error?.message);
      assert.deepEqual(result.value, fromCli, "the wasm result differs from the CLI's JSON");
      const name = JSON.parse(text).meta.name;
      assert.equal(fromCli.catalog, name, "the catalog's name comes back verbatim in JSON");
      for (const ch of new Set(name.match(/\p{Cc}/gu) ?? [])) {
        const shown = `\\u{${ch.codePointAt(0).toString(16)}}`;
        assert.ok(text_.stdout.includes(shown), `the text report shows U+${ch.codePointAt(0).toString(16)} of the name as ${shown}`);
      }
      m.free();
      fromObject?.value?.free();
    });
  }
});

// ---------------------------------------------------------------- profiles
describe("profiles", () => {
  for (const c of cases.filter((c) => c.kind === "profile")) {
    run(c, `${c.file ?? c.generate}: ${c.attack}`, () => {
      const { text, file } = documentOf(c);
      const r = cli(["match", "--catalog", samplePath, "--profile", file, "--today", TODAY, "--format", "json"]);
      checkCli(r, want.cli(c));
      const fromText = call(() => sampleMatcher.match(text, TODAY));
      checkWasm(fromText, want.text(c), "profile", "wasm (text)");
      if (!fromText.error) assert.deepEqual(fromText.value, JSON.parse(r.stdout), "the wasm result differs from the CLI's JSON");
      const json = parsed(text);
      if (json) checkWasm(call(() => sampleMatcher.match(json.value, TODAY)), want.object(c), "profile", "wasm (object)");
      if (c.expect === "ok") {
        const t = cli(["match", "--catalog", samplePath, "--profile", file, "--today", TODAY, "--format", "text", "--lang", "en"]);
        assert.equal(t.status, 0, t.stderr);
        printable(t.stdout, "the text report");
      }
    });
  }
});

// ---------------------------------------------------------------- the wasm API
/** A manifest argument as a JS value: JSON, with {"$": ...} for what JSON cannot hold. */
function arg(a) {
  if (Array.isArray(a)) return a.map(arg);
  if (a === null || typeof a !== "object") return a;
  if (!("$" in a)) return Object.fromEntries(Object.entries(a).map(([k, v]) => [k, arg(v)]));
  switch (a.$) {
    case "NaN": return NaN;
    case "Infinity": return Infinity;
    case "-Infinity": return -Infinity;
    case "undefined": return undefined;
    case "Date": return new Date(`${TODAY}T12:00:00Z`);
    case "function": return () => 31;
    case "symbol": return Symbol("vog");
    case "bigint": return BigInt(a.value);
    case "string": return "x".repeat(a.chars);
    case "nested": return nestedObject(a.depth);
    case "cyclic": { const o = { diplomas: [] }; o.self = o; return o; }
    case "bigField": return { diplomas: [{ level: "havo", field: "x".repeat(a.chars) }] };
    case "bigText": return JSON.stringify({ diplomas: [{ level: "havo", field: "x".repeat(a.chars) }] });
    case "map": return new Map(arg(a.entries));
    case "sparse": { const s = []; s[1] = "po"; return s; }
    case "baseWith": {
      const c = baseCatalog();
      let at = c;
      for (const k of a.path.slice(0, -1)) at = at[k];
      at[a.path.at(-1)] = arg(a.value);
      return c;
    }
    default: throw new Error(`unknown argument token ${a.$}`);
  }
}

describe("wasm API", () => {
  for (const c of cases.filter((c) => c.kind === "api")) {
    run(c, `${c.api}: ${c.attack}`, () => {
      const args = arg(c.args);
      const out = call(() => (c.call === "new" ? new wasm.Matcher(...args) : sampleMatcher.match(...args)));
      checkWasm(out, c, c.document, `wasm ${c.call}`);
      if (c.call === "new") out.value?.free();
    });
  }
});

// ---------------------------------------------------------------- a hostile reader
test(
  "the CLI writing its result into a pipe already closed (routewijzer match … | head -c 0)",
  async () => {
    const child = spawn(bin, ["match", "--catalog", samplePath, "--profile", personaPath, "--today", TODAY], { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), CLI_TIMEOUT_MS);
    const [status] = await once(child, "close");
    clearTimeout(timer);
    assert.notEqual(status, 101, `CLI panic (exit 101):\n${stderr.slice(0, 500)}`);
  },
);

// ---------------------------------------------------------------- the corpus itself
test("every file of the corpus is a case, and every case's file exists", () => {
  const listed = new Set(cases.filter((c) => c.file).map((c) => c.file));
  for (const dir of ["catalogs", "profiles"]) {
    for (const f of readdirSync(new URL(`${dir}/`, here))) assert.ok(listed.has(`${dir}/${f}`), `${dir}/${f} is in no case`);
  }
  for (const f of listed) assert.ok(existsSync(new URL(f, here)), `${f} is missing`);
  for (const c of cases) {
    if (c.expect === "invalid") assert.equal(typeof c.path, "string", `${c.file ?? c.api}: an invalid case names a path`);
    assert.ok(c.attack, `${c.file ?? c.api}: says what it attacks`);
  }
});
