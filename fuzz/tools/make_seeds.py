#!/usr/bin/env python3
"""Writes the small seed catalogs of the fuzz corpus, cut down from the sample catalog.

Each seed keeps a handful of offerings and only what they need to stay valid: their
route kinds, the rules those kinds and the offerings name, the sources cited, the
institutions and places referred to, vacancies and postcodes in those places, and the
figures named. Small seeds make the catalog-match target fast; the full sample is a
seed as well. Run from anywhere; the output is deterministic. Check the result with
`cargo run -- validate fuzz/corpus/catalog-match/<file>`.
"""
import json, os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = os.path.join(ROOT, "tests", "fixtures", "sample-catalog.json")
OUT = os.path.join(ROOT, "fuzz", "corpus", "catalog-match")

SEEDS = {
    # name: (offering ids, max vacancies, max shortages)
    "small-pabo": (["hu-pabo-voltijd-utrecht"], 0, 2),
    "small-po": (
        ["hu-pabo-deeltijd-utrecht", "hu-zij-instroom-po-utrecht", "marnix-pabo-onderwijsassistent-utrecht",
         "hu-lio-po-utrecht", "marnix-herintreding-po-utrecht", "uu-hu-alpo-utrecht"],
        6, 6,
    ),
    "small-vo": (
        ["hu-zij-instroom-vo-wiskunde-utrecht", "uu-zij-instroom-vo-eerstegraads-wiskunde-utrecht",
         "hu-lerarenopleiding-wiskunde-deeltijd-utrecht", "hu-kopopleiding-wiskunde-utrecht",
         "uu-educatieve-minor-biologie-utrecht", "hu-master-leraar-wiskunde-utrecht", "hu-pdg-utrecht",
         "hu-hybride-docent-techniek-utrecht", "hu-ad-dep-amersfoort"],
        8, 8,
    ),
}


def cut(c, offering_ids, max_vacancies, max_shortages):
    offerings = [o for o in c["offerings"] if o["id"] in offering_ids]
    kinds = {o["kind"] for o in offerings}
    route_kinds = [k for k in c["route_kinds"] if k["kind"] in kinds]
    rule_ids = {r for k in route_kinds for r in k["rules"]}
    rule_ids |= {r for o in offerings for r in o.get("program_prerequisites", [])}
    rules = [r for r in c["rules"] if r["id"] in rule_ids]
    institutions = [i for i in c["institutions"] if i["id"] in {o["institution"] for o in offerings}]
    place_ids = {o["place"] for o in offerings}
    vacancies = [v for v in c["vacancies"] if v["job_location"] in place_ids][:max_vacancies]
    places = [p for p in c["places"] if p["id"] in place_ids]
    postcodes = [p for p in c["postcodes"] if p[3] in place_ids]
    figure_ids = {o["cost_figure"] for o in offerings if o.get("cost_figure")}
    figures = [f for f in c["figures"] if f["id"] in figure_ids]
    sectors = {s for o in offerings for s in o["sectors"]}
    shortages = [s for s in c["shortages"] if s["sector"] in sectors][:max_shortages]
    relatedness = c["relatedness"][:6]
    cited = set()
    for r in rules:
        cited |= set(r.get("sources", []))
    for k in route_kinds:
        cited |= set(k.get("sources", []))
    for f in figures:
        for v in f["values"]:
            cited |= set(v.get("sources", []))
    cited |= {s["source"] for s in shortages}
    cited |= {r["source"] for r in relatedness if "source" in r}
    sources = [s for s in c["sources"] if s["id"] in cited]
    out = {"meta": dict(c["meta"], name=c["meta"]["name"] + " (fuzz seed)", notes=[])}
    for key, value in [("sources", sources), ("rules", rules), ("route_kinds", route_kinds),
                       ("relatedness", relatedness), ("institutions", institutions), ("offerings", offerings),
                       ("vacancies", vacancies), ("places", places), ("postcodes", postcodes),
                       ("shortages", shortages), ("figures", figures)]:
        out[key] = value
    out["weights"] = c["weights"]
    return out


with open(SAMPLE, encoding="utf-8") as f:
    sample = json.load(f)
os.makedirs(OUT, exist_ok=True)
for name, (ids, nv, ns) in SEEDS.items():
    missing = set(ids) - {o["id"] for o in sample["offerings"]}
    assert not missing, missing
    with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8") as f:
        json.dump(cut(sample, ids, nv, ns), f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
