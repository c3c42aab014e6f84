//! Demonstration activities (`demo: true`): open days and meeloopdagen of the pabo's and
//! lerarenopleidingen, information meetings about zij-instroom, and one information
//! evening of the onderwijsloket per arbeidsmarktregio. Placed at the institutions of the
//! catalog (where their programmes are given) and dated between the build's date and the
//! summer after it, by a hash of the institution's id: the same inputs give the same
//! activities.

use crate::ymd;
use routewijzer::model::vocab::*;
use routewijzer::model::*;
use routewijzer::Date;
use std::collections::{BTreeMap, BTreeSet};

/// FNV-1a of a text: a stable spread of dates over institutions.
fn hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// The `n`-th (0-based, wrapping within `weeks`) `weekday` (0 Monday .. 6 Sunday) on or
/// after `from`.
fn weekday_after(from: Date, weekday: i64, n: u64, weeks: u64) -> Date {
    // 1970-01-01 was a Thursday (3).
    let d = from.to_days();
    let offset = (weekday - (d + 3).rem_euclid(7)).rem_euclid(7);
    let d = from.add_days(offset + 7 * (n % weeks.max(1)) as i64);
    // Not in the Christmas holiday: three weeks later (the same weekday).
    let holiday = (d.month() == 12 && d.day() >= 19) || (d.month() == 1 && d.day() <= 5);
    if holiday {
        d.add_days(21)
    } else {
        d
    }
}

/// Pabo route kinds, for "open dag pabo".
const PABO: &[RouteKind] =
    &[RouteKind::PaboVoltijd, RouteKind::PaboDeeltijd, RouteKind::PaboVerkort, RouteKind::PaboAcademisch];
/// Second-degree teacher training and what follows it.
const LERARENOPLEIDING: &[RouteKind] =
    &[RouteKind::LerarenopleidingTweedegraads, RouteKind::Kopopleiding, RouteKind::MasterLeraarHbo];
const ZIJ_INSTROOM: &[RouteKind] =
    &[RouteKind::ZijInstroomPo, RouteKind::ZijInstroomVoTweedegraads, RouteKind::ZijInstroomVoEerstegraads];

/// The demonstration activities of a catalog with these offerings and institutions, from
/// `today` to 30 June of the next year; `regions`: code -> (name, gemeenten), `main`:
/// a region's most populous gemeente.
pub fn activities(
    today: Date,
    institutions: &BTreeMap<String, Institution>,
    offerings: &BTreeMap<String, Offering>,
    regions: &BTreeMap<String, (String, String)>,
) -> Vec<Activity> {
    let first = today.add_days(7);
    let last = ymd(today.year() + 1, 6, 30);
    let weeks = (first.days_until(last) / 7).max(1) as u64;
    // Per institution: the kinds it offers, and the place of each group (the most used).
    let mut kinds: BTreeMap<&str, BTreeMap<RouteKind, BTreeMap<&str, usize>>> = BTreeMap::new();
    for o in offerings.values() {
        *kinds.entry(&o.institution).or_default().entry(o.kind).or_default().entry(&o.place).or_default() += 1;
    }
    let mut out = Vec::new();
    let demo = |id: String, name: String, t: ActivityType, date: Date, times: (&str, &str)| Activity {
        id,
        name,
        activity_type: t,
        start_date: date,
        start_time: Some(times.0.to_string()),
        end_date: None,
        end_time: Some(times.1.to_string()),
        event_attendance_mode: AttendanceMode::Offline,
        location: None,
        address: None,
        organizer: None,
        route_kinds: Vec::new(),
        sectors: Vec::new(),
        url: None,
        description: None,
        demo: true,
    };
    for (inst, offered) in &kinds {
        let Some(institution) = institutions.get(*inst) else { continue };
        let h = hash(inst);
        // The group's kinds at this institution, and the place most of them are given.
        let group = |set: &[RouteKind]| -> Option<(Vec<RouteKind>, String)> {
            let ks: Vec<RouteKind> = set.iter().copied().filter(|k| offered.contains_key(k)).collect();
            let mut places: BTreeMap<&str, usize> = BTreeMap::new();
            for k in &ks {
                for (p, n) in &offered[k] {
                    *places.entry(p).or_default() += n;
                }
            }
            let place = places.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))?.0.to_string();
            Some((ks, place))
        };
        let slug = inst.to_lowercase();
        let at = |mut a: Activity, kinds: Vec<RouteKind>, place: &str, sectors: Vec<Sector>| {
            a.location = Some(place.to_string());
            a.organizer = Some(inst.to_string());
            a.url = institution.url.clone();
            a.route_kinds = kinds;
            a.sectors = sectors;
            a
        };
        if let Some((ks, place)) = group(PABO) {
            let open = demo(
                format!("demo-open-dag-pabo-{slug}"),
                "Open dag pabo".into(),
                ActivityType::OpenDag,
                weekday_after(first, 5, h, weeks),
                ("10:00", "14:00"),
            );
            out.push(at(open, ks.clone(), &place, vec![Sector::Po]));
            let mut meeloop = demo(
                format!("demo-meeloopdag-pabo-{slug}"),
                "Meeloopdag pabo".into(),
                ActivityType::Meeloopdag,
                weekday_after(first, 2, h >> 8, weeks),
                ("09:00", "15:30"),
            );
            meeloop.description =
                Some("Een dag meedoen met colleges en studenten van de pabo; aanmelden vooraf.".into());
            out.push(at(meeloop, ks, &place, vec![Sector::Po]));
        }
        if let Some((ks, place)) = group(LERARENOPLEIDING) {
            let open = demo(
                format!("demo-open-dag-lerarenopleidingen-{slug}"),
                "Open dag lerarenopleidingen".into(),
                ActivityType::OpenDag,
                weekday_after(first, 5, h >> 16, weeks),
                ("10:00", "15:00"),
            );
            out.push(at(open, ks, &place, vec![Sector::Vo, Sector::Mbo]));
        }
        if let Some((ks, place)) = group(ZIJ_INSTROOM) {
            let mut info = demo(
                format!("demo-informatieavond-zij-instroom-{slug}"),
                "Informatieavond zij-instroom".into(),
                ActivityType::Informatiebijeenkomst,
                weekday_after(first, if h & 1 == 0 { 1 } else { 3 }, h >> 24, weeks),
                ("19:30", "21:00"),
            );
            // One in four online only (shown to everyone), the rest on site with a stream.
            info.event_attendance_mode = if h % 4 == 0 { AttendanceMode::Online } else { AttendanceMode::Mixed };
            info.description = Some(
                "Over zij-instroom: de toelating, het geschiktheidsonderzoek en een baan als leraar in opleiding."
                    .into(),
            );
            let sectors =
                if ks.contains(&RouteKind::ZijInstroomPo) && ks.len() == 1 { vec![Sector::Po] } else { vec![] };
            out.push(at(info, ks, &place, sectors));
        }
    }
    for (code, (name, main)) in regions {
        let mut evening = demo(
            format!("demo-loket-{}", code.to_lowercase()),
            format!("Informatieavond werken in het onderwijs (regio {name})"),
            ActivityType::Loket,
            weekday_after(first.add_days(35), 3, hash(code), weeks.saturating_sub(5)),
            ("19:00", "21:00"),
        );
        evening.location = Some(main.clone());
        evening.organizer = Some(format!("Onderwijsloket {name}"));
        evening.description = Some(
            "Alle routes naar het onderwijs op een avond: pabo, lerarenopleiding, zij-instroom en herintreden, met adviseurs van het onderwijsloket en scholen uit de regio."
                .into(),
        );
        out.push(evening);
    }
    out.sort_by(|a, b| (a.start_date, &a.id).cmp(&(b.start_date, &b.id)));
    let ids: BTreeSet<&str> = out.iter().map(|a| a.id.as_str()).collect();
    debug_assert_eq!(ids.len(), out.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_fall_on_the_day_asked() {
        let monday = ymd(2026, 11, 23);
        assert_eq!(weekday_after(monday, 0, 0, 10), monday);
        assert_eq!(weekday_after(monday, 5, 0, 10), ymd(2026, 11, 28)); // a Saturday
        assert_eq!(weekday_after(monday, 5, 2, 10), ymd(2026, 12, 12));
        // 26 December falls in the Christmas holiday: three weeks later.
        assert_eq!(weekday_after(monday, 5, 4, 10), ymd(2027, 1, 16));
    }
}
