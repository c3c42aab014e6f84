// worker.js: the module worker that runs the core off the main thread (one per page,
// started by client.js and shared by every Routewijzer and widget on it). It receives the
// compiled wasm module once, instantiates it with the glue's initSync and holds one
// Matcher per catalog, built lazily from the catalog it keeps. Messages (ids chosen by the
// client): {id, op: "init", module} | {id, op: "catalog", key, text | blob | object,
// overlay?: {text | blob | object}} |
// {id, op: "match", key, args} (value: the MatchResult's JSON text); each answered by {id, value} or
// {id, error: {kind: "input" | "crash", name, message, document, problems}}.
// A trap (or any other non-input error) resets the instance here, as client.js does on
// the main thread: the glue's __wbg_reset_state gives a fresh instance of the same module,
// Matchers are rebuilt on their next use, and the call answers kind "crash".
// While the page is idle after its first matches, it repeats the latest one so that V8
// optimises the core ("warming up", below).

import { initSync, Matcher, __wbg_reset_state } from "../pkg/routewijzer.js";

/** Generation of the wasm instance, bumped by every reset. */
let gen = 0;
let broken = false;
/** key → {source: catalog text or object, overlay: the same or undefined, m: Matcher, gen} */
const catalogs = new Map();

function guard(f) {
  try {
    if (broken) reset();
    return { value: f() };
  } catch (e) {
    if (Array.isArray(e?.problems)) {
      const problems = e.problems.map((p) => ({ path: String(p?.path ?? ""), message: String(p?.message ?? "") }));
      return { error: { kind: "input", name: e.name, message: String(e.message), document: e.document, problems } };
    }
    gen++;
    broken = true;
    warming = null; // no repetition rebuilds a Matcher in the background
    try {
      reset();
    } catch {} // tried again on the next call
    return { error: { kind: "crash", name: String(e?.name ?? "Error"), message: String(e?.message ?? e) } };
  }
}
function reset() {
  __wbg_reset_state();
  broken = false;
}

function matcher(key) {
  const c = catalogs.get(key);
  if (!c) throw new Error(`no catalog ${key}`); // a client error, not the core's
  if (c.gen !== gen) {
    c.m = new Matcher(c.source, c.overlay);
    c.gen = gen;
  }
  return c.m;
}

const ops = {
  init({ module }) {
    initSync({ module });
    return true;
  },
  /** Registers a catalog and builds its Matcher now, so an invalid catalog fails its load; answers info and places. */
  catalog({ key, text, blob, object, overlay }) {
    // A fetched document comes as a Blob (client.js), read here, off the page's main thread.
    const read = (b) => new FileReaderSync().readAsText(b, "utf-8"); // JSON is UTF-8, whatever charset the server named
    const source = text ?? object ?? read(blob);
    const o = overlay && (overlay.text ?? overlay.object ?? read(overlay.blob));
    catalogs.set(key, { source, overlay: o, m: null, gen: -1 });
    const r = guard(() => {
      const m = matcher(key);
      return { info: m.info(), places: m.places() };
    });
    if (r.error) catalogs.delete(key);
    return r;
  },
  /** The result as JSON text: one string to copy to the page, parsed there (client.js). */
  match({ key, args }) {
    quiet(); // the page is busy again: no repetition until it has been quiet for a while
    const r = guard(() => matcher(key).matchJson(...args));
    if (!r.error) warmAfter(key, args);
    return r;
  },
};

// ---------------------------------------------------------------- warming up
// V8 runs a wasm function first as baseline code and optimises it once it has run enough
// ("dynamic tiering"). So the first answer changes of a page would each run mostly baseline
// code: in Chromium a match of the AM13 shard takes 4-13 ms for the first ten, 3 ms once
// warm (BENCHMARKS.md). Therefore, once the page has sent no request for WARM_AFTER_MS
// (time to show the result: on a 2-core device the two would compete), the worker repeats
// the latest match, its result unused, one repetition per background task (a request
// waits for at most one), until WARM matches have run in this worker; then never again. A
// request starts the wait afresh; a crash ends the repetitions until the next request.
const WARM = 20;
const WARM_AFTER_MS = 500;
let runs = 0;
let warming = null; // [key, args] of the latest match that returned
let epoch = 0; // bumped by every request: older repetitions stop
let timer = null;
const later = (f) => (globalThis.scheduler?.postTask ? scheduler.postTask(f, { priority: "background" }) : setTimeout(f, 0));

function quiet() {
  epoch++;
  clearTimeout(timer);
}
function warmAfter(key, args) {
  runs++;
  warming = [key, args];
  const e = epoch;
  if (runs < WARM) timer = setTimeout(() => later(() => warm(e)), WARM_AFTER_MS);
}
function warm(e) {
  if (e !== epoch || !warming || runs >= WARM) return;
  const [key, args] = warming;
  // Only on a Matcher already built (after a reset, the next request rebuilds it).
  if (catalogs.get(key)?.gen !== gen) return;
  // As a request would: a trap resets the instance (guard, which also ends the repetitions).
  if (guard(() => matcher(key).matchJson(...args)).error) return;
  runs++;
  later(() => warm(e));
}

addEventListener("message", (e) => {
  const { id, op } = e.data ?? {};
  if (typeof id !== "number" || !Object.hasOwn(ops, op)) return;
  let reply;
  try {
    const r = ops[op](e.data);
    reply = r && typeof r === "object" && ("value" in r || "error" in r) ? { id, ...r } : { id, value: r };
  } catch (err) {
    reply = { id, error: { kind: "worker", name: String(err?.name ?? "Error"), message: String(err?.message ?? err) } };
  }
  try {
    postMessage(reply);
  } catch (err) {
    postMessage({ id, error: { kind: "worker", name: String(err?.name ?? "Error"), message: String(err?.message ?? err) } });
  }
});
