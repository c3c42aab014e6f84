//! Region shards: one catalog per arbeidsmarktregio with its own and nearby offerings and
//! vacancies, topped up to a minimum per route kind.

use crate::inputs::Inputs;
use crate::notes;
use routewijzer::model::vocab::*;
use routewijzer::model::*;
use std::collections::BTreeSet;

/// A shard holds at least this many offerings of every route kind (the nearest ones).
pub const MIN_PER_KIND: usize = 3;

pub fn shard(inputs: &Inputs, national: &Catalog, code: &str, name: &str, own: &[String]) -> Catalog {
    let r = inputs.settings.radius_km;
    let own_pts: Vec<(f64, f64)> = own.iter().filter_map(|c| inputs.gemeente(c)).map(|g| (g.lat, g.lon)).collect();
    let near: BTreeSet<&str> = inputs
        .gemeenten
        .iter()
        .filter(|g| {
            g.region == code || own_pts.iter().any(|p| routewijzer::engine::geo::distance_km(*p, (g.lat, g.lon)) <= r)
        })
        .map(|g| g.code.as_str())
        .collect();
    // The region's own and nearby offerings, topped up per route kind with the nearest ones
    // elsewhere so that every kind can be shown (at least MIN_PER_KIND offerings of it).
    // (A route without training, herintreding, is one for the whole country: in every shard.)
    let mut chosen: BTreeSet<&str> = national
        .offerings
        .iter()
        .filter(|o| near.contains(o.place.as_str()) || !o.trains())
        .map(|o| o.id.as_str())
        .collect();
    let dist = |gm: &str| -> f64 {
        inputs.gemeente(gm).map_or(f64::MAX, |g| {
            own_pts.iter().map(|p| routewijzer::engine::geo::distance_km(*p, (g.lat, g.lon))).fold(f64::MAX, f64::min)
        })
    };
    for kind in RouteKind::ALL {
        let have = national.offerings.iter().filter(|o| o.kind == *kind && chosen.contains(o.id.as_str())).count();
        if have >= MIN_PER_KIND {
            continue;
        }
        let mut others: Vec<(f64, &str)> = national
            .offerings
            .iter()
            .filter(|o| o.kind == *kind && !chosen.contains(o.id.as_str()))
            .map(|o| (dist(&o.place), o.id.as_str()))
            .collect();
        others.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(b.1)));
        chosen.extend(others.into_iter().take(MIN_PER_KIND - have).map(|x| x.1));
    }
    let offerings: Vec<Offering> =
        national.offerings.iter().filter(|o| chosen.contains(o.id.as_str())).cloned().collect();
    let vacancies: Vec<Vacancy> =
        national.vacancies.iter().filter(|v| near.contains(v.job_location.as_str())).cloned().collect();
    let own_set: BTreeSet<&str> = own.iter().map(String::as_str).collect();
    let insts: BTreeSet<&str> = offerings.iter().map(|o| o.institution.as_str()).collect();
    // Activities near the region, and the online ones of the shard's institutions.
    let activities: Vec<Activity> = national
        .activities
        .iter()
        .filter(|a| {
            a.location.as_deref().is_some_and(|l| near.contains(l))
                || (a.event_attendance_mode == AttendanceMode::Online
                    && a.organizer.as_deref().is_some_and(|o| insts.contains(o)))
        })
        .cloned()
        .collect();
    let mut used: BTreeSet<&str> = own_set.clone();
    used.extend(activities.iter().filter_map(|a| a.location.as_deref()));
    used.extend(offerings.iter().map(|o| o.place.as_str()));
    used.extend(vacancies.iter().map(|v| v.job_location.as_str()));
    Catalog {
        meta: Meta {
            name: format!("{} — {name}", national.meta.name),
            version: national.meta.version.clone(),
            generated: national.meta.generated,
            attribution: national.meta.attribution.clone(),
            region: Some(code.to_string()),
            notes: notes(inputs, Some((code, name))),
            contact: None,
            overlay: None,
        },
        sources: national.sources.clone(),
        rules: national.rules.clone(),
        route_kinds: national.route_kinds.clone(),
        relatedness: national.relatedness.clone(),
        // The routes' institutions and the activities' organizers.
        institutions: national
            .institutions
            .iter()
            .filter(|i| {
                insts.contains(i.id.as_str())
                    || activities.iter().any(|a| a.organizer.as_deref() == Some(i.id.as_str()))
            })
            .cloned()
            .collect(),
        places: national.places.iter().filter(|p| used.contains(p.id.as_str())).cloned().collect(),
        postcodes: national.postcodes.iter().filter(|p| own_set.contains(p.3.as_str())).cloned().collect(),
        offerings,
        vacancies,
        shortages: national.shortages.clone(),
        figures: national.figures.clone(),
        weights: national.weights,
        activities,
    }
}
