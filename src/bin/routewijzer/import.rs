//! `routewijzer import`: reads a loket's files, writes the overlay (and a merged
//! catalog), prints the problems, assumptions and a summary. The work is done by
//! [`routewijzer::import`]; this reads and writes the files.

use super::{read, Failure};
use routewijzer::import::{import, Input, Options};
use routewijzer::{Catalog, Date, Matcher};

/// Files above this size are not read (a saved page or CSV export is far smaller).
const MAX_INPUT_BYTES: u64 = 16 << 20;

pub fn run(args: &[String], today: impl FnOnce() -> Date) -> Result<String, Failure> {
    let (mut base, mut region, mut name, mut out, mut merged, mut when) = (None, None, None, None, None, None);
    let mut files: Vec<String> = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = || it.next().cloned().ok_or_else(|| Failure::Usage(format!("{arg} needs a value")));
        match arg.as_str() {
            "--catalog" => base = Some(value()?),
            "--region" => {
                let r = value()?;
                let ok = r.len() == 4 && r.starts_with("AM") && r[2..].bytes().all(|b| b.is_ascii_digit());
                if !ok {
                    return Err(Failure::Usage(format!(
                        "--region: '{r}' is not an arbeidsmarktregio code such as AM13"
                    )));
                }
                region = Some(r)
            }
            "--name" => name = Some(value()?),
            "--out" => out = Some(value()?),
            "--merged" => merged = Some(value()?),
            "--today" => {
                let v = value()?;
                when = Some(Date::parse(&v).map_err(|e| Failure::Usage(format!("--today: {e}")))?)
            }
            flag if flag.starts_with("--") => return Err(Failure::Usage(format!("unknown option '{flag}'"))),
            file => files.push(file.to_string()),
        }
    }
    let out = out.ok_or_else(|| Failure::Usage("import needs --out OVERLAY.json".into()))?;
    if files.is_empty() {
        return Err(Failure::Usage("import needs at least one file to read".into()));
    }
    if merged.is_some() && base.is_none() {
        return Err(Failure::Usage("--merged needs --catalog (the catalog to merge with)".into()));
    }
    let catalog: Option<Catalog> = match &base {
        Some(path) => Some(
            Matcher::from_json(&read(path)?).map_err(|e| Failure::Input(format!("{path}: {e}")))?.catalog().clone(),
        ),
        None => None,
    };
    let mut data = Vec::new();
    for f in &files {
        let size = std::fs::metadata(f).map_err(|e| Failure::Input(format!("cannot read {f}: {e}")))?.len();
        if size > MAX_INPUT_BYTES {
            return Err(Failure::Input(format!(
                "{f}: {size} bytes is more than the {MAX_INPUT_BYTES} an input file may have"
            )));
        }
        data.push(std::fs::read(f).map_err(|e| Failure::Input(format!("cannot read {f}: {e}")))?);
    }
    let inputs: Vec<Input> = files.iter().zip(&data).map(|(name, data)| Input { name, data }).collect();
    let options = Options { base: catalog.as_ref(), region, name, today: when.unwrap_or_else(today) };
    let report = import(&inputs, &options);
    if !report.needs_base.is_empty() {
        return Err(Failure::Usage(format!(
            "{}: programmes and intakes are matched against the base catalog's offerings and route kinds: \
             give it with --catalog BASE (www/data/catalog.json, or your region's shard \
             www/data/regions/AMxx.json); nothing written",
            report.needs_base.join(", ")
        )));
    }
    let mut text = report.text();
    if report.taken() == 0 {
        return Err(Failure::Input(format!("{text}nothing valid was found: no overlay written")));
    }
    let mut json = serde_json::to_string_pretty(&report.overlay).expect("an overlay is always valid JSON");
    json.push('\n');
    // What is written must read back as an overlay and lie over the base catalog.
    let overlay = routewijzer::model::parse::overlay_from_str(&json)
        .map_err(|e| Failure::Input(format!("{text}the overlay fails validation, not written:\n{e}")))?;
    let merged_catalog = match &catalog {
        Some(c) => Some(c.merge(&overlay).map_err(|e| {
            Failure::Input(format!(
                "{text}the overlay does not lie over {}, not written:\n{e}",
                base.unwrap_or_default()
            ))
        })?),
        None => None,
    };
    std::fs::write(&out, &json).map_err(|e| Failure::Input(format!("cannot write {out}: {e}")))?;
    let o = &report.overlay;
    text += &format!(
        "wrote {out}: {} vacancies, {} offerings, {} intake lists, {} activities, {} institutions\n",
        o.vacancies.len(),
        o.offerings.len(),
        o.intakes.len(),
        o.activities.len(),
        o.institutions.len()
    );
    if let (Some(path), Some(m)) = (merged, merged_catalog) {
        let mut json = serde_json::to_string(&m).expect("a catalog is always valid JSON");
        json.push('\n');
        std::fs::write(&path, json).map_err(|e| Failure::Input(format!("cannot write {path}: {e}")))?;
        text += &format!("wrote {path}: the base catalog with the overlay laid over it\n");
    }
    Ok(text)
}
