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
    /// Per merged offering: the `overlay.intakes` entry that gave its intakes.
    intakes: Vec<Option<usize>>,
    /// Attribution lines and notes of the catalog (the overlay's follow).
    attribution: usize,
    notes: usize,
    /// The contact is the overlay's.
    contact: bool,
}

impl Catalog {
    /// This catalog with `overlay` laid over it (see the module documentation), or every
    /// problem found, with paths into the overlay (`overlay.…`) where the data came from it.
    /// Both are cloned; [`Catalog::merged`] takes them by value and copies nothing.
    pub fn merge(&self, overlay: &Overlay) -> Result<Catalog, InputError> {
        self.clone().merged(overlay.clone())
    }

    /// [`Catalog::merge`] by value: the overlay's elements are moved into this catalog,
    /// nothing is copied (the wasm build and the CLI do not keep either).
    pub fn merged(self, overlay: Overlay) -> Result<Catalog, InputError> {
        let fail = |problems| InputError { document: Document::Overlay, problems: limits::bound(problems) };
        // Bound the work first: the overlay's own lists and strings.
        let mut problems = limits::overlay(&overlay);
        if !problems.is_empty() {
            return Err(fail(problems));
        }
        problems.extend(validate::overlay(&overlay));
        problems.extend(self.overlay_references(&overlay));
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
    fn laid_over(mut self, overlay: Overlay) -> (Catalog, Origins) {
        let Overlay { meta: m, institutions, offerings, intakes, vacancies, activities } = overlay;
        let c = &mut self;
        let mut origins = Origins {
            attribution: c.meta.attribution.len(),
            notes: c.meta.notes.len(),
            contact: m.contact.is_some(),
            ..Origins::default()
        };
        origins.institutions = (0..c.institutions.len()).map(From::Catalog).collect();
        replace_or_add(&mut c.institutions, &mut origins.institutions, institutions, |x| &x.id);
        origins.offerings = (0..c.offerings.len()).map(From::Catalog).collect();
        replace_or_add(&mut c.offerings, &mut origins.offerings, offerings, |x| &x.id);
        origins.intakes = vec![None; c.offerings.len()];
        for (k, x) in intakes.into_iter().enumerate() {
            if let Some(i) = c.offerings.iter().position(|o| o.id == x.offering) {
                c.offerings[i].intakes = x.intakes;
                origins.intakes[i] = Some(k);
            }
        }
        origins.vacancies = (0..c.vacancies.len()).map(From::Catalog).collect();
        if !vacancies.is_empty() {
            let region = m.region.as_deref();
            let keep: Vec<bool> = {
                let places = c.region_places();
                let region_of = |id: &str| places.get(id).and_then(|&i| c.places[i].region.as_deref());
                c.vacancies
                    .iter()
                    .map(|v| !v.demo || region.is_some_and(|r| region_of(&v.job_location) != Some(r)))
                    .collect()
            };
            let mut keep_iter = keep.iter();
            c.vacancies.retain(|_| *keep_iter.next().unwrap_or(&true));
            let mut keep_iter = keep.iter();
            origins.vacancies.retain(|_| *keep_iter.next().unwrap_or(&true));
            origins.vacancies.extend((0..vacancies.len()).map(From::Overlay));
            c.vacancies.extend(vacancies);
        }
        origins.activities = (0..c.activities.len()).map(From::Catalog).collect();
        origins.activities.extend((0..activities.len()).map(From::Overlay));
        c.activities.extend(activities);
        c.meta.attribution.extend(m.attribution);
        c.meta.notes.extend(m.notes);
        if m.contact.is_some() {
            c.meta.contact = m.contact;
        }
        c.meta.overlay = Some(OverlayInfo { name: m.name, version: m.version, generated: m.generated });
        (self, origins)
    }

    /// The arbeidsmarktregio of every place id that has one: gemeenten (and other places)
    /// by their `region`, postcodes through their gemeente.
    pub fn place_regions(&self) -> HashMap<&str, &str> {
        let places = self.region_places();
        places.into_iter().filter_map(|(id, i)| Some((id, self.places[i].region.as_deref()?))).collect()
    }

    /// [`Catalog::place_regions`] as the index of the place that gives the region (a map
    /// type the index uses too, so the merge adds no hash map code of its own).
    fn region_places(&self) -> HashMap<&str, usize> {
        let mut out: HashMap<&str, usize> = self
            .places
            .iter()
            .enumerate()
            .filter(|(_, p)| p.region.is_some())
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        for pc in &self.postcodes {
            if let Some(&i) = out.get(pc.3.as_str()) {
                out.entry(pc.0.as_str()).or_insert(i);
            }
        }
        out
    }
}

/// Replaces the element with the same id, or appends.
fn replace_or_add<T>(list: &mut Vec<T>, from: &mut Vec<From>, new: Vec<T>, id: impl Fn(&T) -> &String) {
    let mut at: HashMap<String, usize> = HashMap::new();
    for (i, x) in list.iter().enumerate() {
        at.entry(id(x).clone()).or_insert(i);
    }
    for (j, x) in new.into_iter().enumerate() {
        match at.get(id(&x)) {
            Some(&i) => {
                list[i] = x;
                from[i] = From::Overlay(j);
            }
            None => {
                at.insert(id(&x).clone(), list.len());
                list.push(x);
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
                if let (Some(k), Some(t)) = (self.intakes.get(i).copied().flatten(), tail.strip_prefix(".intakes")) {
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

#[cfg(test)]
mod tests {
    use crate::model::error::Document;
    use crate::model::parse::{catalog_from_str, overlay_from_str};
    use crate::model::{Catalog, Overlay};
    use serde_json::{json, Value};

    fn sample() -> Catalog {
        catalog_from_str(include_str!("../../tests/fixtures/sample-catalog.json")).expect("the sample is valid")
    }

    /// An overlay from a JSON value with `meta` filled in.
    fn overlay(mut v: Value) -> Overlay {
        v["meta"] = json!({"name": "Loket Midden-Utrecht", "version": "1", "generated": "2026-11-20", "region": "AM13",
            "attribution": ["Vacatures: Loket Midden-Utrecht"], "contact": {"name": "Onderwijsloket Midden-Utrecht", "email": "info@loket.example.nl"}});
        overlay_from_str(&v.to_string()).expect("a well-formed overlay")
    }

    fn vacancy(id: &str, at: &str) -> Value {
        json!({"id": id, "title": "Leerkracht groep 3", "employer": "OBS De Regenboog", "job_location": at, "sector": "po",
            "role": "leraar", "work_hours": 32, "employment_type": "structureel", "job_start_date": "2027-02-01",
            "valid_through": "2027-01-10", "accepts_in_training": true, "education_requirements": ["po"]})
    }

    fn activity(id: &str) -> Value {
        json!({"id": id, "name": "Informatieavond", "activity_type": "loket", "start_date": "2027-02-04",
            "start_time": "19:00", "end_time": "21:00", "event_attendance_mode": "offline", "location": "GM0344"})
    }

    fn paths(e: &crate::model::error::InputError) -> Vec<&str> {
        e.problems.iter().map(|p| p.path.as_str()).collect()
    }

    #[test]
    fn institutions_and_offerings_are_replaced_by_id_or_added_and_intakes_replaced() {
        let c = sample();
        let mut changed = serde_json::to_value(&c.offerings[0]).unwrap();
        changed["name"] = "Pabo voltijd (loket)".into();
        let mut added = changed.clone();
        added["id"] = "loket-pabo-extra".into();
        let o = overlay(json!({
            "institutions": [{"id": "25DW", "name": "HU (loket)"}, {"id": "99XX", "name": "Nieuwe hogeschool"}],
            "offerings": [changed, added],
            "intakes": [{"offering": "marnix-pabo-voltijd-utrecht", "intakes": [{"start_date": "2027-02-01"}]}],
            "activities": [activity("loket-avond")],
        }));
        let m = c.merge(&o).expect("a valid overlay merges");
        assert_eq!(m.offerings.len(), c.offerings.len() + 1);
        assert_eq!(m.offerings[0].name, "Pabo voltijd (loket)", "replaced in place");
        assert_eq!(m.offerings.last().unwrap().id, "loket-pabo-extra");
        assert_eq!(m.institutions.iter().find(|i| i.id == "25DW").unwrap().name, "HU (loket)");
        assert_eq!(m.institutions.len(), c.institutions.len() + 1);
        let marnix = m.offerings.iter().find(|x| x.id == "marnix-pabo-voltijd-utrecht").unwrap();
        assert_eq!(marnix.intakes.len(), 1);
        assert_eq!(marnix.intakes[0].start_date.to_string(), "2027-02-01");
        assert_eq!(m.activities.len(), c.activities.len() + 1);
        assert_eq!(m.meta.attribution.len(), c.meta.attribution.len() + 1);
        assert_eq!(m.meta.contact.as_ref().unwrap().email.as_deref(), Some("info@loket.example.nl"));
        assert_eq!(m.meta.overlay.as_ref().unwrap().name, "Loket Midden-Utrecht");
        // Without vacancies in the overlay the demonstration ones stay.
        assert_eq!(m.vacancies, c.vacancies);
    }

    #[test]
    fn real_vacancies_replace_the_demo_ones_of_the_region_only() {
        let c = sample();
        let regions = c.place_regions();
        let in_region = |v: &crate::model::Vacancy| regions.get(v.job_location.as_str()) == Some(&"AM13");
        let demo_here = c.vacancies.iter().filter(|v| v.demo && in_region(v)).count();
        let demo_elsewhere = c.vacancies.iter().filter(|v| v.demo && !in_region(v)).count();
        assert!(demo_here > 0 && demo_elsewhere > 0, "the sample has demo vacancies in and outside AM13");
        let o = overlay(json!({"vacancies": [vacancy("echt-1", "GM0344"), vacancy("echt-2", "GM0356")]}));
        let m = c.merge(&o).unwrap();
        assert!(!m.vacancies.iter().any(|v| v.demo && in_region(v)), "no demo vacancy left in the region");
        assert_eq!(m.vacancies.iter().filter(|v| v.demo).count(), demo_elsewhere, "demo ones elsewhere stay");
        let real: Vec<&str> = m.vacancies.iter().filter(|v| !v.demo).map(|v| v.id.as_str()).collect();
        assert_eq!(real, ["echt-1", "echt-2"]);
    }

    #[test]
    fn problems_name_the_place_in_the_overlay_and_nothing_is_applied() {
        let c = sample();
        let mut bad_time = activity("c");
        bad_time["start_time"] = "25:00".into();
        let mut ends_early = activity("d");
        ends_early["end_time"] = "18:00".into();
        let mut bad_offering = serde_json::to_value(&c.offerings[3]).unwrap();
        bad_offering["institution"] = "NOPE".into();
        let o = overlay(json!({
            "offerings": [bad_offering],
            "intakes": [{"offering": "hu-pabo-voltijd-utrecht", "intakes": [{"start_date": "2027-09-01"}, {"start_date": "2027-09-01"}]}],
            "vacancies": [vacancy("v1", "GM0344"), vacancy("v2", "GM9999")],
            "activities": [activity("a"), activity("b"), bad_time, ends_early, activity("a")],
        }));
        let e = c.merge(&o).unwrap_err();
        assert_eq!(e.document, Document::Overlay);
        let ps = paths(&e);
        for want in [
            "overlay.offerings[0].institution",
            "overlay.intakes[0].intakes[1].start_date",
            "overlay.vacancies[1].job_location",
            "overlay.activities[2].start_time",
            "overlay.activities[3].end_time",
            "overlay.activities[4].id",
        ] {
            assert!(ps.contains(&want), "{want} in {ps:?}");
        }
        let time = e.problems.iter().find(|p| p.path == "overlay.activities[2].start_time").unwrap();
        assert_eq!(time.message, "'25:00' is not a time HH:MM");
        assert!(ps.iter().all(|p| p.starts_with("overlay.")), "{ps:?}");
    }

    #[test]
    fn what_the_overlay_names_must_exist() {
        let c = sample();
        let mut o = overlay(json!({"intakes": [{"offering": "bestaat-niet", "intakes": []}]}));
        o.meta.region = Some("AM99".into());
        let e = c.merge(&o).unwrap_err();
        assert_eq!(paths(&e), ["overlay.intakes[0].offering", "overlay.meta.region"]);
        // An activity id the catalog has already.
        let o = overlay(json!({"activities": [activity(&c.activities[0].id)]}));
        let e = c.merge(&o).unwrap_err();
        assert_eq!(paths(&e), ["overlay.activities[0].id"]);
        assert!(e.problems[0].message.contains("used twice"));
    }

    #[test]
    fn an_overlay_document_is_read_like_a_catalog() {
        let text = json!({
            "meta": {"name": "L", "version": "1", "generated": "2026-11-20"},
            "vacancies": [vacancy("ok", "GM0344"), {"id": "broken"}],
            "activities": [activity("a"), {"id": "b", "name": "x", "activity_type": "feest", "start_date": "2027-01-01", "event_attendance_mode": "online"}],
            "extra": 1,
        })
        .to_string();
        let e = overlay_from_str(&text).unwrap_err();
        assert_eq!(e.document, Document::Overlay);
        let ps = paths(&e);
        assert!(ps.contains(&"overlay.vacancies[1]"), "{ps:?}");
        assert!(ps.contains(&"overlay.activities[1].activity_type"), "{ps:?}");
        assert!(ps.contains(&"overlay.extra"), "{ps:?}");
        assert_eq!(overlay_from_str("[]").unwrap_err().problems[0].path, "overlay");
        let dup = json!({"meta": {"name": "L", "version": "1", "generated": "2026-11-20"},
            "offerings": [], "institutions": [{"id": "a", "name": "A"}, {"id": "a", "name": "B"}]});
        assert_eq!(paths(&overlay_from_str(&dup.to_string()).unwrap_err()), ["overlay.institutions[1].id"]);
    }
}
