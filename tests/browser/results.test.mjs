// The answer first (issue #10): one card per kind of route, counts that match what can be
// reached, preferences as filters with an explicit "also show" switch, the candidate's own
// filters, browsing without answers, and the results within reach on a phone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { armResult, axe, fillCareerSwitcher, nextResult, openDemo, openPage, ready, screenshot, waitForResults, harness, TODAY } from "./helpers.mjs";

const h = harness();

/** Waits until the results are all in (no slice still to come, no newer result on its way). */
async function settled(w) {
  await w.locator(".rw-results:not([aria-busy])").waitFor({ timeout: 20000 });
}

/** The facts (label -> text) of the first card of `kind`. */
async function cardFacts(w, kind) {
  const dl = w.locator(`.rw-routes > li[data-kind="${kind}"] .rw-facts`).first();
  return Object.fromEntries(await dl.locator("div").evaluateAll((ds) => ds.map((d) => [d.querySelector("dt").textContent, d.querySelector("dd").textContent])));
}

/** The kinds of the open cards shown, and the result's kind summaries. */
async function shown(w) {
  const cards = await w.locator(".rw-routes > li").evaluateAll((lis) => lis.map((li) => li.dataset.kind));
  const kinds = await w.evaluate((el) => el.result.kinds);
  return { cards, kinds };
}

test("a po-only candidate sees only po routes until the switch; the answer counts the cards", async () => {
  const { page, context, log } = await openPage(h.browser);
  const w = await openDemo(page, h.server.url);
  await fillCareerSwitcher(w);
  await waitForResults(w);
  const { cards, kinds } = await shown(w);
  const byKind = Object.fromEntries(kinds.map((k) => [k.kind, k]));
  assert.ok(cards.length > 0);
  for (const k of cards) {
    assert.equal(byKind[k].outside, false, `${k} is outside the candidate's choices but shown`);
    assert.ok(byKind[k].sectors.includes("po"), `${k} is not a po route`);
  }
  const outsideOpen = kinds.filter((k) => k.outside && k.open > 0).map((k) => k.kind);
  assert.ok(outsideOpen.length > 0, "the sample has open routes outside po (PDG, hybride docent)");
  // Cards not shown are not matched in full (MatchView.outside): their routes are not in the result.
  const outsideRoutes = (r) => r.routes.filter((x) => x.outside).length;
  assert.equal(outsideRoutes(await w.evaluate((el) => el.result)), 0, "no route of a kind outside the choices, in full");
  // The answer says how many kinds are open: exactly the cards.
  const said = Number((await w.locator(".rw-summary").innerText()).match(/(\d+) soorten? routes?/)[1]);
  assert.equal(said, cards.length);
  // So do the headings: "Open voor jou (N)" over the cards, "Nu niet mogelijk… (M)" over the
  // closed kinds' entries (built when opened), and those too are po kinds only.
  const n = async (re) => Number((await w.getByText(re).first().innerText()).match(/\((\d+)\)/)[1]);
  assert.equal(await n(/^Open voor jou \(\d+\)$/), cards.length, "the open heading counts the cards");
  await w.locator("summary", { hasText: /^Nu niet mogelijk/ }).click();
  await w.locator(".rw-closed > li").first().waitFor();
  const closedKinds = await w.locator(".rw-closed > li").evaluateAll((lis) => lis.map((li) => li.dataset.kind));
  assert.ok(closedKinds.length > 0, "some kinds are closed to this candidate");
  assert.equal(await n(/^Nu niet mogelijk, en wat zou helpen \(\d+\)$/), closedKinds.length, "the closed heading counts the entries");
  // (A kind with routes inside and outside the choices, herintreding, has an entry for each.)
  const insidePo = new Set(kinds.filter((k) => !k.outside && k.sectors.includes("po")).map((k) => k.kind));
  for (const k of closedKinds) assert.ok(insidePo.has(k), `${k}: a closed kind outside po is listed`);
  // And the pathways shown.
  const pathways = await w.locator(".rw-pathway").evaluateAll((lis) => lis.map((li) => li.dataset.offering));
  const result = await w.evaluate((el) => el.result);
  assert.ok(pathways.length > 0);
  for (const o of pathways) assert.ok(insidePo.has(result.pathways.find((p) => p.offering === o)?.kind), `pathway ${o} is not of a po kind`);
  // The switch shows the others, in a section of their own.
  await w.locator("details", { hasText: "Filters" }).first().locator("summary").click();
  await w.getByLabel(/Ook routes buiten mijn keuzes tonen/).check();
  await w.locator(".rw-outside .rw-routes > li").first().waitFor();
  await settled(w);
  const after = await w.locator(".rw-outside .rw-routes > li").evaluateAll((lis) => lis.map((li) => li.dataset.kind));
  assert.deepEqual(after.sort(), outsideOpen.sort());
  assert.ok(outsideRoutes(await w.evaluate((el) => el.result)) >= outsideOpen.length, "the switch matched them in full");
  assert.equal(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.name), "show-outside", "the focus stays on the switch");
  // Off again: the section goes, and so do their routes.
  await w.getByLabel(/Ook routes buiten mijn keuzes tonen/).uncheck();
  await w.locator(".rw-outside").waitFor({ state: "detached" });
  await settled(w);
  assert.equal(outsideRoutes(await w.evaluate((el) => el.result)), 0);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("filters: paid while training and a maximum distance leave routes out and say how many", async () => {
  const { page, context, log } = await openPage(h.browser);
  const w = await openDemo(page, h.server.url);
  await fillCareerSwitcher(w);
  await waitForResults(w);
  await w.locator("details", { hasText: "Filters" }).first().locator("summary").click();
  await armResult(w);
  await w.getByLabel("Alleen met salaris tijdens de opleiding").check();
  const r = await nextResult(w);
  await w.locator(".rw-filters .rw-hidden-n").waitFor();
  assert.ok(r.counts.hidden > 0, "unpaid routes are hidden");
  const listed = [...r.routes, ...r.kinds.flatMap((k) => k.others)];
  assert.ok(listed.length > 0 && listed.every((x) => x.paid_while_learning), "only paid routes are listed");
  assert.match(await w.locator(".rw-filters .rw-hidden-n").innerText(), new RegExp(`${r.counts.hidden} opleidingsplekken`));
  // The focus stays on the control the candidate used.
  await page.waitForFunction((el) => el.shadowRoot.activeElement?.name === "paid", await w.elementHandle(), { timeout: 10000 });
  await w.getByLabel("Alleen met salaris tijdens de opleiding").uncheck();
  await w.getByLabel("Hoogstens zo ver (km)").selectOption("10");
  // The result of both changes (a match each, or one for both) once it is all in: nothing
  // beyond 10 km is listed (a result still for "paid only" lists places up to 40 km).
  const beyond = () => w.evaluate((el) => [...el.result.routes, ...el.result.kinds.flatMap((k) => k.others)].filter((x) => x.distance_km > 10).length);
  for (let i = 0; i < 40 && (await beyond()); i++) await page.waitForTimeout(250);
  await settled(w);
  assert.equal(await beyond(), 0, "no place beyond 10 km in the result");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("also at: all the places are counted, and the order chosen applies to all of them before the list is cut", async () => {
  const { page, context, log } = await openPage(h.browser, { sample: false }); // the region's real catalog: kinds with many places
  const w = await openDemo(page, h.server.url);
  await fillCareerSwitcher(w);
  await w.getByLabel("Hoe ver").fill("150"); // every place in the region within reach
  await waitForResults(w);
  await page.waitForTimeout(300);
  const open = (r) => r.kinds.filter((k) => !k.outside && k.open > 0);
  const before = open(await w.evaluate((el) => el.result));
  const long = before.find((k) => k.others_total > k.others.length);
  assert.ok(long, `a card with more places than listed (${before.map((k) => `${k.kind} ${k.others.length}/${k.others_total}`)})`);
  assert.equal(long.others.length, 9);
  const card = w.locator(`.rw-routes > li[data-kind="${long.kind}"]`);
  assert.match(await card.locator("details > summary").last().innerText(), new RegExp(`Ook bij ${long.others_total} andere`));
  // Nearest first: the widget asks the core again (the order is the core's, over all the places).
  await w.locator("details", { hasText: "Filters" }).first().locator("summary").click();
  await armResult(w);
  await w.getByLabel("Sorteer op").selectOption("distance");
  const after = open(await nextResult(w));
  await page.waitForFunction((el) => el.shadowRoot.activeElement?.name === "sort", await w.elementHandle(), { timeout: 2000 }); // the focus stays on the control used
  const km = (x) => x.distance_km ?? Infinity;
  for (const k of after) {
    const d = k.others.map(km);
    assert.deepEqual(d, [...d].sort((a, b) => a - b), `${k.kind}: ${d}`);
  }
  const sorted = after.find((k) => k.kind === long.kind);
  assert.equal(sorted.others_total, long.others_total);
  await card.locator("details > summary").last().click();
  assert.equal(await card.locator(".rw-hint").innerText(), `Hieronder de 9 dichtstbijzijnde. Toon alle ${long.others_total} opleidingsplekken`);
  const listed = await card.locator(".rw-others > li").evaluateAll((lis) => lis.map((li) => li.dataset.offering));
  assert.deepEqual(listed, sorted.others.map((x) => x.offering));
  // Each place says its own mode of study (not the card's best one's).
  const modes = await card.locator(".rw-others > li .rw-meta").evaluateAll((els) => els.map((e) => e.textContent));
  sorted.others.forEach((x, i) => assert.ok(modes[i].includes(` · ${x.mode.replace("-", " ")} · `), `${x.offering}: ${modes[i]}`));
  // "Show all": every place, in the same order; the nine shown before are its start (the
  // core ordered all the places before it cut the list), and the list gets the focus.
  await armResult(w);
  await card.getByRole("button", { name: /Toon alle/ }).click();
  const all = (await nextResult(w)).kinds.find((k) => k.kind === long.kind);
  assert.equal(all.others.length, long.others_total);
  const d = all.others.map(km);
  assert.deepEqual(d, [...d].sort((a, b) => a - b));
  assert.deepEqual(all.others.slice(0, 9).map((x) => x.offering), listed);
  await page.waitForFunction((el) => el.shadowRoot.activeElement?.classList.contains("rw-others"), await w.elementHandle(), { timeout: 2000 });
  assert.equal(await card.locator(".rw-others > li").count(), long.others_total);
  assert.equal(await card.locator(".rw-hint").count(), 0, "nothing left to say: all are listed");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("also at: by soonest start and by lowest cost, over all the places, as the card lists them", async () => {
  const { page, context, log } = await openPage(h.browser, { sample: false }); // the region's real catalog: kinds with many places
  const w = await openDemo(page, h.server.url);
  await fillCareerSwitcher(w);
  await w.getByLabel("Hoe ver").fill("150");
  await waitForResults(w);
  await w.locator("details", { hasText: "Filters" }).first().locator("summary").click();
  // Places without a start or a cost come last (their rank order among themselves).
  const orders = { start: [(x) => x.start_date ?? "9999-12-31", "die het eerst beginnen"], cost: [(x) => x.cost_eur_per_year ?? Infinity, "goedkoopste"] };
  for (const [order, [key, words]] of Object.entries(orders)) {
    await armResult(w);
    await w.getByLabel("Sorteer op").selectOption(order);
    const r = await nextResult(w);
    await settled(w);
    const kinds = r.kinds.filter((k) => !k.outside && k.open > 0 && k.others.length > 1);
    assert.ok(kinds.length > 0, "cards with other places");
    for (const k of kinds) {
      const v = k.others.map(key);
      assert.deepEqual(v, v.toSorted((a, b) => (a < b ? -1 : a > b ? 1 : 0)), `${order}, ${k.kind}: ${v}`);
    }
    assert.ok(kinds.some((k) => new Set(k.others.map(key)).size > 1), `${order}: places that differ in what they are ordered by`);
    const long = kinds.find((k) => k.others_total > k.others.length);
    assert.ok(long, `${order}: a card with more places than it lists`);
    const card = w.locator(`.rw-routes > li[data-kind="${long.kind}"]`);
    const details = card.locator("details").last();
    if (!(await details.evaluate((d) => d.open))) await details.locator("summary").click();
    await card.locator(".rw-others > li").first().waitFor(); // (built when opened)
    assert.deepEqual(await card.locator(".rw-others > li").evaluateAll((lis) => lis.map((li) => li.dataset.offering)), long.others.map((x) => x.offering), order);
    assert.match(await card.locator("details").last().locator(".rw-hint").textContent(), new RegExp(words)); // (off screen: no innerText)
  }
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a closed kind says why, and the one change that would open it, on its own entry", async () => {
  const { page, context, log } = await openPage(h.browser);
  const w = await openDemo(page, h.server.url);
  await fillCareerSwitcher(w);
  await waitForResults(w);
  const r = await w.evaluate((el) => el.result);
  const closed = r.kinds.filter((k) => !k.outside && k.open === 0);
  assert.ok(closed.some((k) => k.what_if) && closed.some((k) => !k.what_if), `closed kinds with and without a change that opens them: ${closed.map((k) => `${k.kind} ${!!k.what_if}`)}`);
  await w.locator("details", { hasText: "Nu niet mogelijk, en wat zou helpen" }).locator("summary").click();
  await w.locator(".rw-closed > li").first().waitFor(); // (built when opened)
  assert.equal(await w.locator(".rw-closed > li").count(), closed.length);
  for (const k of closed) {
    const li = w.locator(`.rw-closed > li[data-kind="${k.kind}"]`);
    const best = r.routes.find((x) => x.offering === k.best);
    assert.equal(await li.locator(".rw-findings > li").count(), best.blockers.length, `${k.kind}: why it is closed`);
    assert.ok(best.blockers.length > 0, `${k.kind}: a reason`);
    if (!k.what_if) {
      assert.equal(await li.locator(".rw-whatif").count(), 0, k.kind);
      continue;
    }
    const wi = li.locator(".rw-whatif");
    assert.equal(await wi.getAttribute("data-offering"), k.what_if.offering);
    assert.match(await wi.innerText(), /^Dit zou hem openen:/);
    assert.deepEqual(await wi.locator("li").allInnerTexts(), k.what_if.changes.map((c) => c.text));
  }
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a closed kind offered only in other subjects says which: a chemist and the educatieve master", async () => {
  const { page, context, log } = await openPage(h.browser, { sample: false }); // the region's real catalog
  const w = await openDemo(page, h.server.url);
  await ready(w);
  await armResult(w);
  await w.evaluate((el) => (el.profile = { diplomas: [{ level: "wo-master", field: "scheikunde" }], sectors: ["vo"], location: { postcode: "3511" }, age: 41 }));
  const r = await nextResult(w);
  const edu = r.kinds.find((k) => k.kind === "educatieve-master" && !k.outside);
  assert.ok(edu && edu.open === 0, "AM13 offers the educatieve master in other subjects only");
  assert.ok(edu.subjects.length > 1 && !edu.subjects.includes("scheikunde"), edu.subjects.join());
  // Open kinds list none (their cards show their places).
  assert.ok(r.kinds.filter((k) => k.open > 0).every((k) => k.subjects.length === 0));
  await w.locator("details", { hasText: "Nu niet mogelijk, en wat zou helpen" }).locator("summary").click();
  const li = w.locator('.rw-closed > li[data-kind="educatieve-master"]');
  const text = await li.locator(".rw-offered").innerText();
  // Each subject's Dutch label, in a Dutch list ("a, b en c").
  const labels = await page.evaluate(async (ids) => { const nl = await (await fetch("/i18n/nl.json")).json(); return ids.map((s) => nl.labels.subject[s]); }, edu.subjects);
  assert.ok(labels.every(Boolean), labels.join());
  assert.equal(text, `Hier aangeboden voor: ${new Intl.ListFormat("nl", { type: "conjunction" }).format(labels)}.`);
  assert.doesNotMatch(text, /scheikunde/i);
  // Someone who named no field and no subject is not told which subjects: nothing says
  // theirs is missing (an mbo-2 diploma closes these kinds, not a subject).
  await armResult(w);
  await w.evaluate((el) => (el.profile = { diplomas: [{ level: "mbo-2" }], sectors: ["vo"], location: { postcode: "3511" }, age: 20 }));
  const mbo = await nextResult(w);
  assert.ok(mbo.kinds.some((k) => k.open === 0), "closed kinds");
  assert.ok(mbo.kinds.every((k) => k.subjects.length === 0), mbo.kinds.filter((k) => k.subjects.length).map((k) => k.kind).join());
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("what the candidate said stays in view: an unpaid route to one who must earn, a place beyond their distance", async () => {
  const { page, context, log } = await openPage(h.browser, { sample: false }); // the region's real catalog: places beyond 40 km
  const w = await openDemo(page, h.server.url);
  await fillCareerSwitcher(w); // must earn while training; at most 40 km
  await waitForResults(w);
  await page.waitForTimeout(300);
  const r = await w.evaluate((el) => el.result);
  const cards = r.kinds.filter((k) => !k.outside && k.open > 0);
  // Pay: an unpaid best offering says that the candidate needs pay; a paid one does not.
  const pays = [];
  for (const k of cards) {
    const best = r.routes.find((x) => x.offering === k.best);
    const li = w.locator(`.rw-routes > li[data-kind="${k.kind}"]`);
    const pay = await li.locator(".rw-facts > div", { hasText: "Salaris" }).locator("dd").textContent(); // cards off screen have no innerText
    pays.push(best.paid_while_learning);
    if (!best.paid_while_learning && !best.pay) assert.equal(pay, "Nee, en je zei dat je moet verdienen tijdens de opleiding", k.kind);
    else assert.doesNotMatch(pay, /je zei/, k.kind);
  }
  assert.ok(pays.includes(false) && pays.includes(true), `paid and unpaid cards: ${pays}`);
  // Cost: a route the school pays says how sure the subsidy that pays it is (zij-instroom:
  // CONFLICT on its end date, ROUTES section 11).
  const STATUS = { unconfirmed: "onbevestigd", conflict: "bronnen spreken elkaar tegen", dated: "mogelijk verouderd" };
  const schoolPays = cards.map((k) => r.routes.find((x) => x.offering === k.best)).filter((x) => x.cost_basis === "werkgever" && x.cost_source && x.cost_source.status !== "confirmed");
  assert.ok(schoolPays.length > 0, "a school-paid route with an unsure subsidy");
  for (const x of schoolPays) {
    const cost = await w.locator(`.rw-routes > li[data-offering="${x.offering}"] .rw-facts > div`, { hasText: "Kosten" }).locator("dd").textContent();
    assert.match(cost, new RegExp(`betaald door de school; subsidie voor de school: ${STATUS[x.cost_source.status]}`), cost);
  }
  // Distance: every place listed beyond 40 km says so, every one within does not.
  const far = [];
  for (const k of cards.filter((k) => k.others.length)) {
    const li = w.locator(`.rw-routes > li[data-kind="${k.kind}"]`);
    await li.locator("details > summary").last().click();
    for (const x of k.others.filter((x) => x.distance_km != null)) {
      const text = await li.locator(`.rw-others > li[data-offering="${x.offering}"]`).textContent();
      if (x.distance_km > 40) {
        far.push(x.offering);
        assert.match(text, /km, verder dan de 40 km die je opgaf/, text);
      } else assert.doesNotMatch(text, /verder dan/, text);
    }
  }
  assert.ok(far.length > 0, "a place beyond 40 km is listed");
  // Pathways too: where the training is and how far (the job may be near while the training
  // is not), and why no job is shown: none needed, or none found for a route that needs one.
  const shown = r.pathways.slice(0, 3);
  assert.ok(shown.length > 0, "pathways");
  for (const pw of shown) {
    const li = w.locator(`.rw-pathway[data-offering="${pw.offering}"]`).first();
    const meta = await li.locator(":scope > .rw-meta").textContent();
    assert.deepEqual(meta.split(" · ").slice(0, 2), [pw.institution, pw.place].filter(Boolean), `${pw.offering}: ${meta}`);
    if (pw.distance_km != null) assert.match(meta, pw.distance_km > 40 ? /km, verder dan de 40 km die je opgaf$/ : /\d km$/, meta);
    const job = await li.locator(":scope > .rw-job").textContent();
    if (pw.own_job || pw.vacancy) assert.doesNotMatch(job, /vacature gevonden|geen baan nodig/i, job);
    else assert.equal(job, pw.needs_job ? "Deze route vraagt een baan: nog geen passende vacature gevonden" : "Voor deze route heb je geen baan nodig");
  }
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a pathway says where its training is and how far, and why it shows no job: none needed, or none found", async () => {
  const { page, context, log } = await openPage(h.browser);
  const w = await openDemo(page, h.server.url);
  await ready(w);
  const switcher = { diplomas: [{ level: "havo" }, { level: "hbo-bachelor", field: "bedrijfskunde" }], sectors: ["po"], location: { postcode: "3812" }, max_travel_km: 40, age: 35 };
  const seen = new Set();
  // 36 hours: the sample pairs Fontys (Eindhoven, 79 km) with a nearby school; 12 hours: no
  // post is small enough for zij-instroom (it asks 16), and a shortened pabo needs none; a
  // returning teacher with 8 hours: herintreding is a return to a job, with no post of 8 hours.
  const profiles = [
    { ...switcher, hours_per_week: 36 },
    { ...switcher, hours_per_week: 12 },
    { diplomas: [{ level: "hbo-bachelor", field: "pedagogiek" }], qualifications: [{ qualification: "po" }], sectors: ["po"], hours_per_week: 8, location: { postcode: "3701" }, max_travel_km: 40, age: 52 },
  ];
  for (const profile of profiles) {
    await armResult(w);
    await w.evaluate((el, p) => (el.profile = p), profile);
    const r = await nextResult(w);
    await settled(w);
    for (const pw of r.pathways.slice(0, 3)) {
      const li = w.locator(`.rw-pathway[data-offering="${pw.offering}"]`).first();
      const meta = await li.locator(":scope > .rw-meta").textContent();
      assert.equal(meta.split(" · ")[0], pw.institution, meta);
      if (pw.place) assert.equal(meta.split(" · ")[1], pw.place, meta);
      else seen.add("no place"), assert.equal(meta, pw.institution, "a route without a place names no place and no distance");
      if (pw.distance_km > 40) seen.add("far"), assert.match(meta, /km, verder dan de 40 km die je opgaf$/, meta);
      else if (pw.distance_km != null) assert.match(meta, /\d km$/, meta);
      const job = await li.locator(":scope > .rw-job").textContent();
      const flags = await li.locator(".rw-flags > li").evaluateAll((lis) => lis.map((x) => x.dataset.flag));
      assert.ok(!flags.includes("flag.no-vacancy"), "the job line says it, not a flag too");
      if (pw.vacancy) assert.doesNotMatch(job, /vacature gevonden|geen baan nodig/, job);
      else if (pw.needs_job) seen.add(pw.kind === "herintreding" ? "return to a job" : "none found"), assert.equal(job, "Deze route vraagt een baan: nog geen passende vacature gevonden");
      else seen.add("none needed"), assert.equal(job, "Voor deze route heb je geen baan nodig");
    }
  }
  assert.deepEqual([...seen].sort(), ["far", "no place", "none found", "none needed", "return to a job"]);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a changed answer keeps the reading position: the filter used, or the card read, stays where it was on screen", async () => {
  for (const width of [375, 1280]) {
    const { page, context, log } = await openPage(h.browser, { width, height: 800 });
    const w = await openDemo(page, h.server.url);
    await fillCareerSwitcher(w);
    await waitForResults(w);
    const top = (l) => l.evaluate((el) => el.getBoundingClientRect().top);
    const same = (a, b, what) => assert.ok(Math.abs(a - b) < 1.5, `${width}: ${what} at ${Math.round(a)} px on screen, was at ${b}` + ` (now ${a})`);
    // The filter the candidate uses, a third of the way down the screen: at 10 km no route
    // is open (the answer above it is a line instead of three, the cards below it go), and
    // back to any distance.
    await w.locator("details", { hasText: "Filters" }).first().locator("summary").click();
    const km = w.getByLabel("Hoogstens zo ver (km)");
    await km.evaluate((el) => scrollBy(0, el.getBoundingClientRect().top - 300));
    await page.waitForTimeout(200); // (cards that come near the screen are laid out: their size replaces an estimate)
    const kmAt = await top(km);
    for (const v of ["10", ""]) {
      await km.focus();
      await armResult(w);
      await km.selectOption(v);
      await nextResult(w);
      await settled(w);
      await page.waitForTimeout(100); // (the frame after the last slice)
      same(await top(km), kmAt, `the distance filter, after ${v || "any"} km,`);
      await page.waitForFunction((el) => el.shadowRoot.activeElement?.name === "max_km", await w.elementHandle(), { timeout: 5000 });
    }
    // The card read, at the top of the screen, with nothing in the widget focused, when the
    // page sets other answers: the cards above it change (their places within 25 km).
    await page.evaluate(() => document.activeElement?.blur());
    await w.evaluate((el) => el.shadowRoot.activeElement?.blur());
    const card = w.locator(".rw-routes > li").nth(1);
    const kind = await card.getAttribute("data-kind");
    await card.evaluate((el) => scrollBy(0, el.getBoundingClientRect().top - 40));
    await page.waitForTimeout(200);
    const at = await top(card);
    const above = () => w.locator(`.rw-routes > li[data-kind="${kind}"]`).evaluate((el) => [...el.parentElement.children].slice(0, [...el.parentElement.children].indexOf(el)).map((c) => c.outerHTML).join());
    const before = await above();
    await armResult(w);
    await w.evaluate((el) => (el.profile = { ...el.profile, max_travel_km: 25 }));
    await nextResult(w);
    await settled(w);
    await page.waitForTimeout(100);
    assert.notEqual(await above(), before, `${width}: the cards above the one read changed`);
    same(await top(w.locator(`.rw-routes > li[data-kind="${kind}"]`)), at, `the card read (${kind})`);
    // An answer typed in the form: the results beside or below it do not move the field.
    const field = w.getByLabel("Hoe ver");
    await field.evaluate((el) => scrollBy(0, el.getBoundingClientRect().top - 300));
    await page.waitForTimeout(200);
    const fieldAt = await top(field);
    await armResult(w);
    await field.fill("150");
    await nextResult(w);
    await settled(w);
    await page.waitForTimeout(100);
    same(await top(field), fieldAt, "the field typed in");
    assert.deepEqual(log.errors, []);
    await context.close();
  }
});

test("a rule met on a fact the sources do not settle shows its status on the card", async () => {
  const { page, context, log } = await openPage(h.browser);
  const w = await openDemo(page, h.server.url);
  // The browsing view is all in (its result event fired): the next result is the one for these answers.
  await w.locator(".rw-results:not([aria-busy]) .rw-summary[data-browsing]").waitFor();
  await armResult(w);
  await w.evaluate((el) => (el.profile = { diplomas: [{ level: "wo-bachelor", field: "wiskunde" }], sectors: ["vo"], subjects: ["wiskunde"] }));
  const r = await nextResult(w);
  assert.equal(r.kinds.some((x) => x.kind === "zij-instroom-vo-eerstegraads" && !x.outside), true, "the result for these answers");
  const k = r.kinds.find((x) => x.kind === "zij-instroom-vo-eerstegraads");
  const best = r.routes.find((x) => x.offering === k.best);
  assert.ok(best.unsure.some((f) => f.rule === "zij-instroom-vo-eerstegraads-wo" && f.status === "unconfirmed"), JSON.stringify(best.unsure));
  const box = w.locator(`.rw-routes > li[data-kind="${k.kind}"] .rw-unsure`);
  assert.equal(await box.locator("h5").textContent(), "Voldaan, maar de bronnen zijn hier niet zeker over");
  const li = box.locator('li[data-rule="zij-instroom-vo-eerstegraads-wo"]');
  assert.match(await li.textContent(), /\(onbevestigd\)/);
  assert.match(await li.textContent(), /Bronnen:/);
  // The text download says so too.
  const [download] = await Promise.all([page.waitForEvent("download"), w.getByRole("button", { name: "Download samenvatting (tekst)" }).click()]);
  const text = readFileSync(await download.path(), "utf8");
  assert.match(text, /~ Voldaan, maar de bronnen zijn hier niet zeker over: .*\(onbevestigd\)/);
  // A route with no such rule has no such box.
  const sure = r.kinds.filter((x) => !x.outside && x.open > 0 && !r.routes.find((y) => y.offering === x.best).unsure.length);
  assert.ok(sure.length > 0);
  for (const x of sure) assert.equal(await w.locator(`.rw-routes > li[data-kind="${x.kind}"] .rw-unsure`).count(), 0, x.kind);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("each card says what its bevoegdheid covers; the restricted one with the sources' disagreement", async () => {
  const { page, context, log } = await openPage(h.browser);
  const w = await openDemo(page, h.server.url);
  await w.locator(".rw-results:not([aria-busy]) .rw-summary[data-browsing]").waitFor(); // the browsing view all in
  await armResult(w);
  await w.evaluate((el) => (el.profile = { diplomas: [{ level: "vwo" }], study: { level: "wo-bachelor", field: "geschiedenis", ec: 120 }, sectors: ["vo"], subjects: ["geschiedenis"] }));
  const r = await nextResult(w);
  const fact = async (kind) => (await cardFacts(w, kind))["Leidt tot"];
  const shown = r.kinds.filter((k) => !k.outside && k.open > 0);
  const minor = shown.find((k) => k.kind === "educatieve-minor");
  assert.ok(minor, `an educatieve minor is open to a wo student with 120 EC: ${shown.map((k) => k.kind)}`);
  // A route with training names its deadline and its end (a returning teacher's does not, below).
  assert.match(await w.locator('.rw-routes > li[data-kind="educatieve-minor"] .rw-facts').first().innerText(), /Uiterlijk aanmelden[\s\S]*Klaar rond/);
  assert.equal(await fact("educatieve-minor"), "Beperkte tweedegraads bevoegdheid: onderbouw havo/vwo en vmbo-tl of heel het vmbo (de bronnen spreken elkaar hierover tegen)");
  const tweede = shown.find((k) => k.qualification === "tweedegraads");
  assert.ok(tweede, "a tweedegraads route is shown too");
  assert.match(await fact(tweede.kind), /^Tweedegraads bevoegdheid: onderbouw havo\/vwo, vmbo, mbo/);
  for (const k of shown.filter((k) => k.qualification === "geen")) assert.equal(await fact(k.kind), undefined, k.kind);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a returning teacher's card names no training, no deadline and no end date, and says the refresher course is unsure", async () => {
  const { page, context, log } = await openPage(h.browser);
  const w = await openDemo(page, h.server.url);
  await w.locator(".rw-results:not([aria-busy]) .rw-summary[data-browsing]").waitFor(); // the browsing view all in
  await armResult(w);
  const profile = JSON.parse(readFileSync(new URL("../fixtures/profiles/herintreder-po.json", import.meta.url), "utf8"));
  await w.evaluate((el, p) => (el.profile = p), profile);
  await nextResult(w);
  const card = w.locator('.rw-routes > li[data-kind="herintreding"]').first();
  const facts = await cardFacts(w, "herintreding");
  assert.equal(facts["Duur"], "geen opleiding nodig");
  assert.match(facts["Volgende start"], / \(begin wanneer je wilt\)$/);
  assert.equal(facts["Uiterlijk aanmelden"], undefined, "a route without cohorts has no deadline");
  assert.equal(facts["Klaar rond"], undefined, "nothing to complete");
  assert.equal(facts["Uren per week"], undefined, "no load of its own: the job's hours");
  assert.deepEqual([facts["Salaris tijdens opleiding"], facts["Salaris"]], [undefined, "Ja"], "the salary is the job's, there is no opleiding");
  assert.match(facts["Kosten per jaar"], /^€\s0 \(geen kosten\)$/u);
  assert.match(await card.locator(".rw-unsure").innerText(), /Een opfriscursus is niet verplicht\. Of er een bij jou in de buurt is.*\(onbevestigd\)/s);
  // No hogeschool provides it: one route for the country, with the onderwijsloket to ask,
  // no place to travel to and no mode of training.
  assert.equal(await card.locator(".rw-route-head").innerText(), "Herintreden als leraar basisonderwijs\n(opent in een nieuw tabblad)\nStaat open");
  assert.equal(await card.locator(".rw-route-head + .rw-meta").innerText(), "Onderwijsloket (onderwijsloket.com)");
  assert.equal(await card.locator(".rw-kind-name").innerText(), "Herintreding", "no count of places to train");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("the PDG's cost says the school usually pays and names the course fee with its status", async () => {
  const { page, context, log } = await openPage(h.browser);
  const w = await openDemo(page, h.server.url);
  await w.locator(".rw-results:not([aria-busy]) .rw-summary[data-browsing]").waitFor(); // the browsing view all in
  await armResult(w);
  await w.evaluate((el) => (el.profile = { diplomas: [{ level: "hbo-bachelor", field: "verpleegkunde" }], sectors: ["mbo"], job: { sector: "mbo", role: "leraar-onbevoegd", hours_per_week: 24 } }));
  await nextResult(w);
  const facts = await cardFacts(w, "pdg");
  assert.match(facts["Kosten per jaar"], /^€\s0 \(meestal betaald door de school; cursusgeld voor de hele opleiding €\s6\.650; mogelijk verouderd\)$/u);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("the element's attributes set the filters' defaults", async () => {
  const { page, context } = await openPage(h.browser);
  await page.goto(h.server.url);
  const w = page.locator("route-wijzer").first();
  await w.evaluate((el) => {
    el.setAttribute("paid", "");
    el.setAttribute("max-km", "30"); // (not one of the list's own distances: it is added to it)
    el.setAttribute("part-time", "");
    el.setAttribute("start-before", "2027-09-01");
    el.setAttribute("today", "2026-11-23");
  });
  await w.locator("form").waitFor();
  await fillCareerSwitcher(w);
  await waitForResults(w);
  await w.locator("details", { hasText: "Filters" }).first().locator("summary").click();
  assert.equal(await w.getByLabel("Alleen met salaris tijdens de opleiding").isChecked(), true);
  assert.equal(await w.getByLabel("Hoogstens zo ver (km)").inputValue(), "30");
  assert.equal(await w.getByLabel(/Alleen naast een baan te volgen/).isChecked(), true);
  assert.equal(await w.getByLabel("Start uiterlijk").inputValue(), "1 september 2027");
  const r = await w.evaluate((el) => el.result);
  const start = (x) => x.next_intake?.start_date ?? x.start_date;
  const listed = [...r.routes.filter((x) => x.eligibility !== "ineligible"), ...r.kinds.flatMap((k) => k.others)];
  assert.ok(listed.length > 0, "routes pass all four filters");
  assert.ok(r.counts.hidden > 0, "and others are left out");
  for (const x of listed) {
    assert.ok(x.paid_while_learning, `${x.offering}: paid`);
    assert.ok(x.distance_km == null || x.distance_km <= 30, `${x.offering}: ${x.distance_km} km`);
    assert.notEqual(x.mode, "voltijd", `${x.offering}: alongside a job`);
    assert.ok(start(x) && start(x) <= "2027-09-01", `${x.offering}: starts ${start(x)}`);
  }
  // Another filter changed: the loket's 30 km stays in force (the list holds it).
  await w.getByLabel("Alleen met salaris tijdens de opleiding").uncheck();
  await settled(w);
  assert.equal(await w.getByLabel("Hoogstens zo ver (km)").inputValue(), "30");
  const after = await w.evaluate((el) => el.result);
  assert.ok(after.routes.some((x) => !x.paid_while_learning && x.eligibility !== "ineligible"), "the salary filter is off");
  for (const x of after.routes.filter((x) => x.eligibility !== "ineligible")) assert.ok(x.distance_km == null || x.distance_km <= 30, `${x.offering}: ${x.distance_km} km`);
  await context.close();
});

test("browsing without answers: every kind of route and what it asks", async () => {
  const { page, context, log } = await openPage(h.browser);
  const w = await openDemo(page, h.server.url);
  await w.locator(".rw-results:not([aria-busy]) .rw-summary[data-browsing]").waitFor(); // all of it in
  const r = await w.evaluate((el) => el.result);
  const kinds = new Set(r.kinds.map((k) => k.kind));
  const catalogKinds = new Set(r.routes.map((x) => x.kind));
  assert.deepEqual([...kinds].sort(), [...catalogKinds].sort(), "a card or closed entry for every kind");
  // Nothing was answered, so what is closed is closed for a fact not given: not "nu niet mogelijk".
  assert.equal(await w.locator("details > summary", { hasText: /^Nu niet mogelijk/ }).count(), 0);
  const closed = w.locator("details > summary", { hasText: /^Routes die iets vragen wat je nog niet hebt ingevuld \(\d+\)$/ });
  assert.equal(await closed.count(), 1, "the kinds that ask for a diploma, a job or a bevoegdheid");
  await closed.click();
  await w.locator("details[open] .rw-closed > li").first().waitFor(); // built when first opened
  // Every kind is shown, as the words say: those of roles other than teacher (the default
  // role) under their own heading, with no switch that speaks of choices not made.
  const cards = await w.locator(".rw-routes > li, .rw-closed > li").count();
  assert.equal(cards, r.kinds.length);
  const outside = r.kinds.filter((k) => k.outside);
  assert.ok(outside.length > 0 && outside.every((k) => k.role !== "leraar"), "kinds of other roles are outside the default role");
  assert.equal(await w.locator(".rw-outside > h4").textContent(), "Andere functies in het onderwijs");
  assert.equal(await w.locator(".rw-outside > .rw-routes > li, .rw-outside > .rw-closed > li").count(), outside.length);
  await w.locator("details > summary", { hasText: /^Filters/ }).click();
  assert.equal(await w.locator('input[name="show-outside"]').count(), 0);
  // Each open card says what it asks (conditions with an action).
  assert.ok((await w.locator(".rw-routes > li .rw-action").count()) > 0);
  // Nothing was answered, so no finding may say what the candidate wants or has (a rule
  // that applies only above some hours applies as unknown, and words itself as a limit).
  const findings = await w.locator(".rw-findings li").allTextContents(); // cards off screen are not laid out: no innerText
  assert.ok(findings.some((f) => /niet meer dan 6 uur per week/.test(f)), "the hybride docent's limit is among them");
  for (const f of findings) assert.doesNotMatch(f, /\bJe (wilt|hebt|geeft)\b/, f);
  // A source on a code host names its repository, not only "github.com".
  const gh = await w.locator('.rw-sources a[href^="https://github.com/"]').evaluateAll((as) => as.map((a) => [a.href, a.firstChild.textContent]));
  assert.ok(gh.length > 0, "a GitHub source is cited (the national Onderwijsloket's repositories)");
  for (const [href, text] of gh) assert.equal(text, `github.com/${new URL(href).pathname.split("/").filter(Boolean).slice(0, 2).join("/")}`, href);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("on a phone the results are within reach: after submitting, the answer is on screen", async () => {
  const { page, context } = await openPage(h.browser, { width: 375, height: 800 });
  const w = await openDemo(page, h.server.url);
  await fillCareerSwitcher(w);
  await w.getByRole("button", { name: "Toon mijn routes" }).click();
  await waitForResults(w);
  // The answer's first sentence is on the screen, whole (not only within reach of it).
  const { top, bottom } = await w.locator(".rw-summary p").first().evaluate((el) => el.getBoundingClientRect().toJSON());
  assert.ok(top >= 0 && bottom <= 800, `the answer's first sentence at ${Math.round(top)}-${Math.round(bottom)} px of an 800 px screen`);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(`# phone (375 px): page ${height} px tall; the answer ${Math.round(top)} px below the top of the screen after submitting`);
  await screenshot(page, "phone-results-375");
  await context.close();
});

test("screenshots and axe (WCAG 2.2 AA) at 1280, 375 and 320 px, nl and en, light and dark", async () => {
  // One page per language and theme, answered once, then looked at in each width (the
  // widget lays itself out by its own width: container queries). A phone's first screen,
  // loaded at its width, has tests of its own (a11y.test.mjs, "on a phone" above).
  for (const lang of ["nl", "en"]) {
    for (const theme of ["light", "dark"]) {
      const { page, context, log } = await openPage(h.browser, { width: 1280, locale: lang === "en" ? "en-GB" : "nl-NL" });
      const w = await openDemo(page, h.server.url);
      await w.evaluate((el, [l, t]) => (el.setAttribute("lang", l), el.setAttribute("theme", t)), [lang, theme]);
      await w.locator(`form`).waitFor();
      await page.waitForTimeout(300);
      await fillCareerSwitcher(w, { nl: lang === "nl" });
      await waitForResults(w);
      // The filters open, so that their controls are in the pictures and the scans.
      await w.locator(".rw-results details").filter({ has: page.locator(":scope > summary", { hasText: /^Filters$/ }) }).locator("summary").click();
      await w.locator(".rw-filters").waitFor();
      for (const width of [1280, 375, 320]) {
        await page.setViewportSize({ width, height: 900 });
        // Scanned from the top of the page: where a resize leaves the page scrolled depends on
        // timing, and axe measures a target by what of it is on screen (the form's button bar
        // stays at the bottom of a narrow screen and covers what scrolls under it).
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
        await axe(page, `${lang} ${theme} ${width}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${lang} ${theme} ${width}: the page scrolls sideways by ${overflow} px`);
        await screenshot(page, `answer-${lang}-${theme}-${width}`);
      }
      assert.deepEqual(log.errors, [], `${lang} ${theme}`);
      await context.close();
    }
  }
});

test("a first result's first card comes a part a frame, and ends up the same as a card built at once", async () => {
  const { page, context, log } = await openPage(h.browser);
  // Every frame: whether the first card is there without its tools yet (a part after its head).
  await page.addInitScript((today) => {
    document.addEventListener("DOMContentLoaded", () => document.querySelector("route-wijzer")?.setAttribute("today", today));
    window.__partial = 0;
    const look = () => {
      const card = document.querySelector("route-wijzer")?.shadowRoot?.querySelector(".rw-kinds > li.rw-kind");
      if (card && !card.querySelector(".rw-tools")) window.__partial++;
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  }, TODAY);
  const w = await openDemo(page, h.server.url, { today: null });
  await w.locator(".rw-results:not([aria-busy]) .rw-summary").waitFor({ timeout: 20000 });
  const first = () => w.locator(".rw-kinds > li.rw-kind").first().evaluate((li) => li.outerHTML);
  const parts = await first();
  assert.ok((await page.evaluate(() => window.__partial)) > 0, "no frame showed the first card in part (built at once?)");
  // Every part is in it, the last one too: its other places.
  const card = w.locator(".rw-kinds > li.rw-kind").first();
  assert.equal(await card.locator(":scope > .rw-tools").count(), 1);
  assert.equal(await card.locator(":scope > details").count(), 2, "why this score, and its other places");
  // The order changed and back: each card is built anew, at once (an update, not a first result).
  await w.locator("details", { hasText: "Filters" }).first().locator("summary").click();
  for (const order of ["distance", "rank"]) {
    await armResult(w);
    await w.locator('select[name="sort"]').selectOption(order);
    await nextResult(w);
    await settled(w);
  }
  assert.equal(await first(), parts, "the card built in parts differs from the one built at once");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a result that takes over while the first card is being built in parts shows that card whole", async () => {
  const { page, context, log } = await openPage(h.browser);
  // The first result is for answers set on "ready". The moment its first card shows without
  // its tools, frames stop (the widget then waits 50 ms instead of a frame between parts)
  // and an answer is changed in a way that leaves that card as it is (its data, so its nodes, are kept):
  // the new result is shown while the old render still has parts of the card to add.
  // At every result event, each card shown must be whole.
  const profile = { sectors: ["po"], diplomas: [{ level: "havo" }, { level: "hbo-bachelor", field: "bedrijfskunde" }], location: { postcode: "3812" }, max_travel_km: 40, age: 35 };
  await page.addInitScript(({ profile, today }) => {
    document.addEventListener("DOMContentLoaded", () => document.querySelector("route-wijzer")?.setAttribute("today", today));
    window.__checks = [];
    document.addEventListener("routewijzer:ready", (e) => (e.target.profile = profile), { once: true });
    document.addEventListener("routewijzer:result", (e) => {
      const cards = [...e.target.shadowRoot.querySelectorAll(".rw-kinds > li.rw-kind")];
      window.__checks.push(cards.map((li) => ({ kind: li.dataset.kind, tools: li.querySelectorAll(":scope > .rw-tools").length, details: li.querySelectorAll(":scope > details").length })));
    });
    const look = () => {
      const el = document.querySelector("route-wijzer");
      const card = el?.shadowRoot?.querySelector(".rw-summary:not([data-browsing])") && el.shadowRoot.querySelector(".rw-kinds > li.rw-kind");
      if (card && !card.querySelector(".rw-tools")) {
        window.__card = card;
        window.requestAnimationFrame = () => 0;
        el.profile = { ...profile, age: 36 };
        return;
      }
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  }, { profile, today: TODAY });
  const w = await openDemo(page, h.server.url, { today: null });
  await waitForResults(w);
  assert.equal(await page.evaluate(() => window.__card?.isConnected), true, "the card built in parts is the one shown after the answer changed");
  const checks = await page.evaluate(() => window.__checks);
  assert.ok(checks.length >= 1, `results: ${checks.length}`);
  for (const cards of checks) {
    assert.ok(cards.length > 0);
    for (const c of cards) assert.ok(c.tools === 1 && c.details >= 1, `card ${c.kind} not whole at a result: ${JSON.stringify(c)}`);
  }
  assert.deepEqual(log.errors, []);
  await context.close();
});
