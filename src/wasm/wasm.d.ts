// ---------------------------------------------------------------------------------------
// Routewijzer: the shapes of the wasm API that are not Rust serde types of the core.
// Profile, Catalog, MatchResult, Problem and everything they contain are generated from
// the Rust types into types.d.ts (scripts/gen-types.mjs); this file adds what only the
// wasm boundary (src/wasm/mod.rs) makes: `info()`, `places()` and the thrown error.
// Both are appended to the generated pkg/routewijzer.d.ts and checked by tests/types.
// ---------------------------------------------------------------------------------------

/**
 * The name of a score factor (`Factor.factor`): one of the catalog's weights. (The Rust
 * field is a string, so the generated `Factor` types it as `string`.)
 */
export type FactorName = keyof Weights;

/** The `type` of a `Test`: `"diploma-level"`, `"all-of"`, ... */
export type TestType = Test["type"];

/** What `Matcher.info()` returns: the catalog's `meta` plus counts and study fields. */
export interface CatalogInfo {
    name: string;
    version: string;
    generated: IsoDate;
    /** Each line one text, or `{nl, en}`: shown in the widget's language. */
    attribution: Attribution[];
    region: string | null;
    notes: string[];
    /** How to reach the loket (from its overlay, or the catalog's own). */
    contact: Contact | null;
    /** The overlay laid over the catalog, when one was given. */
    overlay: OverlayInfo | null;
    /** How many offerings the catalog has. */
    offerings: number;
    /** The study fields of the relatedness table, sorted, for suggestions in the form. */
    fields: string[];
}

/** How `match` cuts its result: the best `per_kind` routes of each route kind (instead of
 * `limit`/`closed`), and the candidate's filters (left-out routes are counted in
 * `counts.hidden`). */
export interface MatchView {
    per_kind?: number | null;
    /** The order of each open kind's `others`, applied to all its places before the list
     * is cut to `per_kind` (default "rank"; places without a distance or a next start come
     * last; ties keep the rank order). */
    sort?: "rank" | "distance" | "start" | "cost" | null;
    filter?: {
        /** Only routes within this many km (routes with an unknown distance stay). */
        max_km?: number | null;
        /** Only routes whose next start is on or before this date. */
        start_before?: IsoDate | null;
        /** Only routes that pay a salary while training. */
        paid?: boolean;
        /** Only routes beside a job: deeltijd, duaal, werkend leren. */
        part_time?: boolean;
    };
    /** With `per_kind`: the kinds outside the person's choices (`kinds[].outside`) in full,
     * their best route in `routes` and their other places in `others` (default true).
     * false: those kinds only in `kinds`, summarised (verdict, counts, best offering's id,
     * what would open them), for a widget that hides them until asked. */
    outside?: boolean | null;
}

/** One place a person can choose (a gemeente or postcode), as `Matcher.places()` lists them. */
export interface PlaceOption {
    id: string;
    name: string;
    region: string | null;
}

/** Which input was rejected: the catalog, the profile, the other arguments of `match`, or
 * the loket's overlay (its own shape, or what it names in the catalog). */
export type InputDocument = "catalog" | "profile" | "options" | "overlay";

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
