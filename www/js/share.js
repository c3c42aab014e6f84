//# allFunctionsCalledOnLoad
// share.js: the answers (a Profile) in a link's fragment, so a candidate can reopen them on
// another device or show them to an adviser. A browser does not send a fragment (`#…`) to
// a server, but whoever has the link can read the answers, and so can the page's scripts
// while it is in the address bar: element.js takes it out as soon as it runs.
// Format `#rw1.<payload>`: the profile's JSON with its keys shortened (KEYS below), raw
// DEFLATE (CompressionStream "deflate-raw"), base64url without padding. The number after
// "rw" is the format version: a change of KEYS or of the packing is a new version.
// Reading never throws: it answers {profile} or {error: {code, message}}.
//
// The page's own fragment is kept: made on `#contact` the link ends `#contact&rw1.…`, and
// only the share part leaves the address bar (dropShare).
//
// Measured on the persona "januari-baanaanbod" (tests/fixtures/profiles/), whole fragment
// with "#rw1.": its JSON is 346 characters; full-key JSON deflated 308; short-key JSON
// deflated (this format) 221; short-key JSON in base64url without deflate 297. A
// hand-written rison-like text would be about 170, but needs its own parser for untrusted
// input; this format reads with JSON.parse and the browser's own inflater.

export const VERSION = 1;
const PREFIX = "rw";
/** Longest payload read (characters after `#rw1.`); a profile is far shorter. */
export const MAX_PAYLOAD = 8192;
/** Largest inflated JSON read: the core's profile limit (64 KiB). */
export const MAX_JSON = 65536;

/** Profile keys (README "The profile") and their one-letter forms in version 1: one table for every level, so reading needs no context. Never change a letter within a version. */
const KEYS = {
  diplomas: "d", level: "l", field: "f", foreign: "x", recognised: "r",
  qualifications: "q", qualification: "Q", subject: "s",
  job: "j", sector: "c", role: "o", hours_per_week: "h", start_date: "D", offer: "O",
  study: "t", ec: "e", lerarenopleiding: "p", lerarenopleiding_left: "L",
  sectors: "S", subjects: "U", roles: "R", available_from: "a", earn_while_learning: "w",
  location: "C", postcode: "P", gemeente: "g", max_travel_km: "k", dutch: "n", age: "A",
  birth_date: "b", pabo_tests_passed: "T", geschiktheidsonderzoek_passed: "G", hbo_level_assessed: "H", vog: "V",
};
const LONG = Object.fromEntries(Object.entries(KEYS).map(([k, v]) => [v, k]));

/** Renames the keys of objects at every level by `map`; other keys stay as they are. */
function rename(v, map) {
  if (Array.isArray(v)) return v.map((x) => rename(x, map));
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [Object.hasOwn(map, k) ? map[k] : k, rename(x, map)]));
  return v;
}

function toBase64url(bytes) {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64url(s) {
  const bin = atob(s.replace(/-/g, "+").replace(/_/g, "/")); // throws on a length no encoder writes
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

async function deflate(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Inflates at most `max` bytes; more is an error (a small payload can inflate to a lot). */
async function inflate(bytes, max) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const parts = [];
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    n += value.length;
    if (n > max) {
      reader.cancel().catch(() => {});
      throw new RangeError(`more than ${max} bytes`);
    }
    parts.push(value);
  }
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.length));
  return out;
}

/** The fragment for a profile: `#rw1.…`. Rejects when the profile is not a plain JSON object. */
export async function encodeShare(profile) {
  if (!profile || typeof profile !== "object" || Array.isArray(profile)) throw new TypeError("profile: expected an object");
  const json = JSON.stringify(rename(profile, KEYS));
  return `#${PREFIX}${VERSION}.${toBase64url(await deflate(json))}`;
}

/** A fragment split into the page's own part and the share part (`rw<digits>.…`: all of it, or what follows its last "&"): `#contact&rw1.x` → `{page: "contact", share: "rw1.x"}`, `#contact` → `{page: "contact", share: null}`. */
export function splitHash(hash) {
  const s = String(hash ?? "").replace(/^#/, "");
  const m = /(^|&)(rw\d+\.[^&]*)$/s.exec(s);
  return m ? { page: s.slice(0, m.index), share: m[2] } : { page: s, share: null };
}

/** A link to `base` (default: this page) with the profile in its fragment, after the page's own one (a share already there is replaced); the query string is kept. */
export async function shareUrl(profile, base = globalThis.location?.href) {
  const url = new URL(base);
  const { page } = splitHash(url.hash);
  const share = (await encodeShare(profile)).slice(1);
  url.hash = page ? `${page}&${share}` : share;
  return url.href;
}

/** Whether a fragment (`#…` or `location.hash`) carries a Routewijzer share, of any version. */
export const isShare = (hash) => splitHash(hash).share != null;

/** Takes only the share part out of the address bar (page scripts could read it there): `#contact&rw1.…` → `#contact`, in the same history entry. */
export function dropShare(loc = globalThis.location, hist = globalThis.history) {
  const { page, share } = splitHash(loc.hash);
  if (share == null) return;
  // An absolute URL: a relative one would resolve against a <base href> (throwing when it
  // is another origin) and read a path starting with // as a host.
  const url = new URL(loc.href);
  url.hash = page ?? "";
  hist.replaceState(hist.state, "", url.href);
}

const fail = (code, message) => ({ error: { code, message } });

/**
 * Reads a fragment's share part. Answers `null` when it has none (the page's own
 * fragment), `{profile}`, or `{error: {code, message}}` with code
 * `version` (a format this widget does not read), `too-long` or `broken`. Never throws.
 * @returns {Promise<null | {profile: object} | {error: {code: string, message: string}}>}
 */
export async function decodeShare(hash) {
  try {
    const { share } = splitHash(hash);
    const m = share && /^rw(\d+)\.(.*)$/s.exec(share);
    if (!m) return null;
    if (Number(m[1]) !== VERSION) return fail("version", `share link version ${m[1]} is not read by this widget (it reads version ${VERSION})`);
    const payload = m[2];
    if (payload.length > MAX_PAYLOAD) return fail("too-long", `share link: ${payload.length} characters after "rw${VERSION}." (at most ${MAX_PAYLOAD})`);
    if (!/^[A-Za-z0-9_-]+$/.test(payload)) return fail("broken", "share link: the part after \"rw1.\" is empty or has characters other than A-Z a-z 0-9 - _");
    let json;
    try {
      json = new TextDecoder("utf-8", { fatal: true }).decode(await inflate(fromBase64url(payload), MAX_JSON));
    } catch (e) {
      return fail(e instanceof RangeError ? "too-long" : "broken", `share link: the answers cannot be unpacked (${e instanceof RangeError ? e.message : "cut off or changed"})`);
    }
    let value;
    try {
      value = JSON.parse(json);
    } catch {
      return fail("broken", "share link: the unpacked answers are not JSON");
    }
    if (!value || typeof value !== "object" || Array.isArray(value)) return fail("broken", "share link: the answers are not an object");
    return { profile: rename(value, LONG) };
  } catch (e) {
    return fail("broken", `share link: ${String(e?.message || e).slice(0, 200)}`);
  }
}
