// Size budgets of what a loket serves (issue 4): the wasm module at most 80 KB gzip, the
// shell (widget script + styles) at most 25 KB gzip. Reads the build output of
// scripts/build-web.sh (the test command builds it first). Figures: BENCHMARKS.md.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const root = new URL("../../", import.meta.url);
const gz = (...files) => gzipSync(Buffer.concat(files.map((f) => readFileSync(new URL(f, root)))), { level: 9 }).length;

test("the wasm module is at most 80 KB gzip", () => {
  const n = gz("pkg/routewijzer_bg.wasm");
  console.log(`# pkg/routewijzer_bg.wasm: ${n} bytes gzip`);
  assert.ok(n <= 80 * 1024, `${n} bytes gzip > 80 KB`);
});

test("the loket folder ships the same wasm as pkg/", () => {
  const a = readFileSync(new URL("pkg/routewijzer_bg.wasm", root));
  const b = readFileSync(new URL("dist/routewijzer/pkg/routewijzer_bg.wasm", root));
  assert.ok(a.equals(b), "dist/routewijzer/pkg is stale: run scripts/build-web.sh");
});

test("the shell (script + styles) is at most 25 KB gzip", () => {
  const n = gz("www/routewijzer.js", "www/routewijzer.css");
  console.log(`# www/routewijzer.js + www/routewijzer.css: ${n} bytes gzip`);
  assert.ok(n <= 25 * 1024, `${n} bytes gzip > 25 KB`);
});
