#!/usr/bin/env node
// The loket pack: exactly what one loket serves, with content-hashed names and
// precompressed copies (README "Embed on your loket site"). No dependencies.
//
//   node scripts/pack.mjs --region AM13 --out DIR [--catalog FILE] [--base /routewijzer/] [--lang nl]
//   node scripts/pack.mjs --regions        # the README's table of region codes (Markdown)
//
// Reads the build of scripts/build-web.sh (pkg/: the wasm and its glue), the shell (www/
// routewijzer.js, www/js/*.js, www/routewijzer.css), the translation store (src/i18n/),
// the widget's lookup tables (www/data/places.json, fields.json) and one catalog: the
// region's shard www/data/regions/<REGION>.json, or FILE (any catalog, e.g. a merged one).
// Writes into DIR:
//   routewijzer.js                    the entry, under its stable name (serve it with a short cache)
//   js/*.<hash>.js, pkg/*.<hash>.js   the modules, the worker, the wasm glue
//   pkg/routewijzer_bg.<hash>.wasm, routewijzer.<hash>.css, i18n/*.<hash>.json,
//   data/<catalog>.<hash>.json, data/places.<hash>.json, data/fields.<hash>.json
//   X.gz and X.br next to each of them (node's zlib, best level)
//   snippet.html                      the lines to paste into the loket's page
//   manifest.json                     every file with its size raw, gzip and brotli
// A file's hash (the first 10 hex digits of the SHA-256 of its bytes) is taken after the
// names it refers to have been replaced by theirs, so it covers everything it loads.
// References are the quoted relative paths in the JS (import specifiers, new URL("…",
// import.meta.url), the glue's 'routewijzer_bg.wasm'); one that names no packed file, or a
// new URL(…, import.meta.url) built from anything but one quoted path, stops the pack,
// unless it is listed in NOT_PACKED below with the reason it is not needed.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const REGIONS = join(ROOT, "www/data/regions/index.json");

/** References in the shell that the pack knowingly leaves as they are (file, text, reason). */
const NOT_PACKED = [
  {
    file: "www/js/element.js",
    text: "new URL(region ? `../data/regions/${encodeURIComponent(region)}.json` : \"../data/catalog.json\", import.meta.url)",
    reason: "the default catalog when the tag has no `catalog` attribute; the snippet always sets it",
  },
  {
    file: "www/pkg/routewijzer.js",
    text: '"./routewijzer_bg.js"',
    reason: "the name of the wasm module's import object in wasm-bindgen's glue, not a file",
  },
];

class UsageError extends Error {}

const USAGE = `usage: node scripts/pack.mjs --region AMxx --out DIR [--catalog FILE] [--base URL-PATH] [--lang nl|en]
       node scripts/pack.mjs --regions
  --region   the arbeidsmarktregio (AM01 … AM38) the loket serves
  --out      the folder to write (created; a folder of an earlier pack is emptied first)
  --catalog  a catalog file to ship instead of the region's shard (e.g. one made by routewijzer import --merged)
  --base     the URL path the folder is served at, for the snippet (default /routewijzer/)
  --lang     the widget's language in the snippet, whose text is preloaded (default nl)
  --regions  print the table of region codes and names (Markdown), as in the README`;

export function parseArgs(argv) {
  const opts = { base: "/routewijzer/", lang: "nl" };
  const value = (i, name) => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith("--")) throw new UsageError(`${name} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--region") opts.region = value(i++, a);
    else if (a === "--out") opts.out = value(i++, a);
    else if (a === "--catalog") opts.catalog = value(i++, a);
    else if (a === "--base") opts.base = value(i++, a);
    else if (a === "--lang") opts.lang = value(i++, a);
    else if (a === "--regions") opts.regions = true;
    else if (a === "--help" || a === "-h") opts.help = true;
    else throw new UsageError(`unknown argument: ${a}`);
  }
  if (opts.help || opts.regions) return opts;
  if (!opts.region) throw new UsageError("--region is missing (e.g. --region AM13)");
  if (!opts.out) throw new UsageError("--out is missing (the folder to write)");
  if (!/^\/([\w.~-]+\/)*$/.test(opts.base)) throw new UsageError(`--base ${JSON.stringify(opts.base)}: give a URL path that starts and ends with "/", e.g. /routewijzer/`);
  if (!["nl", "en"].includes(opts.lang)) throw new UsageError(`--lang ${JSON.stringify(opts.lang)}: use nl or en`);
  return opts;
}

/** The regions of www/data/regions/index.json: [{region, name, file}]. */
export function regions() {
  return JSON.parse(readFileSync(REGIONS, "utf8")).regions.map(({ region, name, file }) => ({ region, name, file }));
}

/** The README's table of region codes. */
export function regionsTable() {
  return ["| code | arbeidsmarktregio |", "|---|---|", ...regions().map((r) => `| ${r.region} | ${r.name} |`)].join("\n");
}

const sha = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 10);
const hashed = (name, hash) => name.replace(/(\.[^.]+)$/, `.${hash}$1`);
const rel = (from, to) => {
  const r = relative(dirname(from), to).split(sep).join("/");
  return r.startsWith(".") ? r : `./${r}`;
};

// A quoted path a JS file may refer to: relative, or bare as wasm-bindgen writes 'routewijzer_bg.wasm'.
const QUOTED = /(["'`])((?:\.\.?\/)*[\w@-][\w@.-]*(?:\/[\w@.-]+)*\.(?:m?js|wasm|css|json))\1/g;
const META_URL = /new URL\(([^()]*(?:\([^()]*\)[^()]*)*),\s*import\.meta\.url\s*\)/g;

/** The members every catalog has: the required ones of schema/catalog.schema.json (generated from the Rust type `Catalog`). */
const CATALOG_KEYS = JSON.parse(readFileSync(join(ROOT, "schema/catalog.schema.json"), "utf8")).required;

/**
 * The files of one loket: src (absolute) -> {out (path in DIR, before hashing), js}.
 * Throws a UsageError naming what is missing.
 */
function sources({ region, catalog }) {
  const list = regions();
  const known = list.find((r) => r.region === region);
  if (!known) throw new UsageError(`unknown region ${JSON.stringify(region)}; valid codes: ${list.map((r) => r.region).join(", ")}`);
  const files = new Map();
  // src: where the shell's references lead (www/…); from: the file read, when that is another copy of it.
  const add = (src, out, from = src) => {
    if (!existsSync(from)) throw new UsageError(`${relative(ROOT, from) || from} is missing${from.includes(`${sep}pkg${sep}`) ? ": run bash scripts/build-web.sh first" : ""}`);
    files.set(src, { out, js: /\.m?js$/.test(src), from });
  };
  add(join(ROOT, "www/routewijzer.js"), "routewijzer.js");
  for (const f of readdirSync(join(ROOT, "www/js")).filter((f) => f.endsWith(".js")).sort()) add(join(ROOT, "www/js", f), `js/${f}`);
  // The wasm and its glue as scripts/build-web.sh writes them to pkg/ (www/pkg is its copy for the demo page).
  add(join(ROOT, "www/pkg/routewijzer.js"), "pkg/routewijzer.js", join(ROOT, "pkg/routewijzer.js"));
  add(join(ROOT, "www/pkg/routewijzer_bg.wasm"), "pkg/routewijzer_bg.wasm", join(ROOT, "pkg/routewijzer_bg.wasm"));
  add(join(ROOT, "www/routewijzer.css"), "routewijzer.css");
  // The shell fetches i18n/<lang>.json next to its script; the store itself is src/i18n (www/i18n is a copy).
  for (const lang of ["nl", "en"]) add(join(ROOT, "www/i18n", `${lang}.json`), `i18n/${lang}.json`, join(ROOT, "src/i18n", `${lang}.json`));
  add(join(ROOT, "www/data/places.json"), "data/places.json");
  add(join(ROOT, "www/data/fields.json"), "data/fields.json");
  const cat = catalog ? resolve(catalog) : join(ROOT, "www/data/regions", known.file);
  if (!existsSync(cat)) throw new UsageError(`--catalog ${catalog}: no such file`);
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(cat, "utf8"));
  } catch (e) {
    throw new UsageError(`${catalog ?? cat}: not JSON (${e.message})`);
  }
  const shown = catalog ?? cat;
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new UsageError(`${shown}: not a catalog (a catalog is a JSON object with ${CATALOG_KEYS.join(", ")}; see schema/catalog.schema.json)`);
  }
  // The top-level members a catalog must have (the required ones of schema/catalog.schema.json).
  // An overlay has "meta" (and perhaps "offerings") but never rules, route kinds or weights.
  const lacking = CATALOG_KEYS.filter((k) => !(k in parsed) || parsed[k] === null || typeof parsed[k] !== "object");
  if (lacking.length) {
    const overlay = parsed.meta && typeof parsed.meta === "object" && ["rules", "route_kinds", "weights"].every((k) => lacking.includes(k));
    throw new UsageError(overlay
      ? `${shown}: this looks like an overlay (it has "meta" but no ${lacking.map((k) => `"${k}"`).join(", ")}), not a catalog: merge it first with \`routewijzer import ... --catalog BASE --merged OUT\` and pack OUT with --catalog OUT, or pack BASE and give the overlay to the widget with its overlay attribute`
      : `${shown}: not a catalog (it lacks ${lacking.map((k) => `"${k}"`).join(", ")}; a catalog has ${CATALOG_KEYS.join(", ")}; see schema/catalog.schema.json)`);
  }
  let name = basename(cat).replace(/\.json$/i, "").replace(/[^\w-]+/g, "-") || "catalog";
  if (name === "places" || name === "fields") name = `catalog-${name}`; // not to clash with the lookup tables
  files.set(cat, { out: `data/${name}.json`, js: false, from: cat, catalog: true });
  return { files, catalogSrc: cat, regionName: known.name };
}

/** Reads each file, rewrites its references to the hashed names of what it refers to (depth first), and hashes it. */
function build(files) {
  const done = new Map(); // src -> {name, bytes}
  const visiting = new Set();
  const visit = (src, chain) => {
    if (done.has(src)) return done.get(src);
    if (visiting.has(src)) throw new Error(`reference cycle: ${[...chain, src].map((s) => relative(ROOT, s)).join(" -> ")}`);
    visiting.add(src);
    const f = files.get(src);
    let bytes = readFileSync(f.from);
    if (f.js) {
      const text = bytes.toString("utf8");
      const shown = relative(ROOT, src);
      // new URL(X, import.meta.url): X must be one quoted path (rewritten below), or a listed exception.
      for (const m of text.matchAll(META_URL)) {
        const arg = m[1].trim();
        if (/^(["'`])[^"'`$]*\1$/.test(arg)) continue;
        if (!NOT_PACKED.some((x) => x.file === shown && m[0] === x.text)) {
          throw new Error(`${shown}: ${m[0]} builds a URL the pack cannot follow; name the file as one quoted path, or list it in NOT_PACKED in scripts/pack.mjs with the reason`);
        }
      }
      const out = text.replace(QUOTED, (whole, q, path) => {
        const target = resolve(dirname(src), path);
        if (files.has(target)) {
          const dep = visit(target, [...chain, src]);
          const r = rel(f.out, join(dirname(files.get(target).out), dep.name));
          return `${q}${path.startsWith(".") ? r : r.replace(/^\.\//, "")}${q}`;
        }
        if (path.startsWith(".") && !NOT_PACKED.some((x) => x.file === shown && x.text.includes(whole))) {
          throw new Error(`${shown}: ${whole} names ${relative(ROOT, target)}, which the pack does not ship; add it to the pack or list it in NOT_PACKED with the reason`);
        }
        return whole;
      });
      bytes = Buffer.from(out, "utf8");
    }
    const base = basename(f.out);
    const name = f.out === "routewijzer.js" ? base : hashed(base, sha(bytes));
    const r = { name, bytes };
    visiting.delete(src);
    done.set(src, r);
    return r;
  };
  for (const src of files.keys()) visit(src, []);
  return done;
}

const TEXT = /\.(m?js|css|json|html|svg|txt)$/;

function compress(bytes, text) {
  const gz = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION });
  const br = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_MODE]: text ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  return { gz, br };
}

/** Empties `out` if it holds an earlier pack; refuses a folder with anything else in it. */
function prepare(out) {
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) throw new UsageError(`--out ${out}: not a folder`);
    const inside = readdirSync(out);
    if (inside.length && !inside.includes("manifest.json")) throw new UsageError(`--out ${out}: the folder is not empty and holds no earlier pack (manifest.json); give a new or empty folder`);
    for (const f of inside) rmSync(join(out, f), { recursive: true, force: true });
  }
  mkdirSync(out, { recursive: true });
}

const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** The lines to paste: preload hints and the script in <head>, the tag where the widget goes. */
function snippet({ base, region, regionName, lang, paths }) {
  const u = (p) => esc(base + p);
  const head = [
    `<!-- Routewijzer ${region}: paste these lines into the <head> of the page -->`,
    // The wasm and the catalog are fetched by js/client.js with fetch() (CORS mode, same-origin
    // credentials): as="fetch" with crossorigin is the preload that fetch() reuses.
    `<link rel="preload" href="${u(paths.wasm)}" as="fetch" crossorigin>`,
    `<link rel="preload" href="${u(paths.catalog)}" as="fetch" crossorigin>`,
    `<link rel="preload" href="${u(paths.store)}" as="fetch" crossorigin>`,
    `<link rel="preload" href="${u(paths.css)}" as="style">`,
    `<script type="module" src="${u("routewijzer.js")}"></script>`,
    ...paths.modules.map((m) => `<link rel="modulepreload" href="${u(m)}">`),
  ];
  const body = [
    `<!-- Routewijzer ${region}: paste this tag where the widget should appear -->`,
    `<route-wijzer catalog="${u(paths.catalog)}" region="${esc(region)}" lang="${esc(lang)}"></route-wijzer>`,
  ];
  return `${head.join("\n")}\n${body.join("\n")}\n`;
}

export function pack(opts) {
  const { files, catalogSrc, regionName } = sources(opts);
  const built = build(files);
  const out = resolve(opts.out);
  prepare(out);
  const manifest = { region: opts.region, region_name: regionName, catalog: opts.catalog ? basename(catalogSrc) : `www/data/regions/${basename(catalogSrc)}`, base: opts.base, lang: opts.lang, entry: "routewijzer.js", files: [] };
  const paths = { modules: [] };
  for (const [src, f] of files) {
    const { name, bytes } = built.get(src);
    const path = join(dirname(f.out), name).split(sep).join("/").replace(/^\.\//, "");
    mkdirSync(join(out, dirname(path)), { recursive: true });
    writeFileSync(join(out, path), bytes);
    const { gz, br } = compress(bytes, TEXT.test(path));
    writeFileSync(join(out, `${path}.gz`), gz);
    writeFileSync(join(out, `${path}.br`), br);
    manifest.files.push({ path, bytes: bytes.length, gzip: gz.length, br: br.length });
    if (f.catalog) paths.catalog = path;
    else if (path.endsWith(".wasm")) paths.wasm = path;
    else if (path.endsWith(".css")) paths.css = path;
    else if (path.startsWith(`i18n/${opts.lang}.`)) paths.store = path;
    // The modules the entry loads at once; the worker and the glue load in the worker.
    else if (path.startsWith("js/") && !path.startsWith("js/worker.")) paths.modules.push(path);
  }
  manifest.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const sum = (k) => manifest.files.reduce((s, f) => s + f[k], 0);
  manifest.total = { files: manifest.files.length, bytes: sum("bytes"), gzip: sum("gzip"), br: sum("br") };
  writeFileSync(join(out, "snippet.html"), snippet({ ...opts, regionName, paths }));
  writeFileSync(join(out, "manifest.json"), `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const opts = parseArgs(process.argv.slice(2));
    if (opts.help) {
      console.log(USAGE);
    } else if (opts.regions) {
      console.log(regionsTable());
    } else {
      const m = pack(opts);
      const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
      console.log(`Packed ${m.region} (${m.region_name}) into ${opts.out}: ${m.total.files} files, ${kb(m.total.bytes)} raw, ${kb(m.total.gzip)} gzip, ${kb(m.total.br)} brotli; paste ${join(opts.out, "snippet.html")} into your page`);
    }
  } catch (e) {
    console.error(`pack: ${e.message}`);
    if (e instanceof UsageError) {
      console.error(USAGE.split("\n")[0]);
      process.exit(2);
    }
    process.exit(1);
  }
}
