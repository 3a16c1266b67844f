"""`factx extract --format html`: one page, or a folder with an index; usage errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_material import article_text_of
from typer.testing import CliRunner

from factx.cli import app

ARTICLES = {
    "one.txt": "Published 4 March 2024\n\nJane Roe, 34, was hurt in Leeds on Friday.\n",
    "two.txt": "The West Yorkshire Police said on 2 March 2024 that <b>nothing</b> {{ was }} found.\n",
}


@pytest.fixture()
def articles(tmp_path, nlp) -> Path:   # nlp: the pipeline is built once per session
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def run(*args: str):
    return CliRunner().invoke(app, ["extract", *args, "--quiet"])


def test_one_page(articles, tmp_path):
    out = tmp_path / "page.html"
    result = run(str(articles / "one.txt"), "--format", "html", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert article_text_of(out.read_text()) == ARTICLES["one.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "page.html"]


def test_folder_with_index_and_a_failure(articles, tmp_path):
    out = tmp_path / "report"
    result = run(str(articles), str(tmp_path / "missing.txt"), "--format", "html", "-o", str(out))
    assert result.exit_code == 1
    assert sorted(p.name for p in out.iterdir()) == ["index.html", "one.html", "two.html"]
    index = (out / "index.html").read_text()
    assert 'href="one.html"' in index and 'href="two.html"' in index
    assert "missing.txt" in index and "no such file or folder" in index
    assert article_text_of((out / "two.html").read_text()) == ARTICLES["two.txt"]


def test_folder_is_refreshed_in_place(articles, tmp_path):
    out = tmp_path / "report"
    out.mkdir()
    (out / "keep.txt").write_text("x")
    assert run(str(articles), "--format", "html", "-o", str(out)).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["index.html", "keep.txt", "one.html", "two.html"]


@pytest.mark.parametrize("args, message", [
    (["{in}/one.txt", "--format", "html"], "--format html needs -o"),
    (["{in}", "--format", "html", "-o", "{tmp}/x.html"], "several inputs need a folder"),
    (["{in}/one.txt", "-o", "{in}"], "only --format html writes to a folder"),
])
def test_usage_errors(articles, tmp_path, args, message):
    args = [a.format(**{"in": articles, "tmp": tmp_path}) for a in args]
    result = run(*args)
    assert result.exit_code == 2
    assert message in " ".join(result.output.replace("│", " ").split())   # rich wraps it in a box
