// Routewijzer: the <route-wijzer> custom element. Plain ES module, no framework, no bundler.
//
//   <script type="module" src="/routewijzer/routewijzer.js"></script>
//   <route-wijzer catalog="/routewijzer/data/regions/AM13.json" region="AM13"
//                 sectors="po vo mbo" lang="nl" theme="light"></route-wijzer>
//
// The wasm core (pkg/) and each catalog load lazily, once per page, however many widgets
// there are. Everything is computed in the browser: the only requests are GETs of this
// script, its stylesheet, the wasm and the catalog. Catalog text is only ever set with
// textContent; links are made for http(s) and mailto URLs only. Works under
// `Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`.

const here = (path) => new URL(path, import.meta.url);

// ------------------------------------------------------------------ shared loading

/** One loading job per key per page: {promise, loaded, total, subs}. A failed job is forgotten, so a retry refetches. */
const jobs = new Map();
function job(key, start) {
  let j = jobs.get(key);
  if (!j) {
    j = { loaded: 0, total: 0, subs: new Set() };
    j.promise = start(j).catch((e) => {
      jobs.delete(key);
      throw e;
    });
    jobs.set(key, j);
  }
  return j;
}
const tick = (j) => j.subs.forEach((f) => f());

/** fetch() that counts bytes as they arrive; resolves to a fresh Response with the same body. */
async function fetchCounted(url, j) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText} (${url})`);
  j.total = Number(res.headers.get("content-length")) || 0;
  if (!res.body) return res;
  const reader = res.body.getReader();
  const body = new ReadableStream({
    async pull(c) {
      const { done, value } = await reader.read();
      if (done) return c.close();
      j.loaded += value.length;
      tick(j);
      c.enqueue(value);
    },
  });
  return new Response(body, { headers: { "Content-Type": res.headers.get("content-type") || "" } });
}

function loadWasm() {
  const wasm = here("pkg/routewijzer_bg.wasm").href;
  return job(wasm, async (j) => {
    const mod = await import(here("pkg/routewijzer.js").href);
    await mod.default({ module_or_path: fetchCounted(wasm, j) });
    return mod;
  });
}

/** Catalog URL -> {matcher, info, places, fields}, built once and shared by every widget using it. */
function loadCatalog(url) {
  return job(url, async (j) => {
    const [text, mod] = await Promise.all([fetchCounted(url, j).then((r) => r.text()), loadWasm().promise]);
    const matcher = new mod.Matcher(text);
    const info = matcher.info();
    return { matcher, info, places: matcher.places(), fields: info.fields || [], offerings: info.offerings || 0 };
  });
}

// ------------------------------------------------------------------ words

const LEVELS = ["vmbo", "mbo-2", "mbo-3", "mbo-4", "havo", "vwo", "hbo-ad", "hbo-propedeuse", "hbo-bachelor", "wo-bachelor", "hbo-master", "wo-master", "phd"];
const SUBJECTS_VO = ["nederlands", "engels", "duits", "frans", "fries", "klassieke-talen", "wiskunde", "natuurkunde", "scheikunde", "biologie", "nask", "informatica", "techniek", "economie", "geschiedenis", "aardrijkskunde", "maatschappijleer", "levensbeschouwing", "lichamelijke-opvoeding", "kunst", "zorg-en-welzijn", "beroepsgericht-vmbo"];
const SUBJECTS_MBO = ["mbo-techniek", "mbo-zorg-welzijn", "mbo-economie", "mbo-ict", "mbo-generiek"];
const QUALS = ["po", "tweedegraads", "beperkt-tweedegraads", "eerstegraads", "pdg"];
const ROLES = ["leraar-onbevoegd", "leraar", "onderwijsassistent", "leraarondersteuner", "instructeur", "overig"];
const DUTCH = ["moedertaal", "c2", "c1", "b2", "b1", "a2"];
const PABO_TESTS = ["aardrijkskunde", "geschiedenis", "natuur-en-techniek"];

// Vocabulary labels: [nl, en]. Ids without a label are shown as they are.
const V = {
  "vmbo": ["vmbo", "vmbo (pre-vocational)"], "mbo-2": ["mbo niveau 2", "mbo level 2"], "mbo-3": ["mbo niveau 3", "mbo level 3"],
  "mbo-4": ["mbo niveau 4", "mbo level 4"], "havo": ["havo", "havo (senior general secondary)"], "vwo": ["vwo", "vwo (pre-university)"],
  "hbo-ad": ["associate degree (hbo)", "associate degree (hbo)"], "hbo-propedeuse": ["hbo-propedeuse", "hbo first-year certificate"],
  "hbo-bachelor": ["hbo-bachelor", "hbo bachelor (applied sciences)"], "wo-bachelor": ["wo-bachelor (universiteit)", "wo bachelor (university)"],
  "hbo-master": ["hbo-master", "hbo master"], "wo-master": ["wo-master (universiteit)", "wo master (university)"], "phd": ["promotie (PhD)", "PhD"],
  "s:po": ["Basisonderwijs (po)", "Primary school (po)"], "s:vo": ["Voortgezet onderwijs (vo)", "Secondary school (vo)"], "s:mbo": ["Mbo", "Vocational (mbo)"],
  "nederlands": ["Nederlands", "Dutch"], "engels": ["Engels", "English"], "duits": ["Duits", "German"], "frans": ["Frans", "French"], "fries": ["Fries", "Frisian"],
  "klassieke-talen": ["Klassieke talen", "Classics"], "wiskunde": ["Wiskunde", "Mathematics"], "natuurkunde": ["Natuurkunde", "Physics"],
  "scheikunde": ["Scheikunde", "Chemistry"], "biologie": ["Biologie", "Biology"], "nask": ["NaSk", "Physics & chemistry (NaSk)"],
  "informatica": ["Informatica", "Computer science"], "techniek": ["Techniek", "Technology"], "economie": ["Economie", "Economics"],
  "geschiedenis": ["Geschiedenis", "History"], "aardrijkskunde": ["Aardrijkskunde", "Geography"], "maatschappijleer": ["Maatschappijleer", "Social studies"],
  "levensbeschouwing": ["Levensbeschouwing", "Religious studies"], "lichamelijke-opvoeding": ["Lichamelijke opvoeding", "Physical education"],
  "kunst": ["Kunst", "Arts"], "zorg-en-welzijn": ["Zorg en welzijn", "Care & welfare"], "beroepsgericht-vmbo": ["Beroepsgerichte vakken vmbo", "Vocational vmbo subjects"],
  "mbo-techniek": ["Techniek", "Engineering"], "mbo-zorg-welzijn": ["Zorg en welzijn", "Care & welfare"], "mbo-economie": ["Economie", "Business"],
  "mbo-ict": ["ICT", "ICT"], "mbo-generiek": ["Generieke vakken", "General subjects"], "natuur-en-techniek": ["Natuur en techniek", "Science & technology"],
  "q:po": ["Bevoegdheid basisonderwijs (pabo)", "Primary school (pabo)"], "q:tweedegraads": ["Tweedegraads", "Second degree"],
  "q:beperkt-tweedegraads": ["Beperkt tweedegraads", "Restricted second degree"], "q:eerstegraads": ["Eerstegraads", "First degree"], "q:pdg": ["PDG (mbo)", "PDG (mbo)"],
  "q:geen": ["Geen bevoegdheid", "No qualification"],
  "leraar": ["Leraar", "Teacher"], "leraar-onbevoegd": ["Leraar in opleiding / onbevoegd", "Teacher in training / unqualified"],
  "onderwijsassistent": ["Onderwijsassistent", "Teaching assistant"], "leraarondersteuner": ["Leraarondersteuner", "Teacher's aide"],
  "instructeur": ["Instructeur", "Instructor"], "overig": ["Andere functie", "Other role"],
  "moedertaal": ["Moedertaal", "Native speaker"], "c2": ["C2 (bijna moedertaal)", "C2 (near native)"], "c1": ["C1 (vloeiend)", "C1 (fluent)"],
  "b2": ["B2 (NT2 programma II)", "B2 (NT2 programme II)"], "b1": ["B1", "B1"], "a2": ["A2", "A2"],
  "voltijd": ["voltijd", "full-time"], "deeltijd": ["deeltijd", "part-time"], "duaal": ["duaal", "dual (work and study)"], "werkend-leren": ["werkend leren", "learn on the job"],
  "collegegeld": ["wettelijk collegegeld", "statutory tuition fee"], "instellingscollegegeld": ["instellingscollegegeld", "institutional tuition fee"],
  "cursusgeld": ["cursusgeld", "course fee"], "werkgever": ["betaald door de school", "paid by the school"], "geen": ["geen kosten", "no cost"],
  "structureel": ["vaste baan", "permanent post"], "vervanging": ["vervanging", "replacement"],
  "eligible": ["Kan direct", "Open to you"], "conditional": ["Onder voorwaarden", "With conditions"], "ineligible": ["Nu niet mogelijk", "Not open now"],
  "unconfirmed": ["onbevestigd", "unconfirmed"], "conflict": ["bronnen spreken elkaar tegen", "sources disagree"], "dated": ["mogelijk verouderd", "possibly dated"],
  "f:sector": ["Sector", "Sector"], "f:subject": ["Vak", "Subject"], "f:qualification": ["Bevoegdheid", "Qualification"], "f:hours": ["Uren", "Hours"],
  "f:earn_while_learning": ["Verdienen", "Earning"], "f:cost": ["Kosten", "Cost"], "f:duration": ["Duur", "Duration"],
  "f:time_to_start": ["Start", "Start"], "f:travel": ["Reisafstand", "Travel"], "f:shortage": ["Tekort", "Shortage"],
};

// Interface text: [nl, en]. {x} is replaced by a parameter.
const T = {
  title: ["Welke route naar de klas past bij jou?", "Which route into teaching suits you?"],
  intro: ["Beantwoord de vragen. Je ziet meteen welke routes naar een lesbevoegdheid voor jou openstaan, wat ze kosten en wanneer je kunt beginnen. Alles wordt in je eigen browser berekend: je antwoorden worden nergens naartoe gestuurd.",
    "Answer the questions. You will see at once which routes to a teaching qualification are open to you, what they cost and when you could start. Everything is computed in your own browser: your answers are not sent anywhere."],
  loading: ["Routewijzer laden…", "Loading Routewijzer…"],
  s1: ["Je diploma's", "Your diplomas"],
  s1hint: ["Noem al je diploma's, niet alleen het hoogste (bijvoorbeeld havo én hbo).", "List all your diplomas, not just the highest (for example havo and hbo)."],
  diploma: ["Diploma {n}", "Diploma {n}"],
  level: ["Welk diploma?", "Which diploma?"],
  choose: ["Kies…", "Choose…"],
  field: ["Studierichting", "Field of study"],
  fieldHint: ["Bijvoorbeeld werktuigbouwkunde of wiskunde.", "For example werktuigbouwkunde (mechanical engineering) or wiskunde (mathematics)."],
  foreign: ["Behaald in het buitenland", "Obtained abroad"],
  recognised: ["Het niveau is erkend in Nederland (diplomawaardering)", "The level is recognised in the Netherlands (credential evaluation)"],
  addDiploma: ["Nog een diploma toevoegen", "Add another diploma"],
  removeDiploma: ["Diploma {n} verwijderen", "Remove diploma {n}"],
  s2: ["Je bevoegdheid", "Your teaching qualification"],
  qual: ["Heb je al een lesbevoegdheid?", "Do you already hold a teaching qualification?"],
  no: ["Nee", "No"],
  qualSubject: ["Voor welk vak?", "In which subject?"],
  s3: ["Werk op een school", "Work at a school"],
  job: ["Werk je op een school, of heb je een baanaanbod?", "Do you work at a school, or do you have a job offer?"],
  jobCurrent: ["Ja, ik werk op een school", "Yes, I work at a school"],
  jobOffer: ["Ja, ik heb een baanaanbod", "Yes, I have a job offer"],
  jobSector: ["Soort school", "Type of school"],
  jobRole: ["Functie", "Role"],
  jobHours: ["Uren per week", "Hours per week"],
  jobHoursHint: ["Vul je uren in, dan telt je baan mee.", "Fill in your hours so your job counts."],
  jobStart: ["Eerste werkdag", "First working day"],
  jobStarts: ["begint {d}", "starts {d}"],
  s4: ["Wat wil je?", "What do you want?"],
  sectors: ["Waar wil je lesgeven?", "Where would you like to teach?"],
  subjects: ["Welk vak wil je geven?", "Which subject would you like to teach?"],
  subjectsVo: ["Vakken in het voortgezet onderwijs", "Secondary school subjects"],
  subjectsMbo: ["Vakgebieden in het mbo", "Vocational (mbo) fields"],
  hours: ["Uren per week voor werk en opleiding samen", "Hours a week for work and training together"],
  from: ["Vanaf wanneer kun je beginnen?", "From when can you start?"],
  earn: ["Wil je geld verdienen terwijl je leert?", "Do you want to earn while you learn?"],
  earnRequired: ["Ja, dat moet", "Yes, I need to"],
  earnPreferred: ["Liefst wel", "Preferably"],
  earnNone: ["Maakt niet uit", "No preference"],
  s5: ["Waar woon je?", "Where do you live?"],
  place: ["Postcode of gemeente", "Postcode or municipality"],
  placeHint: ["Bijvoorbeeld 3511 of Utrecht.", "For example 3511 or Utrecht."],
  travel: ["Hoe ver wil je hoogstens reizen? (km)", "Maximum travel distance (km)"],
  s6: ["Over jou", "About you"],
  dutch: ["Hoe goed is je Nederlands?", "How good is your Dutch?"],
  notSaid: ["Zeg ik liever niet", "Prefer not to say"],
  age: ["Leeftijd", "Age"],
  more: ["Meer over je situatie (niet verplicht)", "More about your situation (optional)"],
  paboTests: ["Pabo-toelatingstoetsen die je al hebt gehaald", "Pabo admission tests you have passed"],
  gob: ["Ik heb een positief geschiktheidsonderzoek", "I passed a suitability assessment (geschiktheidsonderzoek)"],
  hboAssessed: ["Een assessment heeft mijn hbo-niveau aangetoond", "An assessment showed my hbo working level"],
  study: ["Studeer je nu? Op welk niveau?", "Are you studying now? At what level?"],
  studyField: ["Studierichting van je studie", "Field of your study"],
  studyEc: ["Behaalde studiepunten (EC)", "Credits earned (EC)"],
  studyLo: ["Het is een lerarenopleiding of pabo", "It is a teacher-training programme or pabo"],
  left: ["Gestopt met een lerarenopleiding? Laatste dag van inschrijving", "Left a teacher-training programme? Last day enrolled"],
  remember: ["Onthoud mijn antwoorden op dit apparaat", "Remember my answers on this device"],
  rememberHint: ["Staat dit uit, dan wordt er niets bewaard.", "When this is off, nothing is stored."],
  show: ["Toon mijn routes", "Show my routes"],
  results: ["Jouw routes", "Your routes"],
  empty: ["Beantwoord een paar vragen; je routes verschijnen hier meteen.", "Answer a few questions; your routes appear here straight away."],
  found: ["{n} routes gevonden", "{n} routes found"],
  found1: ["1 route gevonden", "1 route found"],
  counts: ["{e} direct mogelijk, {c} onder voorwaarden, {i} nu niet mogelijk.", "{e} open to you, {c} with conditions, {i} not open now."],
  pathways: ["Je beste trajecten", "Your best pathways"],
  pathwaysHint: ["Een route, de eerstvolgende start en een baan die erbij past.", "A route, its next start and a job that fits it."],
  ownJob: ["Met je eigen baan of baanaanbod", "With your own job or job offer"],
  vacancy: ["Vacature", "Vacancy"],
  demo: ["voorbeeldvacature", "example vacancy"],
  noVacancy: ["Geen baan nodig of geen passende vacature", "No job needed, or no matching vacancy"],
  open: ["Routes die voor jou openstaan", "Routes open to you"],
  moreRoutes: ["Toon de {n} best passende open routes", "Show the best {n} open routes"],
  closed: ["Routes die nu niet openstaan ({n}), en waarom", "Routes not open now ({n}), and why"],
  closedMore: ["… en nog {n} routes die nu niet openstaan.", "… and {n} more routes not open now."],
  whatIf: ["Wat zou helpen?", "What would help?"],
  score: ["Score", "Score"],
  why: ["Waarom deze score?", "Why this score?"],
  factor: ["Onderdeel", "Part"],
  points: ["Punten", "Points"],
  reason: ["Toelichting", "Reason"],
  cost: ["Kosten per jaar", "Cost per year"],
  pay: ["Salaris tijdens opleiding", "Paid while training"],
  yes: ["Ja", "Yes"],
  duration: ["Duur", "Duration"],
  load: ["Uren per week", "Hours a week"],
  next: ["Volgende start", "Next start"],
  applyBy: ["Aanmelden vóór", "Apply by"],
  qualified: ["Klaar rond", "Finished around"],
  typical: ["verwacht", "expected"],
  noIntake: ["geen haalbare start bekend", "no feasible start known"],
  todo: ["Nog te regelen", "Still to arrange"],
  blockers: ["Waarom niet", "Why not"],
  whatToDo: ["Wat kun je doen:", "What you can do:"],
  sources: ["Bronnen:", "Sources:"],
  validFrom: ["geldt vanaf {d}", "applies from {d}"],
  validUntil: ["geldt tot {d}", "applies until {d}"],
  years: ["{n} jaar", "{n} years"],
  months: ["{n} maanden", "{n} months"],
  km: ["{n} km", "{n} km"],
  perWeek: ["{n} uur", "{n} hours"],
  newTab: ["(opent in een nieuw tabblad)", "(opens in a new tab)"],
  today: ["vandaag", "today"],
  tlTraining: ["opleiding", "training"],
  tlTeaching: ["lesgeven", "teaching"],
  tlGap: ["lesgeven vóór de opleiding", "teaching before training"],
  tlWarn: ["vóór de start van de opleiding", "before the training starts"],
  timeline: ["Tijdlijn", "Timeline"],
  print: ["Afdrukken", "Print"],
  dlJson: ["Download resultaat (JSON)", "Download result (JSON)"],
  dlText: ["Download samenvatting (tekst)", "Download summary (text)"],
  data: ["Gegevens: {name}, versie {v} ({d}).", "Data: {name}, version {v} ({d})."],
  privacy: ["Je antwoorden blijven op dit apparaat; er wordt niets verstuurd.", "Your answers stay on this device; nothing is sent."],
  errTitle: ["De routewijzer kan nu niet laden", "The route finder cannot load right now"],
  errText: ["Probeer het later nog eens. Blijft het misgaan, neem dan contact op met het onderwijsloket.", "Please try again later. If it keeps failing, contact the onderwijsloket."],
  errDetails: ["Details voor de beheerder van deze website", "Details for the editor of this website"],
  errCatalog: ["Catalogus: {u}", "Catalog: {u}"],
  errMore: ["… en nog {n} problemen", "… and {n} more problems"],
  errProfile: ["Er ging iets mis bij het berekenen: {m}", "Something went wrong while computing: {m}"],
  retry: ["Opnieuw proberen", "Try again"],
  to: ["wordt", "becomes"],
};

// ------------------------------------------------------------------ helpers

/** Builds an element. attrs: class, text, and plain attributes; children: nodes or strings (as text). Never HTML. */
function h(tag, attrs, ...children) {
  const el = tag.includes(":") ? document.createElementNS("http://www.w3.org/2000/svg", tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k === "text") el.textContent = clip(String(v));
    else if (k === "class") el.className = v;
    else if (k === "props") Object.assign(el, v);
    else el.setAttribute(k, v === true ? "" : v);
  }
  return put(el, children, true);
}

/** Display length of one text: a catalog string longer than this is a data error, not something to read. */
const MAX_TEXT = 1000;
const clip = (s) => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}…` : s);

/** Appends (or with `add` false, replaces with) the children that are not null/false; strings become (clipped) text. */
function put(el, children, add) {
  const kids = [children].flat(Infinity).filter((c) => c != null && c !== false).map((c) => (typeof c === "string" ? clip(c) : c));
  add ? el.append(...kids) : el.replaceChildren(...kids);
  return el;
}

/** A URL fit for a link (http, https, mailto), or null. */
export function safeUrl(u) {
  try {
    const url = new URL(String(u));
    return /^(https?|mailto):$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

const utc = (d) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10));
const DAY = 864e5;
const isDate = (s) => /^\d{4}-\d{2}-\d{2}$/.test(s || "") && !Number.isNaN(utc(s));
function localToday() {
  const d = new Date();
  return [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n, i) => String(n).padStart(i ? 2 : 4, "0")).join("-");
}
/** "Werktuigbouwkunde" / "toegepaste wiskunde" -> catalog field id. */
const fieldId = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").trim().toLowerCase().replace(/\s+/g, "-");
const fieldLabel = (id) => id.charAt(0).toUpperCase() + id.slice(1).replace(/-/g, " ");

let uid = 0;
/** The best LIMIT routes are listed, then closed ones until CLOSED of those are listed; `counts` covers all. */
const LIMIT = 60;
const CLOSED = 30;
const STYLE_URL = here("routewijzer.css").href;

// ------------------------------------------------------------------ the element

export class RouteWijzer extends HTMLElement {
  static observedAttributes = ["lang", "sectors", "today", "catalog", "region"];

  constructor() {
    super();
    this.attachShadow({ mode: "open" });
    this.open = new Set(); // keys of <details> the person opened, kept across re-renders
    this.timer = 0;
    this.rows = 0;
    this.data = null;
    this.last = null;
  }

  // ---------------------------------------------------------------- attributes

  get name() {
    return this.getAttribute("name") || this.id || "routewijzer";
  }
  get langCode() {
    const l = (this.getAttribute("lang") || document.documentElement.lang || "nl").toLowerCase();
    return l.startsWith("en") ? "en" : "nl";
  }
  get catalogUrl() {
    const attr = this.getAttribute("catalog");
    if (attr) return new URL(attr, document.baseURI).href;
    const region = this.getAttribute("region");
    return here(region ? `data/regions/${encodeURIComponent(region)}.json` : "data/catalog.json").href;
  }
  get offeredSectors() {
    const s = (this.getAttribute("sectors") || "po vo mbo").split(/[\s,]+/).filter((x) => ["po", "vo", "mbo"].includes(x));
    return s.length ? s : ["po", "vo", "mbo"];
  }
  get today() {
    const t = this.getAttribute("today");
    return isDate(t) ? t : localToday();
  }

  /** The profile as the form currently describes it (never sent anywhere). */
  get profile() {
    return this.form ? this.readProfile() : {};
  }
  set profile(p) {
    this.pending = p;
    if (this.form) {
      this.fillForm(p || {});
      this.run();
    }
  }
  /** The last result object (see src/result.rs), or null. */
  get result() {
    return this.last;
  }

  t(key, params) {
    let s = T[key][this.langCode === "en" ? 1 : 0];
    for (const [k, v] of Object.entries(params || {})) s = s.replaceAll(`{${k}}`, v);
    return s;
  }
  v(id, prefix = "") {
    const l = V[prefix + id];
    return l ? l[this.langCode === "en" ? 1 : 0] : id;
  }
  get locale() {
    return this.langCode === "en" ? "en-GB" : "nl-NL";
  }
  date(d) {
    return d ? new Intl.DateTimeFormat(this.locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(utc(d)) : "";
  }
  euro(n) {
    return new Intl.NumberFormat(this.locale, { style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(n);
  }
  km(n) {
    return this.t("km", { n: new Intl.NumberFormat(this.locale, { maximumFractionDigits: 1 }).format(n) });
  }
  duration(iso) {
    const m = /^P(?:(\d+)Y)?(?:(\d+)M)?$/.exec(iso || "");
    if (!m) return iso || "";
    const months = (+m[1] || 0) * 12 + (+m[2] || 0);
    return months % 12 === 0 ? this.t("years", { n: months / 12 }) : this.t("months", { n: months });
  }
  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(`routewijzer:${type}`, { bubbles: true, composed: true, detail: { name: this.name, ...detail } }));
  }

  // ---------------------------------------------------------------- lifecycle

  connectedCallback() {
    if (!this.root) this.skeleton();
    if (this.data || this.loading) return;
    if ("IntersectionObserver" in window) {
      this.io = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          this.io.disconnect();
          this.start();
        }
      }, { rootMargin: "300px" });
      this.io.observe(this);
    } else this.start();
  }

  disconnectedCallback() {
    this.io?.disconnect();
    clearTimeout(this.timer);
  }

  attributeChangedCallback(name, old, value) {
    if (old === value || !this.root) return;
    if (name === "catalog" || name === "region") {
      if (this.data && this.form) this.pending = this.readProfile(); // keep the answers across the reload
      this.data = null;
      this.loading = null;
      if (this.isConnected) this.start();
    } else if (name === "today") {
      this.run(true);
    } else if (this.data) {
      const p = this.readProfile();
      this.renderAll();
      this.fillForm(p);
      this.run(true);
    }
  }

  skeleton() {
    uid += 1;
    this.uid = `rw${uid}`;
    const link = h("link", { rel: "stylesheet", href: STYLE_URL });
    this.root = h("div", { class: "rw", part: "root", hidden: true });
    const show = () => (this.root.hidden = false);
    link.addEventListener("load", show);
    link.addEventListener("error", show);
    this.status = h("div", { class: "rw-status" });
    this.live = h("div", { class: "rw-sr", role: "status", "aria-live": "polite" });
    this.body = h("div", { class: "rw-body" });
    this.foot = h("footer", { class: "rw-foot" });
    this.head = h("header", { class: "rw-head" });
    this.root.append(this.head, this.status, this.body, this.foot, this.live);
    this.shadowRoot.append(link, this.root);
    this.renderHead();
  }

  renderHead() {
    this.root.lang = this.langCode;
    this.head.replaceChildren(h("h2", { class: "rw-title", text: this.t("title") }), h("p", { class: "rw-intro", text: this.t("intro") }));
  }

  async start() {
    const url = this.catalogUrl;
    const wasm = loadWasm();
    const cat = loadCatalog(url);
    const progress = h("progress", { max: 100, "aria-label": this.t("loading") });
    const label = h("span", { text: this.t("loading") });
    this.status.replaceChildren(h("div", { class: "rw-loading", role: "status" }, label, progress));
    const update = () => {
      const total = wasm.total + cat.total;
      const loaded = Math.min(wasm.loaded + cat.loaded, total || Infinity);
      if (total && loaded <= total) progress.value = Math.round((loaded / total) * 100);
    };
    wasm.subs.add(update);
    cat.subs.add(update);
    const loading = (this.loading = cat.promise);
    try {
      const data = await loading;
      if (this.loading !== loading) return; // the catalog attribute changed meanwhile
      this.data = data;
      this.status.replaceChildren();
      this.renderAll();
      let restored = this.pending;
      if (!restored) {
        try {
          const saved = localStorage.getItem(this.storeKey);
          if (saved) {
            restored = JSON.parse(saved);
            this.form.elements.remember.checked = true;
          }
        } catch {}
      }
      if (restored) this.fillForm(restored);
      this.pending = null;
      performance.mark(`routewijzer:ready:${this.name}`);
      this.emit("ready", { catalog: data.info.name, version: data.info.version, region: data.info.region ?? this.getAttribute("region") ?? null });
      this.run(true);
    } catch (e) {
      if (this.loading === loading) this.fail(e, url);
    } finally {
      wasm.subs.delete(update);
      cat.subs.delete(update);
    }
  }

  get storeKey() {
    return `routewijzer:${this.name}`;
  }

  fail(e, url) {
    this.loading = null;
    const problems = Array.isArray(e?.problems) ? e.problems : [];
    const shown = problems.slice(0, 50);
    const retry = h("button", { type: "button", class: "rw-btn", text: this.t("retry") });
    retry.addEventListener("click", () => this.start());
    this.body.replaceChildren();
    this.status.replaceChildren(
      h("div", { class: "rw-error", role: "alert" },
        h("h3", { text: this.t("errTitle") }),
        h("p", { text: this.t("errText") }),
        retry,
        h("details", { class: "rw-error-details" },
          h("summary", { text: this.t("errDetails") }),
          h("p", { text: this.t("errCatalog", { u: url }) }),
          h("p", { class: "rw-mono", text: String(e?.message || e).slice(0, 2000) }),
          shown.length ? h("ul", { class: "rw-problems" }, shown.map((p) => h("li", {}, h("code", { text: String(p.path) }), " ", String(p.message).slice(0, 500)))) : null,
          problems.length > shown.length ? h("p", { text: this.t("errMore", { n: problems.length - shown.length }) }) : null
        )
      )
    );
    this.emit("error", { message: String(e?.message || e).slice(0, 1000) });
  }

  // ---------------------------------------------------------------- the form

  renderAll() {
    this.renderHead();
    this.rows = 0;
    this.results = h("section", { class: "rw-results", "aria-labelledby": `${this.uid}-rh` });
    this.body.replaceChildren(this.buildForm(), this.results);
    this.renderFoot();
    this.updateForm();
  }

  id(s) {
    return `${this.uid}-${s}`;
  }

  /** A labelled control with an optional hint. */
  field(name, label, control, hint) {
    const id = this.id(name);
    control.id = id;
    control.name ||= name;
    if (hint) control.setAttribute("aria-describedby", `${id}-hint`);
    return h("div", { class: "rw-field", "data-for": name }, h("label", { for: id, text: label }), control, hint ? h("p", { class: "rw-hint", id: `${id}-hint`, text: hint }) : null);
  }
  select(options, first) {
    return h("select", {}, first != null ? h("option", { value: "", text: first }) : null, options.map(([v, l]) => h("option", { value: v, text: l })));
  }
  number(min, max) {
    return h("input", { type: "number", min, max, step: 1, inputmode: "numeric" });
  }
  check(name, value, label, type = "checkbox") {
    const id = this.id(`${name}-${value}`);
    return h("div", { class: "rw-check" }, h("input", { type, id, name, value }), h("label", { for: id, text: label }));
  }
  step(n, title, ...content) {
    return h("fieldset", { class: "rw-step" }, h("legend", {}, h("span", { class: "rw-step-n", "aria-hidden": "true", text: String(n) }), title), content);
  }

  buildForm() {
    const form = (this.form = h("form", { class: "rw-form", novalidate: true, "aria-label": this.t("title") }));
    const sectors = this.offeredSectors;
    const subjOpts = [...SUBJECTS_VO, ...SUBJECTS_MBO].map((s) => [s, this.v(s)]);
    const levelOpts = LEVELS.map((l) => [l, this.v(l)]);

    const placeList = h("datalist", { id: this.id("places") },
      this.data.places.filter((p) => !/^\d{4}$/.test(p.id)).map((p) => h("option", { value: p.name })));
    const fieldList = h("datalist", { id: this.id("fields") }, this.data.fields.map((f) => h("option", { value: fieldLabel(f) })));

    this.diplomas = h("div", { class: "rw-diplomas" });
    const add = h("button", { type: "button", class: "rw-btn rw-btn-2", text: this.t("addDiploma") });
    add.addEventListener("click", () => this.addDiploma().querySelector("select").focus());

    const q = this.field("qual", this.t("qual"), this.select(QUALS.map((x) => [x, this.v(x, "q:")]), this.t("no")));
    const qs = this.field("qual-subject", this.t("qualSubject"), this.select(subjOpts, "—"));

    const jobRadios = h("fieldset", { class: "rw-radios" }, h("legend", { text: this.t("job") }),
      this.check("job", "none", this.t("no"), "radio"), this.check("job", "current", this.t("jobCurrent"), "radio"), this.check("job", "offer", this.t("jobOffer"), "radio"));
    jobRadios.querySelector("input").checked = true;
    const jobDetails = h("div", { class: "rw-sub", "data-show": "job" },
      this.field("job-sector", this.t("jobSector"), this.select(sectors.map((s) => [s, this.v(s, "s:")]))),
      this.field("job-role", this.t("jobRole"), this.select(ROLES.map((r) => [r, this.v(r)]))),
      this.field("job-hours", this.t("jobHours"), this.number(1, 60), this.t("jobHoursHint")),
      this.field("job-start", this.t("jobStart"), h("input", { type: "date" })));

    const sectorBoxes = h("fieldset", { class: "rw-checks" }, h("legend", { text: this.t("sectors") }), sectors.map((s) => this.check("sector", s, this.v(s, "s:"))));
    const subjGroup = (sector, list, legend) =>
      h("fieldset", { class: "rw-checks rw-grid", "data-sector": sector }, h("legend", { text: legend }), list.map((s) => this.check("subject", s, this.v(s))));
    const subjects = h("div", { class: "rw-subjects" },
      sectors.includes("vo") ? subjGroup("vo", SUBJECTS_VO, this.t("subjectsVo")) : null,
      sectors.includes("mbo") ? subjGroup("mbo", SUBJECTS_MBO, this.t("subjectsMbo")) : null);
    const earn = h("fieldset", { class: "rw-radios" }, h("legend", { text: this.t("earn") }),
      this.check("earn", "required", this.t("earnRequired"), "radio"), this.check("earn", "preferred", this.t("earnPreferred"), "radio"), this.check("earn", "no-preference", this.t("earnNone"), "radio"));
    earn.querySelector('input[value="no-preference"]').checked = true;

    const placeInput = h("input", { type: "text", list: this.id("places"), autocomplete: "off", spellcheck: "false" });

    const more = h("details", { class: "rw-more" }, h("summary", { text: this.t("more") }),
      h("fieldset", { class: "rw-checks" }, h("legend", { text: this.t("paboTests") }), PABO_TESTS.map((x) => this.check("pabo", x, this.v(x)))),
      this.check("gob", "yes", this.t("gob")),
      this.check("hbo-assessed", "yes", this.t("hboAssessed")),
      this.field("study", this.t("study"), this.select(LEVELS.filter((l) => /hbo|wo|mbo/.test(l)).map((l) => [l, this.v(l)]), this.t("no"))),
      h("div", { class: "rw-sub", "data-show": "study" },
        this.field("study-field", this.t("studyField"), h("input", { type: "text", list: this.id("fields"), autocomplete: "off" })),
        this.field("study-ec", this.t("studyEc"), this.number(0, 600)),
        this.check("study-lo", "yes", this.t("studyLo"))),
      this.field("left", this.t("left"), h("input", { type: "date" })));

    const remember = h("div", { class: "rw-remember" }, this.check("remember", "yes", this.t("remember")), h("p", { class: "rw-hint", text: this.t("rememberHint") }));
    const submit = h("button", { type: "submit", class: "rw-btn", text: this.t("show") });

    form.append(placeList, fieldList,
      this.step(1, this.t("s1"), h("p", { class: "rw-hint", text: this.t("s1hint") }), this.diplomas, add),
      this.step(2, this.t("s2"), q, qs),
      this.step(3, this.t("s3"), jobRadios, jobDetails),
      this.step(4, this.t("s4"), sectorBoxes, subjects,
        this.field("hours", this.t("hours"), this.number(1, 80)),
        this.field("from", this.t("from"), h("input", { type: "date" })), earn),
      this.step(5, this.t("s5"), this.field("place", this.t("place"), placeInput, this.t("placeHint")), this.field("travel", this.t("travel"), this.number(1, 300))),
      this.step(6, this.t("s6"), this.field("dutch", this.t("dutch"), this.select(DUTCH.map((d) => [d, this.v(d)]), this.t("notSaid"))), this.field("age", this.t("age"), this.number(12, 99)), more),
      remember, submit);
    this.addDiploma();

    form.addEventListener("input", () => this.changed());
    form.addEventListener("change", (e) => {
      if (e.target.name === "remember") this.store();
      this.changed();
    });
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.run(true);
      this.results.querySelector("h3")?.focus();
    });
    return form;
  }

  addDiploma() {
    const k = ++this.rows;
    const name = (s) => `d${k}-${s}`;
    const remove = h("button", { type: "button", class: "rw-btn rw-btn-link rw-remove" });
    const row = h("fieldset", { class: "rw-diploma" }, h("legend", {}),
      this.field(name("level"), this.t("level"), this.select(LEVELS.map((l) => [l, this.v(l)]), this.t("choose"))),
      this.field(name("field"), this.t("field"), h("input", { type: "text", list: this.id("fields"), autocomplete: "off" }), this.t("fieldHint")),
      this.check(name("foreign"), "yes", this.t("foreign")),
      h("div", { class: "rw-sub", "data-show": "foreign" }, this.check(name("recognised"), "yes", this.t("recognised"))),
      remove);
    row.dataset.k = k;
    remove.addEventListener("click", () => {
      const prev = row.previousElementSibling || row.nextElementSibling;
      row.remove();
      this.updateForm();
      (prev?.querySelector("select") || this.form.querySelector(".rw-step .rw-btn")).focus();
      this.changed();
    });
    this.diplomas.append(row);
    this.updateForm();
    return row;
  }

  /** Shows and hides dependent questions, numbers the diploma rows. */
  updateForm() {
    const f = this.form;
    if (!f) return;
    const rows = [...this.diplomas.children];
    rows.forEach((row, i) => {
      const n = i + 1;
      row.querySelector("legend").textContent = this.t("diploma", { n });
      const rm = row.querySelector(".rw-remove");
      rm.textContent = this.t("removeDiploma", { n });
      rm.hidden = rows.length === 1;
      row.querySelector('[data-show="foreign"]').hidden = !row.querySelector(`[name="d${row.dataset.k}-foreign"]`).checked;
    });
    const job = f.elements.job.value;
    f.querySelector('[data-show="job"]').hidden = job === "none";
    f.querySelector('[data-for="job-start"]').hidden = job !== "offer";
    f.querySelector('[data-for="qual-subject"]').hidden = !/graads/.test(f.elements.qual.value);
    f.querySelector('[data-show="study"]').hidden = !f.elements.study.value;
    const chosen = this.checked("sector");
    let anySubjects = false;
    for (const g of f.querySelectorAll(".rw-subjects [data-sector]")) {
      g.hidden = !chosen.includes(g.dataset.sector);
      anySubjects ||= !g.hidden;
    }
    f.querySelector(".rw-subjects").hidden = !anySubjects;
  }

  checked(name) {
    return [...this.form.querySelectorAll(`input[name="${name}"]:checked`)].filter((i) => !i.closest("[hidden]")).map((i) => i.value);
  }

  /** Reads the form into a Profile (see README "The profile"). Out-of-range numbers are left out. */
  readProfile() {
    const el = this.form.elements;
    const val = (n) => (el[n]?.value || "").trim();
    const int = (n) => {
      const i = el[n];
      if (!i || i.value === "" || !i.checkValidity()) return undefined;
      const x = Math.round(Number(i.value));
      return Number.isFinite(x) ? x : undefined;
    };
    const on = (n) => !!el[n]?.checked;
    const date = (n) => (isDate(val(n)) ? val(n) : undefined);
    const p = {};
    const diplomas = [...this.diplomas.children].flatMap((row) => {
      const k = row.dataset.k;
      const level = val(`d${k}-level`);
      if (!level) return [];
      const d = { level };
      if (val(`d${k}-field`)) d.field = fieldId(val(`d${k}-field`));
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
    const sectors = this.checked("sector");
    if (sectors.length) p.sectors = sectors;
    const subjects = this.checked("subject");
    if (subjects.length) p.subjects = subjects;
    if (int("hours")) p.hours_per_week = int("hours");
    if (date("from")) p.available_from = date("from");
    if (el.earn.value !== "no-preference") p.earn_while_learning = el.earn.value;
    const place = val("place");
    if (place) {
      const pc = /^(\d{4})(\s*[a-z]{2})?$/i.exec(place);
      const hit = this.data.places.find((x) => x.name.toLowerCase() === place.toLowerCase() || x.id.toLowerCase() === place.toLowerCase());
      p.location = pc ? { postcode: pc[1] } : hit ? (/^\d{4}$/.test(hit.id) ? { postcode: hit.id } : { gemeente: hit.id }) : { gemeente: place.slice(0, 100) };
    }
    if (int("travel")) p.max_travel_km = int("travel");
    if (val("dutch")) p.dutch = val("dutch");
    if (int("age") != null) p.age = int("age");
    const pabo = this.checked("pabo");
    if (pabo.length) p.pabo_tests_passed = pabo;
    if (on("gob")) p.geschiktheidsonderzoek_passed = true;
    if (on("hbo-assessed")) p.hbo_level_assessed = true;
    if (val("study")) {
      p.study = { level: val("study"), ec: int("study-ec") || 0 };
      if (val("study-field")) p.study.field = fieldId(val("study-field"));
      if (on("study-lo")) p.study.lerarenopleiding = true;
    }
    if (date("left")) p.lerarenopleiding_left = date("left");
    return p;
  }

  /** Puts a profile into the form (restoring remembered answers, switching language, or `el.profile = ...`). */
  fillForm(p) {
    const el = this.form.elements;
    const set = (n, v) => el[n] && v != null && (el[n].value = String(v));
    const tick = (n, values) => values?.forEach((v) => { const i = this.form.querySelector(`input[name="${n}"][value="${v}"]`); if (i) i.checked = true; });
    (p.diplomas || []).forEach((d, i) => {
      const row = this.diplomas.children[i] || this.addDiploma();
      const k = row.dataset.k;
      set(`d${k}-level`, d.level);
      if (d.field) set(`d${k}-field`, fieldLabel(d.field));
      el[`d${k}-foreign`].checked = !!d.foreign;
      el[`d${k}-recognised`].checked = !!d.recognised;
    });
    const q = p.qualifications?.[0];
    if (q) {
      set("qual", q.qualification);
      set("qual-subject", q.subject);
    }
    if (p.job) {
      tick("job", [p.job.offer ? "offer" : "current"]);
      set("job-sector", p.job.sector);
      set("job-role", p.job.role);
      set("job-hours", p.job.hours_per_week);
      set("job-start", p.job.start_date);
    }
    tick("sector", p.sectors);
    tick("subject", p.subjects);
    set("hours", p.hours_per_week);
    set("from", p.available_from);
    tick("earn", [p.earn_while_learning]);
    const loc = p.location?.postcode || p.location?.gemeente;
    if (loc) set("place", this.data.places.find((x) => x.id === loc && !/^\d{4}$/.test(x.id))?.name || loc);
    set("travel", p.max_travel_km);
    set("dutch", p.dutch);
    set("age", p.age);
    tick("pabo", p.pabo_tests_passed);
    el.gob.checked = !!p.geschiktheidsonderzoek_passed;
    el["hbo-assessed"].checked = !!p.hbo_level_assessed;
    if (p.study) {
      set("study", p.study.level);
      set("study-ec", p.study.ec);
      if (p.study.field) set("study-field", fieldLabel(p.study.field));
      el["study-lo"].checked = !!p.study.lerarenopleiding;
    }
    set("left", p.lerarenopleiding_left);
    this.updateForm();
  }

  changed() {
    this.updateForm();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), 150);
  }

  /** Stores the answers only when the person ticked "remember"; unticking removes them. */
  store() {
    try {
      if (this.form.elements.remember.checked) localStorage.setItem(this.storeKey, JSON.stringify(this.readProfile()));
      else localStorage.removeItem(this.storeKey);
    } catch {}
  }

  // ---------------------------------------------------------------- matching

  run(force) {
    clearTimeout(this.timer);
    if (!this.data || !this.form) return;
    const profile = this.readProfile();
    const key = JSON.stringify(profile);
    if (!force && key === this.lastKey) return;
    this.lastKey = key;
    if (this.form.elements.remember.checked) this.store();
    if (!Object.keys(profile).length) {
      this.last = null;
      this.results.replaceChildren(h("h3", { id: `${this.uid}-rh`, tabindex: "-1", text: this.t("results") }), h("p", { class: "rw-empty", text: this.t("empty") }));
      this.announce("");
      return;
    }
    let result;
    const t0 = performance.now();
    try {
      result = this.data.matcher.match(profile, this.today, this.langCode, LIMIT, CLOSED);
    } catch (e) {
      this.results.replaceChildren(h("h3", { id: `${this.uid}-rh`, tabindex: "-1", text: this.t("results") }),
        h("p", { class: "rw-error", role: "alert", text: this.t("errProfile", { m: String(e?.message || e).slice(0, 500) }) }));
      this.emit("error", { message: String(e?.message || e).slice(0, 1000) });
      return;
    }
    this.matchMs = performance.now() - t0;
    this.last = result;
    this.renderResults(result);
    if (!this.firstResult) {
      this.firstResult = true;
      performance.mark(`routewijzer:first-result:${this.name}`);
    }
    const c = result.counts;
    this.emit("result", { routes: c.eligible + c.conditional + c.ineligible, eligible: c.eligible, conditional: c.conditional, pathways: result.pathways.length });
  }

  announce(text) {
    if (this.live.textContent !== text) this.live.textContent = text;
  }

  // ---------------------------------------------------------------- results

  routeBy(id) {
    return this.last?.routes.find((r) => r.offering === id);
  }

  /** A <details> whose open state survives re-rendering. */
  details(key, summary, ...content) {
    const d = h("details", { open: this.open.has(key) }, h("summary", {}, summary), content);
    d.addEventListener("toggle", () => (d.open ? this.open.add(key) : this.open.delete(key)));
    return d;
  }

  link(url, text) {
    const href = safeUrl(url);
    return href ? h("a", { href, target: "_blank", rel: "noopener noreferrer" }, text, h("span", { class: "rw-sr", text: ` ${this.t("newTab")}` })) : h("span", {}, text);
  }

  badge(v) {
    return h("span", { class: `rw-badge rw-${v}`, text: this.v(v) });
  }

  renderResults(r) {
    const open = r.routes.filter((x) => x.eligibility !== "ineligible");
    const closed = r.routes.filter((x) => x.eligibility === "ineligible");
    const k = r.counts;
    const nOpen = k.eligible + k.conditional;
    const found = nOpen === 1 ? this.t("found1") : this.t("found", { n: nOpen });
    const counts = this.t("counts", { e: k.eligible, c: k.conditional, i: k.ineligible });
    const limit = this.open.has("all") ? open.length : 10;
    const more = h("button", { type: "button", class: "rw-btn rw-btn-2", text: this.t("moreRoutes", { n: open.length }) });
    more.addEventListener("click", () => {
      this.open.add("all");
      this.renderResults(r);
      this.results.querySelectorAll(".rw-routes > li")[10]?.querySelector("h4 a, h4")?.focus();
    });

    put(this.results, [
      h("h3", { id: `${this.uid}-rh`, tabindex: "-1", text: this.t("results") }),
      h("p", { class: "rw-summary" }, h("strong", { text: found }), " ", counts),
      r.notices.length ? h("ul", { class: "rw-notices" }, r.notices.map((m) => h("li", { text: m.text }))) : null,
      r.pathways.length ? this.renderPathways(r) : null,
      open.length ? h("h4", { class: "rw-h", text: this.t("open") }) : null,
      open.length ? h("ol", { class: "rw-routes" }, open.slice(0, limit).map((x) => this.renderRoute(x))) : null,
      open.length > limit ? more : null,
      closed.length ? this.details("closed", this.t("closed", { n: closed.length }), h("ul", { class: "rw-closed" }, closed.slice(0, 50).map((x) => this.renderClosed(x))),
        closed.length > 50 ? h("p", { class: "rw-hint", text: this.t("closedMore", { n: closed.length - 50 }) }) : null) : null,
      r.what_if.length ? this.renderWhatIf(r) : null,
      this.renderActions(),
    ]);
    this.announce(`${found}. ${counts}`);
  }

  routeTitle(x, tag = "h4") {
    return h(tag, { class: "rw-route-name", tabindex: "-1" }, x.url ? this.link(x.url, x.name) : x.name);
  }

  renderRoute(x) {
    const it = x.next_intake;
    const facts = [
      [this.t("cost"), `${this.euro(x.cost_eur_per_year)} (${this.v(x.cost_basis)})`],
      [this.t("pay"), x.paid_while_learning ? this.t("yes") : this.t("no")],
      [this.t("duration"), this.duration(x.duration)],
      [this.t("load"), this.t("perWeek", { n: x.weekly_hours })],
      [this.t("next"), it ? `${this.date(it.start_date)}${it.status === "typical" ? ` (${this.t("typical")})` : ""}` : this.t("noIntake")],
      it ? [this.t("applyBy"), this.date(it.apply_by)] : null,
      it ? [this.t("qualified"), this.date(it.expected_qualification)] : null,
    ].filter(Boolean);
    const factors = h("table", { class: "rw-factors" },
      h("thead", {}, h("tr", {}, [this.t("factor"), this.t("points"), this.t("reason")].map((c) => h("th", { scope: "col", text: c })))),
      h("tbody", {}, x.factors.map((f) => h("tr", {}, h("th", { scope: "row", text: this.v(f.factor, "f:") }), h("td", { class: "rw-num", text: `${f.points}/${f.max}` }), h("td", { text: f.reason.text })))));
    const bar = h("span", { class: "rw-bar", "aria-hidden": "true" }, h("span", {}));
    bar.firstChild.style.setProperty("--w", `${Math.max(0, Math.min(100, x.score))}%`);
    return h("li", { class: "rw-route", "data-offering": x.offering, "data-verdict": x.eligibility },
      h("div", { class: "rw-route-head" }, this.routeTitle(x), this.badge(x.eligibility)),
      h("p", { class: "rw-meta", text: [x.institution, x.place, this.v(x.mode), x.distance_km != null ? this.km(x.distance_km) : null].filter(Boolean).join(" · ") }),
      h("div", { class: "rw-score" }, h("span", { class: "rw-score-n" }, `${this.t("score")} `, h("strong", { text: String(x.score) }), "/100"), bar),
      h("dl", { class: "rw-facts" }, facts.map(([k, v]) => h("div", {}, h("dt", { text: k }), h("dd", { text: v })))),
      x.conditions.length ? h("div", { class: "rw-findings" }, h("h5", { text: this.t("todo") }), h("ul", {}, x.conditions.map((f) => this.finding(f)))) : null,
      this.details(`f:${x.offering}`, this.t("why"), factors));
  }

  finding(f) {
    const meta = [
      f.status !== "confirmed" ? this.v(f.status) : null,
      f.valid_from ? this.t("validFrom", { d: this.date(f.valid_from) }) : null,
      f.valid_until ? this.t("validUntil", { d: this.date(f.valid_until) }) : null,
    ].filter(Boolean);
    return h("li", { class: "rw-finding", "data-rule": f.rule },
      h("span", { text: f.message.text }),
      meta.length ? h("span", { class: "rw-flag", text: ` (${meta.join(", ")})` }) : null,
      f.action ? h("p", { class: "rw-action" }, h("strong", { text: this.t("whatToDo") }), " ", f.action.text) : null,
      f.sources.length ? h("p", { class: "rw-sources" }, this.t("sources"), " ",
        f.sources.map((s, i) => [i ? ", " : "", s.url ? this.link(s.url, `${s.id} (${safeUrl(s.url) ? new URL(s.url).hostname.replace(/^www\./, "") : s.url})`) : s.id])) : null);
  }

  renderClosed(x) {
    return h("li", { class: "rw-route rw-route-closed", "data-offering": x.offering, "data-verdict": x.eligibility },
      h("div", { class: "rw-route-head" }, this.routeTitle(x, "h5"), this.badge(x.eligibility)),
      h("p", { class: "rw-meta", text: [x.institution, x.place, x.distance_km != null ? this.km(x.distance_km) : null].filter(Boolean).join(" · ") }),
      h("ul", { class: "rw-findings" }, x.blockers.map((f) => this.finding(f))));
  }

  renderWhatIf(r) {
    return h("section", { class: "rw-whatif" }, h("h4", { class: "rw-h", text: this.t("whatIf") }),
      h("ul", {}, r.what_if.map((w) => {
        const route = this.routeBy(w.offering);
        return h("li", { "data-offering": w.offering },
          h("strong", { text: route ? `${route.name} (${route.institution})` : w.offering }), " ",
          h("span", { class: "rw-change" }, this.badge(w.from), h("span", { "aria-hidden": "true", text: " → " }), h("span", { class: "rw-sr", text: ` ${this.t("to")} ` }), this.badge(w.to)),
          h("ul", {}, w.changes.map((c) => h("li", { text: c.text }))));
      })));
  }

  renderPathways(r) {
    return h("section", { class: "rw-pathways" },
      h("h4", { class: "rw-h", text: this.t("pathways") }),
      h("p", { class: "rw-hint", text: this.t("pathwaysHint") }),
      h("ol", { class: "rw-pw-list" }, r.pathways.slice(0, 3).map((pw) => {
        const route = this.routeBy(pw.offering);
        const vac = pw.vacancy;
        const job = pw.own_job ? h("p", { class: "rw-job", text: this.t("ownJob") })
          : vac ? h("p", { class: "rw-job" },
            h("strong", {}, `${this.t("vacancy")}: `, vac.url ? this.link(vac.url, vac.title) : vac.title),
            ` · ${vac.employer}, ${vac.place}`,
            vac.distance_km != null ? ` (${this.km(vac.distance_km)})` : "",
            ` · ${this.t("perWeek", { n: vac.work_hours })} · ${this.v(vac.employment_type)} · ${this.t("jobStarts", { d: this.date(vac.job_start_date) })}`,
            vac.demo ? h("span", { class: "rw-demo", text: this.t("demo") }) : null)
          : h("p", { class: "rw-job rw-hint", text: this.t("noVacancy") });
        return h("li", { class: "rw-pathway", "data-offering": pw.offering },
          h("div", { class: "rw-route-head" }, h("h5", { class: "rw-route-name", text: route ? route.name : pw.offering }), this.badge(pw.eligibility)),
          route ? h("p", { class: "rw-meta", text: [route.institution, route.place].join(" · ") }) : null,
          job,
          pw.flags.length ? h("ul", { class: "rw-flags" }, pw.flags.map((f) => h("li", { "data-flag": f.id, text: f.text }))) : null,
          this.timeline(pw, r.today));
      })));
  }

  /** The pathway's dates as a picture (aria-hidden) plus an ordered list (the accessible version). */
  timeline(pw, today) {
    const ev = pw.timeline.map((e) => ({ ...e, at: utc(e.date) })).sort((a, b) => a.at - b.at);
    if (!ev.length) return null;
    const t0 = Math.min(utc(today), ev[0].at);
    const span = Math.max(DAY, ev[ev.length - 1].at - t0);
    const x = (t) => `${(((t - t0) / span) * 100).toFixed(2)}%`;
    const find = (n) => ev.find((e) => e.event === n);
    const teach = find("start-teaching"), intake = find("intake"), done = find("qualified");
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
      place(h("span", { class: "rw-tl-today", text: this.t("today") }), utc(today)),
      ev.map((e, i) => place(h("span", { class: `rw-tl-dot${i % 2 ? " rw-tl-low" : ""}${early && e === teach ? " rw-warn" : ""}`, "data-event": e.event, text: String(i + 1) }), e.at)));
    const legend = h("ul", { class: "rw-tl-legend", "aria-hidden": "true" },
      h("li", { class: "rw-tl-key-today", text: this.t("today") }),
      intake && done ? h("li", { class: "rw-tl-key-train", text: this.t("tlTraining") }) : null,
      teach ? h("li", { class: "rw-tl-key-teach", text: this.t("tlTeaching") }) : null,
      early ? h("li", { class: "rw-tl-key-gap", text: this.t("tlGap") }) : null);
    const list = h("ol", { class: "rw-tl-list" }, ev.map((e, i) =>
      h("li", { "data-event": e.event, class: early && e === teach ? "rw-warn" : null },
        h("span", { class: "rw-tl-n", "aria-hidden": "true", text: String(i + 1) }),
        h("time", { datetime: e.date, text: this.date(e.date) }), " ", e.text.text,
        early && e === teach ? h("strong", { class: "rw-warn-text", text: ` ⚠ ${this.t("tlWarn")}` }) : null)));
    return h("figure", { class: `rw-timeline${early ? " rw-tl-misaligned" : ""}` },
      h("figcaption", { text: this.t("timeline") }), track, legend, list);
  }

  renderActions() {
    const btn = (label, fn) => {
      const b = h("button", { type: "button", class: "rw-btn rw-btn-2", text: label });
      b.addEventListener("click", fn);
      return b;
    };
    return h("div", { class: "rw-actions" },
      btn(this.t("print"), () => window.print()),
      btn(this.t("dlText"), () => this.download("txt", "text/plain;charset=utf-8", this.summaryText())),
      btn(this.t("dlJson"), () => this.download("json", "application/json", JSON.stringify({ profile: this.readProfile(), result: this.last }, null, 2))));
  }

  /** A client-side download (Blob URL); nothing leaves the device. */
  download(ext, type, text) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = h("a", { href: url, download: `routewijzer-${this.today}.${ext}`, hidden: true });
    this.shadowRoot.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  summaryText() {
    const r = this.last;
    if (!r) return "";
    const open = r.routes.filter((x) => x.eligibility !== "ineligible");
    const out = [this.t("title"), `${r.catalog} (${r.catalog_version}), ${this.date(r.today)}`, "", this.results.querySelector(".rw-summary")?.textContent || "", ""];
    for (const x of open.slice(0, 10)) {
      out.push(`${x.rank}. ${x.name}, ${x.institution} (${x.place}): ${this.v(x.eligibility)}, ${this.t("score").toLowerCase()} ${x.score}/100`);
      out.push(`   ${this.t("cost")}: ${this.euro(x.cost_eur_per_year)}; ${this.t("pay")}: ${x.paid_while_learning ? this.t("yes") : this.t("no")}; ${this.t("duration")}: ${this.duration(x.duration)}`);
      if (x.next_intake) out.push(`   ${this.t("next")}: ${this.date(x.next_intake.start_date)}; ${this.t("applyBy")}: ${this.date(x.next_intake.apply_by)}`);
      for (const f of x.conditions) out.push(`   - ${f.message.text}${f.action ? ` ${this.t("whatToDo")} ${f.action.text}` : ""}`);
      if (safeUrl(x.url)) out.push(`   ${x.url}`);
    }
    if (r.pathways.length) out.push("", this.t("pathways"));
    for (const pw of r.pathways.slice(0, 3)) {
      out.push(`* ${this.routeBy(pw.offering)?.name || pw.offering}${pw.vacancy ? ` + ${pw.vacancy.title}, ${pw.vacancy.employer}` : pw.own_job ? ` + ${this.t("ownJob")}` : ""}`);
      for (const f of pw.flags) out.push(`  ! ${f.text}`);
      for (const e of pw.timeline) out.push(`  ${e.date}  ${e.text.text}`);
    }
    if (r.what_if.length) out.push("", this.t("whatIf"));
    for (const w of r.what_if) out.push(`* ${this.routeBy(w.offering)?.name || w.offering}: ${w.changes.map((c) => c.text).join("; ")}`);
    out.push("", ...(this.data.info.attribution || []));
    return out.join("\n") + "\n";
  }

  renderFoot() {
    const info = this.data.info;
    this.foot.replaceChildren(
      h("p", { text: this.t("privacy") }),
      h("p", { text: this.t("data", { name: info.name, v: info.version, d: this.date(info.generated) }) }),
      h("ul", { class: "rw-attribution" }, (info.attribution || []).map((a) => h("li", { text: a }))));
  }
}

// Open every <details> of the results while printing, then restore them.
addEventListener("beforeprint", () => {
  for (const el of document.querySelectorAll("route-wijzer")) {
    for (const d of el.shadowRoot?.querySelectorAll(".rw-results details:not([open])") || []) {
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

if (!customElements.get("route-wijzer")) customElements.define("route-wijzer", RouteWijzer);
