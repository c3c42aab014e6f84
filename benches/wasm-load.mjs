// Measures building a wasm Matcher from catalog JSON text (read by serde_json inside the
// wasm) against building it from a parsed JS object (JSON.parse in JS, then read with
// serde-wasm-bindgen), one match() as the widget calls it (limit 60, closed 30), and
// building from text at 1x, 5x and 20x the national catalog. After
// `bash scripts/build-web.sh`:   node benches/wasm-load.mjs [runs]
import { readFileSync } from "node:fs";
import { initSync, Matcher } from "../pkg/routewijzer.js";

initSync({ module: readFileSync(new URL("../pkg/routewijzer_bg.wasm", import.meta.url)) });
const runs = Number(process.argv[2] || 15);
const profile = JSON.parse(readFileSync(new URL("../tests/fixtures/profiles/januari-baanaanbod.json", import.meta.url), "utf8"));
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(f) {
  const t = performance.now();
  const r = f();
  return [performance.now() - t, r];
}
for (const file of ["www/data/regions/AM13.json", "www/data/catalog.json"]) {
  const text = readFileSync(new URL(`../${file}`, import.meta.url), "utf8");
  const fromText = [], fromObject = [], parse = [], match = [];
  for (let i = 0; i < runs; i++) {
    let [ms, m] = time(() => new Matcher(text));
    fromText.push(ms);
    m.free();
    const [p, obj] = time(() => JSON.parse(text));
    parse.push(p);
    [ms, m] = time(() => new Matcher(obj));
    fromObject.push(p + ms);
    match.push(time(() => m.match(profile, "2026-11-23", "nl", 60, 30))[0]);
    m.free();
  }
  console.log(`${file} (${(text.length / 1e6).toFixed(2)} MB): Matcher from text ${median(fromText).toFixed(1)} ms; ` +
    `from object ${median(fromObject).toFixed(1)} ms (of which JSON.parse ${median(parse).toFixed(1)} ms); ` +
    `match() ${median(match).toFixed(2)} ms (median of ${runs})`);
}

// Scale: the national catalog with its offerings and vacancies repeated.
const national = JSON.parse(readFileSync(new URL("../www/data/catalog.json", import.meta.url), "utf8"));
for (const times of [1, 5, 20]) {
  const c = { ...national, offerings: [], vacancies: [] };
  for (let k = 0; k < times; k++) {
    const suffix = k ? `-x${k}` : "";
    c.offerings.push(...national.offerings.map((o) => ({ ...o, id: o.id + suffix })));
    c.vacancies.push(...national.vacancies.map((v) => ({ ...v, id: v.id + suffix })));
  }
  const text = JSON.stringify(c);
  const [ms, m] = time(() => new Matcher(text));
  const [mm] = time(() => m.match(profile, "2026-11-23", "nl", 60, 30));
  const memory = m.constructor && globalThis.process ? process.memoryUsage().rss : 0;
  console.log(`${times}x national (${(text.length / 1e6).toFixed(1)} MB, ${c.offerings.length} offerings): new Matcher(text) ${ms.toFixed(0)} ms, match() ${mm.toFixed(1)} ms, process RSS ${(memory / 1e6).toFixed(0)} MB`);
  m.free();
}
