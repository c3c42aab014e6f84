#!/usr/bin/env node
// A tiny static file server for the demo page, the browser tests and a packed loket
// folder (scripts/pack.mjs). No dependencies.
//
//   node scripts/serve.mjs [--port 8080] [--root www] [--csp [--connect ORIGIN]...] [--cors ORIGIN] [--log]
//
// Serves DIR (default: www/ of this repository) on 127.0.0.1 only, with correct MIME
// types (application/wasm for streaming compilation). `--port 0` picks a free port.
// `--csp` adds the strict Content-Security-Policy the widget is built to work under;
// `--connect ORIGIN` (repeatable) lets its pages fetch from ORIGIN too (`connect-src`: an
// https handoff endpoint, a catalog on another origin).
// `--cors ORIGIN` lets pages of ORIGIN (or `*`) read the files with fetch() (a catalog
// on another origin). `--log` prints one line per request: "GET /path 200 br".
// Precompressed files: for FILE, FILE.br is sent when the request's Accept-Encoding
// allows br, else FILE.gz when it allows gzip, else FILE, with Content-Encoding and
// `Vary: Accept-Encoding` (the pack writes both next to every file). Caching: names with
// a content hash (`name.0123456789.ext`, as the pack writes them) get
// `public, max-age=31536000, immutable`; everything else `no-cache` (revalidated with
// its ETag, so an unchanged entry costs a 304).
// Prints one line "Serving DIR at http://127.0.0.1:PORT/" once it listens.
import { createServer } from "node:http";
import { createReadStream, promises as fs } from "node:fs";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; worker-src 'self'";

/** A content-hashed file name, as scripts/pack.mjs writes them: cached for a year. */
export const HASHED = /\.[0-9a-f]{10}\.[a-z0-9]+$/;
export const LONG_CACHE = "public, max-age=31536000, immutable";

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
};

function parseArgs(argv) {
  const opts = { port: 8080, root: fileURLToPath(new URL("../www/", import.meta.url)), csp: false, connect: [], cors: null, log: false };
  const usage = "usage: node scripts/serve.mjs [--port N] [--root DIR] [--csp [--connect ORIGIN]...] [--cors ORIGIN] [--log]";
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--port") opts.port = Number(argv[++i]);
    else if (a === "--root") opts.root = resolve(argv[++i]);
    else if (a === "--csp") opts.csp = true;
    else if (a === "--cors") opts.cors = argv[++i];
    else if (a === "--connect") opts.connect.push(argv[++i]);
    else if (a === "--log") opts.log = true;
    else if (a === "--help" || a === "-h") {
      console.log(usage);
      process.exit(0);
    } else {
      console.error(`unknown argument: ${a}\n${usage}`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
    console.error("--port needs a number from 0 to 65535");
    process.exit(2);
  }
  if (opts.cors != null && opts.cors !== "*" && !/^https?:\/\/[^/\s]+$/.test(opts.cors)) {
    console.error(`--cors needs an origin such as https://loket.example.nl (scheme and host, no path) or *, not ${JSON.stringify(opts.cors)}`);
    process.exit(2);
  }
  for (const o of opts.connect) {
    if (!/^https?:\/\/[^/\s;,']+$/.test(o ?? "")) {
      console.error(`--connect needs an origin such as https://loket.example.nl (scheme and host, no path), not ${JSON.stringify(o)}`);
      process.exit(2);
    }
  }
  if (opts.connect.length && !opts.csp) {
    console.error("--connect adds to the Content-Security-Policy: use it with --csp");
    process.exit(2);
  }
  return opts;
}

/** The policy with `connect` origins allowed for fetch() as well as the page's own. */
export const policy = (connect = []) => (connect.length ? `${CSP}; connect-src 'self' ${connect.join(" ")}` : CSP);

/** The encodings an Accept-Encoding header allows (q > 0), as a Set; identity is always allowed here. */
export function accepted(header) {
  const ok = new Set();
  const refused = new Set();
  let star = false;
  for (const part of String(header || "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)).find(Boolean);
    const zero = q ? !(Number(q[1]) > 0) : false;
    if (name === "*") star = !zero;
    else (zero ? refused : ok).add(name);
  }
  if (star) for (const e of ["br", "gzip"]) if (!refused.has(e)) ok.add(e);
  return ok;
}

const exists = (f) => fs.stat(f).then((st) => (st.isFile() ? st : null), () => null);

export function serve({ port = 8080, root, csp = false, connect = [], cors = null, log = false } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const headers = { "X-Content-Type-Options": "nosniff", "Cache-Control": "no-cache", "Referrer-Policy": "no-referrer" };
    if (csp) headers["Content-Security-Policy"] = policy(connect);
    if (cors) headers["Access-Control-Allow-Origin"] = cors;
    const done = (status, encoding = "") => log && console.log(`${req.method} ${req.url} ${status}${encoding ? ` ${encoding}` : ""}`);
    if (req.method === "OPTIONS" && cors) {
      res.writeHead(204, { ...headers, "Access-Control-Allow-Methods": "GET, HEAD", "Access-Control-Max-Age": "86400" });
      done(204);
      return res.end();
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { ...headers, Allow: "GET, HEAD", "Content-Type": "text/plain" });
      done(405);
      return res.end("method not allowed\n");
    }
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    } catch {
      res.writeHead(400, headers);
      done(400);
      return res.end();
    }
    let file = resolve(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403, { ...headers, "Content-Type": "text/plain" });
      done(403);
      return res.end("forbidden\n");
    }
    try {
      let st = await fs.stat(file);
      if (st.isDirectory()) {
        file = join(file, "index.html");
        st = await fs.stat(file);
      }
      // The precompressed copy the client takes, if there is one.
      const [br, gz] = await Promise.all([exists(`${file}.br`), exists(`${file}.gz`)]);
      const ok = accepted(req.headers["accept-encoding"]);
      let encoding = "";
      let body = file;
      if (br && ok.has("br")) [encoding, body, st] = ["br", `${file}.br`, br];
      else if (gz && ok.has("gzip")) [encoding, body, st] = ["gzip", `${file}.gz`, gz];
      const etag = `"${st.size.toString(36)}-${Math.floor(st.mtimeMs).toString(36)}${encoding ? `-${encoding}` : ""}"`;
      const out = {
        ...headers,
        "Content-Type": MIME[extname(file).toLowerCase()] || "application/octet-stream",
        ETag: etag,
      };
      if (HASHED.test(file)) out["Cache-Control"] = LONG_CACHE;
      if (br || gz) out.Vary = "Accept-Encoding";
      if (encoding) out["Content-Encoding"] = encoding;
      if (req.headers["if-none-match"] === etag) {
        res.writeHead(304, out);
        done(304, encoding);
        return res.end();
      }
      res.writeHead(200, { ...out, "Content-Length": st.size });
      done(200, encoding);
      if (req.method === "HEAD") return res.end();
      createReadStream(body).pipe(res);
    } catch {
      res.writeHead(404, { ...headers, "Content-Type": "text/plain; charset=utf-8" });
      done(404);
      res.end("not found\n");
    }
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => ok(server));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const opts = parseArgs(process.argv.slice(2));
  const server = await serve(opts).catch((e) => {
    console.error(`cannot listen on 127.0.0.1:${opts.port}: ${e.message}`);
    process.exit(1);
  });
  const { port } = server.address();
  console.log(`Serving ${opts.root} at http://127.0.0.1:${port}/${opts.csp ? ` (strict CSP${opts.connect.length ? `, connect-src ${opts.connect.join(" ")}` : ""})` : ""}${opts.cors ? ` (CORS: ${opts.cors})` : ""}`);
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
