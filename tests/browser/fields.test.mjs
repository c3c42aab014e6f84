// Study field from a vocabulary: the search module (www/js/fields.js over
// www/data/fields.json) in node, and the study-field questions of the demo page: synonyms in
// both languages map to the relatedness table's field ids, text that matches nothing gets a
// notice with the closest suggestions (and goes into the profile as typed), the list works
// with the keyboard alone, and axe (WCAG 2.2 AA) finds nothing with the list open.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { FieldTable } from "../../www/js/fields.js";
import { axe, events, harness, openDemo, openPage, screenshot, waitForResults } from "./helpers.mjs";

const json = JSON.parse(readFileSync(new URL("../../www/data/fields.json", import.meta.url), "utf8"));
const table = new FieldTable(json);
const rules = JSON.parse(readFileSync(new URL("../../data/rules.json", import.meta.url), "utf8"));

describe("the vocabulary (node)", () => {
  test("synonyms and degree names in Dutch and English map to the relatedness table's ids", () => {
    const id = (q) => table.resolve(q, "nl").field?.field;
    for (const q of ["chemistry", "Chemistry", "Chemie", "scheikunde", "Scheikunde (MSc)", "scheikunde (MSc)", "Master of Science in Chemistry", "BSc Chemistry", "Molecular Life Sciences", "Chemsitry"]) assert.equal(id(q), "scheikunde", q);
    assert.equal(id("Technische Natuurkunde"), "natuurkunde");
    assert.equal(id("Bedrijfskunde"), "bedrijfskunde");
    assert.equal(id("hbo Bedrijfskunde"), "bedrijfskunde");
    assert.equal(id("Commerciële Economie"), "commerciele-economie");
    assert.equal(id("commerciele economie"), "commerciele-economie");
    assert.equal(id("HBO-ICT"), "hbo-ict");
    assert.equal(id("toegepaste wiskunde"), "toegepaste-wiskunde");
    assert.equal(id("Mechanical Engineering"), "werktuigbouwkunde");
    assert.equal(table.resolve("Chemsitry", "nl").exact, false, "a typo is read, and the notice says so");
  });

  test("degrees that relate to no subject keep an id of their own, marked unrelated", () => {
    for (const [q, want] of [["Pabo", "pabo"], ["communicatie", "communicatie"], ["Psychology", "psychologie"], ["pedagogisch medewerker", "pedagogisch-werk"], ["Pedagogisch werk", "pedagogisch-werk"], ["onderwijsassistent", "onderwijsassistent"]]) {
      const f = table.resolve(q, "nl").field;
      assert.equal(f.field, want, q);
      assert.equal(f.related, false, q);
    }
  });

  test("text that matches nothing: no field, the closest suggestions", () => {
    const r = table.resolve("astrologie", "nl");
    assert.equal(r.field, null);
    assert.ok(r.suggestions.length > 0 && r.suggestions.length <= 3);
    assert.deepEqual(table.resolve("qqqqqq", "nl").suggestions, []);
    assert.equal(table.resolve("werktuig", "nl").field, null, "half-typed");
    assert.equal(table.search("werktuig", "nl")[0].field, "werktuigbouwkunde");
  });

  test("every field of the relatedness table has an entry, and every name resolves to its own field", () => {
    const related = new Set(rules.relatedness.map((r) => r.field));
    for (const f of related) assert.equal(table.fields.get(f)?.related, true, f);
    for (const f of table.fields.values()) {
      assert.equal(f.related, related.has(f.id), f.id);
      assert.equal(table.resolve(f.nl, "nl").field?.field, f.id, f.nl);
      assert.equal(table.resolve(f.en, "en").field?.field, f.id, f.en);
    }
    assert.equal(table.name("scheikunde", "en"), "Chemistry");
  });
});

const h = harness({ csp: true });

async function demo(opts) {
  const { page, context, log } = await openPage(h.browser, opts);
  const w = await openDemo(page, h.server.url);
  await w.getByLabel("Welk diploma?").selectOption("wo-master");
  return { page, context, log, w };
}
const field = (w) => w.getByLabel("Studierichting", { exact: true });
const diploma = async (w) => (await w.evaluate((el) => el.profile)).diplomas[0];

describe("the study-field question on the demo page (strict CSP)", () => {
  test('"chemistry" maps to scheikunde; "Chemie" too; no notice', async () => {
    const { page, context, log, w } = await demo();
    for (const text of ["chemistry", "Chemie", "scheikunde (MSc)"]) {
      await field(w).fill(text);
      await page.waitForFunction((el) => el.profile.diplomas?.[0]?.field === "scheikunde", await w.elementHandle());
      await waitForResults(w);
      assert.equal((await diploma(w)).field, "scheikunde", text);
      assert.equal(await w.locator('[data-for="d1-field"] .rw-notice:visible').count(), 0, text);
    }
    assert.deepEqual(await events(page, "error"), []);
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  test("a field that matches nothing gets a notice with suggestions, and the profile carries the text", async () => {
    const { page, context, log, w } = await demo();
    await field(w).fill("astrologie");
    const notice = w.locator('[data-for="d1-field"] .rw-notice');
    await notice.waitFor();
    assert.match(await notice.innerText(), /^Studierichting niet herkend: bedoel je .+\?/);
    assert.equal(await field(w).getAttribute("aria-describedby"), `${await field(w).getAttribute("id")}-hint ${await field(w).getAttribute("id")}-notice`);
    await waitForResults(w);
    assert.equal((await diploma(w)).field, "astrologie");
    // A degree that relates to no subject: its own id, and the notice says why it counts for no subject.
    await field(w).fill("Communicatiewetenschap");
    await page.waitForFunction((el) => el.profile.diplomas?.[0]?.field === "communicatie", await w.elementHandle());
    assert.match(await notice.innerText(), /hoort bij geen schoolvak/);
    assert.deepEqual(await events(page, "error"), []);
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  test("keyboard only: type, arrow down, Enter picks the field; in English too", async () => {
    const { page, context, w } = await demo();
    await field(w).focus();
    await page.keyboard.type("chemi", { delay: 40 });
    const list = w.getByRole("listbox", { name: "Suggesties" });
    await list.waitFor();
    const options = await list.getByRole("option").allInnerTexts();
    assert.match(options[0], /^Scheikunde/);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    assert.equal(await field(w).inputValue(), "Scheikunde");
    assert.equal(await list.isVisible(), false);
    await waitForResults(w);
    assert.equal((await diploma(w)).field, "scheikunde");
    // The study question (under "Meer over je situatie") is the same kind of field.
    await w.getByText("Meer over je situatie").click();
    await w.getByLabel("Studeer je nu? Op welk niveau?").selectOption("hbo-bachelor");
    const study = w.getByLabel("Studierichting van je studie");
    await study.focus();
    await page.keyboard.type("HBO-I", { delay: 40 });
    await w.getByRole("listbox").filter({ visible: true }).waitFor();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    assert.equal(await study.inputValue(), "HBO-ICT");
    await waitForResults(w);
    assert.equal((await w.evaluate((el) => el.profile)).study.field, "hbo-ict");
    // English: names in English, the same ids.
    await w.evaluate((el) => el.setAttribute("lang", "en"));
    const en = w.getByLabel("Field of study", { exact: true });
    await en.waitFor();
    assert.equal(await en.inputValue(), "Chemistry");
    assert.equal((await diploma(w)).field, "scheikunde");
    await context.close();
  });

  test("axe (WCAG 2.2 AA): no violations with the field list open and with a notice", async () => {
    const { page, context, w } = await demo({ width: 375 });
    await field(w).focus();
    await page.keyboard.type("eco", { delay: 30 });
    await w.getByRole("listbox").filter({ visible: true }).waitFor();
    await page.keyboard.press("ArrowDown");
    await axe(page, "field list open");
    await screenshot(page, "fields-list-375");
    await page.keyboard.press("Escape");
    await field(w).fill("astrologie");
    await w.locator(".rw-notice:visible").waitFor();
    await axe(page, "field notice");
    await context.close();
  });
});
