//# allFunctionsCalledOnLoad
// shortlist.js: the routes a candidate keeps ("Bewaar"), with a small snapshot of each for
// comparing, and the comparison of two or three side by side (verdict, conditions, start,
// duration, cost, pay, distance). Kept in memory; in localStorage only while the candidate
// has ticked "remember my answers on this device" (the same consent as the answers, under
// `routewijzer:<name>:kept`), and removed when it is unticked.

import { h } from "./dom.js";

/** Routes a candidate can keep, and how many are compared side by side. */
export const MAX_KEPT = 10;
export const MAX_COMPARED = 3;
const FORMAT = 1;

const str = (s, max = 300) => (typeof s === "string" ? s.slice(0, max) : null);
const num = (n) => (typeof n === "number" && Number.isFinite(n) ? n : null);
const date = (d) => (typeof d === "string" && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : null);
const VERDICTS = ["eligible", "conditional", "ineligible"];

/** What is kept of a result route (`result.routes[]`): enough to compare it and to send it, nothing of the profile. */
export function snapshot(r) {
  const it = r.next_intake;
  return {
    offering: String(r.offering).slice(0, 1000),
    name: str(r.name) ?? String(r.offering),
    kind: str(r.kind, 100),
    institution: str(r.institution),
    place: str(r.place),
    url: str(r.url, 2000),
    eligibility: VERDICTS.includes(r.eligibility) ? r.eligibility : null,
    conditions: Array.isArray(r.conditions) ? r.conditions.slice(0, 20).map((c) => str(c?.message?.text ?? c, 1000)).filter(Boolean) : [],
    start_date: date(it?.start_date ?? r.start_date),
    // A route without cohorts (it.rolling) has no deadline to keep.
    apply_by: it ? (it.rolling ? null : date(it.apply_by)) : date(r.apply_by),
    duration: str(r.duration, 20),
    cost_eur_per_year: num(r.cost_eur_per_year),
    cost_basis: str(r.cost_basis, 50),
    pay_eur_per_month: num(r.pay?.eur_per_month ?? r.pay_eur_per_month),
    paid_while_learning: !!r.paid_while_learning,
    distance_km: num(r.distance_km),
  };
}

/** A stored snapshot read back: the same shape, or null when it is not one. */
function restore(x) {
  if (!x || typeof x !== "object" || typeof x.offering !== "string" || !x.offering) return null;
  return snapshot({ ...x, next_intake: null, pay: null });
}

export class Shortlist {
  #items = [];
  #compared = new Set();
  #key;
  #storage;
  #persist = false;

  /** key: the storage key (`routewijzer:<name>:kept`); storage: a Storage (default localStorage; any access may throw and is then ignored). */
  constructor({ key, storage } = {}) {
    this.#key = key;
    try {
      this.#storage = storage ?? globalThis.localStorage ?? null;
    } catch {
      this.#storage = null; // a sandboxed frame can throw on reading localStorage
    }
  }

  /** The kept routes, in the order they were kept (copies). */
  get items() {
    return this.#items.map((x) => ({ ...x, conditions: [...x.conditions] }));
  }
  get size() {
    return this.#items.length;
  }
  has(id) {
    return this.#items.some((x) => x.offering === id);
  }

  /** Keeps a route (a result route or a snapshot), or lets it go if kept; returns whether it is kept now. False too when MAX_KEPT are kept already. */
  toggle(route) {
    if (this.has(route.offering)) {
      this.remove(route.offering);
      return false;
    }
    if (this.#items.length >= MAX_KEPT) return false;
    this.#items.push(snapshot(route));
    if (this.#compared.size < MAX_COMPARED) this.#compared.add(route.offering);
    this.#save();
    return true;
  }

  remove(id) {
    this.#items = this.#items.filter((x) => x.offering !== id);
    this.#compared.delete(id);
    this.#save();
  }

  clear() {
    this.#items = [];
    this.#compared.clear();
    this.#save();
  }

  /** The kept routes chosen for the comparison (at most MAX_COMPARED), in kept order. */
  get compared() {
    return this.items.filter((x) => this.#compared.has(x.offering));
  }
  isCompared(id) {
    return this.#compared.has(id);
  }
  /** Puts a kept route in or out of the comparison; false when that would pass MAX_COMPARED or it is not kept. */
  setCompared(id, on) {
    if (!this.has(id)) return false;
    if (on && !this.#compared.has(id) && this.#compared.size >= MAX_COMPARED) return false;
    on ? this.#compared.add(id) : this.#compared.delete(id);
    this.#save();
    return true;
  }

  /** Updates the snapshots of kept routes that a new result lists (a new verdict, the language of its texts). */
  refresh(result) {
    let changed = false;
    for (const [i, x] of this.#items.entries()) {
      const r = result?.routes?.find((y) => y.offering === x.offering);
      if (r) {
        this.#items[i] = snapshot(r);
        changed = true;
      }
    }
    if (changed) this.#save();
  }

  // ------------------------------------------------------------ storage, only with consent

  /** With `on` (the "remember" box ticked) the list is written to storage now and on every change; without, it is removed from storage. */
  persist(on) {
    this.#persist = !!on;
    if (this.#persist) this.#save();
    else this.#try((s) => s.removeItem(this.#key));
  }

  /** Reads a stored list (call only when "remember" is ticked); ignores what is not a list of snapshots. Returns how many were read. */
  load() {
    let raw = null;
    this.#try((s) => (raw = s.getItem(this.#key)));
    if (raw == null) return 0;
    let data;
    try {
      data = JSON.parse(raw);
    } catch {
      return 0;
    }
    if (data?.v !== FORMAT || !Array.isArray(data.items)) return 0;
    const seen = new Set();
    this.#items = data.items.map(restore).filter((x) => x && !seen.has(x.offering) && seen.add(x.offering)).slice(0, MAX_KEPT);
    const cmp = Array.isArray(data.compare) ? data.compare : [];
    this.#compared = new Set(cmp.filter((id) => this.has(id)).slice(0, MAX_COMPARED));
    return this.#items.length;
  }

  #save() {
    if (!this.#persist || !this.#key) return;
    const data = { v: FORMAT, items: this.#items, compare: [...this.#compared] };
    this.#try((s) => (this.#items.length ? s.setItem(this.#key, JSON.stringify(data)) : s.removeItem(this.#key)));
  }

  #try(fn) {
    if (!this.#storage) return;
    try {
      fn(this.#storage);
    } catch {}
  }
}

/**
 * The comparison as data: one column per route, one row per aspect (verdict, conditions,
 * start, apply by, duration, cost, pay, distance), each cell a string or a list of strings.
 * `words`: the widget's Words.
 */
export function compareRows(items, words) {
  const t = (k, p) => words.t(k, p);
  const dash = "–";
  const pay = (x) => (x.pay_eur_per_month != null ? `${words.euro(Math.round(x.pay_eur_per_month))} ${t("perMonth")}` : x.paid_while_learning ? t("yes") : t("no"));
  const cost = (x) => (x.cost_eur_per_year == null ? dash : `${words.euro(x.cost_eur_per_year)}${x.cost_basis ? ` (${words.label("cost_basis", x.cost_basis)})` : ""}`);
  return {
    cols: items.map((x) => ({ offering: x.offering, name: x.name, sub: [x.institution, x.place].filter(Boolean).join(" · "), url: x.url })),
    rows: [
      { key: "verdict", label: t("cmpVerdict"), cells: items.map((x) => (x.eligibility ? words.option("eligibility", x.eligibility) : dash)) },
      { key: "conditions", label: t("todo"), cells: items.map((x) => (x.conditions.length ? x.conditions : t("cmpNone"))) },
      { key: "start", label: t("next"), cells: items.map((x) => (x.start_date ? words.date(x.start_date) : t("noIntake"))) },
      { key: "apply", label: t("applyBy"), cells: items.map((x) => (x.apply_by ? words.date(x.apply_by) : dash)) },
      { key: "duration", label: t("duration"), cells: items.map((x) => (x.duration ? words.duration(x.duration) : dash)) },
      { key: "cost", label: t("cost"), cells: items.map(cost) },
      { key: "pay", label: t("pay"), cells: items.map(pay) },
      { key: "distance", label: t("cmpDistance"), cells: items.map((x) => (x.distance_km != null ? words.km(x.distance_km) : dash)) },
    ],
  };
}

/**
 * The comparison as a table with proper headers: the routes are the column headers
 * (`scope="col"`), the aspects the row headers (`scope="row"`). On a narrow screen the CSS
 * stacks it per route; each cell then shows its aspect from `data-label`.
 */
export function compareTable(items, words, { caption }) {
  const { cols, rows } = compareRows(items, words);
  return h("table", { class: "rw-compare" },
    h("caption", { text: caption }),
    h("thead", {}, h("tr", {}, h("td", {}), cols.map((c) => h("th", { scope: "col", "data-offering": c.offering }, h("span", { class: "rw-cmp-name", text: c.name }), c.sub ? h("span", { class: "rw-meta", text: c.sub }) : null)))),
    h("tbody", {}, rows.map((r) => h("tr", { "data-row": r.key },
      h("th", { scope: "row", text: r.label }),
      r.cells.map((cell, i) => h("td", { "data-label": r.label, "data-route": cols[i].name },
        Array.isArray(cell) ? h("ul", {}, cell.map((c) => h("li", { text: c }))) : cell))))));
}
