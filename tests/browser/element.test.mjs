// The element's own API: nothing shadows HTMLElement (an `id` stays the id), the name
// and storage key come from `name`, else `id`, else a name unique on the page, and
// setting `profile` replaces the answers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { events, fixturePage, harness, openPage, ready, TODAY, waitForResults } from "./helpers.mjs";

const h = harness();

const page1 = (widgets) => `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Element</title><link rel="icon" href="data:,">
<script type="module" src="/routewijzer.js"></script></head><body><main><h1>Element</h1>
${widgets.map((attrs) => `<route-wijzer ${attrs} catalog="/data/catalog.json" today="${TODAY}"></route-wijzer>`).join("\n")}
</main></body></html>`;

const REMEMBER = "Onthoud mijn antwoorden op dit apparaat";

test("an element with only an id: el.id is its id, and the id names its events and storage", async () => {
  const { page, context, log } = await openPage(h.browser);
  await fixturePage(page, h.server.url, "id.html", page1(['id="mijn-wijzer"']));
  const w = page.locator("route-wijzer");
  await w.locator("form").waitFor();
  const el = await w.evaluate((el) => ({
    id: el.id,
    idType: typeof el.id,
    name: el.name,
    byId: document.getElementById("mijn-wijzer") === el,
    // Nothing of the element's own shadows an HTMLElement member, and it has no public fields.
    shadows: Object.getOwnPropertyNames(Object.getPrototypeOf(el)).filter((p) => p !== "constructor" && p in HTMLElement.prototype),
    members: Object.getOwnPropertyNames(Object.getPrototypeOf(el)).sort(),
    fields: Object.keys(el),
  }));
  assert.equal(el.idType, "string");
  assert.equal(el.id, "mijn-wijzer");
  assert.equal(el.byId, true);
  assert.equal(el.name, "mijn-wijzer");
  assert.deepEqual(el.shadows, []);
  assert.deepEqual(el.members, ["attributeChangedCallback", "connectedCallback", "constructor", "disconnectedCallback", "name", "profile", "result"]);
  assert.deepEqual(el.fields, []);
  await ready(w); // (the form comes before the catalog; `ready` with the catalog)
  assert.equal((await events(page, "ready"))[0].detail.name, "mijn-wijzer");

  await w.getByLabel("Leeftijd", { exact: true }).fill("41");
  await w.getByLabel(REMEMBER).check();
  await page.waitForTimeout(300);
  const stored = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
  assert.deepEqual(Object.keys(stored), ["routewijzer:mijn-wijzer"]);
  assert.deepEqual(JSON.parse(stored["routewijzer:mijn-wijzer"]), { age: 41 });
  // The ids inside the shadow root are the widget's own, not derived from a shadowed method.
  assert.match(await w.getByLabel("Leeftijd", { exact: true }).getAttribute("id"), /^rw\d+-age$/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("two widgets with different ids keep separate saved answers; unnamed widgets get names of their own", async () => {
  const { page, context, log } = await openPage(h.browser);
  await fixturePage(page, h.server.url, "two-ids.html", page1(['id="links"', 'id="rechts"', "", ""]));
  const all = page.locator("route-wijzer");
  for (let i = 0; i < 4; i++) await all.nth(i).locator("form").waitFor();
  const names = await all.evaluateAll((els) => els.map((el) => el.name));
  assert.deepEqual(names.slice(0, 2), ["links", "rechts"]);
  assert.equal(new Set(names).size, 4, `four names: ${names}`);

  const [a, b, c, d] = [0, 1, 2, 3].map((i) => all.nth(i));
  for (const [w, age] of [[a, "30"], [b, "50"], [c, "60"], [d, "70"]]) {
    await w.getByLabel("Leeftijd", { exact: true }).fill(age);
    await w.getByLabel(REMEMBER).check();
  }
  await page.waitForTimeout(300);
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  assert.deepEqual(keys, names.map((n) => `routewijzer:${n}`).sort(), "one key per widget");

  await page.reload();
  for (let i = 0; i < 4; i++) await ready(all.nth(i));
  assert.deepEqual(await all.evaluateAll((els) => els.map((el) => el.name)), names, "the same names after a reload");
  for (const [w, age] of [[a, "30"], [b, "50"], [c, "60"], [d, "70"]]) {
    assert.equal(await w.getByLabel("Leeftijd", { exact: true }).inputValue(), age);
    assert.equal(await w.getByLabel(REMEMBER).isChecked(), true);
  }
  // Unticking one forgets only that one.
  await a.getByLabel(REMEMBER).uncheck();
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).sort()), names.slice(1).map((n) => `routewijzer:${n}`).sort());
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("setting profile replaces the answers: twice, then {} clears the form", async () => {
  const { page, context, log } = await openPage(h.browser);
  await fixturePage(page, h.server.url, "profile.html", page1(['name="p"']));
  const w = page.locator("route-wijzer");
  await w.locator("form").waitFor();
  const first = {
    diplomas: [{ level: "havo" }, { level: "hbo-bachelor", field: "bedrijfskunde" }],
    job: { sector: "po", role: "leraar-onbevoegd", hours_per_week: 20 },
    sectors: ["po"],
    earn_while_learning: "required",
    location: { postcode: "3812" },
    dutch: "c1",
    age: 35,
  };
  const second = { sectors: ["vo"], subjects: ["wiskunde"], hours_per_week: 32 };

  assert.deepEqual(await w.evaluate((el, p) => ((el.profile = p), el.profile), first), first, "a profile goes into the form and reads back the same");
  await waitForResults(w);
  assert.equal(await w.getByRole("group", { name: /Diploma \d/ }).count(), 2);

  assert.deepEqual(await w.evaluate((el, p) => ((el.profile = p), el.profile), second), second, "the second profile replaces the first, nothing merged");
  await waitForResults(w);
  assert.equal(await w.getByRole("group", { name: /Diploma \d/ }).count(), 1, "extra diploma rows are gone");
  assert.equal(await w.getByLabel("Welk diploma?").inputValue(), "");
  assert.equal(await w.getByLabel("Leeftijd", { exact: true }).inputValue(), "");
  assert.equal(await w.getByLabel("Nee", { exact: true }).first().isChecked(), true, "no job");
  assert.equal(await w.locator('input[name="earn"][value="no-preference"]').isChecked(), true);
  assert.equal(await w.getByLabel("Wiskunde", { exact: true }).isChecked(), true);
  assert.equal(await w.evaluate((el) => el.result?.routes.length > 0), true);

  assert.deepEqual(await w.evaluate((el) => ((el.profile = {}), el.profile)), {}, "{} clears every answer");
  await w.locator(".rw-summary[data-browsing]").waitFor(); // the results go back to browsing every kind of route (computed in the worker)
  assert.equal(await w.evaluate((el) => el.result?.routes.every((x) => x.factors.length > 0)), true, "the browse result is a fresh match of {}");
  assert.equal(await w.getByLabel("Basisonderwijs", { exact: true }).isChecked(), false);
  assert.equal(await w.getByLabel("Voortgezet onderwijs", { exact: true }).isChecked(), false);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a profile the form cannot hold is refused, naming each field, and the answers stay as they were", async () => {
  const { page, context, log } = await openPage(h.browser);
  await fixturePage(page, h.server.url, "refused.html", page1(['name="r"']));
  const w = page.locator("route-wijzer");
  await ready(w);
  // Every question of the form, answered: it reads back as it was set.
  const full = {
    diplomas: [{ level: "hbo-bachelor", field: "scheikunde" }, { level: "wo-master", field: "scheikunde", foreign: true, recognised: true }],
    qualifications: [{ qualification: "tweedegraads", subject: "scheikunde" }],
    job: { sector: "vo", role: "leraar-onbevoegd", hours_per_week: 20, offer: true, start_date: "2027-01-04" },
    study: { level: "hbo-bachelor", field: "scheikunde", ec: 60, lerarenopleiding: true },
    lerarenopleiding_left: "2024-07-01",
    sectors: ["vo"],
    subjects: ["scheikunde"],
    hours_per_week: 32,
    available_from: "2027-02-01",
    earn_while_learning: "required",
    location: { postcode: "3511", lat: 52.09, lon: 5.12 },
    max_travel_km: 30,
    dutch: "moedertaal",
    age: 41,
    pabo_tests_passed: ["geschiedenis"],
    geschiktheidsonderzoek_passed: true,
    hbo_level_assessed: true,
  };
  assert.deepEqual(await w.evaluate((el, p) => ((el.profile = p), el.profile), full), full, "every answer the form holds reads back");
  await waitForResults(w);

  const refused = (p) =>
    w.evaluate((el, p) => {
      try {
        el.profile = p;
        return null;
      } catch (e) {
        return { name: e.name, document: e.document, paths: e.problems.map((x) => x.path), message: e.message };
      }
    }, p);
  const cases = [
    [{ diplomas: [{ level: "master" }], roles: ["onderwijsassistent"], age: 130 }, ["roles", "diplomas[0].level", "age"]],
    [{ diplomas: [{ field: "scheikunde", recognised: true }] }, ["diplomas[0].level", "diplomas[0].recognised"]],
    [{ job: { sector: "po", role: "leraar", start_date: "2027-01-04" } }, ["job.hours_per_week", "job.start_date"]],
    [{ sectors: ["po", "hbo"], subjects: ["wiskunde"] }, ["sectors[1]", "subjects[0]"]],
    [{ location: { lat: "52.1", lon: 5.1, km: 3 } }, ["location.km", "location", "location.lat"]],
    [{ location: { postcode: " 3511 " } }, ["location.postcode"]],
    [{ location: { gemeente: "Utrecht" } }, ["location.gemeente"]],
    [{ location: { postcode: "3511", gemeente: "GM0344", lat: 52.1 } }, ["location", "location"]],
    [{ diplomas: [{ level: "havo", field: " scheikunde" }], study: { level: "hbo-bachelor", field: "" } }, ["diplomas[0].field", "study.field"]],
    [{ available_from: "2027-02-30", lerarenopleiding_left: "1800-01-01" }, ["available_from", "lerarenopleiding_left"]],
    [{ available_from: "1 september", hours_per_week: 36.5, max_travel_km: "30" }, ["hours_per_week", "available_from", "max_travel_km"]],
    [{ qualifications: [{ qualification: "po", subject: "wiskunde" }, { qualification: "pdg" }] }, ["qualifications[0].subject", "qualifications[1]"]],
    [{ study: { ec: 60 }, birth_date: "1985-01-01", vog: true }, ["birth_date", "vog", "study.level"]],
    ["havo", ["profile"]],
    [[{ level: "havo" }], ["profile"]],
  ];
  for (const [p, paths] of cases) {
    const e = await refused(p);
    assert.ok(e, `refused: ${JSON.stringify(p)}`);
    assert.equal(e.name, "RoutewijzerInputError");
    assert.equal(e.document, "profile");
    assert.deepEqual(e.paths, paths, JSON.stringify(p));
    assert.match(e.message, new RegExp(`^invalid profile: ${paths.length} problems?\\n  ${paths[0].replace(/[.[\]]/g, "\\$&")}: `));
    assert.deepEqual(await w.evaluate((el) => el.profile), full, "nothing of a refused profile is applied");
  }
  assert.match((await refused({ diplomas: [{ level: "master" }] })).message, /diplomas\[0\]\.level: not one of the form's options$/);
  assert.deepEqual(await events(page, "error"), [], "a thrown error is not also an event");
  assert.equal(await refused({ age: 50, roles: null, vog: undefined }), null, "a key the form does not ask with no value carries nothing");
  assert.deepEqual(await w.evaluate((el) => el.profile), { age: 50 });
  assert.equal(await refused(null), null, "null clears the answers");
  assert.deepEqual(await w.evaluate((el) => el.profile), {});
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a profile set before the form is there that the form cannot hold: an error event, and the form starts without it", async () => {
  const { page, context, log } = await openPage(h.browser);
  await page.addInitScript(() => {
    customElements.whenDefined("route-wijzer").then(() => {
      const el = document.querySelector("route-wijzer");
      el.profile = { age: 44, roles: ["onderwijsassistent"] };
      try {
        el.profile = "havo"; // not an object: refused at once, form or not
      } catch (e) {
        window.__thrown = e.message;
      }
    });
  });
  await fixturePage(page, h.server.url, "early-refused.html", page1(['name="early"']));
  const w = page.locator("route-wijzer");
  await ready(w);
  await w.locator(".rw-summary[data-browsing]").waitFor(); // every kind of route: no answers
  const errors = await events(page, "error");
  assert.equal(errors.length, 1);
  assert.deepEqual(errors[0].detail, { name: "early", message: "invalid profile: 1 problem\n  roles: not asked by the widget's form (it would not be matched)" });
  assert.deepEqual(await w.evaluate((el) => el.profile), {}, "nothing of it is in the form");
  assert.equal(await page.evaluate(() => window.__thrown), "invalid profile: 1 problem\n  profile: must be an object");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a profile set before the widget has loaded: the last one set is used", async () => {
  const { page, context, log } = await openPage(h.browser);
  await page.addInitScript(() => {
    customElements.whenDefined("route-wijzer").then(() => {
      const el = document.querySelector("route-wijzer");
      el.profile = { age: 20, sectors: ["po"] };
      el.profile = { age: 44 };
    });
  });
  await fixturePage(page, h.server.url, "early.html", page1(['name="early"']));
  const w = page.locator("route-wijzer");
  await w.locator("form").waitFor();
  await waitForResults(w);
  assert.deepEqual(await w.evaluate((el) => el.profile), { age: 44 });
  assert.equal(await w.getByLabel("Basisonderwijs", { exact: true }).isChecked(), false);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a profile and a name set on the element before it is defined are taken over", async () => {
  const { page, context, log } = await openPage(h.browser);
  // A classic script right after the element runs before the module defines it.
  const html = page1(['id="vroeg"']).replace("</main>", `<script>const el = document.getElementById("vroeg"); el.profile = { age: 44, sectors: ["po"] }; el.name = "vooraf";</script></main>`);
  await fixturePage(page, h.server.url, "before-define.html", html);
  const w = page.locator("route-wijzer");
  await w.locator("form").waitFor();
  await waitForResults(w);
  assert.deepEqual(await w.evaluate((el) => el.profile), { age: 44, sectors: ["po"] });
  assert.equal(await w.getByLabel("Basisonderwijs", { exact: true }).isChecked(), true);
  assert.equal(await w.evaluate((el) => [el.getAttribute("name"), Object.hasOwn(el, "profile"), Object.hasOwn(el, "name")].join()), "vooraf,false,false");
  assert.ok((await events(page, "result")).every((e) => e.detail.name === "vooraf"));
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a profile set while a new catalog loads is the one the reloaded form shows", async () => {
  const { page, context, log } = await openPage(h.browser);
  await fixturePage(page, h.server.url, "reload.html", page1(['name="reload"']));
  const w = page.locator("route-wijzer");
  await w.locator("form").waitFor();
  await w.getByLabel("Leeftijd", { exact: true }).fill("30");
  await waitForResults(w);
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route("**/data/other.json", async (route) => {
    await held;
    route.fulfill({ body: await (await fetch(`${h.server.url}data/catalog.json`)).text(), contentType: "application/json" });
  });
  await w.evaluate((el) => {
    el.setAttribute("catalog", "/data/other.json");
    el.profile = { age: 55 };
  });
  release();
  await page.waitForFunction(() => window.__events.filter((e) => e.type === "ready").length === 2);
  assert.deepEqual(await w.evaluate((el) => el.profile), { age: 55 });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("the form comes before the catalog: answers given while it downloads are kept and matched first", async () => {
  const { page, context, log } = await openPage(h.browser);
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route("**/data/slow.json", async (route) => {
    await held;
    route.fulfill({ body: await (await fetch(`${h.server.url}data/catalog.json`)).text(), contentType: "application/json" });
  });
  await fixturePage(page, h.server.url, "slow.html", page1(['name="slow" catalog="/data/slow.json"']).replace(' catalog="/data/catalog.json"', ""));
  const w = page.locator("route-wijzer");
  await w.locator("form").waitFor();
  // The questions are there and answerable; no results yet, the loading status says why.
  assert.equal(await w.locator(".rw-results").count(), 0);
  assert.equal(await w.locator(".rw-loading[role=status]").count(), 1);
  await w.getByLabel("Leeftijd", { exact: true }).fill("41");
  await w.getByLabel("Basisonderwijs", { exact: true }).check();
  assert.deepEqual(await w.evaluate((el) => el.profile), { sectors: ["po"], age: 41 });
  assert.deepEqual(await events(page, "result"), [], "nothing matched before the catalog is in");
  // Typing when the catalog comes in: the field keeps its focus.
  await w.getByLabel("Leeftijd", { exact: true }).focus();
  release();
  // The first result is for those answers (never the browsing view of no answers).
  await waitForResults(w);
  assert.equal(await w.locator(".rw-loading").count(), 0);
  assert.equal(await w.evaluate((el) => el.shadowRoot.activeElement?.name), "age", "the field being typed in kept its focus");
  assert.deepEqual(await w.evaluate((el) => el.profile), { sectors: ["po"], age: 41 });
  const results = await events(page, "result");
  assert.equal(results.length, 1, "one match, of the answers given");
  assert.equal(await page.evaluate(() => window.__events.filter((e) => e.type === "ready").length), 1);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("the form is built without a jump: no follow-up question shows in one frame and goes in a later one", async () => {
  const { page, context, log } = await openPage(h.browser);
  // Every frame until the widget is ready: which follow-up questions are on screen (for an
  // empty form none: each waits for the answer it follows up), and the diploma row's legend.
  await page.addInitScript(() => {
    window.__frames = [];
    const FOLLOW_UPS = '.rw-subjects, [data-show], [data-for="job-start"], [data-for="qual-subject"], .rw-remove';
    let ready = false;
    document.addEventListener("routewijzer:ready", () => (ready = true));
    const look = () => {
      const root = document.querySelector("route-wijzer")?.shadowRoot;
      const form = root?.querySelector("form");
      // (Frames before the widget's stylesheet has loaded show nothing of it: not counted.)
      if (form && !root.querySelector(".rw").hidden) {
        window.__frames.push({
          steps: form.querySelectorAll(".rw-step").length,
          shown: [...form.querySelectorAll(FOLLOW_UPS)].filter((e) => e.getClientRects().length > 0).map((e) => e.dataset.show || e.dataset.for || e.className),
          legend: form.querySelector(".rw-diploma legend")?.textContent ?? null,
        });
      }
      if (!ready) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await fixturePage(page, h.server.url, "build.html", page1(['name="build"']));
  const w = page.locator("route-wijzer");
  await ready(w);
  const frames = await page.evaluate(() => window.__frames);
  // The form was built over several frames, on screen (else this test would see no frame between steps).
  const counts = [...new Set(frames.map((f) => f.steps))];
  assert.ok(counts.length >= 3, `steps per frame: ${counts.join(", ")}`);
  assert.deepEqual(frames.filter((f) => f.shown.length), [], "a follow-up question was on screen while the form was built");
  assert.deepEqual(frames.filter((f) => f.legend !== "Diploma 1"), [], "the diploma row's legend, every frame");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("an answer given in the frame after the form's last step is built shows its follow-up questions", async () => {
  const { page, context, log } = await openPage(h.browser);
  // The moment the last step is in the form (a microtask after it was appended, before the
  // frame the widget waits for), the person ticks "Voortgezet onderwijs".
  await page.addInitScript(() => {
    const watch = () => {
      const form = document.querySelector("route-wijzer")?.shadowRoot?.querySelector("form");
      if (!form) return requestAnimationFrame(watch);
      const mo = new MutationObserver(() => {
        if (form.querySelectorAll(".rw-step").length < 6) return;
        mo.disconnect();
        form.querySelector('input[name="sector"][value="vo"]').click();
        window.__ticked = true;
      });
      mo.observe(form, { childList: true });
    };
    requestAnimationFrame(watch);
  });
  await fixturePage(page, h.server.url, "late.html", page1(['name="late"']));
  const w = page.locator("route-wijzer");
  await ready(w);
  assert.equal(await page.evaluate(() => window.__ticked), true);
  assert.deepEqual(await w.evaluate((el) => el.profile), { sectors: ["vo"] });
  assert.equal(await w.getByRole("group", { name: "Vakken in het voortgezet onderwijs" }).isVisible(), true, "the vo subjects are asked");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("answers given while a catalog fails to load come back with the retry", async () => {
  const { page, context, log } = await openPage(h.browser);
  let fail = true;
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route("**/data/flaky.json", async (route) => {
    if (fail) {
      await held;
      return route.fulfill({ status: 503, body: "busy" });
    }
    route.fulfill({ body: await (await fetch(`${h.server.url}data/catalog.json`)).text(), contentType: "application/json" });
  });
  await fixturePage(page, h.server.url, "flaky.html", page1(['name="flaky" catalog="/data/flaky.json"']).replace(' catalog="/data/catalog.json"', ""));
  const w = page.locator("route-wijzer");
  await w.getByLabel("Leeftijd", { exact: true }).fill("41");
  release();
  const retry = w.getByRole("button", { name: "Opnieuw proberen" });
  await retry.waitFor();
  assert.equal(await w.locator("form").count(), 0, "no form while the widget cannot load");
  fail = false;
  await retry.click();
  await waitForResults(w);
  assert.deepEqual(await w.evaluate((el) => el.profile), { age: 41 });
  assert.ok(log.errors.every((e) => /503|flaky/.test(e)), log.errors.join("\n"));
  await context.close();
});

// Counts the matches the widget asks the core for: the page's match requests to its worker
// (the worker's own repetitions while it warms up, js/worker.js, are not asked for).
const COUNT_MATCHES = () => {
  window.__matches = [];
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (m, ...rest) {
    if (m?.op === "match") window.__matches.push(JSON.parse(JSON.stringify(m.args[0])));
    return post.call(this, m, ...rest);
  };
};

test("aria-busy stays on the results while a newer result is on its way, also when the older one's render ends first", async () => {
  const { page, context, log } = await openPage(h.browser);
  await page.addInitScript(() => {
    // The request for age 99 reaches the worker a second late (as a slow match would).
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (m, ...rest) {
      if (m?.op === "match" && m.args[0]?.age === 99) return void setTimeout(() => post.call(this, m, ...rest), 1000);
      return post.call(this, m, ...rest);
    };
    // Answers set on "ready": the first result is theirs, and a first result shows the
    // answer in a frame of its own before the cards. In that frame the answers change: a
    // newer result is on its way for a second, while the rest of the first is still built.
    document.addEventListener("routewijzer:ready", (e) => {
      const el = e.target;
      const out = (window.__busy = { samples: [], done: false });
      let newer = false;
      const mo = new MutationObserver(() => {
        const results = el.shadowRoot.querySelector(".rw-results");
        if (newer || !results?.querySelector(".rw-summary:not([data-browsing])")) return;
        newer = true;
        mo.disconnect();
        out.samples.push(results.hasAttribute("aria-busy"));
        const cards = () => results.querySelectorAll(".rw-routes > li").length;
        out.cardsThen = out.cardsMax = cards();
        el.profile = { age: 99 };
        const tick = () => {
          if (out.done) return;
          out.samples.push(results.hasAttribute("aria-busy"));
          out.cardsMax = Math.max(out.cardsMax, cards());
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
        el.addEventListener("routewijzer:result", () => {
          out.done = true;
          out.busyAfter = results.hasAttribute("aria-busy");
          out.age = el.result && el.profile.age;
        }, { once: true });
      });
      mo.observe(el.shadowRoot, { childList: true, subtree: true });
      el.profile = { age: 30 };
    }, { once: true });
  });
  await fixturePage(page, h.server.url, "busy.html", page1(['name="bezig"']));
  await page.waitForFunction(() => window.__busy?.done, null, { timeout: 30000 });
  const out = await page.evaluate(() => window.__busy);
  assert.ok(out.samples.length > 10, `sampled every frame for a second: ${out.samples.length}`);
  assert.ok(out.cardsMax > out.cardsThen, `the older result's render went on after the answers changed (cards ${out.cardsThen} -> ${out.cardsMax})`);
  assert.ok(out.samples.every(Boolean), `aria-busy until the newer result is in: ${out.samples.map(Number).join("")}`);
  assert.equal(out.busyAfter, false, "and not after it");
  assert.equal(out.age, 99);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a new catalog while a match on the old one is still out: the answers are matched on the new one", async () => {
  const { page, context, log } = await openPage(h.browser);
  await page.addInitScript(() => {
    // The first request for age 99 reaches the worker three seconds late (a slow match).
    let held = false;
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (m, ...rest) {
      if (m?.op === "match" && m.args[0]?.age === 99 && !held) {
        held = true;
        window.__heldAt = performance.now();
        return void setTimeout(() => ((window.__heldBack = performance.now()), post.call(this, m, ...rest)), 3000);
      }
      return post.call(this, m, ...rest);
    };
    window.__readyAt = [];
    document.addEventListener("routewijzer:ready", () => window.__readyAt.push(performance.now()));
  });
  await fixturePage(page, h.server.url, "reload.html", page1(['name="herladen"']));
  const w = page.locator("route-wijzer");
  await ready(w);
  const before = (await events(page, "result")).length;
  // The answers change, and while their match is out the loket's page points the widget
  // at another catalog (the same sample under another URL: a new load and a new matcher).
  await w.evaluate((el) => {
    el.profile = { age: 99 };
    el.setAttribute("catalog", "/data/regions/AM13.json");
  });
  await page.waitForFunction((n) => window.__events.filter((e) => e.type === "result").length > n, before, { timeout: 30000 });
  const t = await page.evaluate(() => ({ ready: window.__readyAt.at(-1), held: window.__heldAt, back: window.__heldBack }));
  assert.ok(t.ready < t.back, "the new catalog was ready while the old match was still out (what this test is about)");
  assert.deepEqual(await w.evaluate((el) => el.profile), { age: 99 });
  assert.equal(await w.locator(".rw-results[aria-busy]").count(), 0);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("answers set on 'ready', and again while that match runs: one match each time, the latest answers shown", async () => {
  const { page, context, log } = await openPage(h.browser);
  await page.addInitScript(COUNT_MATCHES);
  await page.addInitScript(() => {
    // A page restoring answers when the widget is ready, then changing them at once twice
    // (while the first match is in flight).
    document.addEventListener("routewijzer:ready", (e) => {
      e.target.profile = { age: 30 };
      e.target.profile = { age: 31 };
      e.target.profile = { age: 32 };
    }, { once: true });
  });
  await fixturePage(page, h.server.url, "set-on-ready.html", page1(['name="gezet"']));
  const w = page.locator("route-wijzer");
  await ready(w);
  await page.waitForTimeout(500); // any match still to come
  const matches = await page.evaluate(() => window.__matches);
  // The first answers set start a match; the two set while it runs are matched once, after it
  // (the latest); no match of no answers (the browsing view) at load, none twice.
  assert.deepEqual(matches, [{ age: 30 }, { age: 32 }]);
  assert.deepEqual(await w.evaluate((el) => el.profile), { age: 32 });
  const results = await events(page, "result");
  assert.equal(results.length, 1, "only the latest answers' result is shown");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("the language switch: to English and back by keyboard, the answers kept, focus on the switch; lang-switch=\"off\" leaves it out", async () => {
  const { page, context, log } = await openPage(h.browser);
  await fixturePage(page, h.server.url, "lang.html", page1(['name="a"', 'name="b" lang-switch="off"']));
  const [a, b] = [page.locator('route-wijzer[name="a"]'), page.locator('route-wijzer[name="b"]')];
  await a.locator("form").waitFor();
  await b.locator("form").waitFor();
  const profile = { sectors: ["vo"], subjects: ["scheikunde"], age: 41, location: { postcode: "3511" } };
  await a.evaluate((el, p) => (el.profile = p), profile);
  await waitForResults(a);
  const sw = a.locator(".rw-head > button.rw-lang");
  await sw.waitFor();
  assert.equal(await sw.textContent(), "English");
  assert.equal(await sw.getAttribute("lang"), "en", "read out in English");
  assert.equal(await b.locator(".rw-lang").count(), 0, 'lang-switch="off"');
  await sw.focus();
  await page.keyboard.press("Enter");
  await a.getByRole("button", { name: "Nederlands" }).waitFor();
  assert.equal(await a.getAttribute("lang"), "en");
  assert.equal(await a.locator(".rw-head > button.rw-lang").evaluate((el) => el.getRootNode().activeElement === el), true, "focus stays on the switch");
  assert.deepEqual(await a.evaluate((el) => el.profile), profile, "the answers are kept");
  await waitForResults(a);
  assert.match(await a.locator(".rw-summary").textContent(), /\b(route|routes)\b/i);
  assert.doesNotMatch(await a.locator(".rw-form").textContent(), /Welk diploma/, "the form is in English");
  await page.keyboard.press("Enter"); // back
  await a.getByRole("button", { name: "English" }).waitFor();
  assert.equal(await a.getAttribute("lang"), "nl");
  assert.deepEqual(await a.evaluate((el) => el.profile), profile);
  assert.equal(await b.getAttribute("lang"), null, "the other widget is untouched");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("the language switch does not take focus back from elsewhere on the page while the new language loads", async () => {
  const { page, context, log } = await openPage(h.browser);
  const html = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Taal</title><link rel="icon" href="data:,">
<script type="module" src="/routewijzer.js"></script></head><body><main><h1>Taal</h1>
<route-wijzer name="t" today="${TODAY}"></route-wijzer><label>Zoeken <input id="elders"></label>
</main></body></html>`;
  await fixturePage(page, h.server.url, "taal.html", html);
  const w = page.locator("route-wijzer");
  await w.locator(".rw-head > button.rw-lang").waitFor();
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route(/\/i18n\/en\.json$/, async (route) => {
    await held;
    await route.continue();
  });
  await w.locator(".rw-head > button.rw-lang").click();
  await page.locator("#elders").focus(); // the candidate moves on before English arrives
  release();
  await w.getByRole("button", { name: "Nederlands" }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), "elders", "focus stays where the candidate put it");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("answers set before the widget's stylesheet has loaded are read whole (its root is hidden until then)", async () => {
  const { page, context, log } = await openPage(h.browser);
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route(/\/routewijzer\.css$/, async (route) => {
    await held;
    await route.continue();
  });
  await fixturePage(page, h.server.url, "css.html", page1(['name="css"']));
  const w = page.locator("route-wijzer");
  await w.locator("form").waitFor({ state: "attached" });
  const profile = { sectors: ["po"], subjects: [], age: 35, location: { postcode: "3511" } };
  await page.waitForFunction(() => window.__events.some((e) => e.type === "ready"));
  await w.evaluate((el, p) => (el.profile = p), profile);
  assert.equal(await w.evaluate((el) => el.shadowRoot.querySelector(".rw").hidden), true, "the stylesheet is still held back");
  assert.deepEqual((await w.evaluate((el) => el.profile)).sectors, ["po"], "the ticked sector is read");
  release();
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("the ready event reports the region the loket serves (the attribute, as the handoff record does), else the catalog's", async () => {
  const { page, context, log } = await openPage(h.browser);
  const html = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Regio</title><link rel="icon" href="data:,">
<script type="module" src="/routewijzer.js"></script></head><body><main><h1>Regio</h1>
<route-wijzer name="eigen" region="AM12" catalog="/data/regions/AM13.json" today="${TODAY}"></route-wijzer>
<route-wijzer name="shard" catalog="/data/regions/AM13.json" today="${TODAY}"></route-wijzer>
</main></body></html>`;
  await fixturePage(page, h.server.url, "region.html", html);
  for (const name of ["eigen", "shard"]) await ready(page.locator(`route-wijzer[name="${name}"]`));
  const regions = Object.fromEntries((await events(page, "ready")).map((e) => [e.detail.name, e.detail.region]));
  assert.deepEqual(regions, { eigen: "AM12", shard: "AM13" });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("attribute values the widget cannot use (sectors, theme, lang, the filters' defaults) are said once each, and the widget goes on with its defaults", async () => {
  const { page, context, log } = await openPage(h.browser);
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await fixturePage(page, h.server.url, "attrs.html", page1(['name="a" sectors="basisonderwijs po" theme="donker" lang="de" max-km="25km" start-before="2027-02-30" paid="false" part-time=""']));
  const w = page.locator("route-wijzer");
  await ready(w);
  const messages = async () => (await events(page, "error")).map((e) => e.detail.message).sort();
  assert.deepEqual(await messages(), [
    'lang attribute "de": use nl or en; the widget speaks Dutch',
    'max-km attribute "25km": use a whole number of km from 1 to 999; no distance filter is set',
    'paid attribute "false": the filter is on while the attribute is there, whatever its value: remove the attribute to leave it off',
    'sectors attribute "basisonderwijs po": "basisonderwijs" is no sector (use po, vo, mbo)',
    'start-before attribute "2027-02-30": use a date YYYY-MM-DD; no start filter is set',
    'theme attribute "donker": use light or dark',
  ]);
  assert.equal(warnings.filter((x) => x.includes(" attribute ")).length, 6);
  // The filters as the widget uses them: no distance or start filter; paid on (the attribute
  // is there), and part-time="" on, and fine.
  await w.locator(".rw-results .rw-summary").waitFor();
  await w.locator("details", { hasText: "Filters" }).first().locator("summary").click();
  assert.equal(await w.getByLabel("Hoogstens zo ver (km)").inputValue(), "");
  assert.equal(await w.getByLabel("Start uiterlijk").inputValue(), "");
  assert.equal(await w.getByLabel("Alleen met salaris tijdens de opleiding").isChecked(), true);
  assert.equal(await w.getByLabel(/Alleen naast een baan te volgen/).isChecked(), true);
  assert.equal(await w.getByRole("group", { name: "Waar wil je lesgeven?" }).getByRole("checkbox").count(), 1, "the valid sector is used");
  await w.evaluate((el) => el.setAttribute("theme", "dark"));
  await w.evaluate((el) => el.setAttribute("theme", "donker"));
  assert.equal((await messages()).length, 6, "said once per value");
  assert.deepEqual(log.errors, []);
  await context.close();
});
