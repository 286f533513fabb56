//! Prints the entities of the given text files, pooled as one story:
//! `cargo run -p storyline-extract --example entities -- FILE... [--aliases BOOK.yaml]`.

use storyline_extract::entities::{AliasBook, find_mentions, resolve};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut book = None;
    if let Some(i) = args.iter().position(|a| a == "--aliases") {
        let path = args.get(i + 1).ok_or("--aliases needs a file")?.clone();
        book = Some(AliasBook::load(std::path::Path::new(&path))?);
        args.drain(i..i + 2);
    }
    let mut mentions = Vec::new();
    for path in &args {
        mentions.extend(find_mentions(&std::fs::read_to_string(path)?));
    }
    for entity in resolve(&mentions, book.as_ref()) {
        println!(
            "{:<28} {:<13} x{:<3} {}",
            entity.name,
            format!("{:?}", entity.kind),
            entity.mentions.len(),
            entity.aliases.join(" | ")
        );
    }
    Ok(())
}
