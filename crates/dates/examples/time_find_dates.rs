//! Times `find_dates` over the files given on the command line.
use std::time::Instant;
fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let start = Instant::now();
        let mut n = 0;
        for _ in 0..10 {
            n = storyline_dates::find_dates(&text, jiff::civil::date(2020, 9, 30)).len();
        }
        println!(
            "{path}: {} bytes, {n} mentions, {:?}/call",
            text.len(),
            start.elapsed() / 10
        );
    }
}
