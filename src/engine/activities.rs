//! The activities for one person: open days, meeloopdagen, information evenings and the
//! loket's own events that have not ended, that they can reach (online, or within their
//! travel distance; without a location, in the catalog's region), about the kinds of
//! route open to them (or teaching in general) and their sectors, by date.

use crate::engine::geo::{distance_km, round1};
use crate::engine::index::{Evaluated, Geo, Index};
use crate::engine::score::DEFAULT_MAX_TRAVEL_KM;
use crate::model::date::Date;
use crate::model::vocab::{AttendanceMode, Eligibility, RouteKind};
use crate::model::Profile;
use crate::result::ActivityMatch;

/// The matching activities, by date, at most `max`; and how many more matched.
pub(crate) fn activities(
    ix: &Index,
    profile: &Profile,
    evaluated: &[Evaluated],
    geo: &Geo,
    today: Date,
    max: usize,
) -> (Vec<ActivityMatch>, u32) {
    // The kinds of route open (or open under conditions) to the person, after their filters.
    let mut open = [false; RouteKind::ALL.len()];
    for e in evaluated.iter().filter(|e| e.eligibility != Eligibility::Ineligible) {
        open[ix.catalog.offerings[e.offering].kind as usize] = true; // variants in `ALL` order
    }
    let max_km = f64::from(profile.max_travel_km.unwrap_or(DEFAULT_MAX_TRAVEL_KM));
    let mut found: Vec<(usize, Option<f64>, Vec<RouteKind>)> = Vec::new();
    // In date order (kept by the index: date, start time, id).
    for &i in &ix.activity_order {
        let a = &ix.catalog.activities[i];
        if a.end_date.unwrap_or(a.start_date) < today {
            continue; // ended
        }
        if !a.sectors.is_empty()
            && !profile.sectors.is_empty()
            && !a.sectors.iter().any(|s| profile.sectors.contains(s))
        {
            continue;
        }
        let kinds: Vec<RouteKind> = a.route_kinds.iter().copied().filter(|k| open[*k as usize]).collect();
        if !a.route_kinds.is_empty() && kinds.is_empty() {
            continue; // about routes that are not open to the person
        }
        let place = ix.activity_place[i];
        let distance = geo.here.coord.zip(place.map(|p| p.coord)).map(|(h, p)| distance_km(h, p));
        let reachable = match (a.event_attendance_mode, geo.here.coord) {
            (AttendanceMode::Online, _) => true,
            (_, Some(_)) => distance.is_some_and(|d| d <= max_km),
            // No location: those in the catalog's region.
            (_, None) => ix.catalog_region.is_some() && place.and_then(|p| p.region) == ix.catalog_region,
        };
        if reachable {
            found.push((i, distance, kinds));
        }
    }
    let more = found.len().saturating_sub(max) as u32;
    found.truncate(max);
    let list = found
        .into_iter()
        .map(|(i, distance, route_kinds)| {
            let a = &ix.catalog.activities[i];
            ActivityMatch {
                id: a.id.clone(),
                name: a.name.clone(),
                activity_type: a.activity_type,
                start_date: a.start_date,
                start_time: a.start_time.clone(),
                end_date: a.end_date,
                end_time: a.end_time.clone(),
                mode: a.event_attendance_mode,
                place: a.location.as_ref().map(|l| ix.place_name(l).to_string()),
                distance_km: distance.map(round1),
                address: a.address.clone(),
                organizer: a.organizer.as_ref().map(|o| ix.institution_name_of(o).to_string()),
                url: a.url.clone(),
                description: a.description.clone(),
                route_kinds,
                demo: a.demo,
            }
        })
        .collect();
    (list, more)
}
