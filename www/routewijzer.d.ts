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

/** `routewijzer:ready`: the catalog is loaded and the form is there. */
export interface RoutewijzerReadyDetail {
    name: string;
    /** The catalog's name and version (its `meta`). */
    catalog: string;
    version: string;
    /** The `region` attribute, else the catalog's region. */
    region: string | null;
    /** The overlay's full URL, or null. */
    overlay: string | null;
}

/** `routewijzer:result`: a result is wholly on screen. */
export interface RoutewijzerResultDetail {
    name: string;
    /** Every training place scored after the filters, open or not, also outside the candidate's choices. */
    routes: number;
    eligible: number;
    conditional: number;
    /** Pathways found (the widget shows the best 3). */
    pathways: number;
}

/** `routewijzer:error`: a failed change of the answers, a catalog or text that did not load, an attribute value it cannot use. */
export interface RoutewijzerErrorDetail {
    name: string;
    message: string;
}

/** The widget's events: they bubble and cross its shadow root, so the page can listen on the element, the document or the window. */
export interface RoutewijzerEventMap {
    "routewijzer:ready": CustomEvent<RoutewijzerReadyDetail>;
    "routewijzer:result": CustomEvent<RoutewijzerResultDetail>;
    "routewijzer:error": CustomEvent<RoutewijzerErrorDetail>;
}

declare global {
    interface HTMLElementTagNameMap {
        "route-wijzer": RouteWijzer;
    }
    interface HTMLElementEventMap extends RoutewijzerEventMap {}
    interface DocumentEventMap extends RoutewijzerEventMap {}
    interface WindowEventMap extends RoutewijzerEventMap {}
}
