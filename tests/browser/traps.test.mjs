// A trap cannot poison the page. A panic in the wasm is `WebAssembly.RuntimeError:
// unreachable`, after which the instance's memory and stack may be corrupt. No panic is
// reachable from input, so these tests serve a wrapped pkg/routewijzer.js (the real glue,
// imported as pkg/routewijzer.js?real) whose Matcher.prototype.matchJson throws that error
// while `__traps` > 0, and which counts instantiations (`__instances`: the first init and
// every __wbg_reset_state). The wrapper runs where the core runs: in the page's worker
// (js/worker.js), or on the main thread when the page's CSP refuses workers; the test
// sets and reads its counters through a BroadcastChannel ("rw-traps"), which reaches
// either. The client must reject each trapping call with RoutewijzerCrashError and
// re-instantiate, and the next call must give the right result; the element must report
// one error per failed answer change and recover. Strict CSP, with and without workers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { axe, CSP, events, harness, openPage, ROOT, SAMPLE, TODAY, waitForResults } from "./helpers.mjs";

const h = harness({ csp: true });

const TRAPS = 1000;
const PROFILE = { diplomas: [{ level: "havo" }, { level: "hbo-bachelor", field: "bedrijfskunde" }], sectors: ["po"], hours_per_week: 36, earn_while_learning: "required", location: { postcode: "3812" }, max_travel_km: 40, age: 35 };
const ui = (lang) => JSON.parse(readFileSync(`${ROOT}src/i18n/${lang}.json`, "utf8")).ui;

const WRAPPER = `import * as real from "./routewijzer.js?real";
export * from "./routewijzer.js?real";
const count = () => (globalThis.__instances = (globalThis.__instances || 0) + 1);
const ch = new BroadcastChannel("rw-traps");
ch.onmessage = (e) => {
  if (e.data.traps != null) globalThis.__traps = e.data.traps;
  if (e.data.trapIn != null) globalThis.__trapAt = (globalThis.__calls || 0) + e.data.trapIn;
  ch.postMessage({ ack: e.data.id, traps: globalThis.__traps || 0, instances: globalThis.__instances || 0, calls: globalThis.__calls || 0 });
};
export default (o) => real.default(o).then((w) => (count(), w));
export const initSync = (o) => (count(), real.initSync(o));
export function __wbg_reset_state() {
  real.__wbg_reset_state();
  count();
}
const match = real.Matcher.prototype.matchJson; // what the shell calls (js/client.js, js/worker.js)
real.Matcher.prototype.matchJson = function (...args) {
  globalThis.__calls = (globalThis.__calls || 0) + 1;
  if (globalThis.__calls === globalThis.__trapAt) throw new WebAssembly.RuntimeError("unreachable");
  if (globalThis.__traps > 0) {
    globalThis.__traps--;
    throw new WebAssembly.RuntimeError("unreachable");
  }
  return match.apply(this, args);
};
`;

/** `ctl(traps, trapIn)` sets the wrapper's trap count (when given), makes the trapIn-th call
 * from now trap (when given), and resolves to {traps, instances, calls}. */
const CTL = `<script type="module" src="/ctl.js"></script>`;
const CTL_JS = `const ch = new BroadcastChannel("rw-traps");
let n = 0;
globalThis.ctl = (traps, trapIn) => new Promise((ok) => {
  const id = ++n;
  const on = (e) => e.data.ack === id && (ch.removeEventListener("message", on), ok(e.data));
  ch.addEventListener("message", on);
  ch.postMessage({ id, traps, trapIn });
});
// Waits until the core is idle: no call for 1 s (half a second after a match, the worker
// starts repeating it while it warms up, js/worker.js; a trap set meanwhile would hit those).
// With \`least\`: first until the wrapper has seen that many calls in all (within 60 s).
globalThis.idle = async (least = 0) => {
  for (const end = Date.now() + 60000; (await ctl()).calls < least && Date.now() < end; ) await new Promise((r) => setTimeout(r, 50));
  for (let last = -1, now = (await ctl()).calls; now !== last; last = now, now = (await ctl()).calls) await new Promise((r) => setTimeout(r, 1000));
};`;

const PAGE = (body = "") => `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Traps</title>${CTL}
<script type="module" src="/routewijzer.js"></script></head><body><main><h1>Traps</h1>${body}</main></body></html>`;

/** Where the core runs: the page's worker, or the main thread under a CSP that refuses workers. */
const MODES = {
  worker: CSP,
  main: CSP.replace("worker-src 'self'", "worker-src 'none'"),
};

/** A page whose glue is the trapping wrapper. */
async function trappingPage(mode, body) {
  const opened = await openPage(h.browser);
  await opened.page.route((u) => u.pathname === "/pkg/routewijzer.js" && !u.search, (route) =>
    route.fulfill({ body: WRAPPER, contentType: "text/javascript; charset=utf-8" }));
  await servePage(opened.page, "traps.html", PAGE(body), mode);
  return opened;
}

async function servePage(page, path, html, mode) {
  await page.route(`${h.server.url}ctl.js`, (route) => route.fulfill({ body: CTL_JS, contentType: "text/javascript; charset=utf-8" }));
  await page.route(`${h.server.url}${path}`, (route) => route.fulfill({ body: html, contentType: "text/html; charset=utf-8", headers: { "Content-Security-Policy": MODES[mode] } }));
  await page.goto(`${h.server.url}${path}`);
  await page.waitForFunction(() => typeof globalThis.ctl === "function");
}

test("the shipped glue can reset its instance", () => {
  assert.match(readFileSync(`${ROOT}pkg/routewijzer.js`, "utf8"), /export function __wbg_reset_state\b/, "scripts/build-web.sh passes --experimental-reset-state-function");
});

for (const mode of Object.keys(MODES)) {
  test(`${mode}: ${TRAPS} traps through the client API: each is a RoutewijzerCrashError, the instance is re-created, then match is right again`, async () => {
    // The expected answers, from a fresh page with the real glue.
    const fresh = await openPage(h.browser);
    await servePage(fresh.page, "fresh.html", PAGE(), mode);
    const expected = await fresh.page.evaluate(async ({ profile, today }) => {
      const { Routewijzer } = await import("/routewijzer.js");
      const m = await Routewijzer.load({ catalog: "/data/catalog.json" });
      return { nl: JSON.stringify(await m.match(profile, { today })), en: JSON.stringify(await m.match(profile, { today, lang: "en", limit: 5 })), info: JSON.stringify(m.info()) };
    }, { profile: PROFILE, today: TODAY });
    await fresh.context.close();

    const { page, context, log } = await trappingPage(mode);
    const out = await page.evaluate(async ({ profile, today, traps, sample }) => {
      const { Routewijzer, RoutewijzerCrashError, RoutewijzerInputError } = await import("/routewijzer.js");
      const m = await Routewijzer.load({ catalog: "/data/catalog.json" });
      const other = await Routewijzer.load({ catalog: sample }); // a second matcher on the same instance
      const engine = [m.engine, other.engine];
      const loaded = (await ctl(traps)).instances;
      const seen = {};
      let crash = null;
      // One call after another: every reset must be ready for the very next call.
      for (let i = 0; i < traps; i++) {
        let what;
        try {
          await m.match(profile, { today });
          what = "returned";
        } catch (e) {
          what = e instanceof RoutewijzerCrashError ? "crash" : `${e.name}: ${e.message}`;
          crash ??= { name: e.name, message: e.message, error: e instanceof Error, input: e instanceof RoutewijzerInputError, cause: e.cause instanceof WebAssembly.RuntimeError };
        }
        seen[what] = (seen[what] || 0) + 1;
      }
      const trapped = (await ctl()).instances;
      let input;
      try {
        await m.match({ diplomas: [{ level: "master" }] }, { today });
      } catch (e) {
        input = { input: e instanceof RoutewijzerInputError, crash: e instanceof RoutewijzerCrashError };
      }
      const afterInput = await ctl();
      return {
        engine,
        loaded,
        seen,
        crash,
        trapped,
        input,
        afterInput: afterInput.instances,
        left: afterInput.traps,
        nl: JSON.stringify(await m.match(profile, { today })),
        en: JSON.stringify(await m.match(profile, { today, lang: "en", limit: 5 })),
        info: JSON.stringify(m.info()),
        places: m.places().length,
        other: JSON.stringify(await other.match(profile, { today })),
        end: (await ctl()).instances,
      };
    }, { profile: PROFILE, today: TODAY, traps: TRAPS, sample: SAMPLE });

    assert.deepEqual(out.engine, [mode, mode], `the core runs on the ${mode} engine`);
    assert.equal(out.loaded, 1, "one instance after loading two catalogs");
    assert.deepEqual(out.seen, { crash: TRAPS }, "every trapping call is a RoutewijzerCrashError");
    assert.equal(out.left, 0);
    assert.equal(out.crash.name, "RoutewijzerCrashError");
    assert.equal(out.crash.error, true);
    assert.equal(out.crash.input, false);
    assert.equal(out.crash.cause, true, "the RuntimeError is the cause");
    assert.match(out.crash.message, /computation failed \(RuntimeError: unreachable\) and was reset/);
    assert.equal(out.trapped - out.loaded, TRAPS, "a fresh instance after every trap");
    assert.deepEqual(out.input, { input: true, crash: false }, "an input error is not a crash");
    assert.equal(out.afterInput, out.trapped, "an input error resets nothing");
    assert.equal(out.end, out.trapped, "no reset once the traps stop");
    assert.equal(out.nl, expected.nl, "match after the traps equals a fresh page's");
    assert.equal(out.en, expected.en);
    assert.equal(out.info, expected.info);
    assert.ok(out.places > 0);
    assert.equal(out.other, expected.nl, "the other matcher was rebuilt on the new instance");
    const glue = log.requests.filter((r) => new URL(r.url).pathname === "/pkg/routewijzer.js").length;
    assert.equal(glue, 2, "the wrapper and the real glue, each fetched once");
    assert.equal(log.requests.filter((r) => r.url.endsWith(".wasm")).length, 1, "the compiled module is reused: the wasm is fetched once");
    assert.deepEqual(log.errors.filter((e) => mode !== "main" || !/worker-src/.test(e)), []);
    await context.close();
  });

  test(`${mode}: a real poisoning: an error thrown through the wasm's frames (a throwing getter) is a crash too, and the reset really cures it`, async () => {
    // An exception from a profile's getter unwinds through Rust frames, whose stack space is
    // then never given back; after enough of them every call could fail with "memory access
    // out of bounds" (the raw glue below). Through the client each one resets. With a
    // worker, postMessage cannot send such a profile (the getter throws on the main
    // thread), so the call runs on the main thread's instance, made on first need: the
    // same error and the same reset.
    const { page, context, log } = await trappingPage(mode); // __traps stays 0: the wrapper only counts
    const out = await page.evaluate(async ({ profile, today, sample, n }) => {
      const { Routewijzer, RoutewijzerCrashError } = await import("/routewijzer.js");
      const m = await Routewijzer.load({ catalog: "/data/catalog.json" });
      const expected = JSON.stringify(await m.match(profile, { today }));
      const loaded = globalThis.__instances || 0; // the main thread's instances
      const throwing = () => ({ get diplomas() { throw new Error("boom"); } });
      let crashes = 0;
      for (let i = 0; i < n; i++) {
        try {
          await m.match(throwing(), { today });
        } catch (e) {
          if (e instanceof RoutewijzerCrashError && e.cause?.message === "boom") crashes++;
        }
      }
      const client = { crashes, instances: globalThis.__instances - loaded, same: JSON.stringify(await m.match(profile, { today })) === expected };
      // The same on the raw glue (the instance the client uses on the main thread), without resets.
      const raw = await import("/pkg/routewijzer.js?real");
      const r = new raw.Matcher(sample);
      let poisoned = null;
      for (let i = 0; i < n && !poisoned; i++) {
        try {
          r.match(throwing(), today);
        } catch {}
        try {
          r.match(profile, today);
        } catch (e) {
          poisoned = `${e.name}: ${e.message}`;
        }
      }
      // A healthy Routewijzer on the poisoned instance: one crash, then a fresh instance answers.
      let first;
      try {
        first = JSON.stringify(await m.match(profile, { today })) === expected ? "same" : "different";
      } catch (e) {
        first = e.name;
      }
      return { client, poisoned, first, then: JSON.stringify(await m.match(profile, { today })) === expected };
    }, { profile: PROFILE, today: TODAY, sample: SAMPLE, n: TRAPS });
    // Main: one reset per throw. Worker: the main thread's instance is made on the first throw, then one reset per throw.
    const instances = mode === "main" ? TRAPS : TRAPS + 1;
    assert.deepEqual(out.client, { crashes: TRAPS, instances, same: true }, "each throw is a crash and a reset; afterwards the result is unchanged");
    // Without resets the raw instance may end up poisoned (it did before the wasm measured
    // objects with its own walk first; now it may survive the run). If it is, the client's
    // next call on the main thread is one crash and then a fresh instance answers; if not,
    // or when the call goes to the worker's own instance, it answers at once.
    if (out.poisoned) assert.match(out.poisoned, /^RuntimeError/, out.poisoned);
    assert.equal(out.first, out.poisoned && mode === "main" ? "RoutewijzerCrashError" : "same");
    assert.equal(out.then, true);
    assert.deepEqual(log.errors.filter((e) => mode !== "main" || !/worker-src/.test(e)), []);
    await context.close();
  });

  test(`${mode}: the element: a trap shows the crash message and fires one routewijzer:error; a re-run adds none; a changed answer gives results`, async () => {
    const { page, context, log } = await trappingPage(mode, `<route-wijzer name="w" catalog="/data/catalog.json" today="${TODAY}"></route-wijzer>`);
    const w = page.locator("route-wijzer");
    // Ready, with the first (browsing) result shown: no match of its own left to trap.
    await w.locator(".rw-results:not([aria-busy]) .rw-summary").waitFor();
    const message = () => w.locator(".rw-results .rw-error").textContent();
    const idle = () => page.evaluate(() => globalThis.idle());
    /** Waits until the wrapper has used up its traps. */
    const used = () => page.evaluate(async () => {
      while ((await ctl()).traps > 0) await new Promise((r) => setTimeout(r, 20));
    });

    await idle();
    await page.evaluate(() => ctl(2));
    await w.evaluate((el, p) => (el.profile = p), PROFILE);
    assert.equal(await message(), ui("nl").errCrash);
    // A state of its own, scanned too (WCAG 2.2 AA). axe styles its probes inline, which this
    // page's CSP refuses and reports: those reports, of the scan's own, are left out.
    const before = log.errors.length;
    await axe(page, `${mode}: the crash message where the results were`);
    log.errors.splice(before);
    let errors = await events(page, "error");
    assert.equal(errors.length, 1);
    assert.equal(errors[0].detail.name, "w");
    assert.match(errors[0].detail.message, /computation failed .* and was reset/);

    await w.getByRole("button", { name: ui("nl").show }).click(); // the same answers again: the second trap
    await used();
    await page.waitForTimeout(200);
    assert.equal(await message(), ui("nl").errCrash);
    assert.equal((await events(page, "error")).length, 1, "a re-run of the same answers reports nothing new");

    await w.getByLabel("Leeftijd", { exact: true }).fill("36");
    await waitForResults(w);
    assert.equal(await w.locator(".rw-results .rw-error").count(), 0);
    assert.equal(await w.evaluate((el) => el.result?.counts.eligible > 0), true);
    assert.ok((await events(page, "result")).length >= 1);

    await idle();
    await page.evaluate(() => ctl(1));
    await w.evaluate((el) => el.setAttribute("lang", "en"));
    await w.locator(".rw-results .rw-error").waitFor();
    assert.equal(await message(), ui("en").errCrash);
    assert.equal((await events(page, "error")).length, 2);

    await w.getByLabel("Age", { exact: true }).fill("37");
    await waitForResults(w);
    assert.equal(await w.locator(".rw-results .rw-error").count(), 0);
    assert.equal((await events(page, "error")).length, 2);
    assert.deepEqual(log.errors.filter((e) => mode !== "main" || !/worker-src/.test(e)), []);
    await context.close();
  });
}

test("worker: a trap in a repetition while the worker warms up resets the instance and ends the warming up; the next request is right", async () => {
  const { page, context, log } = await trappingPage("worker");
  const out = await page.evaluate(async ({ profile, today }) => {
    const { Routewijzer } = await import("/routewijzer.js");
    const m = await Routewijzer.load({ catalog: "/data/catalog.json" });
    const before = await ctl(undefined, 2); // the request is the next call; its first repetition traps
    const first = JSON.stringify(await m.match(profile, { today }));
    await idle(before.calls + 2); // the request, and the repetition that traps (half a second later)
    const after = await ctl();
    const again = JSON.stringify(await m.match(profile, { today }));
    await idle();
    const end = await ctl();
    return { engine: m.engine, same: first === again, reset: after.instances - before.instances, calls: after.calls - before.calls, later: end.instances - after.instances };
  }, { profile: PROFILE, today: TODAY });
  assert.equal(out.engine, "worker");
  assert.equal(out.reset, 1, "the trapping repetition reset the instance");
  assert.equal(out.calls, 2, "the request and its repetition that trapped, then no more");
  assert.equal(out.same, true, "the next request rebuilds its matcher and answers the same");
  assert.equal(out.later, 0, "no reset after");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("worker: a trap in a request right after another: no repetition runs after it (no Matcher is rebuilt in the background)", async () => {
  const { page, context, log } = await trappingPage("worker");
  const out = await page.evaluate(async ({ profile, today }) => {
    const { Routewijzer, RoutewijzerCrashError } = await import("/routewijzer.js");
    const m = await Routewijzer.load({ catalog: "/data/catalog.json" });
    const before = await ctl(undefined, 2); // the first request succeeds; the call after it traps
    // Both sent in one task: the second request traps while the first one's repetitions wait
    // for the page to be quiet.
    const [a, b] = await Promise.allSettled([m.match(profile, { today }), m.match({ ...profile, age: 50 }, { today })]);
    await idle();
    const after = await ctl();
    const again = await m.match(profile, { today });
    return {
      a: a.status,
      bCrashed: b.status === "rejected" && b.reason instanceof RoutewijzerCrashError,
      reset: after.instances - before.instances,
      calls: after.calls - before.calls,
      again: again.routes.length > 0,
    };
  }, { profile: PROFILE, today: TODAY });
  assert.equal(out.a, "fulfilled");
  assert.equal(out.reset, 1, "one trap, one reset");
  assert.equal(out.bCrashed, true, "the second request is the call that traps");
  assert.equal(out.calls, 2, "the two requests only: no repetition after the trap, none on a rebuilt Matcher");
  assert.equal(out.again, true);
  assert.deepEqual(log.errors, []);
  await context.close();
});
