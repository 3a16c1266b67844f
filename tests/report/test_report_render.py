"""HTML pages without a browser: exact text, escaping, CSP, panel, layout and writing."""

from __future__ import annotations

import base64
import hashlib
import html as html_lib
import re
from pathlib import Path

import pytest
from report_material import HANDMADE_TEXT, XSS_TEXTS, article_text_of, handmade_facts, hostile_facts

from factx.records import ArticleFacts
from factx.report import (FACT_TYPES, IndexRow, LayoutError, choose_layout, fact_spans, page_name,
                          render_article, render_index, write_report)


def test_article_text_is_exactly_the_input():
    html = render_article(HANDMADE_TEXT, handmade_facts())
    assert article_text_of(html) == HANDMADE_TEXT


@pytest.mark.parametrize("text", XSS_TEXTS)
def test_hostile_text_is_escaped_and_kept(text):
    html = render_article(text, hostile_facts(text))
    assert article_text_of(html) == text
    # exactly one script element: ours, at the end
    assert len(re.findall(r"<script", html, re.I)) == 1
    assert html.rstrip().endswith("</script>\n</body>\n</html>")
    for bad in ("<img", "<svg", "<iframe", "</textarea>", "<b>"):
        assert bad not in html
    assert "49" not in article_text_of(html)


def test_every_fact_is_marked_once_with_its_anchor():
    facts = handmade_facts()
    html = render_article(HANDMADE_TEXT, facts)
    expected = {"victim": 1, "age": 1, "date": 3, "agency": 3, "official": 1, "quote": 1}
    for fact_type, n in expected.items():
        assert len(re.findall(rf'<mark class="fx fx-{fact_type}" tabindex="0" id=', html)) == n, fact_type
    # the crossing agency mention is split: its second piece has no id, only data-m
    assert 'class="fx fx-agency fx-cont"' in html
    assert html.count('data-m="agency-1-1"') == 2


def test_panel_counts_and_links():
    spans, groups = fact_spans(handmade_facts())
    by_type = {g.type: g for g in groups}
    assert [g.type for g in groups] == [t for t, _ in FACT_TYPES]
    assert len(by_type["agency"].items) == 2 and by_type["agency"].mentions == 3
    assert by_type["agency"].items[1].links == ["agency-1-0", "agency-1-1"]
    assert by_type["date"].items[1].detail == "2024-03-01TNI; TIME"
    assert [s.type for s in spans].count("speaker") == 1


def _csp_hashes(html: str) -> dict[str, str]:
    csp = html_lib.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1))
    return dict(re.findall(r"(style-src|script-src) '(sha256-[^']+)'", csp))


@pytest.mark.parametrize("render", [
    lambda: render_article(HANDMADE_TEXT, handmade_facts()),
    lambda: render_index([IndexRow(source="a.txt", href="a.html", counts={"date": 2})]),
])
def test_csp_allows_only_our_inline_style_and_script(render):
    html = render()
    hashes = _csp_hashes(html)
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    script = re.search(r"<script>(.*?)</script>", html, re.S).group(1)
    digest = lambda s: "sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()
    assert hashes == {"style-src": digest(style), "script-src": digest(script)}
    assert "default-src &#39;none&#39;" in html
    assert "unsafe-inline" not in html and "http://" not in html and "https://" not in html
    assert ' style="' not in html     # inline style attributes would be blocked by the CSP


def test_empty_and_out_of_range_facts_are_reported_not_marked():
    text = "Nothing much happened here."
    facts = ArticleFacts(source="a.txt", dates=[{"text": "", "start": 3, "end": 3}, {"text": "x", "start": 90, "end": 91}])
    html = render_article(text, facts)
    assert article_text_of(html) == text
    assert "2 fact(s) with empty or out-of-range offsets could not be highlighted" in html


def test_no_facts_page():
    html = render_article("Quiet day.", ArticleFacts(source="a.txt"))
    assert article_text_of(html) == "Quiet day."
    assert html.count("none found") == len(FACT_TYPES)


def test_index_lists_articles_and_failures():
    rows = [IndexRow(source="dir/b.txt", href="b.html", counts={"victim": 2, "date": 5}, warnings=["w <1>"]),
            IndexRow(source="missing.txt", error="no such file or folder")]
    html = render_index(rows)
    assert '<a href="b.html">dir/b.txt</a>' in html
    assert "failed: no such file or folder" in html
    assert "w &lt;1&gt;" in html
    assert '<td class="num" data-sort="5">5</td>' in html


@pytest.mark.parametrize("paths, output, expected", [
    (["a.txt"], "out.html", "page"),
    (["a.txt"], "out.HTM", "page"),
    (["-"], "out.html", "page"),
    (["a.txt"], "report", "folder"),
    (["a.txt", "b.txt"], "report", "folder"),
    (["a.txt", "b.txt"], "report.html", LayoutError),
    (["{dir}"], "report", "folder"),
    (["{dir}"], "report.html", LayoutError),
    (["a.txt"], "{dir}", "folder"),
])
def test_choose_layout(tmp_path, paths, output, expected):
    paths = [p.format(dir=tmp_path) for p in paths]
    output = Path(output.format(dir=tmp_path)) if "{" in output else tmp_path / "new" / output
    if expected is LayoutError:
        with pytest.raises(LayoutError):
            choose_layout(paths, output)
    else:
        assert choose_layout(paths, output) == expected


def test_page_names_are_safe_and_unique():
    taken: set[str] = set()
    names = [page_name(s, taken) for s in ["a/x.txt", "b/x.txt", "B/X.txt", "-", "index.txt",
                                            "../../etc/pass wd.txt", "<script>.txt", "...txt"]]
    assert names == ["x.html", "x-2.html", "X-3.html", "stdin.html", "index-2.html",
                     "pass_wd.html", "script.html", "article.html"]


def test_write_report_folder(tmp_path):
    out = tmp_path / "report"
    facts = handmade_facts()
    write_report([(HANDMADE_TEXT, facts), ("Second text.", ArticleFacts(source="other/handmade.txt"))], out,
                 failures=[("gone.txt", "no such file or folder")])
    assert sorted(p.name for p in out.iterdir()) == ["handmade-2.html", "handmade.html", "index.html"]
    index = (out / "index.html").read_text()
    assert 'href="handmade.html"' in index and 'href="handmade-2.html"' in index and "gone.txt" in index
    assert article_text_of((out / "handmade.html").read_text()) == HANDMADE_TEXT
    assert 'href="index.html"' in (out / "handmade.html").read_text()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]   # no staging left


def test_a_failed_folder_write_leaves_nothing(tmp_path):
    out = tmp_path / "report"

    def items():
        yield HANDMADE_TEXT, handmade_facts()
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        write_report(items(), out)
    assert list(tmp_path.iterdir()) == []


def test_write_report_single_page(tmp_path):
    out = tmp_path / "page.html"
    write_report([(HANDMADE_TEXT, handmade_facts())], out, layout="page")
    assert article_text_of(out.read_text()) == HANDMADE_TEXT
    assert list(tmp_path.iterdir()) == [out]
