// The TypeScript declarations shipped in pkg/routewijzer.d.ts (src/wasm/types.d.ts,
// generated from the Rust types' JSON Schemas by scripts/gen-types.mjs, and the hand-written
// src/wasm/wasm.d.ts, both attached in src/wasm/mod.rs) and those of the JS client and
// element (www/js/client.d.ts, www/routewijzer.d.ts): the generated file must match a fresh
// generation, tsc type-checks realistic use of both APIs (tests/types), and every fixture
// is checked literally against Profile / Catalog with `satisfies`, so a vocabulary id, a
// field or a required field that the declarations get wrong fails here.
// Needs scripts/build-web.sh (pkg/) and npm ci (typescript, json-schema-to-typescript).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TSC = join(ROOT, "node_modules/.bin/tsc");
const DTS = join(ROOT, "pkg/routewijzer.d.ts");

function tsc(args, cwd = ROOT) {
  const r = spawnSync(TSC, args, { cwd, encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  return r;
}

test("the toolchain is there", () => {
  assert.ok(existsSync(TSC), "node_modules/.bin/tsc is missing: run npm ci");
  assert.ok(existsSync(DTS), "pkg/routewijzer.d.ts is missing: run scripts/build-web.sh");
});

test("src/wasm/types.d.ts is what scripts/gen-types.mjs generates from schema/", () => {
  const r = spawnSync(process.execPath, [join(ROOT, "scripts/gen-types.mjs"), "--check"], { cwd: ROOT, encoding: "utf8" });
  if (r.error) throw r.error;
  assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
});

test("pkg/routewijzer.d.ts has the generated declarations", () => {
  // wasm-bindgen copies a custom section line by line without the indentation.
  const lines = (file) => readFileSync(file, "utf8").split("\n").map((l) => l.trim()).join("\n");
  const dts = lines(DTS);
  for (const file of ["src/wasm/types.d.ts", "src/wasm/wasm.d.ts"]) {
    assert.ok(dts.includes(lines(join(ROOT, file)).trim()), `pkg/routewijzer.d.ts does not contain ${file}: run scripts/build-web.sh`);
  }
});

test("pkg/routewijzer.d.ts types the Matcher API, not `any`", () => {
  const dts = readFileSync(DTS, "utf8");
  const cls = /export class Matcher \{[\s\S]*?\n\}/.exec(dts)?.[0] ?? "";
  assert.match(cls, /constructor\(catalog: Catalog \| string, overlay\?: Overlay \| string \| null\);/);
  assert.match(cls, /match\(profile: Profile \| string, today: string, lang\?: Lang \| null, limit\?: number \| null, closed\?: number \| null, view\?: MatchView \| null\): MatchResult;/);
  assert.match(cls, /info\(\): CatalogInfo;/);
  assert.match(cls, /places\(\): PlaceOption\[\];/);
  assert.doesNotMatch(cls, /\bany\b/);
  const names = ["Profile", "Catalog", "Offering", "Test", "MatchResult", "RouteResult", "Sector", "RouteKind", "Lang", "IsoDate"];
  names.push("CatalogInfo", "PlaceOption", "Problem", "RoutewijzerError");
  for (const name of names) {
    const declarations = dts.match(new RegExp(`^export (interface|type) ${name}\\b`, "gm")) ?? [];
    assert.equal(declarations.length, 1, `${name} is declared ${declarations.length} times`);
  }
});

test("www/js/client.d.ts and www/routewijzer.d.ts declare the JS client and the element, not `any`", () => {
  const client = readFileSync(join(ROOT, "www/js/client.d.ts"), "utf8");
  assert.match(client, /from "\.\.\/pkg\/routewijzer\.js"/, "types come from the wasm declarations");
  assert.match(client, /static load\(options: LoadOptions\): Promise<Routewijzer>;/);
  assert.match(client, /match\(profile: Profile \| string, options\?: MatchOptions\): Promise<MatchResult>;/);
  assert.match(client, /export class RoutewijzerInputError extends Error/);
  const entry = readFileSync(join(ROOT, "www/routewijzer.d.ts"), "utf8");
  assert.match(entry, /export class RouteWijzer extends HTMLElement/);
  for (const [f, text] of [["client.d.ts", client], ["routewijzer.d.ts", entry]]) assert.doesNotMatch(text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ""), /\bany\b/, f);
});

test("tsc -p tests/types accepts the usage and rejects the wrong values", () => {
  const r = tsc(["-p", "tests/types"]);
  assert.equal(r.status, 0, `tsc failed:\n${r.stdout}${r.stderr}`);
});

test("every fixture satisfies its declared type literally (string unions included)", () => {
  const fixtures = (dir) => readdirSync(join(ROOT, dir)).filter((f) => f.endsWith(".json")).map((f) => join(dir, f));
  const profiles = fixtures("tests/fixtures/profiles");
  const catalogs = ["tests/fixtures/sample-catalog.json", "www/data/catalog.json"].filter((f) => existsSync(join(ROOT, f)));
  assert.ok(profiles.length > 0 && catalogs.length > 0);

  // One `satisfies` per value: a whole catalog as one literal makes unions too large for
  // tsc, so a catalog is checked as its skeleton (lists emptied) plus each list element.
  const lines = [`import type { Catalog, Profile } from ${JSON.stringify(DTS.replace(/\.d\.ts$/, ".js"))};`];
  let n = 0;
  const check = (value, type) => lines.push(`export const v${n++} = (${JSON.stringify(value)}) satisfies ${type};`);
  for (const file of profiles) {
    lines.push(`// ${file}`);
    check(JSON.parse(readFileSync(join(ROOT, file), "utf8")), "Profile");
  }
  for (const file of catalogs) {
    lines.push(`// ${file}`);
    const catalog = JSON.parse(readFileSync(join(ROOT, file), "utf8"));
    const skeleton = {};
    for (const [key, value] of Object.entries(catalog)) {
      skeleton[key] = Array.isArray(value) ? [] : value;
      if (Array.isArray(value)) for (const item of value) check(item, `NonNullable<Catalog[${JSON.stringify(key)}]>[number]`);
    }
    check(skeleton, "Catalog");
  }

  const dir = mkdtempSync(join(tmpdir(), "routewijzer-types-"));
  try {
    writeFileSync(join(dir, "fixtures.ts"), lines.join("\n") + "\n");
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({ extends: join(ROOT, "tests/types/tsconfig.json"), files: ["fixtures.ts"] }),
    );
    const r = tsc(["-p", dir]);
    assert.equal(r.status, 0, `tsc failed on the fixtures:\n${r.stdout}${r.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
