"""The evidence page on an article about another agreement.

Its margin said "programme programme statement" for a list of areas whose programme the
article does not name. Invented text; not news.
"""

from __future__ import annotations

from analysis.figures.evidence import evidence_page
from analysis.text.document import as_document


def test_an_unnamed_programme_statement_is_not_programme_programme():
    doc = as_document("The minister said the pact would deepen cooperation in four areas: "
                      "maritime security, disaster relief, cyber defence and counter-terrorism.")
    html = evidence_page([doc]).html
    assert "programme statement: 4 areas stated, 4 listed" in html
    assert "programme programme" not in html
