// results.js: what the widget shows for a result: the summary, the best pathways with
// their timelines, the open routes with score breakdown and what to arrange, the closed
// routes and why, what would help; print and the downloads (text, JSON), made on the device.

import { h, link, put, safeUrl } from "./dom.js";
import { timeline } from "./timeline.js";

/** Cost bases on which the candidate pays a fee (else the school pays, or nothing is due). */
const FEES = ["collegegeld", "instellingscollegegeld", "cursusgeld"];

/** Open routes shown before "show more". */
const FIRST = 10;
/** Closed routes listed at most. */
const CLOSED_SHOWN = 50;

export class Results {
  #w;
  #uid;
  #open;
  #info;
  #profile;
  #result = null;

  /** words: Words; uid: id prefix; open: Set of <details> keys kept across renders; info: CatalogInfo; profile(): the answers (for the JSON download). */
  constructor({ words, uid, open, info, profile }) {
    this.#w = words;
    this.#uid = uid;
    this.#open = open;
    this.#info = info;
    this.#profile = profile;
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

  /** No answers yet. */
  empty() {
    this.#result = null;
    this.el.replaceChildren(this.#heading(), h("p", { class: "rw-empty", text: this.#t("empty") }));
  }

  /** Matching failed: the core rejected the profile (`message`), or crashed (null). */
  error(message) {
    this.#result = null;
    this.el.replaceChildren(this.#heading(), h("p", { class: "rw-error", role: "alert", text: message == null ? this.#t("errCrash") : this.#t("errProfile", { m: message }) }));
  }

  /** Renders a MatchResult; returns the sentence to announce ("12 routes gevonden. …"). */
  show(r) {
    this.#result = r;
    const open = r.routes.filter((x) => x.eligibility !== "ineligible");
    const closed = r.routes.filter((x) => x.eligibility === "ineligible");
    const k = r.counts;
    const nOpen = k.eligible + k.conditional;
    const found = nOpen === 1 ? this.#t("found1") : this.#t("found", { n: nOpen });
    const counts = this.#t("counts", { e: k.eligible, c: k.conditional, i: k.ineligible });
    const limit = this.#open.has("all") ? open.length : FIRST;
    const more = h("button", { type: "button", class: "rw-btn rw-btn-2", text: this.#t("moreRoutes", { n: open.length }) });
    more.addEventListener("click", () => {
      this.#open.add("all");
      this.show(r);
      this.el.querySelectorAll(".rw-routes > li")[FIRST]?.querySelector("h4 a, h4")?.focus();
    });

    put(this.el, [
      this.#heading(),
      h("p", { class: "rw-summary" }, h("strong", { text: found }), " ", counts),
      r.notices.length ? h("ul", { class: "rw-notices" }, r.notices.map((m) => h("li", { text: m.text }))) : null,
      r.pathways.length ? this.#pathways(r) : null,
      open.length ? h("h4", { class: "rw-h", text: this.#t("open") }) : null,
      open.length ? h("ol", { class: "rw-routes" }, open.slice(0, limit).map((x) => this.#route(x))) : null,
      open.length > limit ? more : null,
      closed.length ? this.#details("closed", this.#t("closed", { n: closed.length }), h("ul", { class: "rw-closed" }, closed.slice(0, CLOSED_SHOWN).map((x) => this.#closed(x))),
        closed.length > CLOSED_SHOWN ? h("p", { class: "rw-hint", text: this.#t("closedMore", { n: closed.length - CLOSED_SHOWN }) }) : null) : null,
      r.what_if.length ? this.#whatIf(r) : null,
      this.#actions(),
    ]);
    return `${found}. ${counts}`;
  }

  // ---------------------------------------------------------------- parts

  #routeBy(id) {
    return this.#result?.routes.find((r) => r.offering === id);
  }

  /** A <details> whose open state survives re-rendering. */
  #details(key, summary, ...content) {
    const d = h("details", { open: this.#open.has(key) }, h("summary", {}, summary), content);
    d.addEventListener("toggle", () => (d.open ? this.#open.add(key) : this.#open.delete(key)));
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
    const sure = !s || !FEES.includes(x.cost_basis) || (s.status === "confirmed" && !s.estimated);
    const how = sure ? "" : `; ${[s.status !== "confirmed" && w.label("status", s.status), s.estimated && this.#t("costEstimate")].filter(Boolean).join(", ")}`;
    return `${w.euro(x.cost_eur_per_year)} (${w.label("cost_basis", x.cost_basis)}${how})`;
  }

  /** Pay while training: the amount and how sure it is where the data has one. */
  #pay(x) {
    const p = x.pay, w = this.#w;
    if (!p) return x.paid_while_learning ? this.#t("yes") : this.#t("no");
    const how = [p.source.status !== "confirmed" && w.label("status", p.source.status), p.source.estimated && this.#t("costEstimate")].filter(Boolean).join(", ");
    return `${w.euro(Math.round(p.eur_per_month))} ${this.#t("perMonth")}${how ? ` (${how})` : ""}`;
  }

  #route(x) {
    const w = this.#w;
    const it = x.next_intake;
    const facts = [
      [this.#t("cost"), this.#cost(x)],
      [this.#t("pay"), this.#pay(x)],
      [this.#t("duration"), w.duration(x.duration)],
      [this.#t("load"), this.#t("perWeek", { n: x.weekly_hours })],
      [this.#t("next"), it ? `${w.date(it.start_date)}${it.status === "typical" ? ` (${w.label("intake_status", "typical")})` : ""}` : this.#t("noIntake")],
      it ? [this.#t("applyBy"), w.date(it.apply_by)] : null,
      it ? [this.#t("qualified"), w.date(it.expected_qualification)] : null,
    ].filter(Boolean);
    const factors = h("table", { class: "rw-factors" },
      h("thead", {}, h("tr", {}, [this.#t("factor"), this.#t("points"), this.#t("reason")].map((c) => h("th", { scope: "col", text: c })))),
      h("tbody", {}, x.factors.map((f) => h("tr", {}, h("th", { scope: "row", text: w.option("factor", f.factor) }), h("td", { class: "rw-num", text: `${f.points}/${f.max}` }), h("td", { text: f.reason.text })))));
    const bar = h("span", { class: "rw-bar", "aria-hidden": "true" }, h("span", {}));
    bar.firstChild.style.setProperty("--w", `${Math.max(0, Math.min(100, x.score))}%`);
    return h("li", { class: "rw-route", "data-offering": x.offering, "data-verdict": x.eligibility },
      h("div", { class: "rw-route-head" }, this.#title(x), this.#badge(x.eligibility)),
      h("p", { class: "rw-meta", text: [x.institution, x.place, w.label("mode", x.mode), x.distance_km != null ? w.km(x.distance_km) : null].filter(Boolean).join(" · ") }),
      h("div", { class: "rw-score" }, h("span", { class: "rw-score-n" }, `${this.#t("score")} `, h("strong", { text: String(x.score) }), "/100"), bar),
      h("dl", { class: "rw-facts" }, facts.map(([k, v]) => h("div", {}, h("dt", { text: k }), h("dd", { text: v })))),
      x.conditions.length ? h("div", { class: "rw-findings" }, h("h5", { text: this.#t("todo") }), h("ul", {}, x.conditions.map((f) => this.#finding(f)))) : null,
      this.#details(`f:${x.offering}`, this.#t("why"), factors));
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
        f.sources.map((s, i) => [i ? ", " : "", s.url ? this.#link(s.url, `${s.id} (${safeUrl(s.url) ? new URL(s.url).hostname.replace(/^www\./, "") : s.url})`) : s.id])) : null);
  }

  #closed(x) {
    return h("li", { class: "rw-route rw-route-closed", "data-offering": x.offering, "data-verdict": x.eligibility },
      h("div", { class: "rw-route-head" }, this.#title(x, "h5"), this.#badge(x.eligibility)),
      h("p", { class: "rw-meta", text: [x.institution, x.place, x.distance_km != null ? this.#w.km(x.distance_km) : null].filter(Boolean).join(" · ") }),
      h("ul", { class: "rw-findings" }, x.blockers.map((f) => this.#finding(f))));
  }

  #whatIf(r) {
    return h("section", { class: "rw-whatif" }, h("h4", { class: "rw-h", text: this.#t("whatIf") }),
      h("ul", {}, r.what_if.map((wi) => {
        const route = this.#routeBy(wi.offering);
        return h("li", { "data-offering": wi.offering },
          h("strong", { text: route ? `${route.name} (${route.institution})` : wi.offering }), " ",
          h("span", { class: "rw-change" }, this.#badge(wi.from), h("span", { "aria-hidden": "true", text: " → " }), h("span", { class: "rw-sr", text: ` ${this.#t("to")} ` }), this.#badge(wi.to)),
          h("ul", {}, wi.changes.map((c) => h("li", { text: c.text }))));
      })));
  }

  #pathways(r) {
    const w = this.#w;
    return h("section", { class: "rw-pathways" },
      h("h4", { class: "rw-h", text: this.#t("pathways") }),
      h("p", { class: "rw-hint", text: this.#t("pathwaysHint") }),
      h("ol", { class: "rw-pw-list" }, r.pathways.slice(0, 3).map((pw) => {
        const route = this.#routeBy(pw.offering);
        const vac = pw.vacancy;
        const job = pw.own_job ? h("p", { class: "rw-job", text: this.#t("ownJob") })
          : vac ? h("p", { class: "rw-job" },
            h("strong", {}, `${this.#t("vacancy")}: `, vac.url ? this.#link(vac.url, vac.title) : vac.title),
            ` · ${vac.employer}, ${vac.place}`,
            vac.distance_km != null ? ` (${w.km(vac.distance_km)})` : "",
            ` · ${this.#t("perWeek", { n: vac.work_hours })} · ${w.label("employment_type", vac.employment_type)} · ${this.#t("jobStarts", { d: w.date(vac.job_start_date) })}`,
            vac.demo ? h("span", { class: "rw-demo", text: this.#t("demo") }) : null)
          : h("p", { class: "rw-job rw-hint", text: this.#t("noVacancy") });
        return h("li", { class: "rw-pathway", "data-offering": pw.offering },
          h("div", { class: "rw-route-head" }, h("h5", { class: "rw-route-name", text: route ? route.name : pw.offering }), this.#badge(pw.eligibility)),
          route ? h("p", { class: "rw-meta", text: [route.institution, route.place].join(" · ") }) : null,
          job,
          pw.flags.length ? h("ul", { class: "rw-flags" }, pw.flags.map((f) => h("li", { "data-flag": f.id, text: f.text }))) : null,
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
      btn(this.#t("dlJson"), () => this.#download("json", "application/json", JSON.stringify({ profile: this.#profile(), result: this.#result }, null, 2))));
  }

  /** A client-side download (Blob URL); nothing leaves the device. */
  #download(ext, type, text) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = h("a", { href: url, download: `routewijzer-${this.#result?.today}.${ext}`, hidden: true });
    this.el.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  /** The result as plain text (the text download). */
  summaryText() {
    const r = this.#result;
    if (!r) return "";
    const w = this.#w;
    const t = (k, p) => this.#t(k, p);
    const open = r.routes.filter((x) => x.eligibility !== "ineligible");
    const out = [t("title"), `${r.catalog} (${r.catalog_version}), ${w.date(r.today)}`, "", this.el.querySelector(".rw-summary")?.textContent || "", ""];
    for (const x of open.slice(0, FIRST)) {
      out.push(`${x.rank}. ${x.name}, ${x.institution} (${x.place}): ${w.label("eligibility", x.eligibility)}, ${t("score").toLowerCase()} ${x.score}/100`);
      out.push(`   ${t("cost")}: ${this.#cost(x)}; ${t("pay")}: ${this.#pay(x)}; ${t("duration")}: ${w.duration(x.duration)}`);
      if (x.next_intake) out.push(`   ${t("next")}: ${w.date(x.next_intake.start_date)}; ${t("applyBy")}: ${w.date(x.next_intake.apply_by)}`);
      for (const f of x.conditions) out.push(`   - ${f.message.text}${f.action ? ` ${t("whatToDo")} ${f.action.text}` : ""}`);
      if (safeUrl(x.url)) out.push(`   ${x.url}`);
    }
    if (r.pathways.length) out.push("", t("pathways"));
    for (const pw of r.pathways.slice(0, 3)) {
      out.push(`* ${this.#routeBy(pw.offering)?.name || pw.offering}${pw.vacancy ? ` + ${pw.vacancy.title}, ${pw.vacancy.employer}` : pw.own_job ? ` + ${t("ownJob")}` : ""}`);
      for (const f of pw.flags) out.push(`  ! ${f.text}`);
      for (const e of pw.timeline) out.push(`  ${e.date}  ${e.text.text}`);
    }
    if (r.what_if.length) out.push("", t("whatIf"));
    for (const wi of r.what_if) out.push(`* ${this.#routeBy(wi.offering)?.name || wi.offering}: ${wi.changes.map((c) => c.text).join("; ")}`);
    out.push("", ...(this.#info.attribution || []));
    return out.join("\n") + "\n";
  }
}
