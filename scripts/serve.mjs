#!/usr/bin/env node
// A tiny static file server for the demo page and the browser tests. No dependencies.
//
//   node scripts/serve.mjs [--port 8080] [--root www] [--csp]
//
// Serves DIR (default: www/ of this repository) on 127.0.0.1 only, with correct MIME
// types (application/wasm for streaming compilation). `--port 0` picks a free port.
// `--csp` adds the strict Content-Security-Policy the widget is built to work under.
// Prints one line "Serving DIR at http://127.0.0.1:PORT/" once it listens.
import { createServer } from "node:http";
import { createReadStream, promises as fs } from "node:fs";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; worker-src 'self'";

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
  const opts = { port: 8080, root: fileURLToPath(new URL("../www/", import.meta.url)), csp: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--port") opts.port = Number(argv[++i]);
    else if (a === "--root") opts.root = resolve(argv[++i]);
    else if (a === "--csp") opts.csp = true;
    else if (a === "--help" || a === "-h") {
      console.log("usage: node scripts/serve.mjs [--port N] [--root DIR] [--csp]");
      process.exit(0);
    } else {
      console.error(`unknown argument: ${a}`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
    console.error("--port needs a number from 0 to 65535");
    process.exit(2);
  }
  return opts;
}

export function serve({ port = 8080, root, csp = false } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const headers = { "X-Content-Type-Options": "nosniff", "Cache-Control": "no-cache", "Referrer-Policy": "no-referrer" };
    if (csp) headers["Content-Security-Policy"] = CSP;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { ...headers, Allow: "GET, HEAD", "Content-Type": "text/plain" });
      return res.end("method not allowed\n");
    }
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    } catch {
      res.writeHead(400, headers);
      return res.end();
    }
    let file = resolve(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403, { ...headers, "Content-Type": "text/plain" });
      return res.end("forbidden\n");
    }
    try {
      let st = await fs.stat(file);
      if (st.isDirectory()) {
        file = join(file, "index.html");
        st = await fs.stat(file);
      }
      res.writeHead(200, {
        ...headers,
        "Content-Type": MIME[extname(file).toLowerCase()] || "application/octet-stream",
        "Content-Length": st.size,
      });
      if (req.method === "HEAD") return res.end();
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { ...headers, "Content-Type": "text/plain; charset=utf-8" });
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
  console.log(`Serving ${opts.root} at http://127.0.0.1:${port}/${opts.csp ? " (strict CSP)" : ""}`);
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
