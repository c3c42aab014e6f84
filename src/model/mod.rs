//! What comes in: a candidate's [`Profile`] and a loket's [`Catalog`] (with its rules as
//! data), the vocabulary ids, calendar dates, and reading and validating both documents
//! with errors that name the JSON path.

pub mod date;
pub mod error;
pub mod parse;
mod types;
pub mod validate;
pub mod vocab;

pub use types::*;
