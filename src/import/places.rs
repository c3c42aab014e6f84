//! The national place table (`www/data/places.json`, written by the catalog build from
//! `data/`): every gemeente with its code and name, the other names people use for one
//! (`Den Bosch`), and every four-digit postcode with its gemeente. Built into the importer
//! (it reads no file), so a postcode or place name becomes a gemeente code without a base
//! catalog, or when the base catalog is a region shard, which holds only its own region's
//! postcodes. The arbeidsmarktregio of each gemeente comes from the shards' index
//! (`www/data/regions/index.json`), so a problem can name the shard that holds it.

use super::text::same_name;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/places.json"));
const SHARDS: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/regions/index.json"));

#[derive(Deserialize)]
struct File {
    /// `[code, name, lat, lon]`.
    gemeenten: Vec<(String, String, f64, f64)>,
    /// `[code, name]`.
    aliases: Vec<(String, String)>,
    /// `[pc4, lat, lon, code]`.
    postcodes: Vec<(String, f64, f64, String)>,
}

/// The shards' index: each region's own gemeenten.
#[derive(Deserialize)]
struct Index {
    regions: Vec<Shard>,
}

#[derive(Deserialize)]
struct Shard {
    region: String,
    gemeenten: Vec<String>,
}

/// Gemeenten by code, name and alias; postcodes to their gemeente; gemeenten to their
/// arbeidsmarktregio.
#[derive(Default)]
pub(crate) struct Places {
    /// `(code, name)` of every gemeente, then of every alias.
    names: Vec<(String, String)>,
    postcodes: HashMap<String, String>,
    regions: HashMap<String, String>,
}

impl Places {
    fn parse(text: &str, shards: &str) -> Result<Places, String> {
        let f: File = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let index: Index = serde_json::from_str(shards).map_err(|e| e.to_string())?;
        let mut names: Vec<(String, String)> = f.gemeenten.into_iter().map(|g| (g.0, g.1)).collect();
        names.extend(f.aliases);
        let regions = index
            .regions
            .into_iter()
            .flat_map(|s| s.gemeenten.into_iter().map(move |g| (g, s.region.clone())))
            .collect();
        Ok(Places { names, postcodes: f.postcodes.into_iter().map(|p| (p.0, p.3)).collect(), regions })
    }

    /// The table built into the importer (empty, were it unreadable: a unit test reads it).
    pub(crate) fn national() -> &'static Places {
        static PLACES: OnceLock<Places> = OnceLock::new();
        PLACES.get_or_init(|| Places::parse(TABLE, SHARDS).unwrap_or_default())
    }

    /// The arbeidsmarktregio (`AM13`) of a gemeente code.
    pub(crate) fn region_of(&self, code: &str) -> Option<&str> {
        self.regions.get(code).map(String::as_str)
    }

    /// The gemeente code of a four-digit postcode.
    pub(crate) fn gemeente_of_postcode(&self, pc4: &str) -> Option<&str> {
        self.postcodes.get(pc4).map(String::as_str)
    }

    /// The gemeente code of a code (`GM0344`), a name as CBS writes it or another name
    /// (`'s-Hertogenbosch`, `Den Bosch`), compared loosely.
    pub(crate) fn gemeente_named(&self, name: &str) -> Option<&str> {
        let v = name.trim();
        self.names
            .iter()
            .find(|(code, n)| code.eq_ignore_ascii_case(v) || same_name(n, v))
            .map(|(code, _)| code.as_str())
    }

    /// The name of a gemeente code.
    pub(crate) fn name(&self, code: &str) -> Option<&str> {
        self.names.iter().find(|(c, _)| c == code).map(|(_, n)| n.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_table_covers_the_country() {
        let p = Places::parse(TABLE, SHARDS).expect("www/data/places.json and regions/index.json read");
        assert!(p.postcodes.len() > 4000 && p.names.len() > 340, "{} {}", p.postcodes.len(), p.names.len());
        assert!(p.names.iter().all(|(code, _)| p.regions.contains_key(code)), "every gemeente has its region");
        let n = Places::national();
        assert_eq!(n.gemeente_of_postcode("3511"), Some("GM0344"));
        assert_eq!(n.gemeente_of_postcode("1012"), Some("GM0363"));
        assert_eq!(n.gemeente_of_postcode("0000"), None);
        assert_eq!(n.gemeente_named("Den Bosch"), Some("GM0796"));
        assert_eq!(n.gemeente_named("s Hertogenbosch"), Some("GM0796"));
        assert_eq!(n.gemeente_named("gm0344"), Some("GM0344"));
        assert_eq!(n.gemeente_named("Utreg"), None);
        assert_eq!(n.name("GM0356"), Some("Nieuwegein"));
        assert_eq!(n.region_of("GM0344"), Some("AM13"));
        assert_eq!(n.region_of("GM0000"), None);
    }
}
