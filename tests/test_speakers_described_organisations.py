"""Organisations the article itself describes ("X, a watchdog group"): their kind, and
"it" / "they" going back to them.

Every text here is written for these tests (invented groups, firms and people).
"""

from __future__ import annotations

from datetime import date

import pytest

from analysis.quotes.extract import extract_quotes
from analysis.quotes.speaker_kinds import described_organisations
from analysis.text.articles import Article

ON = date(2024, 5, 2)


def _speech(text: str) -> dict[str, tuple[str | None, str | None]]:
    quotes = extract_quotes(Article(article_id="t", text=text, published=ON))
    return {q.text.strip("“”\",. "): (q.actor, q.speaker_kind) for q in quotes
            if q.kind in ("direct", "partial", "indirect")}


@pytest.mark.parametrize(("text", "names"), [
    ("Clearwater Ledger, an independent election watchdog, filed suit.", {"Clearwater Ledger"}),
    ("Orin Maddox Partners, a Chicago consultancy that advises insurers, declined.",
     {"Orin Maddox Partners"}),
    ("Tessaly, a two-year-old Busan start-up, raised money.", {"Tessaly"}),
    ("Rosa Quint, a lawyer for the advocacy group, spoke.", set()),
    ("Hal Brandt, a group captain, retired.", set()),
    ("The Harbor Tenants Union, a renters' association, marched.", {"Harbor Tenants Union"}),
    ("Ivo Kern, the union's treasurer, resigned.", set()),
    ("Mina Cho, a former bank, x.", set()),
])
def test_described_organisations_reads_the_head_noun_of_the_apposition(text, names):
    assert described_organisations(text) == names


def test_a_described_organisation_speaks_as_an_organisation():
    text = ('Clearwater Ledger, an independent election watchdog, said the count was '
            '"riddled with gaps."')
    assert _speech(text)["riddled with gaps"] == ("Clearwater Ledger", "organisation")


def test_it_goes_back_to_the_organisation_that_spoke():
    text = ('Clearwater Ledger, an independent election watchdog, called the count '
            '"riddled with gaps." It said it would ask for an audit.')
    assert _speech(text)["it would ask for an audit"] == ("Clearwater Ledger", "organisation")


def test_he_never_goes_back_to_a_described_organisation():
    text = ('Clearwater Ledger, an independent election watchdog, said the count was '
            '"riddled with gaps." "We counted every ballot twice," he said.')
    actor, kind = _speech(text)["We counted every ballot twice"]
    assert actor != "Clearwater Ledger"
    assert kind != "organisation"


def test_they_take_the_organisation_opening_the_sentence_before_over_an_earlier_speaker():
    text = ('Orin Maddox Partners, a Chicago consultancy, said prices would "keep rising." '
            'The Harbor Tenants Union, a renters\' association, marched on Friday. '
            '"We cannot pay this," they said.')
    assert _speech(text)["We cannot pay this"][0] == "Harbor Tenants Union"


# -- a person introduced but not yet quoted, then "he"/"she" ---------------------------


def test_a_name_that_spoke_through_who_is_a_speaker_a_pronoun_goes_back_to():
    text = ("The delegation was led by Deputy Minister Sohn Mi-rae, who told reporters that "
            "talks would resume in March.\n\n"
            "“We came to listen, not to lecture,” she said.")
    assert _speech(text)["We came to listen, not to lecture"][0] == "Sohn Mi-rae"


@pytest.mark.parametrize("apposition", ["a retired nurse who ran twice before,", "61,"])
def test_a_one_word_subject_before_an_apposition_is_the_sentence_subject(apposition):
    text = ("Nina Pruitt lost the primary by 12 votes. Her rival's spokeswoman, Lena Ortiz, "
            "said: “The count was fair.”\n\n"
            f"Pruitt, {apposition} waited outside with her daughters.\n\n"
            "“I asked for one thing and I got it,” she told reporters.")
    assert _speech(text)["I asked for one thing and I got it"][0] == "Nina Pruitt"


def test_a_text_named_by_its_issuer_is_the_issuer_not_its_head():
    text = ("Ministers met in Lisbon. “We will meet again in June,” NATO Secretary General "
            "Mark Rutte said. According to a NATO summary of the talks, the ministers "
            "“firmly rejected” any pause in aid.")
    assert _speech(text)["firmly rejected"] == ("NATO", "organisation")


def test_a_person_whose_surname_is_a_document_noun_stays_a_person():
    text = "“The vote was clean,” said Ada Letter, a poll worker."
    assert _speech(text)["The vote was clean"][0] == "Ada Letter"


# -- a description goes back to the name given with another noun for the role --------


@pytest.mark.parametrize("intro", [
    "Chile's ambassador, Rosa Ibarra,",
    "Chile's ambassador to the African Union, Rosa Ibarra,",
    "Ambassador Rosa Ibarra",
])
def test_the_envoy_goes_back_to_the_named_ambassador(intro):
    text = f"{intro} arrived late. “We have waited long enough,” said the veteran envoy."
    assert _speech(text)["We have waited long enough"] == ("Rosa Ibarra", "description")


def test_a_spokesman_described_later_as_the_spokesperson():
    text = ("The ministry's spokesman, Tarek Nadim, was brief. “No comment,” the "
            "spokesperson said.")
    assert _speech(text)["No comment"][0] == "Tarek Nadim"


# -- a quoted word an apposition calls a word is not speech ----------------------------


@pytest.mark.parametrize("text", [
    "Traders have taken to calling the new bond the “Panda Plus,” a label its issuer dislikes.",
    "Staff call the overnight shift the “graveyard,” a nickname older than the plant.",
])
def test_a_quoted_word_named_a_label_by_its_apposition_is_a_scare_quote(text):
    quotes = extract_quotes(Article(article_id="t", text=text, published=ON))
    assert [q.kind for q in quotes] == ["scare"]
    assert quotes[0].speaker is None


def test_speech_followed_by_a_description_of_its_speaker_stays_speech():
    text = "“We will not sell,” the founder, a former teacher, said on Monday."
    quotes = extract_quotes(Article(article_id="t", text=text, published=ON))
    assert [q.kind for q in quotes] == ["direct"]


@pytest.mark.parametrize("text", [
    "The mayor spoke with reporters, saying the budget was “a disaster.”",
    "A councillor left the room, calling the vote “a sham.”",
])
def test_a_capitalised_article_opening_a_sentence_is_never_an_actor(text):
    quotes = extract_quotes(Article(article_id="t", text=text, published=ON))
    assert [q.actor for q in quotes] == [None]


# -- a subject modified by a restrictive "who" clause ----------------------------------


@pytest.mark.parametrize(("text", "speaker"), [
    ("A port official who was not cleared to brief reporters said the cranes were idle.",
     "A port official"),
    ("The trustee who signed the audit said the books were clean.", "The trustee"),
])
def test_the_speaker_is_the_head_a_who_clause_modifies(text, speaker):
    quotes = extract_quotes(Article(article_id="t", text=text, published=ON))
    assert [q.speaker for q in quotes if q.kind == "indirect"][:1] == [speaker]


def test_a_who_clause_with_its_own_subject_is_not_the_head_speaking():
    text = "The tenants who Mayor Dale Ortiz said were behind the protest denied it."
    quotes = extract_quotes(Article(article_id="t", text=text, published=ON))
    assert all(q.speaker != "The tenants" for q in quotes)


def test_he_after_an_anonymous_who_source_stays_anonymous():
    text = ("Mark Dunn, the county clerk, said the count was over. A county official who "
            "was not cleared to speak said a recount would take weeks.\n\n"
            "“We will need every table in the building,” he said.")
    assert _speech(text)["We will need every table in the building"] == (None, "anonymous")
