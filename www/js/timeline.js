//# allFunctionsCalledOnLoad
// timeline.js: a pathway's dates as a picture (aria-hidden, positioned with CSS custom
// properties, so it works under a strict CSP) plus an ordered list, the accessible version.

import { h } from "./dom.js";
import { DAY, utc } from "./dates.js";

/** Dots closer than this share one (as a share of the track: a dot is 1.5rem wide, a
 * group's pill such as "1–2" about 2.3rem, and the track of a 320 px phone about 17rem;
 * the dots alternate between two rows, so dots in one row are at least twice this apart). */
const NEAR = 0.09;

/** Events in date order, grouped where their dots would overlap; the dots of the groups
 * alternate between two rows. */
function groups(ev, span) {
  const out = [];
  for (const e of ev) {
    const last = out[out.length - 1];
    if (last && (e.at - last[0].at) / span < NEAR) last.push(e);
    else out.push([e]);
  }
  return out;
}

/** The timeline <figure> of pathway `pw` (see MatchResult.pathways) as seen on `today`, or null. */
export function timeline(pw, today, words) {
  const t = (k) => words.t(k);
  const ev = pw.timeline.map((e) => ({ ...e, at: utc(e.date) })).sort((a, b) => a.at - b.at);
  if (!ev.length) return null;
  const t0 = Math.min(utc(today), ev[0].at);
  const span = Math.max(DAY, ev[ev.length - 1].at - t0);
  const x = (at) => `${(((at - t0) / span) * 100).toFixed(2)}%`;
  const find = (n) => ev.find((e) => e.event === n);
  // The job's first day: teaching, or other work in a school (an assistant's post).
  const teach = find("start-teaching") ?? find("start-work"), intake = find("intake"), done = find("qualified");
  // The core decides what counts as misaligned (a few days before a September start is normal).
  const early = teach && intake && teach.at < intake.at && pw.flags.some((f) => f.id === "flag.teaching-before-training");
  const place = (el, a, b) => {
    el.style.setProperty("--a", x(a));
    if (b != null) el.style.setProperty("--b", x(b));
    return el;
  };
  const track = h("div", { class: "rw-tl-track", "aria-hidden": "true" },
    intake && done ? place(h("span", { class: "rw-tl-bar rw-tl-train" }), intake.at, done.at) : null,
    teach && done ? place(h("span", { class: "rw-tl-bar rw-tl-teach" }), teach.at, done.at) : null,
    early ? place(h("span", { class: "rw-tl-bar rw-tl-gap" }), teach.at, intake.at) : null,
    place(h("span", { class: "rw-tl-today" }), utc(today)),
    groups(ev, span).map((g, i) => place(h("span", {
      class: `rw-tl-dot${i % 2 ? " rw-tl-low" : ""}${early && g.includes(teach) ? " rw-warn" : ""}`,
      "data-event": g.map((e) => e.event).join(" "),
      text: g.length > 1 ? `${ev.indexOf(g[0]) + 1}–${ev.indexOf(g[g.length - 1]) + 1}` : String(ev.indexOf(g[0]) + 1),
    }), g[0].at)));
  const legend = h("ul", { class: "rw-tl-legend", "aria-hidden": "true" },
    h("li", { class: "rw-tl-key-today", text: t("today") }),
    intake && done ? h("li", { class: "rw-tl-key-train", text: t("tlTraining") }) : null,
    teach ? h("li", { class: "rw-tl-key-teach", text: t(teach.event === "start-work" ? "tlWork" : "tlTeaching") }) : null,
    early ? h("li", { class: "rw-tl-key-gap", text: t("tlGap") }) : null);
  const list = h("ol", { class: "rw-tl-list" }, ev.map((e, i) =>
    h("li", { "data-event": e.event, class: early && e === teach ? "rw-warn" : null },
      h("span", { class: "rw-tl-n", "aria-hidden": "true", text: String(i + 1) }),
      h("time", { datetime: e.date, text: words.date(e.date) }), " ", e.text.text,
      early && e === teach ? h("strong", { class: "rw-warn-text", text: ` ⚠ ${t("tlWarn")}` }) : null)));
  return h("figure", { class: `rw-timeline${early ? " rw-tl-misaligned" : ""}` },
    h("figcaption", { text: t("timeline") }), track, legend, list);
}
