// client.js: the JS client of the core, used by the element and by scripts (API and docs:
// client.d.ts, README "JS API"). Loads the wasm and each catalog URL once per page,
// whoever asks, reports progress, and turns the core's input errors into
// RoutewijzerInputError.

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

/** The core throws a JS Error with `problems` and `document`; anything else (a wasm trap, say) passes unchanged. */
function wrap(e) {
  if (e instanceof RoutewijzerInputError || !Array.isArray(e?.problems)) return e;
  const problems = e.problems.map((p) => ({ path: String(p?.path ?? ""), message: String(p?.message ?? "") }));
  return new RoutewijzerInputError(e.message, { document: e.document, problems, cause: e });
}
function call(f) {
  try {
    return f();
  } catch (e) {
    throw wrap(e);
  }
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
  #m;

  constructor(token, matcher) {
    if (token !== TOKEN) throw new TypeError("use Routewijzer.load({ catalog }) to make a Routewijzer");
    this.#m = matcher;
  }

  /** catalog: a URL (relative to the page; one Routewijzer per URL and page), an object or JSON text. */
  static load({ catalog, wasm, onProgress } = {}) {
    if (catalog instanceof URL) catalog = catalog.href;
    const w = loadWasm(new URL(wasm ?? WASM, base()).href);
    if (typeof catalog === "string" && !/^\s*[{[]/.test(catalog)) {
      const url = new URL(catalog, base()).href;
      const c = job(`catalog ${url}`, async (j) => {
        const [text, mod] = await Promise.all([fetchCounted(url, j).then((r) => r.text()), w.promise]);
        return new Routewijzer(TOKEN, call(() => new mod.Matcher(text)));
      });
      return progress([w, c], onProgress, c.promise);
    }
    if (catalog == null || (typeof catalog !== "string" && typeof catalog !== "object")) {
      return Promise.reject(new TypeError("Routewijzer.load: `catalog` must be a URL, a catalog object or its JSON text"));
    }
    return progress([w], onProgress, w.promise).then((mod) => new Routewijzer(TOKEN, call(() => new mod.Matcher(catalog))));
  }

  match(profile, options = {}) {
    if (options === null || typeof options !== "object") throw new TypeError("match(profile, options): options is an object such as { today, lang, limit, closed }");
    const { today = localToday(), lang = "nl", limit, closed } = options;
    for (const [path, n] of [["limit", limit], ["closed", closed]]) {
      if (n != null && !(Number.isInteger(n) && n >= 0 && n <= 0xffffffff)) throw optionError(path, `${n} is not a whole number of 0 or more`);
    }
    if (typeof today !== "string") throw optionError("today", "must be a date YYYY-MM-DD");
    return call(() => this.#m.match(profile, today, lang, limit ?? undefined, closed ?? undefined));
  }

  info() {
    return call(() => this.#m.info());
  }

  places() {
    return call(() => this.#m.places());
  }
}
