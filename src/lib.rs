//! Routewijzer core: matches a prospective teacher's profile against Dutch
//! teacher-training routes, their intakes and regional vacancies.
//!
//! Pure and deterministic: no clock, no I/O, no DOM, no wasm. "Today" is an input
//! ([`MatchOptions::today`]). The CLI (`src/bin/routewijzer.rs`) and the wasm
//! boundary ([`wasm`], only on `wasm32`) are thin layers over [`Matcher`].
//!
//! - [`model`]: what comes in (profile, catalog, rules as data, vocabulary, dates),
//!   read and validated with errors that name the JSON path.
//! - [`engine`]: the matcher and what it is made of (rules, score, timing, pathways,
//!   what-if, geography).
//! - [`result`]: what goes out (the result type, the plain-text report).
//! - [`i18n`]: the translation store (messages and labels, nl and en).
//!
//! ```
//! use routewijzer::{Matcher, MatchOptions, Date};
//! let catalog = std::fs::read_to_string("www/data/catalog.json").unwrap();
//! let matcher = Matcher::from_json(&catalog).unwrap();
//! let result = matcher
//!     .match_json(r#"{"diplomas":[{"level":"havo"}],"sectors":["po"]}"#,
//!                 &MatchOptions::new(Date::parse("2027-01-15").unwrap()))
//!     .unwrap();
//! assert!(!result.routes.is_empty());
//! ```

pub mod engine;
pub mod i18n;
/// The importer (`routewijzer import`): native only, never in the wasm build; behind the
/// default feature `import`.
#[cfg(all(feature = "import", not(target_arch = "wasm32")))]
pub mod import;
pub mod model;
pub mod result;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use engine::matcher::{MatchOptions, Matcher};
pub use model::date::{Date, Months};
pub use model::error::{Document, InputError, Problem};
pub use model::vocab::*;
pub use model::{Catalog, Profile};
pub use result::MatchResult;
