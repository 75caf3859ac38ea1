"""Speakers of quotes, round four (issue 12): wrong and missing speakers, on sentences written here."""

from __future__ import annotations

import pytest

from analysis.quotes.extract import extract_quotes


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text) if q.kind in {"direct", "partial"}]


# --- a quote after one that ran over a paragraph break and ended in its cue --------------


def test_quote_after_a_multi_paragraph_quote_goes_on_with_its_speaker() -> None:
    text = ("Lena Brandt said: “The harbour has waited ten years for this.\n\n"
            "“Nobody should pretend the cranes are cheap,” Brandt said. "
            "“But the ships will not wait for us.”")
    assert _speakers(text) == ["Brandt", "Brandt"]


# --- a pronoun speaker inside a clause its sentence's subject heads -------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Dana Holt said the board, which she called “asleep at the wheel”, had to go.",
         "Dana Holt"),
        ("Peter Lund attacked what he calls “a tax on bread” and promised a vote.", "Peter Lund"),
        ("Peter Lund said he would vote for Ms. Berg, whom he called “the only adult in the room.”",
         "Peter Lund"),
        ("Peter Lund said the council, which he once called “a circus,” had improved.",
         "Peter Lund"),
    ],
)
def test_pronoun_in_an_embedded_clause_is_named_by_the_subject(text: str, speaker: str) -> None:
    quotes = [q for q in extract_quotes(text) if q.kind == "partial"]
    assert [q.speaker for q in quotes] == [speaker]
    assert [q.actor for q in quotes] == [speaker]
    assert text[quotes[0].speaker_start : quotes[0].speaker_end] == speaker


@pytest.mark.parametrize(
    ("text", "speaker", "actor"),
    [
        # the pronoun heads the main clause: its own speaker
        ("When Peter Lund was asked about the plan, he said it was “a tax on bread.”", "he",
         "Peter Lund"),
        # the pronoun stands for the object, not the subject
        ("Ms. Berg praised Peter Lund for what he called “a fair deal.”", "he", "Peter Lund"),
        # the pronoun does not agree with the subject
        ("Peter Lund defended Anna Berg, whom she called “a friend.”", "she", "Anna Berg"),
    ],
)
def test_pronoun_that_is_not_the_subject_stays(text: str, speaker: str, actor: str) -> None:
    quotes = [q for q in extract_quotes(text) if q.kind == "partial"]
    assert [(q.speaker, q.actor) for q in quotes] == [(speaker, actor)]


# --- a participle clause after a comma is no sentence subject -----------------------------


def test_participle_after_a_comma_is_not_the_speaker() -> None:
    text = "On Monday, Mayor Ida Kern endorsed the plan, citing its “careful budget work over three years.”"
    assert _speakers(text) == ["Mayor Ida Kern"]



# --- the subject of an absolute "with" clause speaks its participle -----------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The council rejected the plan, with Senator Ada Lund calling it “a shell game.”",
         "Senator Ada Lund"),
        ("Protesters marched through the square, with many students chanting “No more cuts.”",
         "many students"),
    ],
)
def test_subject_of_an_absolute_with_clause_speaks(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


def test_a_statement_saying_still_gives_the_clause_subject() -> None:
    text = "The Harbor Workers Union issued a statement saying it would “fight the ruling in every court.”"
    assert _speakers(text) == ["The Harbor Workers Union"]


# --- an adverb or a time phrase opening the sentence is not its subject -------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Early in the race, Ostrow attacked the governor, calling him “a tourist in his own state.”",
         "Ostrow"),
        ("Thirteen years earlier, she had voted against the bill as “a reckless gamble with pensions.”",
         "she"),
        ("Kelly criticized the plan, calling it “a reckless gamble with pensions.”", "Kelly"),
    ],
)
def test_opening_adverb_or_time_phrase_is_not_the_speaker(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


# --- a quantifier or a share standing alone as the speaker --------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Many residents wrote to the council. Another said the plan was “a gift to the developers.”",
         "Another"),
        ("In the poll, 21 percent said the mayor was “out of touch.”", "21 percent"),
        ("The crowd cheered. Some chanted “Four more years!”", "Some"),
        ("Some of the members said the plan was “a gift to the developers.”", "Some of the members"),
    ],
)
def test_quantifier_alone_is_the_speaker(text: str, speaker: str) -> None:
    quotes = [q for q in extract_quotes(text) if q.kind in {"direct", "partial"}]
    assert [q.speaker for q in quotes] == [speaker]
    assert [q.actor for q in quotes] == [None]


def test_quantifier_inside_a_phrase_is_not_a_speaker() -> None:
    text = "The mayor met some residents and said the plan was “a gift to the developers.”"
    assert _speakers(text) == ["The mayor"]


# --- an inverted speaker that a relative clause or a participle goes on -------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“The numbers do not add up,” said a former U.S. trade official who oversaw the talks.",
         "a former U.S. trade official"),
        ("“The numbers do not add up,” said one Democrat involved in the talks, who asked not to be named.",
         "one Democrat"),
        ("“We are ready,” said Kim Sol, who spoke at the rally.", "Kim Sol"),
    ],
)
def test_inverted_speaker_before_its_postmodifier(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


# --- a name opening the clause an outer speech cue reports --------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Councillor Ana Pratt said Berg urged members to stay “closely in step.”", "Councillor Ana Pratt"),
        ("Pratt pointed out that Berg calls the levy “a tax on rain.”", "Pratt"),
    ],
)
def test_name_opening_a_reported_clause_gives_the_outer_speaker(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # other words stand between the outer cue and the name: the name's own clause
        ("At one point, a reporter asked for a photo and Berg said, “as long as it is quick.”", "Berg"),
        ("Pratt wrote after Berg argued that “the levy will fund the harbour.”", "Berg"),
    ],
)
def test_name_after_other_words_keeps_its_own_cue(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]
