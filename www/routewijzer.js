// Routewijzer: the entry module a loket embeds. Plain ES modules, no framework, no bundler.
//
//   <script type="module" src="/routewijzer/routewijzer.js"></script>
//   <route-wijzer catalog="/routewijzer/data/regions/AM13.json" region="AM13"
//                 sectors="po vo mbo" lang="nl" theme="light"></route-wijzer>
//
// or, without the element:
//
//   import { Routewijzer } from "/routewijzer/routewijzer.js";
//   const m = await Routewijzer.load({ catalog: "/routewijzer/data/regions/AM13.json" });
//   m.match({ diplomas: [{ level: "havo" }] }, { lang: "en" });
//
// The modules by concern live in js/ (each says what it is for): client.js (loading the
// wasm and catalogs, the JS API), i18n.js (the translation store, i18n/<lang>.json),
// dom.js, dates.js, form.js, results.js, timeline.js, element.js (<route-wijzer>).
// Everything is computed in the browser: the only requests are GETs of these scripts,
// the stylesheet, the store, the wasm and the catalog. Catalog text is only ever set as
// text; links are made for http(s) and mailto URLs only. Works under
// `Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`.

// Every module is named here, so the browser fetches them all at once instead of one
// level of imports after another.
import "./js/dom.js";
import "./js/dates.js";
import "./js/i18n.js";
import "./js/client.js";
import "./js/timeline.js";
import "./js/results.js";
import "./js/form.js";

export { Routewijzer, RoutewijzerInputError } from "./js/client.js";
export { RouteWijzer } from "./js/element.js";
