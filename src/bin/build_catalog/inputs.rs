//! Reading `data/`: the CSV tables (UTF-8 and the DUO files in Windows-1252), the build
//! settings (`build.json`) and the rules, route kinds, sources, shortages, figures and
//! weights of `rules.json`, into one [`Inputs`].

use crate::Res;
use routewijzer::model::vocab::*;
use routewijzer::model::*;
use routewijzer::Date;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// A CSV table: header and rows, fields unquoted.
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn parse(text: &str, sep: char) -> Table {
        let mut rows = Vec::new();
        let mut row = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        let mut chars = text.trim_start_matches('\u{feff}').chars().peekable();
        while let Some(c) = chars.next() {
            if quoted {
                if c == '"' {
                    if chars.peek() == Some(&'"') {
                        field.push('"');
                        chars.next();
                    } else {
                        quoted = false;
                    }
                } else {
                    field.push(c);
                }
            } else if c == '"' && field.is_empty() {
                quoted = true;
            } else if c == sep {
                row.push(std::mem::take(&mut field));
            } else if c == '\n' {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            } else if c != '\r' {
                field.push(c);
            }
        }
        if !field.is_empty() || !row.is_empty() {
            row.push(field);
            rows.push(row);
        }
        rows.retain(|r: &Vec<String>| !(r.len() == 1 && r[0].is_empty()));
        let header = if rows.is_empty() { Vec::new() } else { rows.remove(0) };
        Table { header, rows }
    }

    fn col(&self, name: &str) -> Res<usize> {
        self.header.iter().position(|h| h == name).ok_or_else(|| format!("column '{name}' missing"))
    }
}

fn read_text(path: &Path) -> Res<String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Windows-1252 to UTF-8 (the DUO `0x.-*.csv` files).
fn cp1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–',
        '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    bytes.iter().map(|&b| if (0x80..0xa0).contains(&b) { HIGH[usize::from(b - 0x80)] } else { char::from(b) }).collect()
}

fn read_cp1252(path: &Path) -> Res<String> {
    std::fs::read(path).map(|b| cp1252(&b)).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn num(s: &str, what: &str) -> Res<f64> {
    s.trim().parse::<f64>().map_err(|_| format!("{what}: '{s}' is not a number"))
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn date(s: &str) -> Res<Option<Date>> {
    if s.trim().is_empty() {
        Ok(None)
    } else {
        Date::parse(s.trim()).map(Some)
    }
}

#[derive(Deserialize)]
pub struct Settings {
    pub name: String,
    pub version: String,
    #[serde(deserialize_with = "iso_date")]
    pub generated: Date,
    pub radius_km: f64,
    pub seed: u64,
    pub vacancies: BTreeMap<String, usize>,
}

fn iso_date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
    Date::parse(&String::deserialize(d)?).map_err(serde::de::Error::custom)
}

/// `data/rules.json`: the parts of a catalog that are written by hand (read by
/// [`read_rules`], so it is checked exactly as a catalog's rules are).
pub struct RulesFile {
    pub sources: Vec<Source>,
    pub rules: Vec<Rule>,
    pub route_kinds: Vec<RouteKindDef>,
    pub relatedness: Vec<Relatedness>,
    pub shortages: Vec<Shortage>,
    pub figures: Vec<Figure>,
    pub weights: Weights,
}

pub struct Gemeente {
    pub code: String,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    pub region: String,
    pub region_name: String,
    pub population: u64,
}

pub struct Programme {
    pub inst: String,
    pub inst_name: String,
    pub gm: String,
    pub croho: String,
    pub name: String,
    pub vorm: String,
    pub funded: bool,
    /// The first date without intake (INSTROOM_EINDDATUM or the end of the vestiging's licence).
    pub end: Option<Date>,
}

/// What `croho_mapping.csv` says of a CROHO code (column `kind`).
#[derive(Clone, Copy, PartialEq)]
pub enum MappedKind {
    /// `-`: not a route to a school teaching qualification; the programme is left out.
    Excluded,
    /// `pabo`: `pabo-voltijd` for VOLTIJD, `pabo-deeltijd` for DEELTIJD and DUAAL.
    Pabo,
    /// A route kind id.
    Kind(RouteKind),
}

pub struct Mapping {
    pub kind: MappedKind,
    pub subjects: Vec<(Subject, Option<String>)>,
    pub sectors: Vec<Sector>,
    pub credential: Option<Qualification>,
}

pub struct School {
    pub code: String,
    pub name: String,
    pub gm: String,
}

pub struct Inputs {
    pub settings: Settings,
    pub rules: RulesFile,
    pub gemeenten: Vec<Gemeente>,
    pub postcodes: Vec<Postcode>,
    pub inst_urls: BTreeMap<String, String>,
    pub inst_seat: BTreeMap<String, String>,
    pub programmes: Vec<Programme>,
    pub mapping: BTreeMap<String, Mapping>,
    pub schools: Vec<School>,
}

impl Inputs {
    pub fn load(dir: &Path) -> Res<Inputs> {
        let settings: Settings =
            serde_json::from_str(&read_text(&dir.join("build.json"))?).map_err(|e| format!("build.json: {e}"))?;
        let rules = read_rules(&read_text(&dir.join("rules.json"))?)?;

        let t = Table::parse(&read_text(&dir.join("nl/gemeenten_2024_derived.csv"))?, ',');
        let (c, n, la, lo, r, rn, p) = (
            t.col("gemeentecode")?,
            t.col("gemeentenaam")?,
            t.col("latitude")?,
            t.col("longitude")?,
            t.col("arbeidsmarktregio_code")?,
            t.col("arbeidsmarktregio_naam")?,
            t.col("geonames_population")?,
        );
        let mut gemeenten = Vec::new();
        for row in &t.rows {
            gemeenten.push(Gemeente {
                code: row[c].clone(),
                name: row[n].clone(),
                lat: round4(num(&row[la], "latitude")?),
                lon: round4(num(&row[lo], "longitude")?),
                region: row[r].clone(),
                region_name: row[rn].clone(),
                population: row[p].trim().parse().unwrap_or(0),
            });
        }
        gemeenten.sort_by(|a, b| a.code.cmp(&b.code));

        let t = Table::parse(&read_text(&dir.join("nl/pc4_derived.csv"))?, ',');
        let (pc, g, la, lo) = (t.col("pc4")?, t.col("gemeentecode")?, t.col("latitude")?, t.col("longitude")?);
        let mut postcodes = Vec::new();
        for row in &t.rows {
            postcodes.push(Postcode(row[pc].clone(), round4(num(&row[la], "pc4 latitude")?), round4(num(&row[lo], "pc4 longitude")?), row[g].clone()));
        }
        postcodes.sort_by(|a, b| a.0.cmp(&b.0));

        let t = Table::parse(&read_cp1252(&dir.join("nl/01.-instellingen-hbo-en-wo.csv"))?, ';');
        let (ic, url, gn) = (t.col("INSTELLINGSCODE")?, t.col("INTERNETADRES")?, t.col("GEMEENTENUMMER")?);
        let mut inst_urls = BTreeMap::new();
        let mut inst_seat = BTreeMap::new();
        for row in &t.rows {
            let u = row[url].trim().to_lowercase();
            if !u.is_empty() {
                let u = if u.starts_with("http") { u } else { format!("https://{u}") };
                inst_urls.insert(row[ic].clone(), u);
            }
            inst_seat.insert(row[ic].clone(), format!("GM{:0>4}", row[gn].trim()));
        }

        let t = Table::parse(&read_text(&dir.join("nl/lerarenopleidingen_derived.csv"))?, ',');
        let cols = [
            "instellingscode",
            "instellingsnaam",
            "gemeentecode",
            "croho_code",
            "opleidingsnaam",
            "vorm",
            "bekostiging",
            "instroom_einddatum",
            "vestigingslicentie_einddatum",
        ]
        .iter()
        .map(|c| t.col(c))
        .collect::<Res<Vec<_>>>()?;
        let mut programmes = Vec::new();
        for row in &t.rows {
            let f = |i: usize| row[cols[i]].clone();
            let end = [date(&f(7))?, date(&f(8))?].into_iter().flatten().min();
            programmes.push(Programme {
                inst: f(0),
                inst_name: f(1),
                gm: f(2),
                croho: f(3),
                name: f(4),
                vorm: f(5),
                funded: f(6) == "BEKOSTIGD",
                end,
            });
        }

        let t = Table::parse(&read_text(&dir.join("croho_mapping.csv"))?, ',');
        let (cc, k, s, se, cr) = (t.col("croho")?, t.col("kind")?, t.col("subjects")?, t.col("sectors")?, t.col("credential")?);
        let mut mapping = BTreeMap::new();
        for row in &t.rows {
            let mut subjects = Vec::new();
            for part in row[s].split('|').filter(|x| !x.is_empty()) {
                let (id, only) = match part.split_once('@') {
                    Some((id, inst)) => (id, Some(inst.to_string())),
                    None => (part, None),
                };
                subjects.push((vocab_id::<Subject>(id, "croho_mapping.csv subject")?, only));
            }
            let sectors = row[se].split('|').filter(|x| !x.is_empty()).map(|x| vocab_id(x, "croho_mapping.csv sector")).collect::<Res<_>>()?;
            let credential = if row[cr].is_empty() { None } else { Some(vocab_id(&row[cr], "croho_mapping.csv credential")?) };
            let kind = match row[k].as_str() {
                "-" => MappedKind::Excluded,
                "pabo" => MappedKind::Pabo,
                id => MappedKind::Kind(vocab_id(id, "croho_mapping.csv kind")?),
            };
            if mapping.insert(row[cc].clone(), Mapping { kind, subjects, sectors, credential }).is_some() {
                return Err(format!("croho_mapping.csv: {} is listed twice", row[cc]));
            }
        }

        let t = Table::parse(&read_cp1252(&dir.join("nl/02.-alle-schoolvestigingen-basisonderwijs.csv"))?, ';');
        let (vc, vn, gn) = (t.col("VESTIGINGSCODE")?, t.col("VESTIGINGSNAAM")?, t.col("GEMEENTENUMMER")?);
        let mut schools: Vec<School> = t
            .rows
            .iter()
            .filter(|r| r.len() > gn)
            .map(|r| School { code: r[vc].clone(), name: r[vn].trim().to_string(), gm: format!("GM{:0>4}", r[gn].trim()) })
            .collect();
        schools.sort_by(|a, b| a.code.cmp(&b.code));

        Ok(Inputs { settings, rules, gemeenten, postcodes, inst_urls, inst_seat, programmes, mapping, schools })
    }

    pub fn gemeente(&self, code: &str) -> Option<&Gemeente> {
        self.gemeenten.binary_search_by(|g| g.code.as_str().cmp(code)).ok().map(|i| &self.gemeenten[i])
    }
}

// ---------------------------------------------------------------- SERDE-SWAP

// SERDE-SWAP: the build's only use of the library's hand-written decoder
// (`routewijzer::decode`, `routewijzer::json`). Once the model types derive serde's
// `Deserialize`, these two functions shrink to:
//
//     #[derive(Deserialize)]
//     #[serde(deny_unknown_fields)]
//     pub struct RulesFile {
//         #[serde(rename = "about")]
//         _about: Option<serde::de::IgnoredAny>,
//         pub sources: Vec<Source>,
//         ... (the other fields as they are)
//     }
//
//     pub fn read_rules(text: &str) -> Res<RulesFile> {
//         serde_json::from_str(text).map_err(|e| format!("rules.json: {e}"))
//     }
//
//     pub fn vocab_id<T: serde::de::DeserializeOwned>(id: &str, what: &str) -> Res<T> {
//         serde_json::from_value(serde_json::Value::String(id.into())).map_err(|_| format!("{what}: unknown id '{id}'"))
//     }
//
// and the vocabulary ids read as strings elsewhere in this file (croho_mapping.csv,
// build_facts.json) may then be typed fields of the serde structs instead.

/// Reads `data/rules.json` with the product's decoder: unknown, duplicate and missing
/// fields and unknown vocabulary ids are errors with their JSON path.
pub fn read_rules(text: &str) -> Res<RulesFile> {
    use routewijzer::decode::{self, FromJson, Obj};
    let read = || -> Result<RulesFile, routewijzer::Problem> {
        let v = decode::value(text)?;
        let o = Obj::new(&v, &["about", "sources", "rules", "route_kinds", "relatedness", "shortages", "figures", "weights"])?;
        let weights = o.raw("weights").map(Weights::from_json).transpose().map_err(|p| decode::within(p, "weights"))?;
        let rules = RulesFile {
            sources: o.req("sources"),
            rules: o.req("rules"),
            route_kinds: o.req("route_kinds"),
            relatedness: o.req("relatedness"),
            shortages: o.req("shortages"),
            figures: o.req("figures"),
            weights: weights.ok_or_else(|| routewijzer::Problem::new("", "missing field `weights`"))?,
        };
        o.done(rules)
    };
    read().map_err(|p| format!("rules.json: {}: {}", p.path, p.message))
}

/// A vocabulary value (subject, sector, route kind...) from its id; `what` names the file
/// and field for the error.
pub fn vocab_id<T: routewijzer::decode::FromJson>(id: &str, what: &str) -> Res<T> {
    T::from_json(&routewijzer::json::Value::Str(id.into())).map_err(|_| format!("{what}: unknown id '{id}'"))
}
