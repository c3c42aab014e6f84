//! The matcher and what it is made of: the rule engine, the score, intake timing,
//! pathways, what-if hints and distances. Depends on [`crate::model`], [`crate::i18n`]
//! and the output types of [`crate::result`]; nothing here reads a clock, a file or the DOM.

pub mod geo;
pub mod matcher;
pub mod pathways;
pub mod rules;
pub mod score;
pub mod timing;
pub mod whatif;
