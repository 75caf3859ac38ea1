"""Researcher overrides: corrections applied on every run, dropped records, bad rows."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from analysis import AnalysisError
from analysis.actors.overrides import Override, apply_overrides, load_overrides


@dataclass(frozen=True, slots=True)
class Quote:
    """A stand-in for an extractor record (any frozen dataclass works)."""

    start: int
    end: int
    speaker: str | None
    actor: str | None
    n_words: int
    direct: bool = True


QUOTES = [
    Quote(10, 40, "He", None, 6),
    Quote(50, 90, "Kim", None, 8),
    Quote(100, 120, "the senator", None, 3),
]

OVERRIDES_CSV = """\
# corrections checked against the article by hand
article_id,what,offset,field,value
seed.txt,quotes,50,actor,Kim Eun-hye
seed.txt,quotes,10,speaker,Stoltenberg
seed.txt,quotes,10,actor,Jens Stoltenberg
seed.txt,quotes,100,drop,true
seed.txt,sectors,50,actor,ignored: other table
other.txt,quotes,50,actor,ignored: other article
"""


@pytest.fixture
def overrides_path(tmp_path):
    path = tmp_path / "overrides.csv"
    path.write_text(OVERRIDES_CSV, encoding="utf-8")
    return path


def test_load_overrides_keeps_rows_and_lines(overrides_path):
    overrides = load_overrides(overrides_path)
    assert len(overrides) == 6
    first = overrides[0]
    assert (first.article_id, first.what, first.offset, first.field, first.value) == (
        "seed.txt",
        "quotes",
        50,
        "actor",
        "Kim Eun-hye",
    )
    assert first.line == 3 and first.path == str(overrides_path)


def test_overrides_applied_and_dropped(overrides_path):
    overrides = load_overrides(overrides_path)
    fixed = apply_overrides(QUOTES, overrides, article_id="seed.txt", what="quotes")
    assert fixed == [
        Quote(10, 40, "Stoltenberg", "Jens Stoltenberg", 6),
        Quote(50, 90, "Kim", "Kim Eun-hye", 8),
    ]
    # The input is not changed, and a second run gives the same result.
    assert QUOTES[0].actor is None
    assert apply_overrides(QUOTES, overrides, article_id="seed.txt", what="quotes") == fixed


def test_other_articles_and_tables_untouched(overrides_path):
    overrides = load_overrides(overrides_path)
    assert apply_overrides(QUOTES, overrides, article_id="none.txt", what="quotes") == QUOTES
    other = apply_overrides(QUOTES, overrides, article_id="other.txt", what="quotes")
    assert other[1].actor == "ignored: other article"


def test_values_coerced_to_field_types():
    overrides = [
        Override("a", "quotes", 10, "n_words", "12"),
        Override("a", "quotes", 10, "speaker", ""),
        Override("a", "quotes", 10, "direct", "false"),
        Override("a", "quotes", 10, "start", "11"),
    ]
    (fixed, *_) = apply_overrides(QUOTES, overrides, article_id="a", what="quotes")
    assert fixed == Quote(11, 40, None, None, 12, False)


def test_table_name_singular_or_plural():
    overrides = [Override("a", "Quotes", 10, "speaker", "Yoon")]
    fixed = apply_overrides(QUOTES, overrides, article_id="a", what="quote")
    assert fixed[0].speaker == "Yoon"


def test_custom_offset_attribute():
    overrides = [Override("a", "quotes", 90, "speaker", "Kim Eun-hye")]
    fixed = apply_overrides(QUOTES, overrides, article_id="a", what="quotes", offset_attr="end")
    assert fixed[1].speaker == "Kim Eun-hye"


def test_unknown_field_names_file_and_row(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("article_id,what,offset,field,value\na,quotes,10,speakr,Yoon\n", "utf-8")
    with pytest.raises(AnalysisError) as error:
        apply_overrides(QUOTES, load_overrides(path), article_id="a", what="quotes")
    message = str(error.value)
    assert message.startswith(str(path))
    assert "line 2" in message and "'speakr'" in message and "speaker" in message


def test_bad_value_for_typed_field(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("article_id,what,offset,field,value\na,quotes,10,n_words,many\n", "utf-8")
    with pytest.raises(AnalysisError, match=r"line 2: n_words must be a whole number, not 'many'"):
        apply_overrides(QUOTES, load_overrides(path), article_id="a", what="quotes")


def test_stale_override_warns():
    overrides = [Override("a", "quotes", 999, "speaker", "Yoon", path="o.csv", line=4)]
    with pytest.warns(UserWarning, match="o.csv, line 4: no quotes record of a has start 999"):
        assert apply_overrides(QUOTES, overrides, article_id="a", what="quotes") == QUOTES


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("article_id,what,offset,value\na,quotes,1,x\n", "missing column(s) field"),
        ("article_id,what,offset,field,value\na,quotes,ten,actor,x\n", "line 2: offset 'ten'"),
        ("article_id,what,offset,field,value\n,quotes,1,actor,x\n", "line 2: article_id is empty"),
        ("article_id,what,offset,field,value\na,quotes,1,drop,maybe\n", "drop takes the value"),
        ("", "empty"),
    ],
)
def test_malformed_overrides_file(tmp_path, content, message):
    path = tmp_path / "o.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(AnalysisError) as error:
        load_overrides(path)
    assert str(error.value).startswith(str(path)) and message in str(error.value)


def test_missing_overrides_file(tmp_path):
    with pytest.raises(AnalysisError, match="no such overrides file"):
        load_overrides(tmp_path / "absent.csv")


def test_quotes_frame_applies_overrides_on_every_run(tmp_path, seed_article):
    from analysis.quotes.extract import quotes_frame

    path = tmp_path / "overrides.csv"
    path.write_text(
        "article_id,what,offset,field,value\n"
        f"{seed_article.article_id},quotes,205,drop,true\n"  # "the pair": two speakers
        f"{seed_article.article_id},quotes,5560,speaker,Pete Ricketts\n",
        encoding="utf-8",
    )
    for _ in range(2):  # a re-run gives the corrected table again
        frame = quotes_frame(seed_article, overrides=path)
        assert 205 not in frame["start"].tolist()
        fixed = frame[frame["start"] == 5560].iloc[0]
        assert (fixed["speaker"], fixed["actor"]) == ("Pete Ricketts", "Pete Ricketts")


def test_as_overrides_takes_none_a_path_or_records(overrides_path):
    from analysis.actors.overrides import as_overrides

    assert as_overrides(None) == ()
    from_file = as_overrides(overrides_path)
    assert from_file == load_overrides(overrides_path) == as_overrides(str(overrides_path))
    assert as_overrides(iter(from_file)) == from_file
    with pytest.raises(TypeError, match="not dict"):
        as_overrides([{"article_id": "a"}])


def test_overrides_file_may_carry_other_columns(tmp_path):
    path = tmp_path / "o.csv"
    path.write_text("article_id,what,offset,field,value,note\na,quotes,1,drop,true,checked\n")
    assert [(o.offset, o.field) for o in load_overrides(path)] == [(1, "drop")]


def test_overrides_row_with_too_many_cells_is_an_error(tmp_path):
    path = tmp_path / "o.csv"
    path.write_text("article_id,what,offset,field,value\na,quotes,1,actor,Kim, Eun-hye\n")
    with pytest.raises(AnalysisError, match="line 2: 6 cells but 5 columns; quote cells"):
        load_overrides(path)
