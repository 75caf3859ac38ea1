"""analysis.notebook: the paths rule, loading, escaping, the seed predicate, table views;
and the figure inputs' primary article, corpus and caption placeholders."""

from __future__ import annotations

import datetime as dt
import os
import warnings
from pathlib import Path

import pandas as pd
import pytest

from analysis import AnalysisError, as_document
from analysis.figures import (
    FigureInputs,
    FigureSpec,
    article_source,
    describe_corpus,
    fill_placeholders,
    registered_figures,
)
from analysis.notebook import (
    escape_markdown,
    format_markdown,
    is_illustrative_input,
    is_seed_corpus,
    itpp_coverage,
    load_documents,
    open_run,
    output_dir,
    problems_markdown,
    project_root,
    read_markdown_section,
    resolve_paths,
    sector_mention_counts,
    seed_markdown,
    show_figure,
    stated_vs_listed,
    tone_quoted_vs_narration,
    with_evidence,
)
from analysis.text.articles import Article

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_CORPUS = ROOT / "tests" / "fixtures" / "notebook-corpus"


# --- the paths rule ------------------------------------------------------------------


def test_project_root_is_the_checkout_from_any_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert project_root() == ROOT
    monkeypatch.chdir(ROOT / "notebooks")
    assert project_root() == ROOT


def test_relative_paths_read_from_the_root_wherever_the_kernel_runs(tmp_path, monkeypatch):
    for cwd in (tmp_path, ROOT / "notebooks", ROOT):
        monkeypatch.chdir(cwd)
        assert resolve_paths(["data/raw/articles"]) == [ROOT / "data" / "raw" / "articles"]


def test_a_string_is_one_path_and_a_json_list_string_is_a_list(tmp_path):
    assert resolve_paths("data/raw/articles") == [ROOT / "data/raw/articles"]
    assert resolve_paths('["data/raw/articles", "/abs/x.txt"]') == [
        ROOT / "data/raw/articles", Path("/abs/x.txt")]
    assert resolve_paths(str(tmp_path)) == [tmp_path]  # absolute: as given
    assert resolve_paths(Path("a")) == [ROOT / "a"]
    assert resolve_paths("") == [] and resolve_paths(None) == []
    with pytest.raises(AnalysisError, match="not valid JSON"):
        resolve_paths('["unterminated')


def test_home_is_expanded():
    assert resolve_paths("~/corpus") == [Path(os.path.expanduser("~/corpus"))]


def test_default_out_dir_is_outputs_by_corpus_and_figures_is_refused():
    assert output_dir(None, "Yonhap 2023") == ROOT / "outputs" / "yonhap-2023"
    assert output_dir(None, None, [ROOT / "data/raw/articles"]) == ROOT / "outputs" / "articles"
    assert output_dir("", "x") == ROOT / "outputs" / "x"
    for committed in ("figures", "figures/sub", str(ROOT / "figures"), "notebooks/../figures"):
        with pytest.raises(AnalysisError, match="make figures"):
            output_dir(committed)


def test_outputs_is_git_ignored():
    assert "outputs/" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()


# --- loading, listing problems -------------------------------------------------------


def test_load_documents_lists_and_skips_a_bad_file():
    loaded = load_documents([FIXTURE_CORPUS])
    assert [d.article_id for d in loaded.documents] == [
        "2031-03-01-harbour-talks.txt", "wire-1", "wire-2", "zz-korean-item.txt",
        "zz-legacy-encoding.txt"]
    assert [Path(p.path).name for p in loaded.problems] == ["broken.json"]
    listing = loaded._repr_markdown_()
    assert listing.startswith("5 articles read; 1 file or record could not be read")
    assert "broken.json" in listing


def test_warnings_met_reading_are_rows_of_the_problems_list_never_tracebacks():
    # a file in cp1252 (UnicodeWarning) and an article in Korean (NotEnglishWarning,
    # once per table): each is said once, as a row, and no warning reaches the notebook
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        loaded = load_documents([FIXTURE_CORPUS])
    assert caught == []
    rows = {(Path(w.where).name, w.message.split(";")[0]) for w in loaded.warnings}
    assert rows == {
        ("zz-legacy-encoding.txt", "not UTF-8 and no other encoding recognised"),
        ("zz-korean-item.txt", "language 'ko' is not English: its tone is not scored (VADER "
                               "and the target model are English-only) and quotes are "
                               "extracted only from Korean text"),
    }
    listing = loaded._repr_markdown_()
    assert "\n\n2 articles or files were read with a caveat:\n\n- `" in listing
    assert listing.count("zz-korean-item.txt") == 1


def test_a_runs_tables_say_nothing_more_about_a_language_already_listed(tmp_path):
    run = open_run(str(FIXTURE_CORPUS), tmp_path, article="zz-korean-item.txt")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for table in ("sentences", "targets", "quote_sentiment", "quotes"):
            run.inputs.all_articles_table(table)
        show_figure("sentiment-arc", run)
    assert [str(w.message) for w in caught] == []
    assert "zz-korean-item.txt" in run.summary()
    # outside a notebook run, the extractors still warn
    plain = FigureInputs.from_documents(run.documents, primary="zz-korean-item.txt")
    with pytest.warns(UserWarning, match="is not English"):
        plain.table("sentences")


def test_load_documents_with_nothing_readable_says_so(tmp_path):
    (tmp_path / "bad.json").write_text("{oops", encoding="utf-8")
    with pytest.raises(AnalysisError, match=r"no article could be read.*bad\.json"):
        load_documents([tmp_path])


def test_problems_markdown_reads_a_runs_errors_table_the_same_way():
    errors = pd.DataFrame({"path": ["in/x.pdf"], "article_id": [pd.NA],
                           "error": ["AnalysisError"], "message": ["unsupported type .pdf"]})
    text = problems_markdown(errors, 4)
    assert text.startswith("4 articles read; 1 file or record")
    assert "`in/x.pdf`: AnalysisError: unsupported type \\.pdf" not in text  # '.' not escaped
    assert "`in/x.pdf`: AnalysisError: unsupported type .pdf" in text


def test_problem_messages_are_escaped():
    text = problems_markdown([AnalysisError("<script>x</script> *bad*", "a.json")])
    assert "<script>" not in text and "&lt;script&gt;" in text and "\\*bad\\*" in text


def test_open_run_chooses_the_article_and_refuses_an_unknown_one(tmp_path):
    actors = ROOT / "tests" / "fixtures" / "notebook-corpus-actors.csv"
    run = open_run(str(FIXTURE_CORPUS), tmp_path, actors_csv=str(actors), article="wire-2",
                   corpus_name="Test corpus")
    assert run.article.article_id == "wire-2" and run.out_dir == tmp_path
    assert "Mira Testwell" in set(run.inputs.all_articles_table("quotes")["actor"].dropna())
    assert "**wire-2**" in run.summary() and "broken.json" in run.summary()
    with pytest.raises(AnalysisError, match=r"no article 'nope'.*wire-1"):
        open_run(FIXTURE_CORPUS, tmp_path, article="nope")
    assert open_run(FIXTURE_CORPUS, tmp_path, article=2).article.article_id == "wire-2"


def test_open_run_warns_about_corrections_naming_no_article(tmp_path):
    fixes = tmp_path / "fixes.csv"
    fixes.write_text("article_id,what,offset,field,value\nwire-2,quotes,0,drop,true\n"
                     "wire-9,quotes,0,drop,true\n", encoding="utf-8")
    with pytest.warns(UserWarning, match=r"fixes\.csv: 1 override row\(s\) name 1 "
                                         r"article_id\(s\) that no article of this run has "
                                         r"\(wire-9\)"):
        open_run(FIXTURE_CORPUS, tmp_path, overrides_csv=str(fixes))


# --- escaping --------------------------------------------------------------------------


@pytest.mark.parametrize("hostile", [
    "<script>alert('x')</script>", "<img src=x onerror=alert(1)>", "[click](javascript:x)",
    "**bold** _it_ `code` ~~gone~~", "$x^2$ costs $5", "| a | b |", "# heading", "- item",
    "1. item", "> quote", "&lt;already&gt;", "a\\*b",
])
def test_escape_markdown_leaves_no_markup(hostile):
    escaped = escape_markdown(hostile)
    assert "<" not in escaped and ">" not in escaped.replace("&gt;", "")
    for char in "*_`[]()$|~":
        assert all(escaped[i - 1] == "\\" for i, c in enumerate(escaped) if c == char), (
            hostile, escaped)
    assert not escaped.startswith(("#", "-", "1.", ">"))


def test_escape_markdown_keeps_plain_text_and_ampersands_show():
    assert escape_markdown("Korea JoongAng Daily, 11 July 2023") == (
        "Korea JoongAng Daily, 11 July 2023")
    assert escape_markdown("AT&T") == "AT&amp;T"
    assert escape_markdown("a\nb") == "a b"


def test_format_markdown_escapes_values_not_the_template():
    text = format_markdown("**{title}** ({n})", title="<b>x</b>", n=3)
    assert text == "**&lt;b&gt;x&lt;/b&gt;** (3)"
    assert text._repr_markdown_() == text
    with pytest.raises(KeyError):
        format_markdown("{missing}")


def test_read_markdown_section_reads_the_evaluation_doc():
    section = read_markdown_section(ROOT / "docs" / "evaluation.md", "Target sentiment")
    assert section.startswith("## Target sentiment")
    assert "\n## " not in section
    note = read_markdown_section(ROOT / "docs" / "nope.md", "X", missing_ok=True)
    assert "is not here" in note
    with pytest.raises(AnalysisError, match="file not found"):
        read_markdown_section(ROOT / "docs" / "nope.md", "X")


# --- the seed predicate ----------------------------------------------------------------


def test_is_seed_corpus_recognises_the_seed_by_its_text(seed_document, seed_article):
    assert is_seed_corpus([seed_document])
    renamed = as_document(Article("renamed.txt", seed_article.text.replace("\n", "\r\n")))
    assert is_seed_corpus([renamed])  # the text decides, not the file name or line ends
    assert not is_seed_corpus([seed_document, as_document("Other.")])
    changed = as_document(Article("x.txt", seed_article.text + " One more sentence."))
    assert not is_seed_corpus([changed])
    assert seed_markdown([seed_document], "For the seed: {n}", n=5) == "For the seed: 5"
    assert seed_markdown([changed], "For the seed: {n}", n=5) == ""


def test_is_illustrative_input():
    assert is_illustrative_input(resolve_paths("data/raw/illustrative"))
    assert not is_illustrative_input(resolve_paths(["data/raw/illustrative", "data/raw/articles"]))


# --- views ------------------------------------------------------------------------------


def test_with_evidence_cuts_each_rows_text_by_its_offsets():
    docs = [as_document(Article("a", "NATO met. Korea joined.")), as_document(Article("b", "Hi."))]
    rows = pd.DataFrame({"article_id": ["a", "b", "zz"], "s": [10, 0, 0], "e": [23, 3, 1]})
    assert with_evidence(rows, docs, "s", "e", "words")["words"].tolist() == [
        "Korea joined.", "Hi.", pd.NA]


def test_views_on_the_seed(seed_document, tmp_path):
    inputs = FigureInputs.from_documents([seed_document])
    coverage = itpp_coverage(inputs.table("sectors"))
    assert int(coverage["named"].sum()) == 5 and len(coverage) == 11
    mismatches = stated_vs_listed(inputs.table("programme_statements"))
    assert mismatches[["acronym", "stated_count", "n_listed"]].values.tolist() == [
        ["ITPP", 11, 5], ["IPCP", 7, 0]]
    counts = sector_mention_counts(inputs.table("sectors"))
    assert counts["total"].sum() == len(inputs.table("sectors"))
    arc = show_figure("sentiment-arc", inputs, tmp_path).data
    table = tone_quoted_vs_narration(arc)
    assert table["n_sentences"].sum() == len(seed_document.sentences)


# --- figure inputs and captions (the contract with the figure set) ------------------------


def _articles() -> list[Article]:
    return [
        Article("a.txt", "NATO met in Vilnius. Cyber defence was named.", outlet="Wire",
                published=dt.date(2024, 3, 1), title="NATO meets"),
        Article("b.txt", "“We agree,” Yoon said.", outlet="Herald",
                published=dt.date(2025, 6, 2)),
    ]


def test_primary_by_id_or_position_and_unknown_lists_the_ids():
    assert FigureInputs.from_documents(_articles(), primary="b.txt").primary.article_id == "b.txt"
    assert FigureInputs.from_documents(_articles(), primary=1).primary.article_id == "b.txt"
    assert FigureInputs.from_documents(_articles()).primary.article_id == "a.txt"
    with pytest.raises(AnalysisError, match=r"a\.txt, b\.txt"):
        FigureInputs.from_documents(_articles(), primary="c.txt")
    with pytest.raises(AnalysisError):
        FigureInputs.from_documents(_articles(), primary=2)
    with pytest.raises(AnalysisError):
        FigureInputs.from_documents(_articles(), primary=True)


def test_table_follows_the_primary_and_corpus_table_the_corpus():
    inputs = FigureInputs.from_documents(_articles(), primary="b.txt")
    assert set(inputs.table("quotes")["article_id"]) == {"b.txt"}
    assert not inputs.corpus_is_illustrative
    assert inputs.corpus_documents == inputs.documents
    assert set(inputs.corpus_table("sectors")["article_id"]) == {"a.txt"}
    with_corpus = FigureInputs.from_documents(_articles(), illustrative=["Climate security."])
    assert with_corpus.corpus_is_illustrative
    assert with_corpus.corpus_table("sectors")["sector"].tolist() == ["climate-security"]
    assert len(with_corpus.all_articles_table("articles")) == 2


def test_captions_fill_every_placeholder():
    spec = FigureSpec("demo", "Demo for {corpus}", "From {articles}; {corpus}. {source}", print)
    inputs = FigureInputs.from_documents(_articles(), primary=0, corpus_name="Test wire")
    caption = spec.caption_for(inputs)
    assert caption == ("From Test wire, 2 articles from Herald and Wire, 1 March 2024 to "
                       "2 June 2025; Test wire, 2 articles from Herald and Wire, 1 March 2024 "
                       "to 2 June 2025. Source: Wire, 1 March 2024, “NATO meets”.")
    assert spec.title_for(inputs).startswith("Demo for Test wire, 2 articles")
    # a separate corpus is called illustrative only when it is the project's own (by its text)
    separate = FigureInputs.from_documents(_articles(), illustrative=["X."])
    assert spec.caption_for(separate).split("; ")[1].startswith("1 article.")
    own = FigureInputs.from_documents(_articles(), illustrative=FigureInputs(
        ROOT / "data" / "raw").illustrative)
    assert spec.caption_for(own).split("; ")[1].startswith(
        "the hand-written illustrative corpus (not real news), 8 articles")
    unnamed = FigureInputs.from_documents(_articles())
    assert spec.caption_for(unnamed).startswith("From 2 articles from Herald and Wire")


def test_no_registered_caption_keeps_a_placeholder_for_a_users_article():
    inputs = FigureInputs.from_documents(_articles(), primary="b.txt", corpus_name="Mine")
    for spec in registered_figures():
        for text in (spec.caption_for(inputs), spec.title_for(inputs)):
            assert "{" not in text and "}" not in text, (spec.name, text)


def test_fill_placeholders_refuses_a_missing_value_and_never_reads_values_as_templates():
    assert fill_placeholders("{corpus}", corpus="{source}") == "{source}"
    with pytest.raises(ValueError, match="no value for the placeholder"):
        fill_placeholders("{corpus} and {typo}", corpus="x")


def test_article_source_never_cites_a_file_name_when_outlet_or_date_is_known():
    dated = Article("folder/file-name.txt", "x", published=dt.date(2024, 1, 2))
    assert article_source(dated) == "Source: 2 January 2024."
    assert "file-name" not in article_source(Article("file-name.txt", "x", outlet="Wire"))
    assert "file-name.txt" in article_source(Article("file-name.txt", "x"))


def test_describe_corpus_reads_an_articles_table_too():
    table = pd.DataFrame({"outlet": ["Wire", None, "Wire"],
                          "published": pd.to_datetime(["2024-03-01", None, "2024-03-01"])})
    assert describe_corpus(table, "Run") == "Run, 3 articles from Wire, 1 March 2024"
    many = [Article(str(i), "x", outlet=f"Outlet {i}") for i in range(5)]
    assert describe_corpus(many) == "5 articles from Outlet 0, Outlet 1, Outlet 2 and 2 more outlets"
