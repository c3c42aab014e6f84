//! Writing the outputs: the catalog as JSON text (default fields stripped, read back and
//! validated), the region shards and their index, the JSON Schemas, and the report of
//! counts.

use crate::inputs::Inputs;
use crate::offerings::Built;
use crate::shards::{shard, MIN_PER_KIND};
use crate::Res;
use routewijzer::model::vocab::*;
use routewijzer::model::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// Removes fields that equal their serde default, so the files stay small; the build
/// checks that the written text parses back to the same catalog.
fn strip(v: &mut Value) {
    match v {
        Value::Object(m) => {
            m.retain(|k, x| match x {
                Value::Null => false,
                Value::Array(a) if a.is_empty() => !matches!(
                    k.as_str(),
                    "program_prerequisites" | "intakes" | "education_requirements" | "notes" | "alternatives"
                ),
                Value::Bool(false) => !matches!(
                    k.as_str(),
                    "rolling_intake"
                        | "demo"
                        | "include_unrecognised"
                        | "lerarenopleiding"
                        | "related"
                        | "same_subject"
                ),
                Value::Number(n) if k == "lead_time_days" => n.as_u64() != Some(0),
                _ => true,
            });
            m.values_mut().for_each(strip);
        }
        Value::Array(a) => a.iter_mut().for_each(strip),
        _ => {}
    }
}

/// The catalog as JSON text: top-level fields in model order, one array element per line.
fn catalog_text(c: &Catalog) -> Res<String> {
    let mut v = serde_json::to_value(c).map_err(|e| e.to_string())?;
    strip(&mut v);
    let Value::Object(m) = v else { return Err("catalog is not an object".into()) };
    let order: Vec<&str> = std::iter::once("meta")
        .chain(routewijzer::model::parse::CATALOG_LISTS.iter().copied())
        .chain(std::iter::once("weights"))
        .collect();
    let mut out = String::from("{");
    let mut first = true;
    for &key in &order {
        let Some(x) = m.get(key) else { continue };
        if !first {
            out.push(',');
        }
        first = false;
        write!(out, "\n\"{key}\":").expect("string");
        match x {
            Value::Array(a) if !a.is_empty() => {
                out.push('[');
                for (i, e) in a.iter().enumerate() {
                    out.push_str(if i == 0 { "\n" } else { ",\n" });
                    out.push_str(&serde_json::to_string(e).map_err(|e| e.to_string())?);
                }
                out.push_str("\n]");
            }
            _ => out.push_str(&serde_json::to_string(x).map_err(|e| e.to_string())?),
        }
    }
    if m.keys().any(|k| !order.contains(&k.as_str())) {
        return Err("catalog has a field the writer does not know".into());
    }
    out.push_str("\n}\n");
    // Written text must read back to the same catalog and validate.
    let back = routewijzer::model::parse::catalog_from_str(&out)
        .map_err(|e| format!("written catalog does not parse: {e}"))?;
    if back != *c {
        return Err("written catalog does not read back to the built one".into());
    }
    routewijzer::Matcher::new(back).map_err(|e| format!("built catalog is invalid: {e}"))?;
    Ok(out)
}

fn write(path: &Path, text: &str) -> Res<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn counts(c: &Catalog) -> String {
    let intakes: usize = c.offerings.iter().map(|o| o.intakes.len()).sum();
    format!(
        "{} institutions, {} offerings, {} intakes, {} vacancies, {} places, {} postcodes",
        c.institutions.len(),
        c.offerings.len(),
        intakes,
        c.vacancies.len(),
        c.places.len(),
        c.postcodes.len()
    )
}

pub fn write_all(inputs: &Inputs, built: &Built, out: &Path) -> Res<String> {
    let national = &built.catalog;
    let mut report = String::new();
    let text = catalog_text(national)?;
    write(&out.join("www/data/catalog.json"), &text)?;
    writeln!(report, "www/data/catalog.json: {} ({} bytes)", counts(national), text.len()).expect("string");
    let mut kinds: BTreeMap<RouteKind, usize> = BTreeMap::new();
    for o in &national.offerings {
        *kinds.entry(o.kind).or_default() += 1;
    }
    for k in RouteKind::ALL {
        writeln!(report, "  offerings {:<30} {}", k.id(), kinds.get(k).copied().unwrap_or(0)).expect("string");
    }
    for s in Sector::ALL {
        let n = national.vacancies.iter().filter(|v| v.sector == *s).count();
        writeln!(report, "  vacancies {:<30} {n}", s.id()).expect("string");
    }

    let mut index = Vec::new();
    for (code, (name, gms)) in &built.regions {
        let c = shard(inputs, national, code, name, gms);
        let text = catalog_text(&c)?;
        let file = format!("{code}.json");
        write(&out.join("www/data/regions").join(&file), &text)?;
        writeln!(report, "www/data/regions/{file}: {} ({} bytes)", counts(&c), text.len()).expect("string");
        index.push(serde_json::json!({
            "region": code,
            "name": name,
            "file": file,
            "gemeenten": gms,
            "offerings": c.offerings.len(),
            "vacancies": c.vacancies.len(),
            "postcodes": c.postcodes.len(),
            "bytes": text.len(),
        }));
    }
    let mut idx = String::from("{\n");
    write!(
        idx,
        "\"generated\":\"{}\",\n\"version\":{},\n\"radius_km\":{},\n\"note\":{},\n\"regions\":[",
        national.meta.generated,
        serde_json::to_string(&national.meta.version).map_err(|e| e.to_string())?,
        inputs.settings.radius_km,
        serde_json::to_string(&format!(
            "One catalog per arbeidsmarktregio (CBS 2025): the region's offerings and vacancies plus those within {} km of any gemeente point of the region, and at least {MIN_PER_KIND} offerings (the nearest) of every route kind (herintreding: its two routes for the country). Pick the shard by the gemeente code of the person's place.",
            inputs.settings.radius_km
        ))
        .map_err(|e| e.to_string())?
    )
    .expect("string");
    for (i, e) in index.iter().enumerate() {
        idx.push_str(if i == 0 { "\n" } else { ",\n" });
        idx.push_str(&serde_json::to_string(e).map_err(|e| e.to_string())?);
    }
    idx.push_str("\n]\n}\n");
    write(&out.join("www/data/regions/index.json"), &idx)?;

    let schema = |v: schemars::Schema| serde_json::to_string_pretty(&v).map(|s| s + "\n").map_err(|e| e.to_string());
    write(&out.join("schema/catalog.schema.json"), &schema(schemars::schema_for!(Catalog))?)?;
    write(&out.join("schema/profile.schema.json"), &schema(schemars::schema_for!(Profile))?)?;
    write(&out.join("schema/overlay.schema.json"), &schema(schemars::schema_for!(routewijzer::model::Overlay))?)?;
    write(&out.join("schema/result.schema.json"), &schema(result_schema())?)?;
    writeln!(
        report,
        "schema/catalog.schema.json, schema/profile.schema.json, schema/overlay.schema.json, schema/result.schema.json"
    )
    .expect("string");
    Ok(report)
}

/// The schema of what the core writes: `MatchResult`, as serialised (every field present
/// except those serde skips, such as empty `Text.params`), with `Problem` (the elements of
/// an input error's `problems`) among its definitions.
fn result_schema() -> schemars::Schema {
    let mut generator = schemars::generate::SchemaSettings::default().for_serialize().into_generator();
    generator.subschema_for::<routewijzer::model::error::Problem>();
    generator.into_root_schema_for::<routewijzer::result::MatchResult>()
}
