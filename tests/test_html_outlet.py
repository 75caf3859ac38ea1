"""An HTML page's outlet is the site's name the page gives, not the address's host."""

from __future__ import annotations

import pytest

from analysis import load_article

BODY = ("<body><nav><a href='/'>Home</a></nav><article><h1>Allies widen partnership</h1>"
        "<p>&ldquo;New Zealand punches above its weight,&rdquo; Rutte said at a joint press "
        "conference in Brussels on Thursday, after the two sides agreed on cyber defence.</p>"
        "</article><footer>&copy; 2025 The Southern Courier</footer></body>")
URL = "<meta property='og:url' content='https://southern-courier.example/world/nz-nato'>"


def _outlet(tmp_path, head: str) -> str | None:
    path = tmp_path / "page.html"
    path.write_text(f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>{head}</head>"
                    f"{BODY}</html>", encoding="utf-8")
    return load_article(path).outlet


@pytest.mark.parametrize(("head", "outlet"), [
    # the trial's page: the name only in the <title>, beside the headline
    (f"<title>Allies widen partnership | The Southern Courier</title>{URL}",
     "The Southern Courier"),
    (f"<title>The Southern Courier - Allies widen partnership</title>{URL}",
     "The Southern Courier"),
    (f"<title>Allies widen partnership</title>{URL}"
     "<meta property='og:site_name' content='The Southern Courier'>", "The Southern Courier"),
    (f"<title>Allies widen partnership</title>{URL}"
     "<meta name='application-name' content='Southern Courier'>", "Southern Courier"),
    (f"<title>Allies widen partnership</title>{URL}<script type='application/ld+json'>"
     '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Allies widen '
     'partnership", "publisher": {"@type": "Organization", "name": "The Southern Courier"}}'
     "</script>", "The Southern Courier"),
])
def test_the_outlet_is_the_name_the_page_gives(tmp_path, head, outlet):
    assert _outlet(tmp_path, head) == outlet


def test_a_page_naming_no_site_keeps_its_host_as_outlet(tmp_path):
    assert _outlet(tmp_path, f"<title>Allies widen partnership</title>{URL}") == (
        "southern-courier.example")


def test_a_title_part_that_is_not_beside_the_headline_is_not_taken(tmp_path):
    # "Opinion: ..." is not the headline, so neither side is read as the site's name
    head = f"<title>Opinion: why the partnership matters to the Pacific | Page 2</title>{URL}"
    assert _outlet(tmp_path, head) == "southern-courier.example"
