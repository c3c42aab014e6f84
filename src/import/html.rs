//! The JSON-LD blocks of a saved HTML page (`<script type="application/ld+json">`), read
//! with an HTML5 parser; each block is read as a JSON-LD document on its own, so a
//! broken block costs only itself.

use super::{jsonld, Loc, Record, Sink};
use scraper::{Html, Selector};

pub(crate) fn read(text: &str, sink: &mut Sink, out: &mut Vec<Record>) {
    let page = Html::parse_document(text);
    let scripts = Selector::parse("script[type]").expect("a valid selector");
    let mut blocks = 0;
    for script in page.select(&scripts) {
        let kind = script.value().attr("type").unwrap_or_default();
        let media = kind.split(';').next().unwrap_or_default().trim();
        if !media.eq_ignore_ascii_case("application/ld+json") {
            continue;
        }
        blocks += 1;
        let json: String = script.text().collect();
        jsonld::read(&json, Some(blocks), sink, out);
    }
    if blocks == 0 {
        sink.problem(
            Loc::File,
            "no <script type=\"application/ld+json\"> block in the page",
            "save the page as the browser shows it (File, Save as, complete page) so its JSON-LD is in it, or fill in a CSV template from data/templates/",
        );
    }
}
