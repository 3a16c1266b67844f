"""factx throughput, start-up and memory on one corpus, against bare spaCy (``make bench``).

    .venv/bin/python bench/bench.py                    # the dev articles + the corpus in ../shared
    .venv/bin/python bench/bench.py --large 500 --repeat 2 --profile
    .venv/bin/python bench/bench.py --corpus some/folder --corpus other/folder

Prints, in one run over the same texts:
- articles/s and tokens/s of bare ``nlp.pipe`` (the factx pipeline: same model, same
  components), of factx on 1 process and on all cores (parse + extract + JSON), and of the
  alternative engine factx does not use (``nlp.pipe(n_process=N)`` + extractors in the parent);
- cold start: ``factx extract one.txt`` against ``python -c "import spacy; spacy.load(MODEL)"``;
- peak RSS (``ru_maxrss`` of the child) of ``factx extract DIR -o FILE --jobs 1`` for 20 and
  for 2,000 inputs (the corpus repeated);
- the machine's core count and load, and every ratio against its target.

Not a test: timings depend on the machine and on what else runs on it (the load average is
printed first and last for that reason). The texts are read from their folders, never copied
into the repository; the repeated corpus lives in a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEFAULT_CORPORA = (SHARED / "dev" / "articles", SHARED / "corpus")
FACTX = [sys.executable, "-m", "factx"]

TARGETS = {  # name: (ratio, comparison, bound)
    "factx 1 process / bare nlp.pipe": (">=", 0.85),
    "factx 2 processes / factx 1 process": (">=", 1.8),
    "cold start / bare spacy.load": ("<=", 1.3),
    "peak RSS large / small": ("<=", 1.15),
}


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def read_corpus(folders: list[Path]) -> list[Path]:
    files = sorted(p for folder in folders for p in folder.glob("*.txt"))
    if not files:
        sys.exit(f"bench: no *.txt files in {', '.join(map(str, folders))}")
    return files


def best_of(repeat: int, run) -> float:
    return min(run() for _ in range(repeat))


def cpu_seconds() -> tuple[float, float]:
    """CPU time (user + system) of this process and of its ended children (pool workers)."""
    import resource

    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


CPU: dict[str, tuple[float, float]] = {}  # figure -> (CPU s in this process, CPU s in workers), last run


def cpu_measured(name: str, run):
    """Wrap a timed run so that its CPU seconds (here and in workers) are kept in CPU[name]."""
    def wrapped() -> float:
        (me0, kids0) = cpu_seconds()
        seconds = run()
        (me1, kids1) = cpu_seconds()
        CPU[name] = (me1 - me0, kids1 - kids0)
        return seconds
    return wrapped


# ---------------------------------------------------------------- throughput (in this process)

def throughput(texts: list[str], repeat: int, jobs_all: int, spacy_mp: bool) -> dict[str, float]:
    from factx.api import Article, facts_from_doc
    from factx.batch import extract_outcomes
    from factx.pipeline import get_pipeline

    nlp = get_pipeline()
    list(nlp.pipe(texts[:10]))  # warm-up: caches, vocabulary, lazy imports of the extractors
    list(extract_outcomes([Article(t, source=str(i)) for i, t in enumerate(texts[:10])], jobs=1, nlp=nlp))

    def bare() -> float:
        started = time.perf_counter()
        for _ in nlp.pipe(texts):
            pass
        return time.perf_counter() - started

    def factx(jobs: int) -> float:
        articles = (Article(t, source=str(i)) for i, t in enumerate(texts))
        started = time.perf_counter()
        for outcome in extract_outcomes(articles, jobs=jobs, nlp=nlp if jobs == 1 else None):
            outcome.json
        return time.perf_counter() - started

    def spacy_multiprocessing() -> float:
        # the engine factx does not use: spaCy's own n_process, the extractors in the parent
        pairs = ((t, Article(t, source=str(i))) for i, t in enumerate(texts))
        started = time.perf_counter()
        for doc, article in nlp.pipe(pairs, as_tuples=True, n_process=jobs_all, batch_size=8):
            facts_from_doc(doc, article).model_dump_json()
        return time.perf_counter() - started

    runs = {"bare nlp.pipe (1 process)": bare, "factx 1 process": lambda: factx(1),
            f"factx {jobs_all} processes": lambda: factx(jobs_all)}
    if spacy_mp and jobs_all > 1:
        runs[f"nlp.pipe(n_process={jobs_all}) + extract in parent"] = spacy_multiprocessing
    return {name: best_of(repeat, cpu_measured(name, run)) for name, run in runs.items()}


def count_tokens(texts: list[str]) -> int:
    from factx.pipeline import get_pipeline

    tokenizer = get_pipeline().tokenizer
    return sum(len(doc) for doc in tokenizer.pipe(texts))


# ---------------------------------------------------------------- start-up and memory (subprocesses)

# Runs one command and reports its wall time and peak RSS. It runs in a small interpreter of
# its own because a child's ru_maxrss counts the memory of the process that forked it (until
# exec), and this process holds a loaded pipeline and the corpus.
_LAUNCHER = """
import os, subprocess, sys, time
started = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
print(time.perf_counter() - started, os.waitstatus_to_exitcode(status), usage.ru_maxrss)
"""


def timed(command: list[str]) -> tuple[float, int]:
    """(wall seconds, peak RSS in KiB) of one child process, exit status checked."""
    done = subprocess.run([sys.executable, "-c", _LAUNCHER, *command], cwd=ROOT, capture_output=True, text=True)
    try:
        seconds, status, rss = done.stdout.split()
    except ValueError:
        sys.exit(f"bench: could not run {' '.join(command)}:\n{done.stderr[-2000:]}")
    if int(status) != 0:  # e.g. an input failed: the figures still stand, but say so
        last = done.stderr.strip().splitlines()[-3:]
        print(f"bench: warning: {' '.join(command[-3:])} exited {status}: " + " | ".join(last)[:300])
    rss_kib = int(rss) if sys.platform != "darwin" else int(rss) // 1024
    return float(seconds), rss_kib


def cold_start(one_file: Path, repeat: int) -> tuple[float, float]:
    from factx.pipeline import MODEL_NAME

    factx_runs, spacy_runs = [], []
    for _ in range(repeat):  # interleaved, so both see the same load
        factx_runs.append(timed([*FACTX, "extract", str(one_file)])[0])
        spacy_runs.append(timed([sys.executable, "-c", f"import spacy; spacy.load({MODEL_NAME!r})"])[0])
    return statistics.median(factx_runs), statistics.median(spacy_runs)


def peak_rss(files: list[Path], sizes: tuple[int, int], workdir: Path) -> dict[int, tuple[float, int]]:
    found = {}
    for size in sizes:
        folder = workdir / f"in{size}"
        folder.mkdir()
        for i in range(size):
            source = files[i % len(files)]
            os.symlink(source.resolve(), folder / f"{i:05d}-{source.name}")
        out = workdir / f"out{size}.jsonl"
        found[size] = timed([*FACTX, "extract", str(folder), "-o", str(out), "--jobs", "1", "-q"])
        shutil.rmtree(folder)
    return found


# ---------------------------------------------------------------- profile

def profile(texts: list[str], top: int = 25) -> None:
    import cProfile
    import pstats

    from factx.api import Article
    from factx.batch import extract_outcomes

    articles = [Article(t, source=str(i)) for i, t in enumerate(texts)]
    profiler = cProfile.Profile()
    profiler.enable()
    for outcome in extract_outcomes(articles, jobs=1):
        outcome.json
    profiler.disable()
    stats = pstats.Stats(profiler)
    print(f"\n## profile: factx 1 process, top {top} by cumulative time")
    stats.sort_stats("cumulative").print_stats(top)
    print(f"## profile: top {top} by own time")
    stats.sort_stats("tottime").print_stats(top)


# ---------------------------------------------------------------- main

def verdict(name: str, value: float) -> str:
    op, bound = TARGETS[name]
    ok = value >= bound if op == ">=" else value <= bound
    return f"{name:40s} {value:6.2f}   target {op} {bound:<5} {'ok' if ok else 'MISSED'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, action="append",
                        help="folder of *.txt articles (repeatable); default: ../shared dev articles + corpus")
    parser.add_argument("--repeat", type=int, default=1, help="runs per throughput figure (best is kept)")
    parser.add_argument("--small", type=int, default=20, help="inputs of the small RSS run")
    parser.add_argument("--large", type=int, default=2000, help="inputs of the large RSS run")
    parser.add_argument("--jobs", type=int, default=0, help="processes for the 'all cores' figure (0 = all)")
    parser.add_argument("--no-spacy-mp", action="store_true", help="skip the nlp.pipe(n_process) comparison")
    parser.add_argument("--profile", action="store_true", help="also print a cProfile of factx on 1 process")
    parser.add_argument("--parts", default="throughput,cold,rss",
                        help="comma-separated parts to run: throughput, cold, rss (default: all)")
    args = parser.parse_args()

    from factx.batch import resolve_jobs

    files = read_corpus(args.corpus or list(DEFAULT_CORPORA))
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    jobs_all = resolve_jobs(args.jobs)
    print(f"# factx bench  python {sys.version.split()[0]}  cores {cores()}  load average {load()}")
    print(f"corpus: {len(texts)} articles, {sum(map(len, texts)):,} characters, from "
          + ", ".join(sorted({str(f.parent) for f in files})))

    parts = set(args.parts.split(","))
    ratios: dict[str, float] = {}
    if "throughput" in parts:
        measure_throughput(texts, args, jobs_all, ratios)
    if "cold" in parts:
        print("\n## cold start (median of 3, each a new process)")
        factx_s, spacy_s = cold_start(files[0], 3)
        print(f"factx extract one.txt                              {factx_s:7.2f} s")
        print(f"python -c 'import spacy; spacy.load(MODEL)'        {spacy_s:7.2f} s")
        ratios["cold start / bare spacy.load"] = factx_s / spacy_s
    if "rss" in parts:
        print(f"\n## peak RSS of factx extract DIR -o FILE --jobs 1 ({args.small} vs {args.large} inputs)")
        with tempfile.TemporaryDirectory(prefix="factx-bench-") as tmp:
            rss = peak_rss(files, (args.small, args.large), Path(tmp))
        for size, (s, kib) in rss.items():
            print(f"{size:6d} inputs  {kib / 1024:8.1f} MiB peak  {s:7.1f} s  {size / s:6.1f} articles/s (with start-up)")
        ratios["peak RSS large / small"] = rss[args.large][1] / rss[args.small][1]

    print(f"\n## ratios (cores {cores()}, load average now {load()})")
    for name, value in ratios.items():
        print(verdict(name, value))
    if args.profile:
        profile(texts)


def measure_throughput(texts: list[str], args, jobs_all: int, ratios: dict[str, float]) -> None:
    print("\n## throughput (texts in memory; best of", args.repeat, "run(s))")
    tokens = count_tokens(texts)
    seconds = throughput(texts, args.repeat, jobs_all, not args.no_spacy_mp)
    for name, s in seconds.items():
        me, kids = CPU.get(name, (0.0, 0.0))
        print(f"{name:50s} {s:7.1f} s {len(texts) / s:8.1f} articles/s {tokens / s:9.0f} tokens/s"
              f"   CPU {me:6.1f} s main + {kids:6.1f} s workers")
    print("(CPU seconds do not depend on the machine's load: on an idle machine the N-process wall"
          " time approaches their total / N when the main process stays near 0)")
    one = seconds["factx 1 process"]
    ratios["factx 1 process / bare nlp.pipe"] = seconds["bare nlp.pipe (1 process)"] / one
    if jobs_all >= 2:
        ratios["factx 2 processes / factx 1 process"] = one / seconds[f"factx {jobs_all} processes"]
        if jobs_all > 2:
            print(f"(the 2-process target is read on {jobs_all} processes)")


if __name__ == "__main__":
    main()
