//! Scale words of languages other than English, so that figures in foreign
//! news pages read as they do in English ones: `110 milljónir`, `95 millioner`,
//! `740 miljoner`, `90 miljoen`, `150 milioni`, `75 milhões`, `85,5 millones`,
//! `12 Millionen`, `80 Mio.`, `40 milijuna`, `90 миллионов`, `90 миллионное` (an adjective: a 90-million
//! offer), `35 हजार`.
//!
//! Only words that are not also English words after a figure are listed: the
//! Spanish and Portuguese `mil` (a thousand, but `2 mil` is two million in
//! newsroom English), the Italian `mila` (a name) and the French `Md` (a doctor)
//! are left out.

/// The value of a scale word of another language, given in lower case.
pub(crate) fn foreign_scale(w: &str) -> Option<f64> {
    let v = match w {
        // Thousands: Slovenian/Croatian, Norwegian/Danish/Swedish, Dutch,
        // German, Russian, Hindi.
        "tisoč" | "tisuća" | "tisuće" | "tusen" | "duizend" | "tausend" | "тысяча" | "тысячи"
        | "тысяч" | "тыс" | "हजार" | "हज़ार" => 1e3,
        // Hundred thousands and ten millions (Hindi).
        "लाख" => 1e5,
        "करोड़" | "करोड" => 1e7,
        // Millions.
        "milljón" | "milljónir" | "milljóna" | "milljónum" // Icelandic
        | "millioner" | "millionen" | "millionene" // Norwegian, Danish, German
        | "miljon" | "miljoner" | "miljonen" // Swedish
        | "miljoen" | "miljoenen" // Dutch
        | "milione" | "milioni" // Italian, Swahili
        | "millón" | "millones" // Spanish
        | "milhão" | "milhões" | "milhao" | "milhoes" // Portuguese
        | "milijun" | "milijuna" | "milijuni" // Croatian
        | "milijon" | "milijona" | "milijonov" | "milijone" // Slovenian
        | "milion" | "miliony" | "milionów" | "milionu" | "milionů" // Polish, Czech
        | "milyon" | "milyong" // Turkish, Tagalog
        | "миллион" | "миллиона" | "миллионов" | "млн" // Russian
        // Russian adjectives of a figure: "90 миллионное предложение" (a
        // 90-million offer).
        | "миллионный" | "миллионное" | "миллионная" | "миллионного" | "миллионной"
        | "миллионную" | "миллионным" | "миллионном"
        | "mio" | "mln" => 1e6,
        // Billions (thousand millions).
        "milljarður" | "milljarða" | "milljörðum" // Icelandic
        | "milliard" | "milliarder" | "milliards" | "milliarde" | "milliarden" // no, da, fr, de
        | "miljard" | "miljarder" | "miljarden" // Swedish, Dutch
        | "miliardo" | "miliardi" // Italian
        | "bilhão" | "bilhões" // Brazilian Portuguese
        | "milijarda" | "milijarde" | "milijardi" | "milijard" // Croatian, Slovenian
        | "miliard" | "miliardy" | "miliardów" // Polish, Czech
        | "milyar" | "bilyon" // Turkish, Tagalog
        | "миллиард" | "миллиарда" | "миллиардов" | "млрд" // Russian
        | "миллиардный" | "миллиардное" | "миллиардная" | "миллиардного" | "миллиардной"
        | "миллиардную" | "миллиардным" | "миллиардном"
        | "अरब" // Hindi
        | "mrd" | "mld" => 1e9,
        _ => return None,
    };
    Some(v)
}

/// True for the abbreviations of [`foreign_scale`] that take a full stop:
/// `80 Mio. €`, `2 Mrd. Euro`, `90 млн. евро`.
pub(crate) fn is_abbreviated_scale(w: &str) -> bool {
    matches!(w, "mio" | "mrd" | "mln" | "mld" | "млн" | "млрд" | "тыс")
}
