import { after, before } from "node:test";
// Shared set-up for the browser tests: a static server (scripts/serve.mjs) on a free
// port, headless Debian Chromium through playwright-core, page instrumentation
// (console errors, CSP violations, dialogs, requests) and persona form-filling done the
// way a person does it: by label and role.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const SAMPLE = readFileSync(new URL("../fixtures/sample-catalog.json", import.meta.url), "utf8");
export const TODAY = "2026-11-23";
const SHOTS = `${ROOT}test-results/screenshots/`;

/** A server and a browser for one test file: `const h = harness();` then `h.server`, `h.browser`. */
export function harness(serverOptions) {
  const h = {};
  before(async () => {
    h.server = await startServer(serverOptions);
    h.browser = await launch();
  });
  after(async () => {
    await h.browser?.close();
    await h.server?.stop();
  });
  return h;
}

/** Starts scripts/serve.mjs on a free port (serving www/, or `root`); resolves to {url, stop}. */
export async function startServer({ csp = false, root } = {}) {
  const args = ["scripts/serve.mjs", "--port", "0", ...(csp ? ["--csp"] : []), ...(root ? ["--root", root] : [])];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise((ok, fail) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (m) ok(m[0]);
    });
    child.once("exit", (code) => fail(new Error(`serve.mjs exited with ${code}`)));
  });
  return {
    url,
    stop: () => new Promise((ok) => (child.exitCode != null ? ok() : (child.once("exit", ok), child.kill("SIGTERM")))),
  };
}

export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

/** Headless Chromium; playwright's launch() gives every browser a fresh temporary user data dir. */
export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });
}

/**
 * A new context and page with instrumentation: `log.errors` (console errors and page
 * errors), `log.csp` (securitypolicyviolation events, read with `cspViolations(page)`),
 * `log.dialogs`, `log.requests` ({method, url, postData}). With `sample` (default) every
 * catalog under /data/ (catalog.json, regions/*.json) is the fixed sample catalog, so results are reproducible.
 */
export async function openPage(browser, { width = 1280, height = 900, sample = true, locale = "nl-NL" } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale, acceptDownloads: true });
  const page = await context.newPage();
  const log = { errors: [], dialogs: [], requests: [] };
  page.on("console", (m) => m.type() === "error" && log.errors.push(m.text()));
  page.on("pageerror", (e) => log.errors.push(String(e)));
  page.on("dialog", (d) => {
    log.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  page.on("request", (r) => log.requests.push({ method: r.method(), url: r.url(), postData: r.postData() }));
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`), true);
    window.__events = [];
    for (const t of ["ready", "result", "error"]) document.addEventListener(`routewijzer:${t}`, (e) => window.__events.push({ type: t, detail: e.detail }));
  });
  if (sample) await page.route(/\/data\/(catalog|regions\/[^/]+)\.json$/, (route) => route.fulfill({ body: SAMPLE, contentType: "application/json" }));
  return { context, page, log };
}

export const cspViolations = (page) => page.evaluate(() => window.__csp);
export const events = (page, type) => page.evaluate((t) => window.__events.filter((e) => !t || e.type === t), type);

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; worker-src 'self'";

/** Serves `html` at `${url}${path}` (same origin as the widget) through request interception, with the strict CSP header if `csp`. */
export async function fixturePage(page, url, path, html, { csp = false } = {}) {
  const headers = csp ? { "Content-Security-Policy": CSP } : {};
  await page.route(`${url}${path}`, (route) => route.fulfill({ body: html, contentType: "text/html; charset=utf-8", headers }));
  await page.goto(`${url}${path}`);
}

/** Goes to the demo page, pins the widget's date, waits for the form. */
export async function openDemo(page, url, { today = TODAY } = {}) {
  await page.goto(url);
  const w = page.locator("route-wijzer").first();
  if (today) await w.evaluate((el, t) => el.setAttribute("today", t), today);
  await w.locator("form").waitFor();
  return w;
}

/** Lays out (`on`) or stops laying out everything in every widget on the page. The widget
 * lays out its later cards, pathways and kit only near the screen (`content-visibility:
 * auto`); for a scan or a whole-page picture each widget's shadow root gets a sheet that
 * lays everything out (a constructed sheet: allowed under the CSP pages' `style-src
 * 'self'`), removed afterwards. */
const layOutAll = (page, on) =>
  page.evaluate((on) => {
    const sheet = (window.__rwLayOutAll ??= new CSSStyleSheet());
    sheet.replaceSync("* { content-visibility: visible !important; }");
    for (const el of document.querySelectorAll("route-wijzer")) {
      const root = el.shadowRoot;
      if (!root) continue;
      const others = root.adoptedStyleSheets.filter((s) => s !== sheet);
      root.adoptedStyleSheets = on ? [...others, sheet] : others;
    }
  }, on);

/** Saves a screenshot to test-results/screenshots/<name>.png: the whole page (every card
 * laid out, as a person scrolling would see it), or with `fullPage` false the screen. */
export async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(SHOTS, { recursive: true });
  if (fullPage) await layOutAll(page, true);
  try {
    await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage });
  } finally {
    if (fullPage) await layOutAll(page, false);
  }
}

/** WCAG 2.2 AA, the tags every axe scan here runs. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Scans the page with axe-core (AXE_TAGS) and asserts it finds nothing. Everything is laid
 * out for the scan (`layOutAll`): axe measures content skipped by `content-visibility` as
 * empty (dequelabs/axe-core#2768) and would call its buttons 0-pixel targets. */
export async function axe(page, state) {
  const { AxeBuilder } = await import("@axe-core/playwright");
  await layOutAll(page, true);
  let violations;
  try {
    ({ violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze());
  } finally {
    await layOutAll(page, false);
  }
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  assert.deepEqual(summary, [], `axe violations, ${state}`);
}

/** Starts listening for the widget's next result (before the action that causes it). */
export async function armResult(w) {
  await w.evaluate((el) => {
    window.__next = new Promise((ok) => el.addEventListener("routewijzer:result", () => ok(el.result), { once: true }));
  });
}
/** The result armResult() listened for (at most 20 s: a missing result fails, never hangs). */
export async function nextResult(w) {
  return w.evaluate(() => Promise.race([window.__next, new Promise((_, no) => setTimeout(() => no(new Error("no result within 20 s")), 20000))]));
}

/** Waits until the widget is ready: its form built and filled with the answers it starts with (saved or set), and a first result shown. */
export async function ready(w) {
  await w.locator(".rw-results:not([aria-busy]) .rw-summary").waitFor();
}

/** Waits until the widget shows results for the current answers. */
export async function waitForResults(w) {
  // Without answers the widget shows every kind of route (browsing): wait for a real result.
  // The results are built in slices: aria-busy is on the section until the last is in, and
  // while a newer result is on its way. A late answer can start one more match (the place
  // table or the study fields arriving make what was typed a place or a field): the result
  // counts once it has stayed settled for 250 ms.
  const settled = w.locator(".rw-results:not([aria-busy]) .rw-summary:not([data-browsing])");
  for (let i = 0; i < 20; i++) {
    await settled.waitFor({ timeout: 30000 });
    await w.page().waitForTimeout(250);
    if (await settled.count()) return;
  }
  throw new Error("the results never settled: a new match every 250 ms");
}

// ------------------------------------------------------------------ personas (filled by label, like a person)

/** hbo career switcher (bedrijfskunde) who wants to teach in primary school. */
export async function fillCareerSwitcher(w, { nl = true } = {}) {
  const L = nl
    ? { level: "Welk diploma?", add: "Nog een diploma toevoegen", field: "Studierichting", po: "Basisonderwijs", hours: "Uren per week voor werk", earn: "Ja, dat moet", place: "Postcode of gemeente", travel: "Hoe ver", age: "Leeftijd" }
    : { level: "Which diploma?", add: "Add another diploma", field: "Field of study", po: "Primary education", hours: "Hours a week for work", earn: "Yes, I need to", place: "Postcode or municipality", travel: "Maximum travel", age: "Age" };
  await w.getByLabel(L.level).first().selectOption("havo");
  await w.getByRole("button", { name: L.add }).click();
  await w.getByLabel(L.level).nth(1).selectOption("hbo-bachelor");
  await w.getByLabel(L.field, { exact: true }).nth(1).fill("Bedrijfskunde");
  await w.getByLabel(L.po, { exact: true }).check();
  await w.getByLabel(L.hours).fill("36");
  await w.getByLabel(L.earn).check();
  await w.getByLabel(L.place).fill("3812");
  await w.getByLabel(L.travel).fill("40");
  await w.getByLabel(L.age, { exact: true }).fill("35");
}

/** havo school leaver, 17, wants to become a primary-school teacher. */
export async function fillSchoolLeaver(w) {
  await w.getByLabel("Welk diploma?").selectOption("havo");
  await w.getByLabel("Basisonderwijs", { exact: true }).check();
  await w.getByLabel("Uren per week voor werk").fill("40");
  await w.getByLabel("Vanaf wanneer kun je beginnen?").fill("1-7-2027");
  await w.getByLabel("Postcode of gemeente").fill("Utrecht");
  await w.getByLabel("Hoe ver").fill("30");
  await w.getByLabel("Leeftijd", { exact: true }).fill("17");
}

/** hbo toegepaste wiskunde, offered a maths job at a secondary school from 4 January. */
export async function fillJanuaryOffer(w) {
  await w.getByLabel("Welk diploma?").selectOption("havo");
  await w.getByRole("button", { name: "Nog een diploma toevoegen" }).click();
  await w.getByLabel("Welk diploma?").nth(1).selectOption("hbo-bachelor");
  await w.getByLabel("Studierichting", { exact: true }).nth(1).fill("toegepaste wiskunde");
  await w.getByLabel("Ja, ik heb een baanaanbod").check();
  await w.getByLabel("Soort school").selectOption("vo");
  await w.getByLabel("Functie").selectOption("leraar-onbevoegd");
  await w.getByLabel("Uren per week", { exact: true }).fill("32");
  await w.getByLabel("Eerste werkdag").fill("4-1-2027");
  await w.getByLabel("Voortgezet onderwijs", { exact: true }).check();
  await w.getByLabel("Wiskunde", { exact: true }).check();
  await w.getByLabel("Uren per week voor werk").fill("40");
  await w.getByLabel("Ja, dat moet").check();
  await w.getByLabel("Postcode of gemeente").fill("3511");
  await w.getByLabel("Hoe ver").fill("25");
  await w.getByLabel("Leeftijd", { exact: true }).fill("31");
}
