//! The importer: a loket's own data in. Reads what lokets and schools already publish
//! (schema.org JSON-LD in `.json`/`.jsonld` files or in the `<script
//! type="application/ld+json">` blocks of saved HTML pages, and CSV files made from the
//! templates in `data/templates/`) and builds an [`Overlay`] of vacancies, offerings,
//! intakes and activities, checked against a base catalog's places, institutions and
//! offerings (the CLI passes the catalog the overlay will be laid over: `--catalog`,
//! else the one a loket pack serves by default; see [`Options`]).
//!
//! Native only (never in the wasm build) and still pure: the CLI reads the files and
//! passes their text with their names; "today" is an input. Every problem names the
//! file, the line (CSV) or JSON path (JSON-LD), what is wrong and a fix. A valid item
//! is kept, an invalid one is dropped whole; [`Report`] says per kind how many were
//! taken and dropped, and lists every assumption made on the way.
//!
//! - `jsonld`: JSON-LD objects (object, array, `@graph`, nested lists) to [`Record`]s.
//! - `html`: the JSON-LD blocks of a saved page.
//! - `table`: CSV (comma, semicolon or tab; BOM) to [`Record`]s; the header decides the kind.
//! - `build`: records to catalog items, with the base catalog's lookups.
//! - `places`: the national place table (gemeenten, other names, postcodes), built in.
//! - `text`: values (dates, date-times in Europe/Amsterdam, numbers, booleans, slugs).

mod build;
mod html;
mod jsonld;
mod places;
mod table;
mod text;

use crate::model::catalog::{Catalog, Contact};
use crate::model::date::Date;
use std::fmt;

pub use build::Kind;
pub use text::base_letter;

/// The columns of a kind's CSV template (`data/templates/`), in order, and whether each
/// is required.
pub fn template_columns(kind: Kind) -> &'static [(&'static str, bool)] {
    table::TEMPLATES.iter().find(|(k, _)| *k == kind).map(|(_, c)| *c).unwrap_or(&[])
}

/// One input file: its name (as the user gave it; its extension decides how it is read)
/// and its text.
pub struct Input<'a> {
    pub name: &'a str,
    pub data: &'a [u8],
}

/// What the overlay is for.
pub struct Options<'a> {
    /// The catalog the overlay will be laid over: places, postcodes, institutions and
    /// offerings are looked up in it (a postcode it lacks, in the national place table
    /// built into the importer; its gemeente must still be one of the catalog's places,
    /// or the item is dropped). Without it, places are looked up in the national table
    /// only, and programmes and intakes cannot be imported (they are matched against its
    /// offerings and route kinds): each file holding them is a problem, listed in
    /// [`Report::needs_base`].
    pub base: Option<&'a Catalog>,
    /// How problems name the base catalog: its file (default: "the base catalog").
    pub base_file: Option<String>,
    /// The base catalog is the one a loket pack serves by default (the region's shard,
    /// else the national catalog), taken because the user gave none. Vacancies and
    /// activities are checked against it as against a chosen one; programmes and intakes
    /// are not imported, as without a base ([`Report::needs_base`]): which catalog's
    /// offerings they replace is the loket's choice.
    pub base_default: bool,
    /// The arbeidsmarktregio the loket serves (default: the base catalog's region).
    pub region: Option<String>,
    /// The overlay's name (default: "Loket").
    pub name: Option<String>,
    /// The overlay's `generated` date; items that have ended before it are left out.
    pub today: Date,
    /// How to reach the loket: the overlay's `meta.contact` (checked by [`contact`]).
    pub contact: Option<Contact>,
}

impl<'a> Options<'a> {
    /// Options for an overlay of `today`, without a base catalog; set the rest by name.
    pub fn new(today: Date) -> Options<'a> {
        Options { base: None, base_file: None, base_default: false, region: None, name: None, today, contact: None }
    }
}

/// The loket's contact from the CLI's `--contact-name`, `--contact-email`,
/// `--contact-phone` and `--contact-url`, checked as the core checks a catalog's contact
/// and stricter (an https web page): `Ok(None)` when none is given, else the contact or
/// every problem, each naming its option and a fix. The name defaults to the loket's
/// (`fallback_name`, from `--name`).
pub fn contact(
    name: Option<&str>,
    email: Option<&str>,
    phone: Option<&str>,
    url: Option<&str>,
    fallback_name: Option<&str>,
) -> Result<Option<Contact>, Vec<String>> {
    let given = |x: Option<&str>| x.map(str::trim).filter(|x| !x.is_empty()).map(String::from);
    let (email, phone, url) = (given(email), given(phone), given(url));
    if name.is_none() && email.is_none() && phone.is_none() && url.is_none() {
        return Ok(None);
    }
    let mut problems = Vec::new();
    if email.is_none() && phone.is_none() && url.is_none() {
        problems.push(
            "--contact-name: give also how to reach the loket: --contact-email, --contact-phone or --contact-url"
                .to_string(),
        );
    }
    let name = given(name).or_else(|| given(fallback_name));
    if name.is_none() {
        problems.push(
            "the contact needs a name: give --contact-name (such as \"Onderwijsloket Regio Utrecht\") or --name"
                .to_string(),
        );
    }
    if let Some(u) = &url {
        let host = u.strip_prefix("https://").map(|r| r.split(['/', '?', '#']).next().unwrap_or_default());
        if !host.is_some_and(|h| h.contains('.') && !h.contains(char::is_whitespace)) {
            problems.push(format!(
                "--contact-url: '{u}' is not an https address of a web page; give the loket's page in full, such as https://www.onderwijsloket.nl/contact"
            ));
        }
    }
    let c = Contact { name: name.unwrap_or_default(), email, phone, url };
    // The core's own checks of the e-mail address and the phone number, with its words
    // (its check of the URL, http or https, is the weaker one above).
    for p in crate::model::validate::contact(&c) {
        let (option, fix) = match p.path.as_str() {
            "email" => ("--contact-email", "give one address, such as loket@example.nl"),
            "phone" => ("--contact-phone", "give 6 to 15 digits, with spaces, +, - or ( ) only"),
            _ => continue,
        };
        problems.push(format!("{option}: {}; {fix}", p.message));
    }
    if problems.is_empty() {
        Ok(Some(c))
    } else {
        Err(problems)
    }
}

/// Where in a file something is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Loc {
    /// The file as a whole.
    File,
    /// A CSV line (1-based, the header is line 1) and, where known, the column.
    Line { line: u64, column: Option<String> },
    /// A JSON path (`$.@graph[3].jobLocation`), in the n-th JSON-LD block (1-based) of
    /// an HTML page.
    Path { block: Option<usize>, path: String },
}

impl fmt::Display for Loc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Loc::File => Ok(()),
            Loc::Line { line, column: None } => write!(f, "line {line}"),
            Loc::Line { line, column: Some(c) } => write!(f, "line {line}, column {c}"),
            Loc::Path { block: None, path } => f.write_str(path),
            Loc::Path { block: Some(b), path } => write!(f, "block {b} {path}"),
        }
    }
}

/// A problem in an input file: where, what is wrong, and how to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub at: Loc,
    pub message: String,
    pub fix: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.file)?;
        if self.at != Loc::File {
            write!(f, "{}: ", self.at)?;
        }
        write!(f, "{}; fix: {}", self.message, self.fix)
    }
}

/// Something the importer took to be so without the file saying it outright (a sector
/// read from a job title, a default), or left out on purpose (an extra column).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assumption {
    pub file: String,
    pub at: Loc,
    pub text: String,
}

impl fmt::Display for Assumption {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.file)?;
        if self.at != Loc::File {
            write!(f, "{}: ", self.at)?;
        }
        f.write_str(&self.text)
    }
}

/// How many items of a kind were taken and dropped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Count {
    pub taken: usize,
    pub dropped: usize,
}

/// The outcome of an import.
#[derive(Debug)]
pub struct Report {
    pub overlay: crate::model::catalog::Overlay,
    pub problems: Vec<Problem>,
    pub assumptions: Vec<Assumption>,
    /// Per kind, in [`Kind::ALL`] order.
    pub counts: Vec<(Kind, Count)>,
    /// The files holding programmes or intakes, read without a base catalog: their
    /// items are dropped (see [`Options::base`]). The CLI makes this a usage error.
    pub needs_base: Vec<String>,
}

impl Report {
    /// Items taken, all kinds together.
    pub fn taken(&self) -> usize {
        self.counts.iter().map(|(_, c)| c.taken).sum()
    }

    /// The count of one kind.
    pub fn count(&self, kind: Kind) -> Count {
        self.counts.iter().find(|(k, _)| *k == kind).map(|(_, c)| *c).unwrap_or_default()
    }

    /// Problems, assumptions and the summary per kind, as the CLI prints them.
    pub fn text(&self) -> String {
        let mut s = String::new();
        if !self.problems.is_empty() {
            s += &format!("problems ({}):\n", self.problems.len());
            s += &listed(&self.problems);
        }
        if !self.assumptions.is_empty() {
            s += &format!("assumptions ({}):\n", self.assumptions.len());
            s += &listed(&self.assumptions);
        }
        s += "summary:\n";
        for (k, c) in &self.counts {
            s += &format!("  {:<12} {} taken, {} dropped\n", format!("{}:", k.name()), c.taken, c.dropped);
        }
        s
    }
}

/// How many problems (and assumptions) the report lists; the count says how many there are.
pub const MAX_LISTED: usize = 500;

fn listed<T: fmt::Display>(items: &[T]) -> String {
    let mut s: String = items.iter().take(MAX_LISTED).map(|x| format!("  {x}\n")).collect();
    if items.len() > MAX_LISTED {
        s += &format!("  ... and {} more\n", items.len() - MAX_LISTED);
    }
    s
}

/// Reads every input and builds the overlay. Never fails: what cannot be read is a
/// problem, and the overlay holds what was valid (possibly nothing: see [`Report::taken`]).
pub fn import(inputs: &[Input], options: &Options) -> Report {
    let mut problems = Vec::new();
    let mut assumptions = Vec::new();
    let mut records = Vec::new();
    for input in inputs {
        let ext = input.name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
        let mut sink = Sink { file: input.name, problems: &mut problems, assumptions: &mut assumptions };
        let Ok(text) = std::str::from_utf8(input.data) else {
            sink.problem(
                Loc::File,
                "the file is not UTF-8 text",
                "save it as UTF-8 (in Excel: Save as, 'CSV UTF-8 (comma delimited)')",
            );
            continue;
        };
        match ext.as_str() {
            "json" | "jsonld" => jsonld::read(text, None, &mut sink, &mut records),
            "html" | "htm" => html::read(text, &mut sink, &mut records),
            "csv" | "tsv" | "txt" => table::read(text, &mut sink, &mut records),
            _ => sink.problem(
                Loc::File,
                format!("'.{ext}' is not a kind of file the importer reads"),
                "give a .json or .jsonld (JSON-LD), .html or .htm (a saved page with JSON-LD blocks) or .csv file",
            ),
        }
    }
    let mut report = build::build(records, options, problems, assumptions);
    // File by file, in the order given; within a file by block or line, else in the order found.
    let order = |file: &str| inputs.iter().position(|i| i.name == file).unwrap_or(usize::MAX);
    let place = |at: &Loc| match at {
        Loc::File => (0, 0),
        Loc::Line { line, .. } => (0, *line),
        Loc::Path { block, .. } => (block.unwrap_or(0), 0),
    };
    report.problems.sort_by_key(|p| (order(&p.file), place(&p.at)));
    report.assumptions.sort_by_key(|a| (order(&a.file), place(&a.at)));
    report.needs_base.sort_by_key(|f| order(f));
    // Values from the files are echoed clipped, control characters escaped, as the core
    // reports its problems.
    for p in &mut report.problems {
        p.message = clean(&p.message);
        p.at = clean_loc(&p.at);
    }
    for a in &mut report.assumptions {
        a.text = clean(&a.text);
        a.at = clean_loc(&a.at);
    }
    report
}

fn clean(s: &str) -> String {
    let bounded = crate::model::limits::bound(vec![crate::model::error::Problem::new("", s)]);
    bounded.into_iter().next().map(|p| p.message).unwrap_or_default()
}

fn clean_loc(at: &Loc) -> Loc {
    match at {
        Loc::Line { line, column } => Loc::Line { line: *line, column: column.as_deref().map(clean) },
        Loc::Path { block, path } => Loc::Path { block: *block, path: clean(path) },
        Loc::File => Loc::File,
    }
}

/// Collects problems and assumptions about one file.
pub(crate) struct Sink<'a> {
    pub file: &'a str,
    pub problems: &'a mut Vec<Problem>,
    pub assumptions: &'a mut Vec<Assumption>,
}

impl Sink<'_> {
    pub fn problem(&mut self, at: Loc, message: impl Into<String>, fix: impl Into<String>) {
        self.problems.push(Problem { file: self.file.to_string(), at, message: message.into(), fix: fix.into() });
    }

    pub fn assume(&mut self, at: Loc, text: impl Into<String>) {
        self.assumptions.push(Assumption { file: self.file.to_string(), at, text: text.into() });
    }
}

/// One value of an item, under the importer's own field name (the CSV column name),
/// with where it was found.
#[derive(Clone, Debug)]
pub(crate) struct Field {
    pub key: &'static str,
    pub value: String,
    pub at: Loc,
}

/// One item found in a file, before it is checked: a vacancy, programme, intake or
/// activity, with its fields (a field may repeat: a list) and, for a programme, its
/// course instances.
#[derive(Clone, Debug)]
pub(crate) struct Record {
    pub kind: Kind,
    pub file: String,
    pub at: Loc,
    pub fields: Vec<Field>,
    pub children: Vec<Record>,
    /// Already found broken where it was read (the problem is reported): only counted.
    pub broken: bool,
}

impl Record {
    pub fn new(kind: Kind, file: &str, at: Loc) -> Record {
        Record { kind, file: file.to_string(), at, fields: Vec::new(), children: Vec::new(), broken: false }
    }

    pub fn dropped(mut self) -> Record {
        self.broken = true;
        self
    }

    pub fn put(&mut self, key: &'static str, value: impl Into<String>, at: Loc) {
        let value = value.into();
        let value = value.trim();
        if !value.is_empty() {
            self.fields.push(Field { key, value: value.to_string(), at });
        }
    }

    pub fn get(&self, key: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    pub fn all<'s>(&'s self, key: &'s str) -> impl Iterator<Item = &'s Field> + 's {
        self.fields.iter().filter(move |f| f.key == key)
    }
}

#[cfg(test)]
mod tests {
    use super::contact;

    #[test]
    fn a_contact_is_checked_and_named_by_its_option() {
        assert_eq!(contact(None, None, None, None, Some("Loket")), Ok(None));
        let c = contact(None, Some("loket@example.nl"), None, None, Some("Loket Utrecht")).unwrap().unwrap();
        assert_eq!(
            (c.name.as_str(), c.email.as_deref(), c.phone, c.url),
            ("Loket Utrecht", Some("loket@example.nl"), None, None)
        );
        let c =
            contact(Some("Team"), None, Some(" 030 123 4567 "), Some("https://example.nl/x"), None).unwrap().unwrap();
        assert_eq!((c.phone.as_deref(), c.url.as_deref()), (Some("030 123 4567"), Some("https://example.nl/x")));
        let bad = contact(None, Some("no-at-sign"), Some("12"), Some("https://"), None).unwrap_err();
        assert_eq!(bad.len(), 4, "{bad:#?}");
        assert!(bad[0].starts_with("the contact needs a name: give --contact-name"), "{bad:#?}");
        assert!(bad.iter().any(|p| p.starts_with("--contact-url: 'https://' is not an https address")));
        assert!(bad.iter().any(|p| p.starts_with("--contact-email: 'no-at-sign' is not an e-mail address")));
        assert!(bad.iter().any(|p| p.starts_with("--contact-phone: '12' is not a phone number")));
        assert_eq!(contact(Some("Loket"), None, None, None, None).unwrap_err().len(), 1, "a name alone reaches no one");
    }
}
