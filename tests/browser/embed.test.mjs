// The loket folder as a loket ships it: dist/ served as the site root, the widget embedded
// with README's one tag (/routewijzer/routewijzer.js) under the strict CSP; everything it
// fetches comes from /routewijzer/ (entry, js/, i18n/, styles, pkg/, data/).
import { test } from "node:test";
import assert from "node:assert/strict";
import { cspViolations, fillCareerSwitcher, fixturePage, harness, openPage, screenshot, TODAY, waitForResults } from "./helpers.mjs";

const h = harness({ csp: true, root: "dist" });

test("dist/routewijzer/ embedded with one script tag works under the strict CSP, in Dutch and English", async () => {
  const { page, context, log } = await openPage(h.browser, { width: 375, sample: false });
  const html = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Loket</title><script type="module" src="/routewijzer/routewijzer.js"></script></head>
<body><main><h1>Word leraar</h1><route-wijzer region="AM13" today="${TODAY}"></route-wijzer></main></body></html>`;
  await fixturePage(page, h.server.url, "loket.html", html, { csp: true });
  const w = page.locator("route-wijzer");
  await w.locator("form").waitFor();
  await fillCareerSwitcher(w);
  await waitForResults(w);
  assert.ok((await w.locator(".rw-routes > li").count()) > 0);
  await w.evaluate((el) => el.setAttribute("lang", "en"));
  await w.getByRole("heading", { name: "Which route into teaching suits you?" }).waitFor();
  await waitForResults(w);
  assert.match(await w.locator(".rw-summary").innerText(), /of route (are|is) open to you/);
  assert.equal(await w.getByLabel("Age", { exact: true }).inputValue(), "35");

  const paths = log.requests.map((r) => new URL(r.url).pathname).filter((p) => p !== "/loket.html" && p !== "/favicon.ico"); // the browser may ask for an icon
  assert.ok(paths.every((p) => p.startsWith("/routewijzer/")), paths.join(" "));
  for (const p of ["/routewijzer/routewijzer.js", "/routewijzer/js/element.js", "/routewijzer/i18n/nl.json", "/routewijzer/i18n/en.json", "/routewijzer/routewijzer.css", "/routewijzer/pkg/routewijzer_bg.wasm", "/routewijzer/data/regions/AM13.json"]) {
    assert.ok(paths.includes(p), `${p} fetched`);
  }
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(log.errors, []);
  await screenshot(page, "embed-dist-en-375");
  await context.close();
});
