// routewijzer.d.ts: TypeScript declarations of the entry module: the JS client (js/client.d.ts)
// and the <route-wijzer> element.

import type { MatchResult, Profile } from "./pkg/routewijzer.js";

export * from "./js/client.js";

/** The `<route-wijzer>` element. */
export class RouteWijzer extends HTMLElement {
    /** Instance name in events and the storage key: the `name` attribute, else the `id`, else a name unique on the page. */
    name: string;
    /**
     * The answers; setting replaces them (`{}` or null clears the form). A profile the form
     * cannot hold wholly (an answer it does not ask for, such as `roles`; a value it has no
     * option for; a location the core would refuse; a number outside a field's range; a
     * date that is not a real day) is refused: the setter throws a RoutewijzerInputError
     * whose `problems` name each field, and the answers stay as they were. Set before the
     * form is there (when only a non-object is refused at once), the other problems come as
     * a `routewijzer:error` event once it is, and the form starts without that profile;
     * until then the getter returns what was set.
     */
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
