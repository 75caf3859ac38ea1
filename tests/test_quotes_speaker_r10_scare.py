"""Short quotes someone owns or uses as their wording are speech, not scare quotes (wing-scare).

Every sentence here is written for these tests, with hand gold.
"""

from __future__ import annotations

import pytest

from analysis.quotes.extract import extract_quotes
from analysis.quotes.owned_wording import owned_noun_before


def _marks(text: str) -> list[tuple[str, str | None]]:
    return [(q.kind, q.speaker) for q in extract_quotes(text) if q.kind != "indirect"]


@pytest.mark.parametrize(("text", "speaker"), [
    # a possessive and a wording noun: the scare marker gives way
    ("Dalgaard’s campaign motto is “Fix the Roads.”", "Dalgaard’s"),
    ("The Velmar League’s slogan was “Bread First” for a decade.", "Velmar League’s"),
    ("Their chants of “Pia! Pia!” filled the gym.", "Their"),
    # a possessive pronoun gives way to the name that is the sentence's subject
    ("Okonjo backed the levy because, in her words, “it pays for itself within a year.”",
     "Okonjo"),
    ("Brandt later said his remarks were “a joke” and apologised.", "Brandt"),
    # a description as subject: the pronoun stays the speaker
    ("The latter was by her own admission a “blunder.”", "her"),
])
def test_a_possessors_wording_is_their_partial_quote(text: str, speaker: str) -> None:
    assert _marks(text) == [("partial", speaker)]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Senator Ivo Ramsden has coined a new phrase, “paper budgets,” for the plan.", "Senator Ivo Ramsden"),
    ("Governor Tamsin Oyelaran ran on the slogan “Clean Water Now” in 2014.", "Governor Tamsin Oyelaran"),
    ("In her letters, she referred to him by a nickname, “Bear.”", "she"),
])
def test_a_wording_the_subject_coins_or_runs_on_is_their_partial_quote(text: str, speaker: str) -> None:
    assert _marks(text) == [("partial", speaker)]


@pytest.mark.parametrize("text", [
    # words quoted as words, with nobody's possessive
    "The word “bridge” came up twice in the minutes.",
    "Students say they use terms like “glowup” every day.",
    "The slogan “Bread First” was painted on the wall.",
    # a so-called quote stays a scare quote, possessive or not
    "Their so-called “reform” stalled.",
    # a wording noun with no possessive and no verb of using it
    "A nickname, “Bear,” stuck to him at school.",
])
def test_words_nobody_owns_stay_scare_quotes(text: str) -> None:
    assert [kind for kind, _ in _marks(text)] == ["scare"]


def test_a_title_after_a_possessive_stays_a_title() -> None:
    assert _marks("Her song “Blue Harbour Lights” topped the charts.") == [("title", None)]


def test_owned_noun_before_finds_the_possessor_and_reads_links() -> None:
    before = "Kim Osei’s favourite slogan, "
    span = owned_noun_before(before)
    assert span is not None and before[span[0]:span[1]] == "Kim Osei’s"
    assert owned_noun_before("The Party’s plan for ") is None  # "plan" is no noun of saying
    assert owned_noun_before("Osei’s call for ") is not None
    assert owned_noun_before("Osei’s call for ", wording_only=True) is None
    assert owned_noun_before("Osei’s statement about ") is None  # a topic, not the words


@pytest.mark.parametrize(("text", "speaker"), [
    ("The Brennick campaign released a memo on Friday titled “Where We Stand Now.”",
     "The Brennick campaign"),
    ("Voters First, a group formed in March, launched a radio ad in Ohio titled, “Rigged.”",
     "Voters First"),
])
def test_the_title_of_material_the_subject_puts_out_is_its_partial_quote(text: str, speaker: str) -> None:
    assert _marks(text) == [("partial", speaker)]


@pytest.mark.parametrize("text", [
    # a book, a song or a film keeps its title
    "Marta Quist wrote a book titled “Salt Roads.”",
    "The band released a song called “Harbour Lights.”",
    # no verb of putting the material out
    "Voters saw an ad titled “Rigged.”",
    # a subject that is not a speaker
    "It aired a video titled “Rigged.”",
])
def test_other_titles_stay_titles(text: str) -> None:
    assert [kind for kind, _ in _marks(text)] == ["title"]


@pytest.mark.parametrize(("text", "speaker"), [
    # the stance verb's subject in a later clause than the sentence's subject
    ("It is odd that Councillor Ames would deride “soft money” now.", "Councillor Ames"),
    ("It was Tova Lind, who portrayed the mayor as a “quiet hero” at dinner.", "who"),
    # an active naming verb after a pronoun: the namer's words, no scare marker
    ("It was aimed at Rubens, whom he dubbed “the tiny banker.”", "he"),
    # a description with "the" or a possessive may be the verb's subject
    ("It was odd that Okafor’s aide had challenged the “reform” at all.", "Okafor’s aide"),
])
def test_the_subject_of_the_stance_verb_says_the_short_quote(text: str, speaker: str) -> None:
    assert _marks(text) == [("partial", speaker)]


@pytest.mark.parametrize("text", [
    # the writer's "we" is no speaker
    "It is odd that we deride “soft money” now.",
    # a label someone else gave
    "It is odd that they prefer goods labeled “local” at all.",
    # a passive naming verb
    "The tax, dubbed the “road levy,” passed in May.",
    # a verb of seeing without "as"
    "The city saw a “surge” in visitors.",
    # a subject that names no one in particular
    "It is far from a plan that attacked the “old guard” head on.",
])
def test_short_quotes_outside_the_stance_verbs_clause_stay_scare(text: str) -> None:
    assert [kind for kind, _ in _marks(text)] == ["scare"]


@pytest.mark.parametrize(("text", "speaker"), [
    # verbs of presenting someone as what the quote says
    ("Senator Ada Kroll keeps presenting herself as “anti-machine.”", "Senator Ada Kroll"),
    ("Varga, who has postured himself as the “jobs candidate,” spoke last.", "who"),
    # a passive verb of judging with its agent
    ("It is a plan seen by many farmers as a “lifeline” this year.", "many farmers"),
])
def test_presenting_verbs_and_passive_agents_say_the_short_quote(text: str, speaker: str) -> None:
    assert _marks(text)[0] == ("partial", speaker)


def test_a_passive_verb_without_a_named_agent_stays_scare() -> None:
    assert [kind for kind, _ in _marks("It is a plan seen by it as a “lifeline” this year.")] == ["scare"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("At one point, Okafor coached Lind to “breathe, breathe.”", "Okafor"),
    ("That is why he wanted to “go the extra mile” in Ohio.", "he"),
    ("Kim Osei asked voters in the county to “stay home” on Friday.", "Kim Osei"),
    ("In 2010, Mayor Ruth Kel made clear her aim to “rebuild from the ground up” soon.",
     "Mayor Ruth Kel"),
])
def test_a_quoted_verb_phrase_after_a_verb_of_wanting_is_its_subjects(text: str, speaker: str) -> None:
    assert _marks(text)[0] == ("partial", speaker)


@pytest.mark.parametrize("text", [
    "It is hard to “win” here.",
    "The files were upgraded to “secret” in May.",
])
def test_a_quoted_verb_phrase_without_a_verb_of_wanting_stays_scare(text: str) -> None:
    assert [kind for kind, _ in _marks(text)] == ["scare"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Okafor has intimated that the board’s “fixes” fall short.", "Okafor"),
    ("Brandt launched into a lament for the “forgotten towns” of the north.", "Brandt"),
    ("The panel saw Ruiz as the “steady hand” the bank needed.", "The panel"),
    ("Senator Lew Haddad has pointed to the vote as proof of a “broken process.”", "Senator Lew Haddad"),
])
def test_verbs_of_hinting_lamenting_and_seeing_as_say_the_short_quote(text: str, speaker: str) -> None:
    assert _marks(text)[0] == ("partial", speaker)


def test_a_long_partial_quote_with_no_subject_falls_back_to_the_stance_verbs_subject() -> None:
    text = "It is odd that Councillor Ames would deride “the soft money that floods every race” now."
    assert _marks(text) == [("partial", "Councillor Ames")]
