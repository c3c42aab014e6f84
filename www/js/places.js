// places.js: the national place table (data/places.json: every gemeente and four-digit
// postcode with its point, written by the catalog build) and the search over it. The
// table is fetched once per page, and only when someone starts on a place field, so a
// region shard's widget knows every place in the country and gives distances from it.

import { closest, fold, rank, resolve, tables } from "./search.js";

const URL_DEFAULT = new URL("../data/places.json", import.meta.url).href;
const TABLES = tables((json) => new PlaceTable(json));

/** The table if it has already loaded on this page (a form built later, e.g. in another language, uses it at once), else null. */
export const placesLoaded = (url = URL_DEFAULT) => TABLES.loaded(url);

/** Fetches and indexes the table once per URL per page; a failed fetch is forgotten, so the next focus tries again. */
export const loadPlaces = (url = URL_DEFAULT) => TABLES.load(url);

const PC = /^(\d{4})\s*([a-z]{2})?$/i;

export class PlaceTable {
  /** json: the contents of places.json. */
  constructor(json) {
    this.gemeenten = new Map();
    this.names = [];
    for (const [code, name, lat, lon] of json.gemeenten) {
      this.gemeenten.set(code, { code, name, lat, lon });
      this.names.push({ id: code, key: fold(name), name, code });
      // "Bergen (NH.)": also found as "Bergen" (which, shared by two gemeenten, then resolves to neither).
      const plain = name.replace(/\s*\([^)]*\)\s*$/, "");
      if (plain !== name) this.names.push({ id: code, key: fold(plain), name, code });
    }
    for (const [code, name] of json.aliases || []) {
      const key = fold(name);
      if (this.gemeenten.has(code) && !this.names.some((e) => e.key === key && e.id === code)) this.names.push({ id: code, key, name, code, alias: true });
    }
    this.postcodes = new Map(json.postcodes.map(([pc, lat, lon, gm]) => [pc, { pc, lat, lon, gm }]));
    this.attribution = json.attribution || [];
  }

  /** The gemeente's official name, or undefined. */
  gemeenteName(code) {
    return this.gemeenten.get(code)?.name;
  }

  /** A suggestion for a gemeente entry: text put in the field, its location, and a detail naming the official name of an alias. */
  #gm(e) {
    const g = this.gemeenten.get(e.code);
    return { id: `gm:${e.code}:${e.key}`, text: e.name, detail: e.alias ? g.name : null, kind: "gemeente", gemeente: g.name, location: { gemeente: g.code, lat: g.lat, lon: g.lon } };
  }
  #pc(p) {
    return { id: `pc:${p.pc}`, text: p.pc, detail: this.gemeenteName(p.gm) || null, kind: "postcode", gemeente: this.gemeenteName(p.gm), location: { postcode: p.pc, lat: p.lat, lon: p.lon } };
  }

  /** Suggestions for what was typed (at most `limit`): postcodes for digits, gemeenten (and their other names) for words; one per gemeente. */
  search(text, limit = 8) {
    const raw = String(text ?? "").trim();
    if (/^\d/.test(raw)) {
      const digits = raw.replace(/\D/g, "").slice(0, 4);
      const out = [];
      for (const p of this.postcodes.values()) {
        if (p.pc.startsWith(digits)) out.push(this.#pc(p));
        if (out.length === limit) break;
      }
      return out;
    }
    const q = fold(raw);
    const seen = new Set();
    const out = [];
    for (const { entry } of rank(this.names, q)) {
      if (seen.has(entry.code)) continue;
      seen.add(entry.code);
      out.push(this.#gm(entry));
      if (out.length === limit) break;
    }
    return out;
  }

  /**
   * What the typed text stands for: {place, exact} when it is a known postcode (with or
   * without letters) or a gemeente name, or within a few typos of exactly one name (exact
   * false); else {place: null, suggestions} (the closest names, for a notice).
   */
  resolve(text) {
    const raw = String(text ?? "").trim();
    if (!raw) return { place: null, suggestions: [] };
    const pc = PC.exec(raw);
    if (pc) {
      const p = this.postcodes.get(pc[1]);
      if (p) return { place: this.#pc(p), exact: true };
    }
    if (/^\d/.test(raw)) return { place: null, suggestions: this.search(raw, 3) };
    const q = fold(raw);
    const hit = resolve(this.names, q);
    if (hit) return { place: this.#gm(hit.entry), exact: hit.exact };
    const seen = new Set();
    const suggestions = [];
    for (const e of closest(this.names, q, 6)) {
      if (seen.has(e.code)) continue;
      seen.add(e.code);
      suggestions.push(this.#gm(e));
    }
    return { place: null, suggestions: suggestions.slice(0, 3) };
  }
}
