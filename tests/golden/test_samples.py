"""Golden tests: factx on the bundled samples against their hand-written expected records.

samples/*.txt are the user's article and short articles written for factx; their expected
records (gold format, SPEC "The gold files") are in samples/*.gold.jsonl.
"""

from __future__ import annotations

import json

import pytest

from factx.evaluate import score

from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

GOLD = {
    row["id"]: row
    for path in sorted(SAMPLES.glob("*.gold.jsonl"))
    for row in map(json.loads, path.read_text(encoding="utf-8").splitlines())
}


@pytest.fixture(scope="module")
def records(extract_text):
    out = {}
    for stem in GOLD:
        path = SAMPLES / f"{stem}.txt"
        out[stem] = extract_text(path.read_text(encoding="utf-8"), source=str(path))
    return out


def test_every_sample_has_an_expected_record():
    stems = {p.stem for p in SAMPLES.glob("*.txt")}
    assert stems == set(GOLD)


@pytest.mark.parametrize("stem", sorted(GOLD))
def test_offsets_point_at_the_surface_text(records, stem):
    facts = records[stem]
    text = (SAMPLES / f"{stem}.txt").read_text(encoding="utf-8")
    spans = [(a.start, a.end, a.text) for a in facts.ages]
    spans += [(d.start, d.end, d.text) for d in facts.dates]
    spans += [(q.start, q.end, q.text) for q in facts.quotes]
    for group in (facts.victims, facts.agencies, facts.officials):
        spans += [(m.start, m.end, m.text) for item in group for m in item.mentions]
    assert spans, "no facts at all"
    for start, end, surface in spans:
        assert text[start:end] == surface
    for q in facts.quotes:
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start < q.speaker_end <= len(text)


def _names(items):
    return sorted(i.name for i in items)


def test_port_sample_victims_and_ages(records):
    facts = records["met-port-reinvestigation"]
    victims = {v.name: v.age for v in facts.victims}
    assert victims == {"Anthony Walgate": 23, "Gabriel Kovari": 22, "Daniel Whitworth": 21, "Jack Taylor": 25}
    assert all(v.harm == "killed" for v in facts.victims)
    assert not any("Port" in v.name for v in facts.victims)
    ages = {(a.name, a.age) for a in facts.ages}
    assert {("Anthony Walgate", 23), ("Gabriel Kovari", 22), ("Daniel Whitworth", 21), ("Jack Taylor", 25)} <= ages


def test_port_sample_dates(records):
    values = {d.text: d.value for d in records["met-port-reinvestigation"].dates}
    assert values["June 2014"] == "2014-06"
    assert values["September 2015"] == "2015-09"
    assert records["met-port-reinvestigation"].reference_date is None
    assert values.get("last December", None) is None  # relative, and no reference date


def test_port_sample_agencies_merged_once(records):
    agencies = records["met-port-reinvestigation"].agencies
    met = [a for a in agencies if a.name == "Metropolitan Police"]
    iopc = [a for a in agencies if a.name == "Independent Office for Police Conduct"]
    assert len(met) == 1 and "Met" in met[0].aliases
    assert len(iopc) == 1 and iopc[0].acronym == "IOPC"
    assert not any(a.name in {"Met", "IOPC", "Anthony, Gabriel,"} for a in agencies)
    assert any(a.name.endswith("Inspectorate of Constabulary and Fire and Rescue Services") for a in agencies)


def test_port_sample_officials_and_their_quotes(records):
    facts = records["met-port-reinvestigation"]
    officials = {o.name: o for o in facts.officials}
    assert officials["Graham Beesley"].title == "IOPC regional director"
    assert officials["Graham Beesley"].organization == "Independent Office for Police Conduct"
    assert officials["Helen Ball"].title == "Acting Deputy Commissioner"
    assert officials["Helen Ball"].organization == "Metropolitan Police"
    assert officials["Sadiq Khan"].title == "London Mayor"
    counts = {name: len(o.quotes) for name, o in officials.items()}
    direct = [q for q in facts.quotes if q.direct]
    by_speaker = {n: sum(1 for q in direct if q.speaker == n) for n in officials}
    assert by_speaker["Graham Beesley"] == 3
    assert by_speaker["Helen Ball"] == 7
    assert by_speaker["Sadiq Khan"] == 3
    assert counts["Helen Ball"] >= 7


@pytest.mark.parametrize("stem", sorted(GOLD))
def test_sample_scores(records, stem):
    """Victims and ages exactly right on every sample; the other fields nearly so."""
    predicted = {stem: records[stem].model_dump(mode="json")}
    report = score([GOLD[stem]], predicted).to_dict()
    fields = report["fields"]
    assert fields["victims"]["f1"] == 1.0, report["details"]
    assert fields["ages"]["f1"] == 1.0, report["details"]
    assert fields["agencies"]["f1"] >= 0.85, report["details"]
    assert fields["dates"]["f1"] >= 0.85, report["details"]
    assert fields["quotes"]["f1"] >= 0.85, report["details"]
    assert fields["officials"]["f1"] >= 0.8, report["details"]
