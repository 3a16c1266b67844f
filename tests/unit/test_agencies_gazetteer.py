"""The agency gazetteer and rule files: loading, validation, pure helpers."""

from __future__ import annotations

import json

import pytest

from factx import rules
from factx.extractors import agencies
from factx.extractors.agencies import (
    GazetteerEntry,
    gazetteer_patterns,
    load_gazetteer,
    name_variants,
    normalize_name,
    place_key,
)
from factx.rules import RuleFileError, load_jsonl


def test_gazetteer_is_large_and_covers_the_countries():
    entries = load_gazetteer()
    assert len(entries) >= 300
    countries = {e.country for e in entries}
    assert {"GB", "US", "CA", "AU", "IE", "NZ", "INT"} <= countries
    kinds = {e.kind for e in entries}
    assert {"police", "justice", "watchdog", "government", "emergency", "military", "health", "international"} <= kinds


def test_gazetteer_ids_are_unique():
    ids = [e.id for e in load_gazetteer()]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("name, acronym", [
    ("Independent Office for Police Conduct", "IOPC"),
    ("Federal Bureau of Investigation", "FBI"),
    ("Royal Canadian Mounted Police", "RCMP"),
    ("Crown Prosecution Service", "CPS"),
])
def test_known_bodies(name, acronym):
    entry = next(e for e in load_gazetteer() if e.name == name)
    assert entry.acronym == acronym


@pytest.fixture
def models(tmp_path, monkeypatch):
    """A throwaway models/ folder: write(name, lines) puts a rule file there."""
    monkeypatch.setattr(rules, "models_dir", lambda: tmp_path)
    load_jsonl.cache_clear()
    agencies._load_gazetteer.cache_clear()

    def write(name: str, lines: list[str]) -> str:
        (tmp_path / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        return name

    yield write
    load_jsonl.cache_clear()
    agencies._load_gazetteer.cache_clear()


GOOD = {"id": "xx-test-police", "name": "Test Police", "kind": "police", "country": "GB"}


@pytest.mark.parametrize("bad_row, reason", [
    ({**GOOD, "colour": "blue"}, "colour"),              # extra="forbid"
    ({**GOOD, "kind": "company"}, "kind"),               # not an agency kind
    ({k: v for k, v in GOOD.items() if k != "name"}, "name"),
    ({**GOOD, "country": "Britain"}, "country"),
    ({**GOOD, "aliases": "Test"}, "aliases"),
])
def test_bad_row_fails_with_file_and_line(models, bad_row, reason):
    name = models("bad.jsonl", ["# a comment", json.dumps(GOOD | {"id": "xx-a"}), "", json.dumps(bad_row)])
    with pytest.raises(RuleFileError) as err:
        load_gazetteer(name)
    assert err.value.line == 4
    assert err.value.path.name == "bad.jsonl"
    assert reason in str(err.value)


def test_invalid_json_fails_with_line(models):
    name = models("broken.jsonl", [json.dumps(GOOD), "{not json"])
    with pytest.raises(RuleFileError) as err:
        load_gazetteer(name)
    assert err.value.line == 2


def test_duplicate_id_fails_with_line(models):
    name = models("dup.jsonl", ["# header", json.dumps(GOOD), json.dumps(GOOD)])
    with pytest.raises(RuleFileError) as err:
        load_gazetteer(name)
    assert err.value.line == 3 and "duplicate" in str(err.value)


def test_entry_model_forbids_extra_fields():
    with pytest.raises(Exception):
        GazetteerEntry(**GOOD, extra="x")


def test_patterns_file_is_valid_spanruler_jsonl():
    rows = load_jsonl("patterns/agencies.jsonl")
    assert rows
    for row in rows:
        assert set(row) == {"label", "pattern", "id"}
        assert row["label"] == "AGENCY" and isinstance(row["pattern"], list)
        assert agencies.rule_kind(row["id"]) is not None, row["id"]


def test_gazetteer_patterns_are_case_sensitive_for_acronyms():
    patterns = list(gazetteer_patterns())
    iopc = [p for p in patterns if p["id"] == "acr:gb-independent-office-for-police-conduct"]
    assert iopc == [{"label": "AGENCY", "pattern": [{"ORTH": "IOPC"}], "id": "acr:gb-independent-office-for-police-conduct"}]
    assert any(p["pattern"] == [{"ORTH": "Met"}] and p["id"].startswith("weak:") for p in patterns)


@pytest.mark.parametrize("name, variant", [
    ("Manchester Magistrates' Court", "Manchester Magistrates Court"),
    ("Manchester Magistrates' Court", "Manchester Magistrates\u2019 Court"),
    ("Her Majesty's Coroner", "Her Majesty\u2019s Coroner"),
])
def test_name_variants(name, variant):
    assert variant in name_variants(name)


@pytest.mark.parametrize("name, key", [
    ("The Met\u2019s", "met"),
    ("the Metropolitan Police", "metropolitan police"),
    ("Manchester Magistrates' Court", "manchester magistrates court"),
    ("U.S. Attorney's Office", "us attorney office"),
    ("The", "the"),
])
def test_normalize_name(name, key):
    assert normalize_name(name) == key


@pytest.mark.parametrize("name, key", [
    ("Pinebrook Police Department", "pinebrook"),
    ("Pinebrook Police", "pinebrook"),
    ("Toronto Police Service", "toronto"),
    ("New York State Police", "new york state"),
])
def test_place_key(name, key):
    assert place_key(name) == key


def test_generated_gazetteer_patterns_are_valid():
    """The ruler skips validation for the generated patterns (cold start); check them here."""
    from spacy.schemas import validate_token_pattern

    for pattern in gazetteer_patterns():
        if isinstance(pattern["pattern"], list):
            assert not validate_token_pattern(pattern["pattern"]), pattern


def test_hand_written_patterns_are_validated_at_build(models):
    from factx.components import check_token_patterns

    good = {"label": "AGENCY", "pattern": [{"ORTH": "Police"}], "id": "police:x"}
    bad = {"label": "AGENCY", "pattern": [{"ORTH": "Police", "COLOUR": "blue"}], "id": "police:bad-rule"}
    check_token_patterns(models("good.jsonl", [json.dumps(good)]))
    with pytest.raises(RuleFileError) as err:
        check_token_patterns(models("bad.jsonl", [json.dumps(good), json.dumps(bad)]))
    assert "police:bad-rule" in str(err.value) and err.value.path.name == "bad.jsonl"


UK_TERRITORIAL_FORCES = 43


def test_every_uk_territorial_force_and_the_national_forces():
    gb_police = {e.id for e in load_gazetteer() if e.country == "GB" and e.kind == "police"}
    territorial = {i for i in gb_police if i.endswith(("-police", "-constabulary")) and i not in {
        "gb-british-transport-police", "gb-police-scotland", "gb-ministry-of-defence-police",
        "gb-civil-nuclear-constabulary", "gb-royal-military-police", "gb-states-of-jersey-police",
        "gb-guernsey-police", "gb-isle-of-man-constabulary", "gb-counter-terrorism-policing"}}
    assert len(territorial | {"gb-met"}) == UK_TERRITORIAL_FORCES
    assert {"gb-police-scotland", "gb-police-service-of-northern-ireland", "gb-british-transport-police"} <= gb_police


US_STATES = ["Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida",
             "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine",
             "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska",
             "Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio",
             "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas",
             "Utah", "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming"]


@pytest.mark.parametrize("state", US_STATES)
def test_every_us_state_has_a_state_police_or_investigation_body(state):
    names = [e.name for e in load_gazetteer() if e.country == "US" and e.kind == "police"]
    assert any(n.startswith(state + " ") and not n.startswith(state + " City") for n in names), state


def test_shared_state_acronyms_are_weak():
    """"MSP" is four states' police, "SBI" also a bank, "TBI" also a brain injury: weak only."""
    strong = [a for e in load_gazetteer() for a in [e.acronym, *e.aliases] if a]
    for acronym in ("MSP", "SBI", "CBI", "ABI", "ISP", "DPS", "BCI", "TBI", "RNC"):
        assert acronym not in strong, acronym


def test_no_dev_tuned_rows():
    ids = {e.id for e in load_gazetteer()}
    assert "au-polair" not in ids
