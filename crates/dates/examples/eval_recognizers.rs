//! Prints the Recognizers-Text evaluation: `cargo run -p storyline-dates
//! --example eval_recognizers -- [PATH] [--failures]`.

use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../../shared/data/recognizers/DateTime/English/DateTimeModel.json")
        });
    match storyline_dates::eval::eval_datetime_model(&path) {
        Ok(r) => {
            if args.iter().any(|a| a == "--failures") {
                for f in &r.failures {
                    println!("## {} | {}", f.reference, f.input);
                    for e in &f.expected {
                        println!("   want {e}");
                    }
                    for g in &f.found {
                        println!("   got  {g}");
                    }
                }
            }
            println!("total cases: {}", r.total);
            for (reason, n) in &r.excluded {
                println!("excluded ({reason}): {n}");
            }
            println!(
                "date/daterange cases: {} passed of {} ({:.1}%), {} failed",
                r.passed,
                r.scored,
                100.0 * r.pass_rate(),
                r.failed
            );
            println!(
                "negative cases: {} passed of {} ({:.1}%)",
                r.negatives_passed,
                r.negatives,
                100.0 * r.negative_pass_rate()
            );
        }
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::exit(1);
        }
    }
}
