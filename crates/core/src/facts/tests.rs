//! Unit tests of story claims on small hand-written articles.

use super::*;
use crate::store::conformance::sample_article;

fn article(n: u32, title: &str, body: &str) -> Article {
    let mut a = sample_article(n, title, body);
    a.lead = None;
    a
}

#[test]
fn conversions_and_parts_are_linked_to_one_offer() {
    let a = article(
        1,
        "Roma make £13.5m offer for Chris Smalling",
        "According to Corriere dello Sport, Roma's offer of £10.9m (€12m) plus £2.7m (€3m) in add-ons is being considered.",
    );
    let claims = article_claims(&a);
    let by_text = |t: &str| claims.iter().find(|c| c.text == t).unwrap();
    let total = by_text("£13.5m");
    assert_eq!(total.kind, "offer");
    assert_eq!(total.amount.as_ref().unwrap().value, 13_500_000.0);
    assert_eq!(total.attributed_to.as_deref(), Some("Corriere dello Sport"));
    assert!(total.inferred.contains(&"attributed_to".to_string()));
    assert_eq!(
        by_text("£10.9m").part_of.as_deref(),
        Some(total.id.as_str())
    );
    assert_eq!(by_text("£2.7m").part_of.as_deref(), Some(total.id.as_str()));
    assert_eq!(by_text("£2.7m").kind, "add_ons");
    assert_eq!(
        by_text("€12m").same_as.as_deref(),
        Some(by_text("£10.9m").id.as_str())
    );
}

#[test]
fn ranges_set_min_and_max_and_value_is_the_upper_bound() {
    let a = article(
        2,
        "Valuation",
        "Smalling is valued at around £15-£20million by Roma.",
    );
    let claim = &article_claims(&a)[0];
    let amount = claim.amount.as_ref().unwrap();
    assert_eq!((amount.min, amount.max, amount.value), (15e6, 20e6, 20e6));
    assert_eq!(amount.display(), "£15m–£20m");
}

#[test]
fn story_resolves_names_and_infers_the_bidder() {
    let first = article(
        1,
        "Roma bid for Chris Smalling",
        "AS Roma have made a bid of £18m for Manchester United defender Chris Smalling.",
    );
    let second = article(
        2,
        "Bid rejected",
        "Chris Smalling is wanted in Italy. The Italian giants submitted an offer of £11m but it was rejected by Manchester United. United are holding out for £20m.",
    );
    let claims = story_claims(&[first, second], None);
    let eleven = claims.iter().find(|c| c.text == "£11m").unwrap();
    assert_eq!(eleven.holder.as_deref(), Some("AS Roma"));
    assert!(eleven.inferred.contains(&"holder".to_string()));
    assert_eq!(eleven.counterparty.as_deref(), Some("Manchester United"));
    assert_eq!(eleven.subject.as_deref(), Some("Chris Smalling"));
    let twenty = claims.iter().find(|c| c.text == "£20m").unwrap();
    assert_eq!(twenty.kind, "asking_price");
    assert_eq!(twenty.holder.as_deref(), Some("Manchester United"));
}

#[test]
fn a_persons_bid_for_a_company_stays_the_persons() {
    let bid = article(
        1,
        "Holloway bids for Northwind",
        "Investors said on Friday that Jane Holloway has offered to buy Northwind Inc for $9 billion. Northwind Inc said it would study the offer.",
    );
    let claims = story_claims(&[bid], None);
    let offer = claims.iter().find(|c| c.text == "$9 billion").unwrap();
    assert_eq!(offer.kind, "offer");
    assert_eq!(offer.holder.as_deref(), Some("Jane Holloway"));
    assert_eq!(offer.subject.as_deref(), Some("Northwind"));
}

#[test]
fn a_figure_naming_only_the_bidder_joins_the_takeover() {
    let bid = article(
        1,
        "Holloway bids for Northwind",
        "Jane Holloway has offered to buy Northwind Inc for $9 billion.",
    );
    let terms = article(
        2,
        "The terms",
        "Analysts were surprised. Jane Holloway has offered to pay $12.50 per share in cash.",
    );
    let claims = story_claims(&[bid, terms], None);
    let per_share = claims.iter().find(|c| c.text == "$12.50").unwrap();
    assert_eq!(per_share.kind, "offer");
    assert_eq!(per_share.holder.as_deref(), Some("Jane Holloway"));
    assert_eq!(per_share.subject.as_deref(), Some("Northwind"));
    assert!(per_share.inferred.contains(&"subject".to_string()));
}

#[test]
fn a_players_figures_are_not_turned_into_a_takeover() {
    let bid = article(
        1,
        "Roma bid",
        "AS Roma have made a bid of £18m for Manchester United defender Chris Smalling.",
    );
    let claims = story_claims(&[bid], None);
    let offer = claims.iter().find(|c| c.text == "£18m").unwrap();
    assert_eq!(offer.holder.as_deref(), Some("AS Roma"));
    assert_eq!(offer.subject.as_deref(), Some("Chris Smalling"));
}

#[test]
fn counts_keep_their_scope_and_subject() {
    let a = article(
        3,
        "Loan",
        "Chris Smalling impressed. He made 37 league appearances and scored three goals.",
    );
    let claims = article_claims(&a);
    let count = claims.iter().find(|c| c.kind == "count").unwrap();
    let q = count.quantity.as_ref().unwrap();
    assert_eq!(
        (q.value, q.unit.as_str(), q.scope().as_str()),
        (37.0, "appearances", "league")
    );
    assert_eq!(count.subject.as_deref(), Some("Chris Smalling"));
}

/// What a sentence reports "according to" tells the counts; it is neither
/// their subject nor, carried, the subject of the next sentence's counts.
#[test]
fn an_outlet_reported_according_to_is_not_what_is_counted() {
    let a = article(
        3,
        "Toll",
        "According to a report in India Today, at least 5,000 bodies were buried in Maras. The confirmed death toll rose to 35,224 on Monday.",
    );
    let claims = article_claims(&a);
    let toll = claims
        .iter()
        .find(|c| c.quantity.as_ref().is_some_and(|q| q.value == 35224.0))
        .unwrap();
    assert_eq!(toll.subject, None);
    assert!(
        claims
            .iter()
            .all(|c| c.subject.as_deref() != Some("India Today"))
    );
}

#[test]
fn duplicates_add_no_claims() {
    let original = article(
        1,
        "Roma bid",
        "Roma have made a bid of £18m for Chris Smalling.",
    );
    let mut copy = original.clone();
    copy.id = ArticleId("copy".into());
    copy.duplicate_of = Some(original.id.clone());
    assert_eq!(story_claims(&[original, copy], None).len(), 1);
}

#[test]
fn a_figure_that_add_ons_help_reach_another_is_its_part() {
    let a = article(
        5,
        "Bid rejected",
        "The guaranteed sum in the offer was just £82m, with add-ons helping Barcelona reach the £114m figure.",
    );
    let claims = article_claims(&a);
    let by_text = |t: &str| claims.iter().find(|c| c.text == t).unwrap();
    assert_eq!(
        by_text("£82m").part_of.as_deref(),
        Some(by_text("£114m").id.as_str())
    );
    assert_eq!(by_text("£114m").part_of, None);
    // The total the add-ons reach is the bid itself, charted as the bid.
    assert_eq!(by_text("£114m").kind, by_text("£82m").kind);
    assert_eq!(by_text("£114m").kind, "offer");
}

#[test]
fn a_figure_that_rises_to_another_is_its_part() {
    let a = article(
        4,
        "Bid rejected",
        "The offer was for an initial £73m, rising to up to £91.3m, which fell short of Dortmund's £108m valuation.",
    );
    let claims = article_claims(&a);
    let by_text = |t: &str| claims.iter().find(|c| c.text == t).unwrap();
    assert_eq!(
        by_text("£73m").part_of.as_deref(),
        Some(by_text("£91.3m").id.as_str())
    );
    assert_eq!(by_text("£91.3m").part_of, None);
    assert_eq!(by_text("£108m").part_of, None);
}

#[test]
fn an_instalment_is_a_part_of_the_fee() {
    let a = article(
        5,
        "Haaland signs",
        "Manchester City have completed the signing of Erling Haaland for £51 million. City will pay the fee in instalments, the first of which is worth between £30 million and £34 million.",
    );
    let claims = article_claims(&a);
    let fee = claims.iter().find(|c| c.text == "£51 million").unwrap();
    for part in ["£30 million", "£34 million"] {
        let claim = claims.iter().find(|c| c.text == part).unwrap();
        assert_eq!(claim.part_of.as_deref(), Some(fee.id.as_str()), "{part}");
    }
}

#[test]
fn a_payment_up_front_is_a_part_of_the_fee() {
    let a = article(
        6,
        "Coutinho signs",
        "FC Barcelona have signed Philippe Coutinho for £142m. Rovers are expected to receive around £106m up front, with the rest in add-ons.",
    );
    let claims = article_claims(&a);
    let fee = claims.iter().find(|c| c.text == "£142m").unwrap();
    let front = claims.iter().find(|c| c.text == "£106m").unwrap();
    assert_eq!(front.part_of.as_deref(), Some(fee.id.as_str()));
}

#[test]
fn an_offer_paid_up_front_is_a_part_of_the_bid_and_its_bidder_s() {
    let a = article(
        6,
        "Rovers turn down bid",
        "Rovers have rejected an offer from Everton. Everton's second bid was worth £40m in total for John Smith, with £32m offered up front.",
    );
    let claims = article_claims(&a);
    let bid = claims.iter().find(|c| c.text == "£40m").unwrap();
    let front = claims.iter().find(|c| c.text == "£32m").unwrap();
    assert_eq!(bid.holder.as_deref(), Some("Everton"));
    assert_eq!(front.part_of.as_deref(), Some(bid.id.as_str()));
    assert_eq!(front.holder.as_deref(), Some("Everton"));
}

#[test]
fn parts_written_after_their_total_in_one_sentence_are_its_parts() {
    let a = article(
        7,
        "Bid",
        "Arsenal made a record £90m offer for the midfielder, which reportedly totalled £75m guaranteed plus an additional £15m in add-ons.",
    );
    let claims = article_claims(&a);
    let total = claims.iter().find(|c| c.text == "£90m").unwrap();
    for part in ["£75m", "£15m"] {
        let claim = claims.iter().find(|c| c.text == part).unwrap();
        assert_eq!(claim.part_of.as_deref(), Some(total.id.as_str()), "{part}");
    }
    assert_eq!(total.part_of, None);
}

#[test]
fn a_person_carried_from_a_byline_is_not_the_subject_of_a_figure() {
    let first = article(
        1,
        "Rovers bid for John Smith",
        "United have made a bid of £18m for Rovers winger John Smith.",
    );
    let second = article(
        2,
        "Deal agreed",
        "Sign up to Peter Jones's newsletter for free. United have confirmed an agreement worth up to £20m with Rovers.",
    );
    let claims = story_claims(&[first, second], None);
    let twenty = claims.iter().find(|c| c.text == "£20m").unwrap();
    assert_eq!(twenty.subject.as_deref(), Some("John Smith"));
    assert!(twenty.inferred.contains(&"subject".to_string()));
}

#[test]
fn a_person_named_by_surname_keeps_the_figure() {
    let first = article(
        1,
        "Rovers bid for John Smith",
        "United have made a bid of £18m for Rovers winger John Smith. United have made a bid of £19m for Rovers winger John Smith.",
    );
    let second = article(
        2,
        "A record",
        "It beats the record of Peter Jones. Rovers sold Jones to City for £15m.",
    );
    let claims = story_claims(&[first, second], None);
    let fifteen = claims.iter().find(|c| c.text == "£15m").unwrap();
    assert_eq!(fifteen.subject.as_deref(), Some("Peter Jones"));
}

#[test]
fn a_figure_that_refers_back_to_a_person_keeps_the_person() {
    let first = article(
        1,
        "Rovers bid for John Smith",
        "United have made a bid of £18m for Rovers winger John Smith. United have made a bid of £19m for Rovers winger John Smith.",
    );
    let second = article(
        2,
        "Another target",
        "City star Peter Jones is also wanted. The youngster has a £38m release clause in his new deal.",
    );
    let claims = story_claims(&[first, second], None);
    let clause = claims.iter().find(|c| c.text == "£38m").unwrap();
    assert_eq!(clause.subject.as_deref(), Some("Peter Jones"));
}

#[test]
fn wages_and_clauses_without_a_club_go_to_the_side_that_pays_or_sells() {
    let first = article(
        1,
        "Roma bid for Chris Smalling",
        "AS Roma have made a bid of £18m for Manchester United defender Chris Smalling. United are holding out for £20m.",
    );
    let second = article(
        2,
        "Terms",
        "Chris Smalling is set to sign a long-term contract worth £100,000 per week. His old contract had a release clause, and a club would have to pay £25m to trigger it.",
    );
    let claims = story_claims(&[first, second], None);
    let wage = claims.iter().find(|c| c.kind == "wage").unwrap();
    assert_eq!(wage.holder.as_deref(), Some("AS Roma"));
    assert!(wage.inferred.contains(&"holder".to_string()));
    let third = article(
        3,
        "Old deal",
        "Chris Smalling still has two years left on his £90,000-a-week deal.",
    );
    let claims_now = story_claims(
        &[
            article(
                1,
                "Roma bid",
                "AS Roma have made a bid of £18m for Manchester United defender Chris Smalling. United are holding out for £20m.",
            ),
            third,
        ],
        None,
    );
    let old_wage = claims_now.iter().find(|c| c.kind == "wage").unwrap();
    assert_eq!(old_wage.holder.as_deref(), Some("Manchester United"));
    let clause = claims.iter().find(|c| c.text == "£25m").unwrap();
    assert_eq!(clause.kind, "release_clause");
    assert_eq!(clause.holder.as_deref(), Some("Manchester United"));
}

#[test]
fn the_clause_of_the_new_contract_is_the_buying_clubs() {
    let first = article(
        1,
        "Roma bid for Chris Smalling",
        "AS Roma have made a bid of £18m for Manchester United defender Chris Smalling. United are holding out for £20m.",
    );
    let second = article(
        2,
        "Signed",
        "Chris Smalling has agreed a three-year contract with a buyout clause at £60m.",
    );
    let claims = story_claims(&[first, second], None);
    let clause = claims.iter().find(|c| c.text == "£60m").unwrap();
    assert_eq!(clause.kind, "release_clause");
    assert_eq!(clause.holder.as_deref(), Some("AS Roma"));
}

#[test]
fn a_clause_that_names_no_club_is_the_club_others_name() {
    let first = article(
        1,
        "Clause",
        "Leeds United have set a £60m release clause in the contract of Jack Harrison.",
    );
    let second = article(
        2,
        "Clause",
        "Jack Harrison's contract has a release clause of £60m.",
    );
    let claims = story_claims(&[first, second], None);
    let clauses: Vec<_> = claims
        .iter()
        .filter(|c| c.kind == "release_clause")
        .collect();
    assert_eq!(clauses.len(), 2, "{claims:#?}");
    for clause in clauses {
        assert_eq!(
            clause.holder.as_deref(),
            Some("Leeds United"),
            "{clause:#?}"
        );
    }
}

#[test]
fn a_market_value_is_no_sides_valuation() {
    let first = article(
        1,
        "Roma value Smalling",
        "AS Roma value Chris Smalling at £20m. His market value is £15m on the data sites.",
    );
    let claims = story_claims(&[first], None);
    let market = claims.iter().find(|c| c.text == "£15m").unwrap();
    assert_eq!(market.kind, "valuation");
    assert_eq!(market.holder, None);
}

#[test]
fn a_title_that_is_the_texts_first_sentence_reports_its_figure_once() {
    let sentence = "Liverpool have rejected a new and improved bid for Philippe Coutinho from Barcelona, understood to be worth £114million.";
    let a = article(
        3,
        sentence,
        &format!("{sentence} It is the third bid made by the club."),
    );
    let offers: Vec<_> = article_claims(&a)
        .into_iter()
        .filter(|c| c.text == "£114million")
        .collect();
    assert_eq!(offers.len(), 1, "{offers:?}");
    assert!(offers[0].span[0] > sentence.chars().count());
    let headline = article(4, "Liverpool reject £114m Coutinho bid", sentence);
    assert_eq!(
        article_claims(&headline).len(),
        2,
        "a real headline keeps its own figure"
    );
}

#[test]
fn a_quoted_statement_does_not_vouch_for_the_articles_other_figures() {
    let statement = article(
        5,
        "Barcelona sign Dembele",
        "Barcelona have signed Ousmane Dembele for an initial £96.8m. In a statement, Dortmund said the add-ons were agreed. The deal is eclipsed only by Neymar's £200m move.",
    );
    let claims = article_claims(&statement);
    let first = claims.iter().find(|c| c.text == "£96.8m").unwrap();
    assert_eq!(first.attributed_to, None, "{claims:?}");
    let report = article(
        6,
        "Roma bid",
        "Roma are preparing a bid, according to the Guardian. They offered £11m earlier in the summer.",
    );
    let claims = article_claims(&report);
    let offer = claims.iter().find(|c| c.text == "£11m").unwrap();
    assert_eq!(offer.attributed_to.as_deref(), Some("the Guardian"));
}

#[test]
fn a_club_named_only_in_another_players_clause_is_no_inferred_holder() {
    let a = article(
        30,
        "Rhys Dunmore completes £38m move",
        "Northfield Athletic winger Rhys Dunmore was signed for 45 million euros, the second \
         highest fee for a winger behind Tom Ashby, who was signed for £40m by Westfield \
         Rovers in 2018.",
    );
    let claims = article_claims(&a);
    let by_text = |t: &str| claims.iter().find(|c| c.text == t).unwrap();
    let ashby = by_text("£40m");
    assert_eq!(ashby.subject.as_deref(), Some("Tom Ashby"));
    assert_eq!(ashby.holder.as_deref(), Some("Westfield Rovers"));
    for own in ["£38m", "45 million euros"] {
        let claim = by_text(own);
        assert_eq!(claim.subject.as_deref(), Some("Rhys Dunmore"), "{claim:#?}");
        assert_ne!(
            claim.holder.as_deref(),
            Some("Westfield Rovers"),
            "{claim:#?}"
        );
    }
}

#[test]
fn a_price_per_share_is_its_own_series_beside_the_total() {
    let bid = article(
        1,
        "Broadcom raises its bid for Qualcomm",
        "Broadcom has offered $82 a Qualcomm share for Qualcomm, a bid worth $121 billion. \
         Its earlier offer was $70 per share.",
    );
    let claims = story_claims(&[bid], None);
    let per = |t: &str| {
        claims
            .iter()
            .find(|c| c.text == t)
            .and_then(|c| c.amount.as_ref())
            .map(|a| (a.per.clone(), a.display()))
    };
    assert_eq!(per("$82"), Some((Some("share".into()), "$82/share".into())));
    assert_eq!(per("$70"), Some((Some("share".into()), "$70/share".into())));
    assert_eq!(per("$121 billion"), Some((None, "$121bn".into())));
    let series = crate::timeline::figure_series(&claims);
    let totals: Vec<usize> = series.iter().map(|s| s.points.len()).collect();
    assert!(
        series.iter().all(|s| {
            let per: Vec<_> = s.points.iter().map(|p| p.amount.per.clone()).collect();
            per.windows(2).all(|w| w[0] == w[1])
        }),
        "a series mixes prices per share and totals: {totals:?}"
    );
}

#[test]
fn the_parts_of_a_price_per_share_and_market_prices_are_per_share() {
    let bid = article(
        1,
        "Northwind bid",
        "Its first offer, of $70 per share, in November comprised $60 in cash and $10 in stock. \
         Contoso's $70-a-share offer was rejected. \
         Northwind shares fell 4.3 percent to $63.20 on Monday. \
         The deal is worth $105 billion, or $70 a share.",
    );
    let claims = story_claims(&[bid], None);
    let find = |t: &str| {
        claims
            .iter()
            .filter(|c| c.text == t)
            .map(|c| {
                let amount = c.amount.as_ref();
                (c.kind.clone(), amount.and_then(|a| a.per.clone()))
            })
            .collect::<Vec<_>>()
    };
    let share = Some("share".to_string());
    assert!(
        find("$60").iter().all(|(_, per)| *per == share),
        "{claims:?}"
    );
    assert!(
        find("$10").iter().all(|(_, per)| *per == share),
        "{claims:?}"
    );
    assert!(
        find("$70").iter().all(|(_, per)| *per == share),
        "{claims:?}"
    );
    assert_eq!(find("$63.20"), [("other".to_string(), share.clone())]);
    let deal = article(
        2,
        "Northwind deal",
        "Contoso will buy Northwind. The shares were valued at 0.25 francs each.",
    );
    let claims = story_claims(&[deal], None);
    assert!(
        claims.iter().all(|c| c.kind != "other"),
        "a deal's price per share is no market price: {claims:?}"
    );
    // A deal's total in the same sentence stays a total.
    assert_eq!(
        find("$105 billion").first().map(|(_, per)| per.clone()),
        Some(None)
    );
}

#[test]
fn no_party_holds_a_figure_about_itself() {
    let bid = article(
        1,
        "Northwind bid",
        "Jane Holloway has offered to buy Northwind Inc for $9 billion.",
    );
    let mut claims = story_claims(&[bid], None);
    for c in &mut claims {
        c.holder.clone_from(&c.subject);
    }
    infer::fill_parties(&mut claims);
    assert!(
        claims
            .iter()
            .all(|c| c.holder.is_none() || c.holder != c.subject),
        "{claims:?}"
    );
}

#[test]
fn the_source_a_deal_figure_credits_is_not_its_subject() {
    let first = article(
        1,
        "United bid for Antony",
        "Manchester United have made a bid of €80m for Ajax winger Antony.",
    );
    let second = article(
        2,
        "Ajax repoussent United",
        "Selon Fabrizio Romano, l'Ajax vient de repousser une offre de Manchester United, cette fois évaluée à... 90M €.",
    );
    let third = article(
        3,
        "Ajax turn United down",
        "According to Fabrizio Romano, Ajax have rejected a €95m offer from Manchester United.",
    );
    let claims = story_claims(&[first, second, third], None);
    for text in ["90M €", "€95m"] {
        let offer = claims.iter().find(|c| c.text == text).unwrap();
        assert_eq!(offer.kind, "offer");
        assert_eq!(offer.subject.as_deref(), Some("Antony"), "{text}");
    }
}

#[test]
fn a_timeline_entry_lists_each_figure_once_and_counts_the_rest() {
    let a = article(
        1,
        "Goldman Sachs expects a $5 billion hit",
        "Goldman Sachs expects a $5 billion hit. The $5 billion hit comes from taxes.",
    );
    let claims = article_claims(&a);
    let labels: Vec<String> = claims.iter().map(StoryClaim::label).collect();
    assert!(labels.iter().all(|l| l == "$5bn"), "{labels:?}");
    assert_eq!(figure_line(labels), "$5bn");
    let a = article(3, "Debt", "The debt is $2.5 trillion now.");
    assert_eq!(article_claims(&a)[0].label(), "$2.5tn");
    let many = (1..=11).map(|n| format!("{n}%"));
    assert_eq!(
        figure_line(many),
        "1%; 2%; 3%; 4%; 5%; 6%; 7%; 8% and 3 more"
    );
}
