//! The readings added for the held-out paragraphs, each on a real sentence
//! (its file named), on a variant with a wrong figure (an error) and on one
//! whose words do not establish the relation (no verdict); and a property
//! per reading: a generated sentence of its shape with figures rounded from
//! exact values is never an error, one figure moved beyond rounding is.
// Failing tests print what was read.
#![allow(clippy::disallowed_macros)]

use super::testdoc::doc;
use super::{read, Claims, Kind};
use crate::money::{round_half_away, Decimal};
use crate::numfmt::{format_number, NumberStyle};
use crate::verify::judge::Verdict;
use proptest::prelude::*;

fn claims_of(text: &str) -> Claims {
    read(&doc(text))
}

fn show(c: &Claims) -> String {
    super::tests::show(c)
}

/// The one judged claim's kind, formula and verdict.
fn one(text: &str) -> Option<(Kind, String, Verdict)> {
    let c = claims_of(text);
    match &c.judged[..] {
        [j] => Some((j.kind, j.formula(), j.verdict)),
        _ => None,
    }
}

fn verdicts(text: &str) -> Vec<Verdict> {
    claims_of(text).judged.iter().map(|j| j.verdict).collect()
}

fn int(n: i64) -> String {
    format_number(Decimal::from(n), 0, NumberStyle::DANISH)
}

fn p1(d: Decimal) -> String {
    format_number(round_half_away(d, 1), 1, NumberStyle::DANISH)
}

// --- `kr. N` and a closing `i alt` over amounts of several years ---------

/// tests/data/heldout2/prose/gl-bkg-14-2017-faelleskommunal-skat-2018.txt
const BKG_14: &str = "§ 2.  I 2018 fordeles som fælleskommunal skat kr. 530.000.000 samt regulering, jf. stk. 3, for perioden 1987 til 2013, begge år inklusiv, kr. 2.645.000, for 2014 kr. -3.965.000 for 2015 kr. 34.080.000 og for 2016 kr. 0, i alt kr. 562.760.000.";

/// tests/data/heldout2/prose/gl-bkg-16-1988-faelleskommunal-skat-1989.txt
const BKG_16: &str = "§ 3. I 1989 fordeles som fælleskommunal skat kr. 110.000.000 samt regulering, jfr. stk. 3, kr. 3.942.000, ialt kr. 113.942.000.";

#[test]
fn amounts_written_after_kr_add_up_to_their_closing_total() {
    assert_eq!(
        one(BKG_14),
        Some((
            Kind::Sum,
            "530.000.000 + 2.645.000 - 3.965.000 + 34.080.000 + 0 = 562.760.000".to_string(),
            Verdict::Exact
        )),
        "{}",
        show(&claims_of(BKG_14))
    );
    assert_eq!(
        one(BKG_16),
        Some((
            Kind::Sum,
            "110.000.000 + 3.942.000 = 113.942.000".to_string(),
            Verdict::Exact
        ))
    );
    // A wrong total is an error.
    let wrong = BKG_14.replace("i alt kr. 562.760.000", "i alt kr. 562.770.000");
    assert_eq!(
        verdicts(&wrong),
        [Verdict::Error],
        "{}",
        show(&claims_of(&wrong))
    );
    let wrong = BKG_16.replace("kr. 3.942.000,", "kr. 3.492.000,");
    assert_eq!(verdicts(&wrong), [Verdict::Error]);
    // The year before `kr. -3.965.000` is no amount.
    assert!(!show(&claims_of(BKG_14)).contains("2.014"));
    // No closing total word: nothing stated, nothing judged.
    let none = BKG_14.replace("i alt kr. 562.760.000", "mod kr. 562.760.000 året før");
    assert!(
        claims_of(&none).judged.is_empty(),
        "{}",
        show(&claims_of(&none))
    );
    // Amounts of several years with a change in between are no list.
    let change = "Tilskuddet steg fra kr. 530.000.000 i 2014 til kr. 540.000.000 i 2015 og kr. 10.000.000 i 2016, i alt kr. 1.080.000.000.";
    assert!(
        claims_of(change).judged.iter().all(|j| j.kind != Kind::Sum),
        "{}",
        show(&claims_of(change))
    );
}

// --- `med D til (i alt) Y, …, svarende til et fald på P pct.` ------------

/// tests/data/heldout/prose/dst-nyt-47872-kontanthjaelpsydelser-1kvt-2024.txt
const DST_47872: &str = "I første kvartal af 2024 faldt antallet af modtagere af kontanthjælpsydelser med 1.700 til 89.800 ved udgangen af marts, svarende til et fald på 1,9 pct.";

/// tests/data/heldout/prose/dst-nyt-24909-offentligt-forsoergede-1kvt-2018.txt
const DST_24909: &str = "Fra fjerde kvartal 2017 til første kvartal 2018 er antallet af nettoledige faldet med 1.700 personer til i alt 88.600, hvilket svarer til et fald på 2 pct.";

#[test]
fn a_change_to_a_new_level_and_its_percentage_further_on() {
    for (text, formula) in [
        (DST_47872, "1.700 / (89.800 + 1.700) = 1,9%"),
        (DST_24909, "1.700 / (88.600 + 1.700) = 2%"),
    ] {
        let got = one(text);
        assert!(
            matches!(&got, Some((Kind::Change, f, Verdict::Exact | Verdict::Rounding)) if f == formula),
            "{text}: {got:?}"
        );
    }
    // 1.700 / 91.500 is 1,86 %, not 2,9.
    let wrong = DST_47872.replace("1,9 pct.", "2,9 pct.");
    assert_eq!(verdicts(&wrong), [Verdict::Error]);
    let wrong = DST_24909.replace("88.600", "58.600");
    assert_eq!(verdicts(&wrong), [Verdict::Error]);
    // `1.ooo` is no figure: the `til` after it is not D's.
    let garbled = "Fra fjerde kvartal 2017 til første kvartal 2018 er antallet af feriedagpengemodtagere steget med 1.ooo personer til i alt 5.700, svarende til en stigning på 22 pct.";
    assert!(
        claims_of(garbled).judged.is_empty(),
        "{}",
        show(&claims_of(garbled))
    );
    // Another figure between the level and the percentage: not read.
    let other = DST_47872.replace(
        "ved udgangen af marts",
        "ved udgangen af marts mod 3.000 i 2023",
    );
    assert!(
        claims_of(&other).judged.is_empty(),
        "{}",
        show(&claims_of(&other))
    );
}

// --- `Det er D flere end …, svarende til en stigning på P pct.` ---------

/// tests/data/heldout/prose/dknyt-2011-kontanthjaelp-stigning.txt
const DKNYT_2011: &str = "I december 2010 modtog 158.300 personer kontanthjælp. Det er 6.600 flere end i december året før svarende til en stigning på 4,3 pct. Størstedelen af stigningen findes for aktiverede kontanthjælpsmodtagere, hvor antallet steg med 4.600 personer svarende til en stigning på 8,6 pct.";

#[test]
fn a_level_then_d_more_than_before_corresponding_to_p_per_cent() {
    // Counts rounded to hundreds (the paragraph's): 6.600 / 151.700 = 4,35 %.
    assert_eq!(
        one(DKNYT_2011),
        Some((
            Kind::Change,
            "6.600 / (158.300 - 6.600) = 4,3%".to_string(),
            Verdict::Rounding
        )),
        "{}",
        show(&claims_of(DKNYT_2011))
    );
    let wrong = DKNYT_2011.replace("på 4,3 pct.", "på 5,3 pct.");
    assert_eq!(verdicts(&wrong), [Verdict::Error]);
    // A fall named for a rise: not the same change, not read.
    let other = DKNYT_2011.replace(
        "svarende til en stigning på 4,3",
        "svarende til et fald på 4,3",
    );
    assert!(
        claims_of(&other).judged.is_empty(),
        "{}",
        show(&claims_of(&other))
    );
    // A percentage of something else (`af`): not the change's.
    let share = DKNYT_2011.replace("en stigning på 4,3 pct.", "4,3 pct. af befolkningen");
    assert!(
        claims_of(&share).judged.is_empty(),
        "{}",
        show(&claims_of(&share))
    );
}

// --- `en stigning på P pct. ift. Y0, hvor … M` --------------------------

/// tests/data/heldout2/prose/stat-gl-of-2020-samlet-offentlig-forvaltning.txt
const GL_SAMLET: &str = "Grønlands samlede offentlige forvaltning og servicesektor afholdt i 2020 udgifter for 12.613 mio. kr. Det svarer til en stigning på 7,0 pct. ift. 2019, hvor de samlede offentlige udgifter udgjorde 11.785 mio. kr.";

/// tests/data/heldout2/prose/stat-gl-of-2020-kommunale-sektor.txt
const GL_KOMMUNAL: &str = "Den kommunale sektor afholdt i 2020 udgifter for 6.023 mio. kr. De kommunale udgifter er dermed steget 4,0 pct. ift. 2019, hvor de samlede drifts- og kapitaludgifter anløb 5.794 mio. kr.";

#[test]
fn a_change_in_per_cent_against_the_year_a_hvor_clause_states() {
    for (text, formula) in [
        (GL_SAMLET, "(12.613 - 11.785) / 11.785 = 7,0%"),
        (GL_KOMMUNAL, "(6.023 - 5.794) / 5.794 = 4,0%"),
    ] {
        let got = one(text);
        assert!(
            matches!(&got, Some((Kind::Change, f, Verdict::Exact | Verdict::Rounding)) if f == formula),
            "{text}: {got:?}"
        );
    }
    let wrong = GL_SAMLET.replace("7,0 pct.", "7,4 pct.");
    assert_eq!(verdicts(&wrong), [Verdict::Error]);
    let wrong = GL_KOMMUNAL.replace("anløb 5.794", "anløb 5.994");
    assert_eq!(verdicts(&wrong), [Verdict::Error]);
    // No `hvor`: the 2019 amount is not said to be the 2019 level.
    let other = GL_SAMLET.replace("ift. 2019, hvor de", "ift. 2019. De");
    assert!(
        claims_of(&other).judged.is_empty(),
        "{}",
        show(&claims_of(&other))
    );
    // The level before of the same year as the comparison: not the new level.
    let same = GL_SAMLET.replace("afholdt i 2020", "afholdt i 2019");
    assert!(
        claims_of(&same).judged.is_empty(),
        "{}",
        show(&claims_of(&same))
    );
    // Not linked to the sentence before (`Det`, `dermed`).
    let loose = GL_KOMMUNAL.replace("er dermed steget", "er steget");
    assert!(
        claims_of(&loose).judged.is_empty(),
        "{}",
        show(&claims_of(&loose))
    );
}

// --- `N, eller en bruttoudgift på U og indtægt på I` ---------------------

/// tests/data/heldout2/prose/horsens-2009-anlaeg-raadighedsbeloeb.txt
const HORSENS: &str = "I budgettet for 2009 er der optaget rammer for rådighedsbeløb til anlægsarbejder på 148.057.000 kr., eller en bruttoudgift på 310.831.000 kr. og indtægt på 162.774.000 kr.";

#[test]
fn a_net_restated_as_gross_spending_less_income() {
    assert_eq!(
        one(HORSENS),
        Some((
            Kind::Difference,
            "310.831.000 - 162.774.000 = 148.057.000".to_string(),
            Verdict::Exact
        ))
    );
    let wrong = HORSENS.replace("148.057.000", "148.157.000");
    assert_eq!(verdicts(&wrong), [Verdict::Error]);
    // `og` instead of `eller`: a third amount, not the net restated.
    let other = HORSENS.replace("kr., eller en bruttoudgift", "kr. og en bruttoudgift");
    assert!(
        claims_of(&other).judged.is_empty(),
        "{}",
        show(&claims_of(&other))
    );
    // Not gross spending and income: nothing to subtract.
    let other = HORSENS.replace("indtægt på", "lån på");
    assert!(
        claims_of(&other).judged.is_empty(),
        "{}",
        show(&claims_of(&other))
    );
}

// --- `X …, et tal der var vokset til Y – en stigning på P procent` ------

/// tests/data/heldout/prose/gladsaxebladet-2021-ledigheden-stiger.txt
const GLADSAXE: &str = "Her kan man se at der 8. marts var 1.331 ledige i Gladsaxe, et tal der var vokset til 1.576 16. maj – en stigning på 18,4 procent.";

#[test]
fn a_level_that_grew_to_another_with_its_change() {
    assert_eq!(
        one(GLADSAXE).map(|(k, f, _)| (k, f)),
        Some((Kind::Change, "(1.576 - 1.331) / 1.331 = 18,4%".to_string())),
        "{}",
        show(&claims_of(GLADSAXE))
    );
    assert_ne!(verdicts(GLADSAXE), [Verdict::Error]);
    let wrong = GLADSAXE.replace("18,4 procent", "14,8 procent");
    assert_eq!(verdicts(&wrong), [Verdict::Error]);
    // A change in persons: D = Y − X.
    let d = GLADSAXE.replace("en stigning på 18,4 procent", "en stigning på 245 ledige");
    assert_eq!(
        one(&d),
        Some((
            Kind::Change,
            "1.576 - 1.331 = 245".to_string(),
            Verdict::Exact
        ))
    );
    // A fall named for a level that grew: not read.
    let other = GLADSAXE.replace("en stigning på", "et fald på");
    assert!(
        claims_of(&other).judged.is_empty(),
        "{}",
        show(&claims_of(&other))
    );
    // Two levels before `et tal`: which one grew is not said.
    let two = GLADSAXE.replace(
        "var 1.331 ledige i Gladsaxe",
        "var 1.331 ledige og 212 sygemeldte i Gladsaxe",
    );
    assert!(
        claims_of(&two).judged.is_empty(),
        "{}",
        show(&claims_of(&two))
    );
}

// --- budget + tillæg + merforbrug = regnskab, the budget `fastlagt` ------

/// tests/data/heldout/prose/ballerup-2004-bevillingsomraade-5-44-merforbrug.txt
const BALLERUP: &str = "Det samlede regnskabsresultat for bevillingsområdet blev en nettoudgift på 195,4 mio. kr. Den samlede nettobevilling var i budgettet fastlagt til 199 mio. kr. og der er i årets løb meddelt tillægsbevillinger på -6,1 mio. kr. I alt udviste regnskabet et merforbrug på 2,5 mio. kr., hvilket efter udvalgets opfattelse giver anledning til enkelte bemærkninger.";

#[test]
fn a_budget_fastlagt_with_its_tillaeg_and_merforbrug() {
    assert_eq!(
        one(BALLERUP),
        Some((
            Kind::Difference,
            "199 - 6,1 + 2,5 = 195,4".to_string(),
            Verdict::Exact
        )),
        "{}",
        show(&claims_of(BALLERUP))
    );
    let wrong = BALLERUP.replace("merforbrug på 2,5", "merforbrug på 3,5");
    assert_eq!(verdicts(&wrong), [Verdict::Error]);
    // A budget narrowed to a part (`til ældreområdet`): another scope.
    let other = BALLERUP.replace("fastlagt til 199", "fastlagt til ældreområdet med 199");
    assert!(
        claims_of(&other).judged.is_empty(),
        "{}",
        show(&claims_of(&other))
    );
}

// --- `en forbedring på D` against the merforbrug of the next paragraph ---

/// tests/data/heldout/prose/odense-2016-bso-merforbrug-forbedring.txt
const ODENSE: &str = "Økonomien på serviceområdet i Beskæftigelses- og Socialforvaltningen udviser et forventet merforbrug på 35,7 mio. kr., hvilket er en forbedring på 12,0 mio. kr. i forhold til 1/6 opfølgningen.\n\nDet forventede merforbrug blev i foråret opgjort til 47,7 mio. kr.\n";

#[test]
fn an_improvement_against_the_merforbrug_of_the_next_paragraph() {
    assert_eq!(
        one(ODENSE),
        Some((
            Kind::Change,
            "47,7 - 35,7 = 12,0".to_string(),
            Verdict::Exact
        )),
        "{}",
        show(&claims_of(ODENSE))
    );
    let wrong = ODENSE.replace("47,7", "49,7");
    assert_eq!(verdicts(&wrong), [Verdict::Error]);
    // Far from it (other text between): not the earlier estimate.
    let far = ODENSE.replace(
        "\n\nDet forventede",
        "\n\nUdvalget drøfter sagen.\n\nDet forventede",
    );
    assert!(
        claims_of(&far).judged.is_empty(),
        "{}",
        show(&claims_of(&far))
    );
    // A merforbrug on both sides: which one is the earlier is not said.
    let both = format!("Merforbruget blev i januar opgjort til 50,1 mio. kr.\n\n{ODENSE}");
    assert!(
        claims_of(&both).judged.is_empty(),
        "{}",
        show(&claims_of(&both))
    );
    // The next paragraph states two amounts: not read.
    let two = ODENSE.replace(
        "til 47,7 mio. kr.",
        "til 47,7 mio. kr. og 3,0 mio. kr. på anlæg",
    );
    assert!(
        claims_of(&two).judged.is_empty(),
        "{}",
        show(&claims_of(&two))
    );
}

// --- `P pct. af de samlede kommunale udgifter`, the whole named elsewhere -

/// tests/data/heldout2/prose/stat-gl-of-2020-kommunale-sektor.txt (the
/// first paragraph and two of the shares; the figure's caption left out).
const GL_SHARES: &str = "Den kommunale sektor afholdt i 2020 udgifter for 6.023 mio. kr. De kommunale udgifter er dermed steget 4,0 pct. ift. 2019, hvor de samlede drifts- og kapitaludgifter anløb 5.794 mio. kr. I figur 3.1 vises kommunernes udgifter i 2020 fordelt på den funktionelle fordeling.\n\nSocial beskyttelse er det største område under kommunerne, og omfatter udgifter til sociale velfærdsforanstaltninger som forsorg for familier, børn og unge, handicappede og ældre, herunder institutioner, boliger, forebyggelse m.m. samt en række kontante ydelser ved sygdom, invaliditet og arbejdsløshed samt ydelser til boligsikring, revalidering, social førtidspension, alderspension m.m. I 2020 udgjorde udgifterne til social beskyttelse 3.107 mio. kr. svarende til 51,6 pct. af de samlede kommunale udgifter.\n\nMiljøbeskyttelse dækker over udgifter vedr. indsamling, behandling og bortskaffelse af affald og spildevand, drift af forbrændingsanlæg, modtagestationer for miljøfarligt affald m.m. De samlede udgifter til miljøbeskyttelse udgjorde 179 mio. kr. i 2020 svarende til 3,0 pct. af de samlede kommunale udgifter.\n";

fn shares(text: &str) -> Vec<(String, Verdict)> {
    claims_of(text)
        .judged
        .iter()
        .filter(|j| j.kind == Kind::Share)
        .map(|j| (j.formula(), j.verdict))
        .collect()
}

#[test]
fn a_share_of_a_whole_named_by_a_phrase_elsewhere() {
    let got = shares(GL_SHARES);
    assert_eq!(
        got.iter().map(|(f, _)| f.as_str()).collect::<Vec<_>>(),
        ["3.107 / 6.023 = 51,6%", "179 / 6.023 = 3,0%"],
        "{}",
        show(&claims_of(GL_SHARES))
    );
    assert!(got.iter().all(|(_, v)| *v != Verdict::Error));
    // A wrong share is an error.
    let wrong = GL_SHARES.replace("51,6 pct.", "52,6 pct.");
    assert!(shares(&wrong).contains(&("3.107 / 6.023 = 52,6%".to_string(), Verdict::Error)));
    // The whole of another year: not this share's whole.
    let other = GL_SHARES.replace("afholdt i 2020 udgifter", "afholdt i 2019 udgifter");
    assert!(shares(&other).is_empty(), "{}", show(&claims_of(&other)));
    // Two amounts the phrase may name: which one is not said.
    let two = GL_SHARES.replace(
        "I figur 3.1 vises",
        "Den kommunale sektor havde i 2020 udgifter for 6.100 mio. kr. inkl. anlæg. I figur 3.1 vises",
    );
    assert!(shares(&two).is_empty(), "{}", show(&claims_of(&two)));
    // The modifier not in the whole's sentence: not read.
    let unmod = GL_SHARES.replace("Den kommunale sektor afholdt", "Sektoren afholdt");
    assert!(shares(&unmod).is_empty(), "{}", show(&claims_of(&unmod)));
}

#[test]
fn a_list_ending_in_m_m_ends_its_sentence_before_a_capital() {
    let s = super::prose::sentences(
        "Det omfatter boliger, forebyggelse m.m. I 2020 udgjorde det 3.107 mio. kr. Det dækker m.m. og mere, jf. notat v. Direktør Hansen. Boliger m.v. Skoler.",
        NumberStyle::DANISH,
    );
    assert_eq!(s.len(), 5);
    // `v. Direktør` ends nothing: one sentence through `Hansen.`
    assert!(s
        .iter()
        .any(|x| x.words().any(|w| w == "direktør") && x.words().any(|w| w == "dækker")));
}

// --- `opjusteret dette skøn med D`, then `De samlede NAVN … herefter T` --

/// tests/data/heldout/prose/docplayer-2007-resultatoversigt-overfoersler.txt
const DOCPLAYER_2007: &str = "I det forventede regnskabsskøn har direktørområderne indarbejdet en forventet overførsel til 2008 på 60,7 mio. kr. Økonomiafdelingen har ud fra erfaringer fra tidligere regnskabsår opjusteret dette skøn med 71,4 mio. kr. De samlede overførsler til 2008 skønnes herefter til 132,1 mio. kr.";

#[test]
fn an_estimate_adjusted_then_totalled() {
    assert_eq!(
        one(DOCPLAYER_2007),
        Some((Kind::Sum, "60,7 + 71,4 = 132,1".to_string(), Verdict::Exact))
    );
    let wrong = DOCPLAYER_2007.replace("132,1", "131,1");
    assert_eq!(
        verdicts(&wrong),
        [Verdict::Error],
        "{}",
        show(&claims_of(&wrong))
    );
    // Adjusted down: taken off.
    let down = DOCPLAYER_2007
        .replace("opjusteret", "nedjusteret")
        .replace("132,1", "10,7")
        .replace("71,4", "50,0");
    assert_eq!(
        one(&down),
        Some((Kind::Sum, "60,7 - 50,0 = 10,7".to_string(), Verdict::Exact)),
        "{}",
        show(&claims_of(&down))
    );
    // Not said to adjust this estimate (`et andet skøn`): not read.
    let other = DOCPLAYER_2007.replace("opjusteret dette skøn", "opjusteret et andet skøn");
    assert!(
        claims_of(&other).judged.is_empty(),
        "{}",
        show(&claims_of(&other))
    );
    // A sentence between the estimate and its adjustment: not read.
    let apart = DOCPLAYER_2007.replace(
        "mio. kr. Økonomiafdelingen",
        "mio. kr. Det er mere end sidste år. Økonomiafdelingen",
    );
    assert!(
        claims_of(&apart).judged.is_empty(),
        "{}",
        show(&claims_of(&apart))
    );
}

#[test]
fn a_noun_in_el_names_its_plural() {
    use super::shapes::same_name;
    assert!(same_name("overførsel", "overførsler"));
    assert!(same_name("overførslerne", "overførsel"));
    assert!(same_name("nettodriftsudgifter", "nettodriftsudgifterne"));
    assert!(!same_name("overførsel", "overskud"));
    assert!(!same_name("middel", "midler"));
    assert!(!same_name("regnskab", "regnskabsresultat"));
}

// --- `Stigningen svarer til P pct. af stigningen i PHRASE` --------------

/// tests/data/heldout/prose/dst-nyt-32678-kommunernes-regnskaber-2020.txt
/// (the first sentence of each of its first two paragraphs, and the share).
const DST_32678: &str = "Kommunernes samlede nettodriftsudgifter var 368,3 mia. kr. i 2020, hvilket er 4,8 pct. eller 16,8 mia. kr. mere end i 2019. Stigningen er den højeste siden 2014, hvor budgetloven trådte i kraft.\n\nNettodriftsudgifterne til kontante ydelser steg fra 2019 til 2020 med 5,3 mia. kr. til 39,9 mia. kr. i 2020. Stigningen svarer til 32 pct. af stigningen i kommunernes samlede nettodriftsudgifter.\n";

#[test]
fn a_change_as_a_share_of_another_change() {
    assert_eq!(
        shares(DST_32678),
        [("5,3 / 16,8 = 32%".to_string(), Verdict::Rounding)],
        "{}",
        show(&claims_of(DST_32678))
    );
    let wrong = DST_32678.replace("svarer til 32 pct.", "svarer til 35 pct.");
    assert_eq!(
        shares(&wrong),
        [("5,3 / 16,8 = 35%".to_string(), Verdict::Error)]
    );
    // A fall against a rise: not the same kind of change.
    let other = DST_32678.replace("af stigningen i", "af faldet i");
    assert!(shares(&other).is_empty(), "{}", show(&claims_of(&other)));
    // Two sentences with the phrase: which change is the whole is not said.
    let two = DST_32678.replace(
        "Stigningen er den højeste",
        "Kommunernes samlede nettodriftsudgifter steg i 2019 med 9,1 mia. kr. Stigningen er den højeste",
    );
    assert!(shares(&two).is_empty(), "{}", show(&claims_of(&two)));
}

// --- `G i uforbrugte midler, mens … merforbrug på B, så det samlede
// resultat bliver på R` -------------------------------------------------

/// tests/data/heldout2/prose/jv-2019-esbjerg-kultur-fritid-overskud.txt
const JV_2019: &str = "Der er 12,3 millioner kroner i uforbrugte midler, mens der på anlægskontoen er et merforbrug på 0,3 millioner kroner, så det samlede resultat bliver på 12 millioner kroner.";

#[test]
fn unspent_means_less_a_merforbrug_make_the_result() {
    assert_eq!(
        one(JV_2019),
        Some((
            Kind::Difference,
            "12,3 - 0,3 = 12".to_string(),
            Verdict::Exact
        ))
    );
    let wrong = JV_2019.replace("på 12 millioner", "på 13 millioner");
    assert_eq!(verdicts(&wrong), [Verdict::Error]);
    // Not said to be the result of both (no `samlede`, no link): not read.
    let other = JV_2019.replace(
        ", så det samlede resultat bliver på",
        ". Resultatet for drift bliver på",
    );
    assert!(
        claims_of(&other).judged.is_empty(),
        "{}",
        show(&claims_of(&other))
    );
    // A merforbrug larger than the unspent means: a deficit the words do
    // not sign; not read.
    let deficit = JV_2019.replace("merforbrug på 0,3", "merforbrug på 24,3");
    assert!(
        claims_of(&deficit).judged.is_empty(),
        "{}",
        show(&claims_of(&deficit))
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// `…, kr. A, for Y1 kr. B og for Y2 kr. C, i alt kr. W`: the exact
    /// total is exact; one moved beyond the figures' rounding is an error
    /// (or, where a part of one sign then exceeds it, a net not judged).
    #[test]
    fn kr_before_the_figure_sums(
        parts in proptest::collection::vec(-9_000_000i64..90_000_000, 2..6),
        year in 1990u32..2030,
        // Beyond the rounding of up to six whole-krone figures (3,5).
        shift in prop_oneof![-5_000i64..=-4, 4i64..=5_000],
        moved in any::<bool>(),
    ) {
        let total: i64 = parts.iter().sum();
        let mut t = format!("I {year} fordeles som fælleskommunal skat kr. 500.000.000 samt regulering");
        for (k, p) in parts.iter().enumerate() {
            let sep = if k + 1 == parts.len() { " og" } else { "," };
            t.push_str(&format!("{sep} for {} kr. {}", year - 5 + k as u32, int(*p)));
        }
        let w = 500_000_000 + total + if moved { shift } else { 0 };
        t.push_str(&format!(", i alt kr. {}.", int(w)));
        let c = claims_of(&t);
        let sums: Vec<Verdict> = c.judged.iter().filter(|j| j.kind == Kind::Sum).map(|j| j.verdict).collect();
        // Parts of one sign one of which exceeds the total: the total is a
        // net of parts not all listed, not judged (as everywhere).
        let all = std::iter::once(500_000_000).chain(parts.iter().copied());
        let one_sign = parts.iter().all(|p| *p >= 0);
        let net = one_sign && all.clone().any(|p| p > w);
        let want = if !moved { vec![Verdict::Exact] } else if net { vec![] } else { vec![Verdict::Error] };
        prop_assert_eq!(sums, want, "{}\n{}", t, show(&c));
    }

    /// `faldt/steg X med D til Y ved udgangen af marts, svarende til et
    /// fald/en stigning på P pct.` (and `personer til i alt Y`), and `L. Det
    /// er D flere/færre end året før svarende til en stigning/et fald på P
    /// pct.`: rounded true figures are never errors; P moved by at least
    /// 0,3 (beyond the slack the counts' rounding to hundreds allows) is.
    #[test]
    fn changes_with_their_percentage_further_on(
        old in 20_000i64..900_000,
        d in 500i64..20_000,
        rise in any::<bool>(),
        shift in prop_oneof![-9i64..=-3, 3i64..=9],
        moved in any::<bool>(),
    ) {
        let (old, d) = (old * 100, d * 100);
        let new = if rise { old + d } else { old - d };
        let p = Decimal::from(d) * Decimal::ONE_HUNDRED / Decimal::from(old);
        let p = round_half_away(p, 1) + if moved { Decimal::new(shift, 1) } else { Decimal::ZERO };
        prop_assume!(p > Decimal::ZERO);
        let pp = format_number(p, 1, NumberStyle::DANISH);
        let (verb, noun, more) = if rise { ("steg", "en stigning", "flere") } else { ("faldt", "et fald", "færre") };
        for text in [
            format!("I første kvartal {verb} antallet af modtagere med {} til {} ved udgangen af marts, svarende til {noun} på {pp} pct.", int(d), int(new)),
            format!("I første kvartal er antallet af ledige {verb} med {} personer til i alt {}, hvilket svarer til {noun} på {pp} pct.", int(d), int(new)),
            format!("I december modtog {} personer kontanthjælp. Det er {} {more} end i december året før svarende til {noun} på {pp} pct.", int(new), int(d)),
        ] {
            let c = claims_of(&text);
            let v: Vec<Verdict> = c.judged.iter().filter(|j| j.kind == Kind::Change).map(|j| j.verdict).collect();
            prop_assert_eq!(v.len(), 1, "{}\n{}", text, show(&c));
            prop_assert_eq!(v[0] == Verdict::Error, moved, "{}\n{}", text, show(&c));
        }
    }

    /// `L (in Y1). Det svarer til en stigning/et fald på P pct. ift. Y0,
    /// hvor … udgjorde M`: P = (L − M) / M; P moved by 0,3 or more is an
    /// error.
    #[test]
    fn a_change_against_a_hvor_year(
        m in 10_000i64..50_000,
        f in 50i64..200,
        shift in prop_oneof![-9i64..=-3, 3i64..=9],
        moved in any::<bool>(),
    ) {
        // Levels of at least 10.000 within a factor two of each other: the
        // whole numbers' rounding moves P by less than 0,1.
        let l = m * f / 100;
        prop_assume!(l != m);
        let rise = l > m;
        let p = Decimal::from((l - m).abs()) * Decimal::ONE_HUNDRED / Decimal::from(m);
        let p = round_half_away(p, 1) + if moved { Decimal::new(shift, 1) } else { Decimal::ZERO };
        prop_assume!(p > Decimal::ZERO);
        let noun = if rise { "en stigning" } else { "et fald" };
        let text = format!(
            "Sektoren afholdt i 2020 udgifter for {} mio. kr. Det svarer til {noun} på {} pct. ift. 2019, hvor de samlede udgifter udgjorde {} mio. kr.",
            int(l), format_number(p, 1, NumberStyle::DANISH), int(m)
        );
        let c = claims_of(&text);
        let v: Vec<Verdict> = c.judged.iter().map(|j| j.verdict).collect();
        prop_assert_eq!(v.len(), 1, "{}\n{}", text, show(&c));
        prop_assert_eq!(v[0] == Verdict::Error, moved, "{}\n{}", text, show(&c));
    }

    /// `N, eller en bruttoudgift på U og indtægt på I`: N = U − I exact; N
    /// moved by two units of its last digit or more (beyond the three
    /// figures' rounding, 1,5) is an error.
    #[test]
    fn a_net_of_gross_and_income(
        i in 1i64..9_000_000,
        extra in 1i64..9_000_000,
        shift in prop_oneof![-900i64..=-2, 2i64..=900],
        moved in any::<bool>(),
    ) {
        let u = i + extra;
        let n = u - i + if moved { shift } else { 0 };
        let text = format!(
            "I budgettet for 2010 er der optaget rammer for rådighedsbeløb på {} t. kr., eller en bruttoudgift på {} t. kr. og indtægter på {} t. kr.",
            int(n), int(u), int(i)
        );
        let c = claims_of(&text);
        let v: Vec<Verdict> = c.judged.iter().map(|j| j.verdict).collect();
        let want = if moved { Verdict::Error } else { Verdict::Exact };
        prop_assert_eq!(v, vec![want], "{}\n{}", text, show(&c));
    }

    /// `der var X ledige, et tal der var vokset/faldet til Y – en stigning/et
    /// fald på P procent`: P = (Y − X) / X; P moved by 0,2 or more is an
    /// error.
    #[test]
    fn a_level_grown_to_another(
        x in 10_000i64..90_000,
        f in 50i64..200,
        shift in prop_oneof![-9i64..=-2, 2i64..=9],
        moved in any::<bool>(),
    ) {
        // Counts of at least 10.000 within a factor two: their rounding
        // moves P by less than 0,1.
        let y = x * f / 100;
        prop_assume!(x != y);
        let rise = y > x;
        let p = Decimal::from((y - x).abs()) * Decimal::ONE_HUNDRED / Decimal::from(x);
        let p = round_half_away(p, 1) + if moved { Decimal::new(shift, 1) } else { Decimal::ZERO };
        prop_assume!(p > Decimal::ZERO);
        let (verb, noun) = if rise { ("vokset", "en stigning") } else { ("faldet", "et fald") };
        let text = format!(
            "Her kan man se at der 8. marts var {} ledige i byen, et tal der var {verb} til {} 16. maj – {noun} på {} procent.",
            int(x), int(y), format_number(p, 1, NumberStyle::DANISH)
        );
        let c = claims_of(&text);
        let v: Vec<Verdict> = c.judged.iter().map(|j| j.verdict).collect();
        prop_assert_eq!(v.len(), 1, "{}\n{}", text, show(&c));
        prop_assert_eq!(v[0] == Verdict::Error, moved, "{}\n{}", text, show(&c));
    }

    /// `… merforbrug på L, hvilket er en forbedring/forværring på D …` and
    /// the earlier merforbrug in the next paragraph: D = |old − L| in the
    /// stated direction; D moved by 0,3 or more is an error.
    #[test]
    fn an_improvement_across_paragraphs(
        old in 1_000i64..90_000,
        new in 1_000i64..90_000,
        shift in prop_oneof![-9i64..=-3, 3i64..=9],
        moved in any::<bool>(),
    ) {
        let (o, n) = (Decimal::new(old, 1), Decimal::new(new, 1));
        prop_assume!(o != n);
        let word = if n < o { "forbedring" } else { "forværring" };
        let d = (o - n).abs() + if moved { Decimal::new(shift, 1) } else { Decimal::ZERO };
        prop_assume!(d > Decimal::ZERO);
        let text = format!(
            "Området udviser et forventet merforbrug på {} mio. kr., hvilket er en {word} på {} mio. kr. i forhold til sidste opfølgning.\n\nDet forventede merforbrug blev i foråret opgjort til {} mio. kr.\n",
            p1(n), p1(d), p1(o)
        );
        let c = claims_of(&text);
        let v: Vec<Verdict> = c.judged.iter().map(|j| j.verdict).collect();
        prop_assert_eq!(v.len(), 1, "{}\n{}", text, show(&c));
        prop_assert_eq!(v[0] == Verdict::Error, moved, "{}\n{}", text, show(&c));
    }

    /// budget (`fastlagt til`) + tillægsbevillinger + merforbrug/−
    /// mindreforbrug = regnskab: exact on exact figures; the deviation moved
    /// by 0,3 or more (beyond the four figures' rounding) is an error.
    #[test]
    fn a_budget_deviation_with_fastlagt(
        b in 10_000i64..900_000,
        t in -9_000i64..9_000,
        r in 10_000i64..900_000,
        shift in prop_oneof![-9i64..=-3, 3i64..=9],
        moved in any::<bool>(),
    ) {
        let (b, t, r) = (Decimal::new(b, 1), Decimal::new(t, 1), Decimal::new(r, 1));
        let dev = r - b - t;
        prop_assume!(!dev.is_zero() && !t.is_zero());
        let word = if dev > Decimal::ZERO { "merforbrug" } else { "mindreforbrug" };
        let shown = dev.abs() + if moved { Decimal::new(shift, 1) } else { Decimal::ZERO };
        prop_assume!(shown > Decimal::ZERO);
        let text = format!(
            "Det samlede regnskabsresultat for området blev en nettoudgift på {} mio. kr. Nettobevillingen var i budgettet fastlagt til {} mio. kr. og der er i årets løb meddelt tillægsbevillinger på {} mio. kr. I alt udviste regnskabet et {word} på {} mio. kr.",
            p1(r), p1(b), p1(t), p1(shown)
        );
        let c = claims_of(&text);
        let v: Vec<Verdict> = c.judged.iter().map(|j| j.verdict).collect();
        prop_assert_eq!(v.len(), 1, "{}\n{}", text, show(&c));
        prop_assert_eq!(v[0] == Verdict::Error, moved, "{}\n{}", text, show(&c));
    }

    /// `A mio. kr. i YEAR svarende til P pct. af de samlede kommunale
    /// udgifter` with the whole `Den kommunale sektor afholdt i YEAR udgifter
    /// for W mio. kr.` in another paragraph: P = A / W; P moved by 0,3 or
    /// more is an error.
    #[test]
    fn a_share_of_a_phrase(
        w in 2_000i64..90_000,
        f in 5i64..95,
        shift in prop_oneof![-9i64..=-3, 3i64..=9],
        moved in any::<bool>(),
    ) {
        let a = w * f / 100;
        prop_assume!(a >= 100);
        let p = round_half_away(Decimal::from(a) * Decimal::ONE_HUNDRED / Decimal::from(w), 1)
            + if moved { Decimal::new(shift, 1) } else { Decimal::ZERO };
        let text = format!(
            "Den kommunale sektor afholdt i 2021 udgifter for {} mio. kr.\n\nI 2021 udgjorde udgifterne til undervisning {} mio. kr. svarende til {} pct. af de samlede kommunale udgifter.\n",
            int(w), int(a), format_number(p, 1, NumberStyle::DANISH)
        );
        let c = claims_of(&text);
        let v: Vec<Verdict> = c.judged.iter().map(|j| j.verdict).collect();
        prop_assert_eq!(v.len(), 1, "{}\n{}", text, show(&c));
        prop_assert_eq!(v[0] == Verdict::Error, moved, "{}\n{}", text, show(&c));
    }

    /// `… en forventet overførsel på A. … har opjusteret/nedjusteret dette
    /// skøn med D. De samlede overførsler skønnes herefter til T`: T = A ± D;
    /// T moved by 0,2 or more is an error.
    #[test]
    fn an_adjusted_estimate_totalled(
        a in 1_000i64..900_000,
        d in prop_oneof![1i64..10, 1i64..900_000],
        up in any::<bool>(),
        shift in prop_oneof![-9i64..=-2, 2i64..=9],
        moved in any::<bool>(),
    ) {
        let (a, d) = (Decimal::new(a, 1), Decimal::new(d, 1));
        prop_assume!(up || a > d);
        let t = if up { a + d } else { a - d } + if moved { Decimal::new(shift, 1) } else { Decimal::ZERO };
        prop_assume!(t > Decimal::ZERO);
        let verb = if up { "opjusteret" } else { "nedjusteret" };
        let text = format!(
            "Direktørområderne har indarbejdet en forventet overførsel til 2027 på {} mio. kr. Økonomiafdelingen har {verb} dette skøn med {} mio. kr. De samlede overførsler til 2027 skønnes herefter til {} mio. kr.",
            p1(a), p1(d), p1(t)
        );
        let c = claims_of(&text);
        let v: Vec<Verdict> = c.judged.iter().map(|j| j.verdict).collect();
        prop_assert_eq!(v.len(), 1, "{}\n{}", text, show(&c));
        prop_assert_eq!(v[0] == Verdict::Error, moved, "{}\n{}", text, show(&c));
    }

    /// `X steg med D til Y. Stigningen svarer til P pct. af stigningen i de
    /// samlede udgifter` after `De samlede udgifter var L, hvilket er E mere
    /// end …`: P = D / E; P moved by 2 or more (beyond the slack of whole
    /// per cents and one-decimal changes of at least 10) is an error.
    #[test]
    fn a_share_of_a_change(
        e in 100i64..9_000,
        f in 5i64..95,
        shift in prop_oneof![-9i64..=-2, 2i64..=9],
        moved in any::<bool>(),
    ) {
        let (e, d) = (Decimal::new(e, 1) + Decimal::from(10), Decimal::new(e * f / 100, 1) + Decimal::ONE);
        let p = round_half_away(d * Decimal::ONE_HUNDRED / e, 0) + if moved { Decimal::from(shift) } else { Decimal::ZERO };
        prop_assume!(p > Decimal::ZERO && d < e);
        let text = format!(
            "Kommunernes samlede nettodriftsudgifter var 500,0 mia. kr. i 2022, hvilket er {} mia. kr. mere end i 2021.\n\nUdgifterne til kontante ydelser steg fra 2021 til 2022 med {} mia. kr. til 60,0 mia. kr. Stigningen svarer til {} pct. af stigningen i kommunernes samlede nettodriftsudgifter.\n",
            p1(e), p1(d), format_number(p, 0, NumberStyle::DANISH)
        );
        let c = claims_of(&text);
        let v: Vec<Verdict> = c.judged.iter().filter(|j| j.kind == Kind::Share).map(|j| j.verdict).collect();
        prop_assert_eq!(v.len(), 1, "{}\n{}", text, show(&c));
        prop_assert_eq!(v[0] == Verdict::Error, moved, "{}\n{}", text, show(&c));
    }

    /// `G i uforbrugte midler, mens der er et merforbrug på B, så det
    /// samlede resultat bliver på R`: R = G − B exact; R moved by 0,2 or
    /// more is an error.
    #[test]
    fn a_net_result(
        b in 1i64..50_000,
        extra in 0i64..50_000,
        shift in prop_oneof![-9i64..=-2, 2i64..=9],
        moved in any::<bool>(),
    ) {
        let (b, g) = (Decimal::new(b, 1), Decimal::new(b + extra, 1));
        let r = g - b + if moved { Decimal::new(shift, 1) } else { Decimal::ZERO };
        prop_assume!(r >= Decimal::ZERO);
        let text = format!(
            "Der er {} mio. kr. i uforbrugte midler, mens der på anlægskontoen er et merforbrug på {} mio. kr., så det samlede resultat bliver på {} mio. kr.",
            p1(g), p1(b), p1(r)
        );
        let c = claims_of(&text);
        let v: Vec<Verdict> = c.judged.iter().map(|j| j.verdict).collect();
        prop_assert_eq!(v.len(), 1, "{}\n{}", text, show(&c));
        prop_assert_eq!(v[0] == Verdict::Error, moved, "{}\n{}", text, show(&c));
    }
}

// --- heldout15's news sentences: a remainder, a difference so named, and
// --- the figure of the sentence before, now at another level -----------

/// tests/data/heldout15/gladsaxebladet-mindreforbrug-2017-videreforsel-prosa-fejl.pasted.txt
const GLADSAXE_REST: &str = "Økonomiudvalget har besluttet, at 59,8 mio. kr. af de 102 mio kr. videreføres til det korrigerede budget for 2018, mens det resterende mindreforbrug på 43,2 mio. kr. ikke videreføres, men tilføres kommunekassen.";

/// The same file.
const GLADSAXE_LESS: &str = "Budgettet for 2017 var sat til 612,4 mio. kr., og driftsregnskabet udgjorde 567,3 mio. kr. – altså et mindreforbrug på 45,1 mio. kr.";

/// tests/data/heldout15/sermitsiaq-offentlig-hjaelp-2014-2021-fald-i-procent-prosa-fejl.pasted.txt
const SERMITSIAQ: &str = "I 2014 modtog 7.887 personer på et eller andet tidspunkt af året offentlig hjælp. I 2021 var det tal nede på 3.749 - et fald på 53 procent. For at være talt med i statistikken skal en borger have modtaget 500 kroner eller derover i offentlig hjælp i løbet af året.";

#[test]
fn what_is_left_of_an_amount_when_a_part_is_taken() {
    // The published error: 102 − 59,8 = 42,2, printed 43,2.
    assert_eq!(
        one(GLADSAXE_REST),
        Some((
            Kind::Difference,
            "102 - 59,8 = 43,2".to_string(),
            Verdict::Error
        )),
        "{}",
        show(&claims_of(GLADSAXE_REST))
    );
    let right = GLADSAXE_REST.replace("43,2", "42,2");
    assert_eq!(verdicts(&right), [Verdict::Exact]);
    // No `af de` between the first two: which is the whole is not said.
    let other = GLADSAXE_REST.replace("af de 102 mio kr.", "og 102 mio kr.");
    assert!(
        claims_of(&other).judged.is_empty(),
        "{}",
        show(&claims_of(&other))
    );
    // No `resterende`: the third amount is not what is left.
    let other = GLADSAXE_REST.replace("det resterende mindreforbrug", "et nyt mindreforbrug");
    assert!(
        claims_of(&other).judged.is_empty(),
        "{}",
        show(&claims_of(&other))
    );
}

#[test]
fn a_difference_the_sentence_draws_from_its_two_amounts() {
    assert_eq!(
        one(GLADSAXE_LESS),
        Some((
            Kind::Difference,
            "612,4 - 567,3 = 45,1".to_string(),
            Verdict::Exact
        )),
        "{}",
        show(&claims_of(GLADSAXE_LESS))
    );
    let wrong = GLADSAXE_LESS.replace("45,1", "54,1");
    assert_eq!(verdicts(&wrong), [Verdict::Error]);
    // Without `altså` the third amount may be another year's mindreforbrug.
    let other = GLADSAXE_LESS.replace("– altså et", "og der var et");
    assert!(
        claims_of(&other).judged.is_empty(),
        "{}",
        show(&claims_of(&other))
    );
    // A difference not named as one (`et resultat`): not read.
    let other = GLADSAXE_LESS.replace("mindreforbrug", "resultat");
    assert!(
        claims_of(&other).judged.is_empty(),
        "{}",
        show(&claims_of(&other))
    );
}

#[test]
fn the_figure_of_the_sentence_before_now_at_another_level() {
    // The published error: 7.887 to 3.749 is −52,5 %, printed a fall of 53.
    assert_eq!(
        one(SERMITSIAQ),
        Some((
            Kind::Change,
            "(3.749 - 7.887) / 7.887 = -53%".to_string(),
            Verdict::Error
        )),
        "{}",
        show(&claims_of(SERMITSIAQ))
    );
    let right = SERMITSIAQ.replace("53 procent", "52 procent");
    assert_eq!(verdicts(&right), [Verdict::Rounding]);
    // A rise named for a level that fell: not read.
    let other = SERMITSIAQ.replace("et fald på", "en stigning på");
    assert!(
        claims_of(&other).judged.is_empty(),
        "{}",
        show(&claims_of(&other))
    );
    // Two levels in the sentence before: which one is `det tal` is not said.
    let other = SERMITSIAQ.replace("7.887 personer", "7.887 personer og 1.204 børn");
    assert!(
        claims_of(&other).judged.is_empty(),
        "{}",
        show(&claims_of(&other))
    );
    // The sentence before of a later year: no change since then.
    let other = SERMITSIAQ.replace("I 2014", "I 2022");
    assert!(
        claims_of(&other).judged.is_empty(),
        "{}",
        show(&claims_of(&other))
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// `X af de Y …, mens det resterende … på Z`: Z = Y − X exact; Z moved
    /// by 0,2 or more is an error.
    #[test]
    fn a_remainder(
        x in 1i64..50_000,
        rest in 1i64..50_000,
        shift in prop_oneof![-9i64..=-2, 2i64..=9],
        moved in any::<bool>(),
    ) {
        let (x, y) = (Decimal::new(x, 1), Decimal::new(x + rest, 1));
        let z = y - x + if moved { Decimal::new(shift, 1) } else { Decimal::ZERO };
        prop_assume!(z > Decimal::ZERO);
        let text = format!(
            "Udvalget har besluttet, at {} mio. kr. af de {} mio. kr. overføres til 2027, mens det resterende beløb på {} mio. kr. tilføres kassen.",
            p1(x), p1(y), p1(z)
        );
        let c = claims_of(&text);
        let v: Vec<Verdict> = c.judged.iter().map(|j| j.verdict).collect();
        prop_assert_eq!(v.len(), 1, "{}\n{}", text, show(&c));
        prop_assert_eq!(v[0] == Verdict::Error, moved, "{}\n{}", text, show(&c));
    }

    /// `I Y0 var der X ledige. I Y1 var antallet nede på Y - et fald på P
    /// procent`: P rounded from (Y − X) / X is never an error; moved by 2
    /// or more it is.
    #[test]
    fn the_change_of_the_figure_before(
        x in 200i64..20_000,
        f in 5i64..90,
        shift in prop_oneof![-9i64..=-2, 2i64..=9],
        moved in any::<bool>(),
    ) {
        let y = x - x * f / 100;
        prop_assume!(y > 0 && y < x);
        let p = round_half_away(Decimal::from(x - y) * Decimal::ONE_HUNDRED / Decimal::from(x), 0)
            + if moved { Decimal::from(shift) } else { Decimal::ZERO };
        prop_assume!(p > Decimal::ZERO);
        let text = format!(
            "I 2019 var der {} ledige i kommunen. I 2024 var antallet nede på {} - et fald på {} procent.",
            int(x), int(y), format_number(p, 0, NumberStyle::DANISH)
        );
        let c = claims_of(&text);
        let v: Vec<Verdict> = c.judged.iter().map(|j| j.verdict).collect();
        prop_assert_eq!(v.len(), 1, "{}\n{}", text, show(&c));
        prop_assert_eq!(v[0] == Verdict::Error, moved, "{}\n{}", text, show(&c));
    }
}

// --- Counts rounded to hundreds shown by the document, not the paragraph --

/// tests/data/heldout16/dst-nyt-offentligt-forsoergede-2-kvt-2021-aendring-og-pct-prosa.pasted.txt
/// (two of its paragraphs): the second's counts are too few and too small
/// to show their rounding; the document's show it (`COVID-19` is a name).
const DST_33301: &str = "Fra andet kvartal 2020 til andet kvartal 2021 faldt antallet af ledige, der ikke var i aktivering (nettoledige), med 39.300 til 104.100, svarende til et fald på 27 pct. Samtidig steg antallet af sygedagpengemodtagere med 19.100 til 86.700, svarende til en stigning på 28 pct., hvilket hænger sammen med den lempeligere adgang til sygedagpenge som led i håndteringen af COVID-19-krisen.

Fra første til andet kvartal 2021 steg antallet af personer i virksomhedspraktik med 1.500 til 8.200, svarende til en stigning på 23 pct. I samme periode faldt antallet af personer ansat med løntilskud med 600 til 2.100, svarende til et fald på 22 pct.";

#[test]
fn a_paragraphs_counts_take_the_documents_rounding_to_hundreds() {
    // 1.500 / 6.700 = 22,39 % on the printed counts; from counts rounded
    // to hundreds it may be up to 1.550 / 6.600 = 23,48 %: 23 is no error.
    let c = claims_of(DST_33301);
    let got: Vec<(String, Verdict)> = c.judged.iter().map(|j| (j.formula(), j.verdict)).collect();
    // The falls' verbs stand further back, past what they count (`faldt
    // antallet af ledige, der …, med`, `ansat med løntilskud med`).
    assert_eq!(
        got.iter().map(|g| g.0.as_str()).collect::<Vec<_>>(),
        vec![
            "39.300 / (104.100 + 39.300) = 27%",
            "19.100 / (86.700 - 19.100) = 28%",
            "1.500 / (8.200 - 1.500) = 23%",
            "600 / (2.100 + 600) = 22%",
        ],
        "{}",
        show(&c)
    );
    assert!(
        got.iter().all(|(_, v)| *v == Verdict::Rounding),
        "{}",
        show(&c)
    );
    // A figure between the verb and `med` leaves it unread.
    let between = DST_33301.replace(
        "faldt antallet af personer ansat med løntilskud",
        "faldt antallet af de 2.400 personer ansat med løntilskud",
    );
    assert_eq!(
        claims_of(&between).judged.len(),
        3,
        "{}",
        show(&claims_of(&between))
    );
    // Beyond what the rounding allows: an error still.
    assert!(verdicts(&DST_33301.replace("på 23 pct.", "på 26 pct.")).contains(&Verdict::Error));
    // A paragraph whose own counts are not all whole hundreds keeps them
    // exact: 1.510 / 6.690 = 22,57 %, printed 25.
    let own = DST_33301
        .replace("med 1.500 til 8.200", "med 1.510 til 8.200")
        .replace("på 23 pct.", "på 25 pct.");
    assert!(
        verdicts(&own).contains(&Verdict::Error),
        "{}",
        show(&claims_of(&own))
    );
    // Without the first paragraph, nothing shows the rounding: 23 is an
    // error on the printed counts.
    let alone = DST_33301.split("\n\n").nth(1).unwrap_or_default();
    assert!(
        verdicts(alone).contains(&Verdict::Error),
        "{}",
        show(&claims_of(alone))
    );
}

/// Ages, ranks and other small figures (`de 16-24-årige`, `under 25 år`,
/// `de 5 største kommuner`) neither hide a release's rounding to hundreds
/// nor take it.
#[test]
fn small_figures_neither_hide_nor_take_the_documents_rounding() {
    for small in [
        " Blandt de 16-24-årige faldt ledigheden mest.",
        " Blandt unge under 25 år faldt ledigheden mest i de 5 største kommuner.",
    ] {
        let text = DST_33301.replace("COVID-19-krisen.", &format!("COVID-19-krisen.{small}"));
        let c = claims_of(&text);
        assert_eq!(c.judged.len(), 4, "{}", show(&c));
        assert!(
            c.judged.iter().all(|j| j.verdict == Verdict::Rounding),
            "{small}\n{}",
            show(&c)
        );
    }
    // In the paragraph of the percentage itself too.
    let text = DST_33301.replace("på 23 pct.", "på 23 pct., især blandt unge under 30 år.");
    assert!(
        claims_of(&text)
            .judged
            .iter()
            .all(|j| j.verdict == Verdict::Rounding),
        "{}",
        show(&claims_of(&text))
    );
    // A small count stays exact: 40 / 8.160 = 0,49 %, which 40 read as
    // rounded to hundreds (up to 90 / 8.110 = 1,1 %) would let pass as 1.
    let text = DST_33301.replace(
        "med 1.500 til 8.200, svarende til en stigning på 23 pct.",
        "med 40 til 8.200, svarende til en stigning på 1 pct.",
    );
    let c = claims_of(&text);
    assert_eq!(
        c.judged.iter().map(|j| j.verdict).collect::<Vec<_>>(),
        [
            Verdict::Rounding,
            Verdict::Rounding,
            Verdict::Error,
            Verdict::Rounding
        ],
        "{}",
        show(&c)
    );
}

/// The tenth session's review: a count below 100 that is a count (`steg
/// med 40 til 2.310`, `De 3 nye skoler`) takes a release's rounding to tens
/// and keeps a paragraph exact where the rest are hundreds; posts are no
/// derived persons (`fuldtidsstillinger`); derived persons are rounded,
/// however few (`til 12.300 fuldtidsledige`).
#[test]
fn small_counts_and_derived_persons_of_the_review() {
    // Rounded to tens: 44 / 2.270 = 1,94 % before rounding.
    let tens = "Anbragte børn og unge 2025\n\nVed udgangen af 2025 var 11.280 børn og unge anbragt uden for hjemmet, heraf 5.930 drenge og 5.350 piger. Tallene er afrundet til nærmeste 10.\n\nAntallet af nye anbringelser steg med 40 til 2.310 personer, svarende til 1,9 pct.\n\nI alt 3.470 børn var anbragt i plejefamilie og 1.860 på døgninstitution.";
    let c = claims_of(tens);
    assert!(
        c.judged.iter().all(|j| j.verdict != Verdict::Error),
        "{}",
        show(&c)
    );
    assert!(
        c.judged.iter().any(|j| j.formula().starts_with("40 / ")),
        "{}",
        show(&c)
    );
    // A plan: 1.400 / 12.000 = 11,67 %, printed 11,9.
    let plan = "Skoleudbygning 2027-2030\n\nDe 3 nye skoler øger kapaciteten fra 12.000 til 13.400 elever, en stigning på 1.400 elever eller 11,9 pct.";
    assert!(
        verdicts(plan).contains(&Verdict::Error),
        "{}",
        show(&claims_of(plan))
    );
    // 50 / 1.150 = 4,35 %, printed 4,5: the 50 keeps its paragraph exact
    // though the document's other counts all end in 00.
    let small = "Budgetopfølgning, Jobcenter\n\nKommunen har 45.600 indbyggere, heraf 9.800 børn og 8.400 ældre over 65 år. Der er 2.300 pladser i dagtilbud, 3.100 elever i folkeskolen og 1.400 modtagere af hjemmehjælp.\n\nAntallet af borgere på kontanthjælp steg med 50 til 1.200 personer, svarende til 4,5 pct.";
    assert_eq!(
        verdicts(small),
        [Verdict::Error],
        "{}",
        show(&claims_of(small))
    );
    // Full-time posts are no derived persons: 300 / 1.200 = 25 %, not 20.
    let posts = "Sag: Ældreplan 2027-2030\n\nKommunen har 61.300 indbyggere, og ældreområdet har 1.100 fuldtidsstillinger.\n\nAntallet af plejeboliger øges fra 1.200 til 1.500, en stigning på 300 boliger eller 20 pct.";
    assert!(
        verdicts(posts).contains(&Verdict::Error),
        "{}",
        show(&claims_of(posts))
    );
    // Derived persons, two counts: 700 / 11.600 = 6,03 % on the printed
    // counts, from 650 / 11.650 = 5,58 % up within hundreds.
    let derived = "Flere ledige\n\nBruttoledigheden steg med 700 personer til 12.300 fuldtidsledige, svarende til 5,7 pct.";
    assert_eq!(
        verdicts(derived),
        [Verdict::Rounding],
        "{}",
        show(&claims_of(derived))
    );
    assert_eq!(
        verdicts(&derived.replace("5,7 pct.", "7,5 pct.")),
        [Verdict::Error]
    );
}

/// The review: an average yearly growth rate is no change from the first
/// level to the last (100,0 to 121,7 over five years is 4,0 % a year,
/// 21,7 % in all): not understood, never wrong; the total change is still
/// judged.
#[test]
fn a_yearly_rate_is_no_change_between_the_levels() {
    for text in [
        "Udgifterne til det specialiserede socialområde steg fra 100,0 mio. kr. i 2020 til 121,7 mio. kr. i 2025, svarende til en gennemsnitlig årlig stigning på 4,0 pct.",
        "Antallet af borgere over 80 år forventes at stige fra 3.120 i 2026 til 4.410 i 2035, svarende til en gennemsnitlig stigning på 3,9 pct. pr. år.",
        "Udgifterne steg fra 100,0 mio. kr. i 2020 til 121,7 mio. kr. i 2025, eller 4,0 pct. om året.",
    ] {
        let c = claims_of(text);
        assert!(
            c.judged.iter().all(|j| j.verdict != Verdict::Error),
            "{text}\n{}",
            show(&c)
        );
        assert!(
            c.not_understood.iter().any(|u| u.why.contains("yearly")),
            "{text}\n{}",
            show(&c)
        );
    }
    let total = "Udgifterne steg fra 100,0 mio. kr. i 2020 til 121,7 mio. kr. i 2025, svarende til en stigning på 21,7 pct.";
    assert_eq!(
        verdicts(total),
        [Verdict::Exact],
        "{}",
        show(&claims_of(total))
    );
    assert_eq!(
        verdicts(&total.replace("21,7 pct.", "4,0 pct.")),
        [Verdict::Error]
    );
}

/// The review: a merforbrug of another scope than the budget and accounts
/// beside it (the committee's `samlet merforbrug` against one area's
/// figures, another area's `mindreforbrug`, `et merforbrug på
/// hjemmeplejen` against the whole area's, one of several areas'
/// merforbrug) is not read as budget + merforbrug = regnskab: never wrong.
#[test]
fn a_deviation_of_another_scope_is_not_read() {
    for text in [
        "Budgetopfølgning pr. 30. september 2026\n\nUdvalget forventer et samlet merforbrug på 8,3 mio. kr. i 2026. Merforbruget skyldes primært dagtilbud, hvor det forventede regnskab er 248,1 mio. kr. mod et korrigeret budget på 239,6 mio. kr.",
        "Budgetopfølgning pr. 30. september 2026\n\nPå dagtilbud er det forventede regnskab 248,1 mio. kr. mod et korrigeret budget på 239,6 mio. kr. På skoleområdet forventes et mindreforbrug på 2,1 mio. kr.",
        "Budgetopfølgning\n\nÆldreområdet har et budget på 612,4 mio. kr. og et forventet forbrug på 618,9 mio. kr. Hertil kommer et merforbrug på hjemmeplejen på 3,2 mio. kr.",
        "Budgetopfølgning 2, 2026\n\nUdvalget forventer samlet et mindreforbrug på 8,0 mio. kr. i 2026.\n\nSygedagpenge har et merforbrug på 8,1 mio. kr. Hjemmeplejen forventer et regnskab på 477,5 mio. kr. mod et korrigeret budget på 482,1 mio. kr. Skoleområdet har et mindreforbrug på 11,6 mio. kr.",
    ] {
        let c = claims_of(text);
        assert!(
            c.judged.iter().all(|j| j.verdict != Verdict::Error),
            "{text}\n{}",
            show(&c)
        );
    }
    // One area's own merforbrug, after its figures: judged, and wrong when
    // it is.
    let own = "Ældreområdet: Det korrigerede budget er 612,4 mio. kr. Det forventede regnskab er 621,0 mio. kr. Merforbruget på 8,6 mio. kr. skyldes flere visiterede timer.";
    assert_eq!(verdicts(own), [Verdict::Exact], "{}", show(&claims_of(own)));
    assert_eq!(verdicts(&own.replace("8,6", "6,8")), [Verdict::Error]);
}

/// A release that says how it rounds (`Tallene er afrundet til nærmeste
/// tusinde`) is read so, however few its counts: 15.000 / 250.000 = 6,0 %
/// on the printed counts, 5,9 % before rounding.
#[test]
fn a_stated_rounding_is_read() {
    let text = "Antallet af personer i fleksjob steg med 15.000 til 265.000 i 3. kvartal. Det svarer til en stigning på 5,9 pct.\n\nTallene er afrundet til nærmeste tusinde.";
    assert_eq!(
        verdicts(text),
        [Verdict::Rounding],
        "{}",
        show(&claims_of(text))
    );
    // Without the note: exact counts, 6,0 % is no 5,9.
    let bare = text.split("\n\n").next().unwrap_or_default();
    assert_eq!(
        verdicts(bare),
        [Verdict::Error],
        "{}",
        show(&claims_of(bare))
    );
    // Beyond the thousands (at most 15.500 / 249.000 = 6,2 %): wrong still.
    assert_eq!(
        verdicts(&text.replace("5,9 pct.", "7,9 pct.")),
        [Verdict::Error]
    );
    // In any case (the quick look at the note's bytes ignores it).
    let upper = text.replace(
        "Tallene er afrundet til nærmeste tusinde.",
        "Tallene er AFRUNDET til nærmeste 1.000.",
    );
    assert_eq!(
        verdicts(&upper),
        [Verdict::Rounding],
        "{}",
        show(&claims_of(&upper))
    );
    // A paragraph of its own that names the counts derived (the review):
    // 6.800 / 94.700 = 7,18 % on the printed counts, 7,1 possible within
    // hundreds.
    let derived = "I september var der 101.500 personer på sygedagpenge, hvilket er 7,1 pct. eller 6.800 flere end i august.\n\nI 3. kvartal faldt antallet af personer i fleksjob med 1.400 personer til 32.500, svarende til et fald på 4,0 pct.\n\nTallene er opgjort som fuldtidspersoner.";
    let c = claims_of(derived);
    assert!(
        !c.judged.is_empty() && c.judged.iter().all(|j| j.verdict == Verdict::Rounding),
        "{}",
        show(&c)
    );
}

/// No character but the ASCII letters lowercases to a letter of `frundet`:
/// the quick look for a stated rounding may compare bytes in ASCII case.
#[test]
fn only_ascii_letters_lowercase_to_the_letters_of_afrundet() {
    assert_eq!(
        crate::verify::memo::non_ascii_lowercasing_to("frundet"),
        None
    );
}

/// The review: a plan's few round counts are no statistics release (`fra
/// 1.200 til 1.500`, a wrong percentage still an error), but a release that
/// names its counts as derived (`fuldtidsledige`) rounds them, however few.
#[test]
fn few_round_counts_are_rounded_only_where_the_text_names_them_derived() {
    let plan = "Kommunen har 24.500 indbyggere og 3.100 børn i dagtilbud. Der er 2.800 elever i folkeskolen.\n\nAntallet af ledige faldt med 100 til 1.200 personer, svarende til 10 pct.";
    assert_eq!(
        verdicts(plan),
        [Verdict::Error],
        "{}",
        show(&claims_of(plan))
    );
    let release = "Antallet af fuldtidsledige faldt med 1.300 personer fra september til oktober og udgjorde 84.300 personer.\n\nBlandt kvinderne steg ledigheden med 200 til 5.300 personer, svarende til 4,2 pct.\n\nSiden oktober sidste år er ledigheden steget med 6.100 personer.";
    assert_eq!(
        verdicts(release),
        [Verdict::Rounding],
        "{}",
        show(&claims_of(release))
    );
    assert_eq!(
        verdicts(&release.replace("4,2 pct.", "6,2 pct.")),
        [Verdict::Error]
    );
}

/// Counts printed in thousands (as releases of the labour force survey
/// print them) take that rounding, not hundreds: 2,5 % is 2.600 / 102.600
/// before rounding, printed `med 3.000 til 105.000`; read as hundreds it
/// could be no more than 3.050 / 101.900 = 2,99 % and would be called wrong.
#[test]
fn counts_printed_in_thousands_are_rounded_to_thousands() {
    let text = "Antallet af ledige steg med 3.000 til 105.000 personer, svarende til en stigning på 2,5 pct. Blandt kvinderne steg ledigheden med 1.000 til 48.000 personer, svarende til 3,0 pct. Blandt mændene steg den med 2.000 til 57.000 personer, svarende til 3,6 pct.";
    assert_eq!(
        verdicts(text),
        [Verdict::Rounding, Verdict::Rounding, Verdict::Rounding],
        "{}",
        show(&claims_of(text))
    );
    // Beyond even the thousands' rounding (at most 3.500 / 101.000 = 3,47 %).
    assert_eq!(
        verdicts(&text.replace("2,5 pct.", "3,9 pct.")),
        [Verdict::Error, Verdict::Rounding, Verdict::Rounding]
    );
    // One count in hundreds: the paragraph is rounded to hundreds, and
    // 1.050 / 46.950 = 2,24 % at most is no 3,0.
    assert_eq!(
        verdicts(&text.replace("til 48.000", "til 48.100"))[..2],
        [Verdict::Error, Verdict::Error]
    );
    // Four round thousands are a plan's figures as often: hundreds (the
    // review: `fra 10.000 til 12.000, en stigning på 2.000 pladser eller 25
    // pct.` passed as rounding read in thousands).
    let two = text.split(" Blandt mændene").next().unwrap_or_default();
    assert_eq!(
        verdicts(two),
        [Verdict::Error, Verdict::Error],
        "{}",
        show(&claims_of(two))
    );
    let plan = "Kapaciteten øges fra 10.000 til 12.000 pladser, en stigning på 2.000 pladser eller 25 pct.";
    assert!(
        verdicts(plan).contains(&Verdict::Error),
        "{}",
        show(&claims_of(plan))
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// `faldt/steg antallet af <what it counts> med D til Y, svarende til
    /// et fald/en stigning på P pct.`, the verb up to a dozen words before
    /// `med`: read; P rounded from the true change is never an error, P
    /// moved by 2 or more is.
    #[test]
    fn a_change_whose_verb_stands_back_past_what_it_counts(
        old in 2_000i64..90_000,
        d in 100i64..1_900,
        rise in any::<bool>(),
        words in 0usize..9,
        shift in prop_oneof![-5i64..=-2, 2i64..=5],
        moved in any::<bool>(),
    ) {
        let new = if rise { old + d } else { old - d };
        let p = Decimal::from(d) * Decimal::ONE_HUNDRED / Decimal::from(old);
        let p = round_half_away(p, 0) + if moved { Decimal::from(shift) } else { Decimal::ZERO };
        prop_assume!(p > Decimal::ZERO);
        let pp = format_number(p, 0, NumberStyle::DANISH);
        let (verb, noun) = if rise { ("steg", "en stigning") } else { ("faldt", "et fald") };
        let what = ["personer", "ansat", "med", "løntilskud", "i", "private", "virksomheder", "uden", "for", "kommunen"];
        let text = format!(
            "I samme periode {verb} antallet af {} med {} til {}, svarende til {noun} på {pp} pct.",
            what[..=words].join(" "), int(d), int(new)
        );
        let c = claims_of(&text);
        let v: Vec<Verdict> = c.judged.iter().map(|j| j.verdict).collect();
        prop_assert_eq!(v.len(), 1, "{}\n{}", text, show(&c));
        prop_assert_eq!(v[0] == Verdict::Error, moved, "{}\n{}", text, show(&c));
    }

    /// A release whose counts are all printed in hundreds, its percentages
    /// computed from the unrounded counts: no percentage is an error, in a
    /// paragraph of small counts too.
    #[test]
    fn percentages_of_counts_printed_in_hundreds_are_never_errors(
        big in prop::collection::vec((20_000i64..900_000, 500i64..20_000), 2),
        small in prop::collection::vec((1_000i64..9_000, 100i64..900, any::<bool>()), 1..3),
    ) {
        let hundreds = |n: i64| int(((n + 50) / 100) * 100);
        let pct = |d: i64, old: i64| {
            let p = Decimal::from(d) * Decimal::ONE_HUNDRED / Decimal::from(old);
            format_number(round_half_away(p, 0), 0, NumberStyle::DANISH)
        };
        let mut text = String::new();
        for &(old, d) in &big {
            text.push_str(&format!(
                "Samtidig steg antallet af modtagere med {} til {}, svarende til en stigning på {} pct. ",
                hundreds(d), hundreds(old + d), pct(d, old)
            ));
        }
        text.push_str("Det hænger sammen med COVID-19-krisen.\n\n");
        for &(old, d, rise) in &small {
            prop_assume!(hundreds(d) != "0");
            let (verb, noun, new) = if rise { ("steg", "en stigning", old + d) } else { ("faldt", "et fald", old - d) };
            text.push_str(&format!(
                "I samme periode {verb} antallet af personer i praktik med {} til {}, svarende til {noun} på {} pct. ",
                hundreds(d), hundreds(new), pct(d, old)
            ));
        }
        let c = claims_of(&text);
        prop_assert!(!c.judged.iter().any(|j| j.verdict == Verdict::Error), "{}\n{}", text, show(&c));
    }

    /// A paragraph whose counts are all printed in thousands, its
    /// percentages (one decimal) computed from the unrounded counts: none is
    /// an error; moved by a point more than the thousands allow, each is.
    #[test]
    fn percentages_of_counts_printed_in_thousands_are_never_errors(
        changes in prop::collection::vec((40_000i64..900_000, 1_000i64..30_000, any::<bool>()), 3..5),
        moved in any::<bool>(),
    ) {
        let thousands = |n: i64| ((n + 500) / 1000) * 1000;
        let mut text = String::new();
        for &(old, d, rise) in &changes {
            let new = if rise { old + d } else { old - d };
            let p = Decimal::from(d) * Decimal::ONE_HUNDRED / Decimal::from(old);
            let p = if moved {
                // Beyond the widest reading: (D + 500) / (Y ∓ D − 1.000).
                let (pd, py) = (thousands(d), thousands(new));
                let base = if rise { py - pd - 1000 } else { py + pd - 1000 };
                Decimal::from(pd + 500) * Decimal::ONE_HUNDRED / Decimal::from(base) + Decimal::ONE
            } else {
                p
            };
            let (verb, noun) = if rise { ("steg", "en stigning") } else { ("faldt", "et fald") };
            text.push_str(&format!(
                "Blandt de ledige {verb} antallet med {} til {} personer, svarende til {noun} på {} pct. ",
                int(thousands(d)), int(thousands(new)), p1(p)
            ));
        }
        let c = claims_of(&text);
        let v: Vec<Verdict> = c.judged.iter().map(|j| j.verdict).collect();
        prop_assert_eq!(v.len(), changes.len(), "{}\n{}", text, show(&c));
        prop_assert!(v.iter().all(|v| (*v == Verdict::Error) == moved), "{}\n{}", text, show(&c));
    }
}

/// Efterskolerne 2022 (heldout20): `Helt præcist har 32.447 elever …` then
/// `Det er … en fremgang på 702 elever … svarende til en stigning i
/// elevtallet på 2,29 %`: 702 / (32.447 − 702) = 2,21 %, the published
/// slip found. The 2021 page's `… en stigning på 1.076 elever eller 3,5
/// procent` after `I alt 31.745 unge` holds.
const EFTERSKOLER_2022: &str = "Helt præcist har 32.447 elever valgt at starte skoleåret 2022/23 på en efterskole. Det er – igen - rekord for skoleformen med en fremgang på 702 elever i forhold til sidste år svarende til en stigning i elevtallet på 2,29 % i forhold til sidste skoleår.";
const EFTERSKOLER_2021: &str = "I alt 31.745 unge går i skoleåret 2021/22 på efterskole. Det er det højeste antal nogensinde og en stigning på 1.076 elever eller 3,5 procent.";

#[test]
fn a_rise_after_the_level_it_ends_at() {
    assert_eq!(
        one(EFTERSKOLER_2022),
        Some((
            Kind::Change,
            "702 / (32.447 - 702) = 2,29%".to_string(),
            Verdict::Error
        )),
        "{}",
        show(&claims_of(EFTERSKOLER_2022))
    );
    assert_eq!(verdicts(EFTERSKOLER_2021), [Verdict::Rounding]);
    // A fall named where the rise is meant: another change, not read.
    let fall = EFTERSKOLER_2021.replace("en stigning på", "et fald på");
    assert_eq!(
        verdicts(&fall),
        [Verdict::Error],
        "a fall: 1.076 / (31.745 + 1.076)"
    );
    // `P procent af …` is a share of something else: not read.
    let share = EFTERSKOLER_2021.replace("3,5 procent.", "3,5 procent af landets unge.");
    assert!(
        claims_of(&share).judged.is_empty(),
        "{}",
        show(&claims_of(&share))
    );
    // Two levels before: which one is not known, not read.
    let two = EFTERSKOLER_2021.replace("I alt 31.745 unge", "I alt 31.745 unge og 1.200 lærere");
    assert!(
        claims_of(&two).judged.is_empty(),
        "{}",
        show(&claims_of(&two))
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// `I alt L elever …` then `Det er … en stigning/et fald på D elever
    /// eller P procent`: P = D / (L ∓ D); P moved by 0,2 or more is an
    /// error, never otherwise.
    #[test]
    fn a_rise_after_its_level_is_judged(
        l in 10_000i64..90_000,
        d in 100i64..3_000,
        rise in any::<bool>(),
        shift in prop_oneof![-9i64..=-2, 2i64..=9],
        moved in any::<bool>(),
    ) {
        let old = if rise { l - d } else { l + d };
        let p = Decimal::from(d) * Decimal::ONE_HUNDRED / Decimal::from(old);
        let p = round_half_away(p, 1) + if moved { Decimal::new(shift, 1) } else { Decimal::ZERO };
        prop_assume!(p > Decimal::ZERO);
        let noun = if rise { "en stigning" } else { "et fald" };
        let text = format!(
            "I alt {} elever går i år på efterskole. Det er {noun} på {} elever eller {} procent.",
            int(l), int(d), format_number(p, 1, NumberStyle::DANISH)
        );
        let c = claims_of(&text);
        let v: Vec<Verdict> = c.judged.iter().map(|j| j.verdict).collect();
        prop_assert_eq!(v.len(), 1, "{}\n{}", text, show(&c));
        prop_assert_eq!(v[0] == Verdict::Error, moved, "{}\n{}", text, show(&c));
    }
}
