// routewijzer.d.ts: TypeScript declarations of the entry module: the JS client (js/client.d.ts)
// and the <route-wijzer> element.

import type { MatchResult, Profile } from "./pkg/routewijzer.js";

export * from "./js/client.js";

/** The `<route-wijzer>` element. */
export class RouteWijzer extends HTMLElement {
    /** Instance name in events and the storage key: the `name` attribute, else the `id`, else a name unique on the page. */
    name: string;
    /** The answers; setting replaces them (`{}` clears the form). */
    get profile(): Profile;
    set profile(profile: Profile | null);
    /** The last result, or null. */
    readonly result: MatchResult | null;
}

declare global {
    interface HTMLElementTagNameMap {
        "route-wijzer": RouteWijzer;
    }
}
