"""Speakers of quotes, round ten (cue verbs): verb forms and groups, on sentences written here."""

from __future__ import annotations

from analysis.quotes.extract import extract_quotes


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text) if q.kind in {"direct", "partial"}]


# --- cue verbs added as categories: every inflection --------------------------------------------


def test_started_after_a_quote_is_a_cue() -> None:
    text = "“We will build the bridge by June,” Hollis started. “Nobody believes me.”"
    assert _speakers(text)[0] == "Hollis"


def test_started_with_words_after_it_is_no_cue() -> None:
    text = "Marta Hollis started Monday with a “harvest” breakfast in the square."
    assert _speakers(text) == []


def test_mouthing_reports_the_words() -> None:
    text = "Ferrand waved the flag at the crowd, mouthing “see you soon” toward the stands."
    assert _speakers(text) == ["Ferrand"]


def test_lists_reports_the_words() -> None:
    text = "On its website, the port authority lists “theft of cargo as its top concern.”"
    assert _speakers(text) == ["the port authority"]


def test_cited_reports_the_words() -> None:
    text = "The rowing club cited “broken lockers, leaking roofs and cold showers” in its letter."
    assert _speakers(text) == ["The rowing club"]


def test_a_quoted_phrase_before_a_weak_cue_is_its_object() -> None:
    text = "The three “gaps” Okafor cited are all in the tax code."
    assert _speakers(text) == []  # what "cited" is about, not words Okafor spoke after it
    # a cue closing the sentence reports the whole clause, the quoted object with it
    assert _speakers(text.rstrip(".") + ", critics say.") == ["critics"]


def test_vows_is_a_cue() -> None:
    text = "Ferrand vows “a new season of openness” at the harbour."
    assert _speakers(text) == ["Ferrand"]


def test_stating_shares_the_clause_subject() -> None:
    text = ("On Sunday, Okafor opened a new line of attack, stating that the mayor's plan was "
            "\"plainly unworkable.\"")
    assert _speakers(text) == ["Okafor"]


def test_recognized_that_reports_the_clause() -> None:
    text = ("With the vote a week away, the tribunal recognized that an appeals court should rule "
            "on it, “so that every ballot is counted.”")
    assert _speakers(text) == ["the tribunal"]


def test_capitalised_tweeted_after_a_quote() -> None:
    text = "\"The ferry runs again tomorrow,\" Tweeted Ilse Brandvold on Sunday."
    assert _speakers(text) == ["Ilse Brandvold"]


# --- a quantified group as the subject: "About four in 10 voters say" ---------------------------


def test_a_share_in_ten_of_a_group_speaks() -> None:
    text = "About four in 10 Ohio primary voters say that a candidate must be “someone like me.”"
    assert _speakers(text) == ["About four in 10 Ohio primary voters"]


def test_a_share_with_a_place_after_it_speaks() -> None:
    text = "At least half of voters in each county say the plan is “not realistic,” polls find."
    assert _speakers(text) == ["At least half of voters in each county"]


def test_a_bare_share_speaks() -> None:
    text = "About four in 10 said they were \"furious\" with the county board."
    assert _speakers(text) == ["About four in 10"]


def test_a_share_with_a_percentage_apposition_speaks() -> None:
    text = "Most liked it, and just shy of half, 52%, say the ferry is \"a real improvement\"."
    assert _speakers(text) == ["just shy of half, 52%,"]


def test_a_percentage_after_which_speaks() -> None:
    text = "Voters were asked if the levy would pass, to which 31 percent said “not very likely.”"
    assert _speakers(text) == ["31 percent"]


def test_a_share_never_reaches_across_a_clause() -> None:
    text = "Half of the trawlers stayed in port and the skippers said the ban was “a disaster.”"
    assert _speakers(text) == ["the skippers"]


# --- a multi-word participle after a quote shares the speaker before it -------------------------


def test_a_multi_word_participle_after_a_quote_keeps_the_cue_before() -> None:
    text = ("She also vowed, \"We will clear the harbour of every wreck by spring,\" referring to "
            "the storm damage.")
    assert _speakers(text) == ["She"]


# --- a sentence subject opened by a possessive determiner --------------------------------------


def test_a_possessive_subject_speaks_through_a_statement_participle() -> None:
    text = "His office put out a statement saying the ferry \"will sail again by spring.\""
    assert _speakers(text) == ["His office"]


# --- missing inflections of listed cue verbs ----------------------------------------------------


def test_decried_reports_the_words() -> None:
    text = "Okafor has increasingly decried the rise of “harbour-side greed” in her speeches."
    assert _speakers(text) == ["Okafor"]


def test_a_praising_participle_shares_the_clause_subject() -> None:
    text = "Ilse Brandvold worked the crowd, praising \"the ferry crews and their quiet courage.\""
    assert _speakers(text) == ["Ilse Brandvold"]


# --- an apposition between dashes before the cue ------------------------------------------------


def test_a_dash_apposition_is_skipped() -> None:
    text = "Odile Marchetti — a ferry pilot from Calais — says the tunnel is \"a waste of rock.\""
    assert _speakers(text) == ["Odile Marchetti"]


def test_a_double_hyphen_apposition_is_skipped() -> None:
    text = ("A former harbour master -- Ravi Sandhu, who retired in 2009 -- said the dredging "
            "was \"far too late.\"")
    assert _speakers(text) == ["A former harbour master"]


def test_a_long_dash_apposition_before_told() -> None:
    text = ("On Monday, Okafor — named by the Harbour Gazette as the likeliest choice for the "
            "board's next chair of the dredging fund — told Radio North, that “we must look at it.”")
    assert _speakers(text) == ["Okafor"]


# --- more cue verbs: affirm, sing, "issued a statement" -----------------------------------------


def test_affirmed_that_reports_the_clause() -> None:
    text = "Ravi Sandhu affirmed that the port \"will never turn a vessel away.\""
    assert _speakers(text) == ["Ravi Sandhu"]


def test_sings_reports_the_lyric() -> None:
    text = "In her best-known ballad, Mira Solberg sings, \"Leave the light on by the quay.\""
    assert _speakers(text) == ["Mira Solberg"]


def test_issued_a_statement_before_a_quote() -> None:
    text = "Right after the storm, Okafor issued a statement, “Tonight the harbour stands together.”"
    assert _speakers(text) == ["Okafor"]


def test_issued_a_statement_describing() -> None:
    text = "Lund and Berg issued a statement describing their talks as a “very positive step.”"
    assert _speakers(text)[0].endswith("Berg")  # the nearer of the two joined names


# --- infinitives whose subject speaks: "refused to say", "but only to tell" ---------------------


def test_refused_to_say_is_the_subjects_speech() -> None:
    text = "Ferrand refused to say “the words everyone wanted.”"
    assert _speakers(text) == ["Ferrand"]


def test_but_only_to_tell_is_the_subjects_speech() -> None:
    text = "Lund agreed to a call, but only to tell Berg that he would not \"rubber-stamp\" the plan."
    assert _speakers(text) == ["Lund"]


# --- a pronoun fused with its auxiliary: "he’s predicting" --------------------------------------


def test_a_contracted_pronoun_subject_speaks() -> None:
    text = "Okafor won again. And she’s predicting that the vote will be \"a rout for the old guard.\""
    assert _speakers(text) == ["she"]


def test_a_contracted_pronoun_is_read_without_its_auxiliary() -> None:
    text = "They've said that the levy will be \"a burden on every skipper.\""
    assert _speakers(text) == ["They"]


# --- "made clear", "denounced" ------------------------------------------------------------------


def test_made_clear_reports_the_clause() -> None:
    text = "Okafor has made clear that she expects the board to \"fight for every berth.\""
    assert _speakers(text) == ["Okafor"]


def test_made_it_clear_reports_the_clause() -> None:
    text = "Lund backed the deal, although she made it clear that she has “serious doubts” about it."
    assert _speakers(text) == ["she"]


def test_denounced_reports_the_words() -> None:
    text = "Ferrand denounced the “open berths” policy at the rally."
    assert _speakers(text) == ["Ferrand"]


def test_a_floated_both_between_subject_and_cue() -> None:
    text = "Ferrand and Lund both denounced the nascent “Harbour First” movement on the radio."
    assert _speakers(text)[0] is not None and _speakers(text)[0].endswith("Lund")


# --- weak verbs of judging: criticize, condemn, accuse ------------------------------------------


def test_criticized_reports_the_words() -> None:
    text = "At a stop in Dover, former mayor Ada Lund criticized the levy as a “crazy tax.”"
    assert _speakers(text) == ["Ada Lund"]


def test_condemned_reports_the_words() -> None:
    text = "In a speech on Friday, President Ilse Brandvold condemned the \"cowardly attack on the port.\""
    assert _speakers(text) == ["President Ilse Brandvold"]


def test_a_weak_cue_does_not_reach_past_a_semicolon() -> None:
    text = "Okafor condemned the council; the “harbour reform” stalled in June."
    assert _speakers(text) == []


def test_speaks_of_reports_the_words() -> None:
    text = "Okafor often speaks of breaking \"the oldest, hardest harbour ceiling\" by winning."
    assert _speakers(text) == ["Okafor"]


# --- a time phrase in "ago" between subject and cue ---------------------------------------------


def test_a_time_phrase_in_ago_is_skipped() -> None:
    text = "The Harbour Office less than two weeks ago said that the pier \"was unsafe.\""
    assert _speakers(text) == ["The Harbour Office"]


# --- a bare noun subject with a postmodifier: "Officials close to the mayor say" ---------------


def test_a_bare_plural_with_a_postmodifier_speaks() -> None:
    text = "Officials close to the harbour master say the plan is \"dead in the water.\""
    assert _speakers(text) == ["Officials close to the harbour master"]


def test_a_bare_singular_with_familiar_with_speaks() -> None:
    text = "Source familiar with the ferry deal says it will \"cost far more than anyone admits.\""
    assert _speakers(text) == ["Source familiar with the ferry deal"]


def test_a_quantity_inside_a_word_at_the_window_start_is_no_subject() -> None:
    from analysis.quotes.quantified_subjects import QUANTITY_LOOKBACK, quantified_subject

    share = "half of the residents in the "
    text = "They spoke on be" + share + "d" * (QUANTITY_LOOKBACK - len(share) - 1) + " said"
    cue = text.index(" said") + 1
    assert text[cue - QUANTITY_LOOKBACK :].startswith("half")  # the window opens in "behalf"
    assert quantified_subject(text, 0, cue) is None
    assert quantified_subject("Half of the residents said", 0, 21).text == "Half of the residents"
