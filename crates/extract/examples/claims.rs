//! Prints the money claims and counts found in text files, one per line:
//! `cargo run -p storyline-extract --example claims -- FILE...`.
//! A development aid for tuning the claim rules on real articles.

use storyline_extract::claims::{find_claims, find_quantity_claims};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path)?;
        println!("== {path}");
        for c in find_claims(&text) {
            println!(
                "{:?} {} status={:?} subject={:?}{} holder={:?} other={:?} source={:?}{}\n    {}",
                c.kind,
                c.text,
                c.status,
                c.subject,
                if c.subject_inferred {
                    " (inferred)"
                } else {
                    ""
                },
                c.holder,
                c.counterparty,
                c.attributed_to,
                if c.historic { " historic" } else { "" },
                c.sentence
            );
        }
        for q in find_quantity_claims(&text) {
            println!(
                "{:?} {} [{}] subject={:?} source={:?}",
                q.quantity.kind, q.quantity.value, q.quantity.what, q.subject, q.attributed_to
            );
        }
    }
    Ok(())
}
