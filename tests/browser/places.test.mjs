// Place search for the whole country: the search module (www/js/places.js over
// www/data/places.json) in node, and the place field of the demo page (the real AM13
// shard, Utrecht, which holds neither Den Haag nor its postcodes) under the strict CSP:
// names, aliases, typos and postcodes resolve and give distances; half-typed text gives
// suggestions and a notice, never an error; the list works with the keyboard alone; axe
// (WCAG 2.2 AA) finds nothing with the list open.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { PlaceTable } from "../../www/js/places.js";
import { distance, fold } from "../../www/js/search.js";
import { axe, cspViolations, events, harness, openDemo, openPage, screenshot, waitForResults } from "./helpers.mjs";

const json = JSON.parse(readFileSync(new URL("../../www/data/places.json", import.meta.url), "utf8"));
const table = new PlaceTable(json);
const shard = JSON.parse(readFileSync(new URL("../../www/data/regions/AM13.json", import.meta.url), "utf8"));

describe("the search (node)", () => {
  test("folding and distance", () => {
    assert.equal(fold("'s-Gravenhage"), "s gravenhage");
    assert.equal(fold("  Súdwest-Fryslân "), "sudwest fryslan");
    assert.equal(fold("DEN  HAAG"), "den haag");
    assert.equal(distance("utrech", "utrecht"), 1);
    assert.equal(distance("amsterdma", "amsterdam"), 1, "a transposition is one typo");
    assert.equal(distance("utre", "utrecht", 2), 3, "stops early above the maximum");
  });

  test("names, aliases, typos and postcodes resolve", () => {
    const gm = (q) => table.resolve(q).place?.location.gemeente;
    for (const q of ["Den Haag", "den haag", "DEN HAAG", "'s-Gravenhage", "s-gravenhage", "The Hague"]) assert.equal(gm(q), "GM0518", q);
    assert.equal(gm("Den Bosch"), "GM0796");
    assert.equal(gm("'s-Hertogenbosch"), "GM0796");
    assert.equal(gm("Groningen"), "GM0014");
    assert.equal(gm("sudwest fryslan"), "GM1900");
    assert.equal(gm("Hengelo"), "GM0164", "the name without CBS's province suffix");
    const typo = table.resolve("Utrech");
    assert.equal(typo.place.location.gemeente, "GM0344");
    assert.equal(typo.exact, false, "read as Utrecht, and the field says so");
    assert.equal(gm("Amsterdm"), "GM0363");
    const pc = table.resolve("2511").place;
    assert.deepEqual(pc.location, { postcode: "2511", lat: 52.078, lon: 4.3175 });
    assert.equal(pc.detail, "'s-Gravenhage");
    assert.equal(table.resolve("3811 AB").place.location.postcode, "3811");
    const g = table.resolve("Den Haag").place.location;
    assert.ok(g.lat > 52 && g.lat < 52.2 && g.lon > 4.2 && g.lon < 4.4, "coordinates from the table");
  });

  test("incomplete, shared and unknown names do not resolve, and say what might be meant", () => {
    const utre = table.resolve("Utre");
    assert.equal(utre.place, null);
    assert.equal(utre.suggestions[0].text, "Utrecht");
    const bergen = table.resolve("Bergen");
    assert.equal(bergen.place, null, "two gemeenten are called Bergen");
    assert.deepEqual(bergen.suggestions.map((s) => s.text).slice(0, 2).sort(), ["Bergen (L.)", "Bergen (NH.)"]);
    assert.deepEqual(table.resolve("xyz").suggestions, []);
    assert.equal(table.resolve("12").place, null);
  });

  test("suggestions while typing: prefixes first, words inside names, typos, postcodes", () => {
    assert.deepEqual(table.search("utre").map((o) => o.text), ["Utrecht", "Utrechtse Heuvelrug"]);
    assert.ok(table.search("haag").some((o) => o.location.gemeente === "GM0518"), "a later word of a name");
    assert.equal(table.search("Amsterdm")[0].text, "Amsterdam");
    const pcs = table.search("251");
    assert.ok(pcs.length > 0 && pcs.length <= 8 && pcs.every((o) => o.text.startsWith("251")));
    assert.equal(new Set(table.search("den").map((o) => o.location.gemeente)).size, table.search("den").length, "one suggestion per gemeente");
  });

  test("every gemeente and postcode of the table resolves to itself", () => {
    assert.equal(json.gemeenten.length, 342);
    assert.equal(json.postcodes.length, 4086);
    for (const [code, name] of json.gemeenten) {
      const r = table.resolve(name);
      assert.equal(r.place?.location.gemeente, code, name);
      assert.equal(r.exact, true, name);
    }
    for (const [pc] of json.postcodes) assert.equal(table.resolve(pc).place?.location.postcode, pc);
  });

  test("the AM13 shard does not hold Den Haag or 2511 (so the browser test below needs the table)", () => {
    assert.ok(!shard.places.some((p) => p.id === "GM0518"));
    assert.ok(!(shard.postcodes || []).some((p) => p[0] === "2511"));
  });
});

const h = harness({ csp: true });
const PLACE = "Postcode of gemeente";

/** The demo page with its real AM13 shard, a first answer given. */
async function demo(width = 1280) {
  const { page, context, log } = await openPage(h.browser, { sample: false, width });
  const w = await openDemo(page, h.server.url);
  await w.getByLabel("Welk diploma?").selectOption("hbo-bachelor");
  return { page, context, log, w };
}

const profile = (w) => w.evaluate((el) => el.profile);
const result = (w) => w.evaluate((el) => el.result);

describe("the place field on the AM13 demo page (strict CSP)", () => {
  test('"Den Haag", "den haag", "Utrech" and "2511" resolve and give distances', async () => {
    const { page, context, log, w } = await demo();
    const place = w.getByLabel(PLACE);
    const cases = [
      ["Den Haag", { gemeente: "GM0518" }, "", true],
      ["den haag", { gemeente: "GM0518" }, "", true],
      ["Utrech", { gemeente: "GM0344" }, "We rekenen met Utrecht.", false],
      ["2511", { postcode: "2511" }, "", true],
    ];
    for (const [text, want, notice, outside] of cases) {
      await place.fill(text);
      await page.waitForFunction(([el, want]) => {
        const loc = el.profile.location;
        return loc?.lat != null && Object.entries(want).every(([k, v]) => loc[k] === v);
      }, [await w.elementHandle(), want]);
      await waitForResults(w);
      const loc = (await profile(w)).location;
      for (const [k, v] of Object.entries(want)) assert.equal(loc[k], v, `${text}: location.${k}`);
      assert.ok(loc.lat > 50.7 && loc.lon > 3.3, `${text}: coordinates`);
      const r = await result(w);
      const km = r.routes.map((x) => x.distance_km).filter((d) => d != null);
      assert.ok(km.length > 0, `${text}: distances in the result`);
      assert.ok(!r.notices.some((n) => /niet in deze catalogus/.test(n.text ?? n)), `${text}: no unknown-place notice`);
      assert.match(await w.locator(".rw-results").innerText(), /\d+ km/, `${text}: distances shown`);
      // The demo's catalog is AM13's shard: someone living outside the region is told that
      // routes nearer to them may be missing.
      const regionNotice = (await w.locator(".rw-notices li").allTextContents()).some((t) => /ligt daarbuiten/.test(t));
      assert.equal(regionNotice, outside, `${text}: the notice that the place is outside the catalog's region`);
      const n = w.locator(".rw-notice:visible");
      if (notice) assert.equal(await n.innerText(), notice);
      else assert.equal(await n.count(), 0, `${text}: no notice`);
    }
    assert.deepEqual(await events(page, "error"), []);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  test('a half-typed "Utre" gives suggestions and a notice, no error event; keyboard alone picks Utrecht', async () => {
    const { page, context, log, w } = await demo();
    const place = w.getByLabel(PLACE);
    await place.focus();
    await page.keyboard.type("Utre", { delay: 60 });
    const list = w.getByRole("listbox", { name: "Suggesties" });
    await list.waitFor();
    assert.deepEqual(await list.getByRole("option").allInnerTexts(), ["Utrecht", "Utrechtse Heuvelrug"]);
    assert.equal(await place.getAttribute("aria-expanded"), "true");
    assert.equal(await place.getAttribute("role"), "combobox");
    await page.waitForTimeout(400);
    assert.match(await w.locator('[data-for="place"] [role=status]').innerText(), /^2 suggesties/);
    assert.match(await w.locator(".rw-notice:visible").innerText(), /^Plaats niet gevonden: bedoel je Utrecht, Utrechtse Heuvelrug/);
    await waitForResults(w);
    assert.equal((await profile(w)).location, undefined, "results without a location meanwhile");
    assert.ok((await result(w)).routes.length > 0);
    assert.equal(await w.locator(".rw-error, [role=alert]").count(), 0);
    assert.deepEqual(await events(page, "error"), [], "no error event per keystroke");

    // Keyboard: down to the first suggestion, Enter takes it.
    await page.keyboard.press("ArrowDown");
    const active = await place.getAttribute("aria-activedescendant");
    assert.equal(await w.locator(`[id="${active}"]`).innerText(), "Utrecht");
    assert.equal(await w.locator(`[id="${active}"]`).getAttribute("aria-selected"), "true");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    assert.equal(await place.inputValue(), "Utrecht");
    assert.equal(await place.getAttribute("aria-expanded"), "false");
    await waitForResults(w);
    const loc = (await profile(w)).location;
    assert.equal(loc.gemeente, "GM0344");
    assert.equal(await w.locator(".rw-notice:visible").count(), 0);
    // Escape closes the list and keeps focus; Tab leaves the field (no trap).
    await page.keyboard.press("Backspace");
    await list.waitFor();
    await page.keyboard.press("Escape");
    assert.equal(await list.isVisible(), false);
    assert.equal(await place.evaluate((el) => el.getRootNode().activeElement === el), true);
    await page.keyboard.press("Tab");
    assert.equal(await place.evaluate((el) => el.getRootNode().activeElement === el), false);
    assert.deepEqual(await events(page, "error"), []);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  test("the table is fetched only when someone starts on the place field, once", async () => {
    const { page, context, log, w } = await demo();
    await waitForResults(w);
    const fetched = () => log.requests.filter((r) => r.url.endsWith("/data/places.json")).length;
    assert.equal(fetched(), 0);
    await w.getByLabel(PLACE).fill("Zwolle");
    await w.getByLabel(PLACE).fill("Zwol");
    await w.getByLabel("Hoe ver").focus();
    await w.getByLabel(PLACE).focus();
    await waitForResults(w);
    assert.equal(fetched(), 1);
    await context.close();
  });

  for (const width of [1280, 375]) {
    test(`axe (WCAG 2.2 AA): no violations with the suggestion list open, ${width} px`, async () => {
      const { page, context, w } = await demo(width);
      await w.getByLabel(PLACE).focus();
      await page.keyboard.type("den", { delay: 30 });
      await w.getByRole("listbox").first().waitFor();
      await page.keyboard.press("ArrowDown");
      await axe(page, "place list open");
      await screenshot(page, `places-list-${width}`);
      await page.keyboard.press("Escape");
      await page.keyboard.type("xq");
      await waitForResults(w);
      assert.equal(await w.locator(".rw-notice:visible").count(), 1);
      await axe(page, "place notice");
      await context.close();
    });
  }

  test("on a phone the results are one press away: the button stays at the bottom once something is answered", async () => {
    const { page, context, w } = await demo(375);
    await w.getByLabel(PLACE).fill("Den Haag");
    await waitForResults(w);
    const btn = w.getByRole("button", { name: "Toon mijn routes" });
    const box = await btn.boundingBox();
    assert.ok(box && box.y + box.height <= 900 && box.y > 0, `the button is on screen (${JSON.stringify(box)})`);
    assert.ok(box.height >= 24 && box.width >= 24, "target size");
    // Tabbing through the form, no focused control is hidden under the bar (WCAG 2.4.11).
    await w.getByLabel("Welk diploma?").focus();
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press("Tab");
      const hidden = await page.evaluate(() => {
        let a = document.activeElement;
        while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
        const bar = a?.getRootNode().querySelector?.(".rw-submit");
        if (!a || !bar || bar.contains(a) || !a.closest("form")) return null;
        const r = a.getBoundingClientRect();
        return r.top >= bar.getBoundingClientRect().top - 1 ? `${a.name || a.id} at ${Math.round(r.top)}` : null;
      });
      assert.equal(hidden, null, "a focused control under the bar");
    }
    await btn.click();
    const top = await w.locator(".rw-results").evaluate((el) => el.getBoundingClientRect().top);
    assert.ok(top >= 0 && top < 900 - 100, `the results come into view, above the bar (top ${top})`);
    await screenshot(page, "places-phone-results");
    await context.close();
  });
});
