//! schema.org JSON-LD to [`Record`]s: a single object, an array, or an `@graph`, with
//! typed objects found at any depth (an `ItemList` of postings, a page's `mainEntity`).
//! `@id` references within a document are followed. Each value keeps its JSON path.

use super::{text, Kind, Loc, Record, Sink};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// The `additionalProperty` names (schema.org `PropertyValue`) the importer reads, per
/// kind: our documented extension for what schema.org has no property for.
const EXTENSIONS: &[(Kind, &[&str])] = &[
    (Kind::Vacancies, &["sector", "role", "subject", "accepts_in_training", "work_hours", "place"]),
    (
        Kind::Programmes,
        &[
            "offering",
            "croho",
            "route_kind",
            "weekly_hours",
            "cost_basis",
            "cost_eur_per_year",
            "paid_while_learning",
            "sectors",
            "subject",
            "rolling_intake",
            "place",
        ],
    ),
    (Kind::Activities, &["activity_type", "route_kinds", "sectors", "place"]),
];

/// Reads one JSON-LD document (a file, or the n-th block of a page).
pub(crate) fn read(text: &str, block: Option<usize>, sink: &mut Sink, out: &mut Vec<Record>) {
    let root_at = Loc::Path { block, path: "$".into() };
    let value: Value = match serde_json::from_str(text.trim_start_matches('\u{feff}')) {
        Ok(v) => v,
        Err(e) => {
            let what = if block.is_some() { "of the block" } else { "" };
            sink.problem(
                root_at,
                format!("not valid JSON: {} (line {} column {} {what})", plain(&e), e.line(), e.column()),
                "correct the JSON there (a missing comma, quote or bracket is the usual cause); the other blocks and files are still read",
            );
            return;
        }
    };
    let mut ids = HashMap::new();
    index(&value, &mut ids);
    let doc = Doc { ids, block, file: sink.file };
    let before = out.len();
    doc.walk(&value, "$".into(), sink, out);
    if out.len() == before {
        sink.problem(
            root_at,
            "no JobPosting, EducationalOccupationalProgram, Course, Event or EducationEvent found",
            "give objects with one of these @type values (see data/templates/README.md, 'JSON-LD')",
        );
    }
}

/// serde_json's message without its own " at line L column C" (we say where).
fn plain(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// Objects with an `@id` and more members, by id, for following references.
fn index<'a>(v: &'a Value, ids: &mut HashMap<String, &'a Value>) {
    match v {
        Value::Array(a) => a.iter().for_each(|x| index(x, ids)),
        Value::Object(o) => {
            if let Some(Value::String(id)) = o.get("@id") {
                if o.len() > 1 {
                    ids.entry(id.clone()).or_insert(v);
                }
            }
            o.values().for_each(|x| index(x, ids));
        }
        _ => {}
    }
}

/// The schema.org type names of an object (`schema:JobPosting` and full IRIs as
/// `JobPosting`).
fn types(o: &Map<String, Value>) -> Vec<&str> {
    match o.get("@type") {
        Some(Value::String(s)) => vec![last(s)],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).map(last).collect(),
        _ => Vec::new(),
    }
}

fn last(s: &str) -> &str {
    s.rsplit(['/', ':', '#']).next().unwrap_or(s)
}

fn kind_of(o: &Map<String, Value>) -> Option<Kind> {
    types(o).into_iter().find_map(|t| match t {
        "JobPosting" => Some(Kind::Vacancies),
        "EducationalOccupationalProgram" | "Course" | "WorkBasedProgram" => Some(Kind::Programmes),
        "Event" | "EducationEvent" => Some(Kind::Activities),
        _ => None,
    })
}

struct Doc<'a> {
    ids: HashMap<String, &'a Value>,
    block: Option<usize>,
    file: &'a str,
}

/// A value with its JSON path.
type At<'a> = (&'a Value, String);

impl<'a> Doc<'a> {
    fn loc(&self, path: &str) -> Loc {
        Loc::Path { block: self.block, path: path.to_string() }
    }

    fn walk(&self, v: &'a Value, path: String, sink: &mut Sink, out: &mut Vec<Record>) {
        match v {
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    self.walk(x, format!("{path}[{i}]"), sink, out);
                }
            }
            Value::Object(o) => match kind_of(o) {
                Some(kind) => out.push(self.record(kind, v, &path, sink)),
                None => {
                    for (k, x) in o {
                        if k != "@context" {
                            self.walk(x, format!("{path}.{k}"), sink, out);
                        }
                    }
                }
            },
            _ => {}
        }
    }

    /// A reference `{"@id": ...}` to an object elsewhere in the document, followed.
    fn resolve(&self, v: &'a Value) -> &'a Value {
        match v {
            Value::Object(o) if o.len() == 1 => match o.get("@id") {
                Some(Value::String(id)) => self.ids.get(id).copied().unwrap_or(v),
                _ => v,
            },
            _ => v,
        }
    }

    /// Every value of `key` (a list's elements), references followed.
    fn all(&self, (v, path): &At<'a>, key: &str) -> Vec<At<'a>> {
        let Value::Object(o) = self.resolve(v) else { return Vec::new() };
        let Some(x) = o.get(key).or_else(|| o.get(&format!("schema:{key}"))) else { return Vec::new() };
        let path = if key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '@') {
            format!("{path}.{key}")
        } else {
            format!("{path}[{key:?}]")
        };
        match x {
            Value::Array(a) => a
                .iter()
                .enumerate()
                .filter(|(_, e)| !e.is_null())
                .map(|(i, e)| (self.resolve(e), format!("{path}[{i}]")))
                .collect(),
            Value::Null => Vec::new(),
            _ => vec![(self.resolve(x), path)],
        }
    }

    /// The first value of `key`.
    fn get(&self, at: &At<'a>, key: &str) -> Option<At<'a>> {
        self.all(at, key).into_iter().next()
    }

    /// Puts the text of `at` (a string, number, boolean or `{"@value": ...}`) under `key`.
    fn put(&self, rec: &mut Record, key: &'static str, at: Option<At<'a>>) {
        if let Some((v, path)) = at {
            if let Some(t) = scalar(v) {
                rec.put(key, t, self.loc(&path));
            }
        }
    }

    /// A thing's name: the text itself, or its `name`.
    fn put_name(&self, rec: &mut Record, key: &'static str, at: Option<At<'a>>) {
        if let Some(at) = at {
            match at.0 {
                Value::Object(_) => {
                    let name = self.get(&at, "name");
                    self.put(rec, key, name)
                }
                _ => self.put(rec, key, Some(at)),
            }
        }
    }

    /// A code: the text itself, or a `CategoryCode`'s `codeValue` (else its `name`).
    fn put_code(&self, rec: &mut Record, key: &'static str, at: At<'a>) {
        match at.0 {
            Value::Object(_) => {
                let code = self
                    .get(&at, "codeValue")
                    .or_else(|| self.get(&at, "credentialCategory"))
                    .or_else(|| self.get(&at, "name"));
                match code {
                    Some(c @ (Value::Object(_), _)) => self.put_code(rec, key, c),
                    c => self.put(rec, key, c),
                }
            }
            _ => self.put(rec, key, Some(at)),
        }
    }

    /// An identifier: text, or a `PropertyValue`'s `value`.
    fn put_identifier(&self, rec: &mut Record, key: &'static str, at: Option<At<'a>>) {
        if let Some(at) = at {
            match at.0 {
                Value::Object(_) => {
                    let v = self.get(&at, "value");
                    self.put(rec, key, v)
                }
                _ => self.put(rec, key, Some(at)),
            }
        }
    }

    /// A place or postal address: `address.postalCode`, `address.addressLocality`,
    /// `address.streetAddress`. An address given as text (or a `streetAddress` that holds
    /// it all, without `postalCode` and `addressLocality`) is kept as `address`, and the
    /// Dutch postcode in it (`Padualaan 97, 3584 CH Utrecht`) is the postcode, the words
    /// after it the place (noted).
    fn put_address(&self, rec: &mut Record, place: At<'a>, sink: &mut Sink) {
        let address = self.get(&place, "address").unwrap_or_else(|| place.clone());
        match address.0 {
            Value::Object(_) => {
                let pc = self.get(&address, "postalCode");
                let city = self.get(&address, "addressLocality");
                let street = self.get(&address, "streetAddress");
                if let (None, None, Some(s)) = (&pc, &city, &street) {
                    self.postcode_in_text(rec, s, sink);
                }
                self.put(rec, "postcode", pc.clone());
                self.put(rec, "place", city.clone());
                let text = |x: Option<At<'a>>| x.and_then(|(v, _)| scalar(v));
                let name = self.get(&place, "name").and_then(|(v, _)| scalar(v));
                let line = [
                    name,
                    text(street),
                    [text(pc), text(city)].into_iter().flatten().collect::<Vec<_>>().join(" ").into(),
                ]
                .into_iter()
                .flatten()
                .filter(|s| !s.trim().is_empty())
                .collect::<Vec<_>>()
                .join(", ");
                rec.put("address", line, self.loc(&address.1));
            }
            _ => {
                self.postcode_in_text(rec, &address, sink);
                self.put(rec, "address", Some(address))
            }
        }
    }

    /// The postcode (and place) in an address given as text, noted.
    fn postcode_in_text(&self, rec: &mut Record, (v, path): &At<'a>, sink: &mut Sink) {
        let Some((pc, town)) = scalar(v).as_deref().and_then(text::postcode_in) else { return };
        let at = self.loc(path);
        let what = match &town {
            Some(t) => format!("postcode {pc} and place '{t}'"),
            None => format!("postcode {pc}"),
        };
        sink.assume(at.clone(), format!("{what} taken from the address text"));
        rec.put("postcode", pc, at.clone());
        if let Some(t) = town {
            rec.put("place", t, at);
        }
    }

    /// `additionalProperty` values the kind reads; others are noted and ignored.
    fn put_extensions(&self, rec: &mut Record, at: &At<'a>, sink: &mut Sink) {
        let allowed = EXTENSIONS.iter().find(|(k, _)| *k == rec.kind).map(|(_, a)| *a).unwrap_or(&[]);
        for prop in self.all(at, "additionalProperty") {
            let name = self
                .get(&prop, "name")
                .or_else(|| self.get(&prop, "propertyID"))
                .and_then(|(v, _)| scalar(v))
                .unwrap_or_default();
            match allowed.iter().find(|k| k.eq_ignore_ascii_case(name.trim())) {
                Some(key) => {
                    for v in self.all(&prop, "value") {
                        self.put(rec, key, Some(v));
                    }
                }
                None => sink.assume(
                    self.loc(&prop.1),
                    format!("additionalProperty '{name}' ignored (read here: {})", allowed.join(", ")),
                ),
            }
        }
    }

    fn record(&self, kind: Kind, v: &'a Value, path: &str, sink: &mut Sink) -> Record {
        let at: At = (v, path.to_string());
        let mut r = Record::new(kind, self.file, self.loc(path));
        match kind {
            Kind::Vacancies => {
                self.put_identifier(&mut r, "id", self.get(&at, "identifier"));
                self.put(&mut r, "title", self.get(&at, "title").or_else(|| self.get(&at, "name")));
                self.put_name(&mut r, "employer", self.get(&at, "hiringOrganization"));
                if let Some(loc) = self.get(&at, "jobLocation") {
                    self.put_address(&mut r, loc, sink);
                }
                self.put(&mut r, "job_start_date", self.get(&at, "jobStartDate"));
                self.put(&mut r, "valid_through", self.get(&at, "validThrough"));
                for x in self.all(&at, "employmentType") {
                    self.put(&mut r, "employment_type", Some(x));
                }
                self.put(&mut r, "work_hours", self.get(&at, "workHours"));
                for x in self.all(&at, "educationRequirements") {
                    self.put_code(&mut r, "education_requirements", x);
                }
                for x in self.all(&at, "occupationalCategory") {
                    self.put_code(&mut r, "occupational_category", x);
                }
                self.put(&mut r, "url", self.get(&at, "url"));
                self.put_extensions(&mut r, &at, sink);
            }
            Kind::Programmes | Kind::Intakes => {
                self.put_identifier(&mut r, "identifier", self.get(&at, "identifier"));
                self.put(&mut r, "croho", self.get(&at, "programCode").or_else(|| self.get(&at, "courseCode")));
                self.put(&mut r, "name", self.get(&at, "name"));
                self.put(&mut r, "url", self.get(&at, "url"));
                if let Some(p) = self.get(&at, "provider") {
                    self.put_name(&mut r, "institution", Some(p.clone()));
                    if matches!(p.0, Value::Object(_)) {
                        self.put_identifier(&mut r, "institution_id", self.get(&p, "identifier"));
                        self.put(&mut r, "institution_url", self.get(&p, "url"));
                    }
                }
                let mode = self.get(&at, "educationalProgramMode").or_else(|| self.get(&at, "courseMode"));
                self.put(&mut r, "mode", mode);
                self.put(&mut r, "time_to_complete", self.get(&at, "timeToComplete"));
                if let Some(l) = self.get(&at, "location") {
                    self.put_address(&mut r, l, sink);
                }
                if let Some(offer) = self.get(&at, "offers") {
                    self.put(&mut r, "cost_eur_per_year", self.get(&offer, "price"));
                    self.put(&mut r, "price_currency", self.get(&offer, "priceCurrency"));
                }
                self.put(&mut r, "start_date", self.get(&at, "startDate"));
                self.put(&mut r, "application_deadline", self.get(&at, "applicationDeadline"));
                self.put_extensions(&mut r, &at, sink);
                for ci in self.all(&at, "hasCourseInstance") {
                    let mut c = Record::new(Kind::Intakes, self.file, self.loc(&ci.1));
                    self.put(&mut c, "start_date", self.get(&ci, "startDate"));
                    self.put(&mut c, "application_deadline", self.get(&ci, "applicationDeadline"));
                    self.put(&mut c, "mode", self.get(&ci, "courseMode"));
                    if let Some(l) = self.get(&ci, "location") {
                        self.put_address(&mut c, l, sink);
                    }
                    r.children.push(c);
                }
            }
            Kind::Activities => {
                self.put_identifier(&mut r, "id", self.get(&at, "identifier"));
                self.put(&mut r, "name", self.get(&at, "name"));
                self.put(&mut r, "start_date", self.get(&at, "startDate"));
                self.put(&mut r, "end_date", self.get(&at, "endDate"));
                self.put(&mut r, "attendance_mode", self.get(&at, "eventAttendanceMode"));
                self.put(&mut r, "event_status", self.get(&at, "eventStatus"));
                let mut link = None;
                for l in self.all(&at, "location") {
                    let virtual_ = matches!(l.0, Value::Object(o) if types(o).contains(&"VirtualLocation"));
                    if virtual_ {
                        r.put("virtual_location", "true", self.loc(&l.1));
                        link = link.or_else(|| self.get(&l, "url"));
                    } else {
                        self.put_address(&mut r, l, sink);
                    }
                }
                self.put_name(&mut r, "organizer", self.get(&at, "organizer"));
                // The event's page; else the online meeting's address (a VirtualLocation's url).
                match (self.get(&at, "url"), link) {
                    (Some(u), _) => self.put(&mut r, "url", Some(u)),
                    (None, Some(l)) if matches!(l.0, Value::String(u) if u.starts_with("https://") || u.starts_with("http://")) =>
                    {
                        sink.assume(self.loc(&l.1), "no url: the VirtualLocation's url taken as the activity's link");
                        self.put(&mut r, "url", Some(l));
                    }
                    // A meeting address that is no web address (teams:…, meet.google.com/…)
                    // would fail the activity's url check and drop it: the activity stays, without a link.
                    (None, Some(l)) => {
                        sink.assume(
                            self.loc(&l.1),
                            "no url, and the VirtualLocation's url is no http(s) address: the activity has no link",
                        );
                    }
                    (None, None) => {}
                }
                self.put(&mut r, "description", self.get(&at, "description"));
                self.put_extensions(&mut r, &at, sink);
            }
        }
        r
    }
}

/// The text of a scalar value, or of `{"@value": ...}`.
fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Object(o) => o.get("@value").and_then(scalar),
        _ => None,
    }
}
