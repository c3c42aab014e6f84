//! The importer (`routewijzer import`): JSON-LD (object, array, @graph, HTML pages) and
//! CSV (per kind; BOM, semicolons, quoted commas, broken rows) into a loket overlay,
//! every problem with its file and line or JSON path, the summary per kind, and a round
//! trip: fixtures → overlay → merged with the AM13 shard → `match` shows the imported
//! vacancies in pathways and no demo vacancy of the region.
#![cfg(feature = "import")]

use routewijzer::import::{import, Input, Kind, Loc, Options, Report};
use routewijzer::model::parse::{catalog_from_str, overlay_from_str};
use routewijzer::{Catalog, Date};
use std::process::{Command, Output};
use std::sync::OnceLock;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const DIR: &str = "tests/fixtures/import";
const SHARD: &str = "www/data/regions/AM13.json";
const TODAY: &str = "2026-11-23";

fn base() -> &'static Catalog {
    static BASE: OnceLock<Catalog> = OnceLock::new();
    BASE.get_or_init(|| catalog_from_str(&std::fs::read_to_string(format!("{ROOT}/{SHARD}")).unwrap()).unwrap())
}

/// Options for an import on TODAY, without a base catalog.
fn options() -> Options<'static> {
    Options::new(Date::parse(TODAY).unwrap())
}

/// Imports fixture files against the AM13 shard.
fn run(files: &[&str]) -> Report {
    run_files(files, DIR)
}

fn run_files(files: &[&str], dir: &str) -> Report {
    let data: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(format!("{ROOT}/{dir}/{f}")).unwrap()).collect();
    let inputs: Vec<Input> = files.iter().zip(&data).map(|(name, data)| Input { name, data }).collect();
    let options = Options { base: Some(base()), name: Some("Onderwijsloket Regio Utrecht".into()), ..options() };
    import(&inputs, &options)
}

/// The problems as `file: place: message`, for finding one.
fn problems(r: &Report) -> Vec<String> {
    r.problems.iter().map(|p| p.to_string()).collect()
}

fn has(list: &[String], needle: &str) -> bool {
    list.iter().any(|p| p.contains(needle))
}

fn counts(r: &Report, kind: Kind) -> (usize, usize) {
    let c = r.count(kind);
    (c.taken, c.dropped)
}

#[test]
fn json_ld_graph_object_and_array_are_read() {
    let r = run(&["vacatures.jsonld", "vacature.json", "activiteiten.json"]);
    assert_eq!(counts(&r, Kind::Vacancies), (4, 0), "{:#?}", r.problems);
    let v = |id: &str| r.overlay.vacancies.iter().find(|v| v.id == id).unwrap_or_else(|| panic!("vacancy {id}"));
    // @graph, an identifier PropertyValue, a referenced organisation, ISCO 2341, a date-time.
    let po = v("spoutnik-2027-014");
    assert_eq!(po.employer, "Stichting Spoutnik Basisscholen");
    assert_eq!((po.job_location.as_str(), po.sector.id(), po.role.id()), ("GM0344", "po", "leraar"));
    assert_eq!((po.work_hours, po.valid_through.to_string().as_str()), (32, "2027-01-10"));
    assert!(po.accepts_in_training && !po.demo);
    assert_eq!(po.education_requirements.iter().map(|q| q.id()).collect::<Vec<_>>(), ["po"]);
    // additionalProperty sector/role/subject; addressLocality; FULL_TIME without hours.
    let vo = r.overlay.vacancies.iter().find(|v| v.title == "Docent wiskunde havo/vwo").unwrap();
    assert_eq!((vo.sector.id(), vo.subject.map(|s| s.id())), ("vo", Some("wiskunde")));
    assert_eq!(vo.work_hours, 40);
    // 5312 gives the role; the sector comes from the title, noted as an assumption.
    let oa = r.overlay.vacancies.iter().find(|v| v.title.starts_with("Onderwijsassistent")).unwrap();
    assert_eq!((oa.role.id(), oa.sector.id(), oa.job_location.as_str()), ("onderwijsassistent", "po", "GM0356"));
    let notes: Vec<String> = r.assumptions.iter().map(|a| a.to_string()).collect();
    assert!(has(&notes, "vacatures.jsonld: $.@graph[3]: sector po taken from the title"), "{notes:#?}");
    assert!(has(&notes, "additionalProperty 'salarisschaal' ignored"));
    // A single object: ISCO 2320, TEMPORARY, 0,8 fte.
    let mbo = r.overlay.vacancies.iter().find(|v| v.title == "Docent economie mbo").unwrap();
    assert_eq!((mbo.sector.id(), mbo.employment_type.id(), mbo.work_hours), ("mbo", "vervanging", 32));

    // Events: times to Europe/Amsterdam, online without a place, cancelled and past dropped.
    assert_eq!(counts(&r, Kind::Activities), (2, 2));
    let open = &r.overlay.activities[0];
    assert_eq!((open.activity_type.id(), open.start_date.to_string().as_str()), ("open-dag", "2027-03-13"));
    assert_eq!((open.start_time.as_deref(), open.end_time.as_deref()), (Some("10:00"), Some("14:00")));
    assert_eq!((open.location.as_deref(), open.organizer.as_deref()), (Some("GM0344"), Some("25DW")));
    assert_eq!(open.description.as_deref(), Some("Maak kennis met de pabo."));
    assert_eq!(open.route_kinds.iter().map(|k| k.id()).collect::<Vec<_>>(), ["pabo-voltijd", "pabo-deeltijd"]);
    let web = &r.overlay.activities[1];
    assert_eq!((web.event_attendance_mode.id(), web.location.as_deref()), ("online", None));
    assert_eq!(web.start_time.as_deref(), Some("19:30"), "17:30 UTC is 19:30 in Amsterdam in June");
    let p = problems(&r);
    assert!(has(&p, "activiteiten.json: $[2].eventStatus: the activity is cancelled"), "{p:#?}");
    assert!(has(&p, "activiteiten.json: $[3].startDate: the activity was on 2026-10-01, before 2026-11-23"));
    assert_eq!(r.problems.len(), 2, "{p:#?}");
}

#[test]
fn an_html_page_with_a_broken_block_keeps_the_others() {
    let r = run(&["vacatures.html"]);
    let p = problems(&r);
    assert!(has(&p, "vacatures.html: block 3 $: not valid JSON"), "{p:#?}");
    assert!(has(&p, "vacatures.html: block 2 $.@graph[2].jobLocation.address.postalCode: '35111' is not a Dutch postcode; fix: use a 4-digit postcode such as 3511"));
    assert!(has(
        &p,
        "vacatures.html: block 2 $.@graph[3]: the sector (po, vo or mbo) cannot be told; fix: add occupationalCategory"
    ));
    assert_eq!(p.len(), 3, "{p:#?}");
    assert_eq!(counts(&r, Kind::Vacancies), (2, 2));
    let first = &r.overlay.vacancies[0];
    assert_eq!((first.work_hours, first.job_location.as_str()), (24, "GM0356"), "0,6 fte from the title, 3431");
}

#[test]
fn csv_of_each_kind_with_bom_quotes_and_semicolons() {
    let r = run(&["vacatures.csv", "vacatures-excel.csv", "activiteiten.csv", "opleidingen.csv", "instroom.csv"]);
    let p = problems(&r);
    // BOM and a quoted value holding commas.
    let v = &r.overlay.vacancies;
    assert_eq!(v[0].id, "csv-vac-1", "the BOM is not part of the first column's name");
    assert_eq!(v[0].title, "Leerkracht groep 7, 0,8 fte");
    assert_eq!(v[1].education_requirements.len(), 2);
    assert_eq!((v[1].employment_type.id(), v[1].job_location.as_str()), ("vervanging", "GM0356"));
    // Semicolons and D-M-YYYY dates, as Excel writes them with Dutch settings.
    assert_eq!(
        (v[2].id.as_str(), v[2].job_location.as_str(), v[2].job_start_date.to_string()),
        ("xl-1", "GM0321", "2027-01-04".into())
    );
    assert_eq!((v[3].role.id(), v[3].job_location.as_str()), ("instructeur", "GM0344"));
    assert_eq!(counts(&r, Kind::Vacancies), (4, 0));
    // Activities with times and lists.
    assert_eq!(counts(&r, Kind::Activities), (2, 0));
    let a = &r.overlay.activities;
    assert_eq!(
        (a[0].activity_type.id(), a[0].start_time.as_deref(), a[0].end_time.as_deref()),
        ("loket", Some("19:30"), Some("21:00"))
    );
    assert_eq!((a[1].organizer.as_deref(), a[1].sectors.len(), a[1].route_kinds.len()), (Some("10IZ"), 1, 2));
    // A new offering with its intakes from intakes.csv; intakes of a catalog offering by
    // CROHO, institution and mode; a broken row leaves that offering's intakes alone.
    let o = &r.overlay.offerings;
    assert_eq!(o.len(), 1);
    assert_eq!(
        (o[0].id.as_str(), o[0].institution.as_str(), o[0].place.as_str()),
        ("spoutnik-oa-leraar", "25DW", "GM0344")
    );
    assert_eq!(o[0].intakes.iter().map(|t| t.status.id()).collect::<Vec<_>>(), ["confirmed", "typical"]);
    assert_eq!(o[0].occupational_credential_awarded.id(), "po", "from the route kind's definition");
    let ids: Vec<&str> = r.overlay.intakes.iter().map(|x| x.offering.as_str()).collect();
    assert_eq!(ids, ["10iz-34808-du-0344"]);
    assert!(
        has(
            &p,
            "instroom.csv: line 5, column application_deadline: the deadline 2027-09-15 is after the start 2027-09-01"
        ),
        "{p:#?}"
    );
    assert!(has(
        &p,
        "instroom.csv: line 5: the intakes of offering 10iz-34808-vt-0344 are left as the catalog has them"
    ));
    assert_eq!(counts(&r, Kind::Intakes), (3, 2), "line 6 is fine but belongs to the same list");
    assert_eq!(p.len(), 2, "{p:#?}");
}

#[test]
fn broken_csv_rows_are_dropped_whole_with_line_and_column() {
    let r = run(&["vacatures-fouten.csv", "activiteiten-zonder-kolom.csv"]);
    let p = problems(&r);
    for want in [
        "vacatures-fouten.csv: line 2, column valid_through: '2027-02-30' is not an existing calendar date",
        "vacatures-fouten.csv: line 3, column place: unknown place 'Utreg'; fix: give the gemeente",
        "vacatures-fouten.csv: line 4, column sector: 'basis' is not one of po, vo, mbo; fix: use one of the ids po, vo, mbo",
        "vacatures-fouten.csv: line 5: the row has 17 values, the header 16 columns",
        "activiteiten-zonder-kolom.csv: line 1: the activities header lacks the required column attendance_mode",
    ] {
        assert!(has(&p, want), "missing {want:?} in {p:#?}");
    }
    assert_eq!(p.len(), 5, "{p:#?}");
    let notes: Vec<String> = r.assumptions.iter().map(|a| a.to_string()).collect();
    assert!(has(&notes, "vacatures-fouten.csv: line 1, column salarisschaal: column 'salarisschaal' is not a column of the vacancies template: ignored"));
    assert_eq!(counts(&r, Kind::Vacancies), (1, 4));
    assert_eq!(r.overlay.vacancies[0].id, "ok-5");
    assert_eq!(counts(&r, Kind::Activities), (0, 2), "the rows of a file without a required column are dropped");
    let summary = r.text();
    assert!(
        summary.contains("vacancies:   1 taken, 4 dropped\n") && summary.contains("activities:  0 taken, 2 dropped\n"),
        "{summary}"
    );
}

/// A CSV file as Excel on Windows saves it (BOM, semicolons, CRLF line endings), with a
/// value over two lines and a blank line: each problem names the line the row starts on
/// in the file, as it does for the same file with LF line endings.
#[test]
fn csv_line_numbers_hold_for_crlf_files() {
    let file = "vacatures-windows.csv";
    let crlf = std::fs::read_to_string(format!("{ROOT}/{DIR}/{file}")).unwrap();
    assert!(crlf.matches("\r\n").count() == crlf.matches('\n').count() && crlf.contains("\r\n"), "CRLF only");
    // The line of the row with this id, counted in the file itself.
    let line_of = |id: &str| crlf.lines().position(|l| l.starts_with(&format!("{id};"))).unwrap() + 1;
    let lf = crlf.replace("\r\n", "\n");
    for text in [&crlf, &lf] {
        let r = run_texts(&[(file, text)]);
        let p = problems(&r);
        for (id, want) in [
            ("win-2", "column sector: 'basis' is not one of po, vo, mbo"),
            ("win-3", "column valid_through: '2027-02-30' is not an existing calendar date"),
            ("win-4", "the row has 9 values, the header 8 columns"),
            ("win-5", "column work_hours: 'veel' holds no number of hours"),
        ] {
            let want = format!("{file}: line {}, {want}", line_of(id)).replace(", the row", ": the row");
            assert!(has(&p, &want), "missing {want:?} in {p:#?}");
        }
        assert_eq!((line_of("win-3"), line_of("win-4")), (4, 7), "a value over two lines, then a blank line");
        assert_eq!(p.len(), 4, "{p:#?}");
        assert_eq!(counts(&r, Kind::Vacancies), (2, 4));
        let notes: Vec<String> = r.assumptions.iter().map(|a| a.to_string()).collect();
        assert!(has(&notes, &format!("{file}: line {}: no employment type", line_of("win-6"))), "{notes:#?}");
    }
}

#[test]
fn programmes_match_catalog_offerings_or_become_new_ones() {
    let r = run(&["opleidingen.jsonld"]);
    let p = problems(&r);
    // CROHO + provider + mode + location: one offering per group of course instances.
    let got: Vec<(&str, Vec<String>)> = r
        .overlay
        .intakes
        .iter()
        .map(|x| {
            (
                x.offering.as_str(),
                x.intakes
                    .iter()
                    .map(|t| format!("{}/{:?}", t.start_date, t.application_deadline.map(|d| d.to_string())))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "25dw-34808-dt-0344",
                vec!["2027-02-01/Some(\"2027-01-15\")".to_string(), "2027-09-01/Some(\"2027-06-01\")".into()]
            ),
            ("25dw-34808-vt-0344", vec!["2027-09-01/Some(\"2027-05-01\")".to_string(), "2028-09-01/None".into()]),
        ],
        "the programme's deadline holds for the next cohort only"
    );
    let notes: Vec<String> = r.assumptions.iter().map(|a| a.to_string()).collect();
    assert!(has(
        &notes,
        "opleidingen.jsonld: $.@graph[1].hasCourseInstance[0]: intake 2026-09-01 has passed: left out"
    ));
    // Ambiguous: a CROHO code alone names many offerings.
    assert!(has(&p, "opleidingen.jsonld: $.@graph[2].hasCourseInstance: matches 31 offerings of the catalog: 10iz-34808-dt-0344"), "{p:#?}");
    // Unmatched with enough fields: a new offering at a new institution.
    assert_eq!(r.overlay.offerings.len(), 1);
    let o = &r.overlay.offerings[0];
    assert_eq!(
        (o.kind.id(), o.institution.as_str(), o.intakes.len(), o.paid_while_learning),
        ("zij-instroom-po", "spoutnik-academie", 1, true)
    );
    assert_eq!(r.overlay.institutions.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(), ["spoutnik-academie"]);
    // Unmatched without them: a problem per missing field, with the fix.
    assert!(has(&p, "opleidingen.jsonld: $.@graph[4]: no additionalProperty route_kind; fix: a programme that is not in the catalog needs additionalProperty route_kind"));
    assert!(has(&p, "opleidingen.jsonld: $.@graph[4]: no timeToComplete"));
    assert_eq!(counts(&r, Kind::Programmes), (3, 2));
}

#[test]
fn files_that_cannot_be_read_are_problems() {
    let inputs = [
        Input { name: "lijst.xlsx", data: b"PK" },
        Input { name: "latin1.csv", data: b"title,employer\nCaf\xe9,X\n" },
        Input { name: "leeg.json", data: b"{\"@type\": \"WebPage\"}" },
        Input { name: "pagina.html", data: b"<html><body>geen data</body></html>" },
    ];
    let r = import(&inputs, &options());
    let p = problems(&r);
    assert!(has(&p, "lijst.xlsx: '.xlsx' is not a kind of file the importer reads"), "{p:#?}");
    assert!(has(&p, "latin1.csv: the file is not UTF-8 text; fix: save it as UTF-8"));
    assert!(has(
        &p,
        "leeg.json: $: no JobPosting, EducationalOccupationalProgram, Course, Event or EducationEvent found"
    ));
    assert!(has(&p, "pagina.html: no <script type=\"application/ld+json\"> block in the page"));
    assert_eq!(r.taken(), 0);
    assert!(r.problems.iter().all(|p| !p.fix.is_empty()));
    assert_eq!(r.problems[2].at, Loc::Path { block: None, path: "$".into() });
}

/// The CLI's report against `tests/golden/NAME` (UPDATE_GOLDEN=1 rewrites it; review the diff).
fn golden(name: &str, actual: &str) {
    let path = format!("{ROOT}/tests/golden/{name}");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected =
        std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing {path}; run with UPDATE_GOLDEN=1"));
    let line = expected.lines().zip(actual.lines()).position(|(a, b)| a != b);
    assert!(
        expected == actual,
        "{name} differs at line {:?}: {:?}",
        line.map(|l| l + 1),
        line.map(|l| actual.lines().nth(l))
    );
}

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_routewijzer")).args(args).current_dir(format!("{ROOT}/{DIR}")).output().unwrap()
}

const ALL: &[&str] = &[
    "vacatures.jsonld",
    "vacature.json",
    "activiteiten.json",
    "opleidingen.jsonld",
    "vacatures.html",
    "vacatures.csv",
    "vacatures-excel.csv",
    "vacatures-fouten.csv",
    "activiteiten.csv",
    "activiteiten-zonder-kolom.csv",
    "opleidingen.csv",
    "instroom.csv",
];

#[test]
fn round_trip_overlay_merged_catalog_and_match() {
    let tmp = std::env::temp_dir().join(format!("routewijzer-import-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let (overlay, merged) = (tmp.join("overlay.json"), tmp.join("merged.json"));
    let shard = format!("{ROOT}/{SHARD}");
    let mut args = vec!["import", "--catalog", &shard, "--name", "Onderwijsloket Regio Utrecht", "--today", TODAY];
    let (o, m) = (overlay.to_str().unwrap(), merged.to_str().unwrap());
    args.extend(["--out", o, "--merged", m]);
    args.extend(ALL);
    let out = cli(&args);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    // The summary, per kind, agrees with the library's report.
    let r = run(ALL);
    for (k, c) in &r.counts {
        let line = format!("  {:<12} {} taken, {} dropped\n", format!("{}:", k.name()), c.taken, c.dropped);
        assert!(stdout.contains(&line), "{line:?} in {stdout}");
    }
    assert_eq!(stdout.matches("; fix: ").count(), r.problems.len());
    assert!(stdout.contains(&format!("checked: it lies over {shard} (--catalog)\n")), "{stdout}");
    golden("import.txt", &stdout.replace(o, "OVERLAY.json").replace(m, "MERGED.json").replace(&shard, "BASE.json"));
    // The overlay reads back with the core's reader and is what the library built.
    let text = std::fs::read_to_string(&overlay).unwrap();
    let read = overlay_from_str(&text).unwrap();
    assert_eq!(read, r.overlay);
    assert_eq!(read.meta.region.as_deref(), Some("AM13"));
    let merged_catalog = catalog_from_str(&std::fs::read_to_string(&merged).unwrap()).unwrap();
    assert_eq!(merged_catalog, base().merge(&read).unwrap());
    // Matching on the merged catalog: imported vacancies in the pathways, no demo ones of AM13.
    let profile = format!("{ROOT}/{DIR}/profiel-utrecht.json");
    let out = cli(&["match", "--catalog", m, "--profile", &profile, "--today", TODAY]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let result: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let vacancies: Vec<&serde_json::Value> = result["pathways"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.get("vacancy").filter(|v| !v.is_null()))
        .collect();
    assert!(!vacancies.is_empty());
    let imported: Vec<&str> = read.vacancies.iter().map(|v| v.id.as_str()).collect();
    for v in &vacancies {
        assert_eq!(v["demo"], false, "{v}");
    }
    assert!(vacancies.iter().any(|v| imported.contains(&v["id"].as_str().unwrap())), "{vacancies:#?}");
    let demo_in_region = merged_catalog.vacancies.iter().filter(|v| v.demo).filter(|v| {
        merged_catalog.places.iter().any(|p| p.id == v.job_location && p.region.as_deref() == Some("AM13"))
    });
    assert_eq!(demo_in_region.count(), 0);
    // The imported activities reach the advice.
    let activities: Vec<&str> =
        result["activities"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert!(activities.contains(&"act-1"), "{activities:?}");
    std::fs::remove_dir_all(&tmp).ok();
}

#[test]
fn exit_codes() {
    let tmp = std::env::temp_dir().join(format!("routewijzer-import-exit-{}.json", std::process::id()));
    let t = tmp.to_str().unwrap();
    // Nothing valid: exit 1, no file written.
    let out = cli(&["import", "--today", TODAY, "--out", t, "activiteiten-zonder-kolom.csv"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing valid was found"));
    assert!(!tmp.exists());
    // Usage errors: exit 2.
    assert_eq!(cli(&["import", "vacatures.csv"]).status.code(), Some(2), "no --out");
    assert_eq!(cli(&["import", "--out", t]).status.code(), Some(2), "no file");
    assert_eq!(cli(&["import", "--region", "Utrecht", "--out", t, "vacatures.csv"]).status.code(), Some(2));
    assert_eq!(
        cli(&["import", "--merged", t, "--out", t, "vacatures.csv"]).status.code(),
        Some(2),
        "--merged needs --catalog"
    );
    // Without a base catalog places are looked up in the national place table: the
    // overlay names gemeenten, and lies over a catalog that has them.
    let out = cli(&["import", "--today", TODAY, "--out", t, "vacatures.csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let overlay = overlay_from_str(&std::fs::read_to_string(&tmp).unwrap()).unwrap();
    let places: Vec<&str> = overlay.vacancies.iter().map(|v| v.job_location.as_str()).collect();
    assert_eq!(places, ["GM0344", "GM0356"]);
    base().merge(&overlay).unwrap();
    std::fs::remove_file(&tmp).ok();
}

#[test]
fn templates_match_the_importer_and_their_example_rows_import_cleanly() {
    let readme = std::fs::read_to_string(format!("{ROOT}/data/templates/README.md")).unwrap();
    for kind in Kind::ALL {
        let path = format!("{ROOT}/data/templates/{}.csv", kind.name());
        let text = std::fs::read_to_string(&path).unwrap();
        let header: Vec<&str> = text.lines().next().unwrap().split(',').collect();
        let columns: Vec<&str> = routewijzer::import::template_columns(kind).iter().map(|(c, _)| *c).collect();
        assert_eq!(header, columns, "{path}");
        assert_eq!(text.lines().count(), 2, "{path}: a header and one example row");
        let section = readme.split(&format!("## {}.csv", kind.name())).nth(1).unwrap().split("\n## ").next().unwrap();
        for (c, required) in routewijzer::import::template_columns(kind) {
            let first_cell = |l: &str| l.split('|').nth(1).unwrap_or_default().to_string();
            let row = section
                .lines()
                .find(|l| l.starts_with("| ") && first_cell(l).contains(&format!("`{c}`")))
                .unwrap_or_else(|| panic!("README has no row for {c}"));
            if *required {
                let said = row.split('|').nth(2).unwrap_or_default().trim();
                assert!(said == "yes" || said == "column", "README says {c} is required (yes or column): {row}");
            }
        }
    }
    // Each example row is valid against the AM13 shard (programmes and intakes together).
    let r = run_files(&["vacancies.csv", "programmes.csv", "intakes.csv", "activities.csv"], "data/templates");
    assert!(r.problems.is_empty(), "{:#?}", r.problems);
    for kind in Kind::ALL {
        assert_eq!(r.count(kind).taken, 1, "{kind:?}");
    }
}

#[test]
fn echoed_values_are_clipped_and_escaped() {
    let long = "x".repeat(5000);
    let csv = format!("title,employer,postcode,sector,role,work_hours,valid_through\nA,B,3511,{long},leraar,24,2027-01-01\nA,B,3511,po\u{1b}[31m,leraar,24,2027-01-01\n");
    let inputs = [Input { name: "v.csv", data: csv.as_bytes() }];
    let options = Options { base: Some(base()), ..options() };
    let r = import(&inputs, &options);
    assert_eq!(r.problems.len(), 2, "{:#?}", r.problems);
    assert!(r.problems[0].message.len() < 400, "{}", r.problems[0].message);
    assert!(r.problems[1].message.contains("\\u{1b}") && !r.problems[1].message.contains('\u{1b}'));
}

/// `scripts/build-web.sh` takes the compiled wasm from where cargo wrote it: the
/// `CARGO_TARGET_DIR` when set, else `target/`. (The script itself installs tools and
/// builds for minutes, so its path line is run on its own.)
#[test]
fn build_web_takes_the_wasm_from_cargo_target_dir() {
    let script = std::fs::read_to_string(format!("{ROOT}/scripts/build-web.sh")).unwrap();
    let path = "wasm32-unknown-unknown/wasm-release/routewijzer.wasm";
    let lines: Vec<&str> = script.lines().filter(|l| l.contains(path)).collect();
    assert_eq!(lines.len(), 1, "one line names the compiled wasm: {lines:#?}");
    let set = lines[0];
    assert!(set.starts_with("wasm_in="), "{set}");
    assert!(script.contains("\"$wasm_in\""), "wasm-bindgen reads \"$wasm_in\"");
    let eval = |dir: Option<&str>| {
        let mut c = Command::new("bash");
        c.args(["-c", &format!("{set}\nprintf %s \"$wasm_in\"")]).env_remove("CARGO_TARGET_DIR");
        if let Some(d) = dir {
            c.env("CARGO_TARGET_DIR", d);
        }
        String::from_utf8(c.output().unwrap().stdout).unwrap()
    };
    assert_eq!(eval(None), format!("target/{path}"));
    assert_eq!(eval(Some("/work/elsewhere")), format!("/work/elsewhere/{path}"));
}

/// Imports files given as text against the AM13 shard.
fn run_texts(files: &[(&str, &str)]) -> Report {
    let inputs: Vec<Input> = files.iter().map(|(name, text)| Input { name, data: text.as_bytes() }).collect();
    let options = Options { base: Some(base()), name: Some("Onderwijsloket Regio Utrecht".into()), ..options() };
    import(&inputs, &options)
}

/// A JobPosting with the given extra members (JSON text without the outer braces).
fn posting(extra: &str) -> String {
    format!(
        r#"{{"@context": "https://schema.org", "@type": "JobPosting", "title": "Docent wiskunde havo/vwo",
            "hiringOrganization": "Christelijk Gymnasium Utrecht",
            "jobLocation": {{"address": {{"postalCode": "3511"}}}},
            "workHours": "32", "validThrough": "2027-03-01", {extra}}}"#
    )
}

#[test]
fn a_posting_keeps_every_bevoegdheid_it_names() {
    let r = run_texts(&[(
        "v.json",
        &posting(
            r#""educationRequirements": ["Tweedegraads of eerstegraads bevoegdheid wiskunde", "pdg"],
               "additionalProperty": {"name": "sector", "value": "vo"}"#,
        ),
    )]);
    assert_eq!(counts(&r, Kind::Vacancies), (1, 0), "{:#?}", r.problems);
    let got: Vec<&str> = r.overlay.vacancies[0].education_requirements.iter().map(|q| q.id()).collect();
    assert_eq!(got, ["tweedegraads", "eerstegraads", "pdg"]);
    let notes: Vec<String> = r.assumptions.iter().map(|a| a.to_string()).collect();
    assert!(
        has(&notes, "v.json: $.educationRequirements[0]: educationRequirements 'Tweedegraads of eerstegraads bevoegdheid wiskunde' read as tweedegraads, eerstegraads"),
        "{notes:#?}"
    );
    // A CSV cell in words, as a loket may type it, is read the same way.
    let csv = "title,employer,postcode,sector,role,work_hours,valid_through,education_requirements\n\
               Docent Engels,Het Lyceum,3511,vo,leraar,24,2027-03-01,tweedegraads of eerstegraads\n";
    let r = run_texts(&[("v.csv", csv)]);
    let got: Vec<&str> = r.overlay.vacancies[0].education_requirements.iter().map(|q| q.id()).collect();
    assert_eq!(got, ["tweedegraads", "eerstegraads"], "{:#?}", r.problems);
}

#[test]
fn an_unknown_or_absent_employment_type_keeps_the_posting_with_the_default() {
    let sector = r#""additionalProperty": {"name": "sector", "value": "vo"}"#;
    let r = run_texts(&[
        ("onbekend.json", &posting(&format!(r#""employmentType": "CONTRACTOR", {sector}"#))),
        ("gemengd.json", &posting(&format!(r#""employmentType": ["FULL_TIME", "INTERN"], {sector}"#))),
        ("geen.json", &posting(sector)),
    ]);
    assert_eq!(counts(&r, Kind::Vacancies), (3, 0), "{:#?}", r.problems);
    assert!(r.problems.is_empty(), "{:#?}", r.problems);
    for v in &r.overlay.vacancies {
        assert_eq!(v.employment_type.id(), "structureel", "{}", v.id);
    }
    let notes: Vec<String> = r.assumptions.iter().map(|a| a.to_string()).collect();
    for want in [
        "onbekend.json: $.employmentType: employmentType 'CONTRACTOR' is not an employment type the importer knows: taken as structureel, the default",
        "gemengd.json: $.employmentType[1]: employmentType 'INTERN' is not an employment type the importer knows: ignored",
        "geen.json: $: no employment type: taken as structureel",
    ] {
        assert!(has(&notes, want), "missing {want:?} in {notes:#?}");
    }
    // The CLI's summary lists them too.
    assert!(r.text().contains("onbekend.json: $.employmentType: employmentType 'CONTRACTOR'"), "{}", r.text());

    // A Dutch "Fulltime" is known, and without workHours it is 40 hours a week.
    let full = posting(&format!(r#""employmentType": "Fulltime", {sector}"#)).replace(r#""workHours": "32", "#, "");
    let r = run_texts(&[("voltijd.json", &full)]);
    assert_eq!(counts(&r, Kind::Vacancies), (1, 0), "{:#?}", r.problems);
    assert_eq!(r.overlay.vacancies[0].work_hours, 40);

    // In a CSV row the template's ids are checked: a typo is a problem naming the cell.
    let csv = "title,employer,postcode,sector,role,work_hours,valid_through,employment_type\n\
               Docent Engels,Het Lyceum,3511,vo,leraar,24,2027-03-01,vervnging\n";
    let p = problems(&run_texts(&[("v.csv", csv)]));
    assert!(
        has(&p, "v.csv: line 2, column employment_type: 'vervnging' is not an employment type the importer knows; fix: use structureel or vervanging"),
        "{p:#?}"
    );
}

/// What the templates' README says of each required column ("yes": an empty cell drops
/// the row; "column": the header must have it, an empty cell is worked out and noted)
/// is what happens to the template's example row with that cell emptied.
#[test]
fn an_empty_required_cell_does_what_the_templates_readme_says() {
    let readme = std::fs::read_to_string(format!("{ROOT}/data/templates/README.md")).unwrap();
    let legend = readme.split("## The file").nth(1).unwrap().split("\n## ").next().unwrap();
    assert!(legend.contains("`yes`") && legend.contains("`column`"), "the README explains yes and column");
    let template = |kind: Kind| {
        let text = std::fs::read_to_string(format!("{ROOT}/data/templates/{}.csv", kind.name())).unwrap();
        let mut rows = csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = rows.headers().unwrap().iter().map(String::from).collect();
        let row: Vec<String> = rows.records().next().unwrap().unwrap().iter().map(String::from).collect();
        (header, row)
    };
    let write = |header: &[String], row: &[String]| {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(header).unwrap();
        w.write_record(row).unwrap();
        String::from_utf8(w.into_inner().unwrap()).unwrap()
    };
    // What the other cells must say for the guess to have something to go on.
    let hints: &[(Kind, &str, &str, &str)] =
        &[(Kind::Vacancies, "work_hours", "title", "Leerkracht groep 5/6, 0,6 fte")];
    let mut checked = 0;
    for kind in Kind::ALL {
        let section = readme.split(&format!("## {}.csv", kind.name())).nth(1).unwrap().split("\n## ").next().unwrap();
        let (header, example) = template(kind);
        for (c, _) in routewijzer::import::template_columns(kind).iter().filter(|(_, r)| *r) {
            let row =
                section.lines().find(|l| l.split('|').nth(1).is_some_and(|x| x.contains(&format!("`{c}`")))).unwrap();
            let said = row.split('|').nth(2).unwrap().trim();
            let mut cells = example.clone();
            let at = |name: &str| header.iter().position(|h| h == name).unwrap();
            cells[at(c)] = String::new();
            if said == "column" {
                for (_, _, other, value) in hints.iter().filter(|h| h.0 == kind && h.1 == *c) {
                    cells[at(other)] = value.to_string();
                }
            }
            let file = format!("{}.csv", kind.name());
            let text = write(&header, &cells);
            // Programmes and intakes go together: a new offering needs an intake.
            let mut files = vec![(file.clone(), text)];
            for other in [Kind::Programmes, Kind::Intakes].into_iter().filter(|k| *k != kind) {
                if matches!(kind, Kind::Programmes | Kind::Intakes) {
                    let (h, r) = template(other);
                    files.push((format!("{}.csv", other.name()), write(&h, &r)));
                }
            }
            let texts: Vec<(&str, &str)> = files.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
            let r = run_texts(&texts);
            let here = Loc::Line { line: 2, column: Some(c.to_string()) };
            let problem_here = r.problems.iter().any(|p| p.file == file && p.at == here);
            match said {
                "yes" => {
                    assert_eq!(counts(&r, kind), (0, 1), "{file} without {c}: {:#?}", r.problems);
                    assert!(problem_here, "{file}: no problem at line 2, column {c}: {:#?}", r.problems);
                }
                "column" => {
                    assert_eq!(counts(&r, kind), (1, 0), "{file} without {c}: {:#?}", r.problems);
                    assert!(r.problems.is_empty(), "{:#?}", r.problems);
                    assert!(
                        r.assumptions.iter().any(|a| a.file == file && matches!(a.at, Loc::Line { line: 2, .. })),
                        "{file} without {c}: what was taken is noted: {:#?}",
                        r.assumptions
                    );
                }
                other => panic!("{file}: README says '{other}' for the required column {c}"),
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 18, "every required column of the four templates");
    // When the guess has nothing to go on, the problem says to fill in the cell.
    let r = run_texts(&[
        ("v.csv", "title,employer,postcode,sector,role,work_hours,valid_through\nDocent,Stichting Noord,3511,,,24,2027-03-01\n"),
        ("a.csv", "name,activity_type,start_date,attendance_mode,place\nKennismaken,,2027-03-01,,Utrecht\n"),
    ]);
    let p = problems(&r);
    assert!(has(&p, "v.csv: line 2, column sector: the sector cell is empty, and the title and employer do not tell one sector; fix: fill in po, vo or mbo"), "{p:#?}");
    assert!(has(&p, "a.csv: line 2, column activity_type: the activity_type cell is empty, and the name does not tell the kind of activity; fix: fill in open-dag, meeloopdag"), "{p:#?}");
    assert_eq!(p.len(), 2, "{p:#?}");
}

/// Programmes and intakes are matched against the base catalog: without `--catalog` the
/// CLI stops with a usage error that names the option and the files, and writes nothing.
#[test]
fn programmes_and_intakes_need_the_base_catalog() {
    let files = ["vacatures.csv", "opleidingen.csv", "instroom.csv", "opleidingen.jsonld"];
    let data: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(format!("{ROOT}/{DIR}/{f}")).unwrap()).collect();
    let inputs: Vec<Input> = files.iter().zip(&data).map(|(name, data)| Input { name, data }).collect();
    let r = import(&inputs, &options());
    assert_eq!(r.needs_base, ["opleidingen.csv", "instroom.csv", "opleidingen.jsonld"]);
    assert_eq!(counts(&r, Kind::Vacancies).0, 2, "vacancies need no base catalog: {:#?}", r.problems);
    assert_eq!(counts(&r, Kind::Programmes).0, 0);
    assert_eq!(counts(&r, Kind::Intakes).0, 0);
    assert!(r.overlay.offerings.is_empty() && r.overlay.intakes.is_empty());
    // One problem per file, not one per item.
    let about: Vec<&routewijzer::import::Problem> = r.problems.iter().filter(|p| p.fix.contains("--catalog")).collect();
    assert_eq!(about.len(), 3, "{:#?}", r.problems);
    assert!(about.iter().all(|p| p.at == Loc::File));
    assert_eq!(r.problems.len(), 3, "{:#?}", r.problems);
    // Nor with the catalog a pack serves by default, taken when none was given.
    let default = Options { base: Some(base()), base_default: true, ..options() };
    assert_eq!(import(&inputs, &default).needs_base, r.needs_base);

    let tmp = std::env::temp_dir().join(format!("routewijzer-import-base-{}.json", std::process::id()));
    let t = tmp.to_str().unwrap();
    for args in [&["opleidingen.csv"][..], &["vacatures.csv", "instroom.csv"]] {
        let out = cli(&[&["import", "--today", TODAY, "--out", t][..], args].concat());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        let named = args.iter().filter(|f| **f != "vacatures.csv").copied().collect::<Vec<_>>().join(", ");
        assert!(
            stderr.starts_with(&format!("{named}: programmes and intakes are matched against the base catalog")),
            "{stderr}"
        );
        assert!(stderr.contains("give it with --catalog BASE") && stderr.contains("nothing written"), "{stderr}");
        assert!(!tmp.exists(), "{args:?}: nothing is written");
    }
}

/// A postcode (4 digits, 2 letters optional) or a gemeente name becomes a gemeente code,
/// from the base catalog or else the national place table built into the importer:
/// without `--catalog`, and with a region shard that lacks the postcode.
#[test]
fn a_job_location_postcode_becomes_its_gemeente() {
    let at = |pc: &str, place: &str| {
        let mut address = Vec::new();
        if !pc.is_empty() {
            address.push(format!(r#""postalCode": "{pc}""#));
        }
        if !place.is_empty() {
            address.push(format!(r#""addressLocality": "{place}""#));
        }
        posting(r#""additionalProperty": {"name": "sector", "value": "vo"}"#)
            .replace(r#"{"postalCode": "3511"}"#, &format!("{{{}}}", address.join(", ")))
    };
    let files = [
        ("utrecht.json", at("3511 AB", "")),
        ("nieuwegein.json", at("3431NB", "")),
        ("amsterdam.json", at("1012", "")),
        ("bosch.json", at("", "Den Bosch")),
        ("haarlemmermeer.json", at("2131 AB", "")),
        ("onbekend.json", at("1000", "")),
        ("onbekend-met-plaats.json", at("1000", "Utrecht")),
    ];
    let inputs: Vec<Input> = files.iter().map(|(name, text)| Input { name, data: text.as_bytes() }).collect();
    let place_of = |r: &Report, file: &str| {
        let i = files.iter().position(|f| f.0 == file).unwrap();
        let taken: Vec<usize> =
            (0..files.len()).filter(|j| !r.problems.iter().any(|p| p.file == files[*j].0)).collect();
        taken.iter().position(|j| *j == i).map(|k| r.overlay.vacancies[k].job_location.clone())
    };

    // Without a base catalog: the national table.
    let r = import(&inputs, &options());
    let p = problems(&r);
    assert_eq!(place_of(&r, "utrecht.json").as_deref(), Some("GM0344"), "{p:#?}");
    assert_eq!(place_of(&r, "nieuwegein.json").as_deref(), Some("GM0356"));
    assert_eq!(place_of(&r, "amsterdam.json").as_deref(), Some("GM0363"));
    assert_eq!(place_of(&r, "bosch.json").as_deref(), Some("GM0796"), "another name of 's-Hertogenbosch");
    assert_eq!(place_of(&r, "haarlemmermeer.json").as_deref(), Some("GM0394"));
    assert_eq!(
        place_of(&r, "onbekend-met-plaats.json").as_deref(),
        Some("GM0344"),
        "the place, when the postcode is unknown"
    );
    assert!(
        has(&p, "onbekend.json: $.jobLocation.address.postalCode: postcode 1000 is not in the national postcode table; fix: check the postcode, or also give the place"),
        "{p:#?}"
    );
    assert_eq!(p.len(), 1, "{p:#?}");
    assert!(r.overlay.vacancies.iter().all(|v| v.job_location.starts_with("GM")));

    // With the AM13 shard: its postcodes, else the national table, for a gemeente the
    // shard holds (Amsterdam is a place of the shard, its postcodes are not).
    let options = Options { base: Some(base()), ..options() };
    let r = import(&inputs, &options);
    let p = problems(&r);
    assert_eq!(place_of(&r, "amsterdam.json").as_deref(), Some("GM0363"), "{p:#?}");
    assert_eq!(place_of(&r, "nieuwegein.json").as_deref(), Some("GM0356"));
    assert!(
        has(&p, "haarlemmermeer.json: $.jobLocation.address.postalCode: postcode 2131 lies in Haarlemmermeer (GM0394, region AM18), which the base catalog does not hold; fix: use the national catalog with --catalog www/data/catalog.json, or the shard of that region with --catalog www/data/regions/AM18.json"),
        "{p:#?}"
    );
    assert!(has(&p, "bosch.json: $.jobLocation.address.addressLocality: place 'Den Bosch' lies in 's-Hertogenbosch (GM0796, region AM27), which the base catalog does not hold"), "{p:#?}");
    assert_eq!(p.len(), 3, "{p:#?}");
    // What was taken lies over the shard.
    base().merge(&r.overlay).unwrap();
}

/// Runs the CLI in `dir` (relative to the repository).
fn cli_in(dir: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_routewijzer")).args(args).current_dir(format!("{ROOT}/{dir}")).output().unwrap()
}

/// Without `--catalog` the overlay is checked against the catalog a loket pack serves by
/// default, the region's shard (else the national catalog): what would not lie over it
/// is dropped with a problem naming the file, line and fix, the rest is written, and
/// what is written passes `routewijzer validate --overlay OUT BASE` (the widget applies
/// an overlay only whole).
#[test]
fn without_catalog_what_is_written_lies_over_the_catalog_a_pack_serves() {
    let tmp = std::env::temp_dir().join(format!("routewijzer-import-default-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let file = |name: &str, text: &str| {
        let p = tmp.join(name);
        std::fs::write(&p, text).unwrap();
        p.to_str().unwrap().to_string()
    };
    // Almere (1311) is no place of the AM13 shard; Utrecht is.
    let vac = file(
        "vac3.csv",
        "title,employer,postcode,sector,role,work_hours,valid_through\n\
         Leerkracht groep 5,OBS Almere,1311,po,leraar,24,2027-03-01\n\
         Leerkracht groep 6,OBS Utrecht,3511,po,leraar,24,2027-03-01\n",
    );
    let act = file(
        "act.csv",
        "id,name,activity_type,start_date,attendance_mode,postcode,route_kinds\n\
         a-almere,Open dag Almere,open-dag,2027-03-13,offline,1311,\n\
         demo-open-dag-pabo-21pd,Open dag pabo,open-dag,2027-03-13,offline,3511,pabo-voltijd\n\
         a-utrecht,Open dag Utrecht,open-dag,2027-03-14,offline,3511,pabo-voltijd|pabo-voltijd\n",
    );
    let out = tmp.join("ov3.json");
    let o = out.to_str().unwrap();
    let validate = |base: &str| {
        let v = cli_in(".", &["validate", "--overlay", o, base]);
        assert_eq!(v.status.code(), Some(0), "validate --overlay OUT {base}: {}", String::from_utf8_lossy(&v.stderr));
    };
    let shard = "www/data/regions/AM13.json";

    // The reviewer's case: exit 0, and the Almere items dropped with the fix.
    let run = cli_in(".", &["import", "--region", "AM13", "--today", TODAY, "--out", o, &vac, &act]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(run.status.code(), Some(0), "{stdout}{}", String::from_utf8_lossy(&run.stderr));
    for want in [
        format!("{vac}: line 2, column postcode: postcode 1311 lies in Almere (GM0034, region AM11), which {shard} does not hold (no --catalog given"),
        format!("{act}: line 2, column postcode: postcode 1311 lies in Almere"),
        "fix: use the national catalog with --catalog www/data/catalog.json, or the shard of that region with --catalog www/data/regions/AM11.json".into(),
        format!("{act}: line 3, column id: {shard} already has an item with the id 'demo-open-dag-pabo-21pd'"),
        "vacancies:   1 taken, 1 dropped".into(),
        "activities:  1 taken, 2 dropped".into(),
        format!("checked: it lies over {shard} (no --catalog given: the shard of AM13, which a loket pack for AM13 serves by default)"),
    ] {
        assert!(stdout.contains(&want), "missing {want:?} in {stdout}");
    }
    let overlay = overlay_from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(overlay.vacancies.iter().map(|v| v.job_location.as_str()).collect::<Vec<_>>(), ["GM0344"]);
    assert_eq!(overlay.activities[0].route_kinds.len(), 1, "a route kind listed twice is kept once");
    validate(shard);

    // No region: the national catalog, which holds Almere.
    let run = cli_in(".", &["import", "--today", TODAY, "--out", o, &vac]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(run.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("vacancies:   2 taken, 0 dropped"), "{stdout}");
    assert!(stdout.contains("checked: it lies over www/data/catalog.json (no --catalog or --region given"), "{stdout}");
    validate("www/data/catalog.json");

    // Run elsewhere: the catalogs of the folder the program was built from.
    let run = cli_in(DIR, &["import", "--region", "AM13", "--today", TODAY, "--out", o, &vac]);
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(String::from_utf8_lossy(&run.stdout).contains(&format!("checked: it lies over {ROOT}/{shard} (")));
    validate(shard);

    // A region no place of the catalog lies in: a usage error, nothing written.
    std::fs::remove_file(&out).unwrap();
    let run = cli_in(".", &["import", "--region", "AM04", "--today", TODAY, "--out", o, &vac]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).starts_with("--region AM04: no place of www/data/catalog.json"));
    assert!(!out.exists());

    // Every region: the fixtures' vacancies and activities, checked against its shard.
    let files: Vec<String> =
        ["vacatures.jsonld", "vacature.json", "activiteiten.json", "vacatures.csv", "activiteiten.csv"]
            .iter()
            .map(|f| format!("{ROOT}/{DIR}/{f}"))
            .collect();
    for region in ["AM01", "AM11", "AM18", "AM27"] {
        let mut args = vec!["import", "--region", region, "--today", TODAY, "--out", o];
        args.extend(files.iter().map(String::as_str));
        let run = cli_in(".", &args);
        match run.status.code() {
            Some(0) => validate(&format!("www/data/regions/{region}.json")),
            Some(1) => assert!(String::from_utf8_lossy(&run.stderr).contains("nothing valid was found"), "{region}"),
            code => panic!("{region}: exit {code:?}: {}", String::from_utf8_lossy(&run.stderr)),
        }
        std::fs::remove_file(&out).ok();
    }
    std::fs::remove_dir_all(&tmp).ok();
}

/// `import --help` (and `-h`) prints the import's usage, every option in it, and exits 0.
#[test]
fn import_help_lists_every_option() {
    for flag in ["--help", "-h"] {
        for args in [&["import", flag][..], &["import", "--out", "x.json", flag, "vacatures.csv"]] {
            let out = cli(args);
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
            assert!(stdout.starts_with("usage: routewijzer import "), "{stdout}");
            for option in [
                "--out",
                "--catalog",
                "--region",
                "--name",
                "--contact-name",
                "--contact-email",
                "--contact-phone",
                "--contact-url",
                "--today",
                "--merged",
            ] {
                assert!(stdout.contains(&format!("\n  {option} ")), "{option} in {stdout}");
            }
        }
    }
    assert!(!std::path::Path::new(&format!("{ROOT}/{DIR}/x.json")).exists(), "--help writes nothing");
    // The source accepts no option the help leaves out.
    let source = std::fs::read_to_string(format!("{ROOT}/src/bin/routewijzer/import.rs")).unwrap();
    let usage = source.split("pub fn run(").next().unwrap();
    let arms: Vec<&str> = source
        .split("pub fn run(")
        .nth(1)
        .unwrap()
        .lines()
        .filter_map(|l| l.trim().strip_prefix('"')?.split_once("\" =>").map(|(o, _)| o))
        .collect();
    assert!(arms.len() >= 10, "{arms:?}");
    for option in arms {
        assert!(usage.contains(&format!("  {option} ")), "{option} is not in the help");
    }
}

/// The loket's contact (`--contact-*`) goes into the overlay's `meta.contact`, checked
/// first; the overlay validates over its catalog and the merged catalog carries it.
#[test]
fn the_contact_options_reach_the_overlay_and_the_merged_catalog() {
    let tmp = std::env::temp_dir().join(format!("routewijzer-import-contact-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let (overlay, merged) = (tmp.join("overlay.json"), tmp.join("merged.json"));
    let (o, m) = (overlay.to_str().unwrap(), merged.to_str().unwrap());
    let shard = format!("{ROOT}/{SHARD}");
    let common = ["import", "--catalog", &shard, "--today", TODAY, "--name", "Onderwijsloket Regio Utrecht"];
    let contact = [
        "--contact-email",
        "loket@onderwijsregio-utrecht.nl",
        "--contact-phone",
        "+31 30 123 4567",
        "--contact-url",
        "https://www.onderwijsregio-utrecht.nl/contact",
    ];
    let out = cli(&[&common[..], &contact, &["--out", o, "--merged", m, "vacatures.csv"]].concat());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        stdout.contains("contact: Onderwijsloket Regio Utrecht, loket@onderwijsregio-utrecht.nl, +31 30 123 4567, https://www.onderwijsregio-utrecht.nl/contact\n"),
        "{stdout}"
    );
    let read = overlay_from_str(&std::fs::read_to_string(&overlay).unwrap()).unwrap();
    let c = read.meta.contact.clone().expect("meta.contact");
    assert_eq!(c.name, "Onderwijsloket Regio Utrecht", "the name defaults to --name");
    assert_eq!(c.email.as_deref(), Some("loket@onderwijsregio-utrecht.nl"));
    assert_eq!(c.phone.as_deref(), Some("+31 30 123 4567"));
    assert_eq!(c.url.as_deref(), Some("https://www.onderwijsregio-utrecht.nl/contact"));
    let v = cli(&["validate", "--overlay", o, &shard]);
    assert_eq!(v.status.code(), Some(0), "{}", String::from_utf8_lossy(&v.stderr));
    let merged_catalog = catalog_from_str(&std::fs::read_to_string(&merged).unwrap()).unwrap();
    assert_eq!(merged_catalog.meta.contact, Some(c.clone()));
    assert_eq!(base().merge(&read).unwrap().meta.contact, Some(c));
    // An own contact name; only a web page.
    let out = cli(&[
        &common[..],
        &["--contact-name", "Team Zij-instroom", "--contact-url", "https://example.nl", "--out", o, "vacatures.csv"],
    ]
    .concat());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let c = overlay_from_str(&std::fs::read_to_string(&overlay).unwrap()).unwrap().meta.contact.unwrap();
    assert_eq!((c.name.as_str(), c.email, c.url.as_deref()), ("Team Zij-instroom", None, Some("https://example.nl")));

    // Bad values: a usage error naming the option and a fix, nothing written.
    std::fs::remove_file(&overlay).unwrap();
    for (args, want) in [
        (&["--contact-email", "loket at example.nl"][..], "--contact-email: 'loket at example.nl' is not an e-mail address such as loket@example.nl; give one address"),
        (&["--contact-email", "a@b.nl?subject=x"], "--contact-email: 'a@b.nl?subject=x' is not an e-mail address"),
        (&["--contact-phone", "bel ons"], "--contact-phone: 'bel ons' is not a phone number such as 030 123 4567"),
        (&["--contact-phone", "123"], "--contact-phone: '123' is not a phone number"),
        (&["--contact-url", "http://example.nl"], "--contact-url: 'http://example.nl' is not an https address of a web page"),
        (&["--contact-url", "javascript:alert(1)"], "--contact-url: 'javascript:alert(1)' is not an https address"),
        (&["--contact-name", "Loket"], "--contact-name: give also how to reach the loket: --contact-email, --contact-phone or --contact-url"),
    ] {
        let out = cli(&[&common[..], args, &["--out", o, "vacatures.csv"]].concat());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.starts_with(want), "{args:?}: {stderr}");
        assert!(!overlay.exists(), "{args:?}: nothing written");
    }
    // Without --name, the contact needs its own.
    let out = cli(&["import", "--catalog", &shard, "--contact-email", "loket@example.nl", "--out", o, "vacatures.csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("the contact needs a name: give --contact-name"));
    std::fs::remove_dir_all(&tmp).ok();
}

/// An intake row naming an offering the catalog lacks: the fix says where the ids are
/// and lists the closest ones (no command lists a catalog's offering ids).
#[test]
fn an_unknown_offering_id_gets_the_closest_ids() {
    let csv = "offering,start_date\n10iz-34808-vt-0345,2027-09-01\n";
    let r = run_texts(&[("instroom.csv", csv)]);
    let p = problems(&r);
    assert!(
        has(&p, "instroom.csv: line 2, column offering: no offering '10iz-34808-vt-0345' in the base catalog or this import; fix: use the id of an offering of the base catalog (the closest ids: 10iz-34808-vt-0344), or leave offering out and give croho, institution and mode"),
        "{p:#?}"
    );
    assert!(!p.iter().any(|x| x.contains("routewijzer validate")), "{p:#?}");
}

/// JSON-LD as sites write it: a `Place.address` as plain text gives its Dutch postcode
/// (and the place after it); a `VirtualLocation.url` is an online activity's link.
#[test]
fn an_address_as_text_and_a_virtual_location_url() {
    let event = |location: &str, extra: &str| {
        format!(
            r#"{{"@context": "https://schema.org", "@type": "Event", "name": "Open dag pabo",
                "startDate": "2027-03-13T10:00", {extra} "location": {location}}}"#
        )
    };
    let r = run_texts(&[
        ("tekst.json", &event(r#"{"@type": "Place", "address": "Padualaan 97, 3584 CH Utrecht"}"#, "")),
        (
            "straat.json",
            &event(r#"{"@type": "Place", "address": {"streetAddress": "Plein 1, 3431 NB Nieuwegein"}}"#, ""),
        ),
        ("zonder.json", &event(r#"{"@type": "Place", "address": "Padualaan 97, Utrecht"}"#, "")),
        ("webinar.json", &event(r#"{"@type": "VirtualLocation", "url": "https://loket.example/webinar"}"#, "")),
        (
            "eigen-pagina.json",
            &event(
                r#"{"@type": "VirtualLocation", "url": "https://meet.example/x"}"#,
                r#""url": "https://loket.example/open-dag","#,
            ),
        ),
        // A meeting address that is no web address: the activity stays, without a link.
        ("teams.json", &event(r#"{"@type": "VirtualLocation", "url": "teams:/l/meetup-join/abc"}"#, "")),
    ]);
    let p = problems(&r);
    assert_eq!(counts(&r, Kind::Activities), (5, 1), "{p:#?}");
    let a = |file: &str| {
        let i = ["tekst.json", "straat.json", "webinar.json", "eigen-pagina.json", "teams.json"]
            .iter()
            .position(|f| *f == file)
            .unwrap();
        &r.overlay.activities[i]
    };
    assert_eq!(a("tekst.json").location.as_deref(), Some("GM0344"));
    assert_eq!(a("tekst.json").address.as_deref(), Some("Padualaan 97, 3584 CH Utrecht"));
    assert_eq!(a("straat.json").location.as_deref(), Some("GM0356"));
    // Without a postcode the text is still no place: the problem says what to give.
    assert!(has(&p, "zonder.json: $: no place; fix: give location.address.postalCode"), "{p:#?}");
    assert_eq!(p.len(), 1, "{p:#?}");
    let web = a("webinar.json");
    assert_eq!((web.event_attendance_mode.id(), web.url.as_deref()), ("online", Some("https://loket.example/webinar")));
    assert_eq!(
        a("eigen-pagina.json").url.as_deref(),
        Some("https://loket.example/open-dag"),
        "the event's own page first"
    );
    assert_eq!(a("teams.json").url, None);
    let notes: Vec<String> = r.assumptions.iter().map(|a| a.to_string()).collect();
    for want in [
        "tekst.json: $.location.address: postcode 3584 and place 'Utrecht' taken from the address text",
        "straat.json: $.location.address.streetAddress: postcode 3431 and place 'Nieuwegein' taken from the address text",
        "webinar.json: $.location.url: no url: the VirtualLocation's url taken as the activity's link",
        "teams.json: $.location.url: no url, and the VirtualLocation's url is no http(s) address: the activity has no link",
    ] {
        assert!(has(&notes, want), "missing {want:?} in {notes:#?}");
    }
}

/// A `--merged` file that cannot be written: nothing is written (not the overlay either),
/// and the report still says what was taken and dropped.
#[test]
fn a_merged_file_that_cannot_be_written_leaves_nothing_written() {
    let tmp = std::env::temp_dir().join(format!("routewijzer-import-unwritable-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let overlay = tmp.join("overlay.json");
    let merged = tmp.join("no-such-folder").join("merged.json");
    let shard = format!("{ROOT}/{SHARD}");
    let (o, m) = (overlay.to_str().unwrap(), merged.to_str().unwrap());
    let out = cli(&["import", "--catalog", &shard, "--today", TODAY, "--out", o, "--merged", m, "vacatures.csv"]);
    let stderr = String::from_utf8_lossy(&out.stderr).to_string() + &String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(&format!("cannot write {m}")), "{stderr}");
    assert!(stderr.contains("nothing written"), "{stderr}");
    assert!(stderr.contains("vacancies:"), "the report is kept: {stderr}");
    assert!(!overlay.exists(), "no overlay written");
    std::fs::remove_dir_all(&tmp).unwrap();
}

/// A new programme whose intake row is broken is left out with it; one with no intake
/// (and no rolling intake) is left out too: each a problem, and the counts move from
/// taken to dropped.
#[test]
fn a_programme_without_a_usable_intake_is_left_out_and_counted() {
    let programmes = std::fs::read_to_string(format!("{ROOT}/{DIR}/opleidingen.csv")).unwrap();
    let header = programmes.lines().next().unwrap();
    let row = programmes.lines().nth(1).unwrap();
    let intakes_header = "offering,croho,institution,mode,place,start_date,application_deadline,status";
    // Broken: the intake's date is no date.
    let broken = run_texts(&[
        ("opleidingen.csv", &format!("{header}\n{row}\n")),
        ("instroom.csv", &format!("{intakes_header}\nspoutnik-oa-leraar,,,,,1 september,2027-06-01,confirmed\n")),
    ]);
    let p = problems(&broken);
    assert!(has(&p, "offering spoutnik-oa-leraar is left out: its intake at instroom.csv"), "{p:#?}");
    assert_eq!(counts(&broken, Kind::Programmes), (0, 1), "{p:#?}");
    assert!(broken.overlay.offerings.is_empty());
    // No intake at all.
    let none = run_texts(&[("opleidingen.csv", &format!("{header}\n{row}\n"))]);
    let p = problems(&none);
    assert!(has(&p, "offering spoutnik-oa-leraar has no future intake"), "{p:#?}");
    assert_eq!(counts(&none, Kind::Programmes), (0, 1), "{p:#?}");
    assert!(none.overlay.offerings.is_empty());
}
