// fields.js: the study-field vocabulary (data/fields.json, from data/study_fields.json:
// every field of the catalog's relatedness table and common degrees that relate to none,
// with Dutch and English names and synonyms) and the search over it. Fetched once per
// page, when someone starts on a study-field question.

import { closest, fold, rank, resolve, tables } from "./search.js";

const URL_DEFAULT = new URL("../data/fields.json", import.meta.url).href;
const TABLES = tables((json) => new FieldTable(json));

/** The table if it has already loaded on this page (a form built later, e.g. in another language, uses it at once), else null. */
export const fieldsLoaded = (url = URL_DEFAULT) => TABLES.loaded(url);

/** Fetches and indexes the table once per URL per page; a failed fetch is forgotten, so the next focus tries again. */
export const loadFields = (url = URL_DEFAULT) => TABLES.load(url);

/** "Scheikunde (MSc)", "Master of Science in Chemistry", "hbo Bedrijfskunde" -> the discipline's words. */
const DEGREE = /^(?:(?:bachelor|master)s?(?: of (?:science|arts|laws|education|business administration))?(?: in)?|bsc|msc|ba|ma|hbo|wo|ad|llb|llm|mphil) | (?:bsc|msc|ba|ma|hbo|wo|ad|llb|llm|mphil|bachelor|master|opleiding|studie)$/g;
const strip = (q) => {
  let prev;
  do {
    prev = q;
    q = q.replace(DEGREE, "").trim();
  } while (q !== prev);
  return q;
};

export class FieldTable {
  constructor(json) {
    this.fields = new Map();
    this.names = [];
    for (const [id, nl, en, related, ...synonyms] of json.fields) {
      this.fields.set(id, { id, nl, en, related: related === 1 });
      for (const [name, lang] of [[nl, "nl"], [en, "en"], ...synonyms.map((s) => [s, null])]) this.names.push({ id, key: fold(name), name, lang });
    }
  }

  /** The field's name in a language. */
  name(id, lang) {
    const f = this.fields.get(id);
    return f ? (lang === "en" ? f.en : f.nl) : undefined;
  }

  #option(e, lang) {
    const f = this.fields.get(e.id);
    const name = lang === "en" ? f.en : f.nl;
    return { id: `f:${e.id}:${e.key}`, text: name, detail: fold(e.name) !== fold(name) ? e.name : null, field: e.id, related: f.related };
  }

  /** Suggestions for what was typed, one per field: for the text as typed, then for it without degree words ("MSc", "hbo"). */
  search(text, lang, limit = 8) {
    const raw = fold(text);
    const bare = strip(raw);
    const ranked = rank(this.names, raw);
    if (bare !== raw && bare.length >= 3) ranked.push(...rank(this.names, bare));
    const seen = new Set();
    const out = [];
    for (const { entry } of ranked) {
      if (seen.has(entry.id)) continue;
      seen.add(entry.id);
      out.push(this.#option(entry, lang));
      if (out.length === limit) break;
    }
    return out;
  }

  /** {field, exact} for a name or synonym (or within a few typos of one field); else {field: null, suggestions}. */
  resolve(text, lang) {
    const raw = fold(text);
    const q = strip(raw) || raw;
    if (!q) return { field: null, suggestions: [] };
    const hit = resolve(this.names, raw) || (q !== raw && q.length >= 3 ? resolve(this.names, q) : null);
    if (hit) return { field: this.#option(hit.entry, lang), exact: hit.exact };
    const seen = new Set();
    const suggestions = [];
    for (const e of closest(this.names, q, 9)) {
      if (seen.has(e.id)) continue;
      seen.add(e.id);
      suggestions.push(this.#option(e, lang));
    }
    return { field: null, suggestions: suggestions.slice(0, 3) };
  }
}
