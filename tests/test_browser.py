"""The evidence page in a real browser: headless Chromium (Debian's) driven by Selenium.

Skipped, with the reason, where Chromium, its driver or Selenium is missing (``.ci/run``
installs Chromium and chromium-driver when missing). The driver and browser are named
by path, so Selenium Manager never looks anything up or downloads a browser.

``ANALYSIS_SCREENSHOT=1`` also saves the screenshot of the seed article's page that the
README shows, ``docs/images/evidence.png`` (not written on ordinary runs).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from analysis import Article
from analysis.figures.evidence import write_evidence_page
from analysis.figures.evidence_text import Anchors
from analysis.figures.palette import tint
from analysis.figures.speaker_colours import assign_speaker_colours
from analysis.pipeline import annotate

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ROOT = Path(__file__).resolve().parents[1]
SCREENSHOT = ROOT / "docs" / "images" / "evidence.png"
#: Small enough that the article does not fit: a link must scroll to its sentence.
WINDOW = (1200, 700)

PARAGRAPHS = [
    "NATO and South Korea agreed on Tuesday to expand their cooperation in cyber defence.",
    "“Korea is a valued partner of NATO,” Secretary General Jens Stoltenberg told President "
    "Yoon Suk Yeol. “We stand together.”",
    "The two leaders adopted an Individually Tailored Partnership Programme (ITPP) that "
    "covers 11 areas, including counter-terrorism, cyber defence, emerging technologies and "
    "climate change.",
    *[f"Paragraph {n} describes the summit's agenda at some length, so that the page is "
      "longer than the browser window and a link has somewhere to scroll to." for n in
      range(4, 16)],
    "Yoon said the two sides would deepen ties. “Our partnership is stronger than ever,” "
    "Yoon said.",
    "“We welcome this warmly,” a spokesperson said.",
]


def _driver_or_skip():
    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.exists()]
    if missing:
        pytest.skip(f"browser test needs Debian's chromium and chromium-driver: "
                    f"{', '.join(missing)} missing (apt-get install chromium chromium-driver)")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.skip("browser test needs selenium (pip install -e '.[test]')")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--hide-scrollbars",
                     f"--window-size={WINDOW[0]},{WINDOW[1]}", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)


@pytest.fixture(scope="module")
def browser():
    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager: never go online
    driver = _driver_or_skip()
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    article = Article(article_id="browser-demo", title="A summit in Vilnius",
                      text="\n".join(PARAGRAPHS))
    annotation = annotate(article)
    path = write_evidence_page(annotation, tmp_path_factory.mktemp("evidence") / "page.html")
    return path, annotation


def _rgb(colour: str) -> tuple[int, ...]:
    """Return ``#RRGGBB`` as the opaque (red, green, blue, alpha) a browser computes."""
    return (*(int(colour[i:i + 2], 16) for i in (1, 3, 5)), 1)


def _computed(value: str) -> tuple[int, ...]:
    """Return a computed CSS colour (``rgb(...)`` or ``rgba(...)``) as (r, g, b, alpha)."""
    numbers = [float(n) for n in value[value.index("(") + 1:value.index(")")].split(",")]
    return tuple(int(n) for n in (*numbers, 1)[:4])


def _in_view(driver, element) -> bool:
    return driver.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return r.bottom > 0 && r.top < window.innerHeight && r.height > 0;", element)


def test_speakers_are_highlighted_in_their_colours(browser, page):
    from selenium.webdriver.common.by import By

    path, annotation = page
    browser.get(path.as_uri())
    colours = assign_speaker_colours(annotation.frame("quotes"))
    spans = browser.find_elements(By.CSS_SELECTOR, ".ev-q.ev-direct[data-speaker]")
    assert {span.get_attribute("data-speaker") for span in spans} >= {
        "Jens Stoltenberg", "Yoon Suk Yeol"}
    for span in spans:
        colour = colours.colour(span.get_attribute("data-speaker"))
        assert _computed(span.value_of_css_property("background-color")) == _rgb(tint(colour))
        assert _computed(span.value_of_css_property("border-bottom-color")) == _rgb(colour)
    legend = browser.find_element(By.CSS_SELECTOR, 'li[data-speaker="Jens Stoltenberg"]')
    assert "Jens Stoltenberg: 2 quotes" in legend.text


def test_a_table_link_scrolls_to_its_sentence(browser, page):
    from selenium.webdriver.common.by import By

    path, annotation = page
    browser.get(path.as_uri())
    sentence = annotation.frame("sentences").iloc[0]
    anchor = f"a1_browser-demo_s{int(sentence['sentence'])}"
    link = browser.find_element(By.CSS_SELECTOR, f'a[href="#{anchor}"]:not(.ev-tone)')
    assert link.find_element(By.XPATH, "./ancestor::table")  # the link of a table row
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", link)
    target = browser.find_element(By.ID, anchor)
    assert not _in_view(browser, target), "the sentence is already in view: no scroll to test"
    link.click()
    assert _in_view(browser, target)
    assert browser.execute_script("return location.hash;") == f"#{anchor}"
    assert target.text.startswith(sentence["text"][:20])


def test_screenshot_for_the_docs(browser, seed_article):
    if not os.environ.get("ANALYSIS_SCREENSHOT"):
        pytest.skip("set ANALYSIS_SCREENSHOT=1 to rewrite docs/images/evidence.png")
    page = write_evidence_page(seed_article, SCREENSHOT.with_suffix(".html"))
    try:
        browser.set_window_size(1100, 1300)
        browser.get(page.as_uri())
        legend = Anchors.of(1, seed_article.article_id).part("legend")
        browser.execute_script("document.getElementById(arguments[0]).scrollIntoView();", legend)
        assert browser.save_screenshot(str(SCREENSHOT))
    finally:
        page.unlink()
        browser.set_window_size(*WINDOW)


def test_without_chromium_the_test_skips_saying_why(monkeypatch, tmp_path):
    monkeypatch.setattr(sys.modules[__name__], "CHROMIUM", tmp_path / "no-chromium")
    with pytest.raises(pytest.skip.Exception, match=r"chromium-driver.*missing"):
        _driver_or_skip()
