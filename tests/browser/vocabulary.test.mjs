// The translation store (src/i18n/nl.json, en.json) against the core's vocabulary: the
// shell builds its form from the store's label keys, and the core is to render its
// messages from the same files. Checks: every vocabulary id of the core has a label in
// both languages and there are no extra ids; both languages have the same keys and the
// same {placeholders}; the messages are the core's.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";

const root = new URL("../../", import.meta.url);
const read = (f) => readFileSync(new URL(f, root), "utf8");
const store = { nl: JSON.parse(read("src/i18n/nl.json")), en: JSON.parse(read("src/i18n/en.json")) };

const enums = (file) => {
  const schema = JSON.parse(read(file));
  const defs = schema.$defs || schema.definitions;
  // schemars writes a plain enum, or (when some variants have doc comments) a oneOf of
  // `{enum: [...]}` groups and `{const: ...}` variants.
  return (name) => defs[name] && (defs[name].enum || defs[name].oneOf?.flatMap((x) => x.enum ?? [x.const]));
};
const profileEnum = enums("schema/profile.schema.json");
const catalogEnum = enums("schema/catalog.schema.json");
/** A string union of the declarations generated from the Rust types (for types only results have). */
const dtsUnion = (name) => {
  const m = new RegExp(`export type ${name} =([^;]+);`).exec(read("src/wasm/types.d.ts"));
  return m && [...m[1].matchAll(/"([^"]+)"/g)].map((x) => x[1]);
};
const weights = () => {
  const schema = JSON.parse(read("schema/catalog.schema.json"));
  const defs = schema.$defs || schema.definitions;
  return Object.keys(defs.Weights.properties);
};

/** Label kind -> the core's ids, from the schemas generated from the Rust types (profile first). */
const KINDS = {
  sector: profileEnum("Sector"),
  level: profileEnum("Level"),
  qualification: profileEnum("Qualification"),
  subject: profileEnum("Subject"),
  role: profileEnum("Role"),
  dutch: profileEnum("Dutch"),
  pabo_test: profileEnum("PaboTest"),
  earn_while_learning: profileEnum("EarnWish"),
  mode: catalogEnum("Mode"),
  cost_basis: catalogEnum("CostBasis"),
  employment_type: catalogEnum("EmploymentType"),
  status: catalogEnum("SourceStatus"),
  intake_status: catalogEnum("IntakeStatus"),
  route_kind: catalogEnum("RouteKind"),
  activity_type: catalogEnum("ActivityType"),
  attendance_mode: catalogEnum("AttendanceMode"),
  eligibility: dtsUnion("Eligibility"),
  factor: weights(),
};

const placeholders = (s) => [...s.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]).sort();

test("the store has messages, labels, ui and the report's words, and nothing else", () => {
  for (const [lang, s] of Object.entries(store)) assert.deepEqual(Object.keys(s), ["messages", "labels", "ui", "report"], lang);
});

test("every vocabulary id of the core has a label in nl and en, and no label is for an unknown id", () => {
  for (const [kind, ids] of Object.entries(KINDS)) {
    assert.ok(ids?.length, `the core's ids of ${kind}`);
    for (const lang of ["nl", "en"]) {
      const labels = store[lang].labels[kind];
      assert.ok(labels, `${lang}: labels.${kind}`);
      assert.deepEqual(Object.keys(labels).sort(), [...ids].sort(), `${lang}: labels.${kind} are the core's ids`);
      for (const [id, label] of Object.entries(labels)) assert.ok(typeof label === "string" && label.trim() === label && label, `${lang}: labels.${kind}.${id}`);
    }
  }
  assert.deepEqual(Object.keys(store.nl.labels).sort(), Object.keys(KINDS).sort(), "no label kind the core does not have");
});

test("nl and en have the same keys in the same order (the order of the form)", () => {
  assert.deepEqual(Object.keys(store.en.messages), Object.keys(store.nl.messages));
  assert.deepEqual(Object.keys(store.en.ui), Object.keys(store.nl.ui));
  assert.deepEqual(Object.keys(store.en.labels), Object.keys(store.nl.labels));
  for (const kind of Object.keys(store.nl.labels)) assert.deepEqual(Object.keys(store.en.labels[kind]), Object.keys(store.nl.labels[kind]), kind);
});

test("nl and en use the same placeholders in every message and interface text", () => {
  for (const part of ["messages", "ui"]) {
    for (const [key, nl] of Object.entries(store.nl[part])) {
      const en = store.en[part][key];
      assert.ok(typeof nl === "string" && nl && typeof en === "string" && en, `${part}.${key} is text in both`);
      assert.deepEqual(placeholders(en), placeholders(nl), `${part}.${key}`);
    }
  }
});

test("the shell has no vocabulary or text tables of its own", () => {
  const files = ["www/routewijzer.js", ...readdirSync(new URL("www/js/", root)).filter((f) => f.endsWith(".js")).map((f) => `www/js/${f}`)];
  for (const f of files) {
    const js = read(f);
    assert.doesNotMatch(js, /\bconst (V|T|LEVELS|SUBJECTS_VO|SUBJECTS_MBO|QUALS|ROLES|DUTCH|PABO_TESTS) =/, f);
    // No vocabulary id as a quoted label table entry, e.g. "mbo-techniek": [...].
    assert.doesNotMatch(js, /"(mbo-techniek|hbo-bachelor|leraar-onbevoegd)":/, f);
  }
});

test("a count of 1 reads in the singular: Words.t takes `key1` for n = 1, `key` otherwise", async () => {
  const { Words } = await import("../../www/js/i18n.js");
  for (const lang of ["nl", "en"]) {
    const w = new Words(lang, store[lang]);
    const singulars = Object.keys(store[lang].ui).filter((k) => /1$/.test(k) && store[lang].ui[k.slice(0, -1)]?.includes("{n}"));
    assert.ok(singulars.length >= 6, `${lang}: singular keys ${singulars.join(", ")}`);
    for (const k1 of singulars) {
      const k = k1.slice(0, -1);
      assert.equal(w.t(k, { n: 1 }), store[lang].ui[k1], `${lang} ${k}, n = 1`);
      assert.equal(w.t(k, { n: 3 }), store[lang].ui[k].replaceAll("{n}", "3"), `${lang} ${k}, n = 3`);
    }
  }
  const nl = new Words("nl", store.nl);
  assert.equal(nl.t("kindOfferings", { n: 1 }), "1 opleidingsplek");
  assert.equal(nl.t("kindOfferings", { n: 2 }), "2 opleidingsplekken");
  assert.equal(new Words("en", store.en).t("actMore", { n: 1 }), "1 more activity");
});
