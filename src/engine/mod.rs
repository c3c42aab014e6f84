//! The matcher and what it is made of, in layers that only look down:
//!
//! - [`matcher`]: the public entry; runs the rest and builds the result.
//! - [`pathways`], [`whatif`], [`activities`]: route + intake + job combinations, the
//!   smallest change that opens a route, and the activities for the person; they take
//!   the [`index::Index`] and the evaluated offerings as arguments.
//! - [`index`]: the catalog indexed once, and one offering evaluated for one profile.
//! - [`rules`], [`score`], [`timing`], [`money`], [`geo`]: the rule engine, the score
//!   factors, intake timing, costs on a date (dated figures) and distances.
//!
//! Depends on [`crate::model`], [`crate::i18n`] and the output types of
//! [`crate::result`]; nothing here reads a clock, a file or the DOM.

pub mod activities;
pub mod geo;
pub mod index;
pub mod matcher;
pub mod money;
pub mod options;
pub mod pathways;
pub mod rules;
pub mod score;
pub mod timing;
pub mod whatif;
