// The shortlist (www/js/shortlist.js) in node: keeping and letting go, at most three
// compared, storage only under the "remember" consent (and removed when it is withdrawn),
// a stored list read back after a reload and a tampered one ignored, snapshots refreshed
// from a new result, and the comparison's rows in nl and en from the golden result.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { compareRows, MAX_COMPARED, MAX_KEPT, Shortlist, snapshot } from "../../www/js/shortlist.js";
import { Words } from "../../www/js/i18n.js";

const root = new URL("../../", import.meta.url);
const read = (f) => readFileSync(new URL(f, root), "utf8");
const GOLDEN = JSON.parse(read("tests/golden/januari-baanaanbod.json"));
const R = GOLDEN.routes;
const KEY = "routewijzer:test:kept";
const words = (lang) => new Words(lang, JSON.parse(read(`src/i18n/${lang}.json`)));

/** A Storage in memory; `broken` makes every call throw (storage disabled, quota). */
function memory({ broken = false } = {}) {
  const m = new Map();
  const guard = (fn) => (...a) => {
    if (broken) throw new DOMException("denied", "SecurityError");
    return fn(...a);
  };
  return { m, getItem: guard((k) => (m.has(k) ? m.get(k) : null)), setItem: guard((k, v) => m.set(k, String(v))), removeItem: guard((k) => m.delete(k)) };
}

test("keeping and letting go; the first three kept are compared, a fourth waits", () => {
  const s = new Shortlist({ key: KEY, storage: memory() });
  assert.equal(s.toggle(R[0]), true);
  assert.ok(s.has(R[0].offering));
  assert.equal(s.toggle(R[0]), false, "a second press lets it go");
  assert.equal(s.size, 0);
  for (const r of R.slice(0, 4)) s.toggle(r);
  assert.equal(s.size, 4);
  assert.deepEqual(s.compared.map((x) => x.offering), R.slice(0, MAX_COMPARED).map((r) => r.offering));
  assert.equal(s.setCompared(R[3].offering, true), false, "no fourth column");
  assert.equal(s.setCompared(R[1].offering, false), true);
  assert.equal(s.setCompared(R[3].offering, true), true);
  assert.deepEqual(s.compared.map((x) => x.offering), [R[0], R[2], R[3]].map((r) => r.offering));
  assert.equal(s.setCompared("not-kept", true), false);
  s.remove(R[0].offering);
  assert.deepEqual(s.compared.map((x) => x.offering), [R[2], R[3]].map((r) => r.offering));
});

test(`at most ${MAX_KEPT} kept`, () => {
  const s = new Shortlist({ key: KEY, storage: memory() });
  const many = Array.from({ length: MAX_KEPT + 2 }, (_, i) => ({ ...R[0], offering: `o${i}` }));
  const kept = many.map((r) => s.toggle(r));
  assert.equal(s.size, MAX_KEPT);
  assert.deepEqual(kept.slice(MAX_KEPT), [false, false]);
});

test("the snapshot holds what the comparison and the handoff need, and nothing of the profile", () => {
  const x = snapshot(R[0]);
  assert.deepEqual(Object.keys(x).sort(), ["apply_by", "conditions", "cost_basis", "cost_eur_per_year", "distance_km", "duration", "eligibility", "institution", "kind", "name", "offering", "paid_while_learning", "pay_eur_per_month", "place", "start_date", "url"]);
  assert.equal(x.start_date, R[0].next_intake.start_date);
  assert.equal(x.apply_by, R[0].next_intake.apply_by);
  assert.equal(snapshot({ ...R[0], next_intake: { ...R[0].next_intake, rolling: true } }).apply_by, null, "no deadline for a route without cohorts");
  assert.deepEqual(x.conditions, R[0].conditions.map((c) => c.message.text));
  const profileValues = ["toegepaste-wiskunde", "3511", "2027-01-04", "leraar-onbevoegd"];
  for (const v of profileValues) assert.ok(!JSON.stringify(x).includes(v), v);
});

test("storage only under consent: nothing written before, everything on ticking, removed on unticking", () => {
  const st = memory();
  const s = new Shortlist({ key: KEY, storage: st });
  s.toggle(R[0]);
  assert.equal(st.m.size, 0, "not stored without consent");
  s.persist(true);
  assert.ok(st.m.has(KEY), "stored on ticking");
  s.toggle(R[1]);
  assert.equal(JSON.parse(st.m.get(KEY)).items.length, 2, "changes are stored while ticked");
  s.persist(false);
  assert.equal(st.m.has(KEY), false, "removed on unticking");
  s.toggle(R[2]);
  assert.equal(st.m.has(KEY), false, "and not written again");
  assert.equal(s.size, 3, "still kept in memory");
});

test("a stored list comes back after a reload; a tampered or foreign one is ignored; a broken storage never throws", () => {
  const st = memory();
  const a = new Shortlist({ key: KEY, storage: st });
  a.persist(true);
  for (const r of R.slice(0, 4)) a.toggle(r);
  a.setCompared(R[0].offering, false);
  a.setCompared(R[3].offering, true);
  const b = new Shortlist({ key: KEY, storage: st });
  assert.equal(b.load(), 4);
  assert.deepEqual(b.items, a.items);
  assert.deepEqual(b.compared.map((x) => x.offering), a.compared.map((x) => x.offering));
  for (const raw of ["{", "[]", '{"v":2,"items":[]}', '{"v":1,"items":"x"}']) {
    st.m.set(KEY, raw);
    assert.equal(new Shortlist({ key: KEY, storage: st }).load(), 0, raw);
  }
  st.m.set(KEY, JSON.stringify({ v: 1, items: [null, 5, { name: "no id" }, { offering: "x", name: "<img src=x onerror=alert(1)>", eligibility: "hacked", conditions: "no", distance_km: "far" }, { offering: "x" }], compare: ["x", "y"] }));
  const c = new Shortlist({ key: KEY, storage: st });
  assert.equal(c.load(), 1, "one valid item, duplicates dropped");
  const [x] = c.items;
  assert.equal(x.eligibility, null);
  assert.deepEqual(x.conditions, []);
  assert.equal(x.distance_km, null);
  assert.deepEqual(c.compared.map((y) => y.offering), ["x"]);
  const broken = new Shortlist({ key: KEY, storage: memory({ broken: true }) });
  broken.persist(true);
  assert.equal(broken.toggle(R[0]), true);
  assert.equal(broken.load(), 0);
  broken.persist(false);
});

test("a new result refreshes the kept snapshots it lists (verdict, texts in the new language)", () => {
  const s = new Shortlist({ key: KEY, storage: memory() });
  s.toggle(R[0]);
  const changed = structuredClone(GOLDEN);
  changed.routes[0].eligibility = "eligible";
  changed.routes[0].conditions = [];
  s.refresh(changed);
  assert.equal(s.items[0].eligibility, "eligible");
  assert.deepEqual(s.items[0].conditions, []);
  s.refresh({ routes: [] });
  assert.equal(s.items[0].eligibility, "eligible", "a route the result does not list keeps its snapshot");
});

test("the comparison's rows: every aspect for every route, in nl and en", () => {
  const items = R.slice(0, 3).map(snapshot);
  for (const lang of ["nl", "en"]) {
    const w = words(lang);
    const { cols, rows } = compareRows(items, w);
    assert.deepEqual(cols.map((c) => c.name), items.map((x) => x.name));
    assert.deepEqual(rows.map((r) => r.key), ["verdict", "conditions", "start", "apply", "duration", "cost", "pay", "distance"]);
    for (const r of rows) {
      assert.equal(r.cells.length, 3, r.key);
      assert.ok(!/^cmp|^[a-z]+[A-Z]/.test(r.label), `${r.label} is a key, not a word`);
    }
    const cell = (key, i) => rows.find((r) => r.key === key).cells[i];
    assert.equal(cell("verdict", 0), w.option("eligibility", items[0].eligibility));
    assert.equal(cell("start", 0), w.date(items[0].start_date));
    assert.equal(cell("duration", 0), w.duration(items[0].duration));
    assert.equal(cell("distance", 0), w.km(items[0].distance_km));
    assert.ok(cell("cost", 0).startsWith(w.euro(items[0].cost_eur_per_year)));
    assert.deepEqual(cell("conditions", 0), items[0].conditions);
    assert.deepEqual(items[1].conditions, [], "the golden result's second route has nothing to arrange");
    assert.equal(cell("conditions", 1), w.t("cmpNone"));
  }
});
