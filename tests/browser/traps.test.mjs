// A trap cannot poison the page. A panic in the wasm is `WebAssembly.RuntimeError:
// unreachable`, after which the instance's memory and stack may be corrupt. No panic is
// reachable from input, so these tests serve a wrapped pkg/routewijzer.js (the real glue,
// imported as pkg/routewijzer.js?real) whose Matcher.prototype.match throws that error
// while `window.__traps` > 0, and which counts instantiations (`window.__instances`: the
// first init and every __wbg_reset_state). The client must reject each trapping call with
// RoutewijzerCrashError and re-instantiate, and the next call must give the right result;
// the element must report one error per failed answer change and recover. Strict CSP.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { events, fixturePage, harness, openPage, ROOT, SAMPLE, TODAY, waitForResults } from "./helpers.mjs";

const h = harness({ csp: true });

const TRAPS = 1000;
const PROFILE = { diplomas: [{ level: "havo" }, { level: "hbo-bachelor", field: "bedrijfskunde" }], sectors: ["po"], hours_per_week: 36, earn_while_learning: "required", location: { postcode: "3812" }, max_travel_km: 40, age: 35 };
const ui = (lang) => JSON.parse(readFileSync(`${ROOT}src/i18n/${lang}.json`, "utf8")).ui;

const WRAPPER = `import * as real from "./routewijzer.js?real";
export * from "./routewijzer.js?real";
const count = () => (globalThis.__instances = (globalThis.__instances || 0) + 1);
export default (o) => real.default(o).then((w) => (count(), w));
export const initSync = (o) => (count(), real.initSync(o));
export function __wbg_reset_state() {
  real.__wbg_reset_state();
  count();
}
const match = real.Matcher.prototype.match;
real.Matcher.prototype.match = function (...args) {
  if (globalThis.__traps > 0) {
    globalThis.__traps--;
    throw new WebAssembly.RuntimeError("unreachable");
  }
  return match.apply(this, args);
};
`;

const PAGE = (body = "") => `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Traps</title>
<script type="module" src="/routewijzer.js"></script></head><body><main><h1>Traps</h1>${body}</main></body></html>`;

/** A page whose glue is the trapping wrapper. */
async function trappingPage(body) {
  const opened = await openPage(h.browser);
  await opened.page.route((u) => u.pathname === "/pkg/routewijzer.js" && !u.search, (route) =>
    route.fulfill({ body: WRAPPER, contentType: "text/javascript; charset=utf-8" }));
  await fixturePage(opened.page, h.server.url, "traps.html", PAGE(body), { csp: true });
  return opened;
}

test("the shipped glue can reset its instance", () => {
  assert.match(readFileSync(`${ROOT}pkg/routewijzer.js`, "utf8"), /export function __wbg_reset_state\b/, "scripts/build-web.sh passes --experimental-reset-state-function");
});

test(`${TRAPS} traps through the client API: each is a RoutewijzerCrashError, the instance is re-created, then match is right again`, async () => {
  // The expected answers, from a fresh page with the real glue.
  const fresh = await openPage(h.browser);
  await fixturePage(fresh.page, h.server.url, "fresh.html", PAGE(), { csp: true });
  const expected = await fresh.page.evaluate(async ({ profile, today }) => {
    const { Routewijzer } = await import("/routewijzer.js");
    const m = await Routewijzer.load({ catalog: "/data/catalog.json" });
    return { nl: JSON.stringify(m.match(profile, { today })), en: JSON.stringify(m.match(profile, { today, lang: "en", limit: 5 })), info: JSON.stringify(m.info()) };
  }, { profile: PROFILE, today: TODAY });
  await fresh.context.close();

  const { page, context, log } = await trappingPage();
  const out = await page.evaluate(async ({ profile, today, traps, sample }) => {
    const { Routewijzer, RoutewijzerCrashError, RoutewijzerInputError } = await import("/routewijzer.js");
    const m = await Routewijzer.load({ catalog: "/data/catalog.json" });
    const other = await Routewijzer.load({ catalog: sample }); // a second matcher on the same instance
    other.info();
    const loaded = globalThis.__instances;
    globalThis.__traps = traps;
    const seen = {};
    let crash = null;
    // One synchronous loop: every reset must be ready for the very next call.
    for (let i = 0; i < traps; i++) {
      let what;
      try {
        m.match(profile, { today });
        what = "returned";
      } catch (e) {
        what = e instanceof RoutewijzerCrashError ? "crash" : `${e.name}: ${e.message}`;
        crash ??= { name: e.name, message: e.message, error: e instanceof Error, input: e instanceof RoutewijzerInputError, cause: e.cause instanceof WebAssembly.RuntimeError };
      }
      seen[what] = (seen[what] || 0) + 1;
    }
    const trapped = globalThis.__instances;
    let input;
    try {
      m.match({ diplomas: [{ level: "master" }] }, { today });
    } catch (e) {
      input = { input: e instanceof RoutewijzerInputError, crash: e instanceof RoutewijzerCrashError };
    }
    return {
      loaded,
      seen,
      crash,
      trapped,
      input,
      afterInput: globalThis.__instances,
      left: globalThis.__traps,
      nl: JSON.stringify(m.match(profile, { today })),
      en: JSON.stringify(m.match(profile, { today, lang: "en", limit: 5 })),
      info: JSON.stringify(m.info()),
      places: m.places().length,
      other: JSON.stringify(other.match(profile, { today })),
      end: globalThis.__instances,
    };
  }, { profile: PROFILE, today: TODAY, traps: TRAPS, sample: SAMPLE });

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
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a real poisoning: an error thrown through the wasm's frames (a throwing getter) is a crash too, and the reset really cures it", async () => {
  // An exception from a profile's getter unwinds through Rust frames, whose stack space is
  // then never given back; after enough of them every call could fail with "memory access
  // out of bounds" (the raw glue below). Through the client each one resets.
  const { page, context, log } = await trappingPage(); // __traps stays 0: the wrapper only counts
  const out = await page.evaluate(async ({ profile, today, sample, n }) => {
    const { Routewijzer, RoutewijzerCrashError } = await import("/routewijzer.js");
    const m = await Routewijzer.load({ catalog: "/data/catalog.json" });
    const expected = JSON.stringify(m.match(profile, { today }));
    const loaded = globalThis.__instances;
    const throwing = () => ({ get diplomas() { throw new Error("boom"); } });
    let crashes = 0;
    for (let i = 0; i < n; i++) {
      try {
        m.match(throwing(), { today });
      } catch (e) {
        if (e instanceof RoutewijzerCrashError && e.cause?.message === "boom") crashes++;
      }
    }
    const client = { crashes, resets: globalThis.__instances - loaded, same: JSON.stringify(m.match(profile, { today })) === expected };
    // The same on the raw glue (the instance the client uses), without resets.
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
      first = JSON.stringify(m.match(profile, { today })) === expected ? "same" : "different";
    } catch (e) {
      first = e.name;
    }
    return { client, poisoned, first, then: JSON.stringify(m.match(profile, { today })) === expected };
  }, { profile: PROFILE, today: TODAY, sample: SAMPLE, n: TRAPS });
  assert.deepEqual(out.client, { crashes: TRAPS, resets: TRAPS, same: true }, "each throw is a crash and a reset; afterwards the result is unchanged");
  // Without resets the raw instance may end up poisoned (it did before the wasm measured
  // objects with its own walk first; now it may survive the run). If it is, the client's
  // next call is one crash and then a fresh instance answers; if not, it answers at once.
  if (out.poisoned) {
    assert.match(out.poisoned, /^RuntimeError/, out.poisoned);
    assert.equal(out.first, "RoutewijzerCrashError");
  } else {
    assert.equal(out.first, "same");
  }
  assert.equal(out.then, true);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("the element: a trap shows the crash message and fires one routewijzer:error; a re-run adds none; a changed answer gives results", async () => {
  const { page, context, log } = await trappingPage(`<route-wijzer name="w" catalog="/data/catalog.json" today="${TODAY}"></route-wijzer>`);
  const w = page.locator("route-wijzer");
  await w.locator("form").waitFor();
  const message = () => w.locator(".rw-results .rw-error").textContent();

  await page.evaluate((p) => {
    globalThis.__traps = 2;
    document.querySelector("route-wijzer").profile = p;
  }, PROFILE);
  assert.equal(await message(), ui("nl").errCrash);
  let errors = await events(page, "error");
  assert.equal(errors.length, 1);
  assert.equal(errors[0].detail.name, "w");
  assert.match(errors[0].detail.message, /computation failed .* and was reset/);

  await w.getByRole("button", { name: ui("nl").show }).click(); // the same answers again: the second trap
  assert.equal(await page.evaluate(() => globalThis.__traps), 0);
  assert.equal(await message(), ui("nl").errCrash);
  assert.equal((await events(page, "error")).length, 1, "a re-run of the same answers reports nothing new");

  await w.getByLabel("Leeftijd", { exact: true }).fill("36");
  await waitForResults(w);
  assert.equal(await w.locator(".rw-results .rw-error").count(), 0);
  assert.equal(await w.evaluate((el) => el.result?.counts.eligible > 0), true);
  assert.ok((await events(page, "result")).length >= 1);

  await page.evaluate(() => {
    globalThis.__traps = 1;
    document.querySelector("route-wijzer").setAttribute("lang", "en");
  });
  await w.locator(".rw-results .rw-error").waitFor();
  assert.equal(await message(), ui("en").errCrash);
  assert.equal((await events(page, "error")).length, 2);

  await w.getByLabel("Age", { exact: true }).fill("37");
  await waitForResults(w);
  assert.equal(await w.locator(".rw-results .rw-error").count(), 0);
  assert.equal((await events(page, "error")).length, 2);
  assert.deepEqual(log.errors, []);
  await context.close();
});
