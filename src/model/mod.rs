//! What comes in: a candidate's [`Profile`] and a loket's [`Catalog`] (with its rules as
//! data), the vocabulary ids, calendar dates, and reading and validating both documents
//! with errors that name the JSON path.

pub mod catalog;
pub mod date;
pub mod error;
pub mod limits;
pub mod overlay;
pub mod parse;
pub mod profile;
pub mod rule;
pub mod validate;
pub mod vocab;

pub use catalog::*;
pub use profile::*;
pub use rule::*;
