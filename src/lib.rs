//! Routewijzer core: matches a prospective teacher's profile against Dutch
//! teacher-training routes, their intakes and regional vacancies.
//!
//! Pure and deterministic: no clock, no I/O, no DOM, no wasm. "Today" is an input
//! ([`MatchOptions::today`]). The CLI (`src/bin/routewijzer.rs`) and the wasm
//! boundary are thin layers over [`Matcher`].
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

pub mod date;
pub mod decode;
pub mod encode;
pub mod error;
pub mod geo;
pub mod i18n;
pub mod index;
pub mod json;
pub mod matcher;
pub mod model;
pub mod parse;
pub mod pathways;
pub mod result;
pub mod rules;
pub mod score;
pub mod text;
pub mod timing;
pub mod validate;
pub mod vocab;
pub mod whatif;

#[cfg(target_arch = "wasm32")]
pub mod wasm;
#[cfg(target_arch = "wasm32")]
mod wasm_alloc;

pub use date::{Date, Months};
pub use error::{Document, InputError, Problem};
pub use matcher::{MatchOptions, Matcher};
pub use model::{Catalog, Profile};
pub use result::MatchResult;
pub use vocab::*;
