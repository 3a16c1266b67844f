"""Load and validate the rule assets that live as data under ``models/``.

The knowledge (agency names, titles, speech verbs, harm words, patterns) is data; code only
reads it. A broken rule file fails loudly with the file, the line and the reason.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, ValidationError


class RuleFileError(Exception):
    """A rule asset under models/ is missing or malformed."""

    def __init__(self, path: Path, reason: str, line: Optional[int] = None):
        self.path, self.reason, self.line = path, reason, line
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {reason}")


def models_dir() -> Path:
    """Where the rule assets are: inside the installed package, else the source checkout."""
    packaged = Path(__file__).resolve().parent / "models"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / "models"
    if checkout.is_dir():
        return checkout
    raise RuleFileError(packaged, "rule assets not found (is factx installed correctly?)")


def asset_path(name: str) -> Path:
    return models_dir() / name


@lru_cache(maxsize=None)
def load_jsonl(name: str, schema: Optional[type[BaseModel]] = None) -> tuple[Any, ...]:
    """Read ``models/<name>`` as JSON Lines; '#' lines and blank lines are comments."""
    path = asset_path(name)
    rows = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise RuleFileError(path, err.strerror or str(err)) from None
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            raise RuleFileError(path, f"invalid JSON: {err.msg}", number) from None
        if schema is not None:
            try:
                row = schema.model_validate(row)
            except ValidationError as err:
                first = err.errors()[0]
                field = ".".join(str(p) for p in first["loc"])
                raise RuleFileError(path, f"{field}: {first['msg']}", number) from None
        rows.append(row)
    return tuple(rows)


@lru_cache(maxsize=None)
def load_lexicon(name: str) -> frozenset[str]:
    """Read ``models/<name>``: one entry per line, '#' comments; entries are lower-cased."""
    path = asset_path(name)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise RuleFileError(path, err.strerror or str(err)) from None
    entries = (line.split("#", 1)[0].strip().lower() for line in lines)
    return frozenset(e for e in entries if e)


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    path = asset_path(name)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise RuleFileError(path, err.strerror or str(err)) from None
    except json.JSONDecodeError as err:
        raise RuleFileError(path, f"invalid JSON: {err.msg}", err.lineno) from None


class StrictRow(BaseModel):
    model_config = ConfigDict(extra="forbid")
