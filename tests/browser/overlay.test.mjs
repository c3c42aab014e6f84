// A loket's overlay through the element: `catalog` + `overlay` attributes load both (in
// parallel, each once), the overlay's real vacancies replace the demonstration ones of
// its region in the pathways, its activities reach the result, and a broken overlay is
// shown as the widget's error with the overlay's problems.
import { test } from "node:test";
import assert from "node:assert/strict";
import { events, fillCareerSwitcher, fixturePage, harness, openPage, TODAY, waitForResults } from "./helpers.mjs";

const h = harness();

const page = (attrs) => `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Overlay</title><link rel="icon" href="data:,">
<script type="module" src="/routewijzer.js"></script></head><body><main><h1>Overlay</h1>
<route-wijzer catalog="/data/catalog.json" ${attrs} today="${TODAY}"></route-wijzer>
</main></body></html>`;

const REAL = "Leerkracht groep 4 (echte vacature)";
const vacancy = (id, gm) => ({
  id, title: REAL, employer: "OBS De Boomgaard", job_location: gm, sector: "po", role: "leraar", work_hours: 36,
  employment_type: "structureel", job_start_date: "2027-08-24", valid_through: "2027-05-31", accepts_in_training: true,
  education_requirements: ["po"], url: "https://example.nl/vacature",
});
const OVERLAY = {
  meta: { name: "Onderwijsloket Amersfoort", version: "2026.11", generated: "2026-11-20", region: "AM14",
    attribution: ["Vacatures: Onderwijsloket Amersfoort"], contact: { name: "Onderwijsloket Amersfoort", email: "info@loket.example.nl" } },
  vacancies: [vacancy("echt-amersfoort-1", "GM0307"), vacancy("echt-amersfoort-2", "GM0307")],
  activities: [{ id: "loket-spreekuur", name: "Spreekuur zij-instroom", activity_type: "loket", start_date: "2026-12-03",
    start_time: "16:00", end_time: "18:00", event_attendance_mode: "offline", location: "GM0307" }],
};

async function serve(p, body) {
  let fetched = 0;
  await p.route(/\/data\/overlay\.json$/, (route) => {
    fetched++;
    return route.fulfill({ body, contentType: "application/json" });
  });
  return () => fetched;
}

test("with an overlay the pathways show the loket's real vacancy instead of demo ones, and its activities reach the result", async () => {
  const { page: p, context, log } = await openPage(h.browser);
  const fetched = await serve(p, JSON.stringify(OVERLAY));
  await fixturePage(p, h.server.url, "overlay.html", page('overlay="/data/overlay.json"'));
  const w = p.locator("route-wijzer");
  await w.locator("form").waitFor();
  await fillCareerSwitcher(w);
  await waitForResults(w);
  const pathways = w.locator(".rw-pathway");
  await pathways.first().waitFor();
  const first = await pathways.first().locator(".rw-job").textContent();
  assert.ok(first.includes(REAL), `the first pathway uses the real vacancy: ${first}`);
  assert.equal(await pathways.first().locator(".rw-job .rw-demo").count(), 0, "not marked as an example");
  const r = await w.evaluate((el) => ({
    vacancies: el.result.pathways.map((pw) => pw.vacancy).filter(Boolean).map((v) => ({ id: v.id, demo: v.demo, place: v.place })),
    activities: el.result.activities.map((a) => a.id),
  }));
  assert.ok(r.vacancies.length > 0);
  // No demonstration vacancy of the overlay's region (AM14: Amersfoort) is left.
  assert.deepEqual(r.vacancies.filter((v) => v.demo && v.place === "Amersfoort"), []);
  assert.ok(r.activities.includes("loket-spreekuur"), `the overlay's activity is in the result: ${r.activities}`);
  assert.equal(fetched(), 1, "the overlay is fetched once");
  // The page learns that its overlay was applied.
  assert.deepEqual((await events(p, "ready")).map((e) => e.detail.overlay), [`${h.server.url}data/overlay.json`]);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("without the overlay the same answers get demo vacancies (the control)", async () => {
  const { page: p, context } = await openPage(h.browser);
  await fixturePage(p, h.server.url, "no-overlay.html", page(""));
  const w = p.locator("route-wijzer");
  await w.locator("form").waitFor();
  await fillCareerSwitcher(w);
  await waitForResults(w);
  await w.locator(".rw-pathway").first().waitFor();
  const text = await w.locator(".rw-pathways").textContent();
  assert.ok(!text.includes(REAL));
  assert.deepEqual((await events(p, "ready")).map((e) => e.detail.overlay), [null], "no overlay applied");
  assert.ok((await w.locator(".rw-pathways .rw-demo").count()) > 0, "demo vacancies are marked");
  await context.close();
});

test("a broken overlay is the widget's error, naming the overlay's field", async () => {
  const { page: p, context } = await openPage(h.browser);
  const bad = structuredClone(OVERLAY);
  bad.activities[0].start_time = "25:00";
  await serve(p, JSON.stringify(bad));
  await fixturePage(p, h.server.url, "bad-overlay.html", page('overlay="/data/overlay.json"'));
  const w = p.locator("route-wijzer");
  await w.locator(".rw-error").waitFor();
  const problems = await w.locator(".rw-problems").textContent();
  assert.match(problems, /overlay\.activities\[0\]\.start_time/);
  assert.match(problems, /'25:00' is not a time HH:MM/);
  // The details name the overlay as well as the catalog.
  await w.locator(".rw-error-details > summary").click();
  assert.match(await w.locator(".rw-error-details").textContent(), /Overlay van het loket: http:\/\/[^ ]+\/data\/overlay\.json/);
  await context.close();
});
