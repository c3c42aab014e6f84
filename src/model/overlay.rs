//! A loket's [`Overlay`] laid over a [`Catalog`]: [`Catalog::merge`].
//!
//! Institutions and offerings are replaced or added by id; `intakes` replace the intakes
//! of a named offering; activities are added (ids unique across both); when the overlay
//! has vacancies, every demonstration vacancy of the catalog in the overlay's region (a
//! place whose `region` is `meta.region`; every one when the overlay names no region) is
//! removed and the overlay's are added. Attribution lines and notes are appended, the
//! contact is the overlay's, and `meta.overlay` names the overlay.
//!
//! The merged catalog is checked as a whole (limits, then validation); a problem in data
//! that came from the overlay is reported at its place in the overlay
//! (`overlay.vacancies[3].job_location`). A merge with problems returns only the problems:
//! nothing is half-applied.

use crate::model::error::{Document, InputError, Problem};
use crate::model::{limits, validate, Catalog, Overlay, OverlayInfo};
use std::collections::{HashMap, HashSet};

/// Where an element of a merged list came from.
#[derive(Clone, Copy, Debug, PartialEq)]
enum From {
    Catalog(usize),
    Overlay(usize),
}

/// For each merged list: where each element came from.
#[derive(Default)]
struct Origins {
    institutions: Vec<From>,
    offerings: Vec<From>,
    vacancies: Vec<From>,
    activities: Vec<From>,
    /// Merged offering index -> the `overlay.intakes` entry that gave its intakes.
    intakes: HashMap<usize, usize>,
    /// Attribution lines and notes of the catalog (the overlay's follow).
    attribution: usize,
    notes: usize,
    /// The contact is the overlay's.
    contact: bool,
}

impl Catalog {
    /// This catalog with `overlay` laid over it (see the module documentation), or every
    /// problem found, with paths into the overlay (`overlay.…`) where the data came from it.
    pub fn merge(&self, overlay: &Overlay) -> Result<Catalog, InputError> {
        let fail = |problems| InputError { document: Document::Overlay, problems: limits::bound(problems) };
        // Bound the work first: the overlay's own lists and strings.
        let mut problems = limits::overlay(overlay);
        if !problems.is_empty() {
            return Err(fail(problems));
        }
        problems.extend(validate::overlay(overlay));
        problems.extend(self.overlay_references(overlay));
        if !problems.is_empty() {
            return Err(fail(problems));
        }
        let (merged, origins) = self.laid_over(overlay);
        let mut found = limits::catalog(&merged);
        if found.is_empty() {
            found = validate::catalog(&merged);
        }
        if !found.is_empty() {
            return Err(fail(found.into_iter().map(|p| origins.locate(p)).collect()));
        }
        Ok(merged)
    }

    /// What the overlay names in the catalog: the offerings of `intakes`, its region.
    fn overlay_references(&self, overlay: &Overlay) -> Vec<Problem> {
        let mut out = Vec::new();
        let offerings: HashSet<&str> = self.offerings.iter().chain(&overlay.offerings).map(|o| o.id.as_str()).collect();
        for (i, x) in overlay.intakes.iter().enumerate() {
            if !offerings.contains(x.offering.as_str()) {
                out.push(Problem::new(
                    format!("overlay.intakes[{i}].offering"),
                    format!("unknown offering '{}'", x.offering),
                ));
            }
        }
        if let Some(r) = &overlay.meta.region {
            if !self.places.iter().any(|p| p.region.as_deref() == Some(r.as_str())) {
                out.push(Problem::new(
                    "overlay.meta.region",
                    format!("'{r}' is the region of no place in the catalog (an arbeidsmarktregio code such as AM13)"),
                ));
            }
        }
        out
    }

    /// The merge itself, on an overlay whose own checks passed.
    fn laid_over(&self, overlay: &Overlay) -> (Catalog, Origins) {
        let mut c = self.clone();
        let mut origins = Origins {
            attribution: c.meta.attribution.len(),
            notes: c.meta.notes.len(),
            contact: overlay.meta.contact.is_some(),
            ..Origins::default()
        };
        origins.institutions = (0..c.institutions.len()).map(From::Catalog).collect();
        replace_or_add(&mut c.institutions, &mut origins.institutions, &overlay.institutions, |x| &x.id);
        origins.offerings = (0..c.offerings.len()).map(From::Catalog).collect();
        replace_or_add(&mut c.offerings, &mut origins.offerings, &overlay.offerings, |x| &x.id);
        for (k, x) in overlay.intakes.iter().enumerate() {
            if let Some(i) = c.offerings.iter().position(|o| o.id == x.offering) {
                c.offerings[i].intakes = x.intakes.clone();
                origins.intakes.insert(i, k);
            }
        }
        origins.vacancies = (0..c.vacancies.len()).map(From::Catalog).collect();
        if !overlay.vacancies.is_empty() {
            let region = overlay.meta.region.as_deref();
            let regions = self.place_regions();
            let keep: Vec<bool> = c
                .vacancies
                .iter()
                .map(|v| !v.demo || region.is_some_and(|r| regions.get(v.job_location.as_str()) != Some(&r)))
                .collect();
            let mut keep_iter = keep.iter();
            c.vacancies.retain(|_| *keep_iter.next().unwrap_or(&true));
            let mut keep_iter = keep.iter();
            origins.vacancies.retain(|_| *keep_iter.next().unwrap_or(&true));
            for (j, v) in overlay.vacancies.iter().enumerate() {
                c.vacancies.push(v.clone());
                origins.vacancies.push(From::Overlay(j));
            }
        }
        origins.activities = (0..c.activities.len()).map(From::Catalog).collect();
        for (j, a) in overlay.activities.iter().enumerate() {
            c.activities.push(a.clone());
            origins.activities.push(From::Overlay(j));
        }
        let m = &overlay.meta;
        c.meta.attribution.extend(m.attribution.iter().cloned());
        c.meta.notes.extend(m.notes.iter().cloned());
        if m.contact.is_some() {
            c.meta.contact = m.contact.clone();
        }
        c.meta.overlay = Some(OverlayInfo { name: m.name.clone(), version: m.version.clone(), generated: m.generated });
        (c, origins)
    }

    /// The arbeidsmarktregio of every place id that has one: gemeenten (and other places)
    /// by their `region`, postcodes through their gemeente.
    pub fn place_regions(&self) -> HashMap<&str, &str> {
        let mut out: HashMap<&str, &str> =
            self.places.iter().filter_map(|p| Some((p.id.as_str(), p.region.as_deref()?))).collect();
        for pc in &self.postcodes {
            if let Some(&r) = out.get(pc.3.as_str()) {
                out.entry(pc.0.as_str()).or_insert(r);
            }
        }
        out
    }
}

/// Replaces the element with the same id, or appends.
fn replace_or_add<T: Clone>(list: &mut Vec<T>, from: &mut Vec<From>, new: &[T], id: impl Fn(&T) -> &String) {
    let mut at: HashMap<String, usize> = HashMap::new();
    for (i, x) in list.iter().enumerate() {
        at.entry(id(x).clone()).or_insert(i);
    }
    for (j, x) in new.iter().enumerate() {
        match at.get(id(x)) {
            Some(&i) => {
                list[i] = x.clone();
                from[i] = From::Overlay(j);
            }
            None => {
                at.insert(id(x).clone(), list.len());
                list.push(x.clone());
                from.push(From::Overlay(j));
            }
        }
    }
}

impl Origins {
    /// A problem of the merged catalog, at its place in the overlay when the data came
    /// from there (else at its place in the catalog).
    fn locate(&self, mut p: Problem) -> Problem {
        p.path = self.path(&p.path);
        p
    }

    fn path(&self, path: &str) -> String {
        let lists: [(&str, &[From]); 4] = [
            ("institutions", &self.institutions),
            ("offerings", &self.offerings),
            ("vacancies", &self.vacancies),
            ("activities", &self.activities),
        ];
        for (list, from) in lists {
            let Some(rest) = path.strip_prefix(list) else { continue };
            if rest.is_empty() {
                return format!("overlay.{list}");
            }
            let Some((index, tail)) = rest.strip_prefix('[').and_then(|r| r.split_once(']')) else { continue };
            let Some(i) = index.parse::<usize>().ok() else { continue };
            if list == "offerings" {
                if let (Some(k), Some(t)) = (self.intakes.get(&i), tail.strip_prefix(".intakes")) {
                    return format!("overlay.intakes[{k}].intakes{t}");
                }
            }
            return match from.get(i) {
                Some(From::Overlay(j)) => format!("overlay.{list}[{j}]{tail}"),
                Some(From::Catalog(j)) => format!("{list}[{j}]{tail}"),
                None => path.to_string(),
            };
        }
        for (list, n) in [("meta.attribution", self.attribution), ("meta.notes", self.notes)] {
            let Some((index, tail)) = path.strip_prefix(list).and_then(|r| r.strip_prefix('[')?.split_once(']')) else {
                continue;
            };
            if let Some(j) = index.parse::<usize>().ok().and_then(|i| i.checked_sub(n)) {
                return format!("overlay.{list}[{j}]{tail}");
            }
        }
        if self.contact && path.starts_with("meta.contact") {
            return format!("overlay.{path}");
        }
        path.to_string()
    }
}
