//# allFunctionsCalledOnLoad
// form.js: the questions. Builds the form from the translation store (the vocabulary
// lists are the keys of its labels, in order), reads it into a Profile and fills it from
// one. Nothing here is ever sent anywhere.

import { h } from "./dom.js";
import { isDate, parseDate } from "./dates.js";
import { Combobox } from "./combobox.js";
import { loadPlaces, placesLoaded } from "./places.js";
import { fieldsLoaded, loadFields } from "./fields.js";

/** "Werktuigbouwkunde" / "toegepaste wiskunde" -> catalog field id. */
const fieldId = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").trim().toLowerCase().replace(/\s+/g, "-");
const fieldLabel = (id) => id.charAt(0).toUpperCase() + id.slice(1).replace(/-/g, " ");
/** mbo fields are the subjects whose id starts with "mbo-"; the rest are vo subjects. */
const isMbo = (subject) => subject.startsWith("mbo-");
const PC4 = /^(\d{4})(\s*[a-z]{2})?$/i;

export class Form {
  #w;
  #uid;
  #places;
  #rows = 0;
  #diplomas;
  // The national place table and the study-field vocabulary, loaded when a person first
  // focuses such a field; what the person picked from a list, per text field ({text, value}).
  #placeTable = placesLoaded();
  #fieldTable = fieldsLoaded();
  #picked = new WeakMap();
  #combos = new Set(); // {input, kind, combo, notice}
  #rest = []; // builds the rest of the form, a piece each (next)
  #dates = new Set(); // {input, notice, left}: the date questions; left: the person has left the field once

  /**
   * words: Words; uid: prefix of the ids in this shadow root; sectors: the sectors offered;
   * places: the catalog's (used until the national place table has loaded); onChange(),
   * onRemember(), onSubmit(): callbacks. (A `fields` option is accepted and not used: the
   * study fields come from data/fields.json.)
   */
  constructor({ words, uid, sectors, places, onChange, onRemember, onSubmit }) {
    this.#w = words;
    this.#uid = uid;
    this.#places = places;
    this.el = this.#build(sectors);
    this.el.addEventListener("input", onChange);
    this.el.addEventListener("change", (e) => {
      if (e.target.name === "remember") onRemember();
      onChange();
    });
    // A focused control is never hidden under the bar of the button (WCAG 2.4.11), when its
    // focus shows (:focus-visible: from the keyboard, and any text field). Not a checkbox,
    // radio or button focused by a click or a tap: it is where the person pointed, and
    // scrolling between the press and the release would make the click miss it.
    this.el.addEventListener("focusin", (e) => {
      const bar = this.el.querySelector(".rw-submit");
      if (!bar || bar.contains(e.target) || !e.target.matches(":focus-visible") || getComputedStyle(bar).position !== "sticky") return;
      const top = bar.getBoundingClientRect().top;
      const bottom = e.target.getBoundingClientRect().bottom;
      if (bottom > top - 8 && top < innerHeight) scrollBy(0, bottom - top + 16);
    });
    this.el.addEventListener("submit", (e) => {
      e.preventDefault();
      onSubmit();
    });
  }

  /** The Words the form was built with. */
  get words() {
    return this.#w;
  }

  /** The catalog's places, when it is in (the form may be built before it): a place given as a code is shown by its name. */
  set places(places) {
    this.#places = places;
    const input = this.el.elements.place;
    const picked = input && this.#picked.get(input);
    const loc = picked?.value?.gemeente;
    if (!loc || input.value.trim() !== picked.text || input.value.trim() !== loc) return;
    const name = places.find((x) => x.id === loc)?.name;
    if (name) {
      input.value = name;
      this.#picked.set(input, { text: name, value: picked.value });
    }
  }

  get remember() {
    return !!this.el.elements.remember?.checked; // (not there yet: not ticked)
  }
  set remember(on) {
    const box = this.el.elements.remember;
    if (box) box.checked = !!on;
  }

  // ---------------------------------------------------------------- building

  #id(s) {
    return `${this.#uid}-${s}`;
  }

  /** A labelled control with an optional hint. */
  #field(name, label, control, hint) {
    const id = this.#id(name);
    control.id = id;
    control.name ||= name;
    if (hint) control.setAttribute("aria-describedby", `${id}-hint`);
    return h("div", { class: "rw-field", "data-for": name }, h("label", { for: id, text: label }), control, hint ? h("p", { class: "rw-hint", id: `${id}-hint`, text: hint }) : null);
  }
  #select(options, first) {
    return h("select", {}, first != null ? h("option", { value: "", text: first }) : null, options.map(([v, l]) => h("option", { value: v, text: l })));
  }
  #number(min, max) {
    return h("input", { type: "number", min, max, step: 1, inputmode: "numeric" });
  }
  #check(name, value, label, type = "checkbox", checked = false) {
    const id = this.#id(`${name}-${value}`);
    return h("div", { class: "rw-check" }, h("input", { type, id, name, value, checked }), h("label", { for: id, text: label }));
  }
  #step(n, title, ...content) {
    return h("fieldset", { class: "rw-step" }, h("legend", {}, h("span", { class: "rw-step-n", "aria-hidden": "true", text: String(n) }), title), content);
  }
  /** [id, label] pairs of a kind, as options (capitalised). */
  #options(kind, ids = this.#w.ids(kind)) {
    return ids.map((id) => [id, this.#w.option(kind, id)]);
  }
  #levels() {
    return this.#w.ids("level").filter((l) => l !== "geen"); // no diploma is no entry in the list
  }

  #build(sectors) {
    const w = this.#w;
    const t = (k, p) => w.t(k, p);
    const form = h("form", { class: "rw-form", novalidate: true, "aria-label": t("title") });
    const subjects = w.ids("subject");

    this.#diplomas = h("div", { class: "rw-diplomas" });
    const add = h("button", { type: "button", class: "rw-btn rw-btn-2", text: t("addDiploma") });
    add.addEventListener("click", () => this.#addDiploma().querySelector("select").focus());

    const remember = h("div", { class: "rw-remember" }, this.#check("remember", "yes", t("remember")), h("p", { class: "rw-hint", text: t("rememberHint") }));
    // On a narrow screen, once something is answered, the button stays at the bottom of the
    // screen: the results (below the form) are one press away (routewijzer.css).
    const submit = h("div", { class: "rw-submit" }, h("button", { type: "submit", class: "rw-btn", text: t("show") }));

    const first = this.#step(1, t("s1"), h("p", { class: "rw-hint", text: t("s1hint") }), this.#diplomas);
    form.append(first);
    this.el = form;
    // The rest is built a piece at a time by next() (or all at once by finish()), so that
    // building the form is several short tasks, each laid out in its own frame: a slow
    // device's first frames are its slowest (each control, font and text laid out for the
    // first time), and a frame with half a step in it is half as long.
    const step2 = () => {
      const quals = w.ids("qualification").filter((q) => q !== "geen"); // "geen" is the "no" answer
      const q = this.#field("qual", t("qual"), this.#select(this.#options("qualification", quals), t("no")));
      const qs = this.#field("qual-subject", t("qualSubject"), this.#select(this.#options("subject"), "—"));
      return this.#step(2, t("s2"), q, qs);
    };
    const step3 = () => {
      const jobRadios = h("fieldset", { class: "rw-radios" }, h("legend", { text: t("job") }),
        this.#check("job", "none", t("no"), "radio", true), this.#check("job", "current", t("jobCurrent"), "radio"), this.#check("job", "offer", t("jobOffer"), "radio"));
      const jobDetails = () => h("div", { class: "rw-sub", "data-show": "job" },
        this.#field("job-sector", t("jobSector"), this.#select(this.#options("sector", sectors))),
        this.#field("job-role", t("jobRole"), this.#select(this.#options("role"))),
        this.#field("job-hours", t("jobHours"), this.#number(1, 60), t("jobHoursHint")),
        this.#dateField("job-start", t("jobStart")));
      const step = this.#step(3, t("s3"), jobRadios);
      return [step, () => step.append(jobDetails())];
    };
    const step4 = () => {
      const sectorBoxes = h("fieldset", { class: "rw-checks" }, h("legend", { text: t("sectors") }), sectors.map((s) => this.#check("sector", s, w.option("sector", s))));
      const subjGroup = (sector, list, legend) =>
        h("fieldset", { class: "rw-checks rw-grid", "data-sector": sector }, h("legend", { text: legend }), list.map((s) => this.#check("subject", s, w.option("subject", s))));
      // (The subject grids, hidden until their sector is chosen, each a piece of its own: most of the step's elements.)
      const subjectGroups = h("div", { class: "rw-subjects" });
      const groups = [
        sectors.includes("vo") ? () => subjectGroups.append(subjGroup("vo", subjects.filter((s) => !isMbo(s)), t("subjectsVo"))) : null,
        sectors.includes("mbo") ? () => subjectGroups.append(subjGroup("mbo", subjects.filter(isMbo), t("subjectsMbo"))) : null,
      ].filter(Boolean);
      const earn = () => h("fieldset", { class: "rw-radios" }, h("legend", { text: t("earn") }),
        w.ids("earn_while_learning").map((e) => this.#check("earn", e, w.option("earn_while_learning", e), "radio", e === "no-preference")));
      const step = this.#step(4, t("s4"), sectorBoxes, subjectGroups);
      return [step, ...groups, () => step.append(this.#field("hours", t("hours"), this.#number(1, 80)), this.#dateField("from", t("from")), earn())];
    };
    const step5 = () => this.#step(5, t("s5"), this.#combo("place", "place", t("place"), t("placeHint")), this.#field("travel", t("travel"), this.#number(1, 300)));
    const step6 = () => {
      const more = () => h("details", { class: "rw-more" }, h("summary", { text: t("more") }),
        h("fieldset", { class: "rw-checks" }, h("legend", { text: t("paboTests") }), w.ids("pabo_test").map((x) => this.#check("pabo", x, w.option("pabo_test", x)))),
        this.#check("gob", "yes", t("gob")),
        this.#check("hbo-assessed", "yes", t("hboAssessed")),
        this.#field("study", t("study"), this.#select(this.#levels().filter((l) => /hbo|wo|mbo/.test(l)).map((l) => [l, w.label("level", l)]), t("no"))),
        h("div", { class: "rw-sub", "data-show": "study" },
          this.#combo("study-field", "field", t("studyField")),
          this.#field("study-ec", t("studyEc"), this.#number(0, 600)),
          this.#check("study-lo", "yes", t("studyLo"))),
        this.#dateField("left", t("left")));
      const step = this.#step(6, t("s6"), this.#field("dutch", t("dutch"), this.#select(this.#options("dutch"), t("notSaid"))), this.#field("age", t("age"), this.#number(12, 99)));
      return [step, () => step.append(more())];
    };
    // Each piece is a task of its own, shown in a frame of its own: the first step's buttons
    // and the remember box, then each step, the larger ones in parts (a step's first part,
    // then what each function it returns adds to it).
    this.#rest = [() => (first.append(add), form.append(remember, submit)), ...[step2, step3, step4, step5, step6].map((build) => () => {
      const [step, ...more] = [build()].flat();
      remember.before(step);
      this.#rest.unshift(...more);
    })];
    this.#addDiploma();
    return form;
  }

  /** Builds the next piece of the form; false once all of it is there (read and fill need it all). */
  next() {
    const build = this.#rest.shift();
    if (!build) return false;
    build();
    this.update(); // the new step's dependent questions hidden or shown before its first frame
    return true;
  }

  /** Builds what is not built yet. */
  finish() {
    while (this.next());
  }

  /** Whether all of the form is built. */
  get complete() {
    return !this.#rest.length;
  }

  /**
   * A text field with suggestions (combobox.js): kind "place" (postcode or gemeente, from the
   * national place table) or "field" (study field, from the vocabulary). Beside it a notice
   * for text that matches nothing or was read as something else.
   */
  #combo(name, kind, label, hint) {
    const input = h("input", { type: "text" });
    const field = this.#field(name, label, input, hint);
    const id = this.#id(name);
    const notice = h("p", { class: "rw-notice", id: `${id}-notice`, hidden: true });
    input.setAttribute("aria-describedby", [hint ? `${id}-hint` : "", `${id}-notice`].join(" ").trim());
    const next = input.nextSibling;
    const combo = new Combobox({
      input,
      id,
      words: this.#w,
      suggest: (text) => (kind === "place" ? this.#placeTable?.search(text) : this.#fieldTable?.search(text, this.#w.lang)) || [],
      onPick: (o) => this.#picked.set(input, { text: o.text, value: kind === "place" ? o.location : o.field, related: o.related }),
      onFocus: () => this.#load(kind),
    });
    field.insertBefore(combo.el, next);
    field.append(notice);
    this.#combos.add({ input, kind, combo, notice });
    return field;
  }

  /**
   * A date question: a text field read as day-month-year (parseDate in dates.js). Not the
   * browser's date field: that shows the browser's own format (mm/dd/yyyy in an American
   * browser, on a Dutch page), and setting up the first one on a page costs Chromium its
   * locale's date formats and a calendar icon (a long task on a slow phone). When the person
   * leaves the field, a date it read is written out in words ("1 september 2027"), so they see
   * how it was read; text it cannot read gets a notice beside it and is left out.
   */
  #dateField(name, label) {
    const input = h("input", { type: "text", class: "rw-date", autocomplete: "off", spellcheck: "false" });
    const field = this.#field(name, label, input, this.#w.t("dateHint"));
    const id = this.#id(name);
    const notice = h("p", { class: "rw-notice", id: `${id}-notice`, hidden: true });
    input.setAttribute("aria-describedby", `${id}-hint ${id}-notice`);
    const entry = { input, notice, left: false };
    input.addEventListener("change", () => {
      const d = parseDate(input.value);
      if (d) input.value = this.#w.date(d);
      entry.left = true;
      this.update();
    });
    field.append(notice);
    this.#dates.add(entry);
    return field;
  }

  /** Loads the place table or the vocabulary (once per page); then suggestions, notices and the answers are brought up to date. */
  #load(kind) {
    const table = kind === "place" ? this.#placeTable : this.#fieldTable;
    if (table) return;
    (kind === "place" ? loadPlaces() : loadFields()).then(
      (t) => {
        if (kind === "place") this.#placeTable = t;
        else this.#fieldTable = t;
        let typed = false;
        for (const c of this.#combos) {
          if (c.kind !== kind) continue;
          if (c.input.value.trim()) typed = true;
          if (c.input.getRootNode().activeElement === c.input) c.combo.refresh(true);
        }
        this.update();
        if (typed) this.el.dispatchEvent(new Event("input")); // what was typed may now mean a place or field
      },
      () => {}, // offline: the field keeps working as plain text; the next focus tries again
    );
  }

  /** The picked value of a text field, when its text is still the picked one. */
  #pickedValue(input) {
    const p = this.#picked.get(input);
    return p && p.text === input.value.trim() ? p : null;
  }

  /** The typed place as a profile location: picked, else resolved by the national table, else (table not loaded) a postcode or a name the catalog knows. */
  #location(input) {
    const text = input.value.trim();
    if (!text) return undefined;
    const picked = this.#pickedValue(input);
    if (picked) return structuredClone(picked.value);
    if (this.#placeTable) return this.#placeTable.resolve(text).place?.location;
    const pc = PC4.exec(text);
    if (pc) return { postcode: pc[1] };
    const hit = this.#places.find((x) => x.name.toLowerCase() === text.toLowerCase());
    return hit ? (/^\d{4}$/.test(hit.id) ? { postcode: hit.id } : { gemeente: hit.id }) : undefined;
  }

  /** The typed study field as a field id: picked, else resolved by the vocabulary, else the text as typed (as an id). */
  #fieldOf(input) {
    const text = input.value.trim();
    if (!text) return undefined;
    const picked = this.#pickedValue(input);
    if (picked) return picked.value;
    return this.#fieldTable?.resolve(text, this.#w.lang).field?.field ?? fieldId(text).slice(0, 100);
  }

  /** The notice beside a place or study-field question, or "". */
  #noticeText(c) {
    const text = c.input.value.trim();
    const w = this.#w;
    const or = (list) => {
      const names = list.map((o) => o.text);
      return names.length > 1 ? `${names.slice(0, -1).join(", ")}${w.t("or")}${names.at(-1)}` : names.join("");
    };
    if (!text) return "";
    if (c.kind === "place") {
      if (this.#pickedValue(c.input) || !this.#placeTable) return "";
      const r = this.#placeTable.resolve(text);
      if (r.place) return r.exact ? "" : w.t("placeUsing", { p: r.place.text });
      return r.suggestions.length ? w.t("placeNotFound", { p: or(r.suggestions) }) : w.t("placeNotFoundNone");
    }
    const picked = this.#pickedValue(c.input);
    if (picked) {
      const related = picked.related ?? this.#fieldTable?.fields.get(picked.value)?.related ?? true;
      return related ? "" : w.t("fieldUnrelated", { p: text });
    }
    if (!this.#fieldTable) return "";
    const r = this.#fieldTable.resolve(text, w.lang);
    if (r.field) {
      if (!r.field.related) return w.t("fieldUnrelated", { p: r.field.text });
      return r.exact ? "" : w.t("fieldUsing", { p: r.field.text });
    }
    return r.suggestions.length ? w.t("fieldNotFound", { p: or(r.suggestions) }) : w.t("fieldNotFoundNone");
  }

  #addDiploma() {
    const k = ++this.#rows;
    const name = (s) => `d${k}-${s}`;
    const w = this.#w;
    const remove = h("button", { type: "button", class: "rw-btn rw-btn-link rw-remove" });
    const row = h("fieldset", { class: "rw-diploma" }, h("legend", {}),
      this.#field(name("level"), w.t("level"), this.#select(this.#levels().map((l) => [l, w.label("level", l)]), w.t("choose"))),
      this.#combo(name("field"), "field", w.t("field"), w.t("fieldHint")),
      this.#check(name("foreign"), "yes", w.t("foreign")),
      h("div", { class: "rw-sub", "data-show": "foreign" }, this.#check(name("recognised"), "yes", w.t("recognised"))),
      remove);
    row.dataset.k = k;
    remove.addEventListener("click", () => {
      const prev = row.previousElementSibling || row.nextElementSibling;
      row.remove();
      for (const c of this.#combos) if (!this.el.contains(c.input)) this.#combos.delete(c);
      this.update();
      (prev?.querySelector("select") || this.el.querySelector(".rw-step .rw-btn")).focus();
      this.el.dispatchEvent(new Event("input")); // an answer changed
    });
    this.#diplomas.append(row);
    this.update();
    return row;
  }

  /** Shows and hides dependent questions, numbers the diploma rows. Runs on the steps built
   * so far as well (next()): a step is laid out with its questions as they will stay, not
   * laid out whole and then partly hidden once the form is complete (work and a jump). */
  update() {
    const f = this.el;
    if (!this.#diplomas) return;
    const rows = [...this.#diplomas.children];
    // (Texts set only when they change: every answer change runs this, and a text set anew
    // is laid out anew in the frame that shows the result.)
    const text = (el, s) => {
      if (el.textContent !== s) el.textContent = s;
    };
    rows.forEach((row, i) => {
      const n = i + 1;
      text(row.querySelector("legend"), this.#w.t("diploma", { n }));
      const rm = row.querySelector(".rw-remove");
      text(rm, this.#w.t("removeDiploma", { n }));
      rm.hidden = rows.length === 1;
      row.querySelector('[data-show="foreign"]').hidden = !row.querySelector(`[name="d${row.dataset.k}-foreign"]`).checked;
    });
    // (A question of a step not built yet is not there: `show` passes it by.)
    const show = (selector, shown) => {
      const el = f.querySelector(selector);
      if (el) el.hidden = !shown;
    };
    const job = f.elements.job?.value;
    show('[data-show="job"]', job !== "none");
    show('[data-for="job-start"]', job === "offer");
    show('[data-for="qual-subject"]', /graads/.test(f.elements.qual?.value ?? ""));
    show('[data-show="study"]', !!f.elements.study?.value);
    const chosen = this.#checked("sector");
    let anySubjects = false;
    for (const g of f.querySelectorAll(".rw-subjects [data-sector]")) {
      g.hidden = !chosen.includes(g.dataset.sector);
      anySubjects ||= !g.hidden;
    }
    show(".rw-subjects", anySubjects);
    if (this.complete) f.classList.toggle("rw-answered", Object.keys(this.read()).length > 0); // (read needs every step)
    for (const c of this.#combos) {
      const s = this.#noticeText(c);
      if (c.notice.textContent !== s) c.notice.textContent = s;
      c.notice.hidden = !s;
    }
    // A date that cannot be read is pointed out once the person has left its field (not
    // while they type it), and no longer as soon as it can be.
    for (const d of this.#dates) {
      const text = d.input.value.trim();
      const bad = !!text && !parseDate(text);
      if (!bad) d.left = false;
      const s = bad && d.left ? this.#w.t("dateNotRead") : "";
      if (d.notice.textContent !== s) d.notice.textContent = s;
      d.notice.hidden = !s;
      s ? d.input.setAttribute("aria-invalid", "true") : d.input.removeAttribute("aria-invalid");
    }
  }

  #checked(name) {
    // A box in a question the form hides does not count; the widget's own root, hidden until
    // its stylesheet has loaded, is not the form's business.
    const shown = (i) => {
      for (let e = i; e && e !== this.el; e = e.parentElement) if (e.hidden) return false;
      return true;
    };
    return [...this.el.querySelectorAll(`input[name="${name}"]:checked`)].filter(shown).map((i) => i.value);
  }

  // ---------------------------------------------------------------- reading and filling

  /** The answers as a Profile (see README "The profile"). Out-of-range numbers are left out. */
  read() {
    const el = this.el.elements;
    const val = (n) => (el[n]?.value || "").trim();
    const int = (n) => {
      const i = el[n];
      if (!i || i.value === "" || !i.checkValidity()) return undefined;
      const x = Math.round(Number(i.value));
      return Number.isFinite(x) ? x : undefined;
    };
    const on = (n) => !!el[n]?.checked;
    const date = (n) => parseDate(val(n)) ?? undefined;
    const p = {};
    const diplomas = [...this.#diplomas.children].flatMap((row) => {
      const k = row.dataset.k;
      const level = val(`d${k}-level`);
      if (!level) return [];
      const d = { level };
      if (val(`d${k}-field`)) d.field = this.#fieldOf(el[`d${k}-field`]);
      if (on(`d${k}-foreign`)) {
        d.foreign = true;
        d.recognised = on(`d${k}-recognised`);
      }
      return [d];
    });
    if (diplomas.length) p.diplomas = diplomas;
    if (val("qual")) {
      const q = { qualification: val("qual") };
      if (/graads/.test(q.qualification) && val("qual-subject")) q.subject = val("qual-subject");
      p.qualifications = [q];
    }
    const job = el.job.value;
    const jobHours = int("job-hours");
    if (job !== "none" && jobHours) {
      p.job = { sector: val("job-sector"), role: val("job-role"), hours_per_week: jobHours };
      if (job === "offer") {
        p.job.offer = true;
        if (date("job-start")) p.job.start_date = date("job-start");
      }
    }
    const sectors = this.#checked("sector");
    if (sectors.length) p.sectors = sectors;
    const subjects = this.#checked("subject");
    if (subjects.length) p.subjects = subjects;
    if (int("hours")) p.hours_per_week = int("hours");
    if (date("from")) p.available_from = date("from");
    if (el.earn.value !== "no-preference") p.earn_while_learning = el.earn.value;
    // A place that is not (yet) known is left out: results without distances, and a notice beside the field.
    const location = this.#location(el.place);
    if (location) p.location = location;
    if (int("travel")) p.max_travel_km = int("travel");
    if (val("dutch")) p.dutch = val("dutch");
    if (int("age") != null) p.age = int("age");
    const pabo = this.#checked("pabo");
    if (pabo.length) p.pabo_tests_passed = pabo;
    if (on("gob")) p.geschiktheidsonderzoek_passed = true;
    if (on("hbo-assessed")) p.hbo_level_assessed = true;
    if (val("study")) {
      p.study = { level: val("study"), ec: int("study-ec") || 0 };
      if (val("study-field")) p.study.field = this.#fieldOf(el["study-field"]);
      if (on("study-lo")) p.study.lerarenopleiding = true;
    }
    if (date("left")) p.lerarenopleiding_left = date("left");
    return p;
  }

  /** Replaces the answers with a profile (`{}` clears them); "remember" keeps its state. */
  fill(p) {
    const remember = this.remember;
    this.el.reset();
    this.remember = remember;
    for (const row of [...this.#diplomas.children].slice(1)) row.remove();
    const el = this.el.elements;
    const set = (n, v) => el[n] && v != null && (el[n].value = String(v));
    // A date in words, as the person would see it after typing it; anything else as it is
    // (a notice then says it is no date).
    const setDate = (n, v) => {
      if (!el[n] || v == null) return;
      el[n].value = isDate(String(v)) ? this.#w.date(String(v)) : String(v);
      for (const d of this.#dates) if (d.input === el[n]) d.left = true;
    };
    const tick = (n, values) => {
      if (!Array.isArray(values)) return;
      for (const v of values) {
        const i = [...this.el.querySelectorAll(`input[name="${n}"]`)].find((x) => x.value === String(v));
        if (i) i.checked = true;
      }
    };
    const diplomas = Array.isArray(p?.diplomas) ? p.diplomas : [];
    diplomas.forEach((d, i) => {
      const row = this.#diplomas.children[i] || this.#addDiploma();
      const k = row.dataset.k;
      set(`d${k}-level`, d?.level);
      if (typeof d?.field === "string") this.#putField(el[`d${k}-field`], d.field);
      el[`d${k}-foreign`].checked = !!d?.foreign;
      el[`d${k}-recognised`].checked = !!d?.recognised;
    });
    const q = p?.qualifications?.[0];
    if (q) {
      set("qual", q.qualification);
      set("qual-subject", q.subject);
    }
    if (p?.job) {
      tick("job", [p.job.offer ? "offer" : "current"]);
      set("job-sector", p.job.sector);
      set("job-role", p.job.role);
      set("job-hours", p.job.hours_per_week);
      setDate("job-start", p.job.start_date);
    }
    tick("sector", p?.sectors);
    tick("subject", p?.subjects);
    set("hours", p?.hours_per_week);
    setDate("from", p?.available_from);
    if (p?.earn_while_learning) tick("earn", [p.earn_while_learning]);
    const loc = p?.location?.postcode || p?.location?.gemeente;
    if (typeof loc === "string") {
      const text = p.location.postcode || this.#placeTable?.gemeenteName(loc) || this.#places.find((x) => x.id === loc)?.name || loc;
      set("place", text);
      this.#picked.set(el.place, { text: String(text).trim(), value: structuredClone(p.location) });
    }
    set("travel", p?.max_travel_km);
    set("dutch", p?.dutch);
    set("age", p?.age);
    tick("pabo", p?.pabo_tests_passed);
    el.gob.checked = !!p?.geschiktheidsonderzoek_passed;
    el["hbo-assessed"].checked = !!p?.hbo_level_assessed;
    if (p?.study) {
      set("study", p.study.level);
      set("study-ec", p.study.ec);
      if (typeof p.study.field === "string") this.#putField(el["study-field"], p.study.field);
      el["study-lo"].checked = !!p.study.lerarenopleiding;
    }
    setDate("left", p?.lerarenopleiding_left);
    this.update();
  }

  /**
   * What of a profile this form cannot hold, as [{path, message}] (paths as the core's
   * errors write them: `diplomas[0].level`): an answer the form does not ask for, an id
   * that is not one of its options, a number outside its field's range, a date that is
   * not YYYY-MM-DD, a detail of a question left unanswered (a job's hours, a foreign
   * diploma's recognition without `foreign`), a place or a study field the form would
   * show as something else. Without problems, `fill(p)` then `read()` gives the same
   * answers back: lists as sets (in the form's order, once each; an empty list left out),
   * and defaults left out (`earn_while_learning: "no-preference"`, `study.ec: 0`, false
   * flags, null). The location is checked as the core checks it (validate.rs `profile`),
   * so that the setter refuses what a match would. The messages name no value: they may
   * end up in an error event.
   */
  check(p) {
    const out = [];
    const bad = (path, message) => out.push({ path, message });
    const el = this.el.elements;
    const options = (n) => [...(el[n]?.options ?? [])].map((o) => o.value).filter(Boolean);
    const boxes = (n) => [...this.el.querySelectorAll(`input[name="${n}"]`)].map((i) => i.value);
    const object = (path, v, keys) => {
      if (v === null || typeof v !== "object" || Array.isArray(v)) return bad(path || "profile", "must be an object"), false;
      for (const [k, x] of Object.entries(v)) if (!keys.includes(k) && x != null) bad(path ? `${path}.${k}` : k, "not asked by the widget's form (it would not be matched)");
      return true;
    };
    const given = (v) => v !== undefined && v !== null;
    const one = (path, v, list, needed) => {
      if (!given(v)) return needed && bad(path, `needed: ${needed}`);
      if (!list.includes(v)) bad(path, "not one of the form's options");
    };
    const whole = (path, v, n) => {
      const i = el[n];
      if (given(v) && !(Number.isInteger(v) && v >= +i.min && v <= +i.max)) bad(path, `not a whole number from ${i.min} to ${i.max}`);
    };
    // (a date the form can show and read back: a real day, 1900-2100)
    const date = (path, v) => given(v) && !(typeof v === "string" && isDate(v) && parseDate(v) === v) && bad(path, "not a date YYYY-MM-DD (a real day, 1900 to 2100)");
    const flag = (path, v) => given(v) && typeof v !== "boolean" && bad(path, "must be true or false");
    // A study field: an id the form shows by a text that reads back as that id (a padded
    // or empty id would be read as another).
    const field = (path, v) => {
      if (!given(v)) return;
      const shown = typeof v === "string" && v.trim() ? this.#fieldText(v) : "";
      if (!shown || shown !== shown.trim()) bad(path, "not a study-field id such as scheikunde or sociale-geografie");
    };
    const list = (path, v, check) => {
      if (!given(v)) return;
      if (!Array.isArray(v)) return bad(path, "must be a list");
      v.forEach((x, i) => check(`${path}[${i}]`, x));
    };

    if (!object("", p, ["diplomas", "qualifications", "job", "study", "lerarenopleiding_left", "sectors", "subjects", "hours_per_week", "available_from", "earn_while_learning", "location", "max_travel_km", "dutch", "age", "pabo_tests_passed", "geschiktheidsonderzoek_passed", "hbo_level_assessed"])) return out;
    const levels = options(`d${this.#diplomas.firstElementChild?.dataset.k}-level`);
    list("diplomas", p.diplomas, (path, d) => {
      if (!object(path, d, ["level", "field", "foreign", "recognised"])) return;
      one(`${path}.level`, d.level, levels, "the form has no diploma without it");
      field(`${path}.field`, d.field);
      flag(`${path}.foreign`, d.foreign);
      flag(`${path}.recognised`, d.recognised);
      if (d.recognised === true && d.foreign !== true) bad(`${path}.recognised`, "the form asks it only of a foreign diploma (foreign: true)");
    });
    list("qualifications", p.qualifications, (path, q) => {
      if (path !== "qualifications[0]") return bad(path, "the form holds one qualification");
      if (!object(path, q, ["qualification", "subject"])) return;
      one(`${path}.qualification`, q.qualification, options("qual"), "the form has no qualification without it");
      one(`${path}.subject`, q.subject, options("qual-subject"));
      if (given(q.subject) && !/graads/.test(q.qualification)) bad(`${path}.subject`, "the form asks it only of a graads qualification");
    });
    if (given(p.job) && object("job", p.job, ["sector", "role", "hours_per_week", "start_date", "offer"])) {
      one("job.sector", p.job.sector, options("job-sector"), "the form has no job without it");
      one("job.role", p.job.role, options("job-role"), "the form has no job without it");
      if (!given(p.job.hours_per_week)) bad("job.hours_per_week", "needed: the form has no job without it");
      whole("job.hours_per_week", p.job.hours_per_week, "job-hours");
      flag("job.offer", p.job.offer);
      date("job.start_date", p.job.start_date);
      if (given(p.job.start_date) && p.job.offer !== true) bad("job.start_date", "the form asks it only of a job offer (offer: true)");
    }
    const sectors = boxes("sector");
    list("sectors", p.sectors, (path, s) => one(path, s, sectors));
    const chosen = Array.isArray(p.sectors) ? p.sectors : [];
    list("subjects", p.subjects, (path, s) => {
      const box = [...this.el.querySelectorAll('input[name="subject"]')].find((i) => i.value === s);
      if (!box) return bad(path, "not one of the form's options");
      const sector = box.closest("[data-sector]")?.dataset.sector;
      if (sector && !chosen.includes(sector)) bad(path, `the form asks it only with ${sector} among the sectors`);
    });
    whole("hours_per_week", p.hours_per_week, "hours");
    date("available_from", p.available_from);
    one("earn_while_learning", p.earn_while_learning, boxes("earn"));
    // (A place picked from the national table comes with its coordinates: the form holds
    // them along with the postcode or gemeente it shows.)
    if (given(p.location) && object("location", p.location, ["postcode", "gemeente", "lat", "lon"])) {
      const { postcode, gemeente, lat, lon } = p.location;
      if (given(postcode) && !(typeof postcode === "string" && /^[1-9]\d{3}$/.test(postcode))) bad("location.postcode", "not a 4-digit Dutch postcode such as 3511");
      if (given(gemeente) && !(typeof gemeente === "string" && /^GM\d{4}$/.test(gemeente))) bad("location.gemeente", "not a CBS gemeente code such as GM0344");
      if (given(postcode) === given(gemeente)) bad("location", "give a postcode or a gemeente (one of them)");
      if (given(lat) !== given(lon)) bad("location", "give both lat and lon, or neither");
      if (given(lat) && !(Number.isFinite(lat) && lat >= 50.7 && lat <= 53.6)) bad("location.lat", "not a latitude in the Netherlands (50.7 to 53.6)");
      if (given(lon) && !(Number.isFinite(lon) && lon >= 3.3 && lon <= 7.3)) bad("location.lon", "not a longitude in the Netherlands (3.3 to 7.3)");
    }
    whole("max_travel_km", p.max_travel_km, "travel");
    one("dutch", p.dutch, options("dutch"));
    whole("age", p.age, "age");
    const tests = boxes("pabo");
    list("pabo_tests_passed", p.pabo_tests_passed, (path, x) => one(path, x, tests));
    flag("geschiktheidsonderzoek_passed", p.geschiktheidsonderzoek_passed);
    flag("hbo_level_assessed", p.hbo_level_assessed);
    if (given(p.study) && object("study", p.study, ["level", "field", "ec", "lerarenopleiding"])) {
      one("study.level", p.study.level, options("study"), "the form has no study without it");
      field("study.field", p.study.field);
      whole("study.ec", p.study.ec, "study-ec");
      flag("study.lerarenopleiding", p.study.lerarenopleiding);
    }
    date("lerarenopleiding_left", p.lerarenopleiding_left);
    return out;
  }

  /** The text a study-field question shows for a field id: its name in the vocabulary, or the id made readable. */
  #fieldText(id) {
    return this.#fieldTable?.name(id, this.#w.lang) || fieldLabel(id);
  }

  /** Puts a field id in a study-field question: its name in the vocabulary (or the id made readable), kept as picked. */
  #putField(input, id) {
    const text = this.#fieldText(id);
    input.value = text;
    this.#picked.set(input, { text, value: id });
  }
}
