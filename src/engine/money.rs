//! What a route costs the candidate per year, for the period they would join it: the
//! offering's own amount, or its fee figure's value on the intake's start date (a dated
//! parameter, see [`crate::model::Figure`]); nothing when the employer pays (then the
//! subsidy that pays for it is named, with its status on that date) or the route is free.

use crate::model::date::Date;
use crate::model::vocab::{CostBasis, SourceStatus};
use crate::model::{Catalog, Figure, FigureValue, Offering};

/// A yearly cost and where it comes from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cost {
    pub eur_per_year: u32,
    /// Who pays and on what basis: the offering's, or the institutional fee instead of the
    /// statutory one for this person (see [`institutional_fee_on`]).
    pub basis: CostBasis,
    /// The figure behind it (index into the catalog's `figures`) and the index of the
    /// value used: the fee, or for a route the employer pays, the subsidy that pays for it.
    pub figure: Option<(usize, usize)>,
    /// How sure the amount is: the value's own status; at least `unconfirmed` when no
    /// value covers the date and the nearest one is used.
    pub status: SourceStatus,
    /// No value of the figure covers the date: the nearest one stands in.
    pub estimated: bool,
}

/// The cost of `o` per year for an intake starting `on`; `figure_index` is the index of
/// the offering's `cost_figure` in the catalog's `figures`.
pub fn cost_on(c: &Catalog, figure_index: Option<usize>, o: &Offering, on: Date) -> Cost {
    let own = Cost {
        eur_per_year: o.cost_eur_per_year.unwrap_or(0),
        basis: o.cost_basis,
        figure: None,
        status: SourceStatus::Confirmed,
        estimated: false,
    };
    // An offering's own amount stands; without a figure there is nothing to look up.
    let (Some(fi), None) = (figure_index, o.cost_eur_per_year) else { return own };
    let figure = &c.figures[fi];
    let Some((vi, value, estimated)) = value_on(figure, on) else { return own };
    let status = match (estimated, value.status) {
        (true, SourceStatus::Confirmed) => SourceStatus::Unconfirmed,
        (_, s) => s,
    };
    // Amounts are whole euros; validation refuses negative and non-finite ones.
    let eur_per_year =
        if o.cost_basis.pays_fee() { value.value.round().clamp(0.0, f64::from(u32::MAX)) as u32 } else { 0 };
    Cost { eur_per_year, basis: o.cost_basis, figure: Some((fi, vi)), status, estimated }
}

/// The cost of a route with the statutory fee for someone who pays the institutional fee
/// instead (a second programme in onderwijs, ROUTES 4.1): the figure `figure_index` (an
/// example amount) on `on`, never shown as more certain than `unconfirmed`, since the
/// amount is the institution's own. Other routes keep `cost`.
pub fn institutional_fee_on(c: &Catalog, figure_index: usize, o: &Offering, on: Date, cost: Cost) -> Cost {
    if o.cost_basis != CostBasis::Collegegeld {
        return cost;
    }
    let Some((vi, value, estimated)) = value_on(&c.figures[figure_index], on) else { return cost };
    let status = match value.status {
        SourceStatus::Confirmed => SourceStatus::Unconfirmed,
        s => s,
    };
    Cost {
        eur_per_year: value.value.round().clamp(0.0, f64::from(u32::MAX)) as u32,
        basis: CostBasis::Instellingscollegegeld,
        figure: Some((figure_index, vi)),
        status,
        estimated,
    }
}

/// What the person earns per month while training, from the offering's `pay_figure` on
/// `on`: (figure index, value index, amount, status, estimated).
pub fn pay_on(c: &Catalog, o: &Offering, on: Date) -> Option<(usize, usize, f64, SourceStatus, bool)> {
    let fi = c.figures.iter().position(|f| Some(f.id.as_str()) == o.pay_figure.as_deref())?;
    let (vi, value, estimated) = value_on(&c.figures[fi], on)?;
    let status = match (estimated, value.status) {
        (true, SourceStatus::Confirmed) => SourceStatus::Unconfirmed,
        (_, s) => s,
    };
    Some((fi, vi, value.value, status, estimated))
}

/// The value of `figure` on `date`: the one covering it, else the latest before it carried
/// forward, else (before the first value) the first one; with whether it is an estimate.
fn value_on(figure: &Figure, date: Date) -> Option<(usize, &FigureValue, bool)> {
    let index = |v: &FigureValue| figure.values.iter().position(|x| std::ptr::eq(x, v)).unwrap_or(0);
    match figure.on(date) {
        Some(found) => Some((index(found.value), found.value, found.carried_forward)),
        None => figure.values.first().map(|v| (0, v, true)),
    }
}

/// The total over the route's duration (whole years, at least one).
pub fn total(cost: &Cost, o: &Offering) -> u32 {
    let years = u32::from(o.time_to_complete.0).div_ceil(12);
    cost.eur_per_year.saturating_mul(years.max(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::vocab::CostBasis;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn value(from: &str, until: Option<&str>, eur: f64, status: SourceStatus) -> FigureValue {
        FigureValue {
            valid_from: Some(d(from)),
            valid_until: until.map(d),
            value: eur,
            sources: vec![],
            status,
            note: None,
        }
    }

    fn fee() -> Figure {
        Figure {
            id: "collegegeld".into(),
            unit: "eur-per-year".into(),
            note: None,
            values: vec![
                value("2024-09-01", Some("2025-08-31"), 2530.0, SourceStatus::Confirmed),
                value("2025-09-01", Some("2026-08-31"), 2601.0, SourceStatus::Confirmed),
                value("2026-09-01", Some("2027-08-31"), 2650.0, SourceStatus::Unconfirmed),
            ],
        }
    }

    #[test]
    fn a_figure_has_the_value_of_the_period_and_carries_the_latest_forward() {
        let f = fee();
        let on = |date: &str| f.on(d(date)).map(|x| (x.value.value, x.carried_forward));
        assert_eq!(on("2024-08-31"), None, "before the first value");
        assert_eq!(on("2025-02-01"), Some((2530.0, false)));
        assert_eq!(on("2025-09-01"), Some((2601.0, false)));
        assert_eq!(on("2027-08-31"), Some((2650.0, false)));
        assert_eq!(on("2027-09-01"), Some((2650.0, true)), "no published value yet");
        // Without valid_until a value holds until the next one starts.
        let mut open = fee();
        open.values[0].valid_until = None;
        open.values[1].valid_from = Some(d("2025-10-01"));
        assert_eq!(open.on(d("2025-09-15")).map(|x| (x.value.value, x.carried_forward)), Some((2530.0, false)));
    }

    #[test]
    fn the_cost_is_looked_up_for_the_intake_and_says_how_sure_it_is() {
        let mut c =
            crate::model::parse::catalog_from_str(include_str!("../../tests/fixtures/sample-catalog.json")).unwrap();
        c.figures = vec![fee()];
        let mut o = c.offerings.iter().find(|o| o.cost_basis == CostBasis::Collegegeld).unwrap().clone();
        o.cost_eur_per_year = None;
        o.cost_figure = Some("collegegeld".into());
        let at = |o: &Offering, date: &str| cost_on(&c, Some(0), o, d(date));
        assert_eq!((at(&o, "2026-02-01").eur_per_year, at(&o, "2026-02-01").status), (2601, SourceStatus::Confirmed));
        assert_eq!((at(&o, "2027-02-01").eur_per_year, at(&o, "2027-02-01").status), (2650, SourceStatus::Unconfirmed));
        assert_eq!(at(&o, "2027-09-01").status, SourceStatus::Unconfirmed, "carried forward");
        assert_eq!(at(&o, "2027-09-01").figure, Some((0, 2)));
        // Before the first value: the first one, as an estimate.
        assert_eq!((at(&o, "2023-09-01").eur_per_year, at(&o, "2023-09-01").status), (2530, SourceStatus::Unconfirmed));
        // A carried value keeps a weaker status than unconfirmed.
        let mut dated = c.clone();
        dated.figures[0].values[2].status = SourceStatus::Dated;
        assert_eq!(cost_on(&dated, Some(0), &o, d("2028-09-01")).status, SourceStatus::Dated);
        // An employer-paid route costs nothing and names the figure that pays for it.
        let mut paid = o.clone();
        paid.cost_basis = CostBasis::Werkgever;
        assert_eq!((at(&paid, "2027-09-01").eur_per_year, at(&paid, "2027-09-01").figure), (0, Some((0, 2))));
        // The offering's own amount wins.
        o.cost_eur_per_year = Some(9680);
        assert_eq!((at(&o, "2027-09-01").eur_per_year, at(&o, "2027-09-01").figure), (9680, None));
    }
}
