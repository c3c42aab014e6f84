// ---------------------------------------------------------------------------------------
// Routewijzer: the JSON shapes that cross the wasm boundary. Hand-written to match the
// serde types in src/model.rs (Profile, Catalog), src/result.rs (MatchResult),
// src/vocab.rs (the vocabulary ids), src/error.rs (Problem) and src/wasm.rs (info(),
// places()). Checked by tests/types (tsc) against the fixtures.
//
// Inputs (Profile, Catalog): a field marked `?` may be left out (serde `default`); an
// optional field that is `T | null` in Rust (`Option<T>`) also accepts null. Unknown
// fields are rejected by the core.
// Outputs (MatchResult, CatalogInfo, PlaceOption): every field is present; `Option<T>`
// is written as `T | null`. The one exception is `Text.params`, left out when empty.
// ---------------------------------------------------------------------------------------

/** A calendar date, `YYYY-MM-DD` (ISO 8601). */
export type IsoDate = string;
/** A duration in whole years and months, ISO 8601: `P4Y`, `P18M`, `P1Y6M`. */
export type IsoDuration = string;

// ------------------------------------------------------------------------ vocabulary

export type Sector = "po" | "vo" | "mbo";
export type Qualification = "po" | "tweedegraads" | "beperkt-tweedegraads" | "eerstegraads" | "pdg" | "geen";
export type Level =
    | "geen" | "vmbo" | "mbo-2" | "mbo-3" | "mbo-4" | "havo" | "vwo" | "hbo-ad" | "hbo-propedeuse"
    | "hbo-bachelor" | "wo-bachelor" | "hbo-master" | "wo-master" | "phd";
export type RouteKind =
    | "pabo-voltijd" | "pabo-deeltijd" | "pabo-verkort" | "pabo-academisch" | "zij-instroom-po"
    | "zij-instroom-vo-tweedegraads" | "zij-instroom-vo-eerstegraads" | "pdg" | "lerarenopleiding-tweedegraads"
    | "kopopleiding" | "educatieve-minor" | "educatieve-module" | "master-leraar-hbo" | "master-leraar-wo"
    | "educatieve-master" | "ad-onderwijs" | "onderwijsassistent-naar-leraar" | "lio" | "herintreding"
    | "hybride-docent";
export type Mode = "voltijd" | "deeltijd" | "duaal" | "werkend-leren";
export type Eligibility = "eligible" | "conditional" | "ineligible";
export type Subject =
    | "nederlands" | "engels" | "duits" | "frans" | "fries" | "klassieke-talen" | "wiskunde" | "natuurkunde"
    | "scheikunde" | "biologie" | "nask" | "informatica" | "techniek" | "economie" | "geschiedenis"
    | "aardrijkskunde" | "maatschappijleer" | "levensbeschouwing" | "lichamelijke-opvoeding" | "kunst"
    | "zorg-en-welzijn" | "beroepsgericht-vmbo" | "mbo-techniek" | "mbo-zorg-welzijn" | "mbo-economie"
    | "mbo-ict" | "mbo-generiek";
/** Dutch language level: native, or a CEFR level. */
export type Dutch = "moedertaal" | "c2" | "c1" | "b2" | "b1" | "a2";
export type Role = "leraar" | "leraar-onbevoegd" | "onderwijsassistent" | "leraarondersteuner" | "instructeur" | "overig";
export type PaboTest = "aardrijkskunde" | "geschiedenis" | "natuur-en-techniek";
export type EarnWish = "required" | "preferred" | "no-preference";
export type EmploymentType = "structureel" | "vervanging";
export type IntakeStatus = "confirmed" | "typical";
export type SourceStatus = "confirmed" | "unconfirmed" | "conflict" | "dated";
export type Effect = "block" | "condition";
export type CostBasis = "collegegeld" | "instellingscollegegeld" | "cursusgeld" | "werkgever" | "geen";
export type TestType = Test["type"];
/** Output language. */
export type Lang = "nl" | "en";

// ------------------------------------------------------------------------ profile

/** What a candidate tells about themself; `{}` is a valid profile. */
export interface Profile {
    /** Diplomas held (all of them, not only the highest). */
    diplomas?: Diploma[];
    /** Teaching qualifications (bevoegdheden) already held. */
    qualifications?: HeldQualification[];
    /** A current job, or a signed job offer, at a school. */
    job?: Job | null;
    /** A study the candidate is enrolled in now. */
    study?: Study | null;
    /** The last date the candidate was enrolled at a lerarenopleiding without graduating. */
    lerarenopleiding_left?: IsoDate | null;
    /** Sectors the candidate would like to teach in (empty: no preference). */
    sectors?: Sector[];
    /** Subjects the candidate would like to teach (empty: no preference). */
    subjects?: Subject[];
    /** Hours a week available for training and work together (absent: not limited). 0–255. */
    hours_per_week?: number | null;
    /** Earliest date the candidate can start. */
    available_from?: IsoDate | null;
    /** Default `no-preference`. */
    earn_while_learning?: EarnWish;
    /** Where the candidate lives. */
    location?: Location | null;
    /** Maximum one-way travel distance in km, as the crow flies. 0–65535. */
    max_travel_km?: number | null;
    /** Dutch language level (absent: not stated). */
    dutch?: Dutch | null;
    /** Age in whole years (absent: not stated). 0–255. */
    age?: number | null;
    /** Date of birth (YYYY-MM-DD); age rules then use the age at the intake's start. */
    birth_date?: IsoDate | null;
    /** Pabo admission tests already passed. */
    pabo_tests_passed?: PaboTest[];
    /** A positive geschiktheidsonderzoek (zij-instroom suitability assessment). */
    geschiktheidsonderzoek_passed?: boolean;
    /** An assessment has shown hbo working level (for mbo-4 holders). */
    hbo_level_assessed?: boolean;
    /** Has a VOG (certificate of conduct). */
    vog?: boolean;
}

export interface Diploma {
    level: Level;
    /** Study field, e.g. `wiskunde`; related to subjects via the catalog's relatedness table. */
    field?: string | null;
    /** Earned abroad. */
    foreign?: boolean;
    /** For a foreign diploma: its level is recognised (diplomawaardering). */
    recognised?: boolean;
}

export interface HeldQualification {
    qualification: Qualification;
    subject?: Subject | null;
}

export interface Job {
    sector: Sector;
    role: Role;
    /** 0–255. */
    hours_per_week: number;
    /** First working day (absent: already working). */
    start_date?: IsoDate | null;
    /** True for an offer that has not started yet. */
    offer?: boolean;
}

export interface Study {
    /** The level the study leads to, e.g. `wo-bachelor`. */
    level: Level;
    field?: string | null;
    /** Credits (EC) earned so far. 0–65535. */
    ec: number;
    /** The study is a lerarenopleiding (including a pabo). */
    lerarenopleiding?: boolean;
}

/** Where a candidate lives: a 4-digit postcode or a CBS gemeente code. */
export interface Location {
    postcode?: string | null;
    gemeente?: string | null;
}

// ------------------------------------------------------------------------ catalog

/** Everything a matcher needs: rules, routes, intakes, vacancies, places, figures, weights. */
export interface Catalog {
    meta: Meta;
    sources?: Source[];
    rules: Rule[];
    route_kinds: RouteKindDef[];
    relatedness?: Relatedness[];
    institutions?: Institution[];
    offerings: Offering[];
    vacancies?: Vacancy[];
    places?: Place[];
    /** 4-digit postcodes as a compact table: `["3511", 52.0918, 5.1175, "GM0344"]`. */
    postcodes?: Postcode[];
    shortages?: Shortage[];
    /** Dated amounts and figures (fees, subsidies, pay) with their sources. */
    figures?: Figure[];
    weights: Weights;
}

export interface Meta {
    name: string;
    version: string;
    generated: IsoDate;
    /** Attribution lines that must be shown with the data. */
    attribution: string[];
    /** The region this catalog (or shard) covers, if any. */
    region?: string | null;
    notes?: string[];
}

/** A public source a rule or figure rests on. */
export interface Source {
    id: string;
    url: string;
    year?: string | null;
}

/** An admission rule, as data. */
export interface Rule {
    id: string;
    /** Source ids (see `Catalog.sources`). */
    sources: string[];
    valid_from?: IsoDate | null;
    valid_until?: IsoDate | null;
    /** Default `confirmed`. */
    status?: SourceStatus;
    note?: string | null;
    /** The rule is only checked when this holds. */
    applies_if?: Test | null;
    /** What must hold. */
    test: Test;
    /** What an unmet test does: block the route, or make it conditional. */
    otherwise: Effect;
    /** Message id of what the candidate can do when the rule is unmet (for a condition). */
    action?: string | null;
    /** Whether what-if hints may propose changing the profile to meet this rule. Default true. */
    what_if?: boolean;
    /** Ways round an unmet test, in order. */
    alternatives?: Alternative[];
}

export interface Alternative {
    test: Test;
    /** Message id of what the candidate then has to do. */
    action?: string | null;
}

/** A condition on a profile (and the offering it is checked for), tagged by `type`. */
export type Test =
    | { type: "diploma-level"; levels: Level[]; include_unrecognised?: boolean }
    | { type: "related-diploma"; levels: Level[]; include_unrecognised?: boolean }
    | { type: "qualification"; any_of: Qualification[]; same_subject?: boolean }
    | { type: "school-job"; roles?: Role[]; min_hours?: number }
    | { type: "geschiktheidsonderzoek" }
    | { type: "pabo-tests" }
    | { type: "hbo-level-assessed" }
    | { type: "dutch"; min: Dutch }
    | { type: "foreign-or-non-native" }
    | { type: "no-recent-lerarenopleiding"; years: number }
    | { type: "study"; levels: Level[]; min_ec: number; lerarenopleiding?: boolean; related?: boolean }
    | { type: "min-age"; years: number }
    | { type: "subject-in"; subjects: Subject[] }
    | { type: "sector-in"; sectors: Sector[] }
    | { type: "hours-above"; hours: number }
    | { type: "vog" }
    | { type: "all-of"; all: Test[] }
    | { type: "any-of"; any: Test[] }
    | { type: "not"; not: Test };

/** A route kind's definition: what it awards and which rules admit to it. */
export interface RouteKindDef {
    kind: RouteKind;
    qualification: Qualification;
    sectors: Sector[];
    /** Rule ids checked for every offering of this kind. */
    rules: string[];
    sources?: string[];
}

/** Which study fields count as related (verwant) to which subjects. */
export interface Relatedness {
    field: string;
    subjects: Subject[];
    source?: string | null;
}

export interface Institution {
    id: string;
    name: string;
    url?: string | null;
}

/** A route kind at an institution and place (schema.org EducationalOccupationalProgram). */
export interface Offering {
    id: string;
    kind: RouteKind;
    name: string;
    institution: string;
    /** Place id (gemeente code) where the training is given. */
    place: string;
    educational_program_mode: Mode;
    occupational_credential_awarded: Qualification;
    sectors: Sector[];
    subject?: Subject | null;
    time_to_complete: IsoDuration;
    /** Study load in hours a week. 0–255. */
    weekly_hours: number;
    /** What the candidate pays per year. */
    cost_eur_per_year: number;
    cost_basis: CostBasis;
    paid_while_learning: boolean;
    /** Rule ids checked in addition to the kind's rules. */
    program_prerequisites?: string[];
    /** Dated intake moments (cohorts). */
    intakes?: Intake[];
    /** The route can start on any day: no cohorts. */
    rolling_intake?: boolean;
    url?: string | null;
    /** CROHO code, for programmes in the register. */
    croho?: string | null;
    /** Id of the figure (in `figures`) the cost is taken from. */
    cost_figure?: string | null;
    /** Teaching hours a week the route allows someone without a bevoegdheid. */
    max_teaching_hours?: number | null;
}

export interface Intake {
    start_date: IsoDate;
    application_deadline?: IsoDate | null;
    /** Days needed before the start for steps such as the geschiktheidsonderzoek. */
    lead_time_days?: number;
    /** Default `typical`. */
    status?: IntakeStatus;
}

/** A job at a school (schema.org JobPosting). */
export interface Vacancy {
    id: string;
    title: string;
    employer: string;
    /** Place id (gemeente code or postcode). */
    job_location: string;
    sector: Sector;
    subject?: Subject | null;
    role: Role;
    /** Hours a week. */
    work_hours: number;
    employment_type: EmploymentType;
    job_start_date: IsoDate;
    valid_through: IsoDate;
    /** The school will employ someone who is still training. */
    accepts_in_training: boolean;
    /** Qualifications accepted from someone not in training. */
    education_requirements?: Qualification[];
    url?: string | null;
    /** True for demonstration data. */
    demo?: boolean;
}

/** A gemeente (`GM0344`) or 4-digit postcode (`3511`) with its coordinates. */
export interface Place {
    id: string;
    name: string;
    lat: number;
    lon: number;
    /** Arbeidsmarktregio code (`AM13`). */
    region?: string | null;
}

/** A 4-digit postcode: id, latitude, longitude, gemeente (a place id). */
export type Postcode = [id: string, lat: number, lon: number, gemeente: string];

/** A dated figure from a source: a fee, a subsidy, a salary. */
export interface Figure {
    id: string;
    value: number;
    /** `eur`, `eur-per-year`, `eur-per-month`, `percent`, `hours-per-week`, ... */
    unit: string;
    sources: string[];
    valid_from?: IsoDate | null;
    valid_until?: IsoDate | null;
    status?: SourceStatus;
    note?: string | null;
}

/** A measured shortage, as a percentage of jobs. */
export interface Shortage {
    sector: Sector;
    subject?: Subject | null;
    /** Arbeidsmarktregio code; absent for a national figure. */
    region?: string | null;
    percent: number;
    peildatum: IsoDate;
    source: string;
}

/** The maximum points of each score factor; they must add up to 100. */
export interface Weights {
    sector: number;
    subject: number;
    qualification: number;
    hours: number;
    earn_while_learning: number;
    cost: number;
    duration: number;
    time_to_start: number;
    travel: number;
    shortage: number;
}

// ------------------------------------------------------------------------ result

/** A message: a stable id with parameters, and its rendering in the requested language. */
export interface Text {
    id: string;
    /** Left out when there are none. */
    params?: Record<string, string>;
    text: string;
}

/** What `Matcher.match` returns (the same shape as the CLI's JSON). */
export interface MatchResult {
    catalog: string;
    catalog_version: string;
    today: IsoDate;
    lang: Lang;
    /** Offerings in rank order (at most `limit`, then closed ones up to `closed`). */
    routes: RouteResult[];
    /** The best route + intake + vacancy combinations. */
    pathways: Pathway[];
    /** For the best closed or conditional routes: the smallest change that opens them. */
    what_if: WhatIf[];
    /** How many offerings got each verdict (all of them, whatever `limit` listed). */
    counts: Counts;
    /** Things the candidate should know about the input (an unknown postcode, say). */
    notices: Text[];
}

export interface Counts {
    eligible: number;
    conditional: number;
    ineligible: number;
}

export interface RouteResult {
    rank: number;
    offering: string;
    name: string;
    kind: RouteKind;
    institution: string;
    place: string;
    mode: Mode;
    qualification: Qualification;
    sectors: Sector[];
    subject: Subject | null;
    eligibility: Eligibility;
    score: number;
    factors: Factor[];
    blockers: Finding[];
    conditions: Finding[];
    /** Rules checked and met. */
    satisfied: string[];
    next_intake: IntakeTiming | null;
    distance_km: number | null;
    cost_eur_per_year: number;
    cost_basis: CostBasis;
    paid_while_learning: boolean;
    duration: IsoDuration;
    weekly_hours: number;
    url: string | null;
}

/** The name of a score factor: one of the catalog's weights. */
export type FactorName = keyof Weights;

/** One named part of the score. */
export interface Factor {
    factor: FactorName;
    points: number;
    max: number;
    reason: Text;
}

/** A blocker or condition, traced to its rule and source. */
export interface Finding {
    rule: string;
    message: Text;
    /** What the candidate can do (conditions only). */
    action: Text | null;
    sources: SourceRef[];
    status: SourceStatus;
    valid_from: IsoDate | null;
    valid_until: IsoDate | null;
}

export interface SourceRef {
    id: string;
    url: string | null;
}

export interface IntakeTiming {
    start_date: IsoDate;
    application_deadline: IsoDate | null;
    /** The last day to act: the deadline, or earlier when a lead time must fit. */
    apply_by: IsoDate;
    lead_time_days: number;
    status: IntakeStatus;
    expected_qualification: IsoDate;
}

export interface Pathway {
    rank: number;
    offering: string;
    kind: RouteKind;
    eligibility: Eligibility;
    intake: IntakeTiming;
    vacancy: VacancyMatch | null;
    /** The pathway uses the person's own job or signed offer instead of a vacancy. */
    own_job: boolean;
    score: number;
    /** Misalignments between training and job. */
    flags: Text[];
    timeline: TimelineEvent[];
}

export interface VacancyMatch {
    id: string;
    title: string;
    employer: string;
    place: string;
    distance_km: number | null;
    job_start_date: IsoDate;
    valid_through: IsoDate;
    work_hours: number;
    employment_type: EmploymentType;
    url: string | null;
    demo: boolean;
}

export type TimelineEventKind = "apply" | "geschiktheidsonderzoek" | "intake" | "start-teaching" | "qualified";

export interface TimelineEvent {
    date: IsoDate;
    event: TimelineEventKind;
    text: Text;
}

export interface WhatIf {
    offering: string;
    kind: RouteKind;
    from: Eligibility;
    to: Eligibility;
    changes: Text[];
}

// ------------------------------------------------------------------------ info, places, errors

/** What `Matcher.info()` returns: the catalog's `meta` plus counts and study fields. */
export interface CatalogInfo {
    name: string;
    version: string;
    generated: IsoDate;
    attribution: string[];
    region: string | null;
    notes: string[];
    /** How many offerings the catalog has. */
    offerings: number;
    /** The study fields of the relatedness table, sorted, for suggestions in the form. */
    fields: string[];
}

/** One place a person can choose (a gemeente or postcode), as `Matcher.places()` lists them. */
export interface PlaceOption {
    id: string;
    name: string;
    region: string | null;
}

/** One problem in an input document. */
export interface Problem {
    /** JSON path such as `offerings[3].intakes[0].application_deadline`; empty for the document itself. */
    path: string;
    message: string;
}

/** Which input was rejected: the catalog, the profile, or the other arguments of `match`. */
export type InputDocument = "catalog" | "profile" | "options";

/** The shape of the input error as the CLI prints it. */
export interface InputError {
    document: InputDocument;
    problems: Problem[];
}

/**
 * What the constructor and `match` throw for bad input: a JS `Error` whose message
 * names every problem, with `document` and `problems` as properties. (`catch` gives
 * `unknown`: check for `problems` before treating it as one.)
 */
export interface RoutewijzerError extends Error, InputError {}
