"""Sentence segmentation against the hand-made fixture of tricky news passages.

Accepted accuracy: exact boundary F1 >= 0.975 and at least 85 of the 88 passages split
exactly as the gold. The misses allowed are the known limit, all of one kind: an
abbreviation written with periods that ends a sentence before a capitalised name ("in
the U.S. Kim returned", "the E.U. Japan has", "Washington, D.C. Seoul sent"), which
Punkt's heuristics cannot tell from "U.S. Senators". The fixture is not to be weakened
to pass: fix analysis/text/segmentation.py or the word lists in analysis/resources/ instead.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from analysis.evaluation.segmentation import read_passages, score_splitter
from analysis.text.document import as_document, split_paragraphs, split_sentences

FIXTURE = Path(__file__).parent / "fixtures" / "segmentation" / "passages.txt"
KNOWN_MISSES = {
    "us-sentence-end-name", "us-president-title", "acronym-with-periods-end",
}



def _ours(text: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in split_sentences(text)]


def _sentences(text: str) -> list[str]:
    return [s.slice(text) for s in split_sentences(text)]


@pytest.fixture(scope="module")
def passages():
    return read_passages(FIXTURE)


def test_fixture_is_large_and_well_formed(passages):
    assert len(passages) >= 80
    names = [p.name for p in passages]
    assert len(names) == len(set(names))
    for passage in passages:
        assert all(passage.text[s:e].strip() == passage.text[s:e] for s, e in passage.sentences)


def test_accuracy_on_fixture(passages):
    scores = score_splitter(_ours, passages)
    assert scores.f1 >= 0.975, scores.summary()
    assert len(scores.failures) <= 3, scores.failures
    assert set(scores.failures) <= KNOWN_MISSES, scores.failures


@pytest.mark.parametrize(
    "name",
    ["us-senators", "titles-sen-gov", "dates-jan", "initials-jfk", "number-no",
     "quote-question-attribution", "list-numbered", "time-am", "inc-end", "abbrev-etc",
     "korean-names-initials", "ellipsis-quote-trailing", "numbered-paren-list"],
)
def test_named_cases_exact(passages, name):
    passage = next(p for p in passages if p.name == name)
    assert _ours(passage.text) == list(passage.sentences)


def test_untrained_punkt_fails_where_we_succeed():
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    text = "Yoon met U.S. Senators Pete Ricketts and Jeanne Shaheen. They spoke."
    assert len(list(PunktSentenceTokenizer().span_tokenize(text))) == 3
    assert len(split_sentences(text)) == 2


def test_line_wrap_inside_blank_line_paragraph_is_not_a_break():
    text = "Yoon later met U.S.\nSenators Ricketts and Sullivan.\nThey sang.\n\nNext paragraph."
    assert _sentences(text) == [
        "Yoon later met U.S.\nSenators Ricketts and Sullivan.",
        "They sang.",
        "Next paragraph.",
    ]
    assert [s.paragraph for s in split_sentences(text)] == [0, 0, 1]


def test_list_items_inside_a_paragraph_are_sentences():
    text = "The areas are:\n- cyber defence\n- climate security\n\n1. Deter.\n2. Defend."
    assert _sentences(text) == [
        "The areas are:", "- cyber defence", "- climate security", "1. Deter.", "2. Defend.",
    ]


def test_every_line_is_a_paragraph_without_blank_lines():
    text = "Headline without a stop\nFirst sentence. Second one.\n"
    assert [p.slice(text) for p in split_paragraphs(text)] == [
        "Headline without a stop", "First sentence. Second one.",
    ]
    assert _sentences(text) == ["Headline without a stop", "First sentence.", "Second one."]


def test_number_abbreviation_only_before_a_number():
    assert _sentences("He ranked No. 2 in Asia. She said no. Then she left.") == [
        "He ranked No. 2 in Asia.", "She said no.", "Then she left.",
    ]


def test_a_title_is_never_a_sentence_end():
    # Korean surnames such as An or So are also frequent sentence starters.
    assert _sentences("Mr. An Ho-young met Sen. So Yeon. Then he left.") == [
        "Mr. An Ho-young met Sen. So Yeon.", "Then he left.",
    ]
    assert _sentences("They live on Main St. The house is red.") == [
        "They live on Main St.", "The house is red.",
    ]


def test_empty_and_blank_texts():
    assert split_sentences("") == ()
    assert split_sentences(" \n\n \n") == ()
    assert as_document("").sentences == ()


def test_sentence_indices_and_lookup(seed_document):
    doc = seed_document
    assert [s.index for s in doc.sentences] == list(range(len(doc.sentences)))
    assert len(doc.paragraphs) == 28
    assert len(doc.sentences) == 37
    middle = doc.sentences[5]
    assert doc.sentence_at(middle.start) == middle
    assert doc.sentence_at(middle.end - 1) == middle
    between = doc.sentences[0].end  # the newline after the first paragraph
    assert doc.sentence_at(between) is None
    assert doc.sentence_at(len(doc.text) + 10) is None


def test_seed_sentences_keep_quotes_and_us_senators(seed_document):
    texts = list(seed_document.sentence_texts())
    assert any(t.startswith("On Tuesday morning, Yoon also met") and
               t.endswith("a Republican of Arkansas.") for t in texts)
    assert "Stoltenberg told Yoon on the sidelines of the NATO summit in Vilnius." in texts[2]
    assert texts[4].endswith("matters for the Indo-Pacific.”")


def _load_benchmark(name: str):
    path = Path(__file__).resolve().parents[1] / "benchmarks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_segmentation_benchmark_runs(capsys):
    bench = _load_benchmark("bench_segmentation")
    assert bench.main(["--megabytes", "0.01", "--rounds", "1", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    ours = report["results"][0]
    assert ours["splitter"].startswith("analysis")
    assert ours["passages_exact"] >= 0.96


def test_pipeline_benchmark_runs(capsys):
    bench = _load_benchmark("bench_pipeline")
    assert bench.main(["--articles", "2", "--rounds", "1"]) == 0
    out = capsys.readouterr().out
    assert "NLTK Punkt + VADER" in out and "pipeline time / budget" in out


def test_quoted_question_followed_by_any_speech_verb_stays_one_sentence():
    text = "“We will see, right?” Clinton remarked, smiling. The crowd laughed."
    sentences = [s.slice(text) for s in as_document(text).sentences]
    assert sentences == ["“We will see, right?” Clinton remarked, smiling.", "The crowd laughed."]


# ---------------------------------------------------------------------------
# Korean (analysis.text.korean)

KOREAN_FIXTURE = Path(__file__).parent / "fixtures" / "segmentation" / "korean_passages.txt"


def test_korean_fixture_is_large_and_named():
    passages = read_passages(KOREAN_FIXTURE)
    assert len(passages) >= 40
    assert len({p.name for p in passages}) == len(passages)


def test_korean_accuracy_on_fixture():
    scores = score_splitter(_ours, read_passages(KOREAN_FIXTURE))
    assert scores.f1 >= 0.97, scores.failures
    assert scores.exact >= 0.95, scores.failures


@pytest.mark.parametrize("name", ["quote-irago-gangjo", "ellipsis-sentence-end",
                                  "hanja-country-abbrev", "byline-email-end", "decimal-percent",
                                  "dotted-date", "deung-sentence-end"])
def test_korean_named_cases_exact(name):
    passage = next(p for p in read_passages(KOREAN_FIXTURE) if p.name == name)
    assert _ours(passage.text) == list(passage.sentences)


def test_mixed_article_is_split_per_paragraph_by_script():
    text = ("He met U.S. Sen. Shaheen. They spoke.\n\n"
            "윤 대통령은 \"협력은 4.5% 늘었다\"고 말했다. 회의는 끝났다.\n\n"
            "NATO agreed.")
    sentences = [text[s.start:s.end] for s in split_sentences(text)]
    assert sentences == ["He met U.S. Sen. Shaheen.", "They spoke.",
                         "윤 대통령은 \"협력은 4.5% 늘었다\"고 말했다.", "회의는 끝났다.",
                         "NATO agreed."]
