"""The rule assets in models/ ship inside the wheel, and an installed copy finds them."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    pytest.importorskip("hatchling", reason="hatchling (a test dependency) builds the wheel offline")
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True, capture_output=True,
    )
    (built,) = out.glob("factx-*.whl")
    return built


def test_wheel_contains_models(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "factx/models/furniture.jsonl" in names
    assert "factx/models/titles.txt" in names
    shipped = {n.split("factx/models/", 1)[1] for n in names if n.startswith("factx/models/")}
    in_repo = {str(p.relative_to(ROOT / "models")) for p in (ROOT / "models").rglob("*") if p.is_file()}
    assert in_repo <= shipped


def test_installed_copy_finds_its_models(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from factx.rules import models_dir, load_lexicon; d = models_dir();"
        "assert str(d).startswith(sys.argv[1]), d; assert load_lexicon('titles.txt'); print(d)"
    )
    result = subprocess.run([sys.executable, "-c", code, str(target)], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("factx/models")
