// Date questions: the reader of typed dates (www/js/dates.js parseDate) in node, and the
// date questions of the demo page: text fields read as day-month-year, written out in words
// once the person leaves the field, a notice for text that is no date (left out of the
// answers, never an error), the filters' "starting before" the same way, in both languages;
// and no native date field on the page (its format is the browser's, not the page's).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parseDate } from "../../www/js/dates.js";
import { Words } from "../../www/js/i18n.js";
import { axe, events, harness, openDemo, openPage, screenshot, waitForResults } from "./helpers.mjs";

describe("parseDate (node)", () => {
  test("day-month-year with any usual separator, year-month-day", () => {
    for (const s of ["25-9-2027", "25-09-2027", "25/9/2027", "25.9.2027", "25 9 2027", " 25 - 9 - 2027 ", "25-9-27", "2027-09-25", "2027-9-25"]) assert.equal(parseDate(s), "2027-09-25", s);
  });

  test("two-digit years: 20xx up to 49, 19xx from 50 (a programme left last century)", () => {
    assert.equal(parseDate("1-9-27"), "2027-09-01");
    assert.equal(parseDate("1-9-49"), "2049-09-01");
    assert.equal(parseDate("1-9-50"), "1950-09-01");
    assert.equal(parseDate("1-9-98"), "1998-09-01");
  });

  test("months as words, Dutch or English whatever the widget's language, whole or from three letters, before or after the day", () => {
    const cases = {
      "1 september 2027": "2027-09-01", "1 Sept. 2027": "2027-09-01", "3 maart 2027": "2027-03-03", "3 mrt 2027": "2027-03-03",
      "3 March 2027": "2027-03-03", "3 mar 2027": "2027-03-03", "1 mei 2027": "2027-05-01", "1 May 2027": "2027-05-01",
      "15 okt 2027": "2027-10-15", "15 October 2027": "2027-10-15", "1 juli 2027": "2027-07-01", "1 juni 2027": "2027-06-01",
      "1 June 2027": "2027-06-01", "September 25, 2027": "2027-09-25", "sep 25th, 2027": "2027-09-25", "25 september, 2027": "2027-09-25",
    };
    for (const [s, want] of Object.entries(cases)) assert.equal(parseDate(s), want, s);
    assert.equal(parseDate("1 ju 2027"), null, "two letters name no month");
    assert.equal(parseDate("1 mayonnaise 2027"), null, "a word that is no month's name");
  });

  test("no date: not a day of the calendar, a year outside 1900-2100, or not a date at all; never throws", () => {
    for (const s of ["31-2-2027", "29-2-2027", "1-13-2027", "0-1-2027", "32-1-2027", "1-1-0001", "1-9-0227", "1-1-1899", "1-1-2101", "", "   ", "morgen", "2027", "1-9", "1-9-027", "12345-1-1", null, undefined, {}, 42]) assert.equal(parseDate(s), null, String(s));
    assert.equal(parseDate("29-2-2028"), "2028-02-29", "a leap day");
  });

  test("a date written out by the widget reads back as the same date, in both languages", () => {
    for (const lang of ["nl", "en"]) {
      const w = new Words(lang, JSON.parse(readFileSync(new URL(`../../src/i18n/${lang}.json`, import.meta.url), "utf8")));
      for (let d = Date.UTC(2026, 0, 1); d < Date.UTC(2028, 0, 1); d += 86400000) {
        const iso = new Date(d).toISOString().slice(0, 10);
        assert.equal(parseDate(w.date(iso)), iso, `${lang} ${w.date(iso)}`);
      }
    }
  });
});

const h = harness({ csp: true });
const profile = (w) => w.evaluate((el) => el.profile);

describe("the date questions on the demo page (strict CSP)", () => {
  test("typed as day-month-year, read into the answers, written out in words on leaving the field", async () => {
    const { page, context, log } = await openPage(h.browser, { width: 375 });
    const w = await openDemo(page, h.server.url);
    assert.equal(await w.locator('input[type="date"]').count(), 0, "no native date field");
    const from = w.getByLabel("Vanaf wanneer kun je beginnen?");
    assert.match(await w.locator(`#${await from.getAttribute("id")}-hint`).innerText(), /Dag-maand-jaar, bijvoorbeeld 25-9-2027/);
    await from.fill("1-9-2027");
    await page.waitForFunction((el) => el.profile.available_from === "2027-09-01", await w.elementHandle());
    await from.press("Tab");
    assert.equal(await from.inputValue(), "1 september 2027");
    assert.equal((await profile(w)).available_from, "2027-09-01", "the date in words reads the same");
    await waitForResults(w);

    // Text that is no date: a notice once the field is left, the date left out, no error.
    await from.fill("31-2-2027");
    await page.waitForFunction((el) => !("available_from" in el.profile), await w.elementHandle());
    const notice = w.locator('[data-for="from"] .rw-notice');
    assert.equal(await notice.isVisible(), false, "no notice while typing");
    await from.press("Tab");
    await notice.waitFor();
    assert.match(await notice.innerText(), /^Deze datum kunnen we niet lezen/);
    assert.equal(await from.getAttribute("aria-invalid"), "true");
    assert.ok((await from.getAttribute("aria-describedby")).split(" ").includes(await notice.getAttribute("id")));
    assert.deepEqual(log.errors, []);
    await axe(page, "a date notice");
    log.errors.length = 0; // axe-core's own inline styles, refused by the page's CSP
    await from.scrollIntoViewIfNeeded();
    await screenshot(page, "dates-notice-375", { fullPage: false });
    // Mended: the notice goes as soon as the text is a date.
    await from.fill("28-2-2027");
    await notice.waitFor({ state: "hidden" });
    assert.equal(await from.getAttribute("aria-invalid"), null);
    await page.waitForFunction((el) => el.profile.available_from === "2027-02-28", await w.elementHandle());

    // Answers set on the element show their dates in words, in the widget's language.
    await w.evaluate((el) => (el.profile = { available_from: "2027-09-01", job: { sector: "po", role: "leraar", hours_per_week: 20, offer: true, start_date: "2027-01-04" } }));
    assert.equal(await from.inputValue(), "1 september 2027");
    assert.equal(await w.getByLabel("Eerste werkdag").inputValue(), "4 januari 2027");
    await w.evaluate((el) => el.setAttribute("lang", "en"));
    const en = w.getByLabel("From when can you start?");
    await en.waitFor();
    assert.equal(await en.inputValue(), "1 September 2027");
    assert.equal((await profile(w)).available_from, "2027-09-01");
    assert.deepEqual(await events(page, "error"), []);
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  test('the filters\' "starting before" takes a typed date the same way', async () => {
    const { page, context, log } = await openPage(h.browser);
    const w = await openDemo(page, h.server.url);
    await w.getByLabel("Welk diploma?").selectOption("hbo-bachelor");
    await waitForResults(w);
    await w.locator("summary", { hasText: "Filters" }).click();
    const before = w.getByLabel("Start uiterlijk");
    // Every start of the routes listed, before and after the filter.
    const starts = () => w.locator(".rw-kinds > .rw-kind").evaluateAll((cards) => cards.map((c) => c.dataset.offering));
    const all = await starts();
    await before.fill("1-3-2027");
    await before.press("Tab");
    assert.equal(await before.inputValue(), "1 maart 2027");
    await page.waitForFunction(async (el) => el.shadowRoot.querySelector(".rw-results:not([aria-busy])"), await w.elementHandle());
    await waitForResults(w);
    const filtered = await starts();
    assert.ok(filtered.length < all.length, `the filter leaves fewer kinds (${filtered.length} of ${all.length})`);
    await before.fill("1 smarch 2027");
    await before.press("Tab");
    const hint = w.locator(`#${await before.getAttribute("id")}-hint`);
    await page.waitForFunction((el) => el.shadowRoot.querySelector('[name="start_before"][aria-invalid="true"]'), await w.elementHandle());
    assert.match(await hint.innerText(), /^Deze datum kunnen we niet lezen/);
    await waitForResults(w);
    assert.deepEqual(await starts(), all, "a date it cannot read is no filter");
    assert.deepEqual(await events(page, "error"), []);
    assert.deepEqual(log.errors, []);
    await context.close();
  });
});
