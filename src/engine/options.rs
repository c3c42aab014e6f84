//! How to match: the date, language and list lengths a caller chooses.

use crate::model::date::Date;
use crate::model::vocab::Lang;

/// How to match.
#[derive(Clone, Debug, PartialEq)]
pub struct MatchOptions {
    /// The date the computation is for. Never read from a clock.
    pub today: Date,
    pub lang: Lang,
    /// Return at most this many routes (all are scored and ranked regardless).
    pub limit: Option<usize>,
    /// At most this many pathways.
    pub max_pathways: usize,
    /// At most this many what-if hints.
    pub max_what_if: usize,
    /// After the first `limit` routes, go on listing ineligible ones (in rank order)
    /// until this many ineligible routes are listed in all, so a short list still shows
    /// what is closed and why.
    pub closed_limit: Option<usize>,
}

impl MatchOptions {
    pub fn new(today: Date) -> MatchOptions {
        MatchOptions { today, lang: Lang::Nl, limit: None, max_pathways: 10, max_what_if: 6, closed_limit: None }
    }
}
