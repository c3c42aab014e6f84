// Several widgets on one page: loaded once, independent state, own language/theme/sectors,
// named events; and lazy loading (nothing is fetched until the widget is near the viewport).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { events, fillCareerSwitcher, fixturePage, launch, openPage, ready, screenshot, startServer, TODAY, waitForResults, harness } from "./helpers.mjs";

const h = harness();

const TWO = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Twee widgets</title><link rel="icon" href="data:,">
<script type="module" src="/routewijzer.js"></script></head><body><main><h1>Twee widgets</h1>
<route-wijzer name="links" catalog="/data/catalog.json" sectors="po" today="${TODAY}"></route-wijzer>
<route-wijzer name="rechts" catalog="/data/catalog.json" sectors="vo mbo" lang="en" theme="dark" today="${TODAY}"></route-wijzer>
</main></body></html>`;

test("two widgets on one page: one wasm and one catalog download, independent forms and results", async () => {
  const { page, context, log } = await openPage(h.browser);
  await fixturePage(page, h.server.url, "two.html", TWO);
  const left = page.locator('route-wijzer[name="links"]');
  const right = page.locator('route-wijzer[name="rechts"]');
  await left.locator("form").waitFor();
  await right.locator("form").waitFor();
  // (The forms come before the catalog and the core: count the downloads once both are in.)
  await ready(left);
  await ready(right);

  const count = (p) => log.requests.filter((r) => new URL(r.url).pathname === p).length;
  assert.equal(count("/pkg/routewijzer_bg.wasm"), 1, "wasm fetched once");
  assert.equal(count("/pkg/routewijzer.js"), 1);
  assert.equal(count("/data/catalog.json"), 1, "catalog fetched once for both");
  assert.equal(count("/routewijzer.css"), 1);

  // Own sectors and language. The sectors offered are the candidate's to start with: the
  // results outside them wait behind the "also show" switch (issue #10).
  assert.equal(await left.getByRole("group", { name: "Waar wil je lesgeven?" }).getByRole("checkbox").count(), 1);
  assert.equal(await right.getByRole("group", { name: "Where would you like to teach?" }).getByRole("checkbox").count(), 2);
  assert.deepEqual(await left.evaluate((el) => el.profile), { sectors: ["po"] });
  assert.deepEqual(await right.evaluate((el) => el.profile), { sectors: ["vo", "mbo"] });
  // Nothing is answered yet: the browsing view, of the kinds in po (other roles too).
  await left.locator(".rw-summary[data-browsing]").waitFor();
  const first = await left.evaluate((el) => el.result);
  const po = first.kinds.filter((k) => k.sectors.includes("po"));
  assert.ok(first.kinds.some((k) => !k.sectors.includes("po")), "the catalog has vo and mbo routes");
  const cards = await left.locator(".rw-routes > li").evaluateAll((cs) => cs.map((c) => c.dataset.kind));
  assert.ok(cards.length > 0 && cards.every((k) => po.some((x) => x.kind === k)), `only po kinds until the switch: ${cards}`);
  await left.locator("details", { hasText: "Filters" }).first().locator("summary").click();
  await left.locator('input[name="show-outside"]').waitFor(); // (the filters are built when first opened, on the toggle event)
  const n = first.kinds.filter((k) => !k.sectors.includes("po")).length;
  assert.equal(await left.getByLabel(`Ook routes buiten mijn keuzes tonen (${n} soorten)`).count(), 1, "the switch names how many wait behind it");
  // Own theme (the shadow styles differ), page CSS does not leak in.
  const bg = (l) => l.locator(".rw").evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.notEqual(await bg(left), await bg(right));

  await fillCareerSwitcher(left);
  await waitForResults(left);
  assert.deepEqual(await right.evaluate((el) => el.profile), { sectors: ["vo", "mbo"] }, "the other widget is untouched");
  assert.equal(await right.getByLabel("Age", { exact: true }).inputValue(), "");
  await right.getByLabel("Age", { exact: true }).fill("50");
  await right.getByLabel("Secondary education", { exact: true }).check();
  await waitForResults(right);
  assert.match(await right.locator(".rw-summary").innerText(), /of route (are|is) open to you/);
  assert.match(await left.locator(".rw-summary").innerText(), /soorten? routes? staa?n? voor je open/);
  assert.equal(await left.getByLabel("Leeftijd", { exact: true }).inputValue(), "35");

  // Ids inside the two shadow roots do not collide with each other or the page.
  const ids = await page.evaluate(() => [...document.querySelectorAll("route-wijzer")].map((el) => el.shadowRoot.querySelector("select").id));
  assert.notEqual(ids[0], ids[1]);

  const names = new Set((await events(page, "result")).map((e) => e.detail.name));
  assert.deepEqual([...names].sort(), ["links", "rechts"]);
  assert.deepEqual((await events(page, "ready")).map((e) => e.detail.name).sort(), ["links", "rechts"]);
  await screenshot(page, "two-instances-1280");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("lazy: a widget far below the fold loads nothing until it is scrolled near, then shows its progress and form", async () => {
  const { page, context, log } = await openPage(h.browser, { height: 700 });
  const html = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Lazy</title><link rel="icon" href="data:,">
<script type="module" src="/routewijzer.js"></script></head><body><main><h1>Lang artikel</h1>${"<p>Tekst.</p>".repeat(200)}
<route-wijzer catalog="/data/catalog.json" today="${TODAY}"></route-wijzer></main></body></html>`;
  await fixturePage(page, h.server.url, "lazy.html", html);
  await page.waitForTimeout(800);
  const heavy = () => log.requests.filter((r) => /\.wasm$|catalog\.json$/.test(r.url)).length;
  assert.equal(heavy(), 0, "nothing heavy fetched while the widget is off screen");
  await page.locator("route-wijzer").scrollIntoViewIfNeeded();
  await page.locator("route-wijzer form").waitFor();
  assert.equal(heavy(), 2);
  assert.deepEqual(log.errors, []);
  await context.close();
});
