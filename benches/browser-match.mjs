// In-browser timings of the wasm API in Debian Chromium (playwright-core): building a
// Matcher from a fetched catalog and one match() as the widget calls it (limit 60,
// closed 30), median of N runs, on the AM13 shard and on the national catalog.
//
//   bash scripts/build-web.sh && node benches/browser-match.mjs [ROOT] [RUNS]
//
// ROOT is a folder laid out like www/ (pkg/, data/); default www/. The page calls
// `new Matcher(text)` with the fetched catalog text, as the widget does.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, resolve } from "node:path";
import { chromium } from "playwright-core";

const root = resolve(process.argv[2] || new URL("../www", import.meta.url).pathname);
const runs = Number(process.argv[3] || 30);
const types = { ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json", ".html": "text/html" };
const server = createServer(async (req, res) => {
  const path = join(root, decodeURIComponent(new URL(req.url, "http://x").pathname));
  if (!path.startsWith(root)) return res.writeHead(403).end();
  try {
    const body = await readFile(path.endsWith("/") ? join(path, "index.html") : path);
    res.writeHead(200, { "content-type": types[extname(path)] || "application/octet-stream" }).end(body);
  } catch {
    res.writeHead(404).end();
  }
}).listen(0, "127.0.0.1");
await new Promise((r) => server.once("listening", r));
const base = `http://127.0.0.1:${server.address().port}`;
const profile = JSON.parse(await readFile(new URL("../tests/fixtures/profiles/januari-baanaanbod.json", import.meta.url), "utf8"));

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});
try {
  const page = await browser.newPage();
  await page.goto(`${base}/pkg/routewijzer.js`);
  for (const catalog of ["data/regions/AM13.json", "data/catalog.json"]) {
    const r = await page.evaluate(async ({ base, catalog, profile, runs }) => {
      const { default: init, Matcher } = await import(`${base}/pkg/routewijzer.js`);
      await init();
      const text = await (await fetch(`${base}/${catalog}`)).text();
      const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const build = [], match = [];
      let m;
      for (let i = 0; i < Math.max(5, Math.floor(runs / 3)); i++) {
        m?.free();
        const t = performance.now();
        m = new Matcher(text);
        build.push(performance.now() - t);
      }
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        m.match(profile, "2026-11-23", "nl", 60, 30);
        match.push(performance.now() - t);
      }
      return { build: median(build), match: median(match) };
    }, { base, catalog, profile, runs });
    console.log(`${catalog}: new Matcher (from text) ${r.build.toFixed(1)} ms, match() ${r.match.toFixed(2)} ms (median of ${runs})`);
  }
} finally {
  await browser.close();
  server.close();
}
