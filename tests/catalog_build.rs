//! The national catalog build: the shipped catalogs validate, regeneration is
//! byte-identical, every route kind is present, counts and named mappings hold, the
//! attribution is shipped, and the sizes stay within budget. Reads only repository files.
#![cfg(all(feature = "schema", feature = "import"))] // (the build-catalog binary needs both)

use flate2::{write::GzEncoder, Compression};
use routewijzer::model::{Attribution, Catalog};
use routewijzer::{Date, Lang, MatchOptions, Matcher, RouteKind, Sector};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn root(p: &str) -> PathBuf {
    Path::new(ROOT).join(p)
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn national() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(|| {
        routewijzer::model::parse::catalog_from_str(&read(&root("www/data/catalog.json")))
            .expect("national catalog parses")
    })
}

fn shard_files() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root("www/data/regions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_str().unwrap().starts_with("AM"))
        .collect();
    v.sort();
    v
}

fn gzip_len(bytes: &[u8]) -> usize {
    let mut e = GzEncoder::new(Vec::new(), Compression::best());
    e.write_all(bytes).unwrap();
    e.finish().unwrap().len()
}

/// Every file the build writes, relative to the output directory.
fn outputs(dir: &Path) -> Vec<PathBuf> {
    let mut v = vec![
        PathBuf::from("www/data/catalog.json"),
        PathBuf::from("www/data/fields.json"),
        PathBuf::from("www/data/places.json"),
        PathBuf::from("schema/catalog.schema.json"),
        PathBuf::from("schema/profile.schema.json"),
        PathBuf::from("schema/result.schema.json"),
    ];
    let mut regions: Vec<PathBuf> = std::fs::read_dir(dir.join("www/data/regions"))
        .unwrap()
        .map(|e| Path::new("www/data/regions").join(e.unwrap().file_name()))
        .collect();
    regions.sort();
    v.extend(regions);
    v
}

#[test]
fn regeneration_is_byte_identical() {
    let out = std::env::temp_dir().join(format!("routewijzer-build-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_build-catalog"))
        .args(["--data", &root("data").to_string_lossy(), "--out", &out.to_string_lossy(), "--quiet"])
        .status()
        .unwrap();
    assert!(status.success(), "build-catalog failed");
    let built = outputs(&out);
    let committed = outputs(Path::new(ROOT));
    assert_eq!(built, committed, "the build writes other files than are committed");
    for f in &built {
        let a = std::fs::read(out.join(f)).unwrap();
        let b = std::fs::read(root(f.to_str().unwrap())).unwrap();
        assert!(
            a == b,
            "{} differs from a fresh build: run `cargo run --release --features schema --bin build-catalog`",
            f.display()
        );
    }
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn every_shipped_catalog_validates() {
    let mut files = vec![root("www/data/catalog.json")];
    files.extend(shard_files());
    assert_eq!(files.len(), 36, "the national catalog and 35 arbeidsmarktregio shards");
    for f in files {
        if let Err(e) = Matcher::from_json(&read(&f)) {
            panic!("{}: {e}", f.display());
        }
    }
}

#[test]
fn every_route_kind_is_present() {
    let c = national();
    // Knowingly left out (data/README.md): no source in data/ says where the mbo
    // Onderwijsassistent programme runs, so the kind is defined but has no offerings.
    let left_out = [RouteKind::MboOnderwijsassistent];
    let readme = read(&root("data/README.md"));
    for k in left_out {
        assert!(readme.contains(&format!("`{k}`")), "data/README.md does not explain why {k} is left out");
        assert!(c.route_kinds.iter().any(|d| d.kind == k), "{k} is not defined");
    }
    let shown = || RouteKind::ALL.iter().filter(|k| !left_out.contains(k));
    for k in shown() {
        let n = c.offerings.iter().filter(|o| o.kind == *k).count();
        assert!(n >= 2, "route kind {k}: {n} offerings");
    }
    // Every shard can show every kind too (topped up with the nearest offerings).
    for f in shard_files() {
        let s = routewijzer::model::parse::catalog_from_str(&read(&f)).unwrap();
        for k in shown() {
            assert!(s.offerings.iter().any(|o| o.kind == *k), "{}: no {k}", f.display());
        }
    }
}

#[test]
fn counts_have_sensible_lower_bounds() {
    let c = national();
    let mut kinds: BTreeMap<RouteKind, usize> = BTreeMap::new();
    for o in &c.offerings {
        *kinds.entry(o.kind).or_default() += 1;
    }
    let intakes: usize = c.offerings.iter().map(|o| o.intakes.len()).sum();
    println!(
        "{} institutions, {} offerings, {intakes} intakes, {} vacancies, {} places, {} postcodes",
        c.institutions.len(),
        c.offerings.len(),
        c.vacancies.len(),
        c.places.len(),
        c.postcodes.len()
    );
    println!("{kinds:?}");
    assert!(c.institutions.len() >= 40, "institutions");
    assert_eq!(c.places.len(), 342, "every gemeente of 2024/2025");
    assert!(c.postcodes.len() >= 4000, "PC4 postcodes");
    assert!(c.offerings.len() >= 1500, "offerings");
    assert!(intakes >= 3500, "intakes");
    assert!(kinds[&RouteKind::PaboVoltijd] >= 30 && kinds[&RouteKind::PaboDeeltijd] >= 40, "pabo: {kinds:?}");
    assert!(kinds[&RouteKind::LerarenopleidingTweedegraads] >= 300);
    assert!(kinds[&RouteKind::MasterLeraarWo] >= 100 && kinds[&RouteKind::MasterLeraarHbo] >= 40);
    assert!(kinds[&RouteKind::ZijInstroomPo] >= 30 && kinds[&RouteKind::ZijInstroomVoTweedegraads] >= 100);
    assert!(c.vacancies.len() >= 2000, "vacancies");
    for s in Sector::ALL {
        assert!(c.vacancies.iter().filter(|v| v.sector == *s).count() >= 200, "vacancies in {s}");
    }
    assert!(c.vacancies.iter().all(|v| v.demo), "default vacancies are demonstration data");
    assert!(c.vacancies.iter().any(|v| v.employment_type == routewijzer::EmploymentType::Vervanging));
    assert!(c.figures.len() >= 20 && c.shortages.len() >= 40);
    // Every offering but the rolling ones has at least two intakes, none before the build date.
    for o in &c.offerings {
        assert!(o.rolling_intake || o.intakes.len() >= 2 || o.croho.is_some(), "{}: {} intakes", o.id, o.intakes.len());
        assert!(
            o.intakes.iter().all(
                |i| i.start_date > c.meta.generated && i.application_deadline.is_none_or(|d| d >= c.meta.generated)
            ),
            "{}",
            o.id
        );
    }
}

#[test]
fn known_programmes_are_mapped_at_their_real_place() {
    let c = national();
    let inst = |name: &str| {
        c.institutions.iter().find(|i| i.name == name).unwrap_or_else(|| panic!("no institution {name}")).id.clone()
    };
    fn find<'a>(
        c: &'a Catalog,
        inst: &'a str,
        kind: RouteKind,
        place: &'a str,
    ) -> impl Iterator<Item = &'a routewijzer::model::Offering> {
        c.offerings.iter().filter(move |o| o.institution == inst && o.kind == kind && o.place == place)
    }

    // iPabo, Amsterdam: Opleiding tot leraar Basisonderwijs, voltijd and deeltijd.
    let ipabo = inst("Hogeschool IPABO Amsterdam Alkmaar");
    for kind in [RouteKind::PaboVoltijd, RouteKind::PaboDeeltijd] {
        let o = find(c, &ipabo, kind, "GM0363").next().unwrap_or_else(|| panic!("iPabo {kind} in Amsterdam"));
        assert_eq!(o.name, "Opleiding tot leraar Basisonderwijs");
        assert_eq!(o.croho.as_deref(), Some("34808"));
    }
    // Universiteit Leiden: wo Leraar VHO Betawetenschappen, with a subject per offering.
    let leiden = inst("Universiteit Leiden");
    let wis = find(c, &leiden, RouteKind::MasterLeraarWo, "GM0546")
        .find(|o| o.subject == Some(routewijzer::Subject::Wiskunde) && o.croho.as_deref() == Some("68533"))
        .expect("Leiden Leraar VHO wiskunde");
    assert!(wis.name.starts_with("Leraar Voorbereidend Hoger Onderwijs in de Bètawetenschappen"), "{}", wis.name);
    assert_eq!(wis.occupational_credential_awarded, routewijzer::Qualification::Eerstegraads);
    // Fries only at the Rijksuniversiteit Groningen.
    let fries: Vec<_> = c
        .offerings
        .iter()
        .filter(|o| o.kind == RouteKind::MasterLeraarWo && o.subject == Some(routewijzer::Subject::Fries))
        .collect();
    assert!(!fries.is_empty() && fries.iter().all(|o| o.institution == inst("Rijksuniversiteit Groningen")));
    // Tweedegraads wiskunde at Hogeschool Utrecht; PWPO at Radboud in Nijmegen.
    let hu = inst("Hogeschool Utrecht");
    assert!(find(c, &hu, RouteKind::LerarenopleidingTweedegraads, "GM0344")
        .any(|o| o.croho.as_deref() == Some("35221") && o.subject == Some(routewijzer::Subject::Wiskunde)));
    assert!(find(c, &inst("Radboud Universiteit Nijmegen"), RouteKind::PaboAcademisch, "GM0268")
        .any(|o| o.croho.as_deref() == Some("59329")));
    // Zij-instroom po at Fontys in Eindhoven, with the Fontys GO deadline (1 May) [S20].
    let fontys = inst("Fontys Hogeschool");
    let z = find(c, &fontys, RouteKind::ZijInstroomPo, "GM0772").next().expect("Fontys zij-instroom po in Eindhoven");
    assert!(z
        .intakes
        .iter()
        .any(|i| i.application_deadline == Date::new(2027, 5, 1) && i.start_date == Date::new(2027, 9, 1).unwrap()));
    // Herintreding is gated by the bevoegdheid rule of its sector (rules on the kind), says
    // on every route that the refresher course is optional and UNCONFIRMED, and is closed
    // for someone who teaches in the sector now.
    let kind = c.route_kinds.iter().find(|k| k.kind == RouteKind::Herintreding).unwrap();
    assert_eq!(
        kind.rules,
        [
            "herintreding-bevoegdheid-po",
            "herintreding-bevoegdheid-vo",
            "herintreding-opfriscursus",
            "al-leraar-herintreding"
        ]
    );
    // Every offering's cost names a figure that exists, except LIO and the rolling routes.
    for o in &c.offerings {
        if let Some(f) = &o.cost_figure {
            assert!(c.figures.iter().any(|x| &x.id == f), "{}", o.id);
        }
    }
}

#[test]
fn tweedegraads_routes_in_a_subject_stand_where_a_programme_awards_tweedegraads_in_it() {
    // Zij-instroom tweedegraads and the kopopleiding are placed per subject beside a
    // tweedegraads lerarenopleiding. An ALO (gym) or a kunstvak bachelor awards eerstegraads:
    // no source names a tweedegraads route in those subjects (ROUTES rows 6 and 10, ROLES R6.3).
    let c = national();
    let derived = [RouteKind::ZijInstroomVoTweedegraads, RouteKind::Kopopleiding];
    let mut checked = 0;
    for o in c.offerings.iter().filter(|o| derived.contains(&o.kind)) {
        let s = o.subject.unwrap_or_else(|| panic!("{}: no subject", o.id));
        assert!(
            c.offerings.iter().any(|p| p.kind == RouteKind::LerarenopleidingTweedegraads
                && p.institution == o.institution
                && p.place == o.place
                && p.subject == Some(s)
                && p.occupational_credential_awarded == routewijzer::Qualification::Tweedegraads),
            "{} ({s}) has no tweedegraads programme in its subject at its place",
            o.id
        );
        checked += 1;
    }
    assert!(checked > 100, "{checked}");
    assert!(!c
        .offerings
        .iter()
        .any(|o| derived.contains(&o.kind) && o.subject == Some(routewijzer::Subject::LichamelijkeOpvoeding)));
}

#[test]
fn the_national_catalog_answers_a_candidate_with_nearby_routes() {
    let m = Matcher::new(national().clone()).unwrap();
    let profile = read(&root("tests/fixtures/profiles/hbo-zij-instromer-po.json"));
    let mut opts = MatchOptions::new(Date::parse("2026-11-23").unwrap());
    opts.limit = Some(5);
    let r = m.match_json(&profile, &opts).unwrap();
    let best = &r.routes[0];
    assert_eq!(best.kind, RouteKind::ZijInstroomPo);
    assert!(best.distance_km.unwrap() < 10.0, "the best route is near Amersfoort (postcode 3812)");
    assert!(!r.pathways.is_empty());
}

#[test]
fn herintreding_is_one_route_for_the_country_not_one_per_pabo() {
    // No hogeschool or university provides herintreding (ROUTES row 16): one po and one
    // vo/mbo route, under the onderwijsloket [S76], in every shard.
    let c = national();
    let her: Vec<_> = c.offerings.iter().filter(|o| o.kind == RouteKind::Herintreding).collect();
    assert_eq!(her.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(), ["herintreding-po", "herintreding-vo"]);
    for o in &her {
        assert_eq!(
            (o.institution.as_str(), o.weekly_hours, o.time_to_complete.0),
            ("ONDERWIJSLOKET", 0, 0),
            "{}",
            o.id
        );
    }
    for f in shard_files() {
        let s = routewijzer::model::parse::catalog_from_str(&read(&f)).unwrap();
        let ids: Vec<&str> =
            s.offerings.iter().filter(|o| o.kind == RouteKind::Herintreding).map(|o| o.id.as_str()).collect();
        assert_eq!(ids, ["herintreding-po", "herintreding-vo"], "{}", f.display());
    }

    // A returning po teacher in Gennep (the edge of a region): the route has no place to
    // travel to (no distance, full travel points), and the posts paired with it are the
    // nearest, the one in Gennep itself first.
    let m = Matcher::new(c.clone()).unwrap();
    let profile = read(&root("tests/fixtures/profiles/herintreder-po.json")).replace("\"3701\"", "\"6591\"");
    let r = m.match_json(&profile, &MatchOptions::new(Date::parse("2026-12-01").unwrap())).unwrap();
    let best = &r.routes[0];
    assert_eq!(
        (best.kind, best.institution.as_str(), best.place.as_str()),
        (RouteKind::Herintreding, "Onderwijsloket (onderwijsloket.com)", "")
    );
    assert_eq!(best.distance_km, None);
    let travel = best.factors.iter().find(|f| f.factor == "travel").unwrap();
    assert_eq!(travel.points, travel.max);
    let posts: Vec<f64> = r
        .pathways
        .iter()
        .filter(|p| p.kind == RouteKind::Herintreding)
        .map(|p| p.vacancy.as_ref().unwrap().distance_km.unwrap())
        .collect();
    assert!(posts.contains(&1.0), "the post in Gennep itself: {posts:?}");
    assert!(posts.iter().all(|d| *d < 10.0), "{posts:?}");

    // A loket's own herintreding beside the national one (as an overlay may add): each post
    // goes with one of them, not with both.
    let mut with_own = c.clone();
    let mut own = her[0].clone();
    own.id = "loket-herintreding-po".into();
    own.name = "Terug voor de klas in het Rijk van Nijmegen".into();
    with_own.offerings.push(own);
    let r = Matcher::new(with_own)
        .unwrap()
        .match_json(&profile, &MatchOptions::new(Date::parse("2026-12-01").unwrap()))
        .unwrap();
    let her: Vec<_> = r.pathways.iter().filter(|p| p.kind == RouteKind::Herintreding).collect();
    let posts: Vec<&str> = her.iter().map(|p| p.vacancy.as_ref().unwrap().id.as_str()).collect();
    let distinct: std::collections::BTreeSet<&&str> = posts.iter().collect();
    assert!(posts.len() >= 3 && distinct.len() == posts.len(), "{posts:?}");
    // Both routes are shown with posts: the better ranked takes the best posts, the next the next.
    for id in ["herintreding-po", "loket-herintreding-po"] {
        assert!(her.iter().any(|p| p.offering == id && p.vacancy.is_some()), "{id} has a pathway with a post");
    }
}

/// A region's hybride route stands at its most populous gemeente; GeoNames' figures are 0
/// for merged gemeenten and stale for Leeuwarden (12,448), which put Friesland's at Sneek.
#[test]
fn a_regions_hybride_route_stands_at_its_largest_gemeente_not_one_with_a_stale_population() {
    let place =
        |id: &str| national().offerings.iter().find(|o| o.id == id).map(|o| o.place.clone()).unwrap_or_default();
    assert_eq!(place("hybride-am02"), "GM0080", "Friesland: Leeuwarden");
    assert_eq!(place("hybride-am01"), "GM0014", "Groningen: Groningen");
    assert_eq!(place("hybride-am18"), "GM0363", "Groot Amsterdam: Amsterdam");
}

#[test]
fn attribution_is_in_the_metadata_and_the_readme() {
    let readme = read(&root("README.md"));
    let mut files = vec![root("www/data/catalog.json")];
    files.extend(shard_files());
    for f in files {
        let c = routewijzer::model::parse::catalog_from_str(&read(&f)).unwrap();
        for who in ["DUO", "CBS", "GeoNames"] {
            for lang in [Lang::Nl, Lang::En] {
                assert!(
                    c.meta.attribution.iter().any(|a| a.text(lang).contains(who)),
                    "{}: no {who} attribution in {lang:?}",
                    f.display()
                );
            }
        }
        // Each line in both languages: the widget shows the one it speaks.
        assert!(c.meta.attribution.iter().all(|a| matches!(a, Attribution::Translated(_))), "{}", f.display());
        assert!(c.meta.notes.iter().any(|n| n.contains("demonstration")), "{}", f.display());
    }
    for line in ["Bron: DUO", "Bron: CBS", "GeoNames (www.geonames.org), CC BY 4.0", "CC0"] {
        assert!(readme.contains(line), "README lacks '{line}'");
    }
    let sources = read(&root("data/nl/SOURCES.md"));
    assert!(sources.contains("Attribution strings to ship with the widget"));
}

#[test]
fn sizes_stay_within_budget() {
    let national = std::fs::read(root("www/data/catalog.json")).unwrap();
    let gz = gzip_len(&national);
    println!("national: {} bytes, {gz} gzip", national.len());
    assert!(gz <= 500 * 1024, "national catalog {gz} bytes gzip > 500 KB");
    for f in shard_files() {
        let b = std::fs::read(&f).unwrap();
        let gz = gzip_len(&b);
        println!("{}: {} bytes, {gz} gzip", f.display(), b.len());
        assert!(gz <= 60 * 1024, "{}: {gz} bytes gzip > 60 KB", f.display());
    }
}

#[test]
fn the_shard_index_lists_every_region() {
    let idx: serde_json::Value = serde_json::from_str(&read(&root("www/data/regions/index.json"))).unwrap();
    let regions = idx["regions"].as_array().unwrap();
    assert_eq!(regions.len(), 35);
    let mut gemeenten = 0;
    for r in regions {
        let file = root("www/data/regions").join(r["file"].as_str().unwrap());
        assert_eq!(std::fs::metadata(&file).unwrap().len(), r["bytes"].as_u64().unwrap());
        gemeenten += r["gemeenten"].as_array().unwrap().len();
    }
    assert_eq!(gemeenten, 342, "every gemeente in exactly one region");
    assert!(idx["radius_km"].as_f64().unwrap() > 0.0);
}

#[test]
fn the_mapping_table_is_documented() {
    let readme = read(&root("data/README.md"));
    let csv = read(&root("data/croho_mapping.csv"));
    for line in csv.lines().skip(1) {
        let code = line.split(',').next().unwrap();
        assert!(readme.contains(&format!("| {code} |")), "data/README.md lacks CROHO {code}");
    }
}

#[test]
fn fees_are_looked_up_for_the_intake_period_with_their_status() {
    // The build freezes no amount: a funded programme names the collegegeld figure, and
    // the core takes its value for the intake the person would join (2027-09 here, after
    // the last published year, so the latest value is carried forward as unconfirmed).
    let c = national();
    let pabo = c.offerings.iter().find(|o| o.kind == RouteKind::PaboVoltijd).unwrap();
    assert_eq!((pabo.cost_eur_per_year, pabo.cost_figure.as_deref()), (None, Some("collegegeld")));
    let m = Matcher::new(c.clone()).unwrap();
    let r = m
        .match_json(
            r#"{"diplomas":[{"level":"havo"}],"sectors":["po"]}"#,
            &MatchOptions::new(Date::parse("2027-03-01").unwrap()),
        )
        .unwrap();
    let route = r.routes.iter().find(|x| x.kind == RouteKind::PaboVoltijd && x.next_intake.is_some()).unwrap();
    assert_eq!(route.next_intake.as_ref().unwrap().start_date, Date::parse("2027-09-01").unwrap());
    let source = route.cost_source.as_ref().expect("a fee from a figure names it");
    assert_eq!(source.figure, "collegegeld");
    assert_eq!(source.status, routewijzer::SourceStatus::Unconfirmed);
    let latest = c.figures.iter().find(|f| f.id == "collegegeld").unwrap().values.last().unwrap();
    assert_eq!((route.cost_eur_per_year, source.valid_from), (latest.value.round() as u32, latest.valid_from));
    assert!(!source.sources.is_empty() && source.sources.iter().all(|s| s.url.is_some()));
}

/// The widget's place table: every gemeente and postcode of the inputs, compact, small
/// enough to load when a person starts typing a place, with the CBS and GeoNames
/// attribution; aliases name real gemeenten.
#[test]
fn the_place_table_covers_the_country_and_stays_small() {
    let text = read(&root("www/data/places.json"));
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let gm = v["gemeenten"].as_array().unwrap();
    let pc = v["postcodes"].as_array().unwrap();
    assert_eq!(gm.len(), 342);
    assert_eq!(pc.len(), 4086);
    let codes: std::collections::BTreeSet<&str> = gm.iter().map(|g| g[0].as_str().unwrap()).collect();
    for p in pc {
        assert!(codes.contains(p[3].as_str().unwrap()), "{p}: gemeente not in the table");
        let (lat, lon) = (p[1].as_f64().unwrap(), p[2].as_f64().unwrap());
        assert!((50.7..=53.6).contains(&lat) && (3.3..=7.3).contains(&lon), "{p}");
        assert_eq!((lat * 1e4).round() / 1e4, lat, "{p}: 4 decimals");
    }
    for a in v["aliases"].as_array().unwrap() {
        assert!(codes.contains(a[0].as_str().unwrap()), "{a}");
    }
    let den_haag = v["aliases"].as_array().unwrap().iter().find(|a| a[1] == "Den Haag").expect("Den Haag");
    assert_eq!(den_haag[0], "GM0518");
    let att = v["attribution"].to_string();
    assert!(att.contains("CBS") && att.contains("GeoNames"), "{att}");
    let gz = gzip_len(text.as_bytes());
    println!("www/data/places.json: {} bytes, {gz} gzip", text.len());
    assert!(gz <= 60 * 1024, "places.json: {gz} bytes gzip");
}

/// The study-field vocabulary: every field of the relatedness table has an entry, every
/// entry is a relatedness field or marked unrelated (0), and the degrees the issue names map
/// where a person expects.
#[test]
fn the_field_vocabulary_maps_to_the_relatedness_table() {
    let text = read(&root("www/data/fields.json"));
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let rows = v["fields"].as_array().unwrap();
    let related: std::collections::BTreeSet<&str> = national().relatedness.iter().map(|r| r.field.as_str()).collect();
    for r in rows {
        let id = r[0].as_str().unwrap();
        assert_eq!(r[3].as_u64().unwrap() == 1, related.contains(id), "{id}");
    }
    for f in &related {
        assert!(rows.iter().any(|r| r[0] == *f), "relatedness field {f} has no entry");
    }
    let id_of = |name: &str| {
        rows.iter()
            .find(|r| {
                r.as_array().unwrap()[1..].iter().any(|s| s.as_str().is_some_and(|s| s.eq_ignore_ascii_case(name)))
            })
            .map(|r| r[0].as_str().unwrap().to_string())
    };
    for (name, id) in [
        ("Chemistry", "scheikunde"),
        ("Chemie", "scheikunde"),
        ("Molecular Life Sciences", "scheikunde"),
        ("Technische Natuurkunde", "natuurkunde"),
        ("Bedrijfskunde", "bedrijfskunde"),
        ("Commerciële Economie", "commerciele-economie"),
        ("HBO-ICT", "hbo-ict"),
        ("Pabo", "pabo"),
    ] {
        assert_eq!(id_of(name).as_deref(), Some(id), "{name}");
    }
    println!("www/data/fields.json: {} bytes, {} gzip", text.len(), gzip_len(text.as_bytes()));
}

#[test]
fn the_sample_catalog_shares_the_rules_of_the_data() {
    // data/README.md: rules.json is shared with the hand-written sample catalog, which the
    // rule, situation and wasm tests use. A rule changed in one and not the other would test
    // advice the product does not give.
    let data: serde_json::Value = serde_json::from_str(&read(&root("data/rules.json"))).unwrap();
    let sample: serde_json::Value = serde_json::from_str(&read(&root("tests/fixtures/sample-catalog.json"))).unwrap();
    assert_eq!(sample["rules"], data["rules"], "tests/fixtures/sample-catalog.json rules differ from data/rules.json");
    let kinds = |v: &serde_json::Value| -> BTreeMap<String, serde_json::Value> {
        v["route_kinds"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| (k["kind"].as_str().unwrap().to_string(), k["rules"].clone()))
            .collect()
    };
    let (d, s) = (kinds(&data), kinds(&sample));
    for (kind, rules) in &s {
        assert_eq!(Some(rules), d.get(kind), "route kind {kind}: its rules in the sample differ from data/rules.json");
    }
}

#[test]
fn every_regional_shortage_figure_carries_its_regions_name() {
    // The score's reason names where a figure counts; a code (AM08) means nothing to a
    // candidate. The name is the gemeenten table's, the same as the shard index gives.
    let index: serde_json::Value = serde_json::from_str(&read(&root("www/data/regions/index.json"))).unwrap();
    let names: BTreeMap<&str, &str> = index["regions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["region"].as_str().unwrap(), r["name"].as_str().unwrap()))
        .collect();
    let regional: Vec<_> =
        national().shortages.iter().filter(|s| s.region.as_deref().is_some_and(|r| r.starts_with("AM"))).collect();
    assert!(regional.len() >= 15, "{} regional figures", regional.len());
    for s in regional {
        let r = s.region.as_deref().unwrap();
        assert_eq!(s.region_name.as_deref(), names.get(r).copied(), "the shortage figure of {r}");
    }
    assert!(national()
        .shortages
        .iter()
        .filter(|s| !s.region.as_deref().is_some_and(|r| r.starts_with("AM")))
        .all(|s| s.region_name.is_none()));
}

#[test]
fn the_readmes_overlay_example_is_valid_over_a_region_shard() {
    // A loket webmaster copies it: it must merge and validate as it stands.
    let readme = read(&root("README.md"));
    let at = readme.find("### Overlays").expect("README has an Overlays section");
    let start = readme[at..].find("```json\n").expect("with a JSON example") + at + "```json\n".len();
    let end = readme[start..].find("```").unwrap() + start;
    let overlay = &readme[start..end];
    let shard = read(&root("www/data/regions/AM13.json"));
    let m = routewijzer::Matcher::from_json_with_overlay(&shard, overlay).unwrap_or_else(|e| panic!("{e}"));
    assert!(m.catalog().vacancies.iter().any(|v| v.id == "loket-0001"), "the example's vacancy is in");
}

#[test]
fn every_source_url_is_a_link() {
    // The widget links each source: a URL with a note or a second address in it is a broken
    // link (notes go in `year`).
    let data: serde_json::Value = serde_json::from_str(&read(&root("data/rules.json"))).unwrap();
    for s in data["sources"].as_array().unwrap() {
        let url = s["url"].as_str().unwrap();
        assert!(url.starts_with("https://") || url.starts_with("http://"), "{}: {url}", s["id"]);
        assert!(!url.contains(char::is_whitespace) && !url.contains([',', ';']), "{}: {url}", s["id"]);
    }
}

#[test]
fn a_pdg_fee_for_an_institution_without_a_pdg_stops_the_build() {
    let dir = std::env::temp_dir().join(format!("routewijzer-facts-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let copy = |from: &Path, to: &Path| {
        std::fs::create_dir_all(to).unwrap();
        for e in std::fs::read_dir(from).unwrap() {
            let e = e.unwrap();
            if e.file_type().unwrap().is_file() {
                std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
            }
        }
    };
    copy(&root("data"), &dir);
    copy(&root("data/nl"), &dir.join("nl"));
    let facts = read(&dir.join("build_facts.json"))
        .replace("\"30GB\": \"pdg-cursusgeld-fontys-2022\"", "\"99XX\": \"pdg-cursusgeld-fontys-2022\"");
    assert!(facts.contains("99XX"));
    std::fs::write(dir.join("build_facts.json"), facts).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_build-catalog"))
        .args(["--data", &dir.to_string_lossy(), "--out", &dir.join("out").to_string_lossy(), "--quiet"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("cost_figures.pdg.99XX: no institution 99XX in pdg.entries"), "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}
