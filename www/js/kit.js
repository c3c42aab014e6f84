//# allFunctionsCalledOnLoad
// kit.js: the candidate's next step, below the results: routes kept and compared
// (shortlist.js), "add to calendar" (ics.js), the activities that fit, a link that carries
// the answers (share.js), a one-page printable summary, and the summary sent to the loket
// (handoff.js) only when the candidate presses send. Its state (kept routes, typed contact
// details) lives here and survives every new result; `update(result)` redraws its parts.

import { download, follow, h, link, put, safeUrl } from "./dom.js";
import { calendar, icsName } from "./ics.js";
import { shareUrl } from "./share.js";
import { compareTable, MAX_COMPARED, Shortlist } from "./shortlist.js";
import { buildHandoff, checkContact, checkHandoff, handoffMail, handoffText, MAX_MOTIVATION, sendHandoff } from "./handoff.js";

/** Activities listed at once; the rest behind "more". */
const ACTIVITIES_SHOWN = 6;

/**
 * The calendar items of a route: the next intake's application deadline, the day the
 * school should request the geschiktheidsonderzoek (from the route's pathway, for
 * zij-instroom), and the intake's start. Each `{key, label, event}`; `label` says what
 * and when, `event` is a CalendarEvent (ics.js).
 */
export function routeDates(route, pathway, words) {
  const t = (k, p) => words.t(k, p);
  const it = route.next_intake;
  // (A route without training has no place: no location for its events, only who to ask.)
  const where = [route.institution, route.place].filter(Boolean).join(", ");
  const url = safeUrl(route.url) ?? undefined;
  const note = it?.status === "typical" ? ` ${t("calTypical")}` : "";
  const describe = (what) => [what, `${route.name} (${where})`, note.trim(), t("calCheck")].filter(Boolean).join("\n");
  const out = [];
  const add = (key, date, summary, label) => out.push({ key, label: `${label}: ${words.date(date)}`, event: { uid: `${key}-${route.offering}-${date}@routewijzer`, summary: `${summary}: ${route.name}`, date, description: describe(summary), location: route.place ? where : undefined, url } });
  if (it?.apply_by && !it.rolling) add("apply", it.apply_by, t("calApply"), t("calApply")); // none without cohorts
  const go = pathway?.timeline?.find((e) => e.event === "request-go");
  if (go) add("request-go", go.date, go.text.text, t("calGo"));
  if (it?.start_date) add("start", it.start_date, t("calStart"), t("calStart"));
  return out;
}

/** An activity (result.activities[]) as a CalendarEvent. */
export function activityEvent(a, words) {
  const online = a.mode === "online";
  const place = online ? words.t("online") : [a.address, a.place].filter(Boolean).join(", ");
  const organizer = a.organizer;
  return {
    uid: `activity-${a.id}@routewijzer`,
    summary: a.name,
    date: a.start_date,
    endDate: a.end_date ?? undefined,
    startTime: a.start_time ?? undefined,
    endTime: a.start_time ? (a.end_time ?? undefined) : undefined,
    location: place || undefined,
    url: safeUrl(a.url) ?? undefined,
    description: [organizer, a.description, a.demo ? words.t("actDemo") : null].filter(Boolean).join("\n") || undefined,
  };
}

/** While the summary prints, the document adopts this sheet (constructed: a strict CSP
 * allows it): in print, every element that neither is nor holds the printing widget (the
 * loket's header, nav, article) is left out, and those that hold it are plain blocks (no
 * grid column squeezes it). Null where sheets cannot be adopted: the whole page prints. */
let printSheet;
function pageSheet() {
  if (printSheet !== undefined) return printSheet;
  printSheet = null;
  try {
    // Without :has() the browser drops the rules silently: say so (null), the whole page prints.
    if (!("adoptedStyleSheets" in Document.prototype) || !CSS.supports("selector(:has(a))")) return null;
    const sheet = new CSSStyleSheet();
    const w = "route-wijzer[data-print]";
    const plain = ["display:block", "position:static", "float:none", "transform:none", "width:auto", "max-width:none", "margin:0", "padding:0", "border:0", "overflow:visible"];
    sheet.replaceSync(`@media print { body *:not(${w}):not(:has(${w})) { display: none !important } body :has(${w}), ${w} { ${plain.join("!important;")}!important } }`);
    printSheet = sheet;
  } catch {}
  return printSheet;
}

export class Kit {
  #w;
  #uid;
  #info;
  #profile;
  #today;
  #region;
  #target;
  #onProblem;
  #reported = null; // the handoff value whose problem was reported (once per value)
  #result = null;
  #status;
  shortlist;
  #kept;
  #acts;
  #share;
  #handoff = null;
  #shown = null; // the handoff as the preview shows it: {rec, text, mail}; only this is ever sent
  #print;
  #printing = false;
  #drawn = new Map(); // part -> JSON of what it was last drawn from (see #changed)
  #typed = { name: "", email: "", phone: "", motivation: "" };

  /**
   * words: Words; uid: id prefix; info: CatalogInfo; profile(): the answers; today(): the
   * widget's date; region(): the loket's region (the element's `region` attribute as it is
   * now) or null, read each time a record is built; storeKey: where kept routes are
   * stored under consent; handoff: the element's `handoff` attribute (a mailto: or https:
   * URL; anything else: no handoff section, and `onProblem(message)` says why, once per value;
   * it also says why a send failed).
   */
  constructor({ words, uid, info, profile, today, region, storeKey, handoff, onProblem }) {
    this.#onProblem = onProblem;
    const target = this.#checkTarget(handoff);
    this.#w = words;
    this.#uid = uid;
    this.#info = info;
    this.#profile = profile;
    this.#today = today;
    this.#region = region;
    this.shortlist = new Shortlist({ key: storeKey });
    this.#status = h("p", { class: "rw-sr", role: "status" });
    this.#kept = h("section", { class: "rw-kept", "aria-labelledby": `${uid}-kh` });
    this.#acts = h("section", { class: "rw-acts", "aria-labelledby": `${uid}-ah`, hidden: true });
    this.#share = this.#shareSection();
    this.#handoff = target ? this.#handoffSection() : null;
    this.#print = h("section", { class: "rw-print" }); // shown only when printing the summary
    this.el = h("div", { class: "rw-kit" }, this.#kept, this.#acts, this.#share, this.#handoff, this.#print, this.#status);
  }

  /** Moves the kit to new words (a language change), keeping kept routes and typed details. */
  set words(w) {
    this.#w = w;
    this.#drawn.clear(); // every part in the new words at the next update()
    const fresh = this.#shareSection();
    this.#share.replaceWith(fresh);
    this.#share = fresh;
    if (this.#handoff) {
      const ho = this.#handoffSection();
      this.#handoff.replaceWith(ho);
      this.#handoff = ho; // its preview is drawn by the next update(), once the new form can be read
    }
  }

  /** Another catalog was loaded (its name, version, contact). */
  set info(info) {
    this.#info = info;
    this.#drawn.clear();
  }

  /** The `handoff` attribute changed: the section follows (typed details are kept). */
  set handoff(attr) {
    const target = this.#checkTarget(attr);
    const ho = target ? this.#handoffSection() : null;
    if (this.#handoff && ho) this.#handoff.replaceWith(ho);
    else if (this.#handoff) this.#handoff.remove();
    else if (ho) this.#share.after(ho);
    this.#handoff = ho;
    this.#renderHandoffPreview();
  }

  /** Reads the `handoff` attribute into #target (checkHandoff: never throws); a value that
   * is there but cannot be used is reported once (the widget goes on without the section). */
  #checkTarget(attr) {
    const { target, problem } = checkHandoff(attr);
    this.#target = target;
    if (!problem) this.#reported = null;
    else if (this.#reported !== attr) {
      this.#reported = attr;
      this.#onProblem?.(problem);
    }
    return target;
  }

  #t(k, p) {
    return this.#w.t(k, p);
  }
  #say(text) {
    this.#status.textContent = "";
    setTimeout(() => (this.#status.textContent = text), 50);
  }

  /** Takes a new result (the cards' tools read it); update() then redraws what depends on it. */
  use(result) {
    this.#result = result;
    this.shortlist.refresh(result);
  }

  /** Redraws the parts that depend on the result (or on the kept routes). */
  update(result) {
    if (result) this.use(result);
    this.#renderKept();
    this.#renderActivities();
    this.#renderHandoffPreview();
    this.#renderPrint();
  }

  /** True when `part` must be drawn again: what it is drawn from (`data`, JSON-able) differs
   * from the last time. An answer change that leaves the kept routes, the activities or
   * the summary as they were then redraws nothing there (a redraw costs 2-10 ms at 4x CPU). */
  #changed(part, data) {
    const key = JSON.stringify(data);
    if (this.#drawn.get(part) === key) return false;
    this.#drawn.set(part, key);
    return true;
  }

  // ---------------------------------------------------------------- on each route card

  /** The route card's tools: keep it, and add its dates to a calendar. */
  cardTools(route) {
    const t = (k, p) => this.#t(k, p);
    const keep = h("button", { type: "button", class: "rw-btn rw-btn-2 rw-keep", "aria-pressed": String(this.shortlist.has(route.offering)), "data-offering": route.offering },
      h("span", { class: "rw-keep-mark", "aria-hidden": "true" }), t("keep"), h("span", { class: "rw-sr", text: ` ${route.name}` }));
    keep.addEventListener("click", () => {
      const was = this.shortlist.has(route.offering);
      const now = this.shortlist.toggle(route);
      if (!was && !now) return this.#say(t("keepFull"));
      keep.setAttribute("aria-pressed", String(now));
      this.#renderKept();
      this.#renderHandoffPreview();
      this.#renderPrint();
      this.#say(now ? t("kept", { name: route.name }) : t("unkept", { name: route.name }));
    });
    const has = routeDates(route, null, this.#w).length || this.#result?.pathways?.some((p) => p.offering === route.offering);
    return h("div", { class: "rw-tools" }, keep, has ? this.#calendarMenu(route) : null);
  }

  /** "Zet in agenda": a <details> with one button per date, built on each opening from the
   * latest result (a card may be kept across results while its pathway's dates move). */
  #calendarMenu(route) {
    const d = h("details", { class: "rw-cal" }, h("summary", {}, this.#t("calAdd"), h("span", { class: "rw-sr", text: ` ${route.name}` })));
    d.addEventListener("toggle", () => {
      if (!d.open) return;
      const pathway = this.#result?.pathways?.find((p) => p.offering === route.offering);
      const dates = routeDates(route, pathway, this.#w);
      put(d, [d.firstChild, h("ul", {}, dates.map((x) => {
        const b = h("button", { type: "button", class: "rw-btn-link", "data-cal": x.key, text: x.label });
        b.addEventListener("click", () => this.#ics([x.event]));
        return h("li", {}, b);
      }))]);
    });
    return d;
  }

  #ics(events) {
    try {
      download(this.el, icsName(events[0].summary), "text/calendar;charset=utf-8", calendar(events));
    } catch (e) {
      this.#say(this.#t("calError", { m: String(e?.message || e).slice(0, 200) }));
    }
  }

  // ---------------------------------------------------------------- kept routes and the comparison

  #renderKept() {
    const t = (k, p) => this.#t(k, p);
    const items = this.shortlist.items;
    if (!this.#changed("kept", [items, this.shortlist.compared])) return;
    const id = `${this.#uid}-kh`;
    if (!items.length) {
      put(this.#kept, [h("h4", { class: "rw-h", id, text: t("keptTitle") }), h("p", { class: "rw-hint", text: t("keptEmpty") })]);
      return;
    }
    const list = h("ul", { class: "rw-kept-list" }, items.map((x, i) => {
      const cid = `${this.#uid}-cmp-${i}`;
      const box = h("input", { type: "checkbox", id: cid, checked: this.shortlist.isCompared(x.offering) });
      box.addEventListener("change", () => {
        if (!this.shortlist.setCompared(x.offering, box.checked)) {
          box.checked = false;
          this.#say(t("compareMax", { n: MAX_COMPARED }));
          return;
        }
        this.#renderKept();
        this.#kept.querySelector(`#${cid}`)?.focus();
      });
      const remove = h("button", { type: "button", class: "rw-btn-link", text: t("remove") }, h("span", { class: "rw-sr", text: ` ${x.name}` }));
      remove.addEventListener("click", () => {
        this.shortlist.remove(x.offering);
        for (const b of this.el.getRootNode().querySelectorAll?.(".rw-keep") ?? []) if (b.dataset.offering === x.offering) b.setAttribute("aria-pressed", "false");
        this.update();
        this.#kept.querySelector("h4")?.focus();
        this.#say(t("unkept", { name: x.name }));
      });
      return h("li", { "data-offering": x.offering },
        h("span", { class: "rw-kept-name" }, x.url ? link(x.url, x.name, t("newTab")) : x.name, x.institution ? h("span", { class: "rw-meta", text: ` · ${x.institution}` }) : null),
        h("span", { class: "rw-check" }, box, h("label", { for: cid }, t("compare"), h("span", { class: "rw-sr", text: ` ${x.name}` }))),
        remove);
    }));
    const cmp = this.shortlist.compared;
    put(this.#kept, [
      h("h4", { class: "rw-h", id, tabindex: "-1", text: `${t("keptTitle")} (${items.length})` }),
      list,
      cmp.length >= 2
        ? h("div", { class: "rw-compare-wrap" }, compareTable(cmp, this.#w, { caption: t("compareCaption", { n: cmp.length }) }))
        : h("p", { class: "rw-hint", text: t("compareHint", { n: MAX_COMPARED }) }),
    ]);
  }

  // ---------------------------------------------------------------- activities

  #renderActivities() {
    const list = this.#result?.activities ?? [];
    if (!this.#changed("activities", [list, this.#result?.activities_more])) return;
    this.#acts.hidden = !list.length;
    if (!list.length) return this.#acts.replaceChildren();
    const w = this.#w;
    const t = (k, p) => this.#t(k, p);
    const item = (a) => {
      const online = a.mode === "online";
      const when = [w.date(a.start_date), a.start_time ? `${a.start_time}${a.end_time ? `–${a.end_time}` : ""}` : null, a.end_date && a.end_date !== a.start_date ? `${t("until")} ${w.date(a.end_date)}` : null].filter(Boolean).join(", ");
      const where = online ? t("online") : [a.place, a.distance_km != null ? w.km(a.distance_km) : null].filter(Boolean).join(" · ");
      const add = h("button", { type: "button", class: "rw-btn-link", text: t("calAdd") }, h("span", { class: "rw-sr", text: ` ${a.name}` }));
      add.addEventListener("click", () => this.#ics([activityEvent(a, w)]));
      return h("li", { class: "rw-act", "data-activity": a.id },
        h("p", { class: "rw-act-name" }, a.url ? link(a.url, a.name, t("newTab")) : h("strong", { text: a.name }), a.demo ? h("span", { class: "rw-demo", text: t("actDemoBadge") }) : null),
        h("p", { class: "rw-meta" }, h("time", { datetime: a.start_date, text: when }), ` · ${where}`, a.activity_type ? ` · ${w.label("activity_type", a.activity_type)}` : ""),
        add);
    };
    const first = list.slice(0, ACTIVITIES_SHOWN);
    const rest = list.slice(ACTIVITIES_SHOWN);
    const more = this.#result?.activities_more ?? 0;
    put(this.#acts, [
      h("h4", { class: "rw-h", id: `${this.#uid}-ah`, text: t("actTitle") }),
      h("ul", { class: "rw-act-list" }, first.map(item)),
      rest.length ? h("details", {}, h("summary", { text: t("actMore", { n: rest.length }) }), h("ul", { class: "rw-act-list" }, rest.map(item))) : null,
      more ? h("p", { class: "rw-hint", text: t("actMoreElsewhere", { n: more }) }) : null,
    ]);
  }

  // ---------------------------------------------------------------- share and print

  #shareSection() {
    const t = (k, p) => this.#t(k, p);
    const id = (s) => `${this.#uid}-sh-${s}`;
    const out = h("input", { type: "text", id: id("url"), readonly: true, class: "rw-share-url" });
    const note = h("p", { class: "rw-hint", id: id("note"), text: t("shareNote") });
    out.setAttribute("aria-describedby", id("note"));
    const copy = h("button", { type: "button", class: "rw-btn rw-btn-2", text: t("shareCopy") });
    copy.addEventListener("click", async () => {
      let url;
      try {
        url = await shareUrl(this.#profile());
      } catch {
        return this.#say(t("shareFailed"));
      }
      out.value = url;
      try {
        await navigator.clipboard.writeText(url);
        this.#say(t("shareCopied"));
      } catch {
        out.focus();
        out.select();
        this.#say(t("shareSelect"));
      }
    });
    const print = h("button", { type: "button", class: "rw-btn rw-btn-2", text: t("printSummary") });
    print.addEventListener("click", () => this.printSummary());
    return h("section", { class: "rw-share", "aria-labelledby": id("h") },
      h("h4", { class: "rw-h", id: id("h"), text: t("shareTitle") }),
      note,
      h("div", { class: "rw-field" }, h("label", { for: id("url"), text: t("shareLink") }), out),
      h("div", { class: "rw-actions" }, copy, print));
  }

  /** Prints the one-page summary only: the host gets `data-print="summary"` (for the widget's
   * print styles) and the document pageSheet(), until the print is done. */
  printSummary() {
    if (this.#printing) return; // a second press while the first print is still open
    this.#printing = true;
    this.#renderPrint();
    const host = this.el.getRootNode().host;
    const doc = host?.ownerDocument;
    let sheet = null;
    const done = () => {
      removeEventListener("afterprint", done);
      host?.removeAttribute("data-print");
      try {
        if (sheet && doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((x) => x !== sheet);
      } catch {}
      this.#printing = false;
    };
    addEventListener("afterprint", done, { once: true });
    try {
      host?.setAttribute("data-print", "summary");
      // (Not inside another shadow root: the page's rules would hide everything there. The
      // sheet is made by this page's CSSStyleSheet: a document adopts only its own.)
      sheet = host?.getRootNode() === doc && doc.defaultView === globalThis ? pageSheet() : null;
      if (sheet) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      window.print();
    } finally {
      setTimeout(done, 1000); // where print() returns before afterprint fires (or it never does), or threw
    }
  }

  /** The routes a summary is about: the kept ones, else the best open route of each kind. */
  #chosen() {
    const kept = this.shortlist.items;
    if (kept.length) return { kept: true, routes: kept.map((x) => this.#result?.routes?.find((r) => r.offering === x.offering) ?? x) };
    const r = this.#result;
    const best = (r?.kinds ?? []).filter((k) => !k.outside && k.open > 0).slice(0, 3).map((k) => r.routes.find((x) => x.offering === k.best)).filter(Boolean);
    return { kept: false, routes: best };
  }

  #renderPrint() {
    const r = this.#result;
    if (!r) return;
    const w = this.#w;
    const t = (k, p) => this.#t(k, p);
    const { kept, routes } = this.#chosen();
    if (!this.#changed("print", [r.today, r.catalog, r.catalog_version, r.summary, kept, routes])) return;
    const c = this.#info.contact;
    const contact = c ? [c.name, c.email, c.phone, safeUrl(c.url) ? c.url : null].filter(Boolean) : [];
    put(this.#print, [
      h("h3", { text: t("title") }),
      h("p", { class: "rw-meta", text: `${w.date(r.today)} · ${r.catalog} (${r.catalog_version})` }),
      r.summary?.length ? h("p", { text: r.summary.map((s) => s.text).join(" ") }) : null,
      h("h4", { text: kept ? t("keptTitle") : t("printBest") }),
      h("ol", { class: "rw-print-routes" }, routes.map((x) => {
        const s = x.next_intake ? { start: x.next_intake.start_date, apply: x.next_intake.rolling ? null : x.next_intake.apply_by } : { start: x.start_date, apply: x.apply_by };
        const conds = (x.conditions ?? []).map((f) => (typeof f === "string" ? f : `${f.message.text}${f.action ? ` ${t("whatToDo")} ${f.action.text}` : ""}`));
        return h("li", {},
          h("strong", { text: x.name }), x.institution ? ` · ${x.institution}` : "", x.place ? ` · ${x.place}` : "",
          x.eligibility ? ` · ${w.option("eligibility", x.eligibility)}` : "",
          h("br"),
          [s.apply ? `${t("applyBy")} ${w.date(s.apply)}` : null, s.start ? `${t("next")}: ${w.date(s.start)}` : t("noIntake")].filter(Boolean).join(" · "),
          conds.length ? h("ul", {}, conds.map((x) => h("li", { text: x }))) : null,
          safeUrl(x.url) ? h("span", { class: "rw-print-url", text: x.url }) : null);
      })),
      contact.length ? h("div", { class: "rw-print-contact" }, h("h4", { text: t("printContact") }), h("p", { text: contact.join(" · ") })) : null,
    ]);
  }

  // ---------------------------------------------------------------- the handoff, only on the press

  #handoffSection() {
    const t = (k, p) => this.#t(k, p);
    const id = (s) => `${this.#uid}-ho-${s}`;
    const tg = this.#target;
    const mail = tg.kind === "mailto";
    this.#shown = null;
    const field = (name, type, label, extra = {}) => {
      const input = type === "textarea"
        ? h("textarea", { id: id(name), name, rows: 4, maxlength: MAX_MOTIVATION, ...extra })
        : h("input", { type, id: id(name), name, ...extra });
      input.value = this.#typed[name];
      const err = h("p", { class: "rw-field-error", id: id(`${name}-err`), hidden: true });
      return h("div", { class: "rw-field" }, h("label", { for: id(name), text: label }), input, err);
    };
    const form = h("div", { class: "rw-ho-fields" },
      field("name", "text", t("hoName"), { autocomplete: "name" }),
      field("email", "email", t("hoEmail"), { autocomplete: "email" }),
      field("phone", "tel", t("hoPhone"), { autocomplete: "tel" }),
      field("motivation", "textarea", t("hoMotivationLabel")));
    form.addEventListener("input", (e) => {
      if (!(e.target.name in this.#typed)) return;
      this.#typed[e.target.name] = e.target.value;
      e.target.removeAttribute("aria-invalid");
      this.#renderHandoffPreview();
    });
    // A button for both: the mailto: URL is made only on the press, after the checks (no live link before).
    const send = h("button", { type: "button", class: "rw-btn rw-ho-send", text: t(mail ? "hoSendMail" : "hoSend") });
    send.addEventListener("click", () => this.#send(send));
    // mailto: what the mail leaves out (handoffMail), the mail as it opens, the full text to copy.
    const cut = mail
      ? h("div", { class: "rw-ho-cut", hidden: true },
        h("p", { class: "rw-notice", id: id("cut") }),
        h("details", {}, h("summary", { text: t("hoMailBody") }), h("pre", { class: "rw-ho-mail", tabindex: "0", "aria-label": t("hoMailBody") })))
      : null;
    const copy = mail ? h("button", { type: "button", class: "rw-btn rw-btn-2 rw-ho-copy", text: t("hoCopyFull") }) : null;
    copy?.addEventListener("click", () => this.#copyFull());
    const full = mail ? h("div", { class: "rw-field rw-ho-full", hidden: true }, h("label", { for: id("full"), text: t("hoFullLabel") }), h("textarea", { id: id("full"), readonly: true, rows: 6 })) : null;
    return h("section", { class: "rw-handoff", "aria-labelledby": id("h") },
      h("h4", { class: "rw-h", id: id("h"), text: t("hoTitle") }),
      h("p", { text: t(mail ? "hoIntroMail" : "hoIntroPost", { to: mail ? tg.address : new URL(tg.url).host }) }),
      form,
      h("div", { class: "rw-ho-preview" }, h("h5", { text: t("hoPreview") }), h("pre", { class: "rw-ho-text", tabindex: "0", "aria-label": t("hoPreview") }),
        h("details", {}, h("summary", { text: t("hoJson") }), h("pre", { class: "rw-ho-json rw-mono", tabindex: "0", "aria-label": t("hoJson") })),
        cut),
      h("div", { class: "rw-actions" }, send, copy),
      full,
      h("p", { class: "rw-ho-status", role: "status" }));
  }

  /** The record as it would be sent now. */
  #record() {
    return buildHandoff({
      profile: this.#profile(),
      routes: this.#chosen().routes,
      catalog: this.#info,
      created: this.#today(),
      lang: this.#w.lang,
      // The `region` attribute as it is now (it may change after the first render), else the catalog's.
      region: this.#region() || this.#info.region || null,
      typed: this.#typed,
    });
  }

  /** The mail for a record and its text (handoffMail: within the mailto: URL limit). */
  #mail(rec, text) {
    const t = (k) => this.#t(k);
    return handoffMail({ address: this.#target.address, rec, readable: text, subject: t("hoSubject"), notes: { json: t("hoMailNoteJson"), text: t("hoMailNoteText") } });
  }

  /** Shows the record as it would be sent now (and, for mailto:, what the mail leaves out). No link is made here. */
  #renderHandoffPreview() {
    if (!this.#handoff || !this.#result) return;
    const q = (sel) => this.#handoff.querySelector(sel);
    const rec = this.#record();
    const text = handoffText(rec, this.#w);
    const mail = this.#target.kind === "mailto" ? this.#mail(rec, text) : null;
    this.#shown = { rec, text, mail };
    q(".rw-ho-text").textContent = text;
    q(".rw-ho-json").textContent = JSON.stringify(rec, null, 2);
    if (!mail) return;
    const notice = q(".rw-ho-cut .rw-notice");
    q(".rw-ho-cut").hidden = !mail.left;
    notice.textContent = mail.left ? this.#t(mail.left === "json" ? "hoMailLeftJson" : "hoMailLeftText") : "";
    q(".rw-ho-mail").textContent = mail.body;
    const send = q(".rw-ho-send");
    if (mail.left) send.setAttribute("aria-describedby", notice.id);
    else send.removeAttribute("aria-describedby");
    const full = q(".rw-ho-full textarea");
    if (!full.parentNode.hidden) full.value = mail.full;
  }

  /** Copies the full text shown (readable and JSON) to paste into the mail; else selects it in a field. */
  async #copyFull() {
    const t = (k) => this.#t(k);
    const full = this.#shown?.mail?.full;
    if (!full) return;
    const status = this.#handoff.querySelector(".rw-ho-status");
    status.classList.remove("rw-error-text");
    try {
      await navigator.clipboard.writeText(full);
      status.textContent = t("hoCopied");
    } catch {
      const box = this.#handoff.querySelector(".rw-ho-full");
      const area = box.querySelector("textarea");
      box.hidden = false;
      area.value = full;
      area.focus();
      area.select();
      status.textContent = t("hoCopySelect");
    }
  }

  /** The press: the checks first; then exactly the record shown is sent (a mail opened, or one POST), nothing else. */
  async #send(button) {
    const t = (k, p) => this.#t(k, p);
    const status = this.#handoff.querySelector(".rw-ho-status");
    status.classList.remove("rw-error-text");
    const { problems } = checkContact(this.#typed);
    for (const el of this.#handoff.querySelectorAll(".rw-field-error")) el.hidden = true;
    if (problems.length) {
      status.textContent = "";
      for (const p of problems) {
        const input = this.#handoff.querySelector(`[name="${p.field}"]`);
        const err = this.#handoff.querySelector(`#${this.#uid}-ho-${p.field}-err`);
        err.textContent = t(p.code === "too-long" ? "hoTooLong" : `hoBad_${p.field}`, { n: MAX_MOTIVATION });
        err.hidden = false;
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", err.id);
      }
      this.#handoff.querySelector('[aria-invalid="true"]')?.focus();
      return;
    }
    // Only what the candidate saw: if the record changed since the preview was drawn (a new
    // result arrived, the date or language changed), show it first and send nothing.
    const shown = this.#shown;
    const now = this.#result ? this.#record() : null;
    if (!shown || !now || JSON.stringify(now) !== JSON.stringify(shown.rec) || handoffText(now, this.#w) !== shown.text) {
      this.#renderHandoffPreview();
      status.textContent = t("hoChanged");
      return;
    }
    if (this.#target.kind === "mailto") {
      follow(this.#handoff, { href: shown.mail.href }); // the mail program opens it; the link is gone again
      status.textContent = `${t("hoMailOpened", { to: this.#target.address })}${shown.mail.left ? ` ${t("hoMailPaste")}` : ""}`;
      return;
    }
    button.disabled = true;
    status.textContent = t("hoSending");
    const res = await sendHandoff(this.#target.url, shown.rec);
    button.disabled = false;
    status.textContent = res.ok ? t("hoSent", { d: this.#w.date(shown.rec.created) }) : res.status ? t("hoFailed", { s: res.status }) : t("hoFailedNet");
    status.classList.toggle("rw-error-text", !res.ok);
    // The loket's webmaster is told why (an error event and the console), without the record.
    if (!res.ok) {
      this.#onProblem?.(res.status
        ? `handoff: ${this.#target.url} answered the POST with HTTP ${res.status}`
        : `handoff: the POST to ${this.#target.url} got no answer: the network, the endpoint's CORS (it must allow POST with Content-Type from this origin), the page's Content-Security-Policy (connect-src must allow it), or a redirect (refused: give the final URL)`);
    }
  }
}
