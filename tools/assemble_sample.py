#!/usr/bin/env python3
"""Assembles the hand-written sample catalog from its parts.

The sample catalog (tests/fixtures/sample-catalog.json) is written by hand: the rules
file data/rules.json (sources, rules, route kinds, relatedness, shortage figures,
figures, weights, from the routes fact brief (docs/domain/ROUTES.md); shared with the national catalog
build) and, under tests/fixtures/parts/, institutions, places, offerings, vacancies and activities
(from DUO, CBS and GeoNames open data, see README). This script joins them, adds the
metadata, and writes the result; run it after editing a part.
The default catalog www/data/catalog.json is built by `build-catalog` (data/README.md), not copied from here.
"""
import json, os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PARTS = os.path.join(ROOT, "tests", "fixtures", "parts")

def part(name):
    with open(os.path.join(PARTS, name + ".json"), encoding="utf-8") as f:
        return json.load(f)

with open(os.path.join(ROOT, "data", "rules.json"), encoding="utf-8") as f:
    core = json.load(f)
catalog = {
    "meta": {
        "name": "Routewijzer voorbeeldcatalogus (regio Utrecht en landelijk)",
        "version": "2026.11-sample.1",
        "generated": "2026-11-23",
        "attribution": [
            "Bron: DUO (Dienst Uitvoering Onderwijs), open onderwijsdata (CC0)",
            "Bron: CBS (Centraal Bureau voor de Statistiek), CC BY 4.0",
            "GeoNames (www.geonames.org), CC BY 4.0",
        ],
        "region": "AM13",
        "notes": [
            "Hand-written sample for tests and the demo until the national catalog build lands.",
            "Vacancies are demonstration data at real schools, not real job openings.",
            "The relatedness table is a simplified excerpt in the spirit of the verwantschapstabel (S42); the official table is not encoded.",
        ],
    },
    "sources": core["sources"],
    "rules": core["rules"],
    "route_kinds": core["route_kinds"],
    "relatedness": core["relatedness"],
    "institutions": part("institutions"),
    "offerings": part("offerings"),
    "vacancies": part("vacancies"),
    "places": part("places"),
    "shortages": core["shortages"],
    "figures": core["figures"],
    "activities": part("activities"),
    "weights": core["weights"],
}
# Postcodes go in the compact table, linked to their gemeente (data/nl/pc4_derived.csv).
import csv
with open(os.path.join(ROOT, "data", "nl", "pc4_derived.csv"), encoding="utf-8") as f:
    gemeente_of = {r["pc4"]: r["gemeentecode"] for r in csv.DictReader(f)}
known = {p["id"] for p in catalog["places"]}
postcodes = [p for p in catalog["places"] if p["id"].isdigit() and gemeente_of.get(p["id"]) in known]
catalog["places"] = [p for p in catalog["places"] if p not in postcodes]
catalog["postcodes"] = [[p["id"], p["lat"], p["lon"], gemeente_of[p["id"]]] for p in postcodes]

# Hybride docent: without a bevoegdheid at most 6 teaching hours a week (figure onbevoegd-max-uren, S6).
for o in catalog["offerings"]:
    if o["kind"] == "hybride-docent":
        o["max_teaching_hours"] = 6

out = os.path.join(ROOT, "tests", "fixtures", "sample-catalog.json")
with open(out, "w", encoding="utf-8") as f:
    json.dump(catalog, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(f"wrote {out}: {len(catalog['offerings'])} offerings, {len(catalog['vacancies'])} vacancies, {len(catalog['activities'])} activities")
