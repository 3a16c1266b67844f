"""Score factx records against gold records (the scoring behind ``factx eval``).

The rules follow SPEC.md, "The gold files in ../shared". Each field is matched one-to-one
between the gold items and the predicted items of one article, then counted:

- **victims, officials**: person names match when one's tokens are a subset of the other's
  and the surnames (last tokens) agree, ignoring case, accents, punctuation, leading titles
  (``Mr``, ``Dr``, ``Det Sgt`` ...) and trailing suffixes (``Jr``, ``III`` ...).
  ``"Mr Walgate"`` matches ``"Anthony Walgate"``; ``"Anthony"`` does not (surnames differ).
- **ages**: matched by name as above (pairs with the same age are preferred). A name-matched
  pair counts as a true positive only when the ages are equal; a pair with different ages
  counts as one false positive *and* one false negative (reported as ``wrong_value``).
  Against an optional gold age a wrong age is only a false positive.
- **dates**: texts match when one contains the other as whole words, case-insensitively
  (``"Sunday"`` matches ``"3.30pm on Sunday"``). ``value`` and ``type`` score separately
  as accuracies.
- **agencies**: match when any name, alias or acronym of one equals any of the other, after
  normalising case, a leading "the", punctuation and curly/straight apostrophes. A predicted
  agency that only repeats an already matched one is left unmatched: a false positive.
- **quotes**: match when the multiset word overlap (lowercase word tokens, punctuation
  stripped) is at least 80% of the shorter text. Only predicted quotes whose ``direct`` is
  true or missing are scored.

Matching is greedy on closeness, so that the closest pairs are taken first: for quotes the
word overlap relative to the *longer* text (a short partial quote never takes the match of
a long one), for names the Jaccard of token sets, for dates the length ratio of the texts,
for agencies the Jaccard of their name sets. Ties go to non-optional gold items, then to
input order, so scores are deterministic.

Gold items with ``"optional": true``: a prediction matched to one is neither a true nor a
false positive, and missing one is not a false negative. Precision, recall and F1 are
micro-averaged over all articles (counts are summed, then divided).

Accuracies use matched pairs whose gold item is not optional:

- ``victim_age_accuracy`` / ``victim_harm_accuracy``: pairs where the gold *or* the
  predicted value is not null (a null gold age is "not stated", so a predicted age there is
  a guess and counts as wrong; two nulls are not counted).
- ``date_value_accuracy`` / ``date_type_accuracy``: all pairs; a null gold value (no
  reference date) is matched only by a null prediction, since values are never guessed.
- ``official_title_accuracy``: all pairs; titles compare case-insensitively, ignoring
  punctuation and a leading "the"; null equals only null.
- ``official_organization_accuracy`` and ``quote_speaker_accuracy``: all pairs; null equals
  only null. Organisations compare like agency names, widened through each side's own agency
  list (so ``"IOPC"`` equals ``"Independent Office for Police Conduct"`` when that record
  lists the agency with that alias). Speakers match as person names or as organisations.

Example::

    gold = load_jsonl(Path("dev/gold.jsonl"))
    predicted = {article_id(r): r for r in load_jsonl(Path("predictions.jsonl"))}
    report = score(gold, predicted)
    report.render_table(console)
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Literal, Optional

from rich.console import Console
from rich.table import Table
from rich.text import Text

FIELDS: tuple[str, ...] = ("victims", "ages", "dates", "agencies", "officials", "quotes")

EXTRAS: tuple[str, ...] = (
    "victim_age_accuracy",
    "victim_harm_accuracy",
    "date_value_accuracy",
    "date_type_accuracy",
    "official_title_accuracy",
    "official_organization_accuracy",
    "quote_speaker_accuracy",
)

# The keys each field is scored on; details show items reduced to these.
SCORED_KEYS: dict[str, tuple[str, ...]] = {
    "victims": ("name", "age", "harm"),
    "ages": ("name", "age"),
    "dates": ("text", "value", "type"),
    "agencies": ("name", "acronym", "aliases"),
    "officials": ("name", "title", "organization"),
    "quotes": ("text", "speaker"),
}

QUOTE_MIN_OVERLAP = 0.8

# Leading tokens dropped from person names (after lowercasing and removing periods).
NAME_TITLES: frozenset[str] = frozenset(
    """
    mr mrs ms miss mx master madam dr doctor prof professor sir dame lord lady
    rev reverend revd father fr pastor bishop rabbi imam sister
    sgt sergeant det detective officer constable pc wpc dc ds di dci dsi dcs insp inspector
    ci supt superintendent chief cmdr commander commissioner deputy assistant acting
    capt captain col colonel gen general lt lieutenant maj major cpl corporal pte private
    adm admiral brig brigadier sheriff trooper agent judge magistrate coroner
    mayor governor gov senator sen rep representative congressman congresswoman
    councillor cllr president minister secretary prince princess king queen
    """.split()
)

# Trailing tokens dropped from person names.
NAME_SUFFIXES: frozenset[str] = frozenset(
    "jr jnr junior sr snr senior ii iii iv v esq phd md qc kc mp obe mbe cbe".split()
)

_APOSTROPHES = str.maketrans({"\u2019": "", "\u2018": "", "'": "", "`": "", "\u02bc": ""})
_WORD = re.compile(r"\w+")

DetailKind = Literal["missed", "false_positive", "wrong_value"]


class EvalInputError(Exception):
    """A gold or prediction file that cannot be read; ``str()`` is one line."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = " ".join(str(reason).split())
        super().__init__(f"{self.path}: {self.reason}")


# --------------------------------------------------------------------------- reading


def load_jsonl(path: Path) -> list[dict]:
    """Read one JSON object per line from ``path`` (blank lines skipped).

    A file holding a single JSON array of objects, or one (indented) JSON object, is
    accepted too, so ``factx extract --format json`` output can be scored.
    Raises EvalInputError naming the path, and the line for bad JSON.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise EvalInputError(path, "no such file") from None
    except IsADirectoryError:
        raise EvalInputError(path, "is a directory, expected a JSONL file") from None
    except UnicodeDecodeError:
        raise EvalInputError(path, "not UTF-8 text") from None
    except OSError as exc:
        raise EvalInputError(path, exc.strerror or str(exc)) from None

    if text.lstrip().startswith("["):
        return _load_json_array(path, text)

    records: list[dict] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            whole = _whole_object(text) if not records else None
            if whole is not None:
                return [whole]
            raise EvalInputError(
                path, f"line {number}: invalid JSON ({exc.msg}, column {exc.colno})"
            ) from None
        if not isinstance(value, dict):
            raise EvalInputError(
                path, f"line {number}: expected a JSON object, got {type(value).__name__}"
            )
        records.append(value)
    return records


def _load_json_array(path: Path, text: str) -> list[dict]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise EvalInputError(
            path, f"line {exc.lineno}: invalid JSON ({exc.msg}, column {exc.colno})"
        ) from None
    if not isinstance(value, list):
        raise EvalInputError(path, "expected JSON Lines or a JSON array of objects")
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            raise EvalInputError(
                path, f"item {index}: expected a JSON object, got {type(item).__name__}"
            )
    return value


def _whole_object(text: str) -> Optional[dict]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        return None
    return value if isinstance(value, dict) else None


def article_id(record: dict) -> str:
    """The article id of a gold or predicted record: ``id`` if present, else the stem of
    ``source`` (``"samples/port.txt"`` -> ``"port"``). Raises ValueError without either."""
    if record.get("id"):
        return str(record["id"])
    source = record.get("source")
    if not source:
        raise ValueError("record has neither an 'id' nor a 'source'")
    return Path(str(source)).stem


# --------------------------------------------------------------------------- normalising


def _fold(text: str) -> str:
    """Lowercase, accents removed, apostrophes dropped (so ’ and ' compare equal)."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.casefold().translate(_APOSTROPHES)


def name_tokens(name: Optional[str]) -> tuple[str, ...]:
    """Person-name tokens without case, punctuation, leading titles or trailing suffixes.

    ``"Det. Sgt. John O'Neil Jr."`` -> ``("john", "oneil")``. When a name is nothing but
    titles (``"Judge"``), its tokens are kept as they are.
    """
    if not name:
        return ()
    # Periods join ("U.S." -> "us"); other punctuation (hyphens too) separates tokens.
    tokens = _WORD.findall(_fold(name).replace(".", "").replace("_", " "))
    start, end = 0, len(tokens)
    while start < end - 1 and tokens[start] in NAME_TITLES:
        start += 1
    while end - 1 > start and tokens[end - 1] in NAME_SUFFIXES:
        end -= 1
    return tuple(tokens[start:end])


def names_match(a: Optional[str], b: Optional[str]) -> bool:
    """True when one name's tokens are a subset of the other's and the surnames agree."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb or ta[-1] != tb[-1]:
        return False
    sa, sb = set(ta), set(tb)
    return sa <= sb or sb <= sa


def name_closeness(a: Optional[str], b: Optional[str]) -> float:
    """Jaccard of the two names' token sets (1.0 for the same name)."""
    sa, sb = set(name_tokens(a)), set(name_tokens(b))
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def normalize_agency_name(name: Optional[str]) -> str:
    """Agency name for comparison: case, accents, apostrophes, periods, other punctuation
    and a leading "the" removed. ``"The Met’s Unit"`` -> ``"mets unit"``."""
    if not name:
        return ""
    tokens = _WORD.findall(_fold(name).replace(".", "").replace("_", " "))
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    return " ".join(tokens)


def agency_keys(agency: dict) -> frozenset[str]:
    """All normalised names of an agency item: its name, aliases and acronym."""
    names = [agency.get("name"), agency.get("acronym"), *(agency.get("aliases") or [])]
    keys = (normalize_agency_name(n) for n in names if isinstance(n, str))
    return frozenset(k for k in keys if k)


def agencies_match(a: dict, b: dict) -> bool:
    """True when any name or alias of ``a`` equals any name or alias of ``b``."""
    return bool(agency_keys(a) & agency_keys(b))


def organization_keys(name: Optional[str], agencies: Iterable[dict] = ()) -> frozenset[str]:
    """Normalised names an organisation goes by: its own, plus every name of any agency in
    ``agencies`` (the same record's list) that it names."""
    key = normalize_agency_name(name)
    if not key:
        return frozenset()
    keys = {key}
    for agency in agencies:
        names = agency_keys(agency)
        if key in names:
            keys |= names
    return frozenset(keys)


def organizations_match(
    a: Optional[str],
    b: Optional[str],
    agencies_a: Iterable[dict] = (),
    agencies_b: Iterable[dict] = (),
) -> bool:
    """Organisation names compared like agencies; null equals only null."""
    if not a or not b:
        return not a and not b
    return bool(organization_keys(a, agencies_a) & organization_keys(b, agencies_b))


def speakers_match(
    gold: Optional[str],
    predicted: Optional[str],
    gold_agencies: Iterable[dict] = (),
    predicted_agencies: Iterable[dict] = (),
) -> bool:
    """A quote's speakers agree: both null, or as person names, or as organisations."""
    if not gold or not predicted:
        return not gold and not predicted
    return names_match(gold, predicted) or organizations_match(
        gold, predicted, gold_agencies, predicted_agencies
    )


def normalize_title(title: Optional[str]) -> str:
    """Title for comparison: case and punctuation ignored, a leading "the" dropped."""
    return normalize_agency_name(title)


def quote_tokens(text: Optional[str]) -> Counter[str]:
    """Multiset of lowercase word tokens, punctuation (and apostrophes) stripped."""
    return Counter(_WORD.findall(_fold(text or "")))


def quote_overlap(a: Optional[str], b: Optional[str]) -> tuple[int, int, int]:
    """(shared words, words in the shorter text, words in the longer text)."""
    ta, tb = quote_tokens(a), quote_tokens(b)
    la, lb = sum(ta.values()), sum(tb.values())
    return sum((ta & tb).values()), min(la, lb), max(la, lb)


def quotes_match(a: Optional[str], b: Optional[str]) -> bool:
    """True when the word overlap is at least 80% of the shorter quote."""
    shared, shorter, _ = quote_overlap(a, b)
    return shared > 0 and shared >= QUOTE_MIN_OVERLAP * shorter


def quote_closeness(a: Optional[str], b: Optional[str]) -> float:
    """Word overlap relative to the longer quote (1.0 for the same words)."""
    shared, _, longer = quote_overlap(a, b)
    return shared / longer if longer else 0.0


def _date_text(text: Optional[str]) -> str:
    # Surrounding punctuation ("Sunday,") and spacing do not change a date's extent.
    return " ".join((text or "").casefold().split()).strip(" ,;:.!?()[]\"'\u2018\u2019\u201c\u201d")


def dates_match(a: Optional[str], b: Optional[str]) -> bool:
    """True when one date text contains the other as whole words, case-insensitively."""
    na, nb = _date_text(a), _date_text(b)
    if not na or not nb:
        return False
    short, long = sorted((na, nb), key=len)
    return re.search(rf"(?<!\w){re.escape(short)}(?!\w)", long) is not None


def date_closeness(a: Optional[str], b: Optional[str]) -> float:
    """Length of the shorter date text relative to the longer one."""
    na, nb = _date_text(a), _date_text(b)
    longer = max(len(na), len(nb))
    return min(len(na), len(nb)) / longer if longer else 0.0


def _same_int(a: Any, b: Any) -> bool:
    try:
        return a is not None and b is not None and int(a) == int(b)
    except (TypeError, ValueError):
        return a == b


def _same_label(a: Any, b: Any) -> bool:
    """Null equals only null; strings compare case-insensitively."""
    if a is None or b is None:
        return a is None and b is None
    return str(a).strip().casefold() == str(b).strip().casefold()


# --------------------------------------------------------------------------- matching


def assign_one_to_one(
    candidates: Iterable[tuple[Any, int, int]],
) -> list[tuple[int, int]]:
    """Greedy one-to-one assignment.

    ``candidates`` are ``(closeness, gold_index, predicted_index)`` for every pair that
    matches; closeness is any comparable value, larger meaning closer. Pairs are taken
    closest first (ties: lower gold index, then lower predicted index), skipping any whose
    gold or predicted item is already taken. Returns the pairs sorted by gold index.
    """
    ordered = sorted(candidates, key=lambda c: (_negate(c[0]), c[1], c[2]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in ordered:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


def _negate(closeness: Any) -> Any:
    if isinstance(closeness, tuple):
        return tuple(-x for x in closeness)
    return -closeness


@dataclass(frozen=True)
class _Context:
    gold_agencies: list[dict]
    predicted_agencies: list[dict]


Closeness = Callable[[dict, dict, _Context], Optional[tuple]]


def _victim_closeness(g: dict, p: dict, ctx: _Context) -> Optional[tuple]:
    if not names_match(g.get("name"), p.get("name")):
        return None
    return (name_closeness(g.get("name"), p.get("name")),)


def _age_closeness(g: dict, p: dict, ctx: _Context) -> Optional[tuple]:
    if not names_match(g.get("name"), p.get("name")):
        return None
    # Same age first, so a second (optional) conflicting age finds its own prediction.
    same_age = _same_int(g.get("age"), p.get("age"))
    return (int(same_age), name_closeness(g.get("name"), p.get("name")))


def _date_closeness(g: dict, p: dict, ctx: _Context) -> Optional[tuple]:
    if not dates_match(g.get("text"), p.get("text")):
        return None
    return (date_closeness(g.get("text"), p.get("text")),)


def _agency_closeness(g: dict, p: dict, ctx: _Context) -> Optional[tuple]:
    kg, kp = agency_keys(g), agency_keys(p)
    if not kg & kp:
        return None
    same_name = normalize_agency_name(g.get("name")) == normalize_agency_name(p.get("name"))
    return (int(same_name), len(kg & kp) / len(kg | kp))


def _quote_closeness(g: dict, p: dict, ctx: _Context) -> Optional[tuple]:
    if not quotes_match(g.get("text"), p.get("text")):
        return None
    return (quote_closeness(g.get("text"), p.get("text")),)


_CLOSENESS: dict[str, Closeness] = {
    "victims": _victim_closeness,
    "ages": _age_closeness,
    "dates": _date_closeness,
    "agencies": _agency_closeness,
    "officials": _victim_closeness,
    "quotes": _quote_closeness,
}


def match_items(
    gold: list[dict], predicted: list[dict], closeness: Callable[[dict, dict], Optional[tuple]]
) -> list[tuple[int, int]]:
    """One-to-one pairs ``(gold_index, predicted_index)`` of matching items, closest first;
    on equal closeness a non-optional gold item wins over an optional one."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            close = closeness(g, p)
            if close is not None:
                candidates.append(((*close, int(not _optional(g))), gi, pi))
    return assign_one_to_one(candidates)


def _optional(item: dict) -> bool:
    return bool(item.get("optional"))


# --------------------------------------------------------------------------- report


@dataclass
class FieldScore:
    """Counts for one field. With nothing predicted precision is 1.0 (no wrong claims);
    with nothing to find recall is 1.0."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Accuracy:
    """``correct`` of ``total`` compared pairs; ``value`` is None when nothing was compared."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> Optional[float]:
        return self.correct / self.total if self.total else None

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    def to_dict(self) -> dict:
        value = self.value
        return {
            "correct": self.correct,
            "total": self.total,
            "value": None if value is None else round(value, 4),
        }


@dataclass
class Detail:
    """One error: a missed gold item, a false positive or a matched pair with a wrong value."""

    article: str
    field: str
    kind: DetailKind
    gold: Optional[dict] = None
    predicted: Optional[dict] = None
    note: str = ""

    def to_dict(self) -> dict:
        return {
            "article": self.article,
            "field": self.field,
            "kind": self.kind,
            "gold": self.gold,
            "predicted": self.predicted,
            "note": self.note,
        }


@dataclass
class EvalReport:
    """Scores of a set of predictions against gold records."""

    fields: dict[str, FieldScore] = field(default_factory=lambda: {f: FieldScore() for f in FIELDS})
    extras: dict[str, Accuracy] = field(default_factory=lambda: {e: Accuracy() for e in EXTRAS})
    details: list[Detail] = field(default_factory=list)
    articles: int = 0
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        """Plain data for ``--json``, keys in a fixed order."""
        return {
            "articles": self.articles,
            "fields": {name: self.fields[name].to_dict() for name in FIELDS},
            "extras": {name: self.extras[name].to_dict() for name in EXTRAS},
            "notes": list(self.notes),
            "details": [d.to_dict() for d in self.details],
        }

    def render_table(self, console: Console) -> None:
        """Print per-field P/R/F1 with counts, then the accuracies and any notes."""
        plural = "s" if self.articles != 1 else ""
        table = Table(title=f"factx eval: {self.articles} article{plural}")
        table.add_column("field")
        for column in ("P", "R", "F1", "TP", "FP", "FN"):
            table.add_column(column, justify="right")
        for name in FIELDS:
            s = self.fields[name]
            table.add_row(
                name, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}",
                str(s.tp), str(s.fp), str(s.fn),
            )
        console.print(table)
        width = max(len(_label(e)) for e in EXTRAS)
        for name in EXTRAS:
            acc = self.extras[name]
            value = "n/a" if acc.value is None else f"{acc.value:.3f}"
            console.print(Text(f"{_label(name):<{width}}  {value:>5}  ({acc.correct}/{acc.total})"))
        for note in self.notes:
            console.print(Text(f"note: {note}", style="yellow"))

    def render_details(self, console: Console) -> None:
        """Print every miss, false positive and wrong value, grouped by article."""
        if not self.details:
            console.print(Text("no errors", style="green"))
            return
        current: Optional[str] = None
        for d in self.details:
            if d.article != current:
                current = d.article
                console.print(Text(current, style="bold"))
            line = Text(f"  {d.field:<9} ")
            line.append(f"{d.kind:<14}", style=_KIND_STYLE[d.kind])
            if d.gold is not None:
                line.append(f" gold: {_describe(d.field, d.gold)}")
            if d.predicted is not None:
                line.append(f" predicted: {_describe(d.field, d.predicted)}")
            if d.note:
                line.append(f"  ({d.note})", style="dim")
            console.print(line)


_KIND_STYLE = {"missed": "red", "false_positive": "magenta", "wrong_value": "yellow"}


def _label(extra: str) -> str:
    return extra.replace("_", " ")


def _short(text: Any, limit: int = 80) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _describe(field_name: str, item: dict) -> str:
    """A one-line view of an item for the details listing (items come from _project)."""
    opt = " [optional]" if _optional(item) else ""
    if field_name == "quotes":
        return f"\"{_short(item.get('text'))}\" ({item.get('speaker')}){opt}"
    if field_name == "dates":
        return f"{item.get('text')!r} = {item.get('value')} {item.get('type')}{opt}"
    if field_name == "agencies":
        aliases = [a for a in [item.get("acronym"), *(item.get("aliases") or [])] if a]
        extra = f" ({', '.join(dict.fromkeys(aliases))})" if aliases else ""
        return f"{item.get('name')}{extra}{opt}"
    if field_name == "officials":
        return f"{item.get('name')}; {item.get('title')}; {item.get('organization')}{opt}"
    if field_name == "ages":
        return f"{item.get('name')}, {item.get('age')}{opt}"
    return f"{item.get('name')}, age {item.get('age')}, {item.get('harm')}{opt}"


def _project(field_name: str, item: dict, *, gold: bool) -> dict:
    """The item reduced to the keys that are scored (drops offsets and mentions)."""
    out = {k: item[k] for k in SCORED_KEYS[field_name] if k in item}
    if gold and _optional(item):
        out["optional"] = True
    return out


# --------------------------------------------------------------------------- scoring


def score(gold: list[dict], predicted: dict[str, dict]) -> EvalReport:
    """Score predicted records (keyed by article id) against gold records.

    A gold article without a prediction counts all its non-optional items as misses and
    adds a note; predictions for articles not in the gold are ignored, with a note.
    """
    report = EvalReport()
    seen: set[str] = set()
    for record in gold:
        aid = article_id(record)
        if aid in seen:
            report.notes.append(f"{aid}: listed more than once in the gold; scored each time")
        seen.add(aid)
        report.articles += 1
        prediction = predicted.get(aid)
        if prediction is None:
            report.notes.append(f"{aid}: no prediction; every gold item counts as missed")
            prediction = {}
        _score_article(aid, record, prediction, report)
    for aid in sorted(set(predicted) - seen):
        report.notes.append(f"{aid}: prediction has no gold record; ignored")
    return report


def _items(record: dict, field_name: str) -> list[dict]:
    items = record.get(field_name) or []
    return [i for i in items if isinstance(i, dict)]


def _score_article(aid: str, gold: dict, predicted: dict, report: EvalReport) -> None:
    ctx = _Context(_items(gold, "agencies"), _items(predicted, "agencies"))
    for field_name in FIELDS:
        gold_items = _items(gold, field_name)
        pred_items = _items(predicted, field_name)
        if field_name == "quotes":
            pred_items = [q for q in pred_items if q.get("direct", True) is not False]
        closeness = _CLOSENESS[field_name]
        pairs = match_items(gold_items, pred_items, lambda g, p: closeness(g, p, ctx))
        _count_field(aid, field_name, gold_items, pred_items, pairs, ctx, report)


def _count_field(
    aid: str,
    field_name: str,
    gold_items: list[dict],
    pred_items: list[dict],
    pairs: list[tuple[int, int]],
    ctx: _Context,
    report: EvalReport,
) -> None:
    scores = report.fields[field_name]

    def detail(kind: DetailKind, g: Optional[dict], p: Optional[dict], note: str = "") -> None:
        report.details.append(
            Detail(
                aid, field_name, kind,
                None if g is None else _project(field_name, g, gold=True),
                None if p is None else _project(field_name, p, gold=False),
                note,
            )
        )

    matched_gold = {gi for gi, _ in pairs}
    matched_pred = {pi for _, pi in pairs}
    for gi, pi in pairs:
        g, p = gold_items[gi], pred_items[pi]
        if field_name == "ages" and not _same_int(g.get("age"), p.get("age")):
            # A right name with a wrong age is a wrong claim, and the right age is missed.
            scores.fp += 1
            if not _optional(g):
                scores.fn += 1
            detail("wrong_value", g, p, f"age: gold {g.get('age')}, predicted {p.get('age')}")
            continue
        if _optional(g):
            continue
        scores.tp += 1
        wrong = _check_values(field_name, g, p, ctx, report.extras)
        if wrong:
            detail("wrong_value", g, p, "; ".join(wrong))
    for gi, g in enumerate(gold_items):
        if gi not in matched_gold and not _optional(g):
            scores.fn += 1
            detail("missed", g, None)
    for pi, p in enumerate(pred_items):
        if pi not in matched_pred:
            scores.fp += 1
            note = _fp_note(field_name, p, gold_items, pairs, pred_items)
            detail("false_positive", None, p, note)


def _fp_note(
    field_name: str,
    p: dict,
    gold_items: list[dict],
    pairs: list[tuple[int, int]],
    pred_items: list[dict],
) -> str:
    """Say why an unmatched prediction that resembles a gold item was not paired with it."""
    if field_name != "agencies":
        return ""
    for gi, pi in pairs:
        if agencies_match(gold_items[gi], p):
            return f"repeats {pred_items[pi].get('name')!r}, already matched"
    return ""


def _check_values(
    field_name: str, g: dict, p: dict, ctx: _Context, extras: dict[str, Accuracy]
) -> list[str]:
    """Update the accuracies for one matched non-optional pair; return what was wrong."""
    wrong: list[str] = []

    def compare(extra: str, key: str, ok: bool) -> None:
        extras[extra].add(ok)
        if not ok:
            wrong.append(f"{key}: gold {g.get(key)!r}, predicted {p.get(key)!r}")

    if field_name == "victims":
        if g.get("age") is not None or p.get("age") is not None:
            compare("victim_age_accuracy", "age", _same_int(g.get("age"), p.get("age")))
        if g.get("harm") is not None or p.get("harm") is not None:
            compare("victim_harm_accuracy", "harm", _same_label(g.get("harm"), p.get("harm")))
    elif field_name == "dates":
        compare("date_value_accuracy", "value", _same_label(g.get("value"), p.get("value")))
        compare("date_type_accuracy", "type", _same_label(g.get("type"), p.get("type")))
    elif field_name == "officials":
        gt, pt = g.get("title"), p.get("title")
        same_title = (gt is None and pt is None) or (
            gt is not None and pt is not None and normalize_title(gt) == normalize_title(pt)
        )
        compare("official_title_accuracy", "title", same_title)
        compare(
            "official_organization_accuracy",
            "organization",
            organizations_match(
                g.get("organization"), p.get("organization"),
                ctx.gold_agencies, ctx.predicted_agencies,
            ),
        )
    elif field_name == "quotes":
        compare(
            "quote_speaker_accuracy",
            "speaker",
            speakers_match(
                g.get("speaker"), p.get("speaker"), ctx.gold_agencies, ctx.predicted_agencies
            ),
        )
    return wrong
