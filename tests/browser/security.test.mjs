// Security and privacy: the strict CSP, a hostile catalog, what goes over the network,
// what is stored, and client-side downloads.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import {
  CSP, cspViolations, events, fillCareerSwitcher, fillJanuaryOffer, fixturePage, launch, openDemo, openPage, ready, screenshot, startServer, TODAY, waitForResults,
} from "./helpers.mjs";

const HOSTILE = readFileSync(new URL("./fixtures/hostile-catalog.json", import.meta.url), "utf8");
/** The hostile catalog with its javascript: URL replaced, so that it validates and its strings are rendered. */
const HOSTILE_VALID = HOSTILE.replace('"javascript:alert(1)"', '"https://example.org/?q=<script>alert(1)</script>"');

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

describe("strict Content-Security-Policy", () => {
  let server;
  before(async () => (server = await startServer({ csp: true })));
  after(async () => server?.stop());

  test("the demo page works under the CSP header with zero violations", async () => {
    const { page, context, log } = await openPage(browser);
    const response = await page.goto(`${server.url}index.html`);
    assert.equal(response.headers()["content-security-policy"], CSP);
    const w = page.locator("route-wijzer");
    await w.evaluate((el, t) => el.setAttribute("today", t), TODAY);
    await w.locator("form").waitFor();
    await fillJanuaryOffer(w);
    await waitForResults(w);
    await w.getByText("Waarom deze score?").first().click();
    await w.locator(".rw-factors").first().waitFor();
    await w.locator("details > summary", { hasText: /^Nu niet mogelijk/ }).click();
    await w.locator("details > summary", { hasText: /^Filters/ }).click();
    assert.ok((await w.locator(".rw-tl-gap").count()) > 0, "timeline drawn (CSSOM custom properties are allowed)");
    // The stylesheet really applied inside the shadow root (a <link>, not inline style).
    assert.equal(await w.locator(".rw-step").first().evaluate((el) => getComputedStyle(el).borderRadius !== "0px"), true);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(log.errors.filter((e) => /Content Security Policy|Refused/i.test(e)), []);
    assert.deepEqual(log.errors, []);
    await screenshot(page, "csp-results-1280");
    await context.close();
  });
});

describe("hostile and broken catalogs", () => {
  let server;
  before(async () => (server = await startServer({ csp: true })));
  after(async () => server?.stop());

  const page1 = (catalog) => `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>hostile</title>
<script type="module" src="/routewijzer.js"></script></head><body><main><h1>Test</h1>
<route-wijzer name="hostile" catalog="${catalog}" today="${TODAY}"></route-wijzer></main></body></html>`;

  test("an invalid catalog (javascript: URL) shows a friendly error with the problems, dispatches routewijzer:error, runs nothing", async () => {
    const { page, context, log } = await openPage(browser);
    await page.route("**/hostile.json", (r) => r.fulfill({ body: HOSTILE, contentType: "application/json" }));
    await fixturePage(page, server.url, "hostile.html", page1("/hostile.json"), { csp: true });
    const w = page.locator("route-wijzer");
    const alert = w.getByRole("alert");
    await alert.waitFor();
    assert.match(await alert.innerText(), /kan nu niet laden/);
    await alert.getByText("Details voor de beheerder").click();
    assert.equal(await alert.locator(".rw-problems li").count(), 1, "only the javascript: URL is wrong (else: node tests/browser/fixtures/hostile-catalog.mjs)");
    assert.match(await alert.innerText(), /offerings\[\d+\]\.url/);
    assert.match(await alert.innerText(), /javascript:alert\(1\)/, "the problem is shown as text");
    assert.equal(await page.locator("a[href^='javascript:']").count(), 0);
    assert.equal(await w.locator("a[href^='javascript:']").count(), 0);
    const [err] = await events(page, "error");
    assert.equal(err.detail.name, "hostile");
    assert.match(err.detail.message, /url/);
    assert.deepEqual(log.dialogs, []);
    assert.deepEqual(await cspViolations(page), []);
    await screenshot(page, "hostile-invalid-1280");
    await context.close();
  });

  test("HTML, script and 10,000-character strings in a valid catalog render as text; nothing executes", async () => {
    const { page, context, log } = await openPage(browser, { width: 375 });
    await page.route("**/hostile-valid.json", (r) => r.fulfill({ body: HOSTILE_VALID, contentType: "application/json" }));
    await fixturePage(page, server.url, "hostile-valid.html", page1("/hostile-valid.json"), { csp: true });
    const w = page.locator("route-wijzer");
    await w.locator("form").waitFor();
    await fillCareerSwitcher(w);
    await w.getByLabel("Postcode of gemeente").fill("3511");
    await waitForResults(w);
    await w.getByRole("button", { name: /Toon de \d+ best passende/ }).click().catch(() => {});
    const html = await w.evaluate((el) => el.shadowRoot.innerHTML);
    assert.ok(html.includes("&lt;script&gt;alert(1)&lt;/script&gt;"), "script tags shown as text");
    assert.ok(html.includes("&lt;img src=x onerror="), "img tags shown as text");
    const counts = await w.evaluate((el) => ({
      script: el.shadowRoot.querySelectorAll("script").length,
      img: el.shadowRoot.querySelectorAll("img").length,
      onerror: el.shadowRoot.querySelectorAll("[onerror]").length,
      style: el.shadowRoot.querySelectorAll("style, [style*='onerror']").length,
    }));
    assert.deepEqual(counts, { script: 0, img: 0, onerror: 0, style: 0 });
    const hrefs = await w.evaluate((el) => [...el.shadowRoot.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")));
    assert.ok(hrefs.every((h) => /^(https?:|mailto:)/.test(h)), `only http(s)/mailto links: ${hrefs.filter((h) => !/^(https?:|mailto:)/.test(h))}`);
    // A 10,000-character attribution line is shown clipped, and does not push the page sideways at 375 px.
    const foot = await w.locator(".rw-foot").innerText();
    assert.ok(foot.includes(`${"Z".repeat(1000)}…`) && !foot.includes("Z".repeat(1001)));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `horizontal overflow ${overflow}px`);
    assert.equal(await page.locator("footer, route-wijzer").first().isVisible(), true);
    assert.deepEqual(log.dialogs, []);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(log.errors, []);
    await screenshot(page, "hostile-valid-375");
    await context.close();
  });

  test("a catalog that does not load (404) shows the error and the page keeps working", async () => {
    const { page, context, log } = await openPage(browser);
    await fixturePage(page, server.url, "missing.html", page1("/data/no-such-catalog.json"), { csp: true });
    const w = page.locator("route-wijzer");
    await w.getByRole("alert").waitFor();
    assert.match(await w.getByRole("alert").innerText(), /Probeer het later nog eens/);
    assert.match((await events(page, "error"))[0].detail.message, /404/);
    assert.equal(await page.getByRole("heading", { name: "Test" }).isVisible(), true);
    assert.deepEqual(log.errors.filter((e) => !/404/.test(e)), []);
    await context.close();
  });
});

describe("privacy", () => {
  let server;
  before(async () => (server = await startServer()));
  after(async () => server?.stop());

  test("no request carries profile data: only GETs of the scripts, css, translation store, wasm, catalog and the place and study-field tables", async () => {
    const { page, context, log } = await openPage(browser);
    const w = await openDemo(page, server.url);
    await fillCareerSwitcher(w);
    await waitForResults(w);
    await w.getByRole("button", { name: "Toon mijn routes" }).click();
    await waitForResults(w);
    const own = log.requests.filter((r) => !r.url.startsWith("data:"));
    for (const r of own) {
      assert.equal(r.method, "GET", r.url);
      assert.equal(r.postData, null, r.url);
      const u = new URL(r.url);
      assert.equal(u.origin, new URL(server.url).origin, r.url);
      assert.equal(u.search, "", `no query string: ${r.url}`);
      for (const v of ["3812", "bedrijfskunde", "Bedrijfskunde", "35", "36", "40"]) assert.ok(!u.pathname.includes(v), `${v} in ${r.url}`);
    }
    // The page's icon may or may not be fetched by headless Chromium; it carries nothing either way.
    const paths = own.map((r) => new URL(r.url).pathname).filter((p) => p !== "/favicon.svg").sort();
    const modules = readdirSync(new URL("../../www/js/", import.meta.url)).filter((f) => f.endsWith(".js")).map((f) => `/js/${f}`);
    // The place and study-field tables are fetched (whole, the same for everyone) when the person starts on those questions.
    const expected = ["/", "/data/fields.json", "/data/places.json", "/data/regions/AM13.json", "/demo.css", "/i18n/nl.json", ...modules, "/pkg/routewijzer.js", "/pkg/routewijzer_bg.wasm", "/routewijzer.css", "/routewijzer.js"];
    assert.deepEqual(paths, expected.sort());
    // Nothing stored.
    assert.deepEqual(await page.evaluate(() => ({ ls: localStorage.length, ss: sessionStorage.length, cookie: document.cookie })), { ls: 0, ss: 0, cookie: "" });
    assert.deepEqual(await context.cookies(), []);
    await context.close();
  });

  test("remember on this device is off by default, stores only when ticked, forgets when unticked", async () => {
    const { page, context } = await openPage(browser);
    let w = await openDemo(page, server.url);
    const box = w.getByLabel("Onthoud mijn antwoorden op dit apparaat");
    assert.equal(await box.isChecked(), false);
    await w.getByLabel("Leeftijd", { exact: true }).fill("44");
    await waitForResults(w);
    assert.equal(await page.evaluate(() => localStorage.length), 0);
    await box.check();
    await page.waitForTimeout(300);
    assert.match(await page.evaluate(() => localStorage.getItem("routewijzer:loket-utrecht")), /"age":44/);
    await page.reload();
    w = page.locator("route-wijzer");
    await ready(w);
    assert.equal(await w.getByLabel("Leeftijd", { exact: true }).inputValue(), "44");
    assert.equal(await w.getByLabel("Onthoud mijn antwoorden op dit apparaat").isChecked(), true);
    await w.getByLabel("Onthoud mijn antwoorden op dit apparaat").uncheck();
    assert.equal(await page.evaluate(() => localStorage.length), 0);
    await context.close();
  });

  test("the result downloads as text and JSON, made in the browser (Blob)", async () => {
    const { page, context, log } = await openPage(browser);
    const w = await openDemo(page, server.url);
    await fillJanuaryOffer(w);
    await waitForResults(w);
    const before = log.requests.length;
    const [txt] = await Promise.all([page.waitForEvent("download"), w.getByRole("button", { name: "Download samenvatting (tekst)" }).click()]);
    assert.equal(txt.suggestedFilename(), `routewijzer-${TODAY}.txt`);
    const text = readFileSync(await txt.path(), "utf8");
    assert.match(text, /Zij-instroom tweedegraads lesbevoegdheid wiskunde/);
    assert.match(text, /240 dagen/);
    const [json] = await Promise.all([page.waitForEvent("download"), w.getByRole("button", { name: "Download resultaat (JSON)" }).click()]);
    const data = JSON.parse(readFileSync(await json.path(), "utf8"));
    assert.equal(data.profile.job.start_date, "2027-01-04");
    assert.ok(data.result.routes.length > 0);
    assert.ok(log.requests.slice(before).every((r) => r.url.startsWith("blob:")), "downloads make no network request");
    await context.close();
  });
});
