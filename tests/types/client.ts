// Type-level checks of the JS client (www/js/client.d.ts) and the entry module
// (www/routewijzer.d.ts), as a loket's developer would use them. Nothing here runs:
// `tsc -p tests/types` must accept every line, and every `@ts-expect-error` line must
// really be an error.

import { Routewijzer, RoutewijzerCrashError, RoutewijzerInputError, type LoadProgress, type MatchOptions } from "../../www/js/client.js";
import * as entry from "../../www/routewijzer.js";
import type { CatalogInfo, MatchResult, PlaceOption, Problem, Profile } from "../../pkg/routewijzer.js";
import sampleCatalog from "../fixtures/sample-catalog.json";

const profile: Profile = {
    diplomas: [{ level: "havo" }, { level: "hbo-bachelor", field: "bedrijfskunde" }],
    sectors: ["po"],
    hours_per_week: 36,
    earn_while_learning: "required",
    location: { postcode: "3812" },
    max_travel_km: 40,
    age: 35,
};

async function page(bar: HTMLProgressElement, out: HTMLElement): Promise<void> {
    // A URL, with progress.
    const m = await Routewijzer.load({
        catalog: "/routewijzer/data/regions/AM13.json",
        onProgress: ({ loaded, total }: LoadProgress) => {
            if (total) bar.value = (100 * loaded) / total;
        },
    });
    // A parsed catalog, JSON text, a URL object, another wasm location.
    const fromObject: Routewijzer = await Routewijzer.load({ catalog: sampleCatalog as entry.Catalog });
    const fromText = await Routewijzer.load({ catalog: JSON.stringify(sampleCatalog), wasm: "/static/routewijzer_bg.wasm" });
    const fromUrl = await entry.Routewijzer.load({ catalog: new URL("/data/catalog.json", location.href) });
    void [fromObject, fromText, fromUrl];

    const options: MatchOptions = { today: "2026-11-23", lang: "en", limit: 10, closed: 5 };
    const result: MatchResult = await m.match(profile, options);
    const engine: "worker" | "main" = m.engine;
    void engine;
    m.match({});
    m.match(JSON.stringify(profile), { lang: "nl" });
    m.match(profile, { limit: null, closed: null });
    const best = result.routes[0];
    out.textContent = `${best.name} (${best.institution}): ${best.eligibility}, ${best.score}/100`;
    const info: CatalogInfo = m.info();
    const places: PlaceOption[] = m.places();
    out.title = `${info.name} ${info.version}, ${places.length} places`;

    try {
        m.match({ diplomas: [{ level: "havo" }] }, { today: "23-11-2026" });
    } catch (e) {
        if (e instanceof RoutewijzerInputError) {
            const which: "catalog" | "profile" | "options" | "overlay" = e.document;
            const first: Problem | undefined = e.problems[0];
            const name: "RoutewijzerInputError" = e.name;
            out.textContent = `${which}: ${first?.path} ${first?.message} (${e.message}, ${name})`;
        } else if (e instanceof RoutewijzerCrashError) {
            const name: "RoutewijzerCrashError" = e.name;
            out.textContent = `${name}: ${e.message}`; // the core was reset: the next call works
        } else throw e;
    }
    const err = new RoutewijzerInputError("profile: age: too young", { document: "profile", problems: [{ path: "age", message: "too young" }] });
    const asError: Error = err;
    void asError;

    // The element.
    const el = document.querySelector("route-wijzer");
    if (el) {
        el.profile = profile;
        el.profile = {};
        el.profile = null;
        const answers: Profile = el.profile;
        const last: MatchResult | null = el.result;
        const name: string = el.name;
        void [answers, last, name];
    }
    const made: entry.RouteWijzer = document.createElement("route-wijzer");
    void made;
    // Its events, typed wherever the page listens.
    made.addEventListener("routewijzer:result", (e) => {
        const shown: number = e.detail.eligible + e.detail.conditional;
        void shown;
    });
    document.addEventListener("routewijzer:ready", (e) => {
        const region: string | null = e.detail.region;
        const detail: entry.RoutewijzerReadyDetail = e.detail;
        void [region, detail];
    });
    window.addEventListener("routewijzer:error", (e) => console.warn(e.detail.name, e.detail.message));

    // -------------------------------------------------------------- wrong use rejected

    // @ts-expect-error a Routewijzer is made with Routewijzer.load()
    new Routewijzer();
    // @ts-expect-error `catalog` is required
    await Routewijzer.load({});
    // @ts-expect-error a catalog is a URL, a catalog object or JSON text
    await Routewijzer.load({ catalog: 42 });
    // @ts-expect-error options are an object, not the raw API's positional `today`
    m.match(profile, "2026-11-23");
    // @ts-expect-error not a Lang
    m.match(profile, { lang: "de" });
    // @ts-expect-error not a Level
    m.match({ diplomas: [{ level: "master" }] });
    // @ts-expect-error the result is a promise: await it
    const notAwaited: MatchResult = m.match(profile);
    // @ts-expect-error problems are {path, message}
    const bad: string = new RoutewijzerInputError("x").problems[0];
    // @ts-expect-error result is read-only
    if (el) el.result = null;
    // @ts-expect-error a result event's detail has counts, not the routes
    document.addEventListener("routewijzer:result", (e) => e.detail.routes.length);
    void bad;
}
void page;
