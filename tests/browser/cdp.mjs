// A bare Chrome DevTools Protocol client over a pipe, for the measurements Playwright's own
// instrumentation would distort (tests/browser/perf.test.mjs). Playwright enables the
// Network domain on every page, and DevTools' network agent then keeps a copy of each text
// response and decodes it when the response ends: for the 2.4 MB national catalog a
// 40-55 ms main-thread task at 4x CPU that no visitor's browser runs. Here only the
// domains a measurement needs are enabled: Page, Runtime, Fetch (for the URLs a test
// serves itself) and Emulation.
//
//   const browser = await bare();
//   const page = await browser.newPage({ width, height });
//   await page.route("*/index.html", (url) => ({ body, contentType }) or null);
//   await page.addInitScript(fn, arg); await page.goto(url); await page.evaluate(fn, arg);
//   page.errors: console errors and uncaught exceptions; await browser.close();
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHROMIUM_ARGS } from "./helpers.mjs";

/** Starts headless Chromium (a fresh profile) driven through --remote-debugging-pipe. */
export async function bare() {
  const profile = mkdtempSync(join(tmpdir(), "rw-cdp-"));
  // A headless page is not on a screen: without these flags (which Playwright passes too)
  // Chromium may treat it as a background tab and slow its timers and its process.
  const foreground = ["--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows", "--disable-renderer-backgrounding", "--disable-ipc-flooding-protection"];
  // Each newPage() is a new window, and Chromium 156 loads a new window's omnibox popup
  // (two WebUI pages, chrome://omnibox-popup.top-chrome/, each in a renderer of its own)
  // while the measured page loads: about 800 ms of CPU in a 1.6 s national load, on this
  // 2-core machine a quarter of all the CPU there is (BENCHMARKS.md, session 15). A
  // visitor's window loaded its popup when it opened, long before they reach a loket page.
  const noWindowUi = ["--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup"];
  const proc = spawn(process.env.CHROMIUM || "/usr/bin/chromium", [...CHROMIUM_ARGS, ...foreground, ...noWindowUi, "--remote-debugging-pipe", `--user-data-dir=${profile}`, "about:blank"], {
    stdio: ["ignore", "ignore", "ignore", "pipe", "pipe"],
  });
  const [toChrome, fromChrome] = [proc.stdio[3], proc.stdio[4]];
  let next = 1;
  const calls = new Map();
  const listeners = new Set();
  let gone = null; // why the browser can no longer be reached, once it cannot
  const end = (why) => {
    gone ??= why;
    for (const { fail, method } of calls.values()) fail(new Error(`${method}: ${gone}`));
    calls.clear();
  };
  const exited = new Promise((ok) => proc.once("exit", ok));
  exited.then(() => end("the browser exited"));
  proc.once("error", (e) => end(`the browser could not start (${e.message})`));
  toChrome.on("error", (e) => end(`the pipe to the browser broke (${e.message})`));
  fromChrome.setEncoding("utf8");
  let buffer = "";
  fromChrome.on("data", (chunk) => {
    buffer += chunk;
    for (let at; (at = buffer.indexOf("\0")) >= 0; ) {
      const text = buffer.slice(0, at);
      buffer = buffer.slice(at + 1);
      let msg;
      try {
        msg = JSON.parse(text);
      } catch {
        continue; // not a message: never expected, and nothing to answer
      }
      if (msg.id && calls.has(msg.id)) {
        const { ok, fail, method } = calls.get(msg.id);
        calls.delete(msg.id);
        msg.error ? fail(new Error(`${method}: ${msg.error.message}`)) : ok(msg.result);
      } else for (const f of listeners) f(msg);
    }
  });
  const send = (method, params = {}, sessionId) =>
    new Promise((ok, fail) => {
      if (gone) return fail(new Error(`${method}: ${gone}`));
      const id = next++;
      calls.set(id, { ok, fail, method });
      toChrome.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    });
  const close = async () => {
    if (!gone) {
      const quit = send("Browser.close").catch(() => {});
      const late = setTimeout(() => proc.kill("SIGKILL"), 5000);
      await quit;
      await exited;
      clearTimeout(late);
    }
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    await send("Browser.getVersion");
  } catch (e) {
    proc.kill("SIGKILL");
    await close();
    throw e;
  }

  return {
    async newPage({ width = 1280, height = 900 } = {}) {
      const { browserContextId } = await send("Target.createBrowserContext");
      const { targetId } = await send("Target.createTarget", { url: "about:blank", browserContextId });
      const { sessionId } = await send("Target.attachToTarget", { targetId, flatten: true });
      const s = (method, params) => send(method, params, sessionId);
      const routes = [];
      const page = {
        errors: [],
        send: s,
        /** Requests for URLs matching `urlPattern` (CDP's, with * wildcards) are answered by
         * `fulfill(url)`: {body, contentType}, or null to let them through. */
        async route(urlPattern, fulfill) {
          routes.push({ urlPattern, fulfill });
          await s("Fetch.enable", { patterns: routes.map((r) => ({ urlPattern: r.urlPattern })) });
        },
        addInitScript: (fn, arg) => s("Page.addScriptToEvaluateOnNewDocument", { source: `(${fn})(${JSON.stringify(arg)});` }),
        async goto(url) {
          const { errorText } = await s("Page.navigate", { url });
          if (errorText) throw new Error(`navigation to ${url}: ${errorText}`);
        },
        /** fn(arg) in the page (awaited); its JSON-able result. */
        async evaluate(fn, arg) {
          const r = await s("Runtime.evaluate", { expression: `(${fn})(${JSON.stringify(arg)})`, awaitPromise: true, returnByValue: true });
          if (r.exceptionDetails) throw new Error(`in the page: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
          return r.result.value;
        },
        close: () => send("Target.disposeBrowserContext", { browserContextId }),
      };
      listeners.add((msg) => {
        if (msg.sessionId !== sessionId) return;
        try {
          onEvent(msg);
        } catch (e) {
          page.errors.push(`the test's handler of ${msg.method}: ${e.message}`);
        }
      });
      const onEvent = (msg) => {
        const p = msg.params;
        if (msg.method === "Runtime.exceptionThrown") page.errors.push(p.exceptionDetails.exception?.description ?? p.exceptionDetails.text);
        else if (msg.method === "Runtime.consoleAPICalled" && p.type === "error") page.errors.push(p.args.map((a) => a.value ?? a.description ?? "").join(" "));
        else if (msg.method === "Fetch.requestPaused") {
          // CDP's patterns: * is any text, ? any one character.
          const glob = (pattern) => new RegExp(`^${pattern.split("").map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^$()[\]{}|\\/]/, "\\$&"))).join("")}$`);
          const hit = routes.find((r) => glob(r.urlPattern).test(p.request.url));
          const answer = hit?.fulfill(new URL(p.request.url));
          if (!answer) return void s("Fetch.continueRequest", { requestId: p.requestId }).catch(() => {});
          s("Fetch.fulfillRequest", {
            requestId: p.requestId,
            responseCode: 200,
            responseHeaders: [{ name: "Content-Type", value: answer.contentType }],
            body: Buffer.from(answer.body).toString("base64"),
          }).catch(() => {});
        }
      };
      await s("Page.enable");
      await s("Runtime.enable");
      await s("Emulation.setDeviceMetricsOverride", { width, height, deviceScaleFactor: 1, mobile: false });
      return page;
    },
    close,
  };
}
