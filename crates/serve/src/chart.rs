//! Figure series as small SVG charts, rendered on the server: value over
//! time, one mark per report, colored by the claim's status, each mark
//! titled with its source (the browser shows it on hover). No JavaScript,
//! no fonts to load; every text written is escaped here.

use jiff::civil::Date;
use std::fmt::Write;

/// One report of a figure.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartPoint {
    /// When it was reported.
    pub date: Date,
    /// The figure (e.g. millions of pounds).
    pub value: f64,
    /// The claim's status (`offer`, `rejected`, `asking`, …): picks the color.
    pub status: String,
    /// Who reported it.
    pub source: String,
}

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 220.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 36.0;

/// Colors with at least 4.5:1 contrast on white, one per status.
const PALETTE: &[&str] = &[
    "#1f5fa8", "#b3261e", "#1e7b34", "#7a4a00", "#6b3fa0", "#00626b",
];

/// The color of a status: the same status always gets the same color.
pub fn status_color(status: &str) -> &'static str {
    let sum: usize = status.bytes().map(usize::from).sum();
    PALETTE[sum % PALETTE.len()]
}

/// The entity for a character that is special in HTML and XML text or
/// attribute values.
pub fn entity(c: char) -> Option<&'static str> {
    match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '"' => Some("&quot;"),
        '\'' => Some("&#39;"),
        _ => None,
    }
}

/// Escapes text for SVG/XML content and attribute values.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match entity(c) {
            Some(e) => out.push_str(e),
            None if c.is_control() && c != '\n' && c != '\t' => {}
            None => out.push(c),
        }
    }
    out
}

/// A compact label that fits the axis margin: `18m`, `130k`, `3.25bn`.
fn format_value(value: f64) -> String {
    let (scaled, suffix) = match value.abs() {
        v if v >= 1e9 => (value / 1e9, "bn"),
        v if v >= 1e6 => (value / 1e6, "m"),
        v if v >= 1e4 => (value / 1e3, "k"),
        _ => (value, ""),
    };
    let number = format!("{scaled:.2}");
    let number = number.trim_end_matches('0').trim_end_matches('.');
    format!("{number}{suffix}")
}

/// Renders `points` (any order) as an accessible SVG line chart titled
/// `title`. With no points it renders an empty frame saying so.
pub fn figure_series_svg(title: &str, points: &[ChartPoint]) -> String {
    let mut points: Vec<&ChartPoint> = points.iter().filter(|p| p.value.is_finite()).collect();
    points.sort_by_key(|p| p.date);
    let title = escape_xml(title);
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{title}"><title>{title}</title>"#
    );
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        let _ = write!(
            svg,
            r##"<text x="{}" y="{}" text-anchor="middle" fill="#333">no figures reported</text></svg>"##,
            WIDTH / 2.0,
            HEIGHT / 2.0
        );
        return svg;
    };
    let min_value = points
        .iter()
        .map(|p| p.value)
        .fold(f64::INFINITY, f64::min)
        .min(0.0);
    let max_value = points
        .iter()
        .map(|p| p.value)
        .fold(f64::NEG_INFINITY, f64::max);
    let span_value = if max_value > min_value {
        max_value - min_value
    } else {
        1.0
    };
    let days = |d: Date| (d - first.date.min(d)).get_days() as f64;
    let span_days = (last.date - first.date).get_days().max(1) as f64;
    let x = |d: Date| LEFT + days(d) / span_days * (WIDTH - LEFT - RIGHT);
    let y = |v: f64| TOP + (1.0 - (v - min_value) / span_value) * (HEIGHT - TOP - BOTTOM);
    // Axes and their labels.
    let _ = write!(
        svg,
        r##"<g stroke="#555" stroke-width="1"><line x1="{LEFT}" y1="{b}" x2="{r}" y2="{b}"/><line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{b}"/></g>"##,
        b = HEIGHT - BOTTOM,
        r = WIDTH - RIGHT
    );
    let _ = write!(
        svg,
        r##"<g fill="#333" font-size="12"><text x="{lx}" y="{ty}" text-anchor="end">{max}</text><text x="{lx}" y="{by}" text-anchor="end">{min}</text><text x="{LEFT}" y="{dy}">{d0}</text><text x="{r}" y="{dy}" text-anchor="end">{d1}</text></g>"##,
        lx = LEFT - 6.0,
        ty = TOP + 4.0,
        by = HEIGHT - BOTTOM,
        dy = HEIGHT - BOTTOM + 18.0,
        r = WIDTH - RIGHT,
        max = format_value(max_value),
        min = format_value(min_value),
        d0 = first.date,
        d1 = last.date,
    );
    let path: Vec<String> = points
        .iter()
        .map(|p| format!("{:.1},{:.1}", x(p.date), y(p.value)))
        .collect();
    let _ = write!(
        svg,
        r##"<polyline fill="none" stroke="#888" stroke-width="1.5" points="{}"/>"##,
        path.join(" ")
    );
    for p in &points {
        let _ = write!(
            svg,
            r#"<circle cx="{:.1}" cy="{:.1}" r="5" fill="{}"><title>{}: {} ({}), {}</title></circle>"#,
            x(p.date),
            y(p.value),
            status_color(&p.status),
            p.date,
            format_value(p.value),
            escape_xml(&p.status),
            escape_xml(&p.source),
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(day: &str, value: f64, status: &str, source: &str) -> ChartPoint {
        ChartPoint {
            date: day.parse().unwrap(),
            value,
            status: status.into(),
            source: source.into(),
        }
    }

    #[test]
    fn one_mark_per_report_titled_with_its_source() {
        let svg = figure_series_svg(
            "Roma's offer (£m)",
            &[
                point("2020-09-30", 13.5, "offer", "Corriere dello Sport"),
                point("2020-09-23", 11.0, "rejected", "the Guardian"),
            ],
        );
        assert_eq!(svg.matches("<circle").count(), 2);
        assert!(svg.contains("<title>2020-09-23: 11 (rejected), the Guardian</title>"));
        assert!(svg.contains("role=\"img\""));
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
    }

    #[test]
    fn text_is_escaped() {
        let svg = figure_series_svg(
            "<script>alert(1)</script>",
            &[point(
                "2020-09-30",
                1.0,
                "\"><script>",
                "<img src=x onerror=alert(1)>",
            )],
        );
        assert!(!svg.contains("<script"));
        assert!(!svg.contains("<img"));
    }

    #[test]
    fn empty_series_says_so() {
        let svg = figure_series_svg("None", &[]);
        assert!(svg.contains("no figures reported"));
    }

    #[test]
    fn same_status_same_color() {
        assert_eq!(status_color("offer"), status_color("offer"));
    }
}
