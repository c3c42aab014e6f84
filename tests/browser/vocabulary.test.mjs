// The form's lists of ids (www/routewijzer.js) must stay the vocabulary of the core
// (schema/profile.schema.json, generated from the Rust types), and every id the form
// offers must have a label in both languages.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const root = new URL("../../", import.meta.url);
const js = readFileSync(new URL("www/routewijzer.js", root), "utf8");
const schema = JSON.parse(readFileSync(new URL("schema/profile.schema.json", root), "utf8"));
const defs = schema.$defs || schema.definitions;
const ids = (name) => defs[name].enum || defs[name].oneOf.map((x) => x.const);
const list = (name) => {
  const m = js.match(new RegExp(`const ${name} = (\\[[^\\]]*\\]);`));
  assert.ok(m, `const ${name} in routewijzer.js`);
  return JSON.parse(m[1]);
};

test("the form offers exactly the core's ids", () => {
  const sorted = (a) => [...a].sort();
  // Every level except "geen" (no diploma is simply no entry in the list).
  assert.deepEqual(sorted(list("LEVELS")), sorted(ids("Level").filter((l) => l !== "geen")));
  assert.deepEqual(sorted([...list("SUBJECTS_VO"), ...list("SUBJECTS_MBO")]), sorted(ids("Subject")));
  // A held qualification is never "geen".
  assert.deepEqual(sorted(list("QUALS")), sorted(ids("Qualification").filter((q) => q !== "geen")));
  assert.deepEqual(sorted(list("ROLES")), sorted(ids("Role")));
  assert.deepEqual(sorted(list("DUTCH")), sorted(ids("Dutch")));
  assert.deepEqual(sorted(list("PABO_TESTS")), sorted(ids("PaboTest")));
});

test("every id the form offers has a Dutch and an English label", () => {
  const labels = js.slice(js.indexOf("const V = {"), js.indexOf("};", js.indexOf("const V = {")));
  for (const id of [...list("LEVELS"), ...list("SUBJECTS_VO"), ...list("SUBJECTS_MBO"), ...list("PABO_TESTS")]) {
    assert.match(labels, new RegExp(`"${id}": \\["[^"]+", "[^"]+"\\]`), id);
  }
  for (const q of list("QUALS")) assert.match(labels, new RegExp(`"q:${q}": \\["[^"]+", "[^"]+"\\]`), q);
});
