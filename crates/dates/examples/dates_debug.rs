//! Prints the mentions found in a sentence: `cargo run -p storyline-dates
//! --example dates_debug -- 2016-11-07 "The range is 2014-2018."`.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(date), Some(text)) = (args.first(), args.get(1)) else {
        eprintln!("usage: dates_debug YYYY-MM-DD TEXT");
        std::process::exit(2);
    };
    let Ok(reference) = date.parse::<jiff::civil::Date>() else {
        eprintln!("bad date {date}");
        std::process::exit(2);
    };
    for m in storyline_dates::find_dates(text, reference) {
        println!("{:?} {:?} {:?}", m.span, m.text, m.resolved);
    }
}
