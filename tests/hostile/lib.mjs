// Shared by make.mjs (writes the committed corpus) and run.test.mjs (generates the big
// cases at run time): the small base catalog, cut from the sample catalog, and the
// writer that keeps every list element on one line so a hostile file diffs readably.
import { readFileSync } from "node:fs";

export const ROOT = new URL("../../", import.meta.url);
export const SAMPLE = new URL("tests/fixtures/sample-catalog.json", ROOT);
export const PERSONA = new URL("tests/fixtures/profiles/januari-baanaanbod.json", ROOT);
export const TODAY = "2026-11-23";

/** A deep copy of a JSON value. */
export const clone = (v) => JSON.parse(JSON.stringify(v));

/**
 * A small valid catalog (about 8 KB) cut from the sample: two route kinds (pabo-voltijd,
 * zij-instroom-vo-tweedegraads) with five of their rules and those rules' sources, four offerings at three
 * institutions, two vacancies, four places with their postcodes, a few shortages, the collegegeld
 * figure and the weights. Offering 0 is a collegegeld-paid pabo with two intakes.
 */
export function baseCatalog() {
  const s = JSON.parse(readFileSync(SAMPLE, "utf8"));
  const kinds = ["pabo-voltijd", "zij-instroom-vo-tweedegraads"];
  const offeringIds = [
    "hu-pabo-voltijd-utrecht",
    "marnix-pabo-voltijd-utrecht",
    "hu-zij-instroom-vo-wiskunde-utrecht",
    "hu-zij-instroom-vo-techniek-utrecht",
  ];
  // Each kind keeps a few of its rules: enough for every test type the base needs.
  const keepRules = [
    "hbo-vooropleiding",
    "nt2-programma-ii",
    "zij-instroom-vo-tweedegraads-verwant",
    "zij-instroom-aanstelling",
    "zij-instroom-geschiktheidsonderzoek",
  ];
  const route_kinds = s.route_kinds
    .filter((k) => kinds.includes(k.kind))
    .map((k) => ({ ...k, rules: k.rules.filter((r) => keepRules.includes(r)) }));
  const ruleIds = new Set(route_kinds.flatMap((k) => k.rules));
  const rules = s.rules.filter((r) => ruleIds.has(r.id)).map(({ note, ...r }) => r);
  const offerings = offeringIds
    .map((id) => s.offerings.find((o) => o.id === id))
    .map((o) => ({ ...o, intakes: o.intakes.slice(-2) }));
  const institutions = s.institutions.filter((i) => offerings.some((o) => o.institution === i.id));
  const vacancies = s.vacancies.filter((v) => v.sector === "vo").slice(0, 2);
  const shortages = s.shortages.slice(0, 4);
  const figures = s.figures
    .filter((f) => f.id === "collegegeld")
    .map((f) => ({ ...f, values: f.values.slice(-3).map(({ note, ...v }) => v) }));
  const places = s.places.filter((p) => ["GM0344", "GM0363", "GM0599", "GM0307"].includes(p.id));
  const postcodes = s.postcodes.filter((pc) => places.some((p) => p.id === pc[3]));
  const relatedness = s.relatedness.filter((r) =>
    ["wiskunde", "toegepaste-wiskunde", "werktuigbouwkunde", "natuurkunde"].includes(r.field),
  );
  const cited = new Set([
    ...rules.flatMap((r) => r.sources),
    ...route_kinds.flatMap((k) => k.sources ?? []),
    ...figures.flatMap((f) => f.values.flatMap((v) => v.sources)),
    ...shortages.map((x) => x.source),
    ...relatedness.map((r) => r.source).filter(Boolean),
  ]);
  const sources = s.sources.filter((x) => cited.has(x.id));
  return {
    meta: { ...s.meta, name: "Hostile corpus base catalog", notes: ["Cut from tests/fixtures/sample-catalog.json by tests/hostile/lib.mjs."] },
    sources,
    rules,
    route_kinds,
    relatedness,
    institutions,
    offerings,
    vacancies,
    places,
    postcodes,
    shortages,
    figures,
    weights: s.weights,
  };
}

/** JSON text with each top-level member on its own line and each list element on one line. */
export function write(doc) {
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) return JSON.stringify(doc) + "\n";
  const members = Object.entries(doc).map(([k, v]) =>
    Array.isArray(v) && v.length > 0
      ? `  ${JSON.stringify(k)}: [\n${v.map((x) => "    " + JSON.stringify(x)).join(",\n")}\n  ]`
      : `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`,
  );
  return `{\n${members.join(",\n")}\n}\n`;
}

/** `{"type": "not", "not": ...}` wrapped around a vog test until the tree is `depth` deep. */
export function notChain(depth) {
  let t = { type: "vog" };
  for (let i = 1; i < depth; i++) t = { type: "not", not: t };
  return t;
}

/** A JSON array nested `depth` deep, as text (`[[[...]]]`). */
export const nestedArrayText = (depth) => "[".repeat(depth) + "]".repeat(depth);

/** A JS object nested `depth` deep: `{a: {a: ... {}}}`. */
export function nestedObject(depth) {
  let o = {};
  for (let i = 0; i < depth; i++) o = { a: o };
  return o;
}

/**
 * Cases too big to commit, made at run time: name → JSON text. The manifest names them
 * with `generate`.
 */
export const generators = {
  "catalog-name-20000": () => write({ ...baseCatalog(), meta: { ...baseCatalog().meta, name: "n".repeat(20_000) } }),
  "catalog-name-10000": () => write({ ...baseCatalog(), meta: { ...baseCatalog().meta, name: "\u00e9".repeat(10_000) } }),
  "catalog-many-problems": () => {
    const c = baseCatalog();
    const v = c.vacancies[0];
    for (let i = 0; i < 300; i++) c.vacancies.push({ ...v, id: `kapot-${i}`, work_hours: "veel" });
    return write(c);
  },
  "catalog-sources-2001": () => {
    const c = baseCatalog();
    for (let i = c.sources.length; i < 2001; i++) c.sources.push({ id: `X${i}`, url: `https://example.org/${i}` });
    return write(c);
  },
  "catalog-over-size": () => {
    const c = baseCatalog();
    c.meta.notes = ["x".repeat(64 << 20)];
    return write(c);
  },
  "profile-over-size": () => JSON.stringify({ diplomas: [{ level: "havo", field: "x".repeat(100_000) }] }),
  "profile-field-20000": () => JSON.stringify({ diplomas: [{ level: "havo", field: "y".repeat(20_000) }] }),
};
