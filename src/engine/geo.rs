//! Distances between places.

/// Mean Earth radius in km.
const EARTH_KM: f64 = 6371.0;

/// Distance in km between two WGS84 points (latitude, longitude), as the crow flies.
///
/// Equirectangular approximation: within the Netherlands (< 350 km) it differs from the
/// great-circle distance by well under 0.5%, and it costs one cosine instead of the
/// haversine's five trigonometric calls, which matters against 20,000 vacancies.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let mean_lat = ((a.0 + b.0) / 2.0).to_radians();
    let x = (b.1 - a.1).to_radians() * mean_lat.cos();
    let y = (b.0 - a.0).to_radians();
    EARTH_KM * (x * x + y * y).sqrt()
}

/// A distance as shown: one decimal.
pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn haversine(a: (f64, f64), b: (f64, f64)) -> f64 {
        let (la1, la2) = (a.0.to_radians(), b.0.to_radians());
        let dla = la2 - la1;
        let dlo = (b.1 - a.1).to_radians();
        let h = (dla / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlo / 2.0).sin().powi(2);
        2.0 * EARTH_KM * h.sqrt().asin()
    }

    #[test]
    fn close_to_great_circle_across_the_country() {
        let groningen = (53.2194, 6.5665);
        let maastricht = (50.8514, 5.6910);
        let utrecht = (52.0907, 5.1214);
        for (a, b) in [(groningen, maastricht), (utrecht, maastricht), (utrecht, groningen)] {
            let (d, h) = (distance_km(a, b), haversine(a, b));
            assert!((d - h).abs() / h < 0.005, "{d} vs {h}");
        }
        // Utrecht - Amsterdam is about 35 km.
        let d = distance_km(utrecht, (52.3676, 4.9041));
        assert!((33.0..37.0).contains(&d), "{d}");
        assert_eq!(distance_km(utrecht, utrecht), 0.0);
    }
}
