//# allFunctionsCalledOnLoad
// results.js: what the widget shows for a result, answer first: the verdict in words, the
// candidate's filters, one card per open route kind (its best offering, the others behind
// "also at N places", sortable), the best pathways with their timelines, the closed kinds
// with why and what would open each, routes outside the candidate's choices on request;
// print and the downloads (text, JSON), made on the device.

import { afterLayout, download, h, link, nextFrame, put, safeUrl } from "./dom.js";
import { parseDate } from "./dates.js";
import { timeline } from "./timeline.js";

/** A source's link text: its site, and for a code host the repository (a bare "github.com"
 * says nothing about whose data it is). */
function sourceLabel(url) {
  const u = new URL(url);
  const host = u.hostname.replace(/^www\./, "");
  const repo = /^(github\.com|gitlab\.com)$/.test(host) ? u.pathname.split("/").filter(Boolean).slice(0, 2) : [];
  return [host, ...repo].join("/");
}

/** Whether a route has training of its own (a duration above zero); herintreding has none. */
const trains = (x) => !/^P(0Y)?(0M)?$/.test(x.duration);

/** Cost bases on which the candidate pays a fee (else the school pays, or nothing is due). */
const FEES = ["collegegeld", "instellingscollegegeld", "cursusgeld"];

/** Time (ms, as the page's clock runs) to build parts before the browser gets a frame: at
 * most SLICE_MS (a task of 50 ms is a long one), and at first FIRST_SLICE_MS when the
 * section is new (all of its nodes are new, and laying them out costs several times their
 * building) or UPDATE_SLICE_MS when it is updated (most parts are kept: a change usually
 * fits one slice, and every slice more costs a frame of waiting). Then the slices adapt to
 * the device: a frame showing a slice should take about FRAME_MS, a slice at least
 * SLICE_MIN_MS and at most twice the one before. */
const SLICE_MS = 40;
const FIRST_SLICE_MS = 4;
const UPDATE_SLICE_MS = 24;
const FRAME_MS = 30;
const SLICE_MIN_MS = 1;

/** Offerings of one route kind the widget asks the core for: the card's best and the first
 * nine behind "also at", in the candidate's order (the core sorts all the places before it
 * cuts the list; the others are counted, and "show all" lists them). */
export const PER_KIND = 10;
/** The same when the candidate asks for every place ("show all"). */
const ALL_PER_KIND = 100000;

/** The orders of "also at" the candidate can choose (MatchView.sort), with their labels. */
const SORTS = [["rank", "sortRank"], ["distance", "sortDistance"], ["start", "sortStart"], ["cost", "sortCost"]];

/** What scrolls when the person scrolls the widget: the nearest ancestor of its element
 * (through slots and shadow roots) that scrolls its overflow, else the window. */
function scroller(el) {
  const up = (n) => n.assignedSlot ?? n.parentElement ?? n.getRootNode().host;
  for (let n = el.getRootNode().host; n && n !== document.body && n !== document.documentElement; n = up(n)) {
    const y = getComputedStyle(n).overflowY;
    if ((y === "auto" || y === "scroll") && n.scrollHeight > n.clientHeight) return n;
  }
  return window;
}

export class Results {
  #w;
  #uid;
  #open;
  #info;
  #profile = null; // the answers the result shown was matched for (show)
  #result = null;
  #view;
  #onView;
  #gen = 0; // bumped by every show() and error(): a slower render in progress stops
  #waiting = false; // a newer result is on its way (busy): the section stays aria-busy
  #rendering = false; // show()'s slices are still being built
  #parts = new Map(); // JSON of a part's data -> its node (see show)
  #used = new Set();
  #more = new WeakMap(); // a card built over several frames -> the functions that add the rest of it, a frame each (#route, #slices)
  #unfinished = null; // those of the card being built, not yet called (#slices; #finish)
  #kit;
  #startTyped = ""; // the filters' "starting before" as typed: kept when they are rebuilt, a date it cannot read too
  #reading = null; // where the person reads while a result is shown, kept on screen (#readingAt)

  /** words: Words; uid: id prefix; open: Set of <details> keys kept across renders; info: CatalogInfo; view: the MatchView in use; onView(view, focus): the candidate changed a filter, the order or the list's length (focus: a selector of what gets the focus in the new result); kit: the candidate's next step below the results (kit.js), or null. */
  constructor({ words, uid, open, info, view, onView, kit = null }) {
    this.#kit = kit;
    this.#w = words;
    this.#uid = uid;
    this.#open = open;
    this.#info = info;
    this.#view = view;
    this.#onView = onView;
    this.el = h("section", { class: "rw-results", "aria-labelledby": `${uid}-rh` });
  }

  #t(key, params) {
    return this.#w.t(key, params);
  }
  #heading() {
    return h("h3", { id: `${this.#uid}-rh`, tabindex: "-1", text: this.#t("results") });
  }
  focus() {
    this.el.querySelector("h3")?.focus();
  }

  /** A new result is on its way: `aria-busy` until it is shown (see show), even when the
   * render of an older one ends first. */
  busy() {
    this.#waiting = true;
    this.el.setAttribute("aria-busy", "true");
  }

  /** The result shown is current after all (the answers went back to it): not busy once it is all in. */
  done() {
    this.#waiting = false;
    if (this.#result && !this.#rendering) this.el.removeAttribute("aria-busy");
  }

  /** Matching failed: the core rejected the profile (`message`), or crashed (null). */
  error(message) {
    this.#finish();
    this.#result = null;
    this.#gen++;
    this.#waiting = this.#rendering = false;
    this.el.removeAttribute("aria-busy");
    this.el.replaceChildren(this.#heading(), h("p", { class: "rw-error", role: "alert", text: message == null ? this.#t("errCrash") : this.#t("errProfile", { m: message }) }));
  }

  /** Renders a MatchResult: returns the sentence to announce (the answer in words) and
   * `done`, which resolves to true once everything is shown (false when a newer result
   * took over first).
   * The section is updated in place: a part whose data did not change keeps its nodes
   * (and the candidate's open details, focus and reading position), and only the parts
   * that changed are built and swapped in. Parts are built in order, in slices of a few
   * milliseconds with a frame between them, so the answer and the first cards are on
   * screen at once and no slice (with its style and layout) holds the page up for long;
   * `aria-busy` is set on the section until the last part is in. */
  show(r, profile, browsing = false) {
    this.#read(); // (before anything moves)
    this.#finish(); // (a card of the render before, kept for this one, is whole before it is shown again)
    this.#result = r;
    // The answers it was matched for, not the form as it is now (the person may type on
    // while it is shown): the cards' marks and the JSON download follow the result. (Read
    // once: reading the form for every card was a fifth of an update's time at 4x CPU.)
    this.#profile = profile ?? {};
    this.#waiting = false;
    if (!browsing) this.#kit?.use(r); // the cards' tools read it; the kit's own parts are redrawn in their turn below
    const gen = ++this.#gen;
    this.#used.clear();
    const inside = r.kinds.filter((k) => !k.outside);
    const outside = r.kinds.filter((k) => k.outside);
    // Browsing (no answers) shows every kind, as its words say: those outside for a role other
    // than teacher (the default role) under their own heading; those outside the sectors the
    // widget is for (its `sectors` attribute) wait behind the switch.
    const wanted = this.#profile.sectors ?? [];
    const otherSector = (k) => wanted.length > 0 && !k.sectors.some((s) => wanted.includes(s));
    const showOut = this.#open.has("outside");
    // (A kind is shown only with its best route: a result asked for without the switch, shown
    // while the one with it is on its way, lists none outside.)
    const best = (k) => r.routes.find((x) => x.offering === k.best);
    const shownOut = (showOut ? outside : browsing ? outside.filter((k) => !otherSector(k)) : []).filter(best);
    const switchN = browsing ? outside.filter(otherSector).length : outside.length;
    const openK = (ks) => ks.filter((k) => k.open > 0);
    const closedK = (ks) => ks.filter((k) => k.open === 0);
    const answer = r.summary.map((t) => t.text).join(" ");
    // (The hint names the order; the answers mark a distance beyond the farthest given and
    // an unpaid route for someone who must earn.)
    const marks = [this.#profile.max_travel_km, this.#profile.earn_while_learning === "required"];
    const card = (k) => (split) => this.#part(["kind", k, best(k), this.#order, marks], () => this.#kind(k, r, split));
    const closed = (k) => () => this.#part(["closed", k, best(k)], () => this.#closedKind(k, r));
    // (A part of the section is named by its key's first word, for the reading position: #readingAt.)
    const part = (key, build) => () => {
      const el = this.#part(key, build);
      if (el) el.dataset.part = key[0];
      return el;
    };
    const list = (key, tag, cls, items) => (items.length ? { box: part([key], () => h(tag, { class: cls })), items } : null);
    const pws = r.pathways.slice(0, 3);
    const plan = [
      part(["heading"], () => this.#heading()),
      part(["summary", browsing, r.summary], () => h("div", { class: "rw-summary rw-answer", "data-browsing": browsing ? "" : null }, browsing ? h("p", { text: this.#t("browse") }) : r.summary.map((t, i) => h("p", {}, i ? t.text : h("strong", { text: t.text }))))),
      r.notices.length ? part(["notices", r.notices], () => h("ul", { class: "rw-notices" }, r.notices.map((m) => h("li", { text: m.text })))) : null,
      part(["filters", this.#view, r.counts.hidden, switchN, showOut], () => this.#filters(r, switchN, showOut)),
      openK(inside).length ? part(["open-h", openK(inside).length], () => h("h4", { class: "rw-h", text: `${this.#t("openKinds")} (${openK(inside).length})` })) : null,
      list("open-list", "ol", "rw-routes rw-kinds", openK(inside).map(card)),
      pws.length && !browsing ? part(["pathways", r.today, pws, this.#profile.max_travel_km], () => this.#pathways(r)) /* (#km marks what lies beyond that) */ : null,
      closedK(inside).length ? part(["closed", browsing, closedK(inside), closedK(inside).map(best)], () => this.#details("closed", `${this.#t(browsing ? "closedKindsBrowse" : "closedKinds")} (${closedK(inside).length})`,
        () => h("ul", { class: "rw-closed" }, closedK(inside).map((k) => this.#closedKind(k, r))))) : null,
      shownOut.length ? part(["outside", browsing && !showOut, shownOut, shownOut.map(best), this.#order, marks], () => h("section", { class: "rw-outside" }, h("h4", { class: "rw-h", text: this.#t(browsing && !showOut ? "otherRoles" : "outsideKinds") }),
        openK(shownOut).length ? h("ol", { class: "rw-routes rw-kinds" }, openK(shownOut).map((k) => card(k)())) : null,
        closedK(shownOut).length ? h("ul", { class: "rw-closed" }, closedK(shownOut).map((k) => closed(k)())) : null)) : null,
      this.#kit && !browsing ? () => (this.#kit.update(), null) : null, // kept routes, activities, handoff preview: from this result
      this.#kit && !browsing ? part(["kit"], () => this.#kit.el) : null, // one node, kept (with what was typed in it)
      part(["actions"], () => this.#actions()),
    ].filter(Boolean);
    return { text: browsing ? "" : answer, done: this.#render(gen, plan) };
  }

  /** Adds what is left of a card being built in parts (#slices): a newer render may show it
   * again (the parts are kept by their data), and must show it whole. */
  #finish() {
    const rest = this.#unfinished;
    this.#unfinished = null;
    while (rest?.length) rest.shift()();
  }

  /** Builds the plan's parts in slices (see show); resolves to false if a newer render took over. */
  async #render(gen, plan) {
    this.#rendering = true;
    let done = false;
    try {
      done = await this.#slices(gen, plan);
    } finally {
      if (gen === this.#gen) this.#rendering = false; // (also when a part failed to build)
    }
    if (done && !this.#waiting) this.el.removeAttribute("aria-busy"); // else a newer result is on its way
    return done;
  }

  async #slices(gen, plan) {
    const reading = this.#reading;
    const top = [];
    let t = performance.now();
    let budget = this.el.querySelector(".rw-summary") ? UPDATE_SLICE_MS : FIRST_SLICE_MS;
    this.el.setAttribute("aria-busy", "true");
    // Shows what is built so far and waits for a frame; false if a newer render took over.
    // The next slice's budget follows what the frame cost: new nodes cost their style and
    // layout in the frame after the slice that built them (several times the slice's own
    // time on a slow CPU), and that frame must stay short too.
    const pause = async (box, kids) => {
      this.#patch(this.el, top, true);
      if (box) this.#patch(box, kids, true);
      const built = performance.now() - t;
      const next = nextFrame();
      afterLayout(this.el, () => this.#hold(reading));
      const frame = await next;
      // At most twice the last budget: a cheap frame (a slice of plain text) says little
      // about the next parts (cards), whose layout costs more.
      if (frame > 0 && built > 0) budget = Math.min(SLICE_MS, 2 * budget, Math.max(SLICE_MIN_MS, (built * FRAME_MS) / frame));
      t = performance.now();
      return gen === this.#gen;
    };
    const full = () => performance.now() - t >= budget;
    // A first result shows the answer (heading, summary, filters) in a frame of its own,
    // before the first card: together they were one long frame on a slow CPU. The first two
    // cards come a part a frame (head and facts; what is to do; why this score; tools; other
    // places): the first is on screen, and Chromium lays out `content-visibility: auto`
    // content up to about a screen below it, so the second too. All of it is laid out for
    // the first time: a whole card was a frame of 40-65 ms at 4x CPU (BENCHMARKS.md, session 18).
    let first = budget === FIRST_SLICE_MS;
    let splits = first ? 2 : 0;
    for (const step of plan) {
      if (step.items && first) {
        first = false;
        if (top.length && !(await pause())) return false;
      }
      if (!step.items) {
        const el = step();
        if (el) top.push(el);
        if (full() && !(await pause())) return false;
        continue;
      }
      const box = step.box();
      top.push(box);
      const kids = [];
      for (const item of step.items) {
        const el = item(splits > 0);
        splits--; // (the first two items: cards further down are not laid out until they come near)
        if (el) kids.push(el);
        const more = el && this.#more.get(el);
        if (more) {
          this.#more.delete(el);
          const rest = (this.#unfinished = more); // (out of #more: this render's own list)
          while (rest.length) {
            if (!(await pause(box, kids))) return false; // (a newer render called what is left: #finish)
            rest.shift()();
          }
          this.#unfinished = null;
        }
        if (full() && !(await pause(box, kids))) return false;
      }
      this.#patch(box, kids);
    }
    this.#patch(this.el, top);
    afterLayout(this.el, () => (this.#hold(reading), this.#release(reading)));
    // Parts not used by this render are dropped, so the cache holds one result's worth.
    for (const key of this.#parts.keys()) if (!this.#used.has(key)) this.#parts.delete(key);
    return true;
  }

  /** The node of one part of the results, reused while its data (`key`, JSON-able) is the same. */
  #part(key, build) {
    const k = JSON.stringify(key);
    let el = this.#parts.get(k);
    if (!el || this.#used.has(k)) {
      el = build();
      if (!el) return null;
      this.#parts.set(k, el);
    }
    this.#used.add(k);
    return el;
  }

  /** Notes where the person reads (#readingAt) for the render about to start, until it ends
   * or they scroll, type or press (their own move wins). */
  #read() {
    this.#release(this.#reading);
    const at = this.#readingAt();
    if (at) {
      const stop = new AbortController();
      const release = () => this.#release(at);
      at.stop = stop;
      at.scroller = scroller(this.el);
      // (Not on a scroll event: the browser's own scroll anchoring and the end of a page that
      // got shorter scroll too, in the very changes this holds against.)
      for (const type of ["wheel", "touchstart", "pointerdown", "keydown"]) addEventListener(type, release, { capture: true, passive: true, signal: stop.signal });
    }
    this.#reading = at;
  }
  #release(at) {
    if (!at || at !== this.#reading) return;
    at.stop.abort();
    this.#reading = null;
  }

  /** Where the person reads, before a new result replaces parts of the results: the control
   * they used in the results (a filter, "show all"), when it is on screen; else the card (or
   * part without cards) of the results at the top of the screen, or the first below it when
   * less than a sixth of the screen of that one shows. {same(): [the same in the new
   * result, where it was on screen]}; null when the focus is in the form (the results do not move
   * it: they are beside or below it) or elsewhere on the page, or no part of the results is
   * on screen. */
  #readingAt() {
    const active = document.activeElement;
    if (active && active !== document.body && active !== this.el.getRootNode().host) return null; // (the page's own field, say)
    const focus = this.el.getRootNode().activeElement;
    if (focus && !this.el.contains(focus)) return null;
    const shows = (b) => b.height > 0 && b.bottom > 0 && b.top < innerHeight;
    let el = focus && shows(focus.getBoundingClientRect()) ? focus : null;
    if (!el) {
      const items = [...this.el.children].flatMap((part) => {
        const cards = part.querySelectorAll("li[data-kind]");
        return cards.length ? [...cards] : [part];
      });
      const boxes = items.map((e) => [e, e.getBoundingClientRect()]).filter(([, b]) => shows(b));
      el = (boxes.find(([, b]) => b.bottom >= innerHeight / 6) ?? boxes[0])?.[0];
      if (!el) return null;
    }
    const card = el.closest("li[data-kind]");
    const part = el.closest("[data-part]");
    if (!card && !part) return null;
    const q = (v) => JSON.stringify(v); // (a CSS string: the values are ids and names)
    const whole = part ? `:scope > [data-part=${q(part.dataset.part)}]` : null;
    // (An open card and a closed kind's entry have the same data-kind: a card is held as a card.)
    const where = card ? `li.${card.classList.contains("rw-kind") ? "rw-kind" : "rw-route-closed"}[data-kind=${q(card.dataset.kind)}]` : whole;
    const exact = el === focus && focus.name ? `${where} [name=${q(focus.name)}]` : where;
    const find = (sel) => (sel ? this.el.querySelector(sel) : null);
    const top = el.getBoundingClientRect().top;
    const wholeTop = part?.getBoundingClientRect().top;
    // [the same element, where it was], else its part (a card left the list it was in).
    const same = () => {
      const e = find(exact) ?? find(where);
      if (e) return [e, top];
      const p = find(whole);
      return p ? [p, wholeTop] : null;
    };
    return { same };
  }

  /** Scrolls the page (or the box the widget scrolls in) so that what the person reads is
   * where it was on screen: the parts above it may have grown or shrunk. Called in a frame,
   * after its layout and before it is painted (afterLayout), after each slice of a render. */
  #hold(at) {
    if (!at || at !== this.#reading) return;
    const [el, top] = at.same() ?? [];
    if (!el?.getClientRects().length) return; // (gone, or in a closed <details>)
    const d = el.getBoundingClientRect().top - top;
    if (Math.abs(d) >= 1) at.scroller.scrollBy({ top: d, behavior: "instant" }); // (not the page's smooth scrolling)
  }

  /** Makes `parent`'s children exactly `kids` (or, with `prefix`, its first ones), moving or inserting only what differs. */
  #patch(parent, kids, prefix = false) {
    let at = parent.firstChild;
    for (const el of kids) {
      if (el === at) at = at.nextSibling;
      else parent.insertBefore(el, at);
    }
    while (at && !prefix) {
      const next = at.nextSibling;
      at.remove();
      at = next;
    }
    return parent;
  }

  /** The filters, closed until the candidate opens them: their controls are built then. */
  #filters(r, outsideN, showOut) {
    return this.#details("filters", this.#t("filters"), () => this.#filterBox(r, outsideN, showOut));
  }

  /** The candidate's filters' controls; `onView` re-runs the match with them. */
  #filterBox(r, outsideN, showOut) {
    const f = this.#view.filter;
    const outsideToggle = outsideN ? h("label", { class: "rw-check rw-outside-toggle" },
      h("input", { type: "checkbox", name: "show-outside", checked: showOut }), " ", this.#t("fOutside", { n: outsideN })) : null;
    outsideToggle?.querySelector("input").addEventListener("change", (e) => {
      e.target.checked ? this.#open.add("outside") : this.#open.delete("outside");
      // Match again: without the switch the widget asks the core for those kinds in brief
      // only (MatchView.outside, element.js), about half the result for one sector.
      this.#onView(this.#view, 'input[name="show-outside"]');
    });
    const id = (s) => `${this.#uid}-f-${s}`;
    // (With the distance in use among them: a loket's `max-km` may be another.)
    const kms = [...new Set([10, 25, 50, 100, f.max_km].filter(Boolean))].sort((a, b) => a - b);
    const km = h("select", { id: id("km"), name: "max_km" },
      [["", this.#t("fAny")], ...kms.map((n) => [String(n), this.#w.km(n)])].map(([v, label]) => h("option", { value: v, text: label, selected: String(f.max_km ?? "") === v })));
    // A date as the form's date questions take it (form.js): day-month-year, shown in words;
    // one it cannot read is no filter, and the hint beneath says so.
    const typedBad = !f.start_before && !!this.#startTyped.trim() && !parseDate(this.#startTyped);
    const start = h("input", { type: "text", class: "rw-date", id: id("start"), name: "start_before", autocomplete: "off", spellcheck: "false",
      value: f.start_before ? this.#w.date(f.start_before) : typedBad ? this.#startTyped : "", "aria-describedby": id("start-hint"), "aria-invalid": typedBad ? "true" : null });
    const startHint = h("p", { class: "rw-hint", id: id("start-hint"), text: this.#t(typedBad ? "dateNotRead" : "dateHint") });
    const paid = h("input", { type: "checkbox", id: id("paid"), name: "paid", checked: !!f.paid });
    const part = h("input", { type: "checkbox", id: id("part"), name: "part_time", checked: !!f.part_time });
    const sort = h("select", { id: id("sort"), name: "sort" },
      SORTS.map(([v, k]) => h("option", { value: v, text: this.#t(k), selected: this.#order === v })));
    const box = h("fieldset", { class: "rw-filters" }, h("legend", { text: this.#t("filters") }),
      h("div", { class: "rw-field" }, h("label", { for: id("km"), text: this.#t("fMaxKm") }), km),
      h("div", { class: "rw-field" }, h("label", { for: id("start"), text: this.#t("fStart") }), start, startHint),
      h("div", { class: "rw-field" }, h("label", { for: id("sort"), text: this.#t("sortBy") }), sort),
      h("label", { class: "rw-check", for: id("paid") }, paid, " ", this.#t("fPaid")),
      h("label", { class: "rw-check", for: id("part") }, part, " ", this.#t("fPartTime")),
      outsideToggle,
      r.counts.hidden ? h("p", { class: "rw-hint rw-hidden-n", text: this.#t("hiddenN", { n: r.counts.hidden }) }) : null);
    box.addEventListener("change", (e) => {
      const n = e.target.name;
      if (n === "show-outside") return;
      // A filter, or the order (the core orders all the places of a kind before it cuts the list): match again.
      if (n === "sort") this.#view = { ...this.#view, sort: e.target.value };
      else {
        const before = parseDate(start.value);
        this.#startTyped = start.value;
        const bad = !before && !!start.value.trim();
        startHint.textContent = this.#t(bad ? "dateNotRead" : "dateHint");
        bad ? start.setAttribute("aria-invalid", "true") : start.removeAttribute("aria-invalid");
        if (before) start.value = this.#w.date(before);
        const filter = {
          max_km: km.value ? Number(km.value) : null,
          start_before: before,
          paid: paid.checked,
          part_time: part.checked,
        };
        this.#view = { ...this.#view, filter };
      }
      this.#onView(this.#view, `[name="${n}"]`);
    });
    return box;
  }

  /** The order of "also at" in use (MatchView.sort). */
  get #order() {
    return this.#view.sort ?? "rank";
  }

  /** One card per route kind: its best offering, and the others behind "also at N places".
   * With `split`, all but its head and facts are added by the functions in #more (see #route). */
  #kind(k, r, split) {
    const best = r.routes.find((x) => x.offering === k.best);
    if (!best) return null;
    const others = k.others; // the first of all the places, in the candidate's order (the core's)
    const all = k.others_total;
    const rest = all - others.length; // beyond what the core listed: say so, don't pretend
    const card = this.#route(best, k, split);
    // Which ones are listed: in the order chosen, unless none of them has what it orders by
    // (no distance without a place; no start without an intake): then by best fit.
    const has = { distance: (x) => x.distance_km != null, start: (x) => x.start_date != null }[this.#order];
    const order = has && !others.some(has) ? "rank" : this.#order;
    const showAll = () => {
      const b = h("button", { type: "button", class: "rw-btn-link rw-all", text: this.#t("alsoAll", { n: all }) });
      b.addEventListener("click", () => {
        // Every place of every kind, in the same order: the core lists them all.
        this.#view = { ...this.#view, per_kind: ALL_PER_KIND };
        this.#onView(this.#view, `li[data-kind="${k.kind}"] .rw-others`);
      });
      return b;
    };
    const also = () => {
      if (all <= 0) return;
      // (Routes without training are no places to train: the other routes of the kind.)
      card.append(this.#details(`k:${k.kind}`, this.#t(trains(best) ? "alsoAt" : "alsoOf", { n: all }), () => [
        rest > 0 ? h("p", { class: "rw-hint" }, this.#t(`alsoListed_${order}`, { n: others.length }), " ", showAll()) : null,
        h("ul", { class: "rw-others", tabindex: "-1" }, others.map((x) => h("li", { "data-offering": x.offering },
          this.#badge(x.eligibility), " ",
          x.url ? this.#link(x.url, x.name) : h("span", { text: x.name }),
          h("span", { class: "rw-meta", text: ` · ${[x.institution, x.place, this.#mode(x, best), x.distance_km != null ? this.#km(x.distance_km) : null, x.start_date ? this.#w.date(x.start_date) : null, this.#w.euro(x.cost_eur_per_year)].filter(Boolean).join(" · ")}` })))),
      ]));
    };
    const later = this.#more.get(card);
    if (later) later.push(also);
    else also();
    return card;
  }

  /** A distance, and whether it is beyond the farthest the candidate said they would travel
   *  (a preference that lowers the score; only the filter hides such places). */
  #km(d) {
    const max = this.#profile.max_travel_km;
    return max && d > max ? this.#t("kmBeyond", { km: this.#w.km(d), max: this.#w.km(max) }) : this.#w.km(d);
  }

  /** A kind with nothing open: why (its best offering's blockers) and what would open it. */
  #closedKind(k, r) {
    const x = r.routes.find((y) => y.offering === k.best);
    const wi = k.what_if;
    return h("li", { class: "rw-route rw-route-closed", "data-kind": k.kind, "data-offering": k.best, "data-verdict": k.eligibility },
      h("div", { class: "rw-route-head" }, h("h5", { class: "rw-route-name", text: this.#w.label("route_kind", k.kind) }), this.#badge(k.eligibility)),
      x ? h("p", { class: "rw-meta", text: [x.name, x.institution, x.place].filter(Boolean).join(" · ") }) : null,
      x ? h("ul", { class: "rw-findings" }, x.blockers.map((f) => this.#finding(f))) : null,
      // The subjects its places teach: a subject not among them is not offered here.
      k.subjects?.length ? h("p", { class: "rw-offered", text: this.#t("offeredFor", { subjects: new Intl.ListFormat(this.#w.lang, { type: "conjunction" }).format(k.subjects.map((s) => this.#w.label("subject", s))) }) }) : null,
      wi ? h("div", { class: "rw-whatif", "data-offering": wi.offering }, h("strong", { text: this.#t("wouldOpen") }), " ",
        h("ul", {}, wi.changes.map((c) => h("li", { text: c.text })))) : null);
  }

  // ---------------------------------------------------------------- parts

  #routeBy(id) {
    return this.#result?.routes.find((r) => r.offering === id);
  }

  /** A <details> whose open state survives re-rendering. Its content may be a function:
   * then it is built when first opened (or on the `rw-build` event, before printing), so a
   * result renders only what is on screen. */
  #details(key, summary, ...content) {
    const open = this.#open.has(key);
    const lazy = content.length === 1 && typeof content[0] === "function";
    let built = !lazy || open;
    const d = h("details", { open }, h("summary", {}, summary), lazy ? (open ? content[0]() : null) : content);
    const build = () => {
      if (built) return;
      built = true;
      put(d, [content[0]()], true);
    };
    d.addEventListener("rw-build", build);
    d.addEventListener("toggle", () => {
      if (d.open) build();
      d.open ? this.#open.add(key) : this.#open.delete(key);
    });
    return d;
  }

  #link(url, text) {
    return link(url, text, this.#t("newTab"));
  }

  #badge(v) {
    return h("span", { class: `rw-badge rw-${v}`, text: this.#w.option("eligibility", v) });
  }

  #title(x, tag = "h4") {
    return h(tag, { class: "rw-route-name", tabindex: "-1" }, x.url ? this.#link(x.url, x.name) : x.name);
  }

  /** The yearly cost with its basis, and how sure a fee is when it is not confirmed. */
  #cost(x) {
    const w = this.#w;
    const s = x.cost_source;
    // A fee: how sure its amount is. A route the school pays: how sure the subsidy that pays it is.
    const doubt = this.#doubt(s);
    // A fee the school usually pays (the PDG): named, with how sure it is.
    const fee = x.cost_basis === "werkgever-meestal" && s ? `; ${this.#t("costCourseFee", { fee: w.euro(Math.round(s.value)) })}${doubt ? `; ${doubt}` : ""}` : null;
    const how = fee ?? (!doubt ? "" : FEES.includes(x.cost_basis) ? `; ${doubt}` : `; ${this.#t("costSubsidy", { how: doubt })}`);
    return `${w.euro(x.cost_eur_per_year)} (${w.label("cost_basis", x.cost_basis)}${how})`;
  }

  /** How sure a dated amount (an AmountSource) is: its status and whether it is an estimate; "" when sure or absent. */
  #doubt(s) {
    return s ? [s.status !== "confirmed" && this.#w.label("status", s.status), s.estimated && this.#t("costEstimate")].filter(Boolean).join(", ") : "";
  }

  /** Pay while training: the amount and how sure it is where the data has one. */
  #pay(x) {
    const p = x.pay, w = this.#w;
    if (!p) return x.paid_while_learning ? this.#t("yes") : this.#profile.earn_while_learning === "required" ? this.#t("noButNeeded") : this.#t("no");
    const how = this.#doubt(p.source);
    return `${w.euro(Math.round(p.eur_per_month))} ${this.#t("perMonth")}${how ? ` (${how})` : ""}`;
  }

  /** How a route is followed ("werkend leren", "deeltijd"), or null for one without training
   * (herintreding: the job is all); `of` is the route whose duration says so (an "also at"
   * row has none of its own: its card's best route). */
  #mode(x, of = x) {
    return trains(of) ? this.#w.label("mode", x.mode) : null;
  }

  /** A route's card; with `split`, only its head and facts, and in #more the functions that
   * add the rest, a part each (the slices call them a frame apart). */
  #route(x, k, split = false) {
    const w = this.#w;
    const it = x.next_intake;
    // A route without cohorts starts when the person can: no deadline to name (as the text report).
    const anyTime = it?.rolling === true;
    const note = !it ? "" : anyTime ? ` (${this.#t("anyTime")})` : it.status === "typical" ? ` (${w.label("intake_status", "typical")})` : "";
    // A route without training (herintreding) has nothing to complete.
    const training = trains(x);
    const facts = [
      [this.#t("cost"), this.#cost(x)],
      [this.#t(training ? "pay" : "payJob"), this.#pay(x)], // without training: the job's salary
      [this.#t("duration"), w.duration(x.duration)],
      training ? [this.#t("load"), this.#t("perWeek", { n: x.weekly_hours })] : null, // without training: the job's hours
      [this.#t("next"), it ? `${w.date(it.start_date)}${note}` : this.#t("noIntake")],
      it && !anyTime ? [this.#t("applyBy"), `${w.date(it.apply_by)}${it.status === "typical" ? ` (${w.label("intake_status", "typical")})` : ""}`] : null,
      it && training ? [this.#t("qualified"), w.date(it.expected_qualification)] : null,
      // What the bevoegdheid covers (ROUTES section 1), the restricted one with its CONFLICT.
      x.qualification !== "geen" ? [this.#t("leadsTo"), this.#t(`scope_${x.qualification}`), "rw-fact-wide"] : null,
    ].filter(Boolean);
    const factors = () => h("table", { class: "rw-factors" },
      h("thead", {}, h("tr", {}, [this.#t("factor"), this.#t("points"), this.#t("reason")].map((c) => h("th", { scope: "col", text: c })))),
      h("tbody", {}, x.factors.map((f) => h("tr", {}, h("th", { scope: "row", text: w.option("factor", f.factor) }), h("td", { class: "rw-num", text: `${f.points}/${f.max}` }), h("td", { text: f.reason.text })))));
    const bar = h("span", { class: "rw-bar", "aria-hidden": "true" }, h("span", {}));
    bar.firstChild.style.setProperty("--w", `${Math.max(0, Math.min(100, x.score))}%`);
    const card = h("li", { class: "rw-route rw-kind", "data-kind": x.kind, "data-offering": x.offering, "data-verdict": x.eligibility },
      // (A route without training is no place to train: no count of them.)
      k ? h("p", { class: "rw-kind-name", text: [w.label("route_kind", k.kind), trains(x) ? this.#t("kindOfferings", { n: k.open || k.offerings }) : null].filter(Boolean).join(" · ") }) : null,
      h("div", { class: "rw-route-head" }, this.#title(x), this.#badge(x.eligibility)),
      h("p", { class: "rw-meta", text: [x.institution, x.place, this.#mode(x), x.distance_km != null ? this.#km(x.distance_km) : null].filter(Boolean).join(" · ") }),
      h("div", { class: "rw-score" }, h("span", { class: "rw-score-n" }, `${this.#t("score")} `, h("strong", { text: String(x.score) }), "/100"), bar),
      h("dl", { class: "rw-facts" }, facts.map(([k, v, cls]) => h("div", { class: cls }, h("dt", { text: k }), h("dd", {}, cls ? this.#lead(v) : v)))));
    const rest = [() => put(card, [
      x.conditions.length ? h("div", { class: "rw-findings" }, h("h5", { text: this.#t("todo") }), h("ul", {}, x.conditions.map((f) => this.#finding(f)))) : null,
      // Met, but on a fact the sources do not settle: the verdict rests on it, so it says so.
      x.unsure.length ? h("div", { class: "rw-findings rw-unsure" }, h("h5", { text: this.#t("unsure") }), h("ul", {}, x.unsure.map((f) => this.#finding(f)))) : null], true),
      () => put(card, [this.#details(`f:${x.offering}`, this.#t("why"), factors)], true),
      () => put(card, [this.#kit?.cardTools(x)], true),
    ];
    if (split) this.#more.set(card, rest);
    else for (const part of rest) part();
    return card;
  }

  /** "Qualification: what it covers" with the qualification in bold and the rest plain: a
   *  long text that is the same on every card of a sector reads as a note, not a heading. */
  #lead(text) {
    const at = text.indexOf(": ");
    return at < 0 ? text : [h("strong", { text: text.slice(0, at) }), text.slice(at)];
  }

  #finding(f) {
    const w = this.#w;
    const meta = [
      f.status !== "confirmed" ? w.label("status", f.status) : null,
      f.valid_from ? this.#t("validFrom", { d: w.date(f.valid_from) }) : null,
      f.valid_until ? this.#t("validUntil", { d: w.date(f.valid_until) }) : null,
    ].filter(Boolean);
    return h("li", { class: "rw-finding", "data-rule": f.rule },
      h("span", { text: f.message.text }),
      meta.length ? h("span", { class: "rw-flag", text: ` (${meta.join(", ")})` }) : null,
      f.action ? h("p", { class: "rw-action" }, h("strong", { text: this.#t("whatToDo") }), " ", f.action.text) : null,
      f.sources.length ? h("p", { class: "rw-sources" }, this.#t("sources"), " ",
        f.sources.map((s, i) => [i ? ", " : "", s.url && safeUrl(s.url) ? this.#link(s.url, sourceLabel(s.url)) : s.id])) : null);
  }

  #pathways(r) {
    const w = this.#w;
    return h("section", { class: "rw-pathways" },
      h("h4", { class: "rw-h", text: this.#t("pathways") }),
      h("p", { class: "rw-hint", text: this.#t("pathwaysHint") }),
      h("ol", { class: "rw-pw-list" }, r.pathways.slice(0, 3).map((pw) => {
        const vac = pw.vacancy;
        const job = pw.own_job ? h("p", { class: "rw-job", text: this.#t("ownJob") })
          : vac ? h("p", { class: "rw-job" },
            h("strong", {}, `${this.#t("vacancy")}: `, vac.url ? this.#link(vac.url, vac.title) : vac.title),
            ` · ${vac.employer.replace(/^Demonstratie: /, `${this.#t("demoEmployer")}: `)}, ${vac.place}`,
            vac.distance_km != null ? ` (${w.km(vac.distance_km)})` : "",
            ` · ${this.#t("perWeek", { n: vac.work_hours })} · ${w.label("employment_type", vac.employment_type)} · ${this.#t("jobStarts", { d: w.date(vac.job_start_date) })}`,
            vac.demo ? h("span", { class: "rw-demo", text: this.#t("demo") }) : null)
          : h("p", { class: "rw-job rw-hint", text: this.#t(pw.needs_job ? "noVacancyFound" : "noJobNeeded") });
        const flags = pw.flags.filter((f) => f.id !== "flag.no-vacancy"); // (the job line says it)
        return h("li", { class: "rw-pathway", "data-offering": pw.offering },
          h("div", { class: "rw-route-head" }, h("h5", { class: "rw-route-name", text: pw.name }), this.#badge(pw.eligibility)),
          h("p", { class: "rw-meta", text: [pw.institution, pw.place, pw.distance_km != null ? this.#km(pw.distance_km) : null].filter(Boolean).join(" · ") }),
          job,
          flags.length ? h("ul", { class: "rw-flags" }, flags.map((f) => h("li", { "data-flag": f.id, text: f.text }))) : null,
          timeline(pw, r.today, w));
      })));
  }

  #actions() {
    const btn = (label, fn) => {
      const b = h("button", { type: "button", class: "rw-btn rw-btn-2", text: label });
      b.addEventListener("click", fn);
      return b;
    };
    return h("div", { class: "rw-actions" },
      btn(this.#t("print"), () => window.print()),
      btn(this.#t("dlText"), () => this.#download("txt", "text/plain;charset=utf-8", this.summaryText())),
      btn(this.#t("dlJson"), () => this.#download("json", "application/json", JSON.stringify({ profile: this.#profile, result: this.#result }, null, 2))));
  }

  /** A client-side download (Blob URL); nothing leaves the device. */
  #download(ext, type, text) {
    download(this.el, `routewijzer-${this.#result?.today}.${ext}`, type, text);
  }

  /** The result as plain text (the text download). */
  summaryText() {
    const r = this.#result;
    if (!r) return "";
    const w = this.#w;
    const t = (k, p) => this.#t(k, p);
    const best = r.kinds.filter((k) => !k.outside && k.open > 0).map((k) => r.routes.find((x) => x.offering === k.best)).filter(Boolean);
    const out = [t("title"), `${r.catalog} (${r.catalog_version}), ${w.date(r.today)}`, "", ...r.summary.map((x) => x.text), ""];
    for (const x of best) {
      out.push(`${x.rank}. ${x.name}, ${x.institution}${x.place ? ` (${x.place})` : ""}: ${w.label("eligibility", x.eligibility)}, ${t("score").toLowerCase()} ${x.score}/100`);
      out.push(`   ${t("cost")}: ${this.#cost(x)}; ${t(trains(x) ? "pay" : "payJob")}: ${this.#pay(x)}; ${t("duration")}: ${w.duration(x.duration)}`);
      // A route without cohorts has no deadline: it starts when the candidate can.
      if (x.next_intake) out.push(`   ${t("next")}: ${w.date(x.next_intake.start_date)}; ${x.next_intake.rolling ? t("anyTime") : `${t("applyBy")}: ${w.date(x.next_intake.apply_by)}`}`);
      const flag = (f) => (f.status !== "confirmed" ? ` (${w.label("status", f.status)})` : "");
      for (const f of x.conditions) out.push(`   - ${f.message.text}${flag(f)}${f.action ? ` ${t("whatToDo")} ${f.action.text}` : ""}`);
      for (const f of x.unsure) out.push(`   ~ ${t("unsure")}: ${f.message.text}${flag(f)}`);
      if (safeUrl(x.url)) out.push(`   ${x.url}`);
    }
    if (r.pathways.length) out.push("", t("pathways"));
    for (const pw of r.pathways.slice(0, 3)) {
      out.push(`* ${pw.name} (${pw.institution})${pw.vacancy ? ` + ${pw.vacancy.title}, ${pw.vacancy.employer}` : pw.own_job ? ` + ${t("ownJob")}` : ""}`);
      for (const f of pw.flags) out.push(`  ! ${f.text}`);
      for (const e of pw.timeline) out.push(`  ${e.date}  ${e.text.text}`);
    }
    const hints = r.kinds.filter((k) => !k.outside && k.open === 0 && k.what_if);
    if (hints.length) out.push("", t("whatIf"));
    for (const k of hints) out.push(`* ${w.label("route_kind", k.kind)} (${k.what_if.name}, ${k.what_if.institution}): ${k.what_if.changes.map((c) => c.text.replace(/\.$/, "")).join("; ")}`);
    out.push("", ...(this.#info.attribution || []).map((a) => w.attribution(a)));
    return out.join("\n") + "\n";
  }
}
