// client.d.ts: TypeScript declarations of the JS client (client.js). The JSON shapes
// (Profile, Catalog, MatchResult, ...) are those of the wasm API, pkg/routewijzer.d.ts.

import type { Catalog, CatalogInfo, InputDocument, IsoDate, Lang, MatchResult, MatchView, Overlay, PlaceOption, Problem, Profile } from "../pkg/routewijzer.js";

export type { Catalog, CatalogInfo, InputDocument, Lang, MatchResult, Overlay, PlaceOption, Problem, Profile };

/** Bytes downloaded so far of the wasm, the catalog and the overlay; `total` is 0 while not known. */
export interface LoadProgress {
    loaded: number;
    total: number;
}

export interface LoadOptions {
    /**
     * A catalog URL (relative to the page), a parsed catalog, or its JSON text. A URL is
     * fetched and indexed once per page: loading it again gives the same Routewijzer.
     */
    catalog: string | URL | Catalog;
    /**
     * A loket's own data laid over the catalog (institutions, offerings, intakes, real
     * vacancies, activities): a URL, a parsed overlay, or its JSON text, read exactly like
     * the catalog. A URL is fetched once per page, in parallel with the catalog; an invalid
     * overlay rejects with a RoutewijzerInputError whose `document` is `"overlay"`.
     */
    overlay?: string | URL | Overlay;
    /** URL of routewijzer_bg.wasm (default: pkg/ next to the script). The first load on a page decides. */
    wasm?: string | URL;
    /** Called as bytes arrive. */
    onProgress?: (progress: LoadProgress) => void;
}

export interface MatchOptions {
    /** The day to match on, `YYYY-MM-DD` (default: the visitor's local date). */
    today?: IsoDate;
    /** Language of the messages (default `nl`). */
    lang?: Lang;
    /** List only the best `limit` routes (all are still scored and counted). */
    limit?: number | null;
    /** After the best `limit`, list closed routes until this many of those are listed. */
    closed?: number | null;
    /** List the best `per_kind` routes of each kind (one card per kind), and apply the candidate's filters. */
    view?: MatchView | null;
}

/** What `load` and `match` throw for input the core rejects, with every problem's JSON path. */
export class RoutewijzerInputError extends Error {
    constructor(message: string, init?: { document?: InputDocument; problems?: Problem[]; cause?: unknown });
    readonly name: "RoutewijzerInputError";
    /** Which input was rejected. */
    document: InputDocument;
    problems: Problem[];
}

/**
 * What `load` and `match` reject with when the core crashed (a WebAssembly trap such as
 * `RuntimeError: unreachable`). The wasm instance (in the worker, or on the main thread)
 * was then replaced by a fresh one and every Routewijzer rebuilds its matcher on its next
 * call, so the next call works.
 */
export class RoutewijzerCrashError extends Error {
    constructor(cause: unknown);
    readonly name: "RoutewijzerCrashError";
    /** The original error. */
    cause: unknown;
}

/** A catalog, validated and indexed once, that matches profiles. */
export class Routewijzer {
    private constructor();
    /**
     * Loads the core (once per page), the catalog and the overlay if any. Rejects with
     * RoutewijzerInputError for an invalid catalog or overlay, with an Error when a
     * download fails.
     */
    static load(options: LoadOptions): Promise<Routewijzer>;
    /**
     * Matches a profile (an object or JSON text) in the page's worker (or on the main
     * thread without one). Rejects with RoutewijzerInputError for bad input,
     * RoutewijzerCrashError after a crash.
     */
    match(profile: Profile | string, options?: MatchOptions): Promise<MatchResult>;
    /** The catalog's info, read at load (a fresh copy each call). */
    info(): CatalogInfo;
    /** The catalog's places, read at load (a fresh copy each call). */
    places(): PlaceOption[];
    /** Where the core runs: in the page's one worker, or on the main thread (no Worker, or a CSP that refuses it). */
    readonly engine: "worker" | "main";
}
