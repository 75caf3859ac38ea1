"""Benchmark corpus runs on real news: the reference job, then ``extract`` serial and on every core.

For each corpus size (default 1,000, 5,000 and 20,000 articles) this script writes a
JSONL corpus into a temporary folder by replicating the PolNeAR train texts (real
news articles, read from the path given with ``--polnear``; the corpus text never
enters the repository, and the temporary folder is deleted at the end). Each replica
has its own id and a closing sentence of its own (``Copy N of this report ...``), so
no two articles share a text and nothing can be served from a cache. Then, side by
side in the same run, it times three jobs over the same file, each as a subprocess
of its own (wall time includes interpreter start and imports for all three):

* **reference**: NLTK Punkt sentence splitting (an untrained
  ``PunktSentenceTokenizer``: no NLTK data is assumed) and NLTK's VADER
  (:func:`analysis.sentiment.vader.analyzer`, NLTK's ``SentimentIntensityAnalyzer``
  with the shipped lexicon) on every sentence, in one process, reading the same
  JSONL line by line: the budget of the corpus issue;
* **serial**: ``python -m analysis extract FILE --out DIR --workers 1 --quiet``;
* **workers**: the same with the default number of workers (every core).

Every run writes into a fresh output folder in the temporary folder. Reported per run:
wall seconds, articles/s, MB/s (UTF-8 megabytes of article text, 10**6 bytes), the
ratio of wall time to the reference job's on the same corpus, and peak memory:

* ``peak_rss_process_mb``: the largest resident set of any single process of the run,
  from ``/usr/bin/time -v`` ("Maximum resident set size": the kernel's ``ru_maxrss``
  over the process and every descendant it waited for, i.e. the pool's workers), or,
  when GNU time is missing, the largest value seen by the sampler below;
* ``peak_rss_total_mb``: the peak of the *sum* of resident sets over the process tree
  (main process plus workers), sampled with psutil every :data:`SAMPLE_SECONDS`;
  pages shared between forked workers count once per process, so this is an upper
  bound of the run's real footprint; ``peak_pss_total_mb`` is the same sum of
  proportional set sizes (shared pages split between the processes sharing them);
* ``peak_rss_by_role_mb``: the sampled peak of the main process and of each worker.

The growth exponent of each job is the least-squares slope of log(wall seconds) over
log(articles) across the sizes (1.0 is linear time); the slope between the two largest
sizes is reported too, because at small sizes the fixed start-up cost flattens the slope.

Run from the project root (takes about 15 minutes on the 2-core machine; the
numbers in ``docs/performance.md`` come from this exact command)::

    PYTHONPATH=$PWD .venv/bin/python benchmarks/bench_corpus.py \\
        --polnear ../shared/corpora/polnear/train --sizes 1000 5000 20000

Options: ``--json`` prints the results as JSON, ``--skip-serial`` leaves out the
``--workers 1`` runs, ``--batch-size N`` passes ``--batch-size N`` to both extract runs
(default: extract's own), ``--tmp DIR`` puts the temporary folder under DIR.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parents[1]

#: Where the PolNeAR train folder lies, relative to the project root (a worktree in /work).
DEFAULT_POLNEAR = Path("../shared/corpora/polnear/train")
DEFAULT_SIZES: tuple[int, ...] = (1000, 5000, 20000)
#: How often the psutil sampler reads the memory of the process tree.
SAMPLE_SECONDS = 0.1
GNU_TIME = Path("/usr/bin/time")
MB = 10**6
_FILENAME = re.compile(r"^(?P<outlet>[a-z]+)_(?P<date>\d{4}-\d{2}-\d{2})_")
_MAX_RSS = re.compile(r"Maximum resident set size \(kbytes\):\s*(\d+)")
_CPU_TIME = re.compile(r"(?:User|System) time \(seconds\):\s*([\d.]+)")
_SUMMARY = re.compile(r"^\d+ articles -> .*$", re.MULTILINE)


# --------------------------------------------------------------------------- corpus


@dataclass(frozen=True, slots=True)
class Source:
    """One PolNeAR text: its file stem, outlet, publication date and body."""

    stem: str
    outlet: str | None
    published: str | None
    text: str


def read_sources(polnear: Path) -> list[Source]:
    """Return the PolNeAR texts of ``polnear/text/*.txt``, in sorted file order."""
    folder = polnear / "text"
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        raise SystemExit(f"no .txt files in {folder}: give the PolNeAR train folder with --polnear")
    sources = []
    for path in paths:
        match = _FILENAME.match(path.name)
        sources.append(Source(
            stem=path.stem,
            outlet=match["outlet"] if match else None,
            published=match["date"] if match else None,
            text=path.read_text(encoding="utf-8"),
        ))
    return sources


def replicas(sources: Sequence[Source], n_articles: int) -> Iterator[dict[str, Any]]:
    """Yield ``n_articles`` JSONL records cycling over ``sources``, each text unique.

    Replica ``r`` of a source gets the id ``<stem>-r<r>`` and a closing sentence naming
    its copy number, so no two records share an id or a text (deterministic).
    """
    for number in range(n_articles):
        replica, index = divmod(number, len(sources))
        source = sources[index]
        text = source.text.rstrip("\n")
        record: dict[str, Any] = {
            "id": f"{source.stem}-r{replica:03d}",
            "text": f"{text}\n\nCopy {replica + 1} of this report was filed for the benchmark.\n",
            "language": "en",
        }
        if source.outlet:
            record["outlet"] = source.outlet
        if source.published:
            record["published"] = source.published
        yield record


def write_corpus(sources: Sequence[Source], n_articles: int, path: Path) -> int:
    """Write the replicated corpus as JSONL to ``path``; return its text size in bytes."""
    text_bytes = 0
    with path.open("w", encoding="utf-8") as handle:
        for record in replicas(sources, n_articles):
            text_bytes += len(record["text"].encode("utf-8"))
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return text_bytes


# --------------------------------------------------------------------------- reference job


def reference_job(corpus: Path) -> dict[str, float | int]:
    """NLTK Punkt then VADER on every sentence of every article of a JSONL file."""
    sys.path.insert(0, str(ROOT))
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    from analysis.sentiment.vader import analyzer

    started = time.perf_counter()
    tokenizer = PunktSentenceTokenizer()
    vader = analyzer()  # NLTK's SentimentIntensityAnalyzer code, lexicon from the package
    articles = sentences = 0
    with corpus.open(encoding="utf-8") as handle:
        for line in handle:
            for sentence in tokenizer.tokenize(json.loads(line)["text"]):
                vader.polarity_scores(sentence)
                sentences += 1
            articles += 1
    return {"articles": articles, "sentences": sentences,
            "seconds_in_process": round(time.perf_counter() - started, 3)}


# --------------------------------------------------------------------------- measuring


@dataclass(slots=True)
class MemorySampler:
    """Sample the resident (and proportional) set sizes of a process tree in a thread."""

    root_pid: int
    skip_root: bool
    peak_total_rss: int = 0
    peak_total_pss: int = 0
    peak_by_pid: dict[int, int] = field(default_factory=dict)
    main_pid: int | None = None
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def _tree(self) -> list[psutil.Process]:
        root = psutil.Process(self.root_pid)
        children = root.children(recursive=True)
        if self.skip_root:  # /usr/bin/time: its child is the run's main process
            if self.main_pid is None and children:
                self.main_pid = children[0].pid
            return children
        self.main_pid = self.root_pid
        return [root, *children]

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                processes = self._tree()
            except psutil.NoSuchProcess:
                return
            total_rss = total_pss = 0
            for process in processes:
                try:
                    rss, pss = _rss_pss(process)
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    continue
                total_rss += rss
                total_pss += pss
                self.peak_by_pid[process.pid] = max(rss, self.peak_by_pid.get(process.pid, 0))
            self.peak_total_rss = max(self.peak_total_rss, total_rss)
            self.peak_total_pss = max(self.peak_total_pss, total_pss)
            self._stop.wait(SAMPLE_SECONDS)

    def by_role(self) -> dict[str, float]:
        """Peak RSS in MB of the main process and of each other process (the workers)."""
        roles: dict[str, float] = {}
        workers = sorted(pid for pid in self.peak_by_pid if pid != self.main_pid)
        if self.main_pid in self.peak_by_pid:
            roles["main"] = _mb(self.peak_by_pid[self.main_pid])
        for number, pid in enumerate(workers, start=1):
            roles[f"worker {number}"] = _mb(self.peak_by_pid[pid])
        return roles


def _rss_pss(process: psutil.Process) -> tuple[int, int]:
    """Return the resident and proportional set sizes of ``process`` in bytes (Linux)."""
    try:
        rollup = Path(f"/proc/{process.pid}/smaps_rollup").read_text()
    except OSError:
        rss = process.memory_info().rss
        return rss, rss
    values = {}
    for line in rollup.splitlines():
        name, _, rest = line.partition(":")
        if name in ("Rss", "Pss"):
            values[name] = int(rest.split()[0]) * 1024
    if "Rss" not in values:  # the process ended while being read
        raise psutil.NoSuchProcess(process.pid)
    return values["Rss"], values.get("Pss", values["Rss"])


def _mb(n_bytes: float) -> float:
    return round(n_bytes / MB, 1)


@dataclass(frozen=True, slots=True)
class RunResult:
    """What one measured job took."""

    job: str
    articles: int
    text_mb: float
    wall_seconds: float
    articles_per_second: float
    mb_per_second: float
    ratio_to_reference: float | None
    peak_rss_process_mb: float
    peak_rss_process_source: str
    peak_rss_total_mb: float
    peak_pss_total_mb: float
    peak_rss_by_role_mb: dict[str, float]
    processes: int
    cpu_seconds: float | None
    detail: dict[str, Any]


def measure(command: Sequence[str], env: dict[str, str]) -> tuple[float, dict[str, Any]]:
    """Run ``command``; return its wall seconds and memory readings (raises if it fails)."""
    use_time = GNU_TIME.exists()
    full = [str(GNU_TIME), "-v", *command] if use_time else list(command)
    started = time.perf_counter()
    process = subprocess.Popen(full, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    sampler = MemorySampler(process.pid, skip_root=use_time)
    sampler.start()
    stdout, stderr = process.communicate()
    wall = time.perf_counter() - started
    sampler.stop()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {process.returncode}:\n{stderr[-3000:]}")
    maxrss = _MAX_RSS.search(stderr) if use_time else None
    cpu = [float(seconds) for seconds in _CPU_TIME.findall(stderr)] if use_time else []
    sampled_peak = max(sampler.peak_by_pid.values(), default=0)
    return wall, {
        "stdout": stdout,
        "summary": _SUMMARY.findall(stderr) + _SUMMARY.findall(stdout),
        "cpu_seconds": round(sum(cpu), 1) if cpu else None,
        "peak_rss_process_mb": _mb(int(maxrss[1]) * 1024) if maxrss else _mb(sampled_peak),
        "peak_rss_process_source": "/usr/bin/time -v" if maxrss else "psutil sampling",
        "peak_rss_total_mb": _mb(sampler.peak_total_rss),
        "peak_pss_total_mb": _mb(sampler.peak_total_pss),
        "peak_rss_by_role_mb": sampler.by_role(),
        "processes": len(sampler.peak_by_pid),
    }


def _result(job: str, articles: int, text_bytes: int, wall: float, memory: dict[str, Any],
            reference_wall: float | None, detail: dict[str, Any]) -> RunResult:
    return RunResult(
        job=job, articles=articles, text_mb=round(text_bytes / MB, 2),
        wall_seconds=round(wall, 2),
        articles_per_second=round(articles / wall, 1),
        mb_per_second=round(text_bytes / MB / wall, 3),
        ratio_to_reference=round(wall / reference_wall, 2) if reference_wall else None,
        peak_rss_process_mb=memory["peak_rss_process_mb"],
        peak_rss_process_source=memory["peak_rss_process_source"],
        peak_rss_total_mb=memory["peak_rss_total_mb"],
        peak_pss_total_mb=memory["peak_pss_total_mb"],
        peak_rss_by_role_mb=memory["peak_rss_by_role_mb"],
        processes=memory["processes"],
        cpu_seconds=memory["cpu_seconds"],
        detail=detail,
    )


def _check_output(out: Path, n_articles: int) -> dict[str, Any]:
    """Read the run's manifest: rows per table; refuse a run that lost articles."""
    manifest = json.loads((out / "_manifest.json").read_text(encoding="utf-8"))
    rows = {name: table["rows"] for name, table in manifest["tables"].items()}
    if rows.get("articles", 0) + rows.get("errors", 0) < n_articles:
        raise RuntimeError(f"{out}: {rows} for {n_articles} articles")
    size = sum(path.stat().st_size for path in out.rglob("*") if path.is_file())
    return {"rows": rows, "output_mb": _mb(size)}


def run_size(sources: Sequence[Source], n_articles: int, tmp: Path, workers: int,
             skip_serial: bool, batch_size: int | None = None,
             log: bool = True) -> list[RunResult]:
    """Write one corpus, time the three jobs on it, delete it; return the results."""
    corpus = tmp / f"corpus-{n_articles}.jsonl"
    text_bytes = write_corpus(sources, n_articles, corpus)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONWARNINGS": "ignore"}
    python = sys.executable
    results = []
    try:
        command = [python, str(Path(__file__).resolve()), "--reference-job", str(corpus)]
        wall, memory = measure(command, env)
        memory.pop("summary")
        reference = _result("reference (Punkt + VADER)", n_articles, text_bytes, wall, memory,
                            None, json.loads(memory.pop("stdout")))
        results.append(reference)
        _log(log, reference)
        jobs = [] if skip_serial else [("extract --workers 1", 1)]
        jobs.append((f"extract (default: {workers} workers)", None))
        for job, n_workers in jobs:
            out = tmp / f"out-{n_articles}-{n_workers or 'default'}"
            command = [python, "-m", "analysis", "extract", str(corpus), "--out", str(out),
                       "--quiet"]
            if n_workers is not None:
                command += ["--workers", str(n_workers)]
            if batch_size is not None:
                command += ["--batch-size", str(batch_size)]
            wall, memory = measure(command, env)
            memory.pop("stdout")
            detail = {"summary": memory.pop("summary")[-1:], **_check_output(out, n_articles)}
            shutil.rmtree(out)
            result = _result(job, n_articles, text_bytes, wall, memory,
                             reference.wall_seconds, detail)
            results.append(result)
            _log(log, result)
    finally:
        corpus.unlink(missing_ok=True)
    return results


def _log(enabled: bool, result: RunResult) -> None:
    if enabled:
        print(f"  {result.articles:>6} {result.job:32} {result.wall_seconds:8.1f} s "
          f"(CPU {result.cpu_seconds} s), "
              f"peak RSS {result.peak_rss_process_mb:.0f} MB/process, "
              f"{result.peak_rss_total_mb:.0f} MB total", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- summary


def slope(points: Sequence[tuple[float, float]]) -> float | None:
    """Least-squares slope of log(y) over log(x); ``None`` for fewer than two sizes.

    Examples
    --------
    >>> slope([(1000, 2.0), (2000, 4.0), (4000, 8.0)])
    1.0
    """
    if len({x for x, _ in points}) < 2:
        return None
    logs = [(math.log(x), math.log(y)) for x, y in points]
    mean_x = sum(x for x, _ in logs) / len(logs)
    mean_y = sum(y for _, y in logs) / len(logs)
    num = sum((x - mean_x) * (y - mean_y) for x, y in logs)
    den = sum((x - mean_x) ** 2 for x, _ in logs)
    return round(num / den, 3)


def growth(results: Sequence[RunResult]) -> dict[str, dict[str, float | None]]:
    """The growth exponent of wall time per job: over all sizes and over the two largest."""
    exponents: dict[str, dict[str, float | None]] = {}
    for job in dict.fromkeys(result.job for result in results):
        points = sorted((r.articles, r.wall_seconds) for r in results if r.job == job)
        exponents[job] = {"all_sizes": slope(points), "two_largest": slope(points[-2:])}
    return exponents


def machine() -> dict[str, Any]:
    """The machine the numbers were measured on."""
    return {
        "cpus": os.cpu_count(),
        "nproc": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "memory_gb": round(psutil.virtual_memory().total / 10**9, 1),
        "peak_rss_process_source": "/usr/bin/time -v" if GNU_TIME.exists() else "psutil sampling",
    }


def print_table(results: Sequence[RunResult], exponents: dict[str, dict[str, float | None]]) -> None:
    """Print the results as a Markdown table, then the growth exponents."""
    print("| articles | text MB | job | wall s | CPU s | articles/s | MB/s | x reference "
          "| peak RSS/process MB | peak RSS total MB | peak PSS total MB |")
    print("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        ratio = "1.00" if r.ratio_to_reference is None else f"{r.ratio_to_reference:.2f}"
        cpu = "-" if r.cpu_seconds is None else f"{r.cpu_seconds:.1f}"
        print(f"| {r.articles:,} | {r.text_mb:.1f} | {r.job} | {r.wall_seconds:.1f} | {cpu} "
              f"| {r.articles_per_second:.1f} | {r.mb_per_second:.3f} | {ratio} "
              f"| {r.peak_rss_process_mb:.0f} | {r.peak_rss_total_mb:.0f} "
              f"| {r.peak_pss_total_mb:.0f} |")
    print()
    for job, exponent in exponents.items():
        print(f"growth exponent of {job}: {exponent['all_sizes']} over all sizes, "
              f"{exponent['two_largest']} between the two largest")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR,
                        help=f"the PolNeAR train folder, holding text/*.txt (default {DEFAULT_POLNEAR})")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES),
                        help="corpus sizes in articles (default 1000 5000 20000)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--skip-serial", action="store_true", help="leave out the --workers 1 runs")
    parser.add_argument("--batch-size", type=int, default=None,
                        help="articles per part, passed to extract (default: extract's own)")
    parser.add_argument("--tmp", type=Path, default=None,
                        help="make the temporary folder under this one (default: the system's)")
    parser.add_argument("--reference-job", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.reference_job is not None:  # the subprocess that runs the reference job
        print(json.dumps(reference_job(args.reference_job)))
        return 0
    sources = read_sources(args.polnear)
    workers = os.cpu_count() or 1
    results: list[RunResult] = []
    with tempfile.TemporaryDirectory(prefix="bench-corpus-", dir=args.tmp) as tmp:
        for n_articles in sorted(args.sizes):
            print(f"{n_articles} articles:", file=sys.stderr, flush=True)
            results += run_size(sources, n_articles, Path(tmp), workers, args.skip_serial,
                                args.batch_size)
    exponents = growth(results)
    if args.json:
        print(json.dumps({"machine": machine(), "sources": len(sources),
                          "batch_size": args.batch_size,
                          "results": [asdict(r) for r in results], "growth_exponent": exponents},
                         indent=2))
        return 0
    info = machine()
    print(f"{info['cpus']} CPUs (nproc {info['nproc']}), Python {info['python']}, "
          f"{info['memory_gb']} GB; {len(sources)} PolNeAR texts replicated; "
          f"peak RSS per process from {info['peak_rss_process_source']}")
    print_table(results, exponents)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
