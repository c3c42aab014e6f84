// Type-level checks of the published API (pkg/routewijzer.d.ts). Nothing here runs:
// `tsc -p tests/types` must accept every line, and every `@ts-expect-error` line must
// really be an error (tsc reports an unused one), so the check cannot silently pass.

import init, {
    Matcher,
    type Catalog,
    type CatalogInfo,
    type Counts,
    type Eligibility,
    type Factor,
    type FactorName,
    type Intake,
    type IsoDate,
    type Lang,
    type Level,
    type MatchResult,
    type Overlay,
    type PlaceOption,
    type Postcode,
    type Problem,
    type Profile,
    type RoutewijzerError,
    type Test,
    type TimelineEvent,
} from "../../pkg/routewijzer.js";
import sampleCatalog from "../fixtures/sample-catalog.json";

// ------------------------------------------------------------------ a realistic profile

// As tests/fixtures/profiles/januari-baanaanbod.json.
const profile: Profile = {
    diplomas: [{ level: "havo" }, { level: "hbo-bachelor", field: "toegepaste-wiskunde" }],
    job: { sector: "vo", role: "leraar-onbevoegd", hours_per_week: 32, start_date: "2027-01-04", offer: true },
    age: 31,
    sectors: ["vo"],
    subjects: ["wiskunde"],
    hours_per_week: 40,
    earn_while_learning: "required",
    location: { postcode: "3511" },
    max_travel_km: 25,
};
const empty: Profile = {};

async function usage(catalogText: string): Promise<void> {
    await init();
    const fromText = new Matcher(catalogText);
    const m = new Matcher(sampleCatalog as Catalog);
    fromText.free();
    const overlay: Overlay = { meta: { name: "Loket", version: "1", generated: "2026-11-20", region: "AM13" }, activities: [] };
    new Matcher(catalogText, overlay).free();
    new Matcher(catalogText, JSON.stringify(overlay)).free();

    const result: MatchResult = m.match(profile, "2026-11-23", "en", 5, 3);
    m.match(empty, "2026-11-23");
    m.match(JSON.stringify(profile), "2026-11-23", "nl");
    m.match(profile, "2026-11-23", null, null, null);
    m.match(profile, "2026-11-23", undefined, 10);

    const route = result.routes[0];
    const reason: string = route.factors[0].reason.text;
    const name: string = route.factors[0].factor; // a string in Rust; FactorName names the possible values
    const params: Record<string, string> | undefined = route.factors[0].reason.params;
    const verdict: Eligibility = route.eligibility;
    const km: number | null = route.distance_km;
    const start: IsoDate | undefined = route.next_intake?.start_date;
    const blockers: string[] = route.blockers.map((b) => `${b.rule}: ${b.message.text} (${b.sources.map((s) => s.url ?? s.id)})`);
    const action: string | undefined = route.conditions[0]?.action?.text;
    const counts: Counts = result.counts;
    const total: number = counts.eligible + counts.conditional + counts.ineligible;
    const lang: Lang = result.lang;

    const timeline: TimelineEvent[] = result.pathways[0].timeline;
    const when: string = timeline.map((t) => `${t.date} ${t.event}: ${t.text.text}`).join("\n");
    const employer: string | undefined = result.pathways[0].vacancy?.employer;
    const change: string = result.what_if[0].changes[0].text;
    const from: Eligibility = result.what_if[0].from;
    const notice: string = result.notices[0].id;

    const info: CatalogInfo = m.info();
    const summary = `${info.name} ${info.version} (${info.generated}), ${info.offerings} offerings, ${info.fields.length} fields, ${info.region ?? "national"}`;
    const places: PlaceOption[] = m.places();
    const firstRegion: string | null = places[0].region;

    try {
        m.match("{", "2026-11-23");
    } catch (e) {
        const err = e as RoutewijzerError;
        const problem: Problem = err.problems[0];
        const line: string = `${err.document}: ${problem.path} ${problem.message} (${err.message})`;
        void line;
    }

    void [reason, name, params, verdict, km, start, blockers, action, total, lang, when, employer, change, from, notice];
    void [summary, firstRegion];

    // -------------------------------------------------------------- wrong values rejected

    // @ts-expect-error not a Level
    const master: Profile = { diplomas: [{ level: "master" }] };
    // @ts-expect-error not a Lang
    m.match(profile, "2026-11-23", "de");
    // @ts-expect-error an Intake needs its start_date
    const intake: Intake = { application_deadline: "2027-05-01", status: "confirmed" };
    // @ts-expect-error unknown field (the core rejects it too)
    const typo: Profile = { diploma: [] };
    // @ts-expect-error a Job needs sector, role and hours
    const job: Profile = { job: { sector: "vo" } };
    // @ts-expect-error earn_while_learning is not a boolean
    const earn: Profile = { earn_while_learning: true };
    // @ts-expect-error the profile is an object or JSON text
    m.match(42, "2026-11-23");
    // @ts-expect-error `today` is required
    m.match(profile);
    // @ts-expect-error a route's subject may be null
    const subject: string = route.subject;
    // @ts-expect-error params is left out when empty
    const p: string = route.factors[0].reason.params.km;
    // @ts-expect-error not a factor
    const factor: FactorName = "salary";
    // @ts-expect-error a dutch test takes `min`, not `levels`
    const t1: Test = { type: "dutch", levels: ["havo"] };
    // @ts-expect-error not a test type
    const t2: Test = { type: "diploma", levels: ["havo"] };
    // @ts-expect-error a postcode is [id, lat, lon, gemeente]
    const pc: Postcode = ["3511", "GM0344", 52.09, 5.12];
    // @ts-expect-error info() has no `offering` list
    info.offerings.length;
    void [master, intake, typo, job, earn, subject, p, factor, t1, t2, pc];
}
void usage;

// A few values that must be accepted.
const tests: Test[] = [
    { type: "diploma-level", levels: ["mbo-4", "havo"], include_unrecognised: true },
    { type: "not", not: { type: "pabo-tests" } },
    { type: "any-of", any: [{ type: "min-age", years: 21 }, { type: "school-job" }] },
    { type: "study", levels: ["wo-bachelor"], min_ec: 120, related: true },
];
const levels: Level[] = ["geen", "vmbo", "mbo-2", "phd"];
const postcode: Postcode = ["3511", 52.0886, 5.1174, "GM0344"];
void [tests, levels, postcode];

// ------------------------------------------------------------------ the sample catalog

// A JSON import widens every string to `string`, so it cannot be checked against the
// vocabulary unions here (tests/browser/types.test.mjs checks every fixture literally,
// with `satisfies`). What it can check: the JSON fits Catalog with each string union
// widened to string (and tuples to arrays, as JSON arrays are typed): field names,
// required fields, nesting, numbers and booleans.
type Widen<T> = T extends string
    ? string
    : T extends number | boolean | null | undefined
      ? T
      : T extends readonly (infer E)[]
        ? Widen<E>[]
        : T extends object
          ? { [K in keyof T]: Widen<T[K]> }
          : T;

const widened: Widen<Catalog> = sampleCatalog;
void widened;
