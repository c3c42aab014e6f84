//! CSV files made from the templates in `data/templates/`: UTF-8 (a byte-order mark is
//! skipped), separated by commas, semicolons (as Excel writes CSV with Dutch settings)
//! or tabs, told apart by the header row; LF or CRLF line endings (lines are counted
//! from the text, see `line_at`). The header decides the kind: the template
//! whose columns it names most. A missing required column drops the file; a column no
//! template has is ignored and noted. Lists in one cell are separated by `|` (or `,`).

use super::{Kind, Loc, Record, Sink};

/// A template column: its name and whether the header must have it.
pub(crate) type Column = (&'static str, bool);

/// The columns of each template, in template order (`data/templates/*.csv`).
pub(crate) const TEMPLATES: &[(Kind, &[Column])] = &[
    (
        Kind::Vacancies,
        &[
            ("id", false),
            ("title", true),
            ("employer", true),
            ("postcode", false),
            ("place", false),
            ("sector", true),
            ("role", true),
            ("subject", false),
            ("work_hours", true),
            ("employment_type", false),
            ("job_start_date", false),
            ("valid_through", true),
            ("accepts_in_training", false),
            ("education_requirements", false),
            ("url", false),
        ],
    ),
    (
        Kind::Programmes,
        &[
            ("id", false),
            ("name", true),
            ("route_kind", true),
            ("institution", true),
            ("croho", false),
            ("postcode", false),
            ("place", false),
            ("mode", true),
            ("sectors", false),
            ("subject", false),
            ("time_to_complete", true),
            ("weekly_hours", true),
            ("cost_basis", true),
            ("cost_eur_per_year", false),
            ("paid_while_learning", false),
            ("rolling_intake", false),
            ("url", false),
        ],
    ),
    (
        Kind::Intakes,
        &[
            ("offering", false),
            ("croho", false),
            ("institution", false),
            ("mode", false),
            ("place", false),
            ("start_date", true),
            ("application_deadline", false),
            ("status", false),
        ],
    ),
    (
        Kind::Activities,
        &[
            ("id", false),
            ("name", true),
            ("activity_type", true),
            ("start_date", true),
            ("start_time", false),
            ("end_date", false),
            ("end_time", false),
            ("attendance_mode", true),
            ("postcode", false),
            ("place", false),
            ("address", false),
            ("organizer", false),
            ("route_kinds", false),
            ("sectors", false),
            ("url", false),
            ("description", false),
        ],
    ),
];

/// The separator of the header row: the most frequent of `,`, `;` and tab outside quotes.
fn separator(text: &str) -> u8 {
    let header = text.lines().find(|l| !l.trim().is_empty()).unwrap_or_default();
    let (mut quoted, mut counts) = (false, [0usize; 3]);
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], std::cmp::Reverse(i))).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

/// The line (1-based) of the record whose position the csv crate gives as `byte`.
/// Counted here from the text: the crate's `Position::line` is one too low after each
/// CRLF line ending (as Excel on Windows writes them; BurntSushi/rust-csv#395), and its
/// `Position::byte` is where the reader stood after the previous record: on the `\n` of
/// a CRLF, or at a blank line skipped before the record. Line breaks are skipped first.
fn line_at(text: &[u8], starts: &[usize], byte: u64) -> u64 {
    let mut at = usize::try_from(byte).unwrap_or(usize::MAX).min(text.len());
    while at < text.len() && matches!(text[at], b'\r' | b'\n') {
        at += 1;
    }
    starts.partition_point(|&s| s <= at) as u64
}

pub(crate) fn read(text: &str, sink: &mut Sink, out: &mut Vec<Record>) {
    let text = text.trim_start_matches('\u{feff}');
    // The byte offset where each line starts.
    let starts: Vec<usize> =
        std::iter::once(0).chain(text.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i + 1)).collect();
    let line_of = |p: Option<&csv::Position>| p.map(|p| line_at(text.as_bytes(), &starts, p.byte())).unwrap_or(0);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = reader.records();
    let header = match rows.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => {
            sink.problem(
                Loc::Line { line: 1, column: None },
                format!("the header row cannot be read: {e}"),
                "start from a template in data/templates/",
            );
            return;
        }
        None => {
            sink.problem(
                Loc::File,
                "the file is empty",
                "start from a template in data/templates/ and keep its header row",
            );
            return;
        }
    };
    let names: Vec<String> = header.iter().map(|h| h.trim().to_ascii_lowercase()).collect();
    let score = |cols: &[Column]| names.iter().filter(|n| cols.iter().any(|(c, _)| c == n)).count();
    let mut ranked: Vec<(usize, Kind, &[Column])> = TEMPLATES.iter().map(|(k, c)| (score(c), *k, *c)).collect();
    ranked.sort_by_key(|(s, _, _)| std::cmp::Reverse(*s));
    let (best, kind, columns) = ranked[0];
    if best < 2 || ranked[1].0 == best {
        sink.problem(
            Loc::Line { line: 1, column: None },
            format!("the header row ({}) is not the header of a template", names.join(", ")),
            "copy the header row of data/templates/vacancies.csv, programmes.csv, intakes.csv or activities.csv",
        );
        return;
    }
    let missing: Vec<&str> =
        columns.iter().filter(|(c, req)| *req && !names.iter().any(|n| n == c)).map(|(c, _)| *c).collect();
    if !missing.is_empty() {
        sink.problem(
            Loc::Line { line: 1, column: None },
            format!(
                "the {} header lacks the required column{} {}",
                kind.name(),
                if missing.len() == 1 { "" } else { "s" },
                missing.join(", ")
            ),
            format!(
                "add {} to the header (see data/templates/README.md); no row of this file was read",
                missing.join(", ")
            ),
        );
        for row in rows.flatten().filter(|r| r.iter().any(|c| !c.trim().is_empty())) {
            let line = line_of(row.position());
            out.push(Record::new(kind, sink.file, Loc::Line { line, column: None }).dropped());
        }
        return;
    }
    // Each header position: the template column it is, if any.
    let mut keys: Vec<Option<&'static str>> = Vec::new();
    for (i, n) in names.iter().enumerate() {
        let key = columns.iter().find(|(c, _)| c == n).map(|(c, _)| *c);
        if key.is_none() && !n.is_empty() {
            sink.assume(
                Loc::Line { line: 1, column: Some(header.get(i).unwrap_or_default().trim().to_string()) },
                format!("column '{n}' is not a column of the {} template: ignored", kind.name()),
            );
        }
        if key.is_some() && keys.contains(&key) {
            sink.problem(
                Loc::Line { line: 1, column: Some(n.clone()) },
                format!("column '{n}' appears twice"),
                "keep one of the two columns",
            );
            return;
        }
        keys.push(key);
    }
    for row in rows {
        let row = match row {
            Ok(r) => r,
            Err(e) => {
                let line = line_of(e.position());
                sink.problem(
                    Loc::Line { line, column: None },
                    format!("the row cannot be read: {e}"),
                    "check the quotes in this row",
                );
                continue;
            }
        };
        let line = line_of(row.position());
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if row.iter().skip(names.len()).any(|c| !c.trim().is_empty()) {
            sink.problem(
                Loc::Line { line, column: None },
                format!("the row has {} values, the header {} columns", row.len(), names.len()),
                "put a value that holds the separator in double quotes (\"Leerkracht groep 5, 0,6 fte\")",
            );
            out.push(Record::new(kind, sink.file, Loc::Line { line, column: None }).dropped());
            continue;
        }
        let mut rec = Record::new(kind, sink.file, Loc::Line { line, column: None });
        for (key, cell) in keys.iter().zip(row.iter()) {
            if let Some(key) = key {
                rec.put(key, cell, Loc::Line { line, column: Some(key.to_string()) });
            }
        }
        out.push(rec);
    }
}
