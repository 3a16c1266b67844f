"""The HTML report in a real browser: Debian's chromium driven by Playwright for Python.

Skipped, loudly, when the playwright package or chromium is missing or will not start
(`make test` installs chromium through apt when it can). FACTX_CHROMIUM overrides the browser
path; FACTX_UPDATE_SCREENSHOT=1 refreshes docs/report.png from the sample's page.
"""

from __future__ import annotations

import os
import shutil
import warnings
from pathlib import Path

import pytest
from report_material import HANDMADE_TEXT, XSS_TEXTS, handmade_facts, hostile_facts

from factx.io import InputRef, read_input
from factx.report import FACT_TYPES, fact_spans, render_article, write_report

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "met-port-reinvestigation.txt"
SCREENSHOT = ROOT / "docs" / "report.png"
CHROMIUM = os.environ.get("FACTX_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


def _skip(reason: str):
    message = f"BROWSER TESTS SKIPPED: {reason}"
    warnings.warn(message, stacklevel=2)
    pytest.skip(message)


@pytest.fixture(scope="module")
def browser(chromium_args):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _skip("the 'playwright' Python package is not installed (pip install -e '.[test]')")
    if not Path(CHROMIUM).exists():
        _skip(f"no chromium at {CHROMIUM}; `make test` installs Debian's 'chromium' with apt "
              "(needs root), or set FACTX_CHROMIUM")
    manager = sync_playwright().start()
    try:
        launched = manager.chromium.launch(executable_path=CHROMIUM, args=chromium_args, timeout=30_000)
    except Exception as error:  # any launch failure: say why, do not fail the suite
        manager.stop()
        _skip(f"chromium at {CHROMIUM} did not start: {str(error).strip().splitlines()[0]}")
    yield launched
    launched.close()
    manager.stop()


class Tab:
    """A page plus what it said: console messages, dialogs, network requests."""

    def __init__(self, browser, javascript: bool = True):
        self.context = browser.new_context(java_script_enabled=javascript, viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.console: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))
        self.page.on("request", lambda r: self.requests.append(r.url))

        def on_dialog(dialog):
            self.dialogs.append(dialog.message)
            dialog.dismiss()

        self.page.on("dialog", on_dialog)

    def open(self, path: Path, fragment: str = "") -> "Tab":
        self.page.goto(path.as_uri() + fragment)
        return self

    def close(self) -> None:
        self.context.close()

    def inner_text(self) -> str:
        return self.page.eval_on_selector("#article", "el => el.innerText")

    def highlight_counts(self) -> dict[str, int]:
        return self.page.evaluate("""() => {
            const n = {};
            for (const el of document.querySelectorAll('#article mark.fx[id]')) {
                const t = [...el.classList].find(c => c.startsWith('fx-')).slice(3);
                if (t === 'speaker') continue;   // a quote's speaker: not a fact of its own
                n[t] = (n[t] || 0) + 1;
            }
            return n;
        }""")

    def highlight_texts(self) -> dict[str, str]:
        """anchor -> the text of all its pieces, joined (a split highlight has several)."""
        return self.page.evaluate("""() => {
            const out = {};
            for (const el of document.querySelectorAll('#article mark.fx')) {
                const m = el.getAttribute('data-m');
                out[m] = (out[m] || '') + el.textContent;
            }
            return out;
        }""")

    def tooltip(self, selector: str) -> str:
        """The CSS tooltip's text as shown now ('' when hidden)."""
        return self.page.eval_on_selector(selector, """el => {
            const s = getComputedStyle(el, '::after');
            return s.display === 'none' || s.content === 'none' || s.content === 'normal' ? '' : s.content;
        }""")

    def assert_clean(self) -> None:
        assert self.dialogs == [], f"a script ran: {self.dialogs}"
        assert not [m for m in self.console if m.startswith(("error", "pageerror"))], self.console
        assert all(u.startswith(("file:", "about:", "data:")) for u in self.requests), self.requests


@pytest.fixture()
def tab(browser):
    opened = Tab(browser)
    yield opened
    opened.close()


def expected_counts(facts) -> dict[str, int]:
    spans, groups = fact_spans(facts)
    return {g.type: g.mentions for g in groups if g.mentions}


@pytest.fixture(scope="module")
def sample(extract_text, tmp_path_factory):
    """The user's sample article, through the real pipeline, rendered to a page."""
    got = read_input(InputRef(str(SAMPLE.relative_to(ROOT)), SAMPLE))
    facts = extract_text(got.text, source=got.source)
    path = tmp_path_factory.mktemp("sample") / "sample.html"
    path.write_text(render_article(got.text, facts), encoding="utf-8")
    return got.text, facts, path


def test_sample_page_shows_every_fact_in_place(browser, sample, tab):
    text, facts, path = sample
    tab.open(path)
    assert tab.inner_text() == text
    assert tab.highlight_counts() == expected_counts(facts)
    spans, _ = fact_spans(facts)
    expected = {s.attrs.anchor: text[s.start:s.end] for s in spans if 0 <= s.start < s.end <= len(text)}
    assert tab.highlight_texts() == expected
    # the panel's counts are the record's
    for fact_type, _label in FACT_TYPES:
        shown = tab.page.text_content(f".count[data-type={fact_type}]")
        assert int(shown) == len(getattr(facts, fact_type + "s" if fact_type != "agency" else "agencies"))
    # the CSS passed the CSP (a blocked stylesheet would leave the default border)
    style = tab.page.eval_on_selector(".legend .fx-date", "el => getComputedStyle(el).borderBottomStyle")
    assert style == "dashed"
    tab.assert_clean()


def test_sample_dates_show_their_value_on_focus(browser, sample, tab):
    _text, facts, path = sample
    tab.open(path)
    for i, date in enumerate(facts.dates):
        assert tab.tooltip(f"#date-{i}") == ""
        tab.page.focus(f"#date-{i}")
        assert (date.value or "no value") in tab.tooltip(f"#date-{i}")
        assert (date.value or "no value") in tab.page.get_attribute(f"#date-{i}", "title")


def test_sample_screenshot(browser, sample, tab, tmp_path):
    _text, facts, path = sample
    tab.open(path)
    # frame the first official (with quotes, agencies and dates around it) and show one
    # date's tooltip, as a reader would see it
    tab.page.evaluate("""() => {
        const anchor = document.querySelector('#article mark.fx-official[id]') || document.querySelector('#article mark.fx[id]');
        if (!anchor) return;
        window.scrollTo(0, anchor.getBoundingClientRect().top + window.scrollY - 0.45 * window.innerHeight);
        const visible = [...document.querySelectorAll('#article mark.fx-date[id]')].filter(el => {
            const r = el.getBoundingClientRect();
            return r.top > 0 && r.bottom < 0.8 * window.innerHeight && !el.title.includes('no value');
        });
        if (visible.length) visible[0].focus({preventScroll: true});
    }""")
    shot = tmp_path / "report.png"
    tab.page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    if os.environ.get("FACTX_UPDATE_SCREENSHOT") == "1":
        SCREENSHOT.parent.mkdir(exist_ok=True)
        shutil.copyfile(shot, SCREENSHOT)


def test_hover_and_focus_show_the_record(browser, tab, tmp_path):
    path = tmp_path / "hand.html"
    path.write_text(render_article(HANDMADE_TEXT, handmade_facts()))
    tab.open(path)
    assert tab.inner_text() == HANDMADE_TEXT
    assert tab.highlight_counts() == {"victim": 1, "age": 1, "date": 3, "agency": 3, "official": 1, "quote": 1}
    # hover: the innermost highlight (a date inside a quote) shows its value, its quote does not
    tab.page.hover("#date-2")
    assert "2024-03-02" in tab.tooltip("#date-2")
    assert tab.tooltip("#quote-0") == ""
    tab.page.mouse.move(0, 0)
    assert tab.tooltip("#date-2") == ""
    # keyboard: Tab reaches the highlights in text order
    tab.page.focus("#date-0")
    tab.page.keyboard.press("Tab")
    assert tab.page.evaluate("document.activeElement.id") == "victim-0-0"
    # focus: victim, official and quote records
    for anchor, words in [("victim-0-0", "harm: injured"), ("official-0-0", "title: Chief Inspector"),
                          ("quote-0", "speaker Sam Poe"), ("age-0", "Jane Roe is 34")]:
        tab.page.focus(f"#{anchor}")
        assert words in tab.tooltip(f"#{anchor}")
    # the quote is labelled with its speaker (generated content: not part of the text)
    label = tab.page.eval_on_selector("#quote-0", "el => getComputedStyle(el, '::before').content")
    assert "Sam Poe" in label
    tab.assert_clean()


def test_panel_links_jump_to_every_piece(browser, tab, tmp_path):
    path = tmp_path / "hand.html"
    path.write_text(render_article(HANDMADE_TEXT, handmade_facts()))
    tab.open(path)
    tab.page.click("#list-agency a[href='#agency-1-1']")
    assert tab.page.evaluate("location.hash") == "#agency-1-1"
    targeted = tab.page.eval_on_selector_all("mark.fx-targeted", "els => els.map(e => e.getAttribute('data-m'))")
    assert targeted == ["agency-1-1", "agency-1-1"]      # both pieces of the split mention (JS ran: CSP ok)
    tab.assert_clean()


def test_works_without_javascript(browser, tmp_path):
    path = tmp_path / "hand.html"
    path.write_text(render_article(HANDMADE_TEXT, handmade_facts()))
    tab = Tab(browser, javascript=False).open(path)
    try:
        assert tab.inner_text() == HANDMADE_TEXT
        assert tab.highlight_counts() == {"victim": 1, "age": 1, "date": 3, "agency": 3, "official": 1, "quote": 1}
        tab.page.focus("#date-1")
        assert "2024-03-01TNI" in tab.tooltip("#date-1")
        tab.page.click("#list-date a[href='#date-1']")
        assert tab.page.evaluate("location.hash") == "#date-1"
    finally:
        tab.close()


def test_hostile_text_runs_nothing(browser, tab, tmp_path, extract_text):
    # one tab for all the hostile texts: a script that ran on any page would show up here
    for n, text in enumerate(XSS_TEXTS):
        for name, facts in [("real", extract_text(text)), ("hostile", hostile_facts(text))]:
            path = tmp_path / f"{name}-{n}.html"
            path.write_text(render_article(text, facts))
            tab.open(path)
            if tab.page.query_selector("#article mark.fx"):
                tab.page.hover("#article mark.fx")
            assert tab.inner_text() == text, (name, text)
            assert tab.page.eval_on_selector_all("#article *", "els => els.filter(e => e.tagName !== 'MARK').length") == 0
            assert tab.page.eval_on_selector_all("script, img, svg, iframe", "els => els.length") == 1, text  # ours
    # no CSP violation either: escaping alone kept the markup inert
    assert not [m for m in tab.console if "Content Security Policy" in m], tab.console
    tab.assert_clean()


def test_index_sorts_and_links(browser, tab, tmp_path, sample):
    text, facts, _ = sample
    out = tmp_path / "report"
    write_report([(text, facts), (HANDMADE_TEXT, handmade_facts())], out,
                 failures=[("gone.txt", "no such file or folder")])
    tab.open(out / "index.html")
    sources = lambda: tab.page.eval_on_selector_all("tbody th", "els => els.map(e => e.textContent)")
    assert sources() == ["gone.txt", facts.source, "handmade.txt"]
    tab.page.click("thead button:has-text('Dates')")
    tab.page.click("thead button:has-text('Dates')")          # descending
    order = sources()
    most = max([(len(facts.dates), facts.source), (3, "handmade.txt")])[1]
    assert order[0] == most and order[-1] == "gone.txt"
    assert tab.page.get_attribute("thead th:nth-child(4)", "aria-sort") == "descending"
    tab.page.click("tbody a >> text=handmade.txt")
    assert tab.page.url.endswith("/handmade.html")
    assert tab.inner_text() == HANDMADE_TEXT
    tab.assert_clean()
