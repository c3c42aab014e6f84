// The share link (www/js/share.js) in node: every persona profile survives the round trip
// through the fragment; the link is shorter than the profile's JSON and never touches the
// query string nor the page's own fragment; a wrong version, a cut-off or changed value, a non-object and an inflation
// bomb are refused with a clear message, and no input makes reading throw.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import { decodeShare, dropShare, encodeShare, isShare, MAX_PAYLOAD, shareUrl, splitHash } from "../../www/js/share.js";

const DIR = new URL("../fixtures/profiles/", import.meta.url);
const PERSONAS = readdirSync(DIR).filter((f) => f.endsWith(".json")).map((f) => [f, JSON.parse(readFileSync(new URL(f, DIR), "utf8"))]);
const b64 = (bytes) => Buffer.from(bytes).toString("base64url");
const packed = (text) => `#rw1.${b64(deflateRawSync(Buffer.from(text)))}`;

test("every persona profile round-trips through the fragment, which is shorter than its JSON", async () => {
  assert.ok(PERSONAS.length >= 10);
  for (const [name, profile] of PERSONAS) {
    const hash = await encodeShare(profile);
    assert.match(hash, /^#rw1\.[A-Za-z0-9_-]+$/, name);
    assert.ok(hash.length < JSON.stringify(profile).length, `${name}: ${hash.length} >= ${JSON.stringify(profile).length}`);
    assert.deepEqual(await decodeShare(hash), { profile }, name);
    assert.deepEqual(await decodeShare(hash.slice(1)), { profile }, `${name} without '#'`);
  }
  const jan = PERSONAS.find(([f]) => f === "januari-baanaanbod.json")[1];
  const hash = await encodeShare(jan);
  console.log(`# januari-baanaanbod: JSON ${JSON.stringify(jan).length} characters, fragment ${hash.length} (full-key JSON deflated: ${b64(deflateRawSync(JSON.stringify(jan))).length + 5})`);
});

test("edge profiles: empty, every field, text beyond ASCII, and keys the format does not know pass through", async () => {
  const every = {
    diplomas: [{ level: "hbo-bachelor", field: "werktuigbouwkunde", foreign: true, recognised: false }],
    qualifications: [{ qualification: "tweedegraads", subject: "wiskunde" }],
    job: { sector: "vo", role: "leraar-onbevoegd", hours_per_week: 24, start_date: "2027-01-04", offer: true },
    study: { level: "hbo-bachelor", field: "biologie", ec: 60, lerarenopleiding: true },
    lerarenopleiding_left: "2025-06-30", sectors: ["po", "vo"], subjects: ["wiskunde"], roles: ["leraar"],
    available_from: "2027-02-01", earn_while_learning: "preferred", location: { gemeente: "GM0344" }, max_travel_km: 30,
    dutch: "c1", age: 40, birth_date: "1986-05-01", pabo_tests_passed: ["rekenen"], geschiktheidsonderzoek_passed: true, hbo_level_assessed: true, vog: true,
    future_field: { note: "één café 😀" },
  };
  for (const p of [{}, every]) assert.deepEqual(await decodeShare(await encodeShare(p)), { profile: p });
  await assert.rejects(encodeShare([1]), /profile: expected an object/);
  await assert.rejects(encodeShare(null), /profile: expected an object/);
});

test("the link keeps the page's query string and puts the answers only in the fragment", async () => {
  const p = PERSONAS[0][1];
  const url = new URL(await shareUrl(p, "https://loket.example/routes/?utm=x#top"));
  assert.equal(url.origin + url.pathname + url.search, "https://loket.example/routes/?utm=x");
  assert.ok(isShare(url.hash));
  assert.deepEqual(await decodeShare(url.hash), { profile: p });
  // Nothing of the profile in the part a browser sends.
  for (const v of JSON.stringify(p).match(/[a-z0-9-]{4,}/g)) assert.ok(!`${url.origin}${url.pathname}${url.search}`.includes(v), v);
});

test("the page's own fragment is kept: in the link (before the share part) and in the address once the share is read", async () => {
  const p = PERSONAS[0][1];
  const share = (await encodeShare(p)).slice(1);
  assert.deepEqual(splitHash(`#contact&${share}`), { page: "contact", share });
  assert.deepEqual(splitHash(`#${share}`), { page: "", share });
  assert.deepEqual(splitHash("#contact"), { page: "contact", share: null });
  assert.deepEqual(splitHash("#/route?a=1&b=2"), { page: "/route?a=1&b=2", share: null }, "a hash router's own '&'");
  assert.deepEqual(splitHash(`#/route?a=1&b=2&${share}`), { page: "/route?a=1&b=2", share });
  assert.deepEqual(splitHash("#section-rw1.abc"), { page: "section-rw1.abc", share: null });
  assert.deepEqual(splitHash(`#${share}&contact`), { page: `${share}&contact`, share: null }, "the share part is always last");
  // Made on a page with its own fragment: kept, the share after it; a share already there is replaced, not stacked.
  for (const [base, hash] of [["https://l.example/r#contact", `#contact&${share}`], ["https://l.example/r#", `#${share}`], [`https://l.example/r#contact&rw1.AAAA`, `#contact&${share}`], [`https://l.example/r#rw9.x`, `#${share}`]]) {
    const url = new URL(await shareUrl(p, base));
    assert.equal(url.hash, hash, base);
    assert.deepEqual(await decodeShare(url.hash), { profile: p }, base);
  }
  // Once read, only the share part leaves the address; the page's own fragment stays; no fragment, no share: nothing happens.
  const calls = [];
  const hist = { state: { s: 1 }, replaceState: (...a) => calls.push(a) };
  const at = (href) => ({ href, hash: new URL(href).hash });
  dropShare(at(`https://loket.example/r/?q=1#contact&${share}`), hist);
  dropShare(at(`https://loket.example/r/#${share}`), hist);
  dropShare(at("https://loket.example/r/#contact"), hist);
  dropShare(at("https://loket.example/r/"), hist);
  // A path that starts with // stays a path (a relative "//routes" would be read as a host).
  dropShare(at(`https://loket.example//routes#${share}`), hist);
  assert.deepEqual(calls, [[{ s: 1 }, "", "https://loket.example/r/?q=1#contact"], [{ s: 1 }, "", "https://loket.example/r/"], [{ s: 1 }, "", "https://loket.example//routes"]]);
});

test("a fragment that is not a share is left alone (null)", async () => {
  for (const h of [undefined, null, "", "#", "#top", "#rw", "#rwx.abc", "#section-rw1.abc"]) assert.equal(await decodeShare(h), null, String(h));
  assert.equal(isShare("#top"), false);
  assert.equal(isShare("#rw1.abc"), true);
  assert.equal(isShare("#contact&rw1.abc"), true);
  assert.equal(isShare("#contact"), false);
});

test("a wrong version, a broken value, a non-object and a bomb are refused with a clear message", async () => {
  const good = await encodeShare(PERSONAS[0][1]);
  const cases = [
    ["#rw2.abc", "version", /version 2 is not read by this widget \(it reads version 1\)/],
    ["#rw0." + good.slice(5), "version", /version 0/],
    ["#rw1.", "broken", /empty or has characters other than/],
    ["#rw1.abc$def", "broken", /characters other than/],
    ["#rw1.abc=", "broken", /characters other than/],
    [good.slice(0, good.length - 12), "broken", /cannot be unpacked/], // cut off
    ["#rw1.A", "broken", /cannot be unpacked/], // a length base64 never has
    [packed("{not json"), "broken", /not JSON/],
    [packed("[1,2]"), "broken", /not an object/],
    [packed("null"), "broken", /not an object/],
    ["#rw1." + b64(deflateRawSync(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))), "broken", /cannot be unpacked/], // not UTF-8
    [packed(`{"d":"${"0".repeat(200000)}"}`), "too-long", /more than 65536 bytes/], // 200 KB from a few hundred characters
    ["#rw1." + "A".repeat(MAX_PAYLOAD + 1), "too-long", /at most 8192/],
  ];
  for (const [hash, code, re] of cases) {
    const r = await decodeShare(hash);
    assert.equal(r?.error?.code, code, `${hash.slice(0, 40)}: ${JSON.stringify(r)}`);
    assert.match(r.error.message, re);
    assert.equal(r.profile, undefined);
  }
});

test("no change of a valid link makes reading throw: every answer is a profile or an error", async () => {
  const good = await encodeShare(PERSONAS.find(([f]) => f === "januari-baanaanbod.json")[1]);
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  let seed = 7;
  const rnd = (n) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  let errors = 0;
  for (let i = 0; i < 300; i++) {
    const chars = [...good];
    const at = 5 + rnd(chars.length - 5);
    const op = rnd(3);
    if (op === 0) chars[at] = alphabet[rnd(64)];
    else if (op === 1) chars.splice(at, 1);
    else chars.splice(at, 0, alphabet[rnd(64)]);
    const r = await decodeShare(chars.join(""));
    assert.ok(r && (("profile" in r && typeof r.profile === "object") || (typeof r.error?.message === "string" && ["broken", "too-long"].includes(r.error.code))), JSON.stringify(r));
    if (r.error) errors++;
  }
  assert.ok(errors > 100, `most changed links are refused (${errors} of 300)`);
});
