"""Batch extraction: batching, order, long texts, failures, pool, JSONL input, resumable output."""

from __future__ import annotations

import functools
import io
import json
from pathlib import Path

import pytest

from factx import batch
from factx.api import Article

STORY = "Jane Roe, 34, was stabbed in Leeds on Friday. Police said a man, 40, had been arrested."
OTHER = "Mark Poole, 51, died after a crash on the A1, the ambulance service said."


def _articles(n: int, text: str = STORY) -> list[Article]:
    return [Article(text=f"{text} Case {i}.", source=f"s{i}") for i in range(n)]


# ---------------------------------------------------------------- pure helpers

@pytest.mark.parametrize("lengths, batch_size, max_chars, expected", [
    ([10, 10, 10], 2, 1000, [2, 1]),
    ([10, 10, 10], 8, 1000, [3]),
    ([600, 600, 10], 8, 1000, [1, 2]),       # the character budget cuts first
    ([5000, 10], 8, 1000, [1, 1]),           # a text over budget goes alone
    ([], 8, 1000, []),
])
def test_batches_respect_count_and_characters(lengths, batch_size, max_chars, expected):
    articles = [Article(text="x" * n, source=str(i)) for i, n in enumerate(lengths)]
    got = list(batch.batches(articles, batch_size, max_chars))
    assert [len(b) for b in got] == expected
    assert [a.source for b in got for a in b] == [a.source for a in articles]


def test_batches_are_lazy_and_a_full_batch_goes_at_once():
    read = []

    def endless():
        while True:
            read.append(len(read))
            yield Article(text="x", source=str(read[-1]))

    first = next(batch.batches(endless(), batch_size=3))
    assert [a.source for a in first] == ["0", "1", "2"]
    assert len(read) == 3  # not waiting for a fourth article (a live stream may pause)


@pytest.mark.parametrize("jobs", [1, 3])
def test_resolve_jobs_keeps_positive_counts(jobs):
    assert batch.resolve_jobs(jobs) == jobs


def test_resolve_jobs_zero_means_all_cores():
    assert batch.resolve_jobs(0) >= 1


# ---------------------------------------------------------------- extraction in this process

def test_one_outcome_per_article_in_input_order(nlp):
    articles = _articles(5) + [Article(text=OTHER, source="last")]
    outcomes = list(batch.extract_outcomes(articles, jobs=1, batch_size=2, nlp=nlp))
    assert [o.source for o in outcomes] == [a.source for a in articles]
    assert all(o.ok for o in outcomes)
    record = json.loads(outcomes[-1].json)
    assert record["source"] == "last" and "\n" not in outcomes[-1].json


def test_outcome_json_and_facts_agree(nlp):
    [outcome] = batch.extract_outcomes([Article(text=STORY, source="a")], nlp=nlp, as_json=False)
    assert json.loads(outcome.json) == outcome.facts.model_dump(mode="json")


def test_long_text_is_parsed_in_pieces_with_offsets_kept(nlp, monkeypatch):
    import factx.api

    monkeypatch.setattr(factx.api, "split_text", functools.partial(factx.api.split_text, limit=120))
    text = "\n".join([STORY, OTHER, STORY])
    [outcome] = batch.extract_outcomes([Article(text=text, source="long")], nlp=nlp, as_json=False)
    facts = outcome.facts
    assert any("processed in" in w and "pieces" in w for w in facts.warnings)
    for age in facts.ages:
        assert text[age.start:age.end] == age.text
    assert {a.age for a in facts.ages} >= {34, 51}


def test_a_failing_article_does_not_stop_the_others(nlp, monkeypatch):
    import factx.api

    real = factx.api.facts_from_doc

    def flaky(doc, article):
        if article.source == "s1":
            raise ValueError("boom")
        return real(doc, article)

    monkeypatch.setattr(factx.api, "facts_from_doc", flaky)
    outcomes = list(batch.extract_outcomes(_articles(3), jobs=1, nlp=nlp))
    assert [o.ok for o in outcomes] == [True, False, True]
    assert "ValueError: boom" in outcomes[1].error
    with pytest.raises(ValueError):
        outcomes[1].facts


def test_extract_many_raises_naming_the_article(nlp, monkeypatch):
    import factx.api

    monkeypatch.setattr(factx.api, "facts_from_doc", lambda doc, article: 1 / 0)
    with pytest.raises(batch.ExtractionError, match="s0: internal error: ZeroDivisionError"):
        list(factx.api.extract_many(_articles(2), nlp=nlp))


def test_extract_many_accepts_plain_strings(nlp):
    from factx.api import extract_many

    got = list(extract_many([STORY, Article(text=OTHER, source="b")], nlp=nlp))
    assert [f.source for f in got] == ["-", "b"]


def test_pool_gives_the_same_records_in_the_same_order(nlp):
    articles = _articles(7) + [Article(text=OTHER, source="z")]
    alone = [o.json for o in batch.extract_outcomes(articles, jobs=1, batch_size=3, nlp=nlp)]
    pooled = [o.json for o in batch.extract_outcomes(_articles(7) + [Article(text=OTHER, source="z")],
                                                     jobs=2, batch_size=1)]
    assert pooled == alone


# ---------------------------------------------------------------- JSON Lines input

def _jsonl(*rows: str) -> io.StringIO:
    return io.StringIO("".join(r + "\n" for r in rows))


@pytest.mark.parametrize("line, source, error", [
    ('{"id": "n1", "text": "Jane Roe was hurt."}', "n1", None),
    ('{"id": 7, "text": "Jane Roe was hurt."}', "7", None),
    ('{"text": "Jane Roe was hurt."}', "dump.jsonl:1", None),
    ('{"id": "", "text": "Jane Roe was hurt."}', "dump.jsonl:1", None),
    ('{"id": "n2", "body": "Jane Roe was hurt."}', "dump.jsonl:1 (id n2)", "no text"),
    ('{"id": "n3", "text": "   "}', "dump.jsonl:1 (id n3)", "empty text"),
    ('{"id": "n4", "text": 5}', "dump.jsonl:1 (id n4)", "no text"),
    ('not json', "dump.jsonl:1", "not valid JSON"),
    ('["a list"]', "dump.jsonl:1", "not a JSON object"),
])
def test_jsonl_lines(line, source, error):
    [got] = list(batch.iter_jsonl_articles(_jsonl(line), "dump.jsonl"))
    assert got.source == source
    if error is None:
        assert isinstance(got, Article) and got.text == "Jane Roe was hurt."
    else:
        assert isinstance(got, batch.InputLineError) and error in str(got)


def test_jsonl_keys_blank_lines_and_line_endings():
    handle = _jsonl('{"ref": "a", "body": "One.\\r\\nTwo."}', "", '{"body": "Three."}')
    got = list(batch.iter_jsonl_articles(handle, "d", text_key="body", id_key="ref"))
    assert [(a.source, a.text) for a in got] == [("a", "One.\nTwo."), ("d:3", "Three.")]


def test_count_lines_ignores_blank_lines(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text('{"text": "a"}\n\n{"text": "b"}\n   \n')
    assert batch.count_lines(path) == 2


# ---------------------------------------------------------------- resumable output

def _record(source: str) -> str:
    return json.dumps({"schema_version": "1", "source": source}) + "\n"


def test_read_records_skips_damaged_and_truncated_lines(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text(_record("a") + "garbage\n" + '{"no": "source"}\n' + _record("b") + '{"source": "c", "trunc')
    assert [s for s, _ in batch.read_records(path)] == ["a", "b"]
    assert list(batch.read_records(tmp_path / "missing.jsonl")) == []


def test_resumable_output_merges_file_and_partial_once_each(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text(_record("a") + _record("b"))
    batch.partial_path(path).write_text(_record("b") + _record("c") + '{"source": "d"')
    out = batch.ResumableJsonl(path).open()
    assert out.done == {"a", "b", "c"} and out.kept == 3
    out.write(_record("e").rstrip("\n"))
    # killed here: FILE is untouched, FILE.partial holds everything finished
    assert [s for s, _ in batch.read_records(path)] == ["a", "b"]
    assert [s for s, _ in batch.read_records(batch.partial_path(path))] == ["a", "b", "c", "e"]
    out.commit()
    assert [s for s, _ in batch.read_records(path)] == ["a", "b", "c", "e"]
    assert not batch.partial_path(path).exists()


def test_resumable_output_closed_without_commit_keeps_the_partial(tmp_path):
    path = tmp_path / "out.jsonl"
    out = batch.ResumableJsonl(path).open()
    out.write(_record("a"))
    out.close()
    assert not path.exists()
    assert [s for s, _ in batch.read_records(batch.partial_path(path))] == ["a"]


def test_remove_stale_partial(tmp_path):
    path = tmp_path / "out.jsonl"
    batch.partial_path(path).write_text(_record("a"))
    batch.remove_stale_partial(path)
    batch.remove_stale_partial(path)  # absent: no error
    assert not batch.partial_path(path).exists()


def test_no_temporary_files_left_behind(tmp_path):
    path = tmp_path / "out.jsonl"
    out = batch.ResumableJsonl(path).open()
    out.commit()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]
    assert Path(path).read_text() == ""
