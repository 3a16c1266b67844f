"""The Dask recipe (README "Batch at scale"), run on a small in-process LocalCluster."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

dask_bag = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("dask.distributed")

from factx.dask_recipe import extract_jsonl_partition, extract_partition  # noqa: E402

STORIES = [
    "Jane Roe, 34, was stabbed in Leeds on Friday, West Yorkshire Police said.",
    "Mark Poole, 51, died after a crash on the A1 on Monday. The ambulance service attended.",
    "Sara Lind, 19, was injured when a wall fell in Bristol last week, the council said.",
    "No one was hurt in the fire, the fire service said.",
]


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                       dashboard_address=None)
    with distributed.Client(cluster) as client:
        yield client
    cluster.close()


def _read_parts(folder: Path) -> list[dict]:
    return [json.loads(line) for part in sorted(folder.glob("part-*.jsonl"))
            for line in part.read_text().splitlines()]


def test_files_to_jsonl_on_a_local_cluster(client, nlp, tmp_path):
    paths = []
    for i, story in enumerate(STORIES):
        path = tmp_path / f"story{i}.txt"
        path.write_text(story)
        paths.append(str(path))
    paths.append(str(tmp_path / "missing.txt"))  # unreadable: logged and skipped
    bag = dask_bag.from_sequence(paths, npartitions=2)
    bag.map_partitions(extract_partition).to_textfiles(str(tmp_path / "facts" / "part-*.jsonl"),
                                                        last_endline=True)
    records = _read_parts(tmp_path / "facts")
    assert [r["source"] for r in records] == paths[:-1]  # input order across partitions

    from factx.api import extract

    expected = extract(STORIES[0], source=paths[0], nlp=nlp).model_dump(mode="json")
    assert records[0] == expected


def test_jsonl_dump_to_jsonl_on_a_local_cluster(client, tmp_path):
    dump = tmp_path / "dump.jsonl"
    rows = [{"id": f"n{i}", "text": s} for i, s in enumerate(STORIES[:3])] + [{"text": STORIES[3]}]
    dump.write_text("".join(json.dumps(r) + "\n" for r in rows))
    lines = dask_bag.read_text(str(dump), include_path=True, blocksize=None)
    lines.map_partitions(extract_jsonl_partition).to_textfiles(str(tmp_path / "out" / "part-*.jsonl"),
                                                               last_endline=True)
    sources = [r["source"] for r in _read_parts(tmp_path / "out")]
    assert sources[:3] == ["n0", "n1", "n2"]
    assert sources[3].endswith("dump.jsonl:4")


@pytest.mark.parametrize("lines, expected", [
    (['{"id": "a", "text": "Jane Roe, 34, was hurt."}', "not json"], ["a"]),
    ([('{"text": "Jane Roe was hurt."}', "d.jsonl"), ('{"text": "Tom Cole was hurt."}', "d.jsonl")],
     ["d.jsonl:1", "d.jsonl:2"]),
])
def test_jsonl_partition_sources_without_a_cluster(nlp, lines, expected):
    assert [json.loads(r)["source"] for r in extract_jsonl_partition(lines)] == expected


def test_on_error_raise_stops_at_an_unreadable_file(nlp, tmp_path):
    from factx.io import InputError

    with pytest.raises(InputError, match="no such file"):
        extract_partition([str(tmp_path / "missing.txt")], on_error="raise")


def test_sequential_borrows_reuse_one_pipeline(nlp):
    from factx.dask_recipe import borrowed_pipeline

    with borrowed_pipeline() as first:
        pass
    with borrowed_pipeline() as second:
        pass
    assert first is second
