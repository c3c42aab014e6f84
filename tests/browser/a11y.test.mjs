// Accessibility (WCAG 2.2 AA): axe-core scans of the empty, filled and result states in
// both themes, and of loading, a failed catalog, a refused share link, browsing and the
// results with every list open; keyboard-only use with a logical focus order, 320 px width.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { armResult, axe, fillCareerSwitcher, nextResult, fillJanuaryOffer, fillSchoolLeaver, launch, openDemo, openPage, screenshot, startServer, waitForResults, harness } from "./helpers.mjs";

const h = harness();

/** The deepest focused element, through shadow roots: its label, or role and text. */
function focused(page) {
  return page.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    if (!a) return "";
    const label = a.labels?.[0]?.textContent || a.getAttribute("aria-label") || a.textContent || "";
    return `${a.tagName.toLowerCase()}${a.type ? `[${a.type}]` : ""}: ${label.trim().replace(/\s+/g, " ").slice(0, 80)}`;
  });
}

/** Presses Tab until the focused control matches `re` (at most `max` presses); returns the stops passed on the way. */
async function tabTo(page, re, max = 40) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const f = await focused(page);
    seen.push(f);
    if (re.test(f)) return seen;
  }
  assert.fail(`Tab never reached ${re}; stops: ${seen.join(" → ")}`);
}

for (const theme of ["light", "dark"]) {
  for (const width of [1280, 375]) {
    test(`axe: no WCAG 2.2 AA violations, ${theme} theme, ${width} px (empty, filled, results)`, async () => {
      const { page, context, log } = await openPage(h.browser, { width });
      const w = await openDemo(page, h.server.url);
      await w.evaluate((el, t) => el.setAttribute("theme", t), theme);
      await axe(page, "empty");
      await screenshot(page, `empty-${theme}-${width}`);
      await fillJanuaryOffer(w);
      await w.getByText("Meer over je situatie").click();
      await axe(page, "filled");
      await waitForResults(w);
      await w.getByText("Waarom deze score?").first().click();
      const closed = w.locator("details > summary", { hasText: /^Nu niet mogelijk/ });
      if (await closed.count()) await closed.click();
      await w.locator("details", { hasText: "Filters" }).first().locator("summary").click();
      await w.getByText(/Ook bij \d+ andere/).first().click();
      await axe(page, "results");
      await screenshot(page, `results-${theme}-${width}`);
      assert.deepEqual(log.errors, []);
      await context.close();
    });
  }
}

describe("keyboard only", () => {
  test("a person fills the form with the keyboard in a logical order and reaches the results", async () => {
    const { page, context, log } = await openPage(h.browser);
    await openDemo(page, h.server.url);
    const w = page.locator("route-wijzer");
    // From the top of the page: skip link and menu first, then into the widget.
    const toWidget = await tabTo(page, /^select.*: Welk diploma\?/);
    assert.match(toWidget[0], /Naar de inhoud/);
    await page.keyboard.type("havo"); // type-ahead in the closed <select>
    assert.equal(await w.getByLabel("Welk diploma?").inputValue(), "havo");
    // Step 1 -> 2 -> 3 -> 4: the order follows the form.
    const stops = await tabTo(page, /^button.*: Nog een diploma toevoegen/);
    assert.match(stops.join(" "), /Studierichting.*Behaald in het buitenland/);
    await page.keyboard.press("Enter"); // adds a diploma and moves focus to its first question
    assert.match(await focused(page), /^select.*: Welk diploma\?/);
    await page.keyboard.type("hbo-b");
    assert.equal(await w.getByLabel("Welk diploma?").nth(1).inputValue(), "hbo-bachelor");
    await tabTo(page, /checkbox\]: Basisonderwijs$/);
    await page.keyboard.press("Space");
    await tabTo(page, /number\]: Uren per week voor werk/);
    await page.keyboard.type("36");
    await tabTo(page, /radio\]: Maakt niet uit/); // the checked radio of the group holds focus
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp"); // "Ja, dat moet"
    await tabTo(page, /text\]: Postcode of gemeente/);
    await page.keyboard.type("3812");
    await tabTo(page, /Leeftijd/);
    await page.keyboard.type("35");
    const last = await tabTo(page, /^button.*: Toon mijn routes/);
    assert.match(last.join(" "), /Onthoud mijn antwoorden/);
    await page.keyboard.press("Enter");
    // The result is computed in the worker; focus moves to its heading once it is shown.
    for (let i = 0; i < 150 && !/h3: Jouw routes/.test(await focused(page)); i++) await page.waitForTimeout(100);
    assert.match(await focused(page), /h3: Jouw routes/);
    assert.equal(await w.locator('input[value="required"]').isChecked(), true);
    // The results continue the tab order; the first stop is a link or a control in the first pathway or route.
    const next = await tabTo(page, /^(a|summary|button)/);
    assert.equal(next.length, 1);
    // Disclosure with the keyboard.
    await tabTo(page, /summary: Waarom deze score\?/);
    await page.keyboard.press("Enter");
    assert.equal(await w.locator(".rw-routes details").first().getAttribute("open"), "");
    // The focus ring is visible.
    const outline = await page.evaluate(() => {
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return getComputedStyle(a).outlineStyle;
    });
    assert.equal(outline, "solid");
    assert.match(await w.locator(".rw-routes > li").first().innerText(), /Zij-instroom/);
    assert.deepEqual(log.errors, []);
    await screenshot(page, "keyboard-1280");
    await context.close();
  });

  test("the results' own controls with the keyboard alone: the filters, the order, the switch, also at and show all", async () => {
    const { page, context, log } = await openPage(h.browser, { sample: false }); // the region's real catalog: cards with many places
    const w = await openDemo(page, h.server.url);
    await fillCareerSwitcher(w);
    await w.getByLabel("Hoe ver").fill("150");
    await waitForResults(w);
    // Also at: the card with more places than it lists, opened and listed in full.
    await w.getByRole("heading", { name: "Jouw routes" }).focus();
    const long = (await w.evaluate((el) => el.result)).kinds.find((k) => !k.outside && k.open > 0 && k.others_total > k.others.length);
    assert.ok(long, "a card with more places than it lists");
    await tabTo(page, new RegExp(`^summary: Ook bij ${long.others_total} andere`), 120);
    assert.equal(await w.evaluate((el) => el.shadowRoot.activeElement?.closest("li[data-kind]")?.dataset.kind), long.kind);
    await page.keyboard.press("Enter");
    await w.locator(`.rw-routes > li[data-kind="${long.kind}"] .rw-others`).waitFor();
    await tabTo(page, /^button.*: Toon alle/);
    await page.keyboard.press("Enter");
    await page.waitForFunction((el) => el.shadowRoot.activeElement?.classList.contains("rw-others"), await w.elementHandle(), { timeout: 10000 });
    assert.equal(await w.locator(`.rw-routes > li[data-kind="${long.kind}"] .rw-others > li`).count(), long.others_total);
    await w.getByRole("heading", { name: "Jouw routes" }).focus(); // (back to the top of the results)
    await tabTo(page, /^summary: Filters/);
    await page.keyboard.press("Enter");
    await w.locator(".rw-filters select").first().waitFor(); // (built when opened)
    await tabTo(page, /^select.*: Hoogstens zo ver \(km\)/);
    await armResult(w); // (before the key is pressed)
    await page.keyboard.press("2"); // type-ahead in the closed <select>: "25 km"
    let r = await nextResult(w);
    const listed = (r) => [...r.routes.filter((x) => x.eligibility !== "ineligible"), ...r.kinds.flatMap((k) => k.others)];
    assert.ok(listed(r).length > 0 && listed(r).every((x) => x.distance_km == null || x.distance_km <= 25), "within 25 km");
    await page.waitForFunction((el) => el.shadowRoot.activeElement?.name === "max_km", await w.elementHandle(), { timeout: 5000 });
    await tabTo(page, /^select.*: Sorteer op/);
    await armResult(w); // (before the key is pressed)
    await page.keyboard.press("a"); // type-ahead: "afstand"
    r = await nextResult(w);
    for (const k of r.kinds) {
      const d = k.others.map((x) => x.distance_km ?? Infinity);
      assert.deepEqual(d, d.toSorted((a, b) => a - b), k.kind);
    }
    await page.waitForFunction((el) => el.shadowRoot.activeElement?.name === "sort", await w.elementHandle(), { timeout: 5000 });
    await tabTo(page, /checkbox\]: Ook routes buiten mijn keuzes tonen/);
    await page.keyboard.press("Space");
    await w.locator(".rw-outside .rw-routes > li").first().waitFor();
    await waitForResults(w);
    await page.waitForFunction((el) => el.shadowRoot.activeElement?.name === "show-outside", await w.elementHandle(), { timeout: 5000 });
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  test("removing a diploma keeps focus in the form", async () => {
    const { page, context } = await openPage(h.browser);
    const w = await openDemo(page, h.server.url);
    await w.getByRole("button", { name: "Nog een diploma toevoegen" }).click();
    await w.getByRole("button", { name: "Diploma 2 verwijderen" }).focus();
    await page.keyboard.press("Enter");
    assert.equal(await w.getByRole("group", { name: "Diploma 2" }).count(), 0);
    assert.match(await focused(page), /^select.*: Welk diploma\?/);
    await context.close();
  });
});

test("axe in the other states, both themes: loading, a catalog that fails, a refused share link, browsing with every list open, the switch on with every place listed", async () => {
  for (const theme of ["light", "dark"]) {
    const themed = (page) => page.evaluate((t) => document.querySelector("route-wijzer").setAttribute("theme", t), theme);
    // Loading: the catalog held back until the scan is done (the form is built meanwhile).
    {
      const { page, context, log } = await openPage(h.browser);
      let release;
      const held = new Promise((ok) => (release = ok));
      await page.route(/\/data\/regions\/AM13\.json$/, async (route) => (await held, route.fallback()));
      await page.goto(h.server.url);
      await themed(page);
      const w = page.locator("route-wijzer");
      try {
        await w.locator(".rw-loading progress").waitFor();
        await w.locator("form").waitFor();
        await axe(page, `${theme}: loading`);
      } finally {
        release();
      }
      await w.locator(".rw-results .rw-summary").waitFor();
      assert.deepEqual(log.errors, []);
      await context.close();
    }
    // A catalog that fails to load, its details for the webmaster open.
    {
      const { page, context } = await openPage(h.browser);
      await page.route(/\/data\/regions\/AM13\.json$/, (route) => route.fulfill({ status: 404, body: "not here" }));
      await page.goto(h.server.url);
      await themed(page);
      const w = page.locator("route-wijzer");
      await w.locator(".rw-error[role=alert]").waitFor();
      await w.getByText("Details voor de beheerder van deze website").click();
      await axe(page, `${theme}: the catalog failed`);
      await context.close();
    }
    // A share link that cannot be read: its notice.
    {
      const { page, context, log } = await openPage(h.browser);
      await page.goto(`${h.server.url}#rw1.AAAA`);
      await themed(page);
      const w = page.locator("route-wijzer");
      await w.getByText(/zijn beschadigd/).waitFor();
      await axe(page, `${theme}: a refused share link`);
      assert.deepEqual(log.errors, []);
      await context.close();
    }
    // Browsing (no answers): every kind, the closed ones and the other roles open.
    {
      const { page, context, log } = await openPage(h.browser);
      const w = await openDemo(page, h.server.url);
      await themed(page);
      await w.locator(".rw-results:not([aria-busy]) .rw-summary[data-browsing]").waitFor();
      await w.locator("details > summary", { hasText: /^Routes die iets vragen/ }).click();
      await w.locator(".rw-closed > li").first().waitFor(); // (built when opened)
      await w.getByRole("heading", { name: "Andere functies in het onderwijs" }).waitFor();
      await axe(page, `${theme}: browsing`);
      assert.deepEqual(log.errors, []);
      await context.close();
    }
    // The region's real catalog: the switch on, and every place of a kind listed.
    {
      const { page, context, log } = await openPage(h.browser, { sample: false });
      const w = await openDemo(page, h.server.url);
      await themed(page);
      await fillCareerSwitcher(w);
      await w.getByLabel("Hoe ver").fill("150");
      await waitForResults(w);
      await w.locator("details", { hasText: "Filters" }).first().locator("summary").click();
      await w.getByLabel(/Ook routes buiten mijn keuzes tonen/).check();
      await w.locator(".rw-outside .rw-routes > li").first().waitFor();
      await waitForResults(w);
      const long = (await w.evaluate((el) => el.result)).kinds.find((k) => k.open > 0 && k.others_total > k.others.length);
      assert.ok(long, "a card with more places than it lists");
      const card = w.locator(`.rw-routes > li[data-kind="${long.kind}"]`);
      await card.locator("details > summary").last().click();
      await card.getByRole("button", { name: /Toon alle/ }).click();
      await w.locator(".rw-results:not([aria-busy]) .rw-others").first().waitFor();
      await waitForResults(w);
      assert.equal(await w.getByRole("button", { name: /Toon alle/ }).count(), 0, "every place listed");
      await axe(page, `${theme}: the switch on, every place listed`);
      assert.deepEqual(log.errors, []);
      await context.close();
    }
  }
});

test("usable at 320 px: no horizontal scrolling, controls fit", async () => {
  const { page, context, log } = await openPage(h.browser, { width: 320, height: 640 });
  const w = await openDemo(page, h.server.url);
  await fillSchoolLeaver(w);
  await waitForResults(w);
  await w.getByText("Waarom deze score?").first().click();
  await w.locator(".rw-factors").first().waitFor(); // built when first opened
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  const wide = await w.evaluate((el) =>
    [...el.shadowRoot.querySelectorAll("input, select, button, .rw-route, .rw-timeline")].filter((n) => n.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map((n) => n.className || n.name));
  assert.deepEqual(wide, []);
  await screenshot(page, "results-light-320");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("the live region announces the number of routes when results change", async () => {
  const { page, context } = await openPage(h.browser);
  const w = await openDemo(page, h.server.url);
  const live = w.locator("[aria-live=polite]");
  assert.equal(await live.innerText(), "");
  await fillSchoolLeaver(w);
  await waitForResults(w);
  const a = await live.innerText();
  assert.match(a, /^\d+ soorten? routes? staa?n? voor je open/);
  await w.getByLabel("Mbo", { exact: true }).check();
  await w.getByLabel("Welk diploma?").selectOption("hbo-bachelor");
  await waitForResults(w);
  assert.notEqual(await live.innerText(), a);
  await context.close();
});
