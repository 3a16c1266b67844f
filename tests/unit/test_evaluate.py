"""Tests for factx.evaluate: the matchers, one-to-one assignment, optional items and scoring."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console

from factx.evaluate import (
    EXTRAS,
    FIELDS,
    EvalInputError,
    EvalReport,
    agencies_match,
    article_id,
    assign_one_to_one,
    dates_match,
    load_jsonl,
    name_tokens,
    names_match,
    organizations_match,
    quote_closeness,
    quotes_match,
    score,
    speakers_match,
)

GOLD_FILE = Path(__file__).resolve().parents[3] / "shared" / "dev" / "gold.jsonl"


def record(aid: str, **fields: list[dict]) -> dict:
    """A gold record with empty fields except those given."""
    rec: dict = {"id": aid, "reference_date": None}
    for name in FIELDS:
        rec[name] = fields.get(name, [])
    return rec


def prediction(aid: str, **fields: list[dict]) -> dict:
    """A predicted record, keyed like the CLI does: by the stem of its source."""
    rec: dict = {"schema_version": "1", "source": f"in/{aid}.txt"}
    for name in FIELDS:
        rec[name] = fields.get(name, [])
    return rec


# ---------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("name", "tokens"),
    [
        ("Jane Roe", ("jane", "roe")),
        ("Det. Sgt. Jane O'Roe Jr.", ("jane", "oroe")),
        ("Mrs Mary-Kate Doe", ("mary", "kate", "doe")),
        ("Zoë Brontë III", ("zoe", "bronte")),
        ("Judge", ("judge",)),  # nothing but a title: kept
        ("", ()),
        (None, ()),
    ],
)
def test_name_tokens(name: str | None, tokens: tuple[str, ...]) -> None:
    assert name_tokens(name) == tokens


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Jane Roe", "Jane Roe", True),
        ("Jane Roe", "jane roe", True),
        ("Mrs Roe", "Jane Roe", True),
        ("Roe", "Jane Q. Roe", True),
        ("Dr Jane Roe", "Ms Jane Roe", True),
        ("Chief Constable Jane Roe", "Jane Roe", True),
        ("Jane Roe Jr.", "Jane Roe", True),
        ("Jane O’Roe", "Jane O'Roe", True),
        ("Jane Ann Roe", "Ann Roe", True),
        ("Jose Nunez", "José Núñez", True),
        ("Ann Lee-Roe", "Mr Lee-Roe", True),
        # negatives
        ("Jane", "Jane Roe", False),  # surnames differ
        ("Jane Roe", "John Roe", False),  # neither is a subset
        ("Jane Roe", "Jane Doe", False),
        ("Jane Roe", "Roe Jane", False),
        ("J. Roe", "Jane Roe", False),
        ("Lee-Roe", "Lee", False),
        ("", "Jane Roe", False),
        (None, None, False),
    ],
)
def test_names_match(a: str | None, b: str | None, expected: bool) -> None:
    assert names_match(a, b) is expected
    assert names_match(b, a) is expected


# ---------------------------------------------------------------- agencies


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ({"name": "Northshire Police"}, {"name": "northshire police"}, True),
        ({"name": "The Northshire Police"}, {"name": "Northshire Police"}, True),
        ({"name": "Office for Road Safety", "aliases": ["ORS"]}, {"name": "ORS"}, True),
        ({"name": "ORS"}, {"name": "Office for Road Safety", "acronym": "ORS"}, True),
        ({"name": "Kingsbridge Coroner’s Court"}, {"name": "Kingsbridge Coroner's Court"}, True),
        ({"name": "Kingsbridge Magistrates' Court"}, {"name": "Kingsbridge Magistrates Court"}, True),
        ({"name": "U.S. Marshals"}, {"name": "US Marshals"}, True),
        ({"name": "Harbour Police", "aliases": ["HP"]}, {"name": "Harbour Police Service", "aliases": ["HP"]}, True),
        # negatives
        ({"name": "Northshire Police"}, {"name": "Northshire Police Federation"}, False),
        ({"name": "Office for Road Safety", "aliases": ["ORS"]}, {"name": "Office for Rail Safety"}, False),
        ({"name": "The Met"}, {"name": "Metropolitan Police"}, False),  # no alias given
        ({"name": ""}, {"name": ""}, False),
    ],
)
def test_agencies_match(a: dict, b: dict, expected: bool) -> None:
    assert agencies_match(a, b) is expected
    assert agencies_match(b, a) is expected


@pytest.mark.parametrize(
    ("a", "b", "agencies_a", "agencies_b", "expected"),
    [
        ("Northshire Police", "the Northshire Police", [], [], True),
        ("Office for Road Safety", "ORS", [{"name": "Office for Road Safety", "aliases": ["ORS"]}], [], True),
        ("Office for Road Safety", "ORS", [], [{"name": "Office for Road Safety", "acronym": "ORS"}], True),
        (None, None, [], [], True),
        ("Office for Road Safety", "ORS", [], [], False),
        ("Northshire Police", None, [], [], False),
        (None, "Northshire Police", [], [], False),
    ],
)
def test_organizations_match(a, b, agencies_a, agencies_b, expected: bool) -> None:
    assert organizations_match(a, b, agencies_a, agencies_b) is expected


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ("Jane Roe", "Ms Roe", True),
        ("The Courier", "the Courier", True),
        (None, None, True),
        (None, "Jane Roe", False),
        ("Jane Roe", None, False),
        ("Jane Roe", "John Roe", False),
    ],
)
def test_speakers_match(gold, predicted, expected: bool) -> None:
    assert speakers_match(gold, predicted) is expected


# ---------------------------------------------------------------- quotes and dates


LONG = "We will look at every piece of evidence and we will follow it wherever it leads us"


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (LONG, LONG, True),
        (LONG, LONG.upper() + "!", True),
        ("It wasn’t fair, at all.", "it wasn't fair at all", True),
        ("every piece of evidence", LONG, True),  # partial quote inside a long one
        (LONG, LONG.replace("evidence", "proof").replace("leads", "goes"), True),  # 15/17 words
        ("We will look at every piece", "We will look at some other thing", False),  # 4/6 < 80%
        ("a good man", "a bad day", False),
        ("", LONG, False),
        ("", "", False),
    ],
)
def test_quotes_match(a: str, b: str, expected: bool) -> None:
    assert quotes_match(a, b) is expected
    assert quotes_match(b, a) is expected


def test_quote_closeness_is_relative_to_the_longer_text() -> None:
    assert quote_closeness(LONG, LONG) == 1.0
    assert quote_closeness("every piece of evidence", LONG) == pytest.approx(4 / 17)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Friday", "Friday", True),
        ("friday", "late on Friday", True),
        ("9pm on Friday", "9pm on Friday night", True),
        ("Friday,", "Friday", True),
        ("March 2019", "2019", True),
        ("May", "Mayday", False),  # whole words only
        ("Friday", "Saturday", False),
        ("", "Friday", False),
    ],
)
def test_dates_match(a: str, b: str, expected: bool) -> None:
    assert dates_match(a, b) is expected
    assert dates_match(b, a) is expected


# ---------------------------------------------------------------- one-to-one


def test_assign_one_to_one_takes_closest_pairs_first() -> None:
    # gold 0 is close to pred 1, gold 1 only loosely to pred 1 and pred 0
    pairs = assign_one_to_one([(0.3, 0, 0), (0.9, 0, 1), (0.5, 1, 1), (0.4, 1, 0)])
    assert pairs == [(0, 1), (1, 0)]


def test_assign_one_to_one_ties_go_to_input_order() -> None:
    assert assign_one_to_one([(1.0, 1, 1), (1.0, 1, 0), (1.0, 0, 0), (1.0, 0, 1)]) == [(0, 0), (1, 1)]


def test_short_partial_quote_does_not_steal_the_long_ones_match() -> None:
    partial = "every piece of evidence"
    gold = [record("a", quotes=[{"text": LONG, "speaker": "Jane Roe"}])]
    # the partial quote comes first and also matches the long gold quote
    pred = {
        "a": prediction(
            "a",
            quotes=[
                {"text": partial, "speaker": "Jane Roe", "direct": True},
                {"text": LONG, "speaker": "Jane Roe", "direct": True},
            ],
        )
    }
    report = score(gold, pred)
    assert (report.fields["quotes"].tp, report.fields["quotes"].fp, report.fields["quotes"].fn) == (1, 1, 0)
    [fp] = [d for d in report.details if d.kind == "false_positive"]
    assert fp.predicted == {"text": partial, "speaker": "Jane Roe"}


def test_two_gold_quotes_each_get_their_own_prediction() -> None:
    gold = [record("a", quotes=[{"text": "every piece of evidence", "speaker": None}, {"text": LONG, "speaker": None}])]
    pred = {"a": prediction("a", quotes=[{"text": LONG}, {"text": "every piece of evidence"}])}
    q = score(gold, pred).fields["quotes"]
    assert (q.tp, q.fp, q.fn) == (2, 0, 0)


def test_name_matching_prefers_the_closest_name() -> None:
    gold = [record("a", victims=[{"name": "Ann Roe", "age": None, "harm": "killed"},
                                 {"name": "Ben Roe", "age": None, "harm": "injured"}])]
    pred = {"a": prediction("a", victims=[{"name": "Mr Roe", "harm": "killed"},
                                          {"name": "Ben Roe", "harm": "injured"}])}
    report = score(gold, pred)
    assert report.fields["victims"].tp == 2
    assert report.extras["victim_harm_accuracy"].correct == 2


# ---------------------------------------------------------------- optional items


@pytest.mark.parametrize(
    ("predicted", "counts"),
    [
        ([], (0, 0, 1)),  # the missed optional item is not a false negative
        (["Friday"], (1, 0, 0)),
        (["Friday", "now"], (1, 0, 0)),  # finding the optional one is not rewarded
        (["now"], (0, 0, 1)),
        (["now", "now"], (0, 1, 1)),  # a repeat of it is still a false positive
    ],
)
def test_optional_items(predicted: list[str], counts: tuple[int, int, int]) -> None:
    gold = [record("a", dates=[{"text": "Friday", "value": None, "type": "DATE"},
                               {"text": "now", "value": "PRESENT_REF", "type": "DATE", "optional": True}])]
    pred = {"a": prediction("a", dates=[{"text": t, "value": None, "type": "DATE"} for t in predicted])}
    d = score(gold, pred).fields["dates"]
    assert (d.tp, d.fp, d.fn) == counts


def test_optional_pairs_are_left_out_of_accuracies() -> None:
    gold = [record("a", dates=[{"text": "now", "value": "PRESENT_REF", "type": "DATE", "optional": True}])]
    pred = {"a": prediction("a", dates=[{"text": "now", "value": "2020", "type": "TIME"}])}
    report = score(gold, pred)
    assert report.extras["date_value_accuracy"].total == 0
    assert report.extras["date_value_accuracy"].value is None
    assert report.details == []


def test_optional_gold_does_not_shadow_a_real_item_on_a_tie() -> None:
    gold = [record("a", ages=[{"name": "Ann Roe", "age": 30, "optional": True}, {"name": "Ann Roe", "age": 30}])]
    pred = {"a": prediction("a", ages=[{"name": "Ann Roe", "age": 30}])}
    a = score(gold, pred).fields["ages"]
    assert (a.tp, a.fp, a.fn) == (1, 0, 0)


# ---------------------------------------------------------------- per-field scoring


@pytest.mark.parametrize(
    ("predicted", "counts", "kinds"),
    [
        ([{"name": "Ann Roe", "age": 30}], (1, 0, 0), []),
        ([{"name": "Ms Roe", "age": 30}], (1, 0, 0), []),
        ([{"name": "Ann Roe", "age": 31}], (0, 1, 1), ["wrong_value"]),  # name right, age wrong
        ([{"name": "Ann Roe", "age": 31}, {"name": "Ann Roe", "age": 30}], (1, 1, 0), ["false_positive"]),
        ([{"name": "Ben Poe", "age": 30}], (0, 1, 1), ["missed", "false_positive"]),
        ([], (0, 0, 1), ["missed"]),
    ],
)
def test_ages_need_name_and_age(predicted: list[dict], counts: tuple[int, int, int], kinds: list[str]) -> None:
    gold = [record("a", ages=[{"name": "Ann Roe", "age": 30}])]
    report = score(gold, {"a": prediction("a", ages=predicted)})
    a = report.fields["ages"]
    assert (a.tp, a.fp, a.fn) == counts
    assert [d.kind for d in report.details] == kinds


def test_second_conflicting_optional_age_finds_its_prediction() -> None:
    gold = [record("a", ages=[{"name": "Ann Roe", "age": 30}, {"name": "Ann Roe", "age": 31, "optional": True}])]
    pred = {"a": prediction("a", ages=[{"name": "Ann Roe", "age": 31}, {"name": "Ann Roe", "age": 30}])}
    a = score(gold, pred).fields["ages"]
    assert (a.tp, a.fp, a.fn) == (1, 0, 0)


def test_agency_repeating_a_matched_one_is_a_false_positive() -> None:
    gold = [record("a", agencies=[{"name": "Office for Road Safety", "aliases": ["ORS"]}])]
    pred = {"a": prediction("a", agencies=[{"name": "Office for Road Safety", "aliases": []},
                                           {"name": "ORS", "aliases": []}])}
    report = score(gold, pred)
    ag = report.fields["agencies"]
    assert (ag.tp, ag.fp, ag.fn) == (1, 1, 0)
    [fp] = report.details
    assert fp.kind == "false_positive" and fp.predicted == {"name": "ORS", "aliases": []}
    assert "already matched" in fp.note


def test_indirect_predicted_quotes_are_not_scored() -> None:
    gold = [record("a", quotes=[{"text": LONG, "speaker": "Jane Roe"}])]
    pred = {"a": prediction("a", quotes=[{"text": LONG, "speaker": "Jane Roe", "direct": False},
                                         {"text": "something else entirely", "direct": False}])}
    q = score(gold, pred).fields["quotes"]
    assert (q.tp, q.fp, q.fn) == (0, 0, 1)


GOLD_ARTICLE = record(
    "a",
    victims=[{"name": "Ann Roe", "age": 30, "harm": "killed"},
             {"name": "Ben Poe", "age": None, "harm": "injured"}],
    ages=[{"name": "Ann Roe", "age": 30}, {"name": "Cal Tee", "age": 41}],
    dates=[{"text": "Friday", "value": "2021-03-05", "type": "DATE"},
           {"text": "9pm on Friday", "value": "2021-03-05T21:00", "type": "TIME"}],
    agencies=[{"name": "Office for Road Safety", "aliases": ["ORS"]},
              {"name": "Northshire Police", "aliases": []}],
    officials=[{"name": "Cal Tee", "title": "Chief Inspector", "organization": "Northshire Police"},
               {"name": "Dee Vu", "title": "director", "organization": "Office for Road Safety"}],
    quotes=[{"text": LONG, "speaker": "Cal Tee"},
            {"text": "The road was closed for the whole night.", "speaker": "Office for Road Safety"},
            {"text": "She was kind to everyone", "speaker": None}],
)

PRED_ARTICLE = prediction(
    "a",
    victims=[{"name": "Ann Roe", "age": 30, "harm": "killed", "mentions": []},
             {"name": "Ben Poe", "age": 25, "harm": "injured"},  # age guessed for a null gold age
             {"name": "Cal Tee", "age": 41, "harm": None}],  # not a victim
    ages=[{"name": "Ms Roe", "age": 30, "start": 0, "end": 2, "text": "30"}],  # Cal Tee missed
    dates=[{"text": "friday", "value": "2021-03-05", "type": "DATE"},
           {"text": "9pm on Friday night", "value": "2021-03-05T21:00", "type": "DATE"},  # wrong type
           {"text": "four years", "value": "P4Y", "type": "DATE"}],
    agencies=[{"name": "Northshire Police", "aliases": [], "kind": "police"},
              {"name": "ORS", "acronym": "ORS", "aliases": ["Office for Road Safety"]}],
    officials=[{"name": "Chief Inspector Cal Tee", "title": "chief inspector", "organization": "the Northshire Police"},
               {"name": "Dee Vu", "title": None, "organization": "ORS"}],
    quotes=[{"text": LONG + ".", "speaker": "Mr Tee", "direct": True},
            {"text": "The road was closed for the whole night", "speaker": "ORS"},
            {"text": "She was kind to everyone", "speaker": "Ben Poe"},
            {"text": "Never again", "speaker": None}],
)


def test_score_end_to_end() -> None:
    report = score([GOLD_ARTICLE], {"a": PRED_ARTICLE})
    counts = {name: (s.tp, s.fp, s.fn) for name, s in report.fields.items()}
    assert counts == {
        "victims": (2, 1, 0),
        "ages": (1, 0, 1),
        "dates": (2, 1, 0),
        "agencies": (2, 0, 0),
        "officials": (2, 0, 0),
        "quotes": (3, 1, 0),
    }
    acc = {name: (a.correct, a.total) for name, a in report.extras.items()}
    assert acc == {
        "victim_age_accuracy": (1, 2),
        "victim_harm_accuracy": (2, 2),
        "date_value_accuracy": (2, 2),
        "date_type_accuracy": (1, 2),
        "official_title_accuracy": (1, 2),
        "official_organization_accuracy": (2, 2),
        "quote_speaker_accuracy": (2, 3),
    }
    assert report.articles == 1
    assert report.fields["victims"].precision == pytest.approx(2 / 3)
    assert report.fields["ages"].recall == pytest.approx(0.5)
    assert report.fields["quotes"].f1 == pytest.approx(2 * 0.75 * 1.0 / 1.75)
    kinds = sorted((d.field, d.kind) for d in report.details)
    assert kinds == [
        ("ages", "missed"),
        ("dates", "false_positive"),
        ("dates", "wrong_value"),
        ("officials", "wrong_value"),
        ("quotes", "false_positive"),
        ("quotes", "wrong_value"),
        ("victims", "false_positive"),
        ("victims", "wrong_value"),
    ]
    # details show the scored keys only
    assert all("mentions" not in (d.predicted or {}) for d in report.details)


def test_scores_are_micro_averaged_over_articles() -> None:
    gold = [record("a", victims=[{"name": "Ann Roe", "age": None, "harm": None}]),
            record("b", victims=[{"name": f"Person {i}", "age": None, "harm": None} for i in range(3)])]
    pred = {"a": prediction("a", victims=[{"name": "Ann Roe"}]), "b": prediction("b", victims=[{"name": "Person 0"}])}
    v = score(gold, pred).fields["victims"]
    assert (v.tp, v.fp, v.fn) == (2, 0, 2)
    assert v.recall == pytest.approx(0.5)  # not the mean of 1.0 and 1/3


def test_article_without_prediction_counts_misses_and_adds_a_note() -> None:
    gold = [record("a", victims=[{"name": "Ann Roe", "age": None, "harm": None}],
                   dates=[{"text": "now", "value": None, "type": "DATE", "optional": True}])]
    report = score(gold, {"zz": prediction("zz")})
    assert (report.fields["victims"].fn, report.fields["dates"].fn) == (1, 0)
    assert any("a: no prediction" in n for n in report.notes)
    assert any("zz" in n for n in report.notes)


def test_empty_fields_score_vacuously() -> None:
    s = score([record("a")], {"a": prediction("a")}).fields["officials"]
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)
    s = score([record("a", officials=[{"name": "Ann Roe", "title": None, "organization": None}])],
              {"a": prediction("a")}).fields["officials"]
    assert (s.precision, s.recall, s.f1) == (1.0, 0.0, 0.0)


# ---------------------------------------------------------------- report output


def test_to_dict_is_plain_and_ordered() -> None:
    report = score([GOLD_ARTICLE], {"a": PRED_ARTICLE})
    data = report.to_dict()
    assert list(data) == ["articles", "fields", "extras", "notes", "details"]
    assert list(data["fields"]) == list(FIELDS)
    assert list(data["extras"]) == list(EXTRAS)
    assert list(data["fields"]["victims"]) == ["tp", "fp", "fn", "precision", "recall", "f1"]
    assert list(data["extras"]["victim_age_accuracy"]) == ["correct", "total", "value"]
    assert json.dumps(data) == json.dumps(score([GOLD_ARTICLE], {"a": PRED_ARTICLE}).to_dict())


def test_render_table_and_details() -> None:
    out = io.StringIO()
    console = Console(file=out, width=200, color_system=None)
    report = score([GOLD_ARTICLE], {"a": PRED_ARTICLE})
    report.render_table(console)
    report.render_details(console)
    text = out.getvalue()
    for word in (*FIELDS, "victim age accuracy", "quote speaker accuracy", "false_positive", "Never again"):
        assert word in text


def test_render_details_does_not_read_markup_from_text() -> None:
    out = io.StringIO()
    gold = [record("a", quotes=[{"text": "There was [bold]someone[/bold] there", "speaker": None}])]
    score(gold, {"a": prediction("a")}).render_details(Console(file=out, width=200, color_system=None))
    assert "[bold]someone[/bold]" in out.getvalue()


def test_render_empty_report() -> None:
    out = io.StringIO()
    EvalReport().render_details(Console(file=out, color_system=None))
    assert "no errors" in out.getvalue()


# ---------------------------------------------------------------- inputs


def test_load_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a"}\n\n{"id": "b"}\n', encoding="utf-8")
    assert load_jsonl(path) == [{"id": "a"}, {"id": "b"}]


def test_load_json_array_and_single_object(tmp_path: Path) -> None:
    array = tmp_path / "out.json"
    array.write_text('[\n  {"source": "x.txt"},\n  {"source": "y.txt"}\n]\n', encoding="utf-8")
    assert [article_id(r) for r in load_jsonl(array)] == ["x", "y"]
    single = tmp_path / "one.json"
    single.write_text('{\n  "source": "x.txt"\n}\n', encoding="utf-8")
    assert load_jsonl(single) == [{"source": "x.txt"}]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"id": "a"}\n{"id": \n', "line 2: invalid JSON"),
        ('{"id": "a"}\n[1, 2]\n', "line 2: expected a JSON object"),
        ("[1, 2]", "item 0: expected a JSON object"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
    ],
)
def test_load_jsonl_errors(tmp_path: Path, content: str | bytes, reason: str) -> None:
    path = tmp_path / "bad.jsonl"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(EvalInputError) as info:
        load_jsonl(path)
    assert info.value.path == path
    assert reason in info.value.reason
    assert "\n" not in str(info.value) and str(path) in str(info.value)


def test_load_jsonl_missing_file(tmp_path: Path) -> None:
    with pytest.raises(EvalInputError, match="no such file"):
        load_jsonl(tmp_path / "absent.jsonl")


@pytest.mark.parametrize(
    ("rec", "expected"),
    [
        ({"id": "port", "source": "x/other.txt"}, "port"),
        ({"source": "samples/port.txt"}, "port"),
        ({"source": "port.html"}, "port"),
    ],
)
def test_article_id(rec: dict, expected: str) -> None:
    assert article_id(rec) == expected


def test_article_id_needs_id_or_source() -> None:
    with pytest.raises(ValueError):
        article_id({})


# ---------------------------------------------------------------- the real gold file


@pytest.mark.skipif(not GOLD_FILE.is_file(), reason="../shared/dev/gold.jsonl not present")
def test_gold_scored_against_itself_is_perfect() -> None:
    gold = load_jsonl(GOLD_FILE)
    predicted = {}
    for rec in gold:
        pred = {k: v for k, v in rec.items() if k != "id"}
        pred["source"] = f"articles/{rec['id']}.txt"
        predicted[article_id(pred)] = pred
    report = score(gold, predicted)
    assert report.articles == len(gold)
    for name in FIELDS:
        assert report.fields[name].f1 == 1.0, name
        assert report.fields[name].fp == report.fields[name].fn == 0, name
    for name in EXTRAS:
        assert report.extras[name].value in (1.0, None), name
    assert report.details == [] and report.notes == []
