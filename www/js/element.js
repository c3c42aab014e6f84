//# allFunctionsCalledOnLoad
// element.js: the <route-wijzer> custom element: attributes in, events out. Loads through
// the client when near the viewport; form and results live in its shadow root. Public:
// `name`, `profile`, `result`; the rest is private (#), so nothing shadows HTMLElement.

import { Routewijzer, RoutewijzerCrashError, RoutewijzerInputError } from "./client.js";
import { h, nextFrame, nextTask } from "./dom.js";
import { isDate, localToday } from "./dates.js";
import { langOf, loadWords, Words } from "./i18n.js";
import { Form } from "./form.js";
import { Results, PER_KIND } from "./results.js";
import { decodeShare, dropShare, splitHash } from "./share.js";

/** The error for a profile the form cannot hold, worded as the core words its input errors. */
const profileError = (problems) =>
  new RoutewijzerInputError(`invalid profile: ${problems.length} problem${problems.length === 1 ? "" : "s"}\n${problems.map((x) => `  ${x.path}: ${x.message}`).join("\n")}`, { document: "profile", problems });

const STYLE_URL = new URL("../routewijzer.css", import.meta.url).href;
/** Attributes whose values are checked (#checkAttribute), and the sectors' ids. */
const CHECKED = ["sectors", "theme", "lang", "max-km", "start-before", "paid", "part-time"];
const SECTOR_IDS = ["po", "vo", "mbo"];
/** A `max-km` the widget takes: a whole number of km from 1 to 999. */
const KM = /^[1-9]\d{0,2}$/;
/** Each language by its own name, for the switch to it. */
const LANG_NAMES = { nl: "Nederlands", en: "English" };

/** The candidate's next step (kit.js and the modules it imports) is needed with the first
 * result only: loaded while the catalog and the core download, so that evaluating it is
 * not part of the page's first task (a pack preloads it; BENCHMARKS.md). */
let kitModule = null;
const loadKit = () => (kitModule ??= import("./kit.js").catch((e) => {
  kitModule = null; // tried again by the next load
  throw e;
}));

/** A share link's part of the fragment (`rw1.…`, the answers): out of the address bar as
 * soon as this runs (page scripts, such as a tracker, read it there), kept for the first
 * widget to start; the page's own fragment stays. */
let linkShare = null;
try {
  linkShare = splitHash(location.hash).share;
  if (linkShare != null) dropShare();
} catch {} // (replaceState may throw in a sandboxed frame)

/** Widgets made on this page: ids inside their shadow roots, and fallback names. */
let made = 0;

export class RouteWijzer extends HTMLElement {
  static observedAttributes = ["lang", "lang-switch", "theme", "sectors", "today", "catalog", "overlay", "region", "max-km", "start-before", "paid", "part-time", "handoff"];

  #n = ++made;
  #uid = `rw${this.#n}`;
  // shadow DOM
  #root = null;
  #head;
  #headWords = null; // the Words the head was rendered with
  #status;
  #langFocus = false;
  #told = new Set(); // attribute values said to be unusable (#checkAttribute)
  #body;
  #foot;
  #live;
  // language: the store in use, and the one being loaded
  #words = null;
  #wordsLang = null;
  #wordsLoad = null;
  // the catalog
  #loading = null;
  #matcher = null;
  #info = null;
  #places = [];
  // the form and results
  #form = null;
  #results = null;
  #open = new Set(); // keys of <details> the person opened, kept across re-renders
  #pending = null; // a profile to put in the form once it exists
  #pendingSet = false; // #pending came from the page (the profile setter): checked once the form is there
  #last = null;
  #lastKey = "";
  #errKey = null; // the answers whose failure was just reported: a re-run (submit, today, lang) reports nothing new
  #seq = 0; // bumped by every run: only the latest run's result (or error) is shown
  #busy = 0; // matches in flight
  #readyFor = null; // the matcher the widget last said "ready" for (its first run is due then)
  #again = false; // the answers changed while a match was in flight
  #filling = false;
  #formReady = false; // the form is built and filled (it may come before the catalog)
  #remembered = false; // answers were stored on this device ("remember" was ticked) when the form was filled
  #io = null;
  #firstResult = false;
  #view = null; // the candidate's filters (MatchView), defaults from the attributes
  #kit = null; // the candidate's next step (kit.js): kept routes, share, handoff; survives re-renders
  #Kit = null; // its class, once kit.js is loaded
  #shareRead = false; // the page's share fragment is read on the first load only
  #share = null; // the linkShare this widget took, until its catalog is in

  // ---------------------------------------------------------------- public API

  /** The instance name in events and the storage key: the `name` attribute, else the `id`, else "routewijzer" (or "routewijzer-N" for the Nth widget made on the page). */
  get name() {
    return this.getAttribute("name") || this.id || (this.#n === 1 ? "routewijzer" : `routewijzer-${this.#n}`);
  }
  set name(v) {
    this.setAttribute("name", v);
  }

  /** The answers as a Profile (never sent anywhere). */
  get profile() {
    return this.#formReady ? this.#form.read() : structuredClone(this.#pending ?? {});
  }
  /** Replaces the answers (`{}` or null clears them) and updates the result. A profile the
   * form cannot hold wholly is refused, with the answers left as they were: a
   * RoutewijzerInputError naming each field (before the form is there, the same problems
   * come as an error event when it is, and the form starts without them). */
  set profile(p) {
    const profile = p ?? {};
    // (that much is checked at once, form or not)
    if (typeof profile !== "object" || Array.isArray(profile)) throw profileError([{ path: "profile", message: "must be an object" }]);
    if (this.#formReady) {
      const problems = this.#form.check(profile);
      if (problems.length) throw profileError(problems);
      this.#fill(profile);
      // (before the catalog is in, the first run comes with it; while a match is in flight,
      // the new answers are matched when it returns, as for a typed change)
      if (this.#busy) this.#again = true;
      else this.#run();
    } else {
      this.#pending = structuredClone(profile); // the form to come gets it (checked then)
      this.#pendingSet = true;
    }
  }

  /** The last result object (see MatchResult), or null. */
  get result() {
    return this.#last;
  }

  // ---------------------------------------------------------------- attributes

  get #lang() {
    return langOf(this.getAttribute("lang") || document.documentElement.lang || "nl");
  }
  get #catalogUrl() {
    const attr = this.getAttribute("catalog");
    if (attr) return new URL(attr, document.baseURI).href;
    const region = this.getAttribute("region");
    return new URL(region ? `../data/regions/${encodeURIComponent(region)}.json` : "../data/catalog.json", import.meta.url).href;
  }
  /** The sectors offered, in the store's order: the `sectors` attribute's, else all. */
  get #sectors() {
    const all = this.#words.ids("sector");
    const want = (this.getAttribute("sectors") || "").split(/[\s,]+/);
    const s = all.filter((x) => want.includes(x));
    return s.length ? s : all;
  }
  /** The sectors a widget for some sectors only (the `sectors` attribute) starts with; none for all. */
  get #startSectors() {
    const s = this.#sectors;
    return s.length < SECTOR_IDS.length ? s : [];
  }
  get #today() {
    const t = this.getAttribute("today");
    return isDate(t) ? t : localToday();
  }
  /** The filters the attributes set as defaults: `max-km`, `start-before`, `paid`, `part-time`. */
  get #defaultView() {
    const km = this.getAttribute("max-km");
    const start = this.getAttribute("start-before");
    return {
      per_kind: PER_KIND,
      sort: this.#view?.sort ?? "rank", // the candidate's order of "also at" stays
      filter: {
        max_km: KM.test(km ?? "") ? Number(km) : null,
        start_before: isDate(start) ? start : null,
        paid: this.hasAttribute("paid"),
        part_time: this.hasAttribute("part-time"),
      },
    };
  }
  get #storeKey() {
    return `routewijzer:${this.name}`;
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(`routewijzer:${type}`, { bubbles: true, composed: true, detail: { name: this.name, ...detail } }));
  }

  // ---------------------------------------------------------------- lifecycle

  constructor() {
    super();
    this.attachShadow({ mode: "open" });
  }

  connectedCallback() {
    // A page's script may set `profile` or `name` on the element before <route-wijzer> is
    // defined (a task after this module's evaluation): that plain own property would hide
    // the setter for good. Taken over here, through the setter.
    for (const k of ["profile", "name"]) {
      if (!Object.hasOwn(this, k)) continue;
      const v = this[k];
      delete this[k];
      this[k] = v;
    }
    if (!this.#root) this.#skeleton();
    for (const name of CHECKED) this.#checkAttribute(name);
    this.#useLang();
    if (this.#matcher || this.#loading) return;
    if ("IntersectionObserver" in window) {
      this.#io = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          this.#io.disconnect();
          this.#start();
        }
      }, { rootMargin: "300px" });
      this.#io.observe(this);
    } else this.#start();
  }

  disconnectedCallback() {
    this.#io?.disconnect();
  }

  attributeChangedCallback(name, old, value) {
    if (old === value || !this.#root) return;
    if (CHECKED.includes(name)) this.#checkAttribute(name);
    if (name === "catalog" || name === "overlay" || name === "region") {
      if (this.#formReady) {
        this.#pending = this.#form.read(); // keep the answers across the reload
        this.#pendingSet = false;
      }
      this.#matcher = null;
      this.#loading = null;
      if (this.isConnected) this.#start();
    } else if (["max-km", "start-before", "paid", "part-time"].includes(name)) {
      this.#view = this.#defaultView;
      if (this.#matcher) this.#rerender();
    } else if (name === "today") {
      this.#run(true);
    } else if (name === "lang") {
      this.#useLang();
    } else if (name === "theme") {
      // (the styles follow the attribute; only its value is checked, above)
    } else if (name === "lang-switch") {
      if (this.#matcher) this.#langSwitch();
    } else if (name === "handoff") {
      if (this.#kit) this.#kit.handoff = value;
    } else if (this.#matcher) {
      this.#rerender();
    }
  }

  #skeleton() {
    const link = h("link", { rel: "stylesheet", href: STYLE_URL });
    this.#root = h("div", { class: "rw", part: "root", hidden: true });
    const show = () => (this.#root.hidden = false);
    link.addEventListener("load", show);
    link.addEventListener("error", show);
    this.#status = h("div", { class: "rw-status" });
    this.#live = h("div", { class: "rw-sr", role: "status", "aria-live": "polite" });
    this.#body = h("div", { class: "rw-body" });
    this.#foot = h("footer", { class: "rw-foot" });
    this.#head = h("header", { class: "rw-head" });
    this.#root.append(this.#head, this.#status, this.#body, this.#foot, this.#live);
    this.shadowRoot.append(link, this.#root);
  }

  /** Loads the store of the current language (once per page) and switches to it; resolves to the Words. */
  #useLang() {
    const lang = this.#lang;
    if (this.#wordsLang !== lang) {
      this.#wordsLang = lang;
      this.#wordsLoad = loadWords(lang)
        .catch((e) => {
          this.#emit("error", { message: String(e?.message || e).slice(0, 1000) });
          return new Words(lang); // keys and ids shown as they are
        })
        .then((words) => {
          if (this.#wordsLang === lang && this.#words !== words) {
            this.#words = words;
            this.#renderHead();
            if (this.#matcher) this.#rerender();
          }
          return words;
        });
    }
    return this.#wordsLoad;
  }

  /** The title and intro in the current language (new nodes only when the language changed:
   * laying them out again would cost the frame that shows the form's first step). */
  #renderHead() {
    if (this.#headWords === this.#words) return;
    this.#headWords = this.#words;
    const t = (k) => this.#words.t(k);
    this.#root.lang = this.#words.lang;
    this.#head.replaceChildren(h("h2", { class: "rw-title", text: t("title") }), h("p", { class: "rw-intro", text: t("intro") }));
  }

  async #start() {
    this.#formReady = false; // until the form is built and filled: answers set meanwhile wait in #pending
    const url = this.#catalogUrl;
    const bar = h("progress", { max: 100 });
    // Without a known total (a compressed transfer counts more bytes than its
    // Content-Length) the bar is indeterminate, never a false 100%.
    const onProgress = ({ loaded, total }) => (total ? (bar.value = Math.min(99, Math.round((loaded / total) * 100))) : bar.removeAttribute("value"));
    // The loket's own data laid over the catalog (the `overlay` attribute: a URL).
    const overlay = this.getAttribute("overlay") ? new URL(this.getAttribute("overlay"), document.baseURI).href : undefined;
    const loading = (this.#loading = Routewijzer.load({ catalog: url, overlay, onProgress }));
    loading.catch(() => {}); // awaited after the form is built; a failure is shown then
    // A share link's answers (linkShare), read while the rest loads; never throws.
    if (!this.#shareRead && this.#share == null) [this.#share, linkShare] = [linkShare, null];
    const shared = this.#shareRead || this.#share == null ? null : decodeShare(this.#share);
    const stale = () => this.#loading !== loading; // the catalog attribute changed meanwhile
    try {
      // The form needs only the words: it is built and filled while the catalog and the
      // core still download (on a slow link the person can start answering; on a slow
      // CPU its build overlaps the download instead of following it).
      // (Each in a task of its own: starting the downloads, the loading status, the form.)
      await nextFrame();
      const words = await this.#useLang();
      if (stale()) return;
      bar.setAttribute("aria-label", words.t("loading"));
      const progress = h("div", { class: "rw-loading", role: "status" }, h("span", { text: words.t("loading") }), bar);
      this.#status.replaceChildren(progress);
      await nextFrame();
      if (stale()) return;
      const kit = loadKit();
      const restored = await this.#buildForm(words);
      if (stale()) return;
      const [matcher, { Kit }] = await Promise.all([loading, kit]);
      if (stale()) return;
      this.#Kit = Kit;
      this.#matcher = matcher;
      this.#info = matcher.info();
      this.#places = matcher.places();
      if (this.#status.firstChild === progress) this.#status.replaceChildren();
      if (this.#form.words !== this.#words) {
        this.#rerender(false); // the language changed while the catalog loaded
      } else {
        this.#form.places = this.#places;
        this.#renderRest();
      }
      // Kept routes are stored under the same consent, as the box is now (the candidate may
      // have changed it while the catalog loaded); read back only if it was given before.
      if (this.#form.remember && this.#remembered) this.#kit.shortlist.load();
      this.#kit.shortlist.persist(this.#form.remember);
      this.#shareRead = true;
      this.#share = null;
      this.#useShare(await shared, !!restored && Object.keys(restored).length > 0);
      await nextFrame(); // the results' frame and the kit are laid out before the first match's work
      if (stale()) return;
      performance.mark(`routewijzer:ready:${this.name}`);
      // The region the loket serves (the attribute, as in the handoff record), else the catalog's.
      // The overlay laid over the catalog (a ready widget has applied it: one that fails is an error).
      this.#emit("ready", { catalog: this.#info.name, version: this.#info.version, region: this.getAttribute("region") ?? this.#info.region ?? null, overlay: overlay ?? null });
      this.#readyFor = matcher;
      if (!this.#busy) this.#run(true); // (unless the page set answers on "ready": they are being matched, or a match on the catalog before is still out: #stale)
    } catch (e) {
      await this.#useLang();
      if (!stale()) this.#fail(e, url);
    }
  }

  /** Builds the form (a piece at a time, each laid out and painted before the next: one
   * long task would otherwise hold the page up) and fills it with the answers it starts with:
   * set on the element, else remembered on this device. Resolves to those answers. */
  async #buildForm(words) {
    this.#filling = true;
    try {
      this.#renderHead();
      const form = this.#makeForm(words);
      // The results' column is there from the start (empty until the catalog is in), so the
      // form is built at its final width: no relayout of the whole form, and no jump, when
      // the results come in.
      this.#body.replaceChildren(form.el, h("div", { class: "rw-results-place" }));
      do await nextFrame();
      while (form.next());
      // Answers given while the form was built started nothing (#filling); each new step
      // showed their follow-up questions, but one given after the last step has been built
      // needs this.
      form.update();
    } finally {
      this.#filling = false;
    }
    let saved = null;
    try {
      saved = localStorage.getItem(this.#storeKey);
    } catch {}
    this.#remembered = saved != null;
    if (this.#remembered) this.#form.remember = true;
    let restored = this.#pending;
    const problems = restored && this.#pendingSet ? this.#form.check(restored) : [];
    if (problems.length) {
      this.#emit("error", { message: profileError(problems).message });
      restored = null; // nothing of it: the saved answers, if any, as without it
    }
    if (!restored && saved) {
      try {
        restored = JSON.parse(saved);
      } catch {}
    }
    if (restored) this.#fill(restored);
    // A widget for some sectors only (the `sectors` attribute): those are the candidate's
    // sectors to start with, so routes outside them wait behind the "also show" switch.
    else if (this.#startSectors.length) this.#fill({ sectors: this.#startSectors });
    this.#pending = null;
    this.#pendingSet = false;
    this.#formReady = true;
    return restored;
  }

  #fail(e, url) {
    const t = (k, p) => this.#words.t(k, p);
    this.#loading = null;
    const problems = Array.isArray(e?.problems) ? e.problems : [];
    const shown = problems.slice(0, 50);
    const retry = h("button", { type: "button", class: "rw-btn", text: t("retry") });
    retry.addEventListener("click", () => this.#start());
    if (this.#formReady) {
      this.#pending = this.#form.read(); // what was answered meanwhile comes back with the retry
      this.#pendingSet = false;
    }
    this.#form = null;
    this.#formReady = false;
    this.#body.replaceChildren();
    this.#status.replaceChildren(
      h("div", { class: "rw-error", role: "alert" },
        h("h3", { text: t("errTitle") }),
        h("p", { text: t("errText") }),
        retry,
        h("details", { class: "rw-error-details" },
          h("summary", { text: t("errDetails") }),
          h("p", { text: t("errCatalog", { u: url }) }),
          // With the loket's overlay, which of the two the problem is in is in the message.
          this.getAttribute("overlay") ? h("p", { text: t("errOverlay", { u: new URL(this.getAttribute("overlay"), document.baseURI).href }) }) : null,
          h("p", { class: "rw-mono", text: String(e?.message || e).slice(0, 2000) }),
          shown.length ? h("ul", { class: "rw-problems" }, shown.map((p) => h("li", {}, h("code", { text: String(p.path) }), " ", String(p.message).slice(0, 500)))) : null,
          problems.length > shown.length ? h("p", { text: t("errMore", { n: problems.length - shown.length }) }) : null)));
    this.#emit("error", { message: String(e?.message || e).slice(0, 1000) });
  }

  // ---------------------------------------------------------------- rendering

  /** The form (the questions); the results come with the catalog (#renderRest). */
  #makeForm(words) {
    // (A form taken away, by a reload or a failed load, may still fire a change of the field
    // that had focus: only the current form's changes count.)
    const form = new Form({
      words,
      uid: this.#uid,
      sectors: this.#sectors,
      places: this.#places,
      onChange: () => form === this.#form && this.#changed(),
      onRemember: () => form === this.#form && this.#store(),
      // The result is computed in the worker: focus its heading once it is shown.
      onSubmit: () => this.#run(true).then(() => this.#results?.focus()),
    });
    return (this.#form = form);
  }

  /** A value of `sectors`, `theme`, `lang`, `max-km` or `start-before` the widget cannot use
   * is said once per value (an error event and the console, as for `handoff`); the widget
   * goes on with its default. So is a value of `paid` or `part-time` that reads as "off":
   * those filters are on while the attribute is there, whatever its value (as HTML's `disabled`). */
  #checkAttribute(name) {
    const v = this.getAttribute(name);
    if (v == null || this.#told.has(`${name}=${v}`)) return;
    let why = null;
    if (name === "sectors") {
      const bad = v.split(/[\s,]+/).filter((x) => x && !SECTOR_IDS.includes(x));
      if (bad.length) why = `${bad.map((x) => JSON.stringify(x)).join(", ")} ${bad.length > 1 ? "are no sectors" : "is no sector"} (use po, vo, mbo)`;
    } else if (name === "theme" && !["light", "dark"].includes(v)) why = "use light or dark";
    else if (name === "lang" && v !== "" && !/^(nl|en)/i.test(v)) why = "use nl or en; the widget speaks Dutch"; // (as langOf reads it)
    else if (name === "max-km" && !KM.test(v)) why = "use a whole number of km from 1 to 999; no distance filter is set";
    else if (name === "start-before" && !isDate(v)) why = "use a date YYYY-MM-DD; no start filter is set";
    else if ((name === "paid" || name === "part-time") && /^(false|no|nee|off|uit|0)$/i.test(v.trim())) why = "the filter is on while the attribute is there, whatever its value: remove the attribute to leave it off";
    if (!why) return;
    this.#told.add(`${name}=${v}`);
    const message = `${name} attribute ${JSON.stringify(v)}: ${why}`;
    console.warn(`<route-wijzer name="${this.name}">: ${message}`);
    this.#emit("error", { message: message.slice(0, 1000) });
  }

  /** A button to the other language (nl <-> en), named in that language, added once the
   * form is there (a control's first use costs the frame that shows it, and the first
   * frames are the slow ones); `lang-switch="off"` leaves it out, for a host with a switch
   * of its own. It sets the `lang` attribute, which keeps the answers. */
  #langSwitch() {
    this.#head.querySelector(".rw-lang")?.remove();
    if (this.getAttribute("lang-switch") === "off") return;
    const other = this.#words.lang === "en" ? "nl" : "en";
    const b = h("button", { type: "button", class: "rw-btn-link rw-lang", lang: other, text: LANG_NAMES[other] });
    b.addEventListener("click", () => {
      this.#langFocus = true; // the head is built again in the new language: focus its switch
      this.setAttribute("lang", other);
    });
    this.#head.prepend(b);
    if (this.#langFocus) {
      this.#langFocus = false;
      // Not if the candidate has moved on while the new language loaded (focus elsewhere on
      // the page): only the switch's own focus, lost as the head was built again, comes back.
      const active = document.activeElement;
      if (!active || active === this || active === document.body) b.focus();
    }
  }

  /** What needs the catalog: the candidate's kit, the results, the footer. */
  #renderRest() {
    this.#langSwitch();
    const words = this.#words;
    this.#view ??= this.#defaultView;
    if (!this.#kit) {
      this.#kit = new this.#Kit({
        words, uid: this.#uid, info: this.#info,
        profile: () => this.#form.read(),
        today: () => this.#today,
        region: () => this.getAttribute("region"),
        storeKey: `${this.#storeKey}:kept`,
        handoff: this.getAttribute("handoff"),
        // A `handoff` value it cannot use (the widget goes on without that section):
        onProblem: (message) => {
          console.warn(`<route-wijzer name="${this.name}">: ${message}`);
          this.#emit("error", { message: message.slice(0, 1000) });
        },
      });
    } else {
      this.#kit.words = words;
      this.#kit.info = this.#info;
    }
    this.#results = new Results({
      kit: this.#kit,
      words,
      uid: this.#uid,
      open: this.#open,
      info: this.#info,
      view: this.#view,
      onView: (view, focus) => {
        this.#view = view;
        // Back to the control the candidate used (or what it showed), once the new result is shown.
        this.#run(true).then(() => this.#results.el.querySelector(focus)?.focus());
      },
    });
    // The form may be on screen already, with the person typing in it: it stays where it is
    // (taking it out and in again would take away its focus and an open suggestion list).
    if (this.#form.el.parentNode === this.#body) {
      for (const c of [...this.#body.children]) if (c !== this.#form.el) c.remove();
      this.#form.el.after(this.#results.el);
    } else this.#body.replaceChildren(this.#form.el, this.#results.el);
    this.#renderFoot();
  }

  /** Renders everything again (language or sectors changed), keeping the answers; runs a match unless `run` is false. */
  #rerender(run = true) {
    const answers = this.#form ? this.profile : undefined;
    const remember = this.#form?.remember;
    // The old form, removed, may still fire a change (of the field that had focus): it
    // must not start a match of the new, still empty form.
    this.#fill(answers ?? {}, () => {
      this.#renderHead();
      this.#makeForm(this.#words);
      this.#form.finish();
      this.#renderRest();
    });
    this.#form.remember = remember;
    if (run) this.#run(true);
  }

  #renderFoot() {
    const info = this.#info;
    const w = this.#words;
    this.#foot.replaceChildren(
      h("p", { text: w.t("privacy") }),
      h("p", { text: w.t("data", { name: info.name, v: info.version, d: w.date(info.generated) }) }),
      // The catalog's attribution lines, in the widget's language.
      h("ul", { class: "rw-attribution" }, (info.attribution || []).map((a) => h("li", { text: w.attribution(a) }))));
  }

  #announce(text) {
    if (this.#live.textContent !== text) this.#live.textContent = text;
  }

  // ---------------------------------------------------------------- matching

  /** An answer changed: match at once when the core is idle; while a match is in flight,
   * only note it, and match the latest answers when that one returns (its result is then
   * not shown). So typing costs no wait, and no render of answers already replaced. */
  #changed() {
    if (this.#filling) return; // fill() is setting many answers: its caller runs once after
    this.#form.update();
    if (this.#busy) this.#again = true;
    else this.#run();
  }

  /** Sets every answer (after `before()`, such as building a new form); the input events the forms fire meanwhile start no match. */
  #fill(p, before) {
    this.#filling = true;
    try {
      before?.();
      this.#form.fill(p);
    } finally {
      this.#filling = false;
    }
  }

  /** A match (of the answers `key`) returned: if the answers changed meanwhile, match them now (true: skip this result). */
  #rerun(key) {
    this.#busy--;
    if (!this.#again || this.#busy) return false;
    this.#again = false;
    if (JSON.stringify(this.#form.read()) === key) return false; // changed and back, or a second event of one change
    this.#run();
    return true;
  }

  /** Whether a match that returned is out of date: a newer run was started (it shows its
   * own result), or the catalog was replaced while it ran. In that last case, once the
   * widget is ready on the new catalog and nothing else is in flight, the answers are
   * matched again on it (the run the "ready" step left to this one). */
  #stale(seq, matcher) {
    if (seq !== this.#seq) return true;
    if (matcher === this.#matcher) return false;
    if (this.#matcher && this.#readyFor === this.#matcher && !this.#busy) this.#run(true);
    return true;
  }

  /** Stores the answers (and kept routes) only when the person ticked "remember"; unticking removes them. */
  #store() {
    try {
      if (this.#form.remember) localStorage.setItem(this.#storeKey, JSON.stringify(this.#form.read()));
      else localStorage.removeItem(this.#storeKey);
    } catch {}
    if (this.#kit) this.#kit.shortlist.persist(this.#form.remember);
    else if (!this.#form.remember) {
      // Unticked before the kit came: the kept routes go too.
      try {
        localStorage.removeItem(`${this.#storeKey}:kept`);
      } catch {}
    }
  }

  /** Answers from a share link (`decodeShare`): filled in, unless they would replace
   * answers already there (saved or set): then the candidate chooses. A refused link says
   * why and fills nothing. */
  #useShare(shared, hasAnswers) {
    if (!shared) return;
    const t = (k) => this.#words.t(k);
    if (shared.error) {
      const key = shared.error.code === "version" ? "shareErr_version" : "shareErr_broken";
      this.#status.replaceChildren(h("p", { class: "rw-notice", role: "alert", text: t(key) }));
      return;
    }
    const use = (run) => {
      this.#fill(shared.profile);
      this.#status.replaceChildren(h("p", { class: "rw-notice", role: "status", text: t("shareLoaded") }));
      if (run) this.#run(true);
    };
    if (!hasAnswers || JSON.stringify(this.#form.read()) === JSON.stringify(shared.profile)) return use(false); // #start runs next
    const b = h("button", { type: "button", class: "rw-btn rw-btn-2", text: t("shareUse") });
    b.addEventListener("click", () => {
      use(true);
      this.#form.el.querySelector("input, select")?.focus();
    });
    this.#status.replaceChildren(h("div", { class: "rw-notice rw-share-offer", role: "status" }, h("p", { text: t("shareOffer") }), b));
  }

  async #run(force) {
    if (!this.#matcher || !this.#form?.complete) return;
    const profile = this.#form.read();
    const key = JSON.stringify(profile);
    this.#again = false; // this run reads the latest answers
    if (!force && key === this.#lastKey) {
      if (!this.#busy) this.#results.done(); // back to the answers shown
      return;
    }
    this.#lastKey = key;
    const again = this.#errKey === key;
    this.#errKey = null;
    if (this.#form.remember) this.#store();
    const seq = ++this.#seq;
    // No answers yet: browse every kind of route and what it asks.
    // (or only the sectors the widget started with: nothing answered yet)
    const keys = Object.keys(profile);
    const start = this.#startSectors;
    const browsing = !keys.length || (keys.length === 1 && start.length > 0 && String(profile.sectors) === String(start));
    // The match runs off the main thread (client.js); a run started meanwhile makes this one stale.
    const matcher = this.#matcher;
    let result;
    this.#busy++;
    this.#results.busy(); // until this or a newer result is shown
    try {
      // The kinds outside the person's choices in full only when they may be shown or are
      // kept: browsing, the "also show" switch on (results.js), or routes kept (a kept one
      // from such a kind is refreshed from the result: kit.js); else in brief
      // (MatchView.outside: about half the result for someone with one sector).
      const full = browsing || this.#open.has("outside") || this.#kit?.shortlist.size > 0;
      const view = full ? this.#view : { ...this.#view, outside: false };
      result = await matcher.match(profile, { today: this.#today, lang: this.#words.lang, view });
    } catch (e) {
      if (this.#rerun(key)) return;
      if (this.#stale(seq, matcher)) return;
      // After a crash the client has reset the core: the next run starts afresh.
      const message = String(e?.message || e);
      this.#last = null;
      this.#results.error(e instanceof RoutewijzerCrashError ? null : message.slice(0, 500));
      if (!again) this.#emit("error", { message: message.slice(0, 1000) });
      this.#errKey = key;
      return;
    }
    if (this.#rerun(key)) return;
    if (this.#stale(seq, matcher)) return;
    this.#last = result;
    const t0 = performance.now();
    const shown = this.#results.show(result, profile, browsing);
    this.#announce(shown.text);
    // For measurements (BENCHMARKS.md): the answer and the first parts on screen, then all of it.
    performance.measure(`routewijzer:render-first:${this.name}`, { start: t0 });
    if (!(await shown.done) || seq !== this.#seq) return;
    performance.measure(`routewijzer:render:${this.name}`, { start: t0 });
    if (!this.#firstResult) {
      this.#firstResult = true;
      performance.mark(`routewijzer:first-result:${this.name}`);
    }
    const c = result.counts;
    this.#emit("result", { routes: c.eligible + c.conditional + c.ineligible, eligible: c.eligible, conditional: c.conditional, pathways: result.pathways.length });
  }
}

// Open every <details> of the results while printing, then restore them.
// (Not for the one-page summary, which the host marks with data-print while it prints.)
addEventListener("beforeprint", () => {
  for (const el of document.querySelectorAll("route-wijzer:not([data-print])")) {
    for (const d of el.shadowRoot?.querySelectorAll(".rw-results details:not([open])") || []) {
      d.dispatchEvent(new Event("rw-build")); // content built on first opening: build it now
      d.open = true;
      d.dataset.printOpened = "";
    }
  }
});
addEventListener("afterprint", () => {
  for (const el of document.querySelectorAll("route-wijzer")) {
    for (const d of el.shadowRoot?.querySelectorAll("details[data-print-opened]") || []) {
      d.open = false;
      delete d.dataset.printOpened;
    }
  }
});

// The element is defined in a task after the modules' evaluation, so that upgrading the
// page's widgets is not part of that task (on a slow phone the two together are a long
// one). Whoever imports this module (the entry module too) waits for this top-level await:
// once an import of routewijzer.js has resolved, <route-wijzer> is defined.
await nextTask();
if (!customElements.get("route-wijzer")) customElements.define("route-wijzer", RouteWijzer);
