"""What the notebooks call: parameters resolved, articles read, figures and views shown.

The notebooks in ``notebooks/`` only load, call and show; the helpers they need live
here, tested like the rest of the package:

* :mod:`analysis.notebook.paths`: the one rule for a parameter cell's paths (relative
  to the project root from anywhere: JupyterLab, ``papermill -p``/``-y``, nbconvert)
  and the default output folder ``outputs/<corpus name>/``;
* :mod:`analysis.notebook.session`: :func:`open_run` (read the articles, listing and
  skipping bad files, build the context and the figure inputs), :func:`show_figure`,
  and the seed predicate :func:`is_seed_corpus` behind seed-only prose;
* :mod:`analysis.notebook.markdown`: :func:`escape_markdown` and
  :func:`format_markdown` (article ids, titles and text reach Markdown only escaped),
  :func:`read_markdown_section` (a named section of ``docs/evaluation.md``);
* :mod:`analysis.notebook.caveats`: the warnings met reading articles (text decoding, a
  language other than English) as rows of the problems list, each once, never printed;
* :mod:`analysis.notebook.coverage`: which programme's reference list an article is
  compared with (the partner the programme-statements extractor reads: New Zealand's
  ITPP is not Korea's), the coverage table, and the sentence saying it (left out, for
  reference only, or no list for that partner);
* :mod:`analysis.notebook.views`: small tested views of the tables (evidence text by
  offsets, sector counts, tone of quotes against narration).

Examples
--------
>>> from analysis.notebook import escape_markdown, resolve_paths
>>> escape_markdown("<b>NATO</b>")
'&lt;b&gt;NATO&lt;/b&gt;'
"""

from __future__ import annotations

from analysis.notebook.caveats import ReadWarning, listing_warnings, not_english_warnings
from analysis.notebook.coverage import (
    ITPP_PROGRAMME,
    Comparison,
    Coverage,
    ProgrammeNamed,
    compared_programme,
    coverage_counts,
    coverage_markdown,
    itpp_coverage,
    names_programme,
    programme_label,
    programmes_named,
)
from analysis.notebook.markdown import (
    MarkdownText,
    escape_markdown,
    format_markdown,
    markdown_if,
    read_markdown_section,
)
from analysis.notebook.paths import (
    corpus_slug,
    output_dir,
    project_root,
    resolve_path,
    resolve_paths,
    tables_folder,
)
from analysis.notebook.session import (
    LoadedArticles,
    NotebookRun,
    ShownFigure,
    code_span,
    finish_figure,
    is_illustrative_input,
    is_seed_corpus,
    load_documents,
    open_run,
    problems_markdown,
    seed_markdown,
    show_figure,
)
from analysis.notebook.views import (
    claims_markdown,
    masking_changes,
    programme_areas,
    sector_mention_counts,
    stated_vs_listed,
    stated_vs_listed_markdown,
    tone_quoted_vs_narration,
    with_evidence,
)

__all__ = [
    "ITPP_PROGRAMME",
    "Comparison",
    "Coverage",
    "LoadedArticles",
    "MarkdownText",
    "NotebookRun",
    "ProgrammeNamed",
    "ReadWarning",
    "ShownFigure",
    "claims_markdown",
    "code_span",
    "compared_programme",
    "corpus_slug",
    "coverage_counts",
    "coverage_markdown",
    "escape_markdown",
    "finish_figure",
    "format_markdown",
    "is_illustrative_input",
    "is_seed_corpus",
    "itpp_coverage",
    "listing_warnings",
    "load_documents",
    "markdown_if",
    "masking_changes",
    "names_programme",
    "not_english_warnings",
    "open_run",
    "output_dir",
    "problems_markdown",
    "programme_areas",
    "programme_label",
    "programmes_named",
    "project_root",
    "read_markdown_section",
    "resolve_path",
    "resolve_paths",
    "sector_mention_counts",
    "seed_markdown",
    "show_figure",
    "stated_vs_listed",
    "stated_vs_listed_markdown",
    "tables_folder",
    "tone_quoted_vs_narration",
    "with_evidence",
]
