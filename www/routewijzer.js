// Routewijzer: the entry module a loket embeds (README "Embed on your loket site"):
//   <script type="module" src="/routewijzer/routewijzer.js"></script>
// It defines <route-wijzer> and exports the JS client (Routewijzer, its two errors;
// types in routewijzer.d.ts). The code lives in js/, one module per concern.

// Naming every module here lets the browser fetch them all at once, not level by level.
import "./js/dom.js";
import "./js/dates.js";
import "./js/i18n.js";
import "./js/client.js";
import "./js/timeline.js";
import "./js/results.js";
import "./js/search.js";
import "./js/places.js";
import "./js/fields.js";
import "./js/combobox.js";
import "./js/form.js";
import "./js/share.js";
// js/kit.js and what it imports (ics, shortlist, handoff) are loaded by the element when it
// starts loading a catalog, so that their evaluation is not part of the page's first task.

export { Routewijzer, RoutewijzerCrashError, RoutewijzerInputError } from "./js/client.js";
export { RouteWijzer } from "./js/element.js";
