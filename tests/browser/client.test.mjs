// The JS client (www/js/client.js) as a web developer uses it, without the element:
// Routewijzer.load with a URL, an object or JSON text; match with options; info and
// places; RoutewijzerInputError; one download per catalog URL, shared with the element.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fixturePage, harness, openPage, SAMPLE, TODAY } from "./helpers.mjs";

const h = harness();

const PAGE = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Client</title><link rel="icon" href="data:,"></head>
<body><main><h1>Client</h1><progress id="bar" max="100"></progress></main></body></html>`;

const PROFILE = { diplomas: [{ level: "havo" }, { level: "hbo-bachelor", field: "bedrijfskunde" }], sectors: ["po"], hours_per_week: 36, earn_while_learning: "required", location: { postcode: "3812" }, max_travel_km: 40, age: 35 };

test("load from a URL, an object and JSON text; match with options; info and places", async () => {
  const { page, context, log } = await openPage(h.browser);
  await fixturePage(page, h.server.url, "client.html", PAGE);
  const out = await page.evaluate(async ({ profile, today, sample }) => {
    const { Routewijzer } = await import("/routewijzer.js");
    const seen = [];
    const m = await Routewijzer.load({ catalog: "data/catalog.json", onProgress: (p) => seen.push(p) });
    const again = await Routewijzer.load({ catalog: "/data/catalog.json" }); // same URL, resolved against the page
    const pending = m.match(profile, { today, lang: "en", limit: 5, closed: 2 });
    const r = await pending;
    const nl = await m.match(profile, { today });
    const fromObject = await Routewijzer.load({ catalog: JSON.parse(sample) });
    const fromText = await Routewijzer.load({ catalog: sample });
    return {
      same: m === again,
      progress: seen.length > 0 && seen.at(-1).loaded > 0 && seen.every((p) => p.total === 0 || p.loaded <= p.total),
      reports: seen.length,
      bytes: seen.at(-1).loaded,
      listed: r.routes.length,
      open: r.routes.filter((x) => x.eligibility !== "ineligible").length,
      counted: r.counts.eligible + r.counts.conditional + r.counts.ineligible,
      lang: r.lang,
      today: r.today,
      text: r.routes[0].factors[0].reason.text,
      nlLang: nl.lang,
      nlAll: nl.routes.length,
      objectSame: JSON.stringify(await fromObject.match(profile, { today })) === JSON.stringify(nl),
      textSame: JSON.stringify(await fromText.match(profile, { today })) === JSON.stringify(nl),
      promise: pending instanceof Promise,
      engines: [m.engine, fromObject.engine, fromText.engine],
      info: m.info(),
      places: m.places().length,
      defaultToday: /^\d{4}-\d{2}-\d{2}$/.test((await m.match({})).today),
      newThrows: (() => {
        try {
          new Routewijzer();
          return false;
        } catch (e) {
          return e instanceof TypeError;
        }
      })(),
    };
  }, { profile: PROFILE, today: TODAY, sample: SAMPLE });
  assert.equal(out.same, true, "one Routewijzer per catalog URL");
  assert.equal(out.promise, true, "match resolves to the result");
  assert.deepEqual(out.engines, ["worker", "worker", "worker"], "the work runs in the worker");
  assert.equal(out.progress, true, "onProgress reports bytes");
  // Read in parts of at most 64 KB (a default reader hands this local server's body over in a
  // few parts of up to a megabyte, each a long task to take in on a slow phone).
  assert.ok(out.reports >= Math.floor(out.bytes / 65536), `${out.reports} progress reports for ${out.bytes} bytes`);
  assert.ok(out.open <= 5 && out.listed <= 5 + 2, `limit and closed: ${out.listed} listed`);
  assert.ok(out.counted >= out.listed);
  assert.equal(out.lang, "en");
  assert.equal(out.today, TODAY);
  assert.match(out.text, /[a-z]/);
  assert.equal(out.nlLang, "nl", "lang defaults to nl");
  assert.equal(out.nlAll, out.counted, "no limit: every route listed");
  assert.equal(out.objectSame, true, "a parsed catalog gives the same result");
  assert.equal(out.textSame, true, "catalog JSON text gives the same result");
  assert.ok(out.info.offerings > 0 && out.info.name);
  assert.ok(out.places > 0);
  assert.equal(out.defaultToday, true, "today defaults to the local date");
  assert.equal(out.newThrows, true, "new Routewijzer() is refused");
  const fetched = log.requests.filter((r) => new URL(r.url).pathname === "/data/catalog.json").length;
  assert.equal(fetched, 1, "the catalog URL is fetched once");
  assert.equal(log.requests.filter((r) => r.url.endsWith(".wasm")).length, 1, "the wasm is fetched once");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("input errors are RoutewijzerInputError with document and problems; a failed download is an Error and can be retried", async () => {
  const { page, context } = await openPage(h.browser);
  await fixturePage(page, h.server.url, "client.html", PAGE);
  let missing = 0;
  await page.route("**/data/later.json", (route) => (++missing === 1 ? route.fulfill({ status: 404, body: "no" }) : route.fulfill({ body: SAMPLE, contentType: "application/json" })));
  const out = await page.evaluate(async (today) => {
    const { Routewijzer, RoutewijzerInputError } = await import("/routewijzer.js");
    const describe = (e) => ({
      input: e instanceof RoutewijzerInputError,
      error: e instanceof Error,
      name: e.name,
      document: e.document,
      problems: e.problems,
      message: e.message,
      cause: e.cause instanceof Error,
    });
    const catching = async (f) => {
      try {
        await f();
        return null;
      } catch (e) {
        return describe(e);
      }
    };
    const m = await Routewijzer.load({ catalog: "/data/catalog.json" });
    return {
      profile: await catching(() => m.match({ diplomas: [{ level: "havo" }, { level: "master" }] }, { today })),
      json: await catching(() => m.match("{", { today })),
      lang: await catching(() => m.match({}, { today, lang: "de" })),
      todayBad: await catching(() => m.match({}, { today: "23-11-2026" })),
      limit: await catching(() => m.match({}, { today, limit: -1 })),
      positional: await catching(() => m.match({}, "2026-11-23")),
      catalog: await catching(() => Routewijzer.load({ catalog: '{"meta": {}}' })),
      noCatalog: await catching(() => Routewijzer.load({})),
      missing: await catching(() => Routewijzer.load({ catalog: "/data/later.json" })),
      retried: (await Routewijzer.load({ catalog: "/data/later.json" })).info().offerings > 0,
    };
  }, TODAY);

  assert.equal(out.profile.input, true);
  assert.equal(out.profile.error, true, "a RoutewijzerInputError is an Error");
  assert.equal(out.profile.name, "RoutewijzerInputError");
  assert.equal(out.profile.document, "profile");
  assert.equal(out.profile.cause, true, "the core's Error is the cause");
  assert.deepEqual(out.profile.problems.map((p) => p.path), ["diplomas[1].level"]);
  assert.match(out.profile.message, /diplomas\[1\]\.level/);
  for (const p of out.profile.problems) assert.deepEqual(Object.keys(p).sort(), ["message", "path"]);
  assert.equal(out.json.document, "profile");
  assert.equal(out.lang.document, "options");
  assert.deepEqual(out.lang.problems.map((p) => p.path), ["lang"]);
  assert.equal(out.todayBad.document, "options");
  assert.deepEqual(out.todayBad.problems.map((p) => p.path), ["today"]);
  assert.equal(out.limit.input, true);
  assert.deepEqual(out.limit.problems.map((p) => p.path), ["limit"]);
  assert.equal(out.limit.document, "options");
  assert.match(out.limit.message, /^invalid options: 1 problem\n  limit: /, "worded like the core's errors");
  assert.match(out.lang.message, /^invalid options: 1 problem\n  lang: /);
  assert.equal(out.positional.name, "TypeError", "match(profile, today) is a usage error, not silently today's date");
  assert.equal(out.catalog.input, true);
  assert.equal(out.catalog.document, "catalog");
  assert.ok(out.catalog.problems.length > 0);
  assert.equal(out.noCatalog.name, "TypeError");
  assert.equal(out.missing.input, false, "a 404 is not an input error");
  assert.match(out.missing.message, /404/);
  assert.equal(out.retried, true, "a failed download is forgotten: loading again refetches");
  await context.close();
});

test("the element and a script on one page share the wasm and the catalog", async () => {
  const { page, context, log } = await openPage(h.browser);
  const html = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Beide</title><link rel="icon" href="data:,">
<script type="module" src="/routewijzer.js"></script></head><body><main><h1>Beide</h1>
<route-wijzer name="w" catalog="/data/catalog.json" today="${TODAY}"></route-wijzer></main></body></html>`;
  await fixturePage(page, h.server.url, "both.html", html);
  await page.locator("route-wijzer form").waitFor();
  const n = await page.evaluate(async () => {
    const { Routewijzer } = await import("/routewijzer.js");
    const m = await Routewijzer.load({ catalog: "/data/catalog.json" });
    return m.info().offerings;
  });
  assert.ok(n > 0);
  const count = (p) => log.requests.filter((r) => new URL(r.url).pathname === p).length;
  assert.equal(count("/data/catalog.json"), 1);
  assert.equal(count("/pkg/routewijzer_bg.wasm"), 1);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("without a worker (a CSP with worker-src 'none') the same API runs on the main thread with the same results; arguments a worker cannot take run there too", async () => {
  const run = async (csp) => {
    const { page, context, log } = await openPage(h.browser);
    const headers = csp ? { "Content-Security-Policy": csp } : {};
    await page.route(`${h.server.url}client.html`, (route) => route.fulfill({ body: PAGE.replace(`<link rel="icon" href="data:,">`, ""), contentType: "text/html; charset=utf-8", headers }));
    await page.goto(`${h.server.url}client.html`);
    const out = await page.evaluate(async ({ profile, today }) => {
      const { Routewijzer, RoutewijzerInputError } = await import("/routewijzer.js");
      const m = await Routewijzer.load({ catalog: "/data/catalog.json" });
      let fn;
      try {
        await m.match({ ...profile, age: () => 35 }, { today }); // a function: postMessage refuses it, the main thread's checks answer
      } catch (e) {
        fn = { input: e instanceof RoutewijzerInputError, paths: e.problems?.map((p) => p.path) };
      }
      return { engine: m.engine, result: JSON.stringify(await m.match(profile, { today, lang: "en" })), info: JSON.stringify(m.info()), places: JSON.stringify(m.places()), fn };
    }, { profile: PROFILE, today: TODAY });
    await context.close();
    return { ...out, log };
  };
  const worker = await run("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; worker-src 'self'");
  const main = await run("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; worker-src 'none'");
  assert.equal(worker.engine, "worker");
  assert.equal(main.engine, "main");
  assert.equal(main.result, worker.result, "the same result on either engine");
  assert.equal(main.info, worker.info);
  assert.equal(main.places, worker.places);
  assert.deepEqual(worker.fn, main.fn, "a profile the worker cannot take meets the same checks");
  assert.equal(worker.fn.input, true);
  assert.deepEqual(worker.log.errors, []);
  assert.ok(main.log.errors.every((e) => /worker-src|Content Security Policy/.test(e)), main.log.errors.join("\n"));
});

// Counts the core's matchJson calls wherever they run (a wrapped glue, as traps.test.mjs wraps it).
const COUNTING_GLUE = `import * as real from "./routewijzer.js?real";
export { initSync, __wbg_reset_state, Matcher } from "./routewijzer.js?real";
export default real.default;
const ch = new BroadcastChannel("rw-calls");
const match = real.Matcher.prototype.matchJson;
real.Matcher.prototype.matchJson = function (...args) {
  ch.postMessage(args[1]); // today
  return match.apply(this, args);
};`;

test("the worker warms up: after a match it repeats it until 20 matches have run, then stops; a request meanwhile is answered with its own result", async () => {
  const { page, context, log } = await openPage(h.browser);
  await page.route((u) => u.pathname === "/pkg/routewijzer.js" && !u.search, (route) => route.fulfill({ body: COUNTING_GLUE, contentType: "text/javascript; charset=utf-8" }));
  await fixturePage(page, h.server.url, "warm.html", PAGE);
  const DAYS = ["2026-11-23", "2027-01-05", "2027-02-01"];
  const out = await page.evaluate(async ({ profile, days }) => {
    const calls = [];
    new BroadcastChannel("rw-calls").onmessage = (e) => calls.push(e.data);
    // Quiet: at least `least` calls in (within 60 s: a busy machine delays the repetitions'
    // background tasks), then a second with no new one.
    const idle = async (least = 0) => {
      for (const end = Date.now() + 60000; calls.length < least && Date.now() < end; ) await new Promise((r) => setTimeout(r, 50));
      for (let last = -1; calls.length !== last; ) {
        last = calls.length;
        await new Promise((r) => setTimeout(r, 1000));
      }
    };
    const { Routewijzer } = await import("/routewijzer.js");
    const m = await Routewijzer.load({ catalog: "/data/catalog.json" });
    const first = await m.match(profile, { today: days[0] });
    // Asked at once after the first, while the worker may be repeating it: its own result.
    const second = await m.match(profile, { today: days[1] });
    await idle(20);
    const warmed = calls.length;
    const third = await m.match(profile, { today: days[2] });
    await idle(warmed + 1);
    return { engine: m.engine, today: [first.today, second.today, third.today], warmed, calls };
  }, { profile: PROFILE, days: DAYS });
  assert.equal(out.engine, "worker");
  assert.deepEqual(out.today, DAYS, "each request's own result");
  const seen = out.calls.join(",");
  // The first request, repeated; the second (when it came), then only it: 20 matches in all,
  // plus the second if it came after the warming up had ended; then no more.
  const second = out.calls.indexOf(DAYS[1]);
  assert.ok(second > 0, seen);
  assert.ok(out.calls.slice(0, second).every((d) => d === DAYS[0]), `the first request, repeated: ${seen}`);
  assert.ok(out.calls.slice(second, out.warmed).every((d) => d === DAYS[1]), `then only the latest request, repeated: ${seen}`);
  assert.equal(out.warmed, second < 20 ? 20 : 21, `20 matches in all, then no more: ${seen}`);
  assert.deepEqual(out.calls.slice(out.warmed), [DAYS[2]], "after warming up, one call per request");
  assert.deepEqual(log.errors, []);
  await context.close();
});
