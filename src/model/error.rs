//! Input errors: each problem names the JSON path and what is wrong.

use serde::Serialize;
use std::fmt;

/// One problem in an input document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Problem {
    /// JSON path such as `offerings[3].intakes[0].application_deadline`; empty for the document itself.
    pub path: String,
    pub message: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem { path: path.into(), message: message.into() }
    }
}

/// What kind of document was rejected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Document {
    Catalog,
    Profile,
    Options,
    /// A loket's overlay, laid over a catalog.
    Overlay,
}

/// All problems found in one document. Nothing from a rejected document is used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    pub document: Document,
    pub problems: Vec<Problem>,
}

impl Document {
    /// The id written in JSON: `catalog`, `profile`, `options` or `overlay`.
    pub fn id(self) -> &'static str {
        match self {
            Document::Catalog => "catalog",
            Document::Profile => "profile",
            Document::Options => "options",
            Document::Overlay => "overlay",
        }
    }
}

impl InputError {
    /// One problem, clipped and escaped like every reported problem.
    pub fn one(document: Document, path: impl Into<String>, message: impl Into<String>) -> InputError {
        InputError { document, problems: crate::model::limits::bound(vec![Problem::new(path, message)]) }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let doc = self.document.id();
        let n = self.problems.len();
        write!(f, "invalid {doc}: {n} problem{}", if n == 1 { "" } else { "s" })?;
        for p in &self.problems {
            if p.path.is_empty() {
                write!(f, "\n  {}", p.message)?;
            } else {
                write!(f, "\n  {}: {}", p.path, p.message)?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for InputError {}
