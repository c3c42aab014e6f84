//! Records to catalog items: [`Vacancy`], [`Offering`] (new, or replacing one), the
//! intakes of a catalog offering ([`OfferingIntakes`]) and [`Activity`], with places,
//! institutions and offerings looked up in the base catalog. An item with a problem is
//! dropped whole; what was taken without the file saying it is noted as an assumption.
//!
//! The unit of an intake replacement is the offering's whole intake list: one broken
//! course instance or intake row leaves that offering's intakes as they are.

use super::places::Places;
use super::text::{self, same_name, slug};
use super::{Assumption, Count, Field, Loc, Problem, Record, Report};
use crate::model::catalog::{
    Activity, Catalog, Institution, Intake, Offering, OfferingIntakes, Overlay, OverlayMeta, Vacancy,
};
use crate::model::date::{Date, Months};
use crate::model::vocab::*;
use std::collections::{BTreeMap, HashMap, HashSet};

/// The kinds of item an import takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Vacancies,
    Programmes,
    Intakes,
    Activities,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Vacancies, Kind::Programmes, Kind::Intakes, Kind::Activities];

    /// The kind's name in reports (and the name of its template).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Vacancies => "vacancies",
            Kind::Programmes => "programmes",
            Kind::Intakes => "intakes",
            Kind::Activities => "activities",
        }
    }
}

/// ISCO-08 unit groups (and O*NET-SOC codes) of `occupationalCategory`: sector and role.
pub(crate) const OCCUPATIONS: &[(&str, Option<Sector>, Role)] = &[
    ("2341", Some(Sector::Po), Role::Leraar),
    ("2330", Some(Sector::Vo), Role::Leraar),
    ("2320", Some(Sector::Mbo), Role::Leraar),
    ("5312", None, Role::Onderwijsassistent),
    ("25-2021", Some(Sector::Po), Role::Leraar),
    ("25-2022", Some(Sector::Vo), Role::Leraar),
    ("25-2031", Some(Sector::Vo), Role::Leraar),
    ("25-2032", Some(Sector::Mbo), Role::Leraar),
    ("25-9041", None, Role::Onderwijsassistent),
];

/// Words of a job title or employer name that tell the sector (last resort).
const SECTOR_WORDS: &[(Sector, &[&str])] = &[
    (
        Sector::Po,
        &[
            "basisschool",
            "basisonderwijs",
            "primair onderwijs",
            "leerkracht",
            "groepsleerkracht",
            "groep 1",
            "groep 2",
            "groep 3",
            "groep 4",
            "groep 5",
            "groep 6",
            "groep 7",
            "groep 8",
            "kindcentrum",
            "ikc",
        ],
    ),
    (
        Sector::Vo,
        &[
            "voortgezet onderwijs",
            "havo",
            "vwo",
            "vmbo",
            "mavo",
            "gymnasium",
            "lyceum",
            "atheneum",
            "scholengemeenschap",
            "praktijkonderwijs",
            "tweedegraads",
            "eerstegraads",
        ],
    ),
    (Sector::Mbo, &["mbo", "roc ", "beroepsonderwijs", "vakschool"]),
];

/// Words of a job title that tell the role (else leraar).
const ROLE_WORDS: &[(Role, &[&str])] = &[
    (Role::Onderwijsassistent, &["onderwijsassistent", "klassenassistent", "onderwijs assistent"]),
    (Role::Leraarondersteuner, &["leraarondersteuner"]),
    (Role::Instructeur, &["instructeur", "praktijkopleider"]),
];

/// Other words for subjects in titles.
const SUBJECT_WORDS: &[(Subject, &[&str])] = &[
    (Subject::LichamelijkeOpvoeding, &["lichamelijke opvoeding", "bewegingsonderwijs", "gym"]),
    (Subject::KlassiekeTalen, &["klassieke talen", "latijn", "grieks"]),
    (Subject::Wiskunde, &["wiskunde", "rekenen"]),
    (Subject::Nederlands, &["nederlands"]),
];

/// A vocabulary id, or a problem listing the valid ones.
fn vocab<T: Copy + std::fmt::Display + 'static>(all: &'static [T], value: &str) -> Result<T, String> {
    let v = value.trim().to_lowercase();
    all.iter().copied().find(|x| x.to_string() == v).ok_or_else(|| {
        format!("'{}' is not one of {}", value.trim(), all.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(", "))
    })
}

/// Splits a list cell (`po|vo`, `po, vo`).
fn items(f: &Field) -> impl Iterator<Item = &str> {
    f.value.split(['|', ',']).map(str::trim).filter(|s| !s.is_empty())
}

/// The name a field has in the input: the CSV column, or the schema.org property.
fn label(rec: &Record, key: &str) -> String {
    if matches!(rec.at, Loc::Line { .. }) {
        return key.to_string();
    }
    let name = match (rec.kind, key) {
        (_, "id") => "identifier",
        (Kind::Vacancies, "employer") => "hiringOrganization.name",
        (Kind::Vacancies, "postcode") => "jobLocation.address.postalCode",
        (Kind::Vacancies, "place") => "jobLocation.address.addressLocality",
        (_, "postcode") => "location.address.postalCode",
        (_, "place") => "location.address.addressLocality",
        (_, "job_start_date") => "jobStartDate",
        (_, "valid_through") => "validThrough",
        (_, "work_hours") => "workHours",
        (_, "employment_type") => "employmentType",
        (_, "start_date") => "startDate",
        (_, "end_date") => "endDate",
        (_, "application_deadline") => "applicationDeadline",
        (_, "attendance_mode") => "eventAttendanceMode",
        (_, "institution") => "provider.name",
        (_, "mode") => "educationalProgramMode",
        (_, "time_to_complete") => "timeToComplete",
        (_, "education_requirements") => "educationRequirements",
        (_, k @ ("title" | "name" | "url" | "description")) => k,
        (_, k) => return format!("additionalProperty {k}"),
    };
    name.to_string()
}

/// Where a missing field would be.
fn missing_at(rec: &Record, key: &str) -> Loc {
    match &rec.at {
        Loc::Line { line, .. } => Loc::Line { line: *line, column: Some(key.to_string()) },
        Loc::Path { block, path } => Loc::Path { block: *block, path: path.clone() },
        Loc::File => Loc::File,
    }
}

/// One item being checked: its problems and assumptions.
struct Item<'r> {
    rec: &'r Record,
    problems: Vec<Problem>,
    notes: Vec<Assumption>,
}

impl<'r> Item<'r> {
    fn new(rec: &'r Record) -> Item<'r> {
        Item { rec, problems: Vec::new(), notes: Vec::new() }
    }

    fn bad(&mut self, at: &Loc, message: impl Into<String>, fix: impl Into<String>) {
        self.problems.push(Problem {
            file: self.rec.file.clone(),
            at: at.clone(),
            message: message.into(),
            fix: fix.into(),
        });
    }

    fn note(&mut self, at: &Loc, text: impl Into<String>) {
        self.notes.push(Assumption { file: self.rec.file.clone(), at: at.clone(), text: text.into() });
    }

    fn get(&self, key: &str) -> Option<&'r Field> {
        self.rec.get(key)
    }

    /// A required field; its absence is a problem.
    fn req(&mut self, key: &str, fix: &str) -> Option<&'r Field> {
        let f = self.rec.get(key);
        if f.is_none() {
            let what = label(self.rec, key);
            self.bad(&missing_at(self.rec, key), format!("no {what}"), fix.replace("{}", &what));
        }
        f
    }

    fn date(&mut self, f: &Field) -> Option<(Date, Option<String>)> {
        match text::date_time(&f.value) {
            Ok(d) => Some(d),
            Err(e) => {
                self.bad(
                    &f.at,
                    e,
                    "write the date as YYYY-MM-DD, such as 2027-03-14 (or an ISO date-time 2027-03-14T19:00)",
                );
                None
            }
        }
    }

    fn vocab<T: Copy + std::fmt::Display + 'static>(&mut self, all: &'static [T], f: &Field) -> Option<T> {
        match vocab(all, &f.value) {
            Ok(v) => Some(v),
            Err(e) => {
                let ids = all.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(", ");
                self.bad(&f.at, e, format!("use one of the ids {ids}"));
                None
            }
        }
    }

    fn boolean(&mut self, f: &Field) -> Option<bool> {
        let b = text::boolean(&f.value);
        if b.is_none() {
            self.bad(&f.at, format!("'{}' is not yes or no", f.value), "write true or false (ja or nee)");
        }
        b
    }

    fn url(&mut self, key: &str) -> Option<String> {
        let f = self.get(key)?;
        if f.value.starts_with("https://") || f.value.starts_with("http://") {
            Some(f.value.clone())
        } else {
            self.bad(
                &f.at,
                format!("'{}' is not an http(s) URL", f.value),
                "give the full address, starting with https://",
            );
            None
        }
    }
}

/// Lookups in the base catalog, and in the national place table for places.
struct Base<'a> {
    catalog: Option<&'a Catalog>,
    /// How problems name it: its file, or "the base catalog".
    file: String,
    /// It is the catalog a pack serves by default, not one the user chose.
    default: bool,
    /// 4-digit postcode → gemeente.
    postcodes: HashMap<&'a str, &'a str>,
    national: &'static Places,
}

impl<'a> Base<'a> {
    fn new(o: &super::Options<'a>) -> Base<'a> {
        let catalog = o.base;
        let postcodes =
            catalog.map(|c| c.postcodes.iter().map(|p| (p.0.as_str(), p.3.as_str())).collect()).unwrap_or_default();
        let file = o.base_file.clone().unwrap_or_else(|| "the base catalog".to_string());
        Base { catalog, file, default: o.base_default, postcodes, national: Places::national() }
    }

    /// The gemeente (its code, a place id of the catalog) of a place given as a postcode
    /// and/or a gemeente name or code. A postcode is looked up in the base catalog, else in
    /// the national table (a region shard holds only its own region's postcodes); with a
    /// base catalog, the gemeente must be one of its places.
    fn place(&self, item: &mut Item, required: bool) -> Option<String> {
        let pc = item.get("postcode");
        let name = item.get("place");
        if let Some(f) = pc {
            match text::pc4(&f.value) {
                None => item.bad(
                    &f.at,
                    format!("'{}' is not a Dutch postcode", f.value),
                    "use a 4-digit postcode such as 3511 (letters may follow: 3511 AB)",
                ),
                Some(p) => {
                    let gm = self.postcodes.get(p.as_str()).copied().or_else(|| self.national.gemeente_of_postcode(&p));
                    match gm {
                        Some(gm) => return self.in_base(item, f, gm, &format!("postcode {p}")),
                        None if name.is_none() => item.bad(
                            &f.at,
                            format!("postcode {p} is not in the national postcode table"),
                            "check the postcode, or also give the place (addressLocality / place column) as a gemeente name such as Utrecht",
                        ),
                        None => {}
                    }
                }
            }
            name?;
        }
        let Some(f) = name else {
            if required {
                let at = missing_at(item.rec, "postcode");
                let what = label(item.rec, "postcode");
                item.bad(&at, "no place", format!("give {what} (a 4-digit postcode such as 3511) or the gemeente"));
            }
            return None;
        };
        let v = f.value.trim();
        let in_catalog =
            self.catalog.and_then(|c| c.places.iter().find(|p| p.id.eq_ignore_ascii_case(v) || same_name(&p.name, v)));
        if let Some(p) = in_catalog {
            return Some(p.id.clone());
        }
        match self.national.gemeente_named(v) {
            Some(gm) => self.in_base(item, f, gm, &format!("place '{v}'")),
            None => {
                item.bad(
                    &f.at,
                    format!("unknown place '{v}'"),
                    "give the gemeente as CBS names it (Utrecht, 's-Hertogenbosch) or its code (GM0344), or a 4-digit postcode",
                );
                None
            }
        }
    }

    /// A gemeente found for `what`, if the base catalog (when there is one) has it.
    fn in_base(&self, item: &mut Item, f: &Field, gm: &str, what: &str) -> Option<String> {
        let Some(c) = self.catalog else { return Some(gm.to_string()) };
        if c.places.iter().any(|p| p.id == gm) {
            return Some(gm.to_string());
        }
        let name = self.national.name(gm).unwrap_or(gm);
        let region = self.national.region_of(gm);
        let why = if self.default {
            " (no --catalog given: that is the catalog a loket pack serves by default, and the widget could not lay the overlay over it)"
        } else {
            ""
        };
        item.bad(
            &f.at,
            format!(
                "{what} lies in {name} ({gm}{}), which {} does not hold{why}",
                region.map(|r| format!(", region {r}")).unwrap_or_default(),
                self.file
            ),
            format!(
                "use the national catalog with --catalog www/data/catalog.json, or the shard of that region with --catalog www/data/regions/{}.json, and serve that catalog (scripts/pack.mjs --catalog)",
                region.unwrap_or("AMxx")
            ),
        );
        None
    }

    /// Whether the base catalog (when there is one) defines a route kind.
    fn has_route_kind(&self, k: RouteKind) -> bool {
        self.catalog.is_none_or(|c| c.route_kinds.iter().any(|d| d.kind == k))
    }

    fn institution_by_name(&self, name: &str) -> Option<&'a Institution> {
        self.catalog?.institutions.iter().find(|i| i.id.eq_ignore_ascii_case(name.trim()) || same_name(&i.name, name))
    }
}

/// Text of a title and employer, for the last-resort guesses.
fn words(s: &str) -> String {
    format!(" {} ", s.to_lowercase().replace(['-', '/', '(', ')', ',', '.'], " "))
}

fn vacancy(item: &mut Item, base: &Base, today: Date) -> Option<Vacancy> {
    let missing = "add {}";
    let title = item.req("title", missing).map(|f| f.value.clone());
    let employer = item.req("employer", "add {} (the school or board that hires)").map(|f| f.value.clone());
    let location = base.place(item, true);
    let text = words(&format!("{} {}", title.clone().unwrap_or_default(), employer.clone().unwrap_or_default()));
    let at = item.rec.at.clone();

    // Sector and role: explicit, else the occupational category, else the title.
    let mut sector = item.get("sector").and_then(|f| item.vocab(Sector::ALL, f));
    let mut role = item.get("role").and_then(|f| item.vocab(Role::ALL, f));
    let explicit_sector = item.get("sector").is_some();
    let explicit_role = item.get("role").is_some();
    let categories: Vec<&Field> = item.rec.all("occupational_category").collect();
    for f in &categories {
        let code = OCCUPATIONS.iter().find(|(c, _, _)| {
            f.value
                .split(|ch: char| !(ch.is_ascii_digit() || ch == '-' || ch == '.'))
                .any(|w| w.trim_end_matches(".00") == *c)
        });
        match code {
            Some((c, s, r)) => {
                if !explicit_sector && sector.is_none() {
                    sector = *s;
                }
                if !explicit_role && role.is_none() {
                    role = Some(*r);
                }
                let _ = c;
            }
            None => item.note(
                &f.at,
                format!("occupationalCategory '{}' is not a teaching occupation the importer knows", f.value),
            ),
        }
    }
    if sector.is_none() && !explicit_sector {
        let found: Vec<Sector> = SECTOR_WORDS
            .iter()
            .filter(|(_, ws)| ws.iter().any(|w| text.contains(&format!(" {w}"))))
            .map(|(s, _)| *s)
            .collect();
        if let [s] = found[..] {
            sector = Some(s);
            item.note(&at, format!("sector {s} taken from the title and employer '{}'", text.trim()));
        }
    }
    if role.is_none() && !explicit_role {
        let r = ROLE_WORDS
            .iter()
            .find(|(_, ws)| ws.iter().any(|w| text.contains(w)))
            .map(|(r, _)| *r)
            .unwrap_or(Role::Leraar);
        role = Some(r);
        item.note(&at, format!("role {r} taken from the title '{}'", title.clone().unwrap_or_default()));
    }
    if sector.is_none() && !explicit_sector {
        let (message, fix) = if matches!(item.rec.at, Loc::Line { .. }) {
            ("the sector cell is empty, and the title and employer do not tell one sector", "fill in po, vo or mbo")
        } else {
            (
                "the sector (po, vo or mbo) cannot be told",
                "add occupationalCategory (ISCO-08 2341 po leraar, 2330 vo leraar, 2320 mbo leraar, 5312 onderwijsassistent) or additionalProperty sector (po, vo, mbo)",
            )
        };
        item.bad(&missing_at(item.rec, "sector"), message, fix);
    }
    let mut subject = item.get("subject").and_then(|f| item.vocab(Subject::ALL, f));
    if subject.is_none() && item.get("subject").is_none() && sector.is_some_and(|s| s != Sector::Po) {
        let by_id = Subject::ALL
            .iter()
            .copied()
            .find(|s| !s.is_mbo_field() && text.contains(&format!(" {} ", s.id().replace('-', " "))));
        let by_word =
            || SUBJECT_WORDS.iter().find(|(_, ws)| ws.iter().any(|w| text.contains(&format!(" {w}")))).map(|(s, _)| *s);
        subject = by_id.or_else(by_word);
        if let Some(s) = subject {
            item.note(&at, format!("subject {s} taken from the title"));
        }
    }

    let work_hours = match item.get("work_hours") {
        Some(f) => match text::hours(&f.value) {
            Some((h, how)) => {
                if let Some(how) = how {
                    item.note(&f.at, how);
                }
                Some(h)
            }
            None => {
                item.bad(
                    &f.at,
                    format!("'{}' holds no number of hours", f.value),
                    "give the hours a week as a number, such as 24 (or 0,6 fte)",
                );
                None
            }
        },
        None => match title.as_deref().and_then(fte_in_title) {
            Some((h, _)) => {
                item.note(&at, format!("{h} hours a week taken from the title"));
                Some(h)
            }
            None => {
                let full = item.rec.all("employment_type").any(|f| full_time(&f.value));
                if full {
                    item.note(&at, "no workHours: FULL_TIME taken as 40 hours a week");
                    Some(40)
                } else {
                    let what = label(item.rec, "work_hours");
                    item.bad(
                        &missing_at(item.rec, "work_hours"),
                        format!("no {what}"),
                        format!("add {what} with the hours a week, such as 24"),
                    );
                    None
                }
            }
        },
    };
    if let Some(h) = work_hours.filter(|h| *h == 0 || *h > 60) {
        let f = item.get("work_hours").map(|f| f.at.clone()).unwrap_or(at.clone());
        item.bad(&f, format!("{h} hours a week is not between 1 and 60"), "give the hours a week of the post");
    }

    // Unknown values: in a CSV row a problem (the template names the two ids); in
    // JSON-LD, where schema.org lists more (CONTRACTOR, INTERN, OTHER...), noted and
    // ignored, the default taken when no value is known.
    let mut employment_type = None;
    let mut unknown = Vec::new();
    for f in item.rec.all("employment_type") {
        match employment_type_of(&f.value) {
            Some(EmploymentType::Vervanging) => employment_type = Some(EmploymentType::Vervanging),
            Some(t) => employment_type = employment_type.or(Some(t)),
            None => unknown.push(f),
        }
    }
    for f in &unknown {
        let what = format!("'{}' is not an employment type the importer knows", f.value);
        if matches!(f.at, Loc::Line { .. }) {
            item.bad(&f.at, what, "use structureel or vervanging (or leave the cell empty: structureel)");
        } else if employment_type.is_some() {
            item.note(&f.at, format!("employmentType {what}: ignored (the posting names a known one too)"));
        } else {
            item.note(
                &f.at,
                format!("employmentType {what}: taken as structureel, the default (FULL_TIME and PART_TIME are structureel, TEMPORARY vervanging)"),
            );
        }
    }
    let employment_type = employment_type.unwrap_or_else(|| {
        if unknown.is_empty() {
            item.note(&at, "no employment type: taken as structureel");
        }
        EmploymentType::Structureel
    });

    let job_start_date = match item.get("job_start_date") {
        Some(f) => item.date(f).map(|d| d.0),
        None => {
            item.note(&at, format!("no start date: taken as {today} (as soon as possible)"));
            Some(today)
        }
    };
    let valid_through = item.req("valid_through", "add {} (the last day to apply), such as 2027-03-01").cloned();
    let valid_through = valid_through.and_then(|f| item.date(&f).map(|d| (d.0, f)));
    if let Some((d, f)) = &valid_through {
        if *d < today {
            item.bad(
                &f.at,
                format!("the posting closed on {d}, before {today}"),
                "leave closed postings out, or give the new last day to apply",
            );
        }
    }
    let accepts_in_training = match item.get("accepts_in_training") {
        Some(f) => item.boolean(f).unwrap_or(false),
        None => {
            item.note(
                &at,
                "accepts_in_training not given: taken as false (add it when the school takes someone in training)",
            );
            false
        }
    };
    // Every bevoegdheid a value names: the vacancy's list means any of them is accepted.
    let mut education_requirements: Vec<Qualification> = Vec::new();
    for f in item.rec.all("education_requirements") {
        for v in items(f) {
            let found = match vocab(Qualification::ALL, v) {
                Ok(q) => vec![q],
                Err(_) => {
                    let found = qualifications_in(v);
                    if !found.is_empty() {
                        let ids = found.iter().map(|q| q.to_string()).collect::<Vec<_>>().join(", ");
                        item.note(&f.at, format!("{} '{v}' read as {ids}", label(item.rec, "education_requirements")));
                    }
                    found
                }
            };
            if found.is_empty() {
                if matches!(f.at, Loc::Line { .. }) {
                    item.vocab(Qualification::ALL, &Field { key: f.key, value: v.to_string(), at: f.at.clone() });
                } else {
                    item.note(&f.at, format!("educationRequirements '{v}' is not a bevoegdheid: ignored"));
                }
            }
            for q in found {
                if !education_requirements.contains(&q) {
                    education_requirements.push(q);
                }
            }
        }
    }
    let url = item.url("url");
    let id = item.get("id").map(|f| f.value.clone());
    if !item.problems.is_empty() {
        return None;
    }
    let (title, employer) = (title?, employer?);
    Some(Vacancy {
        id: id.unwrap_or_else(|| slug(&format!("{employer} {title}"))),
        title,
        employer,
        job_location: location?,
        sector: sector?,
        subject,
        role: role?,
        work_hours: work_hours?,
        employment_type,
        job_start_date: job_start_date?,
        valid_through: valid_through?.0,
        accepts_in_training,
        education_requirements,
        url,
        demo: false,
    })
}

/// An `employmentType` (schema.org's values, the template's ids, Dutch words) as ours.
fn employment_type_of(value: &str) -> Option<EmploymentType> {
    let v = value.rsplit(['/', ':']).next().unwrap_or_default().to_lowercase().replace(['-', ' '], "_");
    match v.as_str() {
        "temporary" | "vervanging" | "tijdelijk" | "per_diem" => Some(EmploymentType::Vervanging),
        "full_time" | "fulltime" | "voltijd" | "part_time" | "parttime" | "deeltijd" | "permanent" | "structureel"
        | "vast" => Some(EmploymentType::Structureel),
        _ => None,
    }
}

/// Whether an `employmentType` says full time (then 40 hours a week, when none are given).
fn full_time(value: &str) -> bool {
    let v = value.rsplit(['/', ':']).next().unwrap_or_default().to_lowercase().replace(['-', ' '], "_");
    matches!(v.as_str(), "full_time" | "fulltime" | "voltijd")
}

/// The bevoegdheden named in a text (`Tweedegraads of eerstegraads bevoegdheid`,
/// `Bevoegdheid po (pabo)`), all of them, in vocabulary order. `beperkt(e) tweedegraads`
/// is the beperkte bevoegdheid, not also the full tweedegraads one.
fn qualifications_in(text: &str) -> Vec<Qualification> {
    const NAMES: &[(Qualification, &[&str])] = &[
        (
            Qualification::BeperktTweedegraads,
            &["beperkt tweedegraads", "beperkte tweedegraads", "beperkt tweede graads", "beperkt 2e graads"],
        ),
        (Qualification::Eerstegraads, &["eerstegraads", "eerste graads", "1e graads"]),
        (Qualification::Tweedegraads, &["tweedegraads", "tweede graads", "2e graads"]),
        (Qualification::Pdg, &[" pdg ", "pedagogisch didactisch getuigschrift"]),
        (Qualification::Po, &["pabo", "bevoegdheid po", "primair onderwijs", "basisonderwijs"]),
    ];
    let mut rest = words(text);
    let mut found = Vec::new();
    for (q, names) in NAMES {
        for name in *names {
            if rest.contains(name) {
                // Taken: a shorter name of a later entry does not count it again.
                rest = rest.replace(name, " ");
                if !found.contains(q) {
                    found.push(*q);
                }
            }
        }
    }
    found.sort();
    found
}

/// Offering ids, at most eight of them.
fn ids_list(ids: &[String]) -> String {
    let mut s = ids.iter().take(8).cloned().collect::<Vec<_>>().join(", ");
    if ids.len() > 8 {
        s += &format!(" and {} more", ids.len() - 8);
    }
    s
}

/// The ids that share the longest start (at least 4 characters) with `given`, compared
/// without case: for an offering id with a typo (`10iz-34808-vt-0345`), the institution's
/// offerings. `None` when none shares that much.
fn closest<'i>(given: &str, ids: impl Iterator<Item = &'i str>) -> Option<Vec<String>> {
    let given = given.trim().to_lowercase();
    let shared = |id: &str| id.to_lowercase().chars().zip(given.chars()).take_while(|(a, b)| a == b).count();
    let ids: Vec<(usize, &str)> = ids.map(|id| (shared(id), id)).collect();
    let best = ids.iter().map(|x| x.0).max().filter(|n| *n >= 4)?;
    Some(ids.into_iter().filter(|x| x.0 == best).map(|x| x.1.to_string()).collect())
}

/// Hours a week from an fte figure in a title ("Leerkracht groep 3 (0,6 fte)").
fn fte_in_title(title: &str) -> Option<(u8, Option<String>)> {
    let t = title.to_lowercase();
    let at = t.find("fte")?;
    let before = t[..at].trim_end();
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == ',' || *c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    text::hours(&t[start..at + 3])
}

/// Plain text of a description that may hold HTML.
fn plain_text(s: &str) -> String {
    if !s.contains('<') {
        return s.trim().to_string();
    }
    let frag = scraper::Html::parse_fragment(s);
    let t: String = frag.root_element().text().collect();
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn activity(item: &mut Item, base: &Base, today: Date, loket: &str) -> Option<Activity> {
    let at = item.rec.at.clone();
    let name = item.req("name", "add {}").map(|f| f.value.clone());
    let words_ = words(&name.clone().unwrap_or_default());
    let activity_type = match item.get("activity_type") {
        Some(f) => item.vocab(ActivityType::ALL, f),
        None => {
            let guess = [
                (ActivityType::OpenDag, &["open dag", "opendag", "open avond", "open huis"][..]),
                (ActivityType::Meeloopdag, &["meeloop", "meelopen"]),
                (ActivityType::Proefstuderen, &["proefstudeer", "proefstuderen", "proefles"]),
                (
                    ActivityType::Informatiebijeenkomst,
                    &["informatie", "voorlichting", "info avond", "infoavond", "webinar"],
                ),
            ]
            .iter()
            .find(|(_, ws)| ws.iter().any(|w| words_.contains(w)))
            .map(|(t, _)| *t)
            .or_else(|| item.get("organizer").filter(|o| same_name(&o.value, loket)).map(|_| ActivityType::Loket));
            match guess {
                Some(t) => item.note(&at, format!("activity type {t} taken from the name")),
                None => {
                    let ids = "open-dag, meeloopdag, informatiebijeenkomst, proefstuderen or loket";
                    let (message, fix) = if matches!(at, Loc::Line { .. }) {
                        (
                            "the activity_type cell is empty, and the name does not tell the kind of activity",
                            format!("fill in {ids}"),
                        )
                    } else {
                        (
                            "the kind of activity cannot be told from the name",
                            format!("add additionalProperty activity_type: {ids}"),
                        )
                    };
                    item.bad(&missing_at(item.rec, "activity_type"), message, fix)
                }
            }
            guess
        }
    };
    let start = item.req("start_date", "add {} (YYYY-MM-DD or an ISO date-time)").cloned();
    let start = start.and_then(|f| item.date(&f));
    let end = item.get("end_date").cloned().and_then(|f| item.date(&f));
    let mut start_time = start.as_ref().and_then(|s| s.1.clone());
    let mut end_time = end.as_ref().and_then(|e| e.1.clone());
    for (key, slot) in [("start_time", &mut start_time), ("end_time", &mut end_time)] {
        if let Some(f) = item.get(key) {
            match text::time(&f.value) {
                Ok(t) => *slot = Some(t),
                Err(e) => item.bad(&f.at, e, "write the time as HH:MM, such as 19:30"),
            }
        }
    }
    let (start_date, end_date) = (start.map(|s| s.0), end.map(|e| e.0));
    if let (Some(s), Some(e)) = (start_date, end_date) {
        if e < s || (e == s && matches!((&start_time, &end_time), (Some(a), Some(b)) if b < a)) {
            let f = item.get("end_date").map(|f| f.at.clone()).unwrap_or(at.clone());
            item.bad(&f, "the activity ends before it starts", "check the start and end");
        }
    }
    if let Some(last) = end_date.or(start_date) {
        if last < today {
            let f = item.get("start_date").map(|f| f.at.clone()).unwrap_or(at.clone());
            item.bad(&f, format!("the activity was on {last}, before {today}"), "leave past activities out");
        }
    }
    if let Some(f) = item.get("event_status") {
        let s = f.value.rsplit(['/', ':']).next().unwrap_or_default().to_string();
        if s == "EventCancelled" {
            item.bad(&f.at, "the activity is cancelled", "leave cancelled activities out");
        }
    }
    let virtual_ = item.get("virtual_location").is_some();
    let physical = item.get("postcode").is_some() || item.get("place").is_some();
    let mode = match item.get("attendance_mode") {
        Some(f) => {
            let v = f.value.rsplit(['/', ':']).next().unwrap_or_default().to_lowercase();
            let v = v.trim_end_matches("eventattendancemode");
            let m = vocab(AttendanceMode::ALL, v).ok();
            if m.is_none() {
                item.bad(&f.at, format!("'{}' is not an attendance mode", f.value), "use offline, online or mixed (schema.org OfflineEventAttendanceMode, OnlineEventAttendanceMode, MixedEventAttendanceMode)");
            }
            m
        }
        None => {
            let m = match (virtual_, physical) {
                (true, true) => AttendanceMode::Mixed,
                (true, false) => AttendanceMode::Online,
                _ => AttendanceMode::Offline,
            };
            item.note(&at, format!("no eventAttendanceMode: taken as {m}"));
            Some(m)
        }
    };
    let location = if mode == Some(AttendanceMode::Online) { None } else { base.place(item, mode.is_some()) };
    let organizer = item.get("organizer").map(|f| match base.institution_by_name(&f.value) {
        Some(i) => i.id.clone(),
        None => f.value.clone(),
    });
    let mut route_kinds = Vec::new();
    for f in item.rec.all("route_kinds").collect::<Vec<_>>() {
        for v in items(f) {
            let one = Field { key: f.key, value: v.to_string(), at: f.at.clone() };
            if let Some(k) = item.vocab(RouteKind::ALL, &one) {
                if !base.has_route_kind(k) {
                    item.bad(
                        &f.at,
                        format!("route kind '{k}' has no entry in the route kinds of {}", base.file),
                        "leave it out, or import against a catalog that has it (--catalog www/data/catalog.json)",
                    );
                } else if !route_kinds.contains(&k) {
                    route_kinds.push(k);
                }
            }
        }
    }
    let mut sectors = Vec::new();
    for f in item.rec.all("sectors").collect::<Vec<_>>() {
        for v in items(f) {
            let one = Field { key: f.key, value: v.to_string(), at: f.at.clone() };
            if let Some(s) = item.vocab(Sector::ALL, &one) {
                if !sectors.contains(&s) {
                    sectors.push(s);
                }
            }
        }
    }
    let url = item.url("url");
    if !item.problems.is_empty() {
        return None;
    }
    let (name, start_date) = (name?, start_date?);
    Some(Activity {
        id: item.get("id").map(|f| f.value.clone()).unwrap_or_else(|| slug(&format!("{name} {start_date}"))),
        name,
        activity_type: activity_type?,
        start_date,
        start_time,
        end_date: end_date.filter(|e| *e != start_date),
        end_time,
        event_attendance_mode: mode?,
        location,
        address: item.get("address").map(|f| f.value.clone()),
        organizer,
        route_kinds,
        sectors,
        url,
        description: item.get("description").map(|f| plain_text(&f.value)).filter(|d| !d.is_empty()),
        demo: false,
    })
}

/// An intake from a course instance or an intake row; `None` for a problem (reported)
/// or an intake that has passed (noted).
fn intake(item: &mut Item, rec: &Record, deadline: Option<&Field>, today: Date) -> Result<Option<Intake>, ()> {
    let mut sub = Item::new(rec);
    let start =
        sub.req("start_date", "add {} (the first day of the cohort)").cloned().and_then(|f| sub.date(&f).map(|d| d.0));
    let own = rec.get("application_deadline").cloned().and_then(|f| sub.date(&f).map(|d| (d.0, f)));
    // The programme's deadline holds for the cohorts of the year after it, not later ones.
    let shared = deadline.cloned().and_then(|f| text::date_time(&f.value).ok().map(|d| (d.0, f)));
    let shared = shared.filter(|(d, _)| start.is_some_and(|s| *d <= s && d.days_until(s) < 366));
    let deadline = if own.is_some() { own } else { shared };
    let status = rec.get("status").and_then(|f| sub.vocab(IntakeStatus::ALL, f)).unwrap_or(IntakeStatus::Confirmed);
    if let (Some(s), Some((d, f))) = (start, &deadline) {
        if *d > s {
            sub.bad(
                &f.at,
                format!("the deadline {d} is after the start {s}"),
                "give the last day to apply, on or before the start",
            );
        }
    }
    let failed = !sub.problems.is_empty();
    item.problems.append(&mut sub.problems);
    item.notes.append(&mut sub.notes);
    if failed {
        return Err(());
    }
    let start = start.ok_or(())?;
    if start < today {
        item.note(&rec.at, format!("intake {start} has passed: left out"));
        return Ok(None);
    }
    Ok(Some(Intake { start_date: start, application_deadline: deadline.map(|d| d.0), lead_time_days: 0, status }))
}

fn mode_of(v: &str) -> Option<Mode> {
    let v = v.rsplit(['/', ':']).next().unwrap_or_default().to_lowercase().replace(['_', ' '], "-");
    match v.as_str() {
        "voltijd" | "full-time" | "fulltime" => Some(Mode::Voltijd),
        "deeltijd" | "part-time" | "parttime" => Some(Mode::Deeltijd),
        "duaal" | "dual" => Some(Mode::Duaal),
        "werkend-leren" => Some(Mode::WerkendLeren),
        _ => None,
    }
}

fn mode(item: &mut Item, f: &Field) -> Option<Mode> {
    let m = mode_of(&f.value);
    if m.is_none() {
        item.bad(
            &f.at,
            format!("'{}' is not a programme mode", f.value),
            "use voltijd, deeltijd, duaal or werkend-leren (full-time, part-time)",
        );
    }
    m
}

/// What an import is building.
struct Out<'a> {
    base: Base<'a>,
    today: Date,
    loket: String,
    problems: Vec<Problem>,
    notes: Vec<Assumption>,
    counts: BTreeMap<Kind, Count>,
    institutions: Vec<Institution>,
    /// A new institution of the offering being checked, added when it is taken.
    pending: Option<Institution>,
    /// New or replacing offerings, with how many intake items they carry.
    offerings: Vec<(Offering, Record)>,
    /// Intakes of catalog offerings, by offering id: the intakes and the items they came from.
    intakes: BTreeMap<String, Vec<Intake>>,
    /// Offering ids whose intake list had a broken item (left as they are), with the
    /// first broken item's file and place.
    broken: HashMap<String, (String, Loc)>,
}

impl Out<'_> {
    fn count(&mut self, kind: Kind, taken: bool) {
        let c = self.counts.entry(kind).or_default();
        if taken {
            c.taken += 1
        } else {
            c.dropped += 1
        }
    }

    /// Keeps or drops an item's problems and notes.
    fn settle(&mut self, kind: Kind, item: Item, taken: bool) {
        self.count(kind, taken);
        if let Some(i) = self.pending.take().filter(|_| taken) {
            self.institutions.push(i);
        }
        self.problems.extend(item.problems);
        if taken {
            self.notes.extend(item.notes);
        }
    }

    /// The institution of a new offering: a catalog one by id or name, else a new one.
    fn institution(&mut self, item: &mut Item) -> Option<String> {
        let f = item.req("institution", "add {} (the institution's name or BRIN code)")?;
        if let Some(id) = item.get("institution_id") {
            if let Some(i) = self.base.institution_by_name(&id.value) {
                return Some(i.id.clone());
            }
        }
        if let Some(i) = self.base.institution_by_name(&f.value) {
            return Some(i.id.clone());
        }
        if let Some(i) = self.institutions.iter().find(|i| same_name(&i.name, &f.value)) {
            return Some(i.id.clone());
        }
        let id = item.get("institution_id").map(|f| f.value.clone()).unwrap_or_else(|| slug(&f.value));
        item.note(&f.at, format!("institution '{}' is not in the base catalog: added as '{id}'", f.value));
        self.pending = Some(Institution {
            id: id.clone(),
            name: f.value.clone(),
            url: item.get("institution_url").map(|f| f.value.clone()),
        });
        Some(id)
    }

    /// A new (or replacing) offering from a programme row or an unmatched programme.
    fn new_offering(&mut self, item: &mut Item) -> Option<Offering> {
        let how = "a programme that is not in the catalog needs {} to be a new offering; add it, or give the CROHO code (programCode) of a catalog programme";
        let name = item.req("name", how).map(|f| f.value.clone());
        let kind = item.req("route_kind", how).and_then(|f| item.vocab(RouteKind::ALL, f));
        let institution = self.institution(item);
        let had = item.problems.len();
        let place = self.base.place(item, false);
        if place.is_none() && item.problems.len() == had {
            let what = label(item.rec, "place");
            item.bad(&missing_at(item.rec, "place"), format!("no {what}"), how.replace("{}", &what));
        }
        let mode = item.req("mode", how).and_then(|f| mode(item, f));
        let time = item.req("time_to_complete", how).and_then(|f| match Months::parse(&f.value) {
            Ok(m) => Some(m),
            Err(e) => {
                item.bad(&f.at, e, "write the duration as P4Y, P18M or P1Y6M");
                None
            }
        });
        // A route without training (P0M, herintreding) has no study load of its own: 0.
        let least = if time == Some(Months(0)) { 0.0 } else { 1.0 };
        let weekly_hours = item.req("weekly_hours", how).and_then(|f| {
            match text::number(&f.value).filter(|h| (least..=80.0).contains(h)) {
                Some(h) => Some(h.round() as u8),
                None => {
                    item.bad(
                        &f.at,
                        format!("'{}' is not a number of hours a week from {least} to 80", f.value),
                        "give the study load in hours a week, such as 40",
                    );
                    None
                }
            }
        });
        let cost_basis = item.req("cost_basis", how).and_then(|f| item.vocab(CostBasis::ALL, f));
        let cost = item.get("cost_eur_per_year").and_then(|f| {
            match text::number(&f.value).filter(|n| *n >= 0.0 && *n < 100_000.0) {
                Some(n) => Some(n.round() as u32),
                None => {
                    item.bad(
                        &f.at,
                        format!("'{}' is not an amount in euros", f.value),
                        "give the amount a year as a number, such as 2601",
                    );
                    None
                }
            }
        });
        let paid = match item.get("paid_while_learning") {
            Some(f) => item.boolean(f),
            None => {
                let p = matches!(mode, Some(Mode::Duaal | Mode::WerkendLeren));
                item.note(&item.rec.at.clone(), format!("paid_while_learning not given: taken as {p} (from the mode)"));
                Some(p)
            }
        };
        let rolling = item.get("rolling_intake").and_then(|f| item.boolean(f)).unwrap_or(false);
        let subject = item.get("subject").and_then(|f| item.vocab(Subject::ALL, f));
        let mut sectors = Vec::new();
        for f in item.rec.all("sectors").collect::<Vec<_>>() {
            for v in items(f) {
                let one = Field { key: f.key, value: v.to_string(), at: f.at.clone() };
                sectors.extend(item.vocab(Sector::ALL, &one));
            }
        }
        let def = kind.and_then(|k| self.base.catalog.and_then(|c| c.route_kinds.iter().find(|d| d.kind == k)));
        if kind.is_some() && def.is_none() {
            let at = missing_at(item.rec, "route_kind");
            item.bad(
                &at,
                "the route kind's definition is not in the base catalog",
                "pass the base catalog with --catalog",
            );
        }
        let url = item.url("url");
        let croho = item.get("croho").map(|f| f.value.clone());
        if !item.problems.is_empty() {
            return None;
        }
        let def = def?;
        if sectors.is_empty() {
            sectors = def.sectors.clone();
        }
        let (kind, cost_basis, institution, place, mode) = (kind?, cost_basis?, institution?, place?, mode?);
        let cost_figure = (cost_basis.pays_fee() && cost.is_none())
            .then(|| {
                self.base.catalog.and_then(|c| c.figures.iter().find(|f| f.id == cost_basis.id())).map(|f| f.id.clone())
            })
            .flatten();
        let id = item.get("id").map(|f| f.value.clone()).unwrap_or_else(|| {
            let what = croho.clone().unwrap_or_else(|| name.clone().unwrap_or_default());
            let what: String = slug(&format!("{institution} {what}")).chars().take(40).collect();
            format!("{}-{mode}-{}", what.trim_end_matches('-'), place.to_lowercase())
        });
        Some(Offering {
            id,
            kind,
            name: name?,
            institution,
            place,
            educational_program_mode: mode,
            occupational_credential_awarded: def.qualification,
            sectors,
            subject,
            time_to_complete: time?,
            weekly_hours: weekly_hours?,
            cost_eur_per_year: cost,
            cost_basis,
            paid_while_learning: paid?,
            program_prerequisites: Vec::new(),
            intakes: Vec::new(),
            rolling_intake: rolling,
            url,
            croho,
            cost_figure,
            pay_figure: None,
            max_teaching_hours: None,
        })
    }

    /// Catalog offerings (and new ones of this import) a programme or intake row names.
    fn candidates(&self, item: &mut Item, mode: Option<Mode>, place: Option<&str>) -> Result<Vec<String>, ()> {
        let catalog: Vec<&Offering> = self.base.catalog.map(|c| c.offerings.iter().collect()).unwrap_or_default();
        let all: Vec<&Offering> = catalog.into_iter().chain(self.offerings.iter().map(|(o, _)| o)).collect();
        for key in ["offering", "identifier"] {
            if let Some(f) = item.get(key) {
                if let Some(o) = all.iter().find(|o| o.id == f.value) {
                    return Ok(vec![o.id.clone()]);
                }
                if key == "offering" {
                    item.bad(
                        &f.at,
                        format!("no offering '{}' in the base catalog or this import", f.value),
                        format!(
                            "use the id of an offering of {}{}, or leave offering out and give croho, institution and mode",
                            self.base.file,
                            closest(&f.value, all.iter().map(|o| o.id.as_str()))
                                .map(|ids| format!(" (the closest ids: {})", ids_list(&ids)))
                                .unwrap_or_default()
                        ),
                    );
                    return Err(());
                }
            }
        }
        let croho = item.get("croho").or_else(|| {
            item.get("identifier").filter(|f| f.value.len() == 5 && f.value.bytes().all(|b| b.is_ascii_digit()))
        });
        let mut found: Vec<&Offering> = match croho {
            Some(f) => all.iter().copied().filter(|o| o.croho.as_deref() == Some(f.value.trim())).collect(),
            None => match item.get("url") {
                Some(u) => all
                    .iter()
                    .copied()
                    .filter(|o| {
                        o.url.as_deref().map(|x| x.trim_end_matches('/')) == Some(u.value.trim_end_matches('/'))
                    })
                    .collect(),
                None => Vec::new(),
            },
        };
        let inst = item.get("institution_id").or_else(|| item.get("institution"));
        if let Some(i) = inst.and_then(|f| self.base.institution_by_name(&f.value)) {
            found.retain(|o| o.institution == i.id);
        }
        if let Some(k) = item.get("route_kind").and_then(|f| vocab(RouteKind::ALL, &f.value).ok()) {
            found.retain(|o| o.kind == k);
        }
        if let Some(m) = mode {
            found.retain(|o| o.educational_program_mode == m);
        }
        if let Some(p) = place {
            found.retain(|o| o.place == p);
        }
        Ok(found.into_iter().map(|o| o.id.clone()).collect())
    }

    /// A JSON-LD programme: intakes for the catalog offerings it matches, or a new offering.
    fn programme(&mut self, rec: &Record) {
        let mut item = Item::new(rec);
        let prog_mode = rec.get("mode").and_then(|f| mode(&mut item, f));
        if let Some(f) = rec.get("application_deadline") {
            item.date(f);
        }
        let prog_place = if rec.get("postcode").is_some() || rec.get("place").is_some() {
            self.base.place(&mut item, false)
        } else {
            None
        };
        // The course instances, grouped by their mode (else the programme's).
        let mut children: Vec<Record> = rec.children.clone();
        if children.is_empty() && rec.get("start_date").is_some() {
            let mut c = Record::new(Kind::Intakes, &rec.file, rec.at.clone());
            c.fields = rec.all("start_date").cloned().collect();
            children.push(c);
        }
        let mut groups: Vec<(Option<Mode>, Option<String>, Vec<&Record>)> = Vec::new();
        for c in &children {
            let mut sub = Item::new(c);
            let m = c.get("mode").and_then(|f| mode(&mut sub, f)).or(prog_mode);
            let p = if c.get("postcode").is_some() || c.get("place").is_some() {
                self.base.place(&mut sub, false)
            } else {
                prog_place.clone()
            };
            item.problems.append(&mut sub.problems);
            match groups.iter_mut().find(|g| g.0 == m && g.1 == p) {
                Some(g) => g.2.push(c),
                None => groups.push((m, p, vec![c])),
            }
        }
        if !item.problems.is_empty() {
            let n = children.len();
            self.settle(Kind::Programmes, item, false);
            self.counts.entry(Kind::Intakes).or_default().dropped += n;
            return;
        }
        let any = self.candidates(&mut item, None, None);
        let Ok(any) = any else {
            self.settle(Kind::Programmes, item, false);
            return;
        };
        if any.is_empty() {
            // Not in the catalog: a new offering with every course instance as an intake.
            let offering = self.new_offering(&mut item);
            let mut intakes = Vec::new();
            let mut ok = offering.is_some();
            for c in &children {
                match intake(&mut item, c, rec.get("application_deadline"), self.today) {
                    Ok(Some(t)) => intakes.push(t),
                    Ok(None) => {}
                    Err(()) => ok = false,
                }
            }
            let rolling = offering.as_ref().is_some_and(|o| o.rolling_intake);
            if ok && intakes.is_empty() && !rolling {
                item.bad(
                    &rec.at,
                    "the programme has no future intake",
                    "add hasCourseInstance with a startDate after today",
                );
                ok = false;
            }
            let n = children.len();
            let c = self.counts.entry(Kind::Intakes).or_default();
            if ok {
                c.taken += intakes.len();
                c.dropped += n - intakes.len();
                let mut o = offering.expect("checked above");
                o.intakes = intakes;
                self.offerings.push((o, rec.clone()));
            } else {
                c.dropped += n;
            }
            self.settle(Kind::Programmes, item, ok);
            return;
        }
        if children.is_empty() {
            item.bad(
                &rec.at,
                format!(
                    "the programme is offering {} of the catalog, but has no course instance to import",
                    any.join(", ")
                ),
                "add hasCourseInstance with the startDate of each intake",
            );
            self.settle(Kind::Programmes, item, false);
            return;
        }
        let mut planned: Vec<(String, Vec<Intake>, usize)> = Vec::new();
        let mut ok = true;
        for (m, p, cs) in &groups {
            let Ok(ids) = self.candidates(&mut item, *m, p.as_deref()) else {
                ok = false;
                continue;
            };
            match &ids[..] {
                [id] => {
                    let mut list = Vec::new();
                    for c in cs {
                        match intake(&mut item, c, rec.get("application_deadline"), self.today) {
                            Ok(Some(t)) => list.push(t),
                            Ok(None) => {}
                            Err(()) => ok = false,
                        }
                    }
                    planned.push((id.clone(), list, cs.len()));
                }
                [] => {
                    ok = false;
                    let what =
                        [m.map(|m| m.to_string()), p.clone()].into_iter().flatten().collect::<Vec<_>>().join(" in ");
                    item.bad(
                        &cs[0].at,
                        format!("no offering of this programme {what} in the catalog (it has {})", any.join(", ")),
                        "check courseMode and location, or name the offering with additionalProperty offering",
                    );
                }
                many => {
                    ok = false;
                    item.bad(&cs[0].at, format!("matches {} offerings of the catalog: {}", many.len(), ids_list(many)), "give educationalProgramMode or courseMode (voltijd, deeltijd, duaal) and the location, or additionalProperty offering with one of these ids");
                }
            }
        }
        for (id, list, _) in &planned {
            if ok && list.is_empty() {
                ok = false;
                item.bad(&rec.at, format!("every intake of offering {id} has passed"), "add the coming intakes");
            }
        }
        let n: usize = children.len();
        if ok {
            let taken: usize = planned.iter().map(|p| p.1.len()).sum();
            let c = self.counts.entry(Kind::Intakes).or_default();
            c.taken += taken;
            c.dropped += n - taken;
            for (id, list, _) in planned {
                let slot = self.intakes.entry(id).or_default();
                for t in list {
                    if !slot.iter().any(|x| x.start_date == t.start_date) {
                        slot.push(t);
                    }
                }
            }
        } else {
            self.counts.entry(Kind::Intakes).or_default().dropped += n;
        }
        self.settle(Kind::Programmes, item, ok);
    }

    /// An intake row: one intake of a catalog offering or of a new one.
    fn intake_row(&mut self, rec: &Record) {
        let mut item = Item::new(rec);
        if rec.get("offering").is_none() && rec.get("croho").is_none() {
            item.bad(
                &missing_at(rec, "offering"),
                "no offering and no croho",
                "give the offering id of the catalog, or the CROHO code with the institution and mode",
            );
        }
        let m = rec.get("mode").and_then(|f| mode(&mut item, f));
        let p = if rec.get("place").is_some() { self.base.place(&mut item, false) } else { None };
        let target = if item.problems.is_empty() {
            match self.candidates(&mut item, m, p.as_deref()) {
                Ok(ids) => match &ids[..] {
                    [id] => Some(id.clone()),
                    [] => {
                        item.bad(
                            &rec.at,
                            "no offering in the catalog or this import fits the row",
                            "check the offering id or CROHO code, institution, mode and place",
                        );
                        None
                    }
                    many => {
                        item.bad(
                            &rec.at,
                            format!("the row fits {} offerings: {}", many.len(), ids_list(many)),
                            "give the offering id, or the institution, mode and place that single one out",
                        );
                        None
                    }
                },
                Err(()) => None,
            }
        } else {
            None
        };
        let t = intake(&mut item, rec, None, self.today);
        let ok = item.problems.is_empty();
        match (target, t) {
            (Some(id), Ok(Some(t))) if ok => match self.offerings.iter_mut().find(|(o, _)| o.id == id) {
                Some((o, _)) => o.intakes.push(t),
                None => self.intakes.entry(id).or_default().push(t),
            },
            (Some(_), Ok(None)) if ok => {}
            (Some(id), _) => {
                self.broken.entry(id).or_insert((rec.file.clone(), rec.at.clone()));
            }
            _ => {}
        }
        self.settle(Kind::Intakes, item, ok);
    }
}

/// Makes ids unique within a list and against `taken`, the ids of the base catalog's
/// items the merge keeps beside them: a generated one gets `-2`, `-3`; a given one used
/// twice, or by the base catalog, is a problem.
fn unique_ids<T>(
    list: Vec<(T, Record)>,
    id: impl Fn(&mut T) -> &mut String,
    taken: &HashSet<String>,
    out: &mut Out,
    kind: Kind,
) -> Vec<T> {
    let mut seen: HashSet<String> = taken.clone();
    let mut kept = Vec::new();
    for (mut x, rec) in list {
        let given = rec.get("id").is_some();
        let slot = id(&mut x);
        if seen.contains(slot.as_str()) {
            if given {
                let message = if taken.contains(slot.as_str()) {
                    format!("{} already has an item with the id '{slot}', which the merge keeps", out.base.file)
                } else {
                    format!("the id '{slot}' is used twice")
                };
                out.problems.push(Problem {
                    file: rec.file.clone(),
                    at: rec.get("id").map(|f| f.at.clone()).unwrap_or(rec.at.clone()),
                    message,
                    fix: "give each item its own id".into(),
                });
                let c = out.counts.entry(kind).or_default();
                c.taken -= 1;
                c.dropped += 1;
                continue;
            }
            let base = slot.clone();
            let mut n = 2;
            while seen.contains(&format!("{base}-{n}")) {
                n += 1;
            }
            *slot = format!("{base}-{n}");
        }
        seen.insert(slot.clone());
        kept.push(x);
    }
    kept
}

pub(crate) fn build(
    records: Vec<Record>,
    o: &super::Options,
    problems: Vec<Problem>,
    notes: Vec<Assumption>,
) -> Report {
    let loket = o.name.clone().unwrap_or_else(|| "Loket".to_string());
    let mut out = Out {
        base: Base::new(o),
        today: o.today,
        loket: loket.clone(),
        problems,
        notes,
        counts: BTreeMap::new(),
        institutions: Vec::new(),
        pending: None,
        offerings: Vec::new(),
        intakes: BTreeMap::new(),
        broken: HashMap::new(),
    };
    let mut vacancies = Vec::new();
    let mut activities = Vec::new();
    // Programme rows and programmes first, so intake rows can name the new offerings.
    let order = |r: &Record| match r.kind {
        Kind::Programmes => 0,
        Kind::Intakes => 1,
        _ => 2,
    };
    let mut records = records;
    records.sort_by_key(order);
    // Programmes and intakes are matched against the base catalog's offerings, and a new
    // offering takes its qualification from the catalog's route kinds: without a base
    // catalog the user chose none can be taken. Each file holding them is one problem,
    // not one per item.
    let mut needs_base: Vec<String> = Vec::new();
    if o.base.is_none() || o.base_default {
        records.retain(|rec| {
            if !matches!(rec.kind, Kind::Programmes | Kind::Intakes) {
                return true;
            }
            out.count(rec.kind, false);
            out.counts.entry(Kind::Intakes).or_default().dropped += rec.children.len();
            if !needs_base.contains(&rec.file) {
                needs_base.push(rec.file.clone());
                out.problems.push(Problem {
                    file: rec.file.clone(),
                    at: Loc::File,
                    message: "the file holds programmes or intakes, which are matched against a base catalog's offerings and route kinds, and none was given: none of them is imported".into(),
                    fix: "give the catalog the overlay is for with --catalog (www/data/catalog.json, or your region's shard www/data/regions/AMxx.json)".into(),
                });
            }
            false
        });
    }
    for rec in &records {
        if rec.broken {
            out.count(rec.kind, false);
            continue;
        }
        match rec.kind {
            Kind::Vacancies => {
                let mut item = Item::new(rec);
                let v = vacancy(&mut item, &out.base, out.today);
                let ok = v.is_some();
                vacancies.extend(v.map(|v| (v, rec.clone())));
                out.settle(Kind::Vacancies, item, ok);
            }
            Kind::Activities => {
                let mut item = Item::new(rec);
                let a = activity(&mut item, &out.base, out.today, &out.loket);
                let ok = a.is_some();
                activities.extend(a.map(|a| (a, rec.clone())));
                out.settle(Kind::Activities, item, ok);
            }
            Kind::Programmes if matches!(rec.at, Loc::Line { .. }) => {
                let mut item = Item::new(rec);
                let offering = out.new_offering(&mut item);
                let ok = offering.is_some();
                if let Some(off) = offering {
                    if out.base.catalog.is_some_and(|c| c.offerings.iter().any(|x| x.id == off.id)) {
                        item.note(&rec.at, format!("replaces the catalog's offering {}", off.id));
                    }
                    out.offerings.push((off, rec.clone()));
                }
                out.settle(Kind::Programmes, item, ok);
            }
            Kind::Programmes => out.programme(rec),
            Kind::Intakes => out.intake_row(rec),
        }
    }
    // New offerings from rows need an intake (from intake rows) unless rolling.
    let mut offerings = Vec::new();
    // An offering left out: its problem, and it (with `intakes` intakes) moves from taken to dropped.
    let leave_out = |out: &mut Out<'_>, rec: &Record, message: String, fix: &str, intakes: usize| {
        out.problems.push(Problem { file: rec.file.clone(), at: rec.at.clone(), message, fix: fix.into() });
        for (kind, n) in [(Kind::Programmes, 1), (Kind::Intakes, intakes)] {
            let c = out.counts.entry(kind).or_default();
            c.taken -= n;
            c.dropped += n;
        }
    };
    for (mut off, rec) in std::mem::take(&mut out.offerings) {
        if let Some((file, at)) = out.broken.get(&off.id) {
            let message = format!("offering {} is left out: its intake at {file}: {at} is broken", off.id);
            leave_out(&mut out, &rec, message, "correct that intake row", off.intakes.len());
            continue;
        }
        off.intakes.sort_by_key(|t| t.start_date);
        off.intakes.dedup_by_key(|t| t.start_date);
        if off.intakes.is_empty() && !off.rolling_intake {
            let message = format!("offering {} has no future intake", off.id);
            let fix = "add its intakes (intakes.csv, or hasCourseInstance), or rolling_intake true";
            leave_out(&mut out, &rec, message, fix, 0);
            continue;
        }
        offerings.push((off, rec));
    }
    let region = o.region.clone().or_else(|| o.base.and_then(|c| c.meta.region.clone()));
    // The base catalog's vacancies the merge keeps: the real ones, and the demonstration
    // ones outside the overlay's region (all of them go when it names none).
    let base_vacancies: HashSet<String> = o
        .base
        .map(|c| {
            let place_region: HashMap<&str, &str> =
                c.places.iter().filter_map(|p| Some((p.id.as_str(), p.region.as_deref()?))).collect();
            let gemeente: HashMap<&str, &str> = c.postcodes.iter().map(|p| (p.0.as_str(), p.3.as_str())).collect();
            let region_of = |id: &str| place_region.get(gemeente.get(id).copied().unwrap_or(id)).copied();
            c.vacancies
                .iter()
                .filter(|v| !v.demo || region.as_deref().is_some_and(|r| region_of(&v.job_location) != Some(r)))
                .map(|v| v.id.clone())
                .collect()
        })
        .unwrap_or_default();
    let base_activities: HashSet<String> =
        o.base.map(|c| c.activities.iter().map(|a| a.id.clone()).collect()).unwrap_or_default();
    let vacancies = unique_ids(vacancies, |v: &mut Vacancy| &mut v.id, &base_vacancies, &mut out, Kind::Vacancies);
    let activities = unique_ids(activities, |a: &mut Activity| &mut a.id, &base_activities, &mut out, Kind::Activities);
    let offerings = unique_ids(offerings, |o: &mut Offering| &mut o.id, &HashSet::new(), &mut out, Kind::Programmes);
    let mut intakes = Vec::new();
    for (id, mut list) in std::mem::take(&mut out.intakes) {
        if let Some((file, at)) = out.broken.get(&id) {
            out.problems.push(Problem {
                file: file.clone(),
                at: at.clone(),
                message: format!(
                    "the intakes of offering {id} are left as the catalog has them: an intake of its list is broken"
                ),
                fix: "correct the broken intake, so the whole list replaces the catalog's".into(),
            });
            let c = out.counts.entry(Kind::Intakes).or_default();
            c.taken -= list.len();
            c.dropped += list.len();
            continue;
        }
        list.sort_by_key(|t| t.start_date);
        list.dedup_by_key(|t| t.start_date);
        intakes.push(OfferingIntakes { offering: id, intakes: list });
    }
    let overlay = Overlay {
        meta: OverlayMeta {
            name: loket.clone(),
            version: o.today.to_string(),
            generated: o.today,
            region,
            attribution: vec![format!("{loket}: own data (vacancies, programmes, activities)").into()],
            contact: o.contact.clone(),
            notes: vec![format!("Made by routewijzer import on {}.", o.today)],
        },
        institutions: out.institutions.clone(),
        offerings,
        intakes,
        vacancies,
        activities,
    };
    let counts = Kind::ALL.iter().map(|k| (*k, out.counts.get(k).copied().unwrap_or_default())).collect();
    Report { overlay, problems: out.problems, assumptions: out.notes, counts, needs_base }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bevoegdheid_a_text_names() {
        let q = |s: &str| qualifications_in(s).iter().map(|q| q.id()).collect::<Vec<_>>();
        assert_eq!(q("Tweedegraads of eerstegraads bevoegdheid wiskunde"), ["tweedegraads", "eerstegraads"]);
        assert_eq!(q("Bevoegdheid po (pabo) of pdg"), ["po", "pdg"]);
        assert_eq!(q("2e-graads of 1e-graads"), ["tweedegraads", "eerstegraads"]);
        assert_eq!(q("Beperkte tweedegraads bevoegdheid"), ["beperkt-tweedegraads"]);
        assert_eq!(q("beperkt tweedegraads of tweedegraads"), ["tweedegraads", "beperkt-tweedegraads"]);
        assert_eq!(q("HBO-diploma"), Vec::<&str>::new());
    }

    #[test]
    fn the_closest_offering_ids() {
        let ids = ["10iz-34808-vt-0344", "10iz-34808-dt-0344", "21pd-34808-vt-0344", "x"];
        assert_eq!(closest("10IZ-34808-vt-0345", ids.into_iter()), Some(vec!["10iz-34808-vt-0344".to_string()]));
        assert_eq!(closest("10iz-99999", ids.into_iter()).map(|v| v.len()), Some(2));
        assert_eq!(closest("pabo", ids.into_iter()), None);
    }

    #[test]
    fn fte_in_a_title() {
        assert_eq!(fte_in_title("Leerkracht groep 3 (0,6 fte)").map(|h| h.0), Some(24));
        assert_eq!(fte_in_title("Docent é0,5 fte").map(|h| h.0), Some(20));
        assert_eq!(fte_in_title("Docent één fte"), None);
        assert_eq!(fte_in_title("Leerkracht groep 3"), None);
    }
}
