// handoff.js: the candidate's summary for the loket, sent only when the candidate presses
// "send". The record (JSON Schema: schema/handoff.schema.json, draft 2020-12) is built only
// from what the candidate entered (the answers, and the contact details and motivation
// typed in the handoff section) and chose (the routes they kept): prior education,
// qualification held, sectors, subjects, wanted roles, a 4-digit postcode (never a
// street), motivation, chosen routes, contact, and what made it (Routewijzer and catalog
// version). Two ways to send, set by the loket with the element's `handoff` attribute: a
// `mailto:` address (the candidate's mail program opens with the text and the JSON, or as
// much of them as a mailto: URL may carry, saying what it leaves out) or an `https:`
// endpoint (one POST of the JSON, no cookies, no referrer).

export const SCHEMA_VERSION = 1;
/** Routewijzer's version (Cargo.toml; a test keeps them equal). */
export const TOOL_VERSION = "0.1.0";
/** At most this many chosen routes travel in one record. */
export const MAX_ROUTES = 10;
export const MAX_MOTIVATION = 2000;

const ID = /^[a-z0-9][a-z0-9-]{0,99}$/;
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
const PHONE = /^\+?[0-9 ()-]{6,20}$/;

/** Half a surrogate pair (a cut emoji) as U+FFFD. */
const wellFormed = (s) => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
const ids = (xs) => (Array.isArray(xs) ? xs.filter((x) => typeof x === "string" && ID.test(x)).slice(0, 50) : []);
const text = (s, max) => (typeof s === "string" ? wellFormed(wellFormed(s).replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "").trim().slice(0, max)) : "");
const isDate = (d) => typeof d === "string" && /^\d{4}-\d{2}-\d{2}$/.test(d);

/** The `handoff` attribute read: `{target, problem}`; `target` as handoffTarget's, `problem`
 * null or why a value that is there is not used (for the webmaster). Never throws. */
export function checkHandoff(attr) {
  const s = String(attr ?? "").trim();
  if (!s) return { target: null, problem: null };
  const bad = (why) => ({ target: null, problem: `handoff attribute ${JSON.stringify(s.slice(0, 200))}: ${why}; the widget works without the handoff section` });
  let url;
  try {
    url = new URL(s);
  } catch {
    return bad('not a URL (expected "mailto:adres@loket.nl" or "https://…")');
  }
  if (url.protocol === "mailto:") {
    if (url.search) return bad(`a mailto: address may not carry "${url.search.slice(0, 40)}" (the widget writes the subject and the text itself: give only the address, "mailto:adres@loket.nl")`);
    let address;
    try {
      address = decodeURIComponent(url.pathname);
    } catch {
      const pct = /%(?![0-9a-f]{2}).{0,2}/is.exec(url.pathname)?.[0];
      return bad(pct
        ? `"${pct}" is not a percent-encoded character (a "%" must be followed by two hexadecimal digits; write the address as it is: "mailto:adres@loket.nl")`
        : `its percent-encoded characters are not UTF-8 (write the address as it is: "mailto:adres@loket.nl")`);
    }
    if (!address) return bad("no address after mailto:");
    if (!EMAIL.test(address)) return bad(`${JSON.stringify(address.slice(0, 200))} is not one plain e-mail address (no name, <>, spaces or second address: "mailto:adres@loket.nl")`);
    return { target: { kind: "mailto", address }, problem: null };
  }
  if (url.protocol === "https:") {
    if (url.username || url.password) return bad("an https: URL with a user name or password in it (the widget sends no credentials)");
    return { target: { kind: "https", url: url.href }, problem: null };
  }
  return bad(`"${url.protocol}" is not accepted (only "mailto:" or "https:")`);
}

/** Where the loket takes summaries: the `handoff` attribute as `{kind: "mailto", address}` or `{kind: "https", url}`; null when absent or not one of these (checkHandoff says why). */
export function handoffTarget(attr) {
  return checkHandoff(attr).target;
}

/**
 * Checks the contact details the candidate typed; each is optional. Returns the cleaned
 * values and a list of problems `{field, code}` (`email`/`phone` with code `invalid`,
 * `motivation` with code `too-long`).
 */
export function checkContact({ name = "", email = "", phone = "", motivation = "" } = {}) {
  const clean = { name: text(name, 200), email: text(email, 200), phone: text(phone, 40), motivation: text(motivation, MAX_MOTIVATION + 1) };
  const problems = [];
  if (clean.email && !EMAIL.test(clean.email)) problems.push({ field: "email", code: "invalid" });
  if (clean.phone && !PHONE.test(clean.phone)) problems.push({ field: "phone", code: "invalid" });
  if (clean.motivation.length > MAX_MOTIVATION) problems.push({ field: "motivation", code: "too-long" });
  return { clean, problems };
}

/**
 * The handoff record (schema/handoff.schema.json).
 * @param {object} a
 * @param {object} a.profile the candidate's answers (a Profile)
 * @param {object[]} a.routes the chosen routes: result routes or shortlist snapshots ({offering, name, kind, institution, next_intake|start_date, eligibility})
 * @param {{name: string, version: string}} a.catalog the catalog in use (m.info())
 * @param {string} a.created the date, `YYYY-MM-DD` (the widget's today)
 * @param {string} a.lang `nl` or `en`
 * @param {string|null} [a.region] the region the loket serves
 * @param {{name?: string, email?: string, phone?: string, motivation?: string}} [a.typed] what the candidate typed in the handoff section
 */
export function buildHandoff({ profile = {}, routes = [], catalog, created, lang, region = null, typed = {} }) {
  const p = profile && typeof profile === "object" ? profile : {};
  const { clean } = checkContact(typed);
  const rec = {
    schema_version: SCHEMA_VERSION,
    created,
    language: lang === "en" ? "en" : "nl",
    region: typeof region === "string" && /^AM\d{2}$/.test(region) ? region : null,
    prior_education: (Array.isArray(p.diplomas) ? p.diplomas : []).filter((d) => d && ID.test(d.level ?? "")).slice(0, 50).map((d) => ({
      level: d.level,
      ...(typeof d.field === "string" && ID.test(d.field) ? { field: d.field } : {}),
      ...(d.foreign ? { foreign: true, recognised: !!d.recognised } : {}),
    })),
    qualifications: (Array.isArray(p.qualifications) ? p.qualifications : []).filter((q) => q && ID.test(q.qualification ?? "")).slice(0, 50).map((q) => ({
      qualification: q.qualification,
      ...(typeof q.subject === "string" && ID.test(q.subject) ? { subject: q.subject } : {}),
    })),
    sectors: ids(p.sectors).filter((s) => ["po", "vo", "mbo"].includes(s)),
    subjects: ids(p.subjects),
    wanted_roles: ids(p.roles),
  };
  // Only the four digits of a postcode, or a gemeente code: never a street or house number.
  const pc = /^\d{4}/.exec(String(p.location?.postcode ?? ""))?.[0];
  if (pc) rec.postcode = pc;
  else if (/^GM\d{4}$/.test(p.location?.gemeente ?? "")) rec.gemeente = p.location.gemeente;
  if (clean.motivation) rec.motivation = clean.motivation.slice(0, MAX_MOTIVATION);
  rec.routes = (Array.isArray(routes) ? routes : []).slice(0, MAX_ROUTES).map((r) => ({
    offering: String(r.offering),
    name: wellFormed(String(r.name ?? r.offering).slice(0, 300)),
    kind: String(r.kind),
    institution: r.institution ? wellFormed(String(r.institution).slice(0, 300)) : null,
    next_start: r.next_intake?.start_date ?? (isDate(r.start_date) ? r.start_date : null),
    ...(r.eligibility ? { eligibility: r.eligibility } : {}),
  }));
  const contact = {};
  if (clean.name) contact.name = clean.name;
  if (clean.email && EMAIL.test(clean.email)) contact.email = clean.email;
  if (clean.phone && PHONE.test(clean.phone)) contact.phone = clean.phone;
  if (Object.keys(contact).length) rec.contact = contact;
  rec.source = { tool: "Routewijzer", version: TOOL_VERSION, catalog: String(catalog?.name ?? ""), catalog_version: String(catalog?.version ?? "") };
  return rec;
}

/** The record in words, for the candidate to read before sending and for the loket's mail. `words`: the widget's Words. */
export function handoffText(rec, words) {
  const t = (k, p) => words.t(k, p);
  const l = (kind, id) => words.label(kind, id);
  const list = (xs) => xs.join(", ") || "–";
  const out = [t("hoRecord"), `${t("hoCreated")}: ${words.date(rec.created)}`];
  out.push(`${t("hoEducation")}: ${list(rec.prior_education.map((d) => [l("level", d.level), d.field?.replace(/-/g, " "), d.foreign ? t("hoForeign") : null].filter(Boolean).join(", ")))}`);
  // No qualification is the form's own answer ("Nee" is its first choice), not a gap.
  const quals = rec.qualifications.map((q) => [l("qualification", q.qualification), q.subject ? l("subject", q.subject) : null].filter(Boolean).join(", "));
  out.push(`${t("hoQualification")}: ${quals.length ? list(quals) : l("qualification", "geen")}`);
  out.push(`${t("hoSectors")}: ${list(rec.sectors.map((s) => l("sector", s)))}`);
  if (rec.subjects.length) out.push(`${t("hoSubjects")}: ${list(rec.subjects.map((s) => l("subject", s)))}`);
  if (rec.wanted_roles.length) out.push(`${t("hoRoles")}: ${list(rec.wanted_roles.map((s) => l("role", s)))}`);
  if (rec.postcode || rec.gemeente) out.push(`${t("hoPlace")}: ${rec.postcode ?? rec.gemeente}`);
  out.push(`${t("hoRoutes")}:`);
  for (const r of rec.routes) out.push(`- ${r.name}${r.institution ? `, ${r.institution}` : ""} (${l("route_kind", r.kind)})${r.next_start ? `; ${t("next").toLowerCase()} ${words.date(r.next_start)}` : ""}`);
  if (!rec.routes.length) out.push("- –");
  // Contact before the message, the longest free text: a mail that must be cut (handoffMail) keeps it.
  if (rec.contact) out.push(`${t("hoContact")}: ${[rec.contact.name, rec.contact.email, rec.contact.phone].filter(Boolean).join(", ")}`);
  if (rec.motivation) out.push(`${t("hoMotivation")}:`, rec.motivation);
  out.push(`${t("hoMadeBy")}: Routewijzer ${rec.source.version}, ${rec.source.catalog} ${rec.source.catalog_version}`);
  return out.join("\n");
}

/** Longest `mailto:` URL the widget makes: Outlook and some browsers cut or refuse longer ones (from about 2,000 characters). */
export const MAX_MAILTO = 2000;

/**
 * The mail for a record as a `mailto:` URL of at most `max` characters: `{href, body, full,
 * left}`. `full`: the readable text and the JSON (to copy); `body`: `full` if it fits (`left`
 * null), else the readable text and the line notes.json says (`left: "json"`), else the text's
 * beginning cut at a word, "…" and `notes.text` (`left: "text"`): only text the candidate saw.
 */
export function handoffMail({ address, rec, readable: text, subject, notes, max = MAX_MAILTO }) {
  const readable = wellFormed(text); // encodeURIComponent throws on half a surrogate pair
  const head = `mailto:${encodeURIComponent(address).replace(/%40/g, "@")}?subject=${encodeURIComponent(subject)}&body=`;
  const fits = (body) => head.length + encodeURIComponent(body).length <= max;
  const mail = (body, left) => ({ href: head + encodeURIComponent(body), body, full, left });
  // The first n characters, one fewer where the n-th would split a surrogate pair.
  const part = (n) => readable.slice(0, n - (/[\uD800-\uDBFF]/.test(readable[n - 1] ?? "") ? 1 : 0));
  const full = `${readable}\n\n--- JSON (schema/handoff.schema.json) ---\n${JSON.stringify(rec)}\n`;
  if (fits(full)) return mail(full, null);
  const noJson = `${readable}\n\n${notes.json}\n`;
  if (fits(noJson)) return mail(noJson, "json");
  // The longest beginning that fits (its encoded length grows with it).
  const end = `\n…\n\n${notes.text}\n`;
  let lo = 0;
  let hi = readable.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(part(mid) + end)) lo = mid;
    else hi = mid - 1;
  }
  let cut = part(lo);
  // Back to the end of a word or line (a cut with no space in it stays as it is).
  if (cut.length < readable.length && /\S/.test(readable[cut.length])) {
    const space = cut.search(/\s\S*$/);
    if (space > 0) cut = cut.slice(0, space);
  }
  return mail(`${cut.trimEnd()}${end}`, "text");
}

/**
 * Sends the record to an HTTPS endpoint: one POST of `application/json`, without cookies
 * or other credentials, without a referrer, never cached. Resolves to `{ok, status}`;
 * a network failure resolves to `{ok: false, status: 0}`.
 */
export async function sendHandoff(url, rec, fetchImpl = globalThis.fetch) {
  try {
    const res = await fetchImpl(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(rec),
      credentials: "omit",
      mode: "cors",
      cache: "no-store",
      referrerPolicy: "no-referrer",
      redirect: "error",
    });
    return { ok: res.ok, status: res.status };
  } catch {
    return { ok: false, status: 0 };
  }
}
