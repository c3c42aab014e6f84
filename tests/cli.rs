//! The CLI on the same core: golden JSON and text output, validation, exit codes.
//! Set UPDATE_GOLDEN=1 to rewrite the golden files after an intended change, and
//! review the diff before committing it.
#![cfg(feature = "import")] // (the CLI binary needs it)

use std::path::Path;
use std::process::{Command, Output};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_routewijzer")).args(args).current_dir(ROOT).output().expect("run the CLI")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn golden(name: &str, actual: &str) {
    let path = Path::new(ROOT).join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing {}; run with UPDATE_GOLDEN=1", path.display()));
    if expected != actual {
        let line = expected.lines().zip(actual.lines()).position(|(a, b)| a != b).unwrap_or(0);
        panic!(
            "{name} differs from the golden file at line {}:\n  golden: {:?}\n  actual: {:?}",
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line)
        );
    }
}

const CATALOG: &str = "tests/fixtures/sample-catalog.json";

fn match_args<'a>(profile: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut v = vec!["match", "--catalog", CATALOG, "--profile", profile, "--today", "2026-11-23"];
    v.extend_from_slice(extra);
    v
}

#[test]
fn json_output_matches_golden() {
    for persona in ["januari-baanaanbod", "havo-schoolverlater"] {
        let profile = format!("tests/fixtures/profiles/{persona}.json");
        let o = cli(&match_args(&profile, &["--format", "json", "--limit", "6"]));
        assert!(o.status.success(), "{}", stderr(&o));
        golden(&format!("{persona}.json"), &stdout(&o));
    }
}

#[test]
fn text_output_matches_golden_in_both_languages() {
    let profile = "tests/fixtures/profiles/januari-baanaanbod.json";
    let nl = cli(&match_args(profile, &["--format", "text", "--limit", "10"]));
    golden("januari-baanaanbod.nl.txt", &stdout(&nl));
    let en = cli(&match_args(profile, &["--format", "text", "--lang", "en", "--limit", "10"]));
    golden("januari-baanaanbod.en.txt", &stdout(&en));
}

#[test]
fn json_has_the_shared_result_shape() {
    let o = cli(&match_args("tests/fixtures/profiles/hbo-zij-instromer-po.json", &[]));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let routes = v["routes"].as_array().unwrap();
    assert_eq!(routes.len(), 51, "without --limit every offering is listed");
    for key in ["offering", "kind", "eligibility", "score", "factors", "blockers", "conditions", "next_intake"] {
        assert!(routes.iter().all(|r| r.get(key).is_some()), "routes[].{key}");
    }
    assert!(v["pathways"].is_array() && v["what_if"].is_array());
    let ranks: Vec<u64> = routes.iter().map(|r| r["rank"].as_u64().unwrap()).collect();
    assert_eq!(ranks, (1..=51).collect::<Vec<u64>>());
}

#[test]
fn validate_reports_counts_or_every_problem() {
    let ok = cli(&["validate", CATALOG]);
    assert!(ok.status.success());
    assert!(stdout(&ok).contains("valid catalog") && stdout(&ok).contains("51 offerings"), "{}", stdout(&ok));

    let dir = std::env::temp_dir().join(format!("rw-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    let mut c: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(Path::new(ROOT).join(CATALOG)).unwrap()).unwrap();
    c["offerings"][0]["place"] = "GM0000".into();
    c["vacancies"][1]["job_location"] = "GM0001".into();
    std::fs::write(&bad, c.to_string()).unwrap();
    let o = cli(&["validate", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("2 problems")
            && err.contains("offerings[0].place: unknown place 'GM0000'")
            && err.contains("vacancies[1].job_location"),
        "{err}"
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn bad_profiles_and_usage_give_clear_errors() {
    let dir = std::env::temp_dir().join(format!("rw-cli-p-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("p.json");
    std::fs::write(&bad, r#"{"diplomas":[{"level":"master"}]}"#).unwrap();
    let o = cli(&match_args(bad.to_str().unwrap(), &[]));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("diplomas[0].level: unknown variant `master`"), "{}", stderr(&o));
    std::fs::remove_dir_all(dir).ok();

    for (args, needle) in [
        (vec!["match", "--catalog", CATALOG], "match needs --profile"),
        (vec!["match", "--catalog", CATALOG, "--profile", "x", "--today", "23-11-2026"], "--today"),
        (vec!["match", "--format", "xml"], "--format"),
        (vec!["frobnicate"], "unknown command"),
        (vec![], "no command"),
    ] {
        let o = cli(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(needle) && stderr(&o).contains("usage:"), "{args:?}: {}", stderr(&o));
    }
    let missing = cli(&["validate", "no/such/file.json"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("cannot read no/such/file.json"));
}
