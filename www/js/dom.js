//# allFunctionsCalledOnLoad
// dom.js: building DOM safely. h() makes an element from a tag, attributes and children;
// strings only ever become text (never HTML), catalog strings are clipped to a readable
// length, and links are made only for http(s) and mailto URLs. Also the Blob download both
// the results and the kit use, and the one-off link it and the kit's mailto: send follow.

/** Display length of one text: a catalog string longer than this is a data error, not something to read. */
export const MAX_TEXT = 1000;
export const clip = (s) => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}…` : s);

/** Builds an element. attrs: `class`, `text`, and plain attributes (true = present, null/false = left out); children: nodes or strings (as text). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const k in attrs) {
    const v = attrs[k];
    if (v == null || v === false) continue;
    if (k === "text") el.textContent = clip(String(v));
    else if (k === "class") el.className = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  return put(el, children, true);
}

/** Appends (or with `add` false, replaces with) the children that are not null/false; strings become (clipped) text. */
export function put(el, children, add) {
  const kids = [];
  flatten(children, kids);
  add ? el.append(...kids) : el.replaceChildren(...kids);
  return el;
}

function flatten(c, out) {
  if (c == null || c === false) return;
  if (Array.isArray(c)) for (const x of c) flatten(x, out);
  else out.push(typeof c === "string" ? clip(c) : c);
}

/** A URL fit for a link (http, https, mailto), or null. */
export function safeUrl(u) {
  try {
    const url = new URL(String(u));
    return /^(https?|mailto):$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** A link that opens in a new tab (saying so to screen readers), or plain text when the URL is not fit for a link. */
export function link(url, text, newTab) {
  const href = safeUrl(url);
  return href ? h("a", { href, target: "_blank", rel: "noopener noreferrer" }, text, h("span", { class: "rw-sr", text: ` ${newTab}` })) : h("span", {}, text);
}

/** Follows a link that exists only for this call: a hidden <a> with `attrs` in `host`, clicked and removed (a download, a mailto: URL). */
export function follow(host, attrs) {
  const a = h("a", { ...attrs, hidden: true });
  host.append(a);
  a.click();
  a.remove();
}

/** Saves `text` as a file named `name` (MIME `type`) through a Blob URL: made on the device, nothing is requested. */
export function download(host, name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  follow(host, { href: url, download: name });
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** Resolves after the next frame is painted (or after 50 ms where frames are not running,
 * as in a hidden tab), to the time that frame took from its animation callbacks to the
 * task after it: the style, layout and paint of what changed (0 without frames). */
export const nextFrame = () =>
  new Promise((ok) => {
    const t = setTimeout(() => ok(0), 50);
    requestAnimationFrame(() => {
      const start = performance.now();
      setTimeout(() => (clearTimeout(t), ok(performance.now() - start)), 0);
    });
  });

/** Calls `f` once, in the next frame after its layout (before it is painted): where reading
 * where things are costs no layout of its own. (A ResizeObserver reports an element as soon
 * as it is observed, after the frame's layout; this one then stops. A reading in a
 * requestAnimationFrame callback makes the browser lay the page out inside the script, and
 * at 4x CPU that layout made the frame's task a long one: BENCHMARKS.md, session 21.) Like
 * requestAnimationFrame, nothing is called while no frames run (a hidden tab). */
export function afterLayout(el, f) {
  const ro = new ResizeObserver(() => {
    ro.disconnect();
    f();
  });
  ro.observe(el);
}

/** Resolves in a later task (not a timer: a hidden tab slows those), letting the page's other
 * work and a frame run first: `scheduler.yield()` where there is one, else a message. */
export const nextTask = () =>
  globalThis.scheduler?.yield
    ? scheduler.yield()
    : new Promise((ok) => {
        const c = new MessageChannel();
        c.port1.onmessage = () => ok();
        c.port2.postMessage(0);
      });
