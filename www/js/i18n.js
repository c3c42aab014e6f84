//# allFunctionsCalledOnLoad
// i18n.js: the translation store, i18n/<lang>.json (copied from src/i18n/, shared with the
// core): `ui` (the widget's text), `labels` (per kind, per vocabulary id, in form order) and
// `messages` (the core's; results arrive rendered). Words also formats dates, euros,
// distances and durations per language, from the store's words (month names, decimal and
// group marks) rather than Intl: the first Intl formatter of a page costs 140-210 ms of
// main-thread time at 4x CPU (ICU's start-up), more than the widget's whole budget.

/** "en", "en-GB" -> "en"; anything else -> "nl". */
export const langOf = (code) => (String(code || "").toLowerCase().startsWith("en") ? "en" : "nl");

/** The stores' URLs, written out as literals so that scripts/pack.mjs can give them content-hashed names. */
const STORE_URLS = { nl: new URL("../i18n/nl.json", import.meta.url).href, en: new URL("../i18n/en.json", import.meta.url).href };

/** Store URL -> Promise<Words>, fetched once per page. A failed fetch is forgotten, so a retry refetches. */
const stores = new Map();

export function loadWords(lang) {
  const url = STORE_URLS[lang];
  if (!url) return Promise.reject(new Error(`no translation store for the language ${JSON.stringify(lang)} (nl, en)`));
  let p = stores.get(url);
  if (!p) {
    p = fetch(url).then(async (res) => {
      if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText} (${url})`);
      return new Words(lang, await res.json());
    });
    p.catch(() => stores.delete(url));
    stores.set(url, p);
  }
  return p;
}

export class Words {
  /** An empty store shows keys and ids as they are. */
  constructor(lang, { ui = {}, labels = {} } = {}) {
    this.lang = lang;
    this.ui = ui;
    this.labels = labels;
    this.months = String(ui.monthNames || "").split(" ");
  }

  /** A number with the language's group and decimal marks, rounded to `digits` decimals (trailing zeros dropped). */
  number(n, digits = 0) {
    const [int, frac = ""] = Math.abs(n).toFixed(digits).split(".");
    const grouped = int.replace(/\B(?=(\d{3})+$)/g, this.ui.groupMark ?? ".");
    const f = frac.replace(/0+$/, "");
    return `${n < 0 ? "-" : ""}${grouped}${f ? `${this.ui.decimalMark ?? ","}${f}` : ""}`;
  }

  /** The text of `key` with its {params} filled in; with `n` of 1, the key's singular
   * (`key` + "1") where the store has one ("1 opleidingsplek", not "1 opleidingsplekken"). */
  t(key, params) {
    let s = (Number(params?.n) === 1 ? this.ui[`${key}1`] : undefined) ?? this.ui[key] ?? key;
    for (const [k, v] of Object.entries(params || {})) s = s.replaceAll(`{${k}}`, v);
    return s;
  }

  /** The label of a vocabulary id, as it reads inside a sentence; the id itself when there is none. */
  label(kind, id) {
    return this.labels[kind]?.[id] ?? id;
  }

  /** The label as an option, badge or heading: first letter capitalised. */
  option(kind, id) {
    const s = this.label(kind, id);
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  /** The ids of a kind, in the order the form offers them. */
  ids(kind) {
    return Object.keys(this.labels[kind] || {});
  }

  /** An attribution line of a catalog (Attribution): the line in this language, or its one
   * text, whose leading "Bron: " (a catalog of before the lines came in both languages) is
   * the widget's own word. */
  attribution(a) {
    if (a && typeof a === "object") return String(a[this.lang] ?? a.nl ?? "");
    return String(a ?? "").replace(/^Bron: /, `${this.t("sourceWord")}: `);
  }
  /** `2027-09-01` -> "1 september 2027" (nl), "1 September 2027" (en). */
  date(d) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d || "");
    if (!m) return d || "";
    return `${+m[3]} ${this.months[+m[2] - 1] || m[2]} ${m[1]}`;
  }
  euro(n) {
    return this.t("euro", { n: this.number(n) });
  }
  km(n) {
    return this.t("km", { n: this.number(n, 1) });
  }
  /** `P4Y` -> "4 jaar", `P18M` -> "18 maanden". */
  duration(iso) {
    const m = /^P(?:(\d+)Y)?(?:(\d+)M)?$/.exec(iso || "");
    if (!m) return iso || "";
    const months = (+m[1] || 0) * 12 + (+m[2] || 0);
    if (months === 0) return this.t("noTraining"); // herintreding: back with the bevoegdheid held
    if (months % 12 === 0) return this.t(months === 12 ? "year1" : "years", { n: months / 12 });
    return this.t(months === 1 ? "month1" : "months", { n: months });
  }
}
