//# allFunctionsCalledOnLoad
// client.js: the JS client of the core, used by the element and by scripts (API and docs:
// client.d.ts, README "JS API"). Loads and compiles the wasm and fetches each catalog URL
// once per page, whoever asks, reports progress, and runs the core in ONE module worker
// per page (worker.js), shared by every Routewijzer and widget; where no worker can start
// (no Worker, or a CSP without worker-src 'self') it runs on the main thread instead, with
// the same API and results. Turns the core's input errors into RoutewijzerInputError and
// survives traps (see guard here and in worker.js).

import { localToday } from "./dates.js";
import { nextTask } from "./dom.js";

const GLUE = new URL("../pkg/routewijzer.js", import.meta.url).href;
const WASM = new URL("../pkg/routewijzer_bg.wasm", import.meta.url).href;
const WORKER = new URL("./worker.js", import.meta.url).href;

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

// ------------------------------------------------------------------ the main-thread engine

/** Generation of the main thread's wasm instance, bumped by every reset: Matchers of an older one are rebuilt. */
let gen = 0;
let broken = false;

/**
 * Runs `f`, a call into the wasm on the main thread (the fallback engine, and calls whose
 * arguments cannot be sent to the worker). The core's input errors (a JS Error with
 * `problems`) become RoutewijzerInputError. Anything else (a trap, an exception thrown
 * through Rust frames) may leave the instance's memory and stack corrupt: the glue's
 * __wbg_reset_state (see scripts/build-web.sh) replaces it by a fresh instance of the
 * compiled module, Matchers are rebuilt on their next use, and the call fails with
 * RoutewijzerCrashError. worker.js does the same inside the worker.
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

/** The glue on the main thread, instantiated (once per page, only when needed) with the compiled module. */
let mainGlue = null;
function glueFor(module) {
  mainGlue ??= import(GLUE).then((mod) => {
    mod.initSync({ module });
    return mod;
  });
  mainGlue.catch(() => (mainGlue = null));
  return mainGlue;
}

// ------------------------------------------------------------------ the worker engine

/** An error of the worker, sent as a plain description, made into the error the main-thread engine would throw. */
function workerError(d) {
  const cause = d.name === "RuntimeError" ? new WebAssembly.RuntimeError(d.message) : new Error(d.message);
  if (d.name !== "RuntimeError" && d.name) cause.name = d.name;
  if (d.kind === "input") {
    cause.problems = d.problems;
    cause.document = d.document;
    return new RoutewijzerInputError(d.message, { document: d.document, problems: d.problems, cause });
  }
  return new RoutewijzerCrashError(cause);
}

/** postMessage failed (the arguments cannot be cloned, or a getter threw): the call runs on the main thread instead. */
class Unsendable {
  constructor(error) {
    this.error = error;
  }
}

/**
 * The page's one worker: requests with ids, answers matched to them. `life` counts the
 * workers started: a worker that dies (an error event) fails its pending calls with
 * RoutewijzerCrashError and is replaced on the next call; every Routewijzer then sends
 * its catalog again.
 */
class Remote {
  #module;
  #w = null;
  #ready = null;
  #next = 0;
  #pending = new Map();
  life = 0;

  constructor(module) {
    this.#module = module;
  }

  /** Starts a worker (or takes the one started early) and instantiates the module in it; rejects when it cannot start. */
  start() {
    this.#ready ??= new Promise((ok, fail) => {
      let w;
      const early = warm;
      warm = null;
      if (early?.error) {
        early.w.terminate();
        return fail(early.error); // it failed to load, e.g. refused by the page's Content-Security-Policy
      }
      try {
        w = early?.w ?? new Worker(WORKER, WORKER_OPTIONS);
      } catch (e) {
        return fail(e); // e.g. refused by the page's Content-Security-Policy
      }
      this.#w = w;
      this.life++;
      const id = this.#next++;
      this.#pending.set(id, { ok, fail });
      w.addEventListener("message", (e) => this.#answer(e.data));
      w.addEventListener("error", (e) => this.#die(e));
      w.addEventListener("messageerror", (e) => this.#die(e));
      w.postMessage({ id, op: "init", module: this.#module });
    });
    return this.#ready;
  }

  #answer(reply) {
    const p = this.#pending.get(reply?.id);
    if (!p) return;
    this.#pending.delete(reply.id);
    if (reply.error) p.fail(workerError(reply.error));
    else p.ok(reply.value);
  }

  #die(e) {
    e.preventDefault?.();
    const cause = new Error(`the worker failed${e.message ? `: ${e.message}` : ""}`);
    this.#w?.terminate();
    this.#w = null;
    this.#ready = null;
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const p of pending) p.fail(new RoutewijzerCrashError(cause));
  }

  /** Starts a worker if there is none; resolves to its life number. */
  async started() {
    await this.start();
    return this.life;
  }

  /** Sends one request (starting a worker if there is none); throws Unsendable when postMessage refuses the message. */
  async request(message) {
    await this.start();
    const id = this.#next++;
    const answer = new Promise((ok, fail) => this.#pending.set(id, { ok, fail }));
    try {
      this.#w.postMessage({ id, ...message });
    } catch (e) {
      this.#pending.delete(id);
      throw new Unsendable(e);
    }
    return answer;
  }
}

const WORKER_OPTIONS = { type: "module", name: "routewijzer" };

/**
 * A worker started as soon as the first Routewijzer begins loading, so that its script
 * and the glue it imports download while the wasm and the catalog do, instead of after
 * them; the first Remote takes it. {w, error}: an error event before then is kept.
 */
let warm = null;
function startEarly() {
  if (engine || warm || typeof Worker !== "function") return;
  try {
    const w = new Worker(WORKER, WORKER_OPTIONS);
    const early = (warm = { w, error: null });
    w.addEventListener("error", (e) => {
      e.preventDefault?.();
      early.error ??= e;
    });
  } catch {} // the Remote tries again, and falls back to the main thread
}

/** The page's engine: a started Remote, or null for the main thread (decided once per page). */
let engine = null;
function engineFor(module) {
  engine ??= (async () => {
    if (typeof Worker !== "function") return null;
    const remote = new Remote(module);
    try {
      await remote.start();
      return remote;
    } catch {
      return null; // the main thread does the work
    }
  })();
  return engine;
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

/** fetch(), checked, with `j.total`: the size to expect (0 when not known: a compressed
 * transfer's Content-Length is not the size of the bytes read). */
async function fetchSized(url, j) {
  // Each download starts in a task of its own: the synchronous part of fetch() (the request
  // handed to the browser) took 0.3-31 ms at 4x CPU in session 11's measurements, and the
  // widget's start made three such calls (the wasm, the worker's script, the catalog) in one task.
  await nextTask();
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText} (${url})`);
  j.total = res.headers.get("content-encoding") ? 0 : Number(res.headers.get("content-length")) || 0;
  return res;
}

/** Calls `j.subs` after adding a chunk's bytes to `j.loaded`. */
function counted(j, bytes) {
  j.loaded += bytes;
  j.subs.forEach((f) => f());
}

/** A reader of the body's bytes, counted into `j` as they arrive: `read()` resolves to the
 * next part, or null at the end; `cancel(reason)` stops the download. Parts are at most
 * READ_PART bytes where the browser reads a body into a buffer it is given (a "byob"
 * reader; Chromium, Firefox, recent Safari): a default reader may hand over a megabyte
 * at once, and taking it into the page is a long task on a slow phone. A read starts in a
 * task of its own once YIELD_MS have passed since the last such start, so the page's other
 * work runs between the parts of a large download (not a timer: a hidden tab slows those). */
function partsOf(res, j) {
  let reader;
  let byob = true;
  try {
    reader = res.body.getReader({ mode: "byob" });
  } catch {
    reader = res.body.getReader();
    byob = false;
  }
  let t = performance.now();
  return {
    async read() {
      if (performance.now() - t > YIELD_MS) {
        await nextTask();
        t = performance.now();
      }
      const { done, value } = await (byob ? reader.read(new Uint8Array(READ_PART)) : reader.read());
      if (done) return null;
      counted(j, value.length);
      // A small part of a slow download would hold on to its whole 64 KB buffer: copied.
      return byob && value.length < READ_PART / 4 ? value.slice() : value;
    },
    cancel: (reason) => reader.cancel(reason),
  };
}
const READ_PART = 64 * 1024;
const YIELD_MS = 4;

/** fetch() that counts bytes as they arrive; resolves to a Response with the same body,
 * for compileStreaming. */
async function fetchCounted(url, j) {
  const res = await fetchSized(url, j);
  if (!res.body) return res;
  const parts = partsOf(res, j);
  const body = new ReadableStream({
    async pull(c) {
      const part = await parts.read();
      if (part) c.enqueue(part);
      else c.close();
    },
    cancel: (reason) => parts.cancel(reason), // the compiler gave up (say, not a wasm module)
  });
  return new Response(body, { headers: { "Content-Type": res.headers.get("content-type") || "" } });
}

/** fetch() of a document as a Blob, counted as it arrives. The page's main thread never
 * holds the whole document (a catalog is megabytes): a Blob crosses postMessage as a
 * handle, and the worker reads it (js/worker.js). */
async function fetchBlob(url, j) {
  const res = await fetchSized(url, j);
  if (!res.body) return res.blob();
  const parts = partsOf(res, j);
  // The parts go into Blobs of about BLOB_PART bytes as they arrive (a Blob of Blobs refers
  // to them, copying nothing): no task copies the whole document at the end.
  const blobs = [];
  let chunks = [];
  let size = 0;
  for (let part; (part = await parts.read()); ) {
    chunks.push(part);
    size += part.length;
    if (size >= BLOB_PART) {
      blobs.push(new Blob(chunks));
      [chunks, size] = [[], 0];
    }
  }
  return new Blob([...blobs, ...chunks]);
}
const BLOB_PART = 256 * 1024;

/** The compiled WebAssembly.Module, once per page (the first wasm URL asked for wins). */
function loadWasm(url) {
  return job("wasm", async (j) => {
    const res = await fetchCounted(url, j);
    if (/^application\/wasm\b/.test(res.headers.get("content-type") || "")) return WebAssembly.compileStreaming(res);
    return WebAssembly.compile(await res.arrayBuffer());
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
    // A total is known only when every download's is (a compressed transfer has none: its
    // Content-Length is not the size of the bytes read); else 0, never a false percentage.
    const known = list.every((j) => j.total > 0);
    onProgress({ loaded, total: known && loaded <= total ? total : 0 });
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

/** Keys of catalogs in the worker. */
let catalogs = 0;

export class Routewijzer {
  #module;
  #source; // the catalog as given (text or object) or fetched (a Blob): kept to rebuild the Matcher
  #overlay; // the loket's overlay, like the catalog (undefined: none)
  #key = catalogs++;
  #remote = null; // the worker engine, or null: the main thread
  #life = -1; // the worker life this catalog was sent to
  #info;
  #places;
  #m; // main-thread Matcher
  #gen;

  constructor(token, module, source, overlay) {
    if (token !== TOKEN) throw new TypeError("use Routewijzer.load({ catalog }) to make a Routewijzer");
    this.#module = module;
    this.#source = source;
    this.#overlay = overlay;
  }

  /** Picks the engine, builds the Matcher (an invalid catalog or overlay rejects here) and keeps info and places. */
  static async #open(module, source, overlay) {
    const r = new Routewijzer(TOKEN, module, source, overlay);
    r.#remote = await engineFor(module);
    const { info, places } = await r.#call("catalog", (m) => ({ info: m.info(), places: m.places() }));
    r.#info = info;
    r.#places = places;
    return r;
  }

  /** Calls f(matcher) on the main thread, guarded; the Matcher is (re)built when there is none on the current instance. */
  async #local(f) {
    const glue = await glueFor(this.#module);
    // Fetched documents as the main thread's Matcher takes them: text (read once).
    if (this.#source instanceof Blob) this.#source = await this.#source.text();
    if (this.#overlay instanceof Blob) this.#overlay = await this.#overlay.text();
    return guard(glue, () => {
      if (this.#gen !== gen) {
        this.#m = new glue.Matcher(this.#source, this.#overlay);
        this.#gen = gen;
      }
      return f(this.#m);
    });
  }

  /**
   * Runs `op` in the worker, or f(matcher) on the main thread: when there is no worker, or
   * when postMessage refuses the arguments (say a profile with a function or a throwing
   * getter), so that they meet the same checks as on the main thread. A new worker (after
   * one died) gets the catalog first; messages keep their order.
   */
  async #call(op, f, args) {
    const remote = this.#remote;
    if (remote) {
      try {
        const life = await remote.started();
        if (op === "catalog" || this.#life !== life) {
          const sent = remote.request(this.#send());
          this.#life = life;
          sent.catch(() => (this.#life = -1)); // sent again next time
          if (op === "catalog") return await sent;
        }
        return await remote.request({ op, key: this.#key, args });
      } catch (e) {
        if (!(e instanceof Unsendable)) throw e;
        if (op === "catalog") this.#remote = null; // a catalog object the worker cannot take: this one stays here
      }
    }
    return this.#local(f);
  }

  /** The catalog message (a fetched document goes as its Blob, a handle: nothing to transfer). */
  #send() {
    const part = (s) => (s instanceof Blob ? { blob: s } : typeof s === "string" ? { text: s } : { object: s });
    const message = { op: "catalog", key: this.#key, ...part(this.#source) };
    if (this.#overlay !== undefined) message.overlay = part(this.#overlay);
    return message;
  }

  /**
   * catalog: a URL (relative to the page), an object or JSON text; overlay (optional): the
   * loket's overlay, the same. URLs are fetched in parallel with the wasm, each once per
   * page; one Routewijzer per catalog URL (and overlay URL) and page.
   */
  static load({ catalog, overlay, wasm, onProgress } = {}) {
    if (catalog instanceof URL) catalog = catalog.href;
    if (overlay instanceof URL) overlay = overlay.href;
    const w = loadWasm(new URL(wasm ?? WASM, base()).href);
    nextTask().then(startEarly); // (its own task too: starting a worker is another request to the browser)
    const isUrl = (x) => typeof x === "string" && !/^\s*[{[]/.test(x);
    for (const [name, x] of [["catalog", catalog], ["overlay", overlay]]) {
      if (name === "overlay" && x === undefined) continue;
      if (x == null || (typeof x !== "string" && typeof x !== "object")) {
        return Promise.reject(new TypeError(`Routewijzer.load: \`${name}\` must be a URL, ${name === "catalog" ? "a catalog" : "an overlay"} object or its JSON text`));
      }
    }
    const urls = [catalog, overlay].map((x) => (isUrl(x) ? new URL(x, base()).href : null));
    // Each URL's bytes: one download per page, whoever asks.
    const downloads = urls.map((url) => url && job(`fetch ${url}`, (j) => fetchBlob(url, j)));
    const open = async () => {
      const [module, c, o] = await Promise.all([w.promise, downloads[0]?.promise ?? catalog, downloads[1]?.promise ?? overlay]);
      try {
        return await Routewijzer.#open(module, c, o);
      } catch (e) {
        // An invalid document is fetched again on a retry (it may have been fixed).
        urls.forEach((url) => url && jobs.delete(`fetch ${url}`));
        throw e;
      }
    };
    const list = [w, ...downloads.filter(Boolean)];
    // Only URLs name a Routewijzer to share; a given object or text makes a new one.
    if (urls[0] && (overlay === undefined || urls[1])) {
      const r = job(`catalog ${urls[0]}${urls[1] ? ` overlay ${urls[1]}` : ""}`, open);
      return progress(list, onProgress, r.promise);
    }
    return progress(list, onProgress, open());
  }

  /** Resolves to the MatchResult (parsed here from the JSON text the worker or the core writes). */
  async match(profile, options = {}) {
    if (options === null || typeof options !== "object") throw new TypeError("match(profile, options): options is an object such as { today, lang, limit, closed }");
    const { today = localToday(), lang = "nl", limit, closed, view } = options;
    for (const [path, n] of [["limit", limit], ["closed", closed]]) {
      if (n != null && !(Number.isInteger(n) && n >= 0 && n <= 0xffffffff)) throw optionError(path, `${n} is not a whole number of 0 or more`);
    }
    if (typeof today !== "string") throw optionError("today", "must be a date YYYY-MM-DD");
    if (lang != null && typeof lang !== "string") throw optionError("lang", `${lang} is not nl or en`);
    const args = [profile, today, lang, limit ?? undefined, closed ?? undefined, view ?? undefined];
    return JSON.parse(await this.#call("match", (m) => m.matchJson(...args), args));
  }

  /** The catalog's info, read once at load (a fresh copy each call). */
  info() {
    return structuredClone(this.#info);
  }

  /** The catalog's places, read once at load (a fresh copy each call). */
  places() {
    return structuredClone(this.#places);
  }

  /** Where the work runs: "worker" or "main". */
  get engine() {
    return this.#remote ? "worker" : "main";
  }
}
