"""A second article under an id already read: listed and left out by the library and the
notebooks as by the commands; refused with both sources when given to a frame directly."""

from __future__ import annotations

import subprocess
import sys

import pytest

from analysis import AnalysisError, load_article, load_corpus, quotes
from analysis.errors import DuplicateArticleId
from analysis.notebook import open_run

QUOTED = "“Korea is a valued partner,” Stoltenberg said in Vilnius."


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(QUOTED, encoding="utf-8")
    (folder / "wire.jsonl").write_text(
        '{"id": "g7-kananaskis", "text": "“We stand with Ukraine,” Carney said."}\n'
        '{"id": "asean-kl", "text": "Leaders met in Kuala Lumpur."}\n'
        '{"id": "g7-kananaskis", "text": "Nothing else."}\n', encoding="utf-8")
    return folder


def test_load_corpus_gives_the_duplicate_to_on_error_and_leaves_it_out(corpus):
    problems: list[AnalysisError] = []
    articles = list(load_corpus(corpus, on_error=problems.append))
    assert [a.article_id for a in articles] == ["a.txt", "g7-kananaskis", "asean-kl"]
    assert [(type(p), p.path, p.article_id) for p in problems] == [
        (DuplicateArticleId, f"{corpus / 'wire.jsonl'}#3", "g7-kananaskis")]
    assert "an earlier article has this id" in str(problems[0])
    # the README's pattern: the frame gets the articles read, the problems are listed
    frame = quotes.quotes_frame(articles)
    assert sorted(set(frame["article_id"])) == ["a.txt", "g7-kananaskis"]


def test_load_corpus_without_on_error_raises_at_the_duplicate(corpus):
    with pytest.raises(DuplicateArticleId, match=r"wire\.jsonl#3: an earlier article has this "
                                                 r"id .*give every article its own id"):
        list(load_corpus(corpus))


def test_a_frame_given_a_duplicate_directly_names_both_sources_and_the_fix(tmp_path):
    (tmp_path / "one.json").write_text('{"id": "x", "text": "NATO met."}', encoding="utf-8")
    (tmp_path / "two.json").write_text('{"id": "x", "text": "Korea joined."}', encoding="utf-8")
    articles = [load_article(tmp_path / "one.json"), load_article(tmp_path / "two.json")]
    with pytest.raises(AnalysisError) as caught:
        quotes.quotes_frame(articles)
    message = str(caught.value)
    assert str(tmp_path / "one.json") in message and str(tmp_path / "two.json") in message
    assert "on_error=problems.append" in message


def test_a_notebook_lists_the_duplicate_and_reads_the_rest(corpus, tmp_path):
    run = open_run(str(corpus), tmp_path / "out")
    assert [d.article_id for d in run.documents] == ["a.txt", "g7-kananaskis", "asean-kl"]
    assert [p.article_id for p in run.problems] == ["g7-kananaskis"]
    shown = str(run.summary())  # the notebook's problems list, as Markdown
    assert "wire.jsonl#3" in shown and "an earlier article has this id" in shown
    assert len(run.inputs.all_articles_table("quotes")) == 2  # tables build, no error


def test_extract_lists_the_duplicate_in_its_errors_table_as_before(corpus, tmp_path):
    done = subprocess.run([sys.executable, "-m", "analysis", "extract", str(corpus), "--out",
                           str(tmp_path / "out"), "--quiet", "--tables", "articles"],
                          capture_output=True, text=True, check=False)
    assert done.returncode in (0, 1), done.stderr
    from analysis.corpus import read_table

    errors = read_table(tmp_path / "out", "errors")
    assert errors[["path", "article_id", "error"]].values.tolist() == [
        [f"{corpus / 'wire.jsonl'}#3", "g7-kananaskis", "DuplicateArticleId"]]
    assert read_table(tmp_path / "out", "articles")["article_id"].tolist() == [
        "a.txt", "g7-kananaskis", "asean-kl"]


def test_a_file_given_twice_is_read_once_with_a_warning(tmp_path):
    import warnings

    from analysis import load_corpus
    from analysis.text.cleaning import InputWarning

    (tmp_path / "ok.txt").write_text("NATO met Japan.\n", encoding="utf-8")
    problems = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        articles = list(load_corpus([tmp_path, tmp_path / "ok.txt"], on_error=problems.append))
    assert [a.article_id for a in articles] == ["ok.txt"]
    assert problems == []
    assert any(issubclass(w.category, InputWarning) and "given twice" in str(w.message)
               for w in caught)
