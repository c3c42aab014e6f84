// client.js: the JS client of the core, used by the element and by scripts (API and docs:
// client.d.ts, README "JS API"). Loads the wasm and each catalog URL once per page,
// whoever asks, reports progress, turns the core's input errors into
// RoutewijzerInputError, and survives traps (see guard).

import { localToday } from "./dates.js";

const GLUE = new URL("../pkg/routewijzer.js", import.meta.url).href;
const WASM = new URL("../pkg/routewijzer_bg.wasm", import.meta.url).href;

export class RoutewijzerInputError extends Error {
  constructor(message, { document, problems, cause } = {}) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "RoutewijzerInputError";
    this.document = document;
    this.problems = problems || [];
  }
}

export class RoutewijzerCrashError extends Error {
  constructor(cause) {
    super(`the computation failed (${cause?.name}: ${cause?.message}) and was reset; try again`, { cause });
    this.name = "RoutewijzerCrashError";
  }
}

/** Generation of the wasm instance, bumped by every reset: Matchers of an older one are rebuilt. */
let gen = 0;
let broken = false;

/**
 * Runs `f`, a call into the wasm. The core's input errors (a JS Error with `problems`) become
 * RoutewijzerInputError. Anything else (a trap, an exception thrown through Rust frames) may
 * leave the instance's memory and stack corrupt: the glue's __wbg_reset_state (see
 * scripts/build-web.sh) replaces it by a fresh instance of the compiled module, Matchers are
 * rebuilt on their next use, and the call fails with RoutewijzerCrashError.
 */
function guard(glue, f) {
  try {
    if (broken) reset(glue);
    return f();
  } catch (e) {
    if (Array.isArray(e?.problems)) {
      const problems = e.problems.map((p) => ({ path: String(p?.path ?? ""), message: String(p?.message ?? "") }));
      throw new RoutewijzerInputError(e.message, { document: e.document, problems, cause: e });
    }
    gen++;
    broken = true;
    try {
      reset(glue);
    } catch {} // tried again on the next call
    throw new RoutewijzerCrashError(e);
  }
}
function reset(glue) {
  glue.__wbg_reset_state();
  broken = false;
}
/** An option the JS side rejects, worded as the core words its errors. */
const optionError = (path, message) => new RoutewijzerInputError(`invalid options: 1 problem\n  ${path}: ${message}`, { document: "options", problems: [{ path, message }] });

// ------------------------------------------------------------------ shared loading

/** One loading job per key per page: {promise, loaded, total, subs}. A failed job is forgotten, so a retry refetches. */
const jobs = new Map();
function job(key, start) {
  let j = jobs.get(key);
  if (!j) {
    j = { loaded: 0, total: 0, subs: new Set() };
    j.promise = start(j).catch((e) => {
      jobs.delete(key);
      throw e;
    });
    jobs.set(key, j);
  }
  return j;
}

/** fetch() that counts bytes as they arrive; resolves to a fresh Response with the same body. */
async function fetchCounted(url, j) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText} (${url})`);
  j.total = Number(res.headers.get("content-length")) || 0;
  if (!res.body) return res;
  const reader = res.body.getReader();
  const body = new ReadableStream({
    async pull(c) {
      const { done, value } = await reader.read();
      if (done) return c.close();
      j.loaded += value.length;
      j.subs.forEach((f) => f());
      c.enqueue(value);
    },
  });
  return new Response(body, { headers: { "Content-Type": res.headers.get("content-type") || "" } });
}

/** The wasm-bindgen module, initialised once per page (the first wasm URL asked for wins). */
function loadWasm(url) {
  return job("wasm", async (j) => {
    const mod = await import(GLUE);
    await mod.default({ module_or_path: fetchCounted(url, j) });
    return mod;
  });
}

/** Resolves `promise`, calling onProgress({loaded, total}) as the jobs' bytes arrive (total 0: not known). */
async function progress(list, onProgress, promise) {
  if (typeof onProgress !== "function") return promise;
  const update = () => {
    let loaded = 0;
    let total = 0;
    for (const j of list) {
      loaded += j.loaded;
      total += j.total;
    }
    onProgress({ loaded, total: loaded > total ? 0 : total }); // compressed transfers count more bytes than Content-Length
  };
  list.forEach((j) => j.subs.add(update));
  try {
    return await promise;
  } finally {
    list.forEach((j) => j.subs.delete(update));
  }
}

const base = () => globalThis.document?.baseURI ?? globalThis.location?.href;
const TOKEN = Symbol("Routewijzer");

// ------------------------------------------------------------------ the client

export class Routewijzer {
  #glue;
  #catalog; // kept to rebuild the Matcher after a reset
  #m;
  #gen;

  constructor(token, glue, catalog) {
    if (token !== TOKEN) throw new TypeError("use Routewijzer.load({ catalog }) to make a Routewijzer");
    this.#glue = glue;
    this.#catalog = catalog;
    this.#call(() => {});
  }

  /** Calls f(matcher), guarded; the Matcher is (re)built when there is none on the current instance. */
  #call(f) {
    return guard(this.#glue, () => {
      if (this.#gen !== gen) {
        this.#m = new this.#glue.Matcher(this.#catalog);
        this.#gen = gen;
      }
      return f(this.#m);
    });
  }

  /** catalog: a URL (relative to the page; one Routewijzer per URL and page), an object or JSON text. */
  static load({ catalog, wasm, onProgress } = {}) {
    if (catalog instanceof URL) catalog = catalog.href;
    const w = loadWasm(new URL(wasm ?? WASM, base()).href);
    if (typeof catalog === "string" && !/^\s*[{[]/.test(catalog)) {
      const url = new URL(catalog, base()).href;
      const c = job(`catalog ${url}`, async (j) => {
        const [text, mod] = await Promise.all([fetchCounted(url, j).then((r) => r.text()), w.promise]);
        return new Routewijzer(TOKEN, mod, text);
      });
      return progress([w, c], onProgress, c.promise);
    }
    if (catalog == null || (typeof catalog !== "string" && typeof catalog !== "object")) {
      return Promise.reject(new TypeError("Routewijzer.load: `catalog` must be a URL, a catalog object or its JSON text"));
    }
    return progress([w], onProgress, w.promise).then((mod) => new Routewijzer(TOKEN, mod, catalog));
  }

  match(profile, options = {}) {
    if (options === null || typeof options !== "object") throw new TypeError("match(profile, options): options is an object such as { today, lang, limit, closed }");
    const { today = localToday(), lang = "nl", limit, closed, view } = options;
    for (const [path, n] of [["limit", limit], ["closed", closed]]) {
      if (n != null && !(Number.isInteger(n) && n >= 0 && n <= 0xffffffff)) throw optionError(path, `${n} is not a whole number of 0 or more`);
    }
    if (typeof today !== "string") throw optionError("today", "must be a date YYYY-MM-DD");
    if (lang != null && typeof lang !== "string") throw optionError("lang", `${lang} is not nl or en`);
    return this.#call((m) => m.match(profile, today, lang, limit ?? undefined, closed ?? undefined, view ?? undefined));
  }

  info() {
    return this.#call((m) => m.info());
  }

  places() {
    return this.#call((m) => m.places());
  }
}
