"""Canonical actors of descriptions: anonymous sources named by their party or side ("one
Republican involved in the talks") or by a clause after the phrase ("a councillor, who
asked not to be named"), and organisations behind "the company said".

Every text here is written for these tests (invented people and events).
"""

from __future__ import annotations

from datetime import date

import pytest

from analysis.quotes.extract import extract_quotes
from analysis.quotes.speaker_kinds import is_anonymous, named_after, withheld_after
from analysis.text.articles import Article

ON = date(2025, 3, 4)


def _speech(text: str) -> dict[str, tuple[str | None, str | None, str | None]]:
    quotes = extract_quotes(Article(article_id="t", text=text, published=ON))
    return {q.text.strip("“”\",. "): (q.speaker, q.actor, q.speaker_kind) for q in quotes
            if q.kind in ("direct", "partial", "indirect")}


@pytest.mark.parametrize("text", [
    "“The numbers are soft,” said one Republican on the finance panel.",
    "“We expect a walkout,” a Democrat briefed on the vote said.",
    "“They will fold by Friday,” two Conservatives told the paper.",
    "“Nobody trusts the whip,” said one Liberal, who spoke on condition of anonymity.",
])
def test_a_party_member_described_indefinitely_is_an_anonymous_source(text: str) -> None:
    (speaker, actor, kind), = _speech(text).values()
    assert speaker is not None and speaker.split()[0].lower() in {"one", "a", "two"}
    assert (actor, kind) == (None, "anonymous")


def test_a_withheld_name_after_the_phrase_makes_it_anonymous() -> None:
    text = "“It was never going to pass,” said one Hartwell councillor, who asked not to be named."
    (speaker, actor, kind), = _speech(text).values()
    assert speaker == "one Hartwell councillor"
    assert (actor, kind) == (None, "anonymous")


def test_a_named_person_who_declines_to_be_named_elsewhere_stays_named() -> None:
    text = "“I will vote no,” said Tomas Varga, who asked not to be named in earlier reports."
    assert _speech(text)["I will vote no"] == ("Tomas Varga", "Tomas Varga", "person")


def test_a_party_word_before_a_name_is_no_anonymous_source() -> None:
    text = "“The count is wrong,” said Republican Anton Reyes, the county chairman."
    assert _speech(text)["The count is wrong"] == (
        "Republican Anton Reyes", "Anton Reyes", "person")


@pytest.mark.parametrize(("phrase", "anonymous"), [
    ("one Democrat", True),
    ("two Tories", False),           # irregular plural: not listed
    ("a Republican on the panel", True),
    ("a liberal think tank", False),  # the party word modifies a noun
    ("Republicans", True),           # a collective source, as "officials"
    ("Democratic Party", False),
])
def test_member_nouns_head_a_phrase_only_at_its_end_or_before_a_preposition(
        phrase: str, anonymous: bool) -> None:
    assert is_anonymous(phrase) is anonymous


def test_withheld_after_reads_only_the_clause_after_an_indefinite_phrase() -> None:
    text = "“No,” said a Democrat. Another lawmaker, who asked not to be named, agreed."
    end = text.index(".")
    assert not withheld_after("a Democrat", text, end)
    assert withheld_after("a Democrat", "said a Democrat, who spoke on condition of anonymity.",
                          len("said a Democrat"))


def test_a_description_with_a_name_in_apposition_is_not_anonymous() -> None:
    text = "One Republican, Senator Ada Whitlow of Iowa, called the bill “a gift to lobbyists.”"
    assert named_after(text, len("One Republican"))
    _, _, kind = _speech(text)["a gift to lobbyists"]
    assert kind != "anonymous"


# --- "the company said": a definite description of an organisation -------------------

@pytest.mark.parametrize(("text", "actor"), [
    ("Kestrel Motors cut prices on Monday. “Demand is soft,” the company said.",
     "Kestrel Motors"),
    ("Pellow Chemicals, a Welsh paint manufacturer, shut a plant. “Energy costs doubled,” "
     "the firm said.", "Pellow Chemicals"),
    # two bodies: the description's noun picks the one whose name ends in it
    ("The Dorran Dockers Union and the Harlow Bank argued over fees. “We will sue,” the "
     "bank said.", "Harlow Bank"),
])
def test_the_company_speaks_for_the_organisation_the_story_is_about(text: str, actor: str) -> None:
    (speaker, found, kind), = _speech(text).values()
    assert speaker.split()[0] == "the"
    assert (found, kind) == (actor, "organisation")


def test_the_company_with_no_organisation_before_it_stays_unresolved() -> None:
    text = "Brenna Holt runs a bakery in Leeds. “We cannot pay these rates,” the company said."
    assert _speech(text)["We cannot pay these rates"][1:] == (None, "unresolved")


def test_the_head_of_an_indefinite_body_who_withholds_a_name_is_anonymous() -> None:
    text = ("“We were not consulted,” said the director of one shelter network, who asked "
            "not to be named because the network relies on city money.\n\n"
            "“They knew,” she said.")
    quotes = extract_quotes(Article(article_id="t", text=text, published=ON))
    assert [q.speaker_kind for q in quotes] == ["anonymous", "anonymous"]
    assert [q.actor for q in quotes] == [None, None]


def test_the_head_of_a_named_body_stays_a_description() -> None:
    text = ("“We were not consulted,” said the director of the Marlow Shelter Network, who "
            "asked for more time.")
    (quote,) = extract_quotes(Article(article_id="t", text=text, published=ON))
    assert quote.speaker_kind != "anonymous"
