"""Sentence, quote and target tone: VADER exactly as NLTK, masking, targets, aggregates, CLI."""

from __future__ import annotations

import dataclasses
import inspect
import json
import re
import shutil
from datetime import date

import pandas as pd
import pytest

import analysis.sentiment.model
from analysis import Article, as_document
from analysis._resources import resource
from analysis.actors.registry import default_registry
from analysis.cli import main
from analysis.errors import AnalysisError
from analysis.quotes.extract import Quote, extract_quotes, quotes_frame
from analysis.schemas import columns, conform
from analysis.sentiment.aggregates import (
    tone_arc,
    tone_by_affiliation,
    tone_by_speaker,
    tone_by_target,
)
from analysis.sentiment.masking import mask_spans, name_spans
from analysis.sentiment.model import TargetSentiment, classify_target
from analysis.sentiment.quote_tone import (
    QuoteTone,
    _mentions_in_quote,
    quote_sentiment_frame,
    quote_sentiment_rows,
    score_quotes,
)
from analysis.sentiment.sentences import (
    SentenceSentiment,
    score_sentences,
    sentence_rows,
    sentences_frame,
    tone_label,
)
from analysis.sentiment.targets import (
    score_targets,
    target_rows,
    target_sentiment_frame,
    targets_frame,
)
from analysis.sentiment.vader import polarity_scores

# Hand-written sentences exercising VADER's rules: boosters, negation, "but", caps,
# exclamation marks, emoticons, idioms, and institution names carrying lexicon words.
SENTENCES = [
    "NATO is a very highly valued partner.",
    "The war in Ukraine has global ramifications.",
    "The talks did not fail, but the result was horrible.",
    "Crisis Group warned of a GRAVE crisis!!!",
    "It was kind of good :)",
    "The United Nations Security Council condemned the illegal invasion.",
    "Seoul is hardly happy about the deal, and Pyongyang is furious?",
    "The summit was the bomb, Stoltenberg joked.",
    "Never so proud of our alliance.",
    "The plan is at least workable.",
]


@pytest.fixture(scope="module")
def nltk_analyzer(tmp_path_factory):
    """NLTK's own SentimentIntensityAnalyzer, loading the lexicon through nltk.data.

    The shipped lexicon zip is copied into a private NLTK data folder (no network);
    nltk.data.path is pointed at it only, so NLTK's loader, not ours, reads it.
    """
    import nltk.data
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    folder = tmp_path_factory.mktemp("nltk_data")
    (folder / "sentiment").mkdir()
    with resource("sentiment/vader_lexicon.zip").open("rb") as source, open(
        folder / "sentiment" / "vader_lexicon.zip", "wb"
    ) as target:
        shutil.copyfileobj(source, target)
    saved = list(nltk.data.path)
    nltk.data.path[:] = [str(folder)]
    try:
        yield SentimentIntensityAnalyzer()
    finally:
        nltk.data.path[:] = saved


# --- VADER exactly as NLTK ------------------------------------------------------------


@pytest.mark.parametrize("sentence", SENTENCES)
def test_vader_scores_equal_nltks_own_analyzer(nltk_analyzer, sentence):
    assert polarity_scores(sentence) == nltk_analyzer.polarity_scores(sentence)


def test_sentence_table_compound_is_nltks_on_every_seed_sentence(nltk_analyzer, seed_document):
    frame = sentences_frame(seed_document)
    expected = [nltk_analyzer.polarity_scores(t) for t in seed_document.sentence_texts()]
    assert frame["compound"].tolist() == [e["compound"] for e in expected]
    assert frame["pos"].tolist() == [e["pos"] for e in expected]
    assert frame["neg"].tolist() == [e["neg"] for e in expected]
    assert frame["neu"].tolist() == [e["neu"] for e in expected]


@pytest.mark.parametrize(
    ("sentence", "compound"),
    [
        ("NATO is a very highly valued partner.", 0.5379),
        ("The war in Ukraine has global ramifications.", -0.5994),
        ("United Nations Security Council", 0.6369),
        ("Crisis Group", -0.6249),
        ("The talks went well.", 0.2732),
    ],
)
def test_known_vader_scores(sentence, compound):
    assert polarity_scores(sentence)["compound"] == compound


# --- sentences table ------------------------------------------------------------------

PARAGRAPH = (
    "The United Nations Security Council met on Monday. Crisis Group said the deal is GOOD. "
    "NATO did not praise the plan.\nYoon called it a great success."
)


def test_sentences_frame_schema_offsets_and_masked_scores():
    frame = sentences_frame(PARAGRAPH)
    assert frame.columns.tolist() == columns("sentences")
    assert [PARAGRAPH[s:e] for s, e in zip(frame["start"], frame["end"], strict=True)] == frame[
        "text"
    ].tolist()
    assert frame["sentence"].tolist() == [0, 1, 2, 3]
    assert frame["paragraph"].tolist() == [0, 0, 0, 1]
    assert frame["n_words"].tolist() == [8, 7, 6, 6]
    un = frame.iloc[0]
    assert (un["compound"], un["compound_masked"]) == (0.6369, 0.0)
    # "Crisis Group" no longer drags the sentence down; GOOD keeps its emphasis
    crisis = frame.iloc[1]
    assert crisis["compound"] < 0 < crisis["compound_masked"]
    assert crisis["compound_masked"] == polarity_scores("Xx Xx said the deal is GOOD.")["compound"]


def test_compound_masked_equals_vader_on_the_masked_sentence(seed_document):
    """The shortcut (no second VADER call when no masked word counts) is exact."""
    for document in (as_document(PARAGRAPH), seed_document, as_document(" ".join(SENTENCES))):
        spans = name_spans(document.text)
        for record, sentence in zip(score_sentences(document), document.sentences, strict=True):
            masked = mask_spans(document.text, spans, sentence.start, sentence.end)
            assert record.compound_masked == polarity_scores(masked)["compound"], record.text


def test_sentence_records_are_frozen():
    record = score_sentences("NATO met.")[0]
    assert isinstance(record, SentenceSentiment)
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.compound = 1.0  # type: ignore[misc]


def test_sentences_frame_keys_many_articles():
    articles = [Article("a", "Good news."), Article("b", "Bad news. Worse news.")]
    frame = sentences_frame(articles)
    assert frame["article_id"].tolist() == ["a", "b", "b"]
    assert sentences_frame([]).columns.tolist() == columns("sentences")


def test_articles_not_in_english_get_no_scores_and_a_warning():
    from analysis.sentiment import UnsupportedLanguageWarning

    korean = Article("ko-1", "윤석열 대통령은 나토와 협력을 강화했다. 좋은 회의였다.", language="ko")
    with pytest.warns(UnsupportedLanguageWarning, match="ko-1"):
        frame = sentences_frame(korean)
    assert len(frame) == 2
    assert frame["compound"].isna().all() and frame["compound_masked"].isna().all()
    with pytest.warns(UnsupportedLanguageWarning):
        frame = target_sentiment_frame(korean, targets=["나토와"])
    assert len(frame) == 1 and frame["label"].isna().all() and frame["score"].isna().all()
    assert frame["unscored"].tolist() == ["article not English (language 'ko')"]


@pytest.mark.parametrize(
    ("compound", "label"), [(0.05, "positive"), (0.049, "neutral"), (-0.05, "negative")]
)
def test_tone_label_uses_vaders_cut_offs(compound, label):
    assert tone_label(compound) == label


# --- the classifier's contract ------------------------------------------------------------


def test_classify_target_is_the_model_helpers_and_keeps_its_contract():
    assert classify_target is analysis.sentiment.model.classify_target
    assert TargetSentiment is analysis.sentiment.model.TargetSentiment
    text = "Russia launched a brutal attack, while NATO praised Korea's generous help."
    for start, end in ((0, 6), (39, 43), (52, 57)):
        result = classify_target(text, start, end)
        assert result.label in {"negative", "neutral", "positive"}
        assert -1.0 <= result.score <= 1.0
        assert len(result.probabilities) == 3
        assert sum(result.probabilities) == pytest.approx(1.0)
        assert result.score == pytest.approx(result.probabilities[2] - result.probabilities[0])
    for start, end in ((5, 5), (-1, 3), (0, 500)):
        with pytest.raises(AnalysisError):
            classify_target(text, start, end)


def test_stored_classifier_parameters_are_plain_json_loaded_without_pickle():
    data = json.loads(resource("sentiment/target_sentiment_model.json").read_text(encoding="utf-8"))
    model = analysis.sentiment.model.load_model(data)
    assert model.labels == ("negative", "neutral", "positive")
    text = "Russia launched a brutal attack."
    assert model.classify(text, 0, 6) == classify_target(text, 0, 6)
    source = inspect.getsource(analysis.sentiment.model)
    assert not re.search(r"^\s*(?:import|from)\s+(?:pickle|joblib|cloudpickle|dill)\b", source, re.M)


# --- targets ----------------------------------------------------------------------------

TARGET_TEXT = (
    "Russia attacked Ukraine again. NATO praised South Korea for its strong support. "
    "The DPRK fired a missile."
)


def test_target_frame_scores_every_registry_actor_and_country_with_offsets():
    frame = target_sentiment_frame(TARGET_TEXT)
    assert frame.columns.tolist() == columns("targets")
    assert frame["target"].tolist() == ["Russia", "Ukraine", "NATO", "South Korea", "North Korea"]
    assert frame["kind"].tolist() == ["country", "country", "organisation", "country", "country"]
    for row in frame.itertuples():
        assert TARGET_TEXT[row.start : row.end] == row.mention
        assert row.sentence_start <= row.start < row.end <= row.sentence_end
        assert row.label in {"negative", "neutral", "positive"}
        sentence = TARGET_TEXT[row.sentence_start : row.sentence_end]
        expected = classify_target(sentence, row.start - row.sentence_start,
                                   row.end - row.sentence_start)
        assert row.score == pytest.approx(expected.score)
    assert frame.loc[4, "mention"] == "DPRK"


def test_given_targets_use_the_registry_for_known_names_and_literal_matching_otherwise():
    found = score_targets(TARGET_TEXT, targets=["North Korea", "Acme", "missile"])
    assert [(m.target, m.mention, m.kind) for m in found] == [
        ("North Korea", "DPRK", "country"),
        ("missile", "missile", "target"),
    ]


def test_given_literal_targets_prefer_the_longest_mention():
    text = "Acme Corp met Acme. Acme Corporation did not."
    frame = target_sentiment_frame(text, targets=["Acme", "Acme Corp"])
    found = list(zip(frame["target"], frame["start"], frame["end"], strict=True))
    assert found == [("Acme Corp", 0, 9), ("Acme", 14, 18), ("Acme", 20, 24)]


def test_target_frame_on_many_articles_is_keyed_by_article():
    articles = [Article("a", "NATO met."), Article("b", "Nothing here.")]
    frame = target_sentiment_frame(articles)
    assert frame["article_id"].tolist() == ["a"]


# --- quotes ----------------------------------------------------------------------------


def test_quote_tone_is_vader_on_the_quoted_words(seed_article, nltk_analyzer):
    frame = quote_sentiment_frame(seed_article)
    assert frame.columns.tolist() == columns("quote_sentiment")
    assert len(frame) > 0
    for row in frame.itertuples():
        assert row.compound == nltk_analyzer.polarity_scores(row.text)["compound"]
        assert row.tone == tone_label(row.compound_masked)
    first = frame[frame["text"].str.startswith("Korea is a very highly valued")].iloc[0]
    assert first["compound"] == 0.5379
    assert first["actor"] == "Jens Stoltenberg"


def test_quote_tone_from_a_given_quotes_table():
    text = "“The United Nations Security Council failed us,” she said."
    quotes = pd.DataFrame({"article_id": ["text"], "quote": [0], "kind": ["direct"],
                           "start": [0], "end": [49], "speaker": ["she"],
                           "text": ["The United Nations Security Council failed us,"]})
    row = quote_sentiment_frame(text, quotes=quotes).iloc[0]
    assert row["compound"] == polarity_scores("The United Nations Security Council failed us,")[
        "compound"
    ]
    assert row["compound_masked"] == polarity_scores("The Xx Xx Xx Xx failed us,")["compound"]
    assert row["compound_masked"] < row["compound"]
    assert row["tone"] == "negative"
    assert row["n_words"] == 7


# --- mentions found once, passed in ---------------------------------------------------------

ARTICLE = Article(
    "kim-1",
    "First lady Kim visited Vilnius. Hillary Clinton praised NATO.\n"
    "“Clinton is strong, and Kim is a great partner,” a senator said.",
    published=date(2023, 7, 11),
)


class _NoSearch:
    """A registry that must not be searched: the mentions are given."""

    def find_mentions(self, *args, **kwargs):
        raise AssertionError("the registry was searched although mentions were given")

    def get(self, name):
        return default_registry().get(name)


def _dated_mentions(article: Article):
    return default_registry().find_mentions(article.text, on=article.published)


def test_targets_and_sentences_use_the_dated_mentions_of_the_actors_table():
    """Undated, "first lady Kim" is no one; dated 2023-07-11 she is Kim Keon-hee, as in actors."""
    from analysis.actors import actors_frame

    assert [m.actor for m in default_registry().find_mentions("First lady Kim visited.")] == []
    targets = targets_frame(ARTICLE)
    actors = actors_frame(ARTICLE)
    assert targets["target"].tolist()[0] == "Kim Keon-hee"
    assert list(zip(targets["start"], targets["end"], targets["target"], strict=True)) == list(
        zip(actors["start"], actors["end"], actors["actor"], strict=True))
    masked = sentences_frame(ARTICLE).iloc[0]
    assert masked["compound_masked"] == polarity_scores("First lady Xx visited Xx.")["compound"]


def test_given_mentions_are_used_and_the_registry_is_not_searched_again():
    doc = as_document(ARTICLE)
    mentions = _dated_mentions(ARTICLE)
    assert score_sentences(doc, _NoSearch(), mentions=mentions) == score_sentences(doc)
    assert score_targets(doc, None, _NoSearch(), mentions=mentions) == score_targets(doc)
    found = score_targets(doc, ["Kim Keon-hee", "senator"], _NoSearch(), mentions=mentions)
    assert [(m.target, m.mention, m.kind) for m in found] == [
        ("Kim Keon-hee", "Kim", "person"), ("senator", "senator", "target"),
    ]
    # a corrected mention (here: none at all) is what the tables show
    assert score_targets(doc, None, _NoSearch(), mentions=[]) == []
    unmasked = score_sentences(doc, _NoSearch(), mentions=[])[0]
    assert unmasked.compound_masked == polarity_scores("First lady Kim visited Xx.")["compound"]


def test_quote_tone_masks_the_articles_mentions_inside_the_quote():
    doc = as_document(ARTICLE)
    quotes = extract_quotes(doc)
    assert [q.kind for q in quotes] == ["direct"]
    tones = score_quotes(doc, quotes, _NoSearch(), mentions=_dated_mentions(ARTICLE))
    assert tones == score_quotes(doc, quotes)
    tone = tones[0]
    assert isinstance(tone, QuoteTone) and (tone.quote, tone.start, tone.end) == (0, quotes[0].start,
                                                                                quotes[0].end)
    assert tone.compound == polarity_scores(quotes[0].text)["compound"]
    # "Clinton" alone is ambiguous in the quote, settled by the article ("Hillary Clinton")
    assert default_registry().find_mentions(quotes[0].text) == []
    inside = _mentions_in_quote(doc.text, quotes[0], _dated_mentions(ARTICLE))
    assert [(quotes[0].text[m.start : m.end], m.actor) for m in inside] == [
        ("Clinton", "Hillary Clinton")]
    assert tone.compound_masked == polarity_scores("Xx is strong, and Kim is a great partner,")[
        "compound"]
    assert tone.tone == tone_label(tone.compound_masked)
    with pytest.raises(dataclasses.FrozenInstanceError):
        tone.compound = 0.0  # type: ignore[misc]


def test_quote_tone_aligns_a_quote_over_two_paragraphs():
    text = ("The senator spoke.\n\n“Hillary Clinton failed us.\n\n"
            "“Clinton is a great friend of NATO,” she said.")
    doc = as_document(text)
    quote = Quote("Hillary Clinton failed us.\nClinton is a great friend of NATO,", 20, 85, "direct")
    assert text[quote.start] == "“" and text[quote.end - 1] == "”"
    assert text.find(quote.text) < 0  # not one stretch of the article: aligned char by char
    mentions = default_registry().find_mentions(text)
    inside = _mentions_in_quote(text, quote, mentions)
    assert [(quote.text[m.start : m.end], m.actor) for m in inside] == [
        ("Hillary Clinton", "Hillary Clinton"), ("Clinton", "Hillary Clinton"),
        ("NATO", "NATO")]
    [tone] = score_quotes(doc, [quote], mentions=mentions)
    masked = "Xx Xx failed us.\nXx is a great friend of Xx,"
    assert tone.compound_masked == polarity_scores(masked)["compound"]


def test_quote_sentiment_rows_join_tones_onto_records_and_table_rows(seed_document):
    quotes = extract_quotes(seed_document)
    tones = score_quotes(seed_document, quotes)
    from_records = conform(quote_sentiment_rows(seed_document, quotes, tones), "quote_sentiment")
    table = quotes_frame(seed_document)
    rows = table.to_dict("records")
    from_rows = conform(quote_sentiment_rows(seed_document, rows, tones), "quote_sentiment")
    pd.testing.assert_frame_equal(from_rows, quote_sentiment_frame(seed_document))
    tone_columns = ["quote", "start", "end", "n_words", "compound", "compound_masked", "tone"]
    pd.testing.assert_frame_equal(from_records[tone_columns], from_rows[tone_columns])
    with pytest.raises(ValueError):
        quote_sentiment_rows(seed_document, quotes, tones[:-1])


def test_row_builders_give_the_frames(seed_document):
    records = score_sentences(seed_document)
    rows = sentence_rows(seed_document, records)
    assert len(rows) == len(records) and set(rows[0]) == set(columns("sentences"))
    pd.testing.assert_frame_equal(conform(rows, "sentences"), sentences_frame(seed_document))
    found = score_targets(seed_document)
    rows = target_rows(seed_document, found)
    assert set(rows[0]) == set(columns("targets"))
    pd.testing.assert_frame_equal(conform(rows, "targets"), targets_frame(seed_document))


def test_names_old_and_new_are_exported():
    import analysis.sentiment as sentiment
    from analysis.text.english import NotEnglishWarning

    old = ["NEGATIVE_THRESHOLD", "POSITIVE_THRESHOLD", "SentenceSentiment", "TargetMention",
           "TargetSentiment", "UnsupportedLanguageWarning", "classify_target",
           "quote_sentiment_frame", "score_sentences", "score_targets", "sentences_frame",
           "target_sentiment_frame", "tone_arc", "tone_by_affiliation", "tone_by_speaker",
           "tone_by_target", "tone_label"]
    new = ["QuoteTone", "score_quotes", "quote_sentiment_rows", "sentence_rows", "target_rows",
           "targets_frame"]
    assert set(old + new) <= set(sentiment.__all__)
    assert sentiment.target_sentiment_frame is sentiment.targets_frame
    assert sentiment.UnsupportedLanguageWarning is NotEnglishWarning


def test_tone_arc_reads_a_given_sentences_table(seed_document):
    quotes = quotes_frame(seed_document)
    table = sentences_frame(seed_document)
    pd.testing.assert_frame_equal(tone_arc(seed_document, quotes, sentences=table),
                                  tone_arc(seed_document, quotes))


# --- aggregates ---------------------------------------------------------------------------


def _quote_tones() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "kind": ["direct"] * 5 + ["partial", "title", "indirect"],
            "actor": ["Jens Stoltenberg"] * 5 + ["Yoon Suk Yeol", "Yoon Suk Yeol", None],
            "speaker": ["Stoltenberg"] * 5 + ["Yoon", "Yoon", "the official"],
            "affiliation": ["NATO"] * 5 + ["South Korea", "South Korea", None],
            "compound_masked": [0.5, 0.4, 0.6, 0.3, 0.2, -0.4, 0.9, 0.1],
        }
    )


def test_tone_by_speaker_counts_speech_only_and_flags_small_n():
    table = tone_by_speaker(_quote_tones())
    rows = table[["speaker", "n", "note"]].astype(object).values.tolist()
    assert rows == [
        ["Jens Stoltenberg", 5, pd.NA],
        ["Yoon Suk Yeol", 1, "small n"],  # the title is not speech
        ["the official (unresolved)", 1, "small n"],
    ]
    assert table.loc[0, "mean"] == pytest.approx(0.4)
    assert table.loc[0, "ci_low"] < 0.4 < table.loc[0, "ci_high"]
    pd.testing.assert_frame_equal(table, tone_by_speaker(_quote_tones()))


def test_tone_by_affiliation_and_target():
    assert tone_by_affiliation(_quote_tones())["affiliation"].tolist() == ["NATO", "South Korea"]
    targets = pd.DataFrame({"target": ["NATO"] * 6 + ["Russia"] * 2,
                            "score": [0.2, 0.4, 0.1, 0.3, 0.5, 0.3, -0.6, -0.2],
                            "label": ["neutral"] * 8, "p_negative": [0.2] * 8,
                            "p_neutral": [0.5] * 8, "p_positive": [0.3] * 8})
    table = tone_by_target(targets)
    assert table[["target", "n"]].values.tolist() == [["NATO", 6], ["Russia", 2]]
    assert pd.isna(table.loc[0, "note"]) and table.loc[1, "note"] == "small n"
    assert table.loc[1, "mean"] == pytest.approx(-0.4)


def test_tone_arc_marks_sentences_with_speech(seed_document):
    quotes = pd.DataFrame({"kind": ["direct", "title"], "start": [10, 30], "end": [20, 40]})
    arc = tone_arc("NATO met. “We value it,” he said. The “Pie” song.", quotes=quotes)
    assert arc["quoted"].tolist() == [False, True, False]
    assert arc["position"].is_monotonic_increasing
    seed_arc = tone_arc(seed_document)
    assert len(seed_arc) == len(seed_document.sentences)
    assert seed_arc["quoted"].sum() > 0
    assert seed_arc["compound"].tolist() == sentences_frame(seed_document)["compound"].tolist()


# --- command line ---------------------------------------------------------------------------


def test_cli_prints_sentence_and_target_tables(seed_path, capsys):
    assert main(["sentiment", str(seed_path)]) == 0
    out = capsys.readouterr().out
    assert "# sentences (" in out and "# targets (" in out
    assert "compound_masked" in out and "Jens Stoltenberg" in out


def test_cli_targets_csv_and_summary(seed_path, capsys):
    args = ["sentiment", str(seed_path), "--targets", "North Korea", "Ukraine",
            "--table", "targets", "--format", "csv"]
    assert main(args) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split(",") == columns("targets")
    assert {line.split(",")[1] for line in lines[1:]} == {"North Korea", "Ukraine"}
    assert main(["sentiment", str(seed_path), "--table", "targets", "--summary"]) == 0
    assert "# tone by target" in capsys.readouterr().out
    assert main(["sentiment", str(seed_path), "--targets", "Atlantis", "--table", "targets"]) == 0
    captured = capsys.readouterr()
    assert "no mentions found of: Atlantis" in captured.err
    assert "# targets (0 rows)" in captured.out


def test_cli_missing_input_is_a_usage_error(tmp_path, capsys):
    assert main(["sentiment", str(tmp_path / "missing.txt")]) == 2
    assert "missing.txt" in capsys.readouterr().err


# --- figures: each plots exactly the table a tested function returns ---------------------


@pytest.fixture(scope="module")
def figure_inputs(seed_path):
    from analysis.figures import FigureInputs

    return FigureInputs(seed_path.parents[1])


def _render(name, inputs):
    from analysis.figures import registered_figures, render

    spec = next(spec for spec in registered_figures() if spec.name == name)
    assert "JoongAng" in spec.caption_for(inputs)
    return render(spec, inputs)


def _tick_labels(figure):
    """Return the y tick labels from the top of the chart down."""
    axes = figure.axes[0]
    pairs = zip(axes.get_yticks(), (t.get_text() for t in axes.get_yticklabels()), strict=True)
    # a label is the (wrapped) name, then its n on a line of its own
    # (a pooled row has "pooled: ..." between them)
    return [" ".join(label.rsplit("\nn = ", 1)[0].split("\npooled", 1)[0].split())
            for _, label in sorted(pairs, key=lambda pair: -pair[0])]


def test_speaker_figure_plots_tone_by_speaker(figure_inputs, seed_document):
    from analysis.figures.sentiment import pooled_last

    figure, data = _render("sentiment-speakers", figure_inputs)
    sentiment = quote_sentiment_frame(seed_document)
    unattributed = sentiment["actor"].isna()  # "the pair": one row, never a speaker
    sentiment["actor"] = sentiment["actor"].astype("object").where(~unattributed, "unattributed")
    expected = pooled_last(tone_by_speaker(sentiment))  # pooled rows ("unattributed") last
    pd.testing.assert_frame_equal(data.drop(columns="n_speakers"),
                                  expected.drop(columns="n_speakers"))
    assert data["speaker"].iloc[-1] == "unattributed" and data["n_speakers"].tolist() == [1] * 6
    assert _tick_labels(figure) == data["speaker"].tolist()  # first row drawn on top


def test_target_figure_plots_tone_by_target(figure_inputs, seed_document):
    from analysis.figures.sentiment import MAX_TARGETS

    figure, data = _render("sentiment-targets", figure_inputs)
    expected = tone_by_target(target_sentiment_frame(seed_document)).head(MAX_TARGETS)
    pd.testing.assert_frame_equal(data, expected.reset_index(drop=True))
    assert _tick_labels(figure) == data["target"].tolist()
    assert "NATO" in data["target"].tolist()
    assert (data["n"] >= 1).all()


def test_arc_figure_plots_the_tone_arc(figure_inputs, seed_document):
    figure, data = _render("sentiment-arc", figure_inputs)
    pd.testing.assert_frame_equal(data, tone_arc(seed_document))
    lines = figure.axes[0].get_lines()
    plotted = [line for line in lines if len(line.get_ydata()) == len(data)]
    assert [list(line.get_ydata()) for line in plotted] == [
        data["compound"].tolist(), data["compound_masked"].tolist()
    ]
