"""The per-batch work of a corpus run and where it runs: here, worker processes, Dask.

:func:`annotate_batch` is the one function every backend runs on a batch; a backend
only decides where. Each takes the batches in input order and calls ``write(number,
items, result)`` in the process that owns the output folder, as results come in:

* :func:`run_serial`: in this process (``workers=1``);
* :func:`run_pool`: a pool of worker processes, each holding the run's context;
* :func:`run_dask`: the workers of a Dask cluster (``"local"`` starts a
  ``distributed.LocalCluster`` on this machine; an address joins a running scheduler,
  whose workers must have this package installed).

At most :data:`IN_FLIGHT_PER_WORKER` batches per worker are in flight, so memory stays
flat however long the corpus is.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass
from typing import Any

from analysis.errors import AnalysisError
from analysis.pipeline import Annotation, Context
from analysis.text.articles import Article
from analysis.text.document import as_document

__all__ = [
    "IN_FLIGHT_PER_WORKER",
    "ArticleTimeout",
    "Job",
    "annotate_batch",
    "error_row",
    "run_dask",
    "run_pool",
    "run_serial",
]

#: Batches in flight per worker: enough to keep every core busy, memory flat.
IN_FLIGHT_PER_WORKER = 2
#: How often a worker process checks that the run that started it is still alive.
ORPHAN_CHECK_SECONDS = 1.0
#: How long to try to reach a Dask scheduler before giving up.
DASK_CONNECT_SECONDS = 10

ErrorRow = dict[str, str | None]
Item = Article | ErrorRow
Result = tuple[dict[str, list[dict]], list[ErrorRow], int, list[tuple[str, type[Warning]]]]
Write = Callable[[int, list[Item], Result], None]
#: Called with bytes of article text done, as the work goes (for a progress bar).
Report = Callable[[int], None]


@dataclass(frozen=True)
class Job:
    """What every batch of a run is annotated with: tables, context, time budget."""

    tables: tuple[str, ...]
    context: Context
    time_budget: float | None = None


def error_row(exc: BaseException, article_id: str | None, path: str | None) -> ErrorRow:
    """Return the errors-table row of a failure (path, article_id, error class, message).

    An :class:`AnalysisError` fills the path and article_id not given (a record that
    could not be read keeps its own id: :attr:`AnalysisError.article_id`).
    """
    message = exc.reason if isinstance(exc, AnalysisError) else str(exc)
    if isinstance(exc, AnalysisError):
        path = exc.path if path is None else path
        article_id = exc.article_id if article_id is None else article_id
    return {"path": path, "article_id": article_id, "error": type(exc).__name__, "message": message}


def source_path(article: Article) -> str:
    """Return the file an article came from (``path#N`` for a record; else from its id)."""
    return article.source_path or article.article_id.split("#", 1)[0]


def annotate_batch(
    items: Sequence[Item], tables: Sequence[str], context: Context,
    time_budget: float | None = None, report: Report | None = None,
) -> tuple[dict[str, list[dict]], list[ErrorRow], int, list[tuple[str, type[Warning]]]]:
    """Annotate each article of a batch once.

    This is the one per-batch function of every path (serial, worker process). An
    article that fails anywhere is left out of every table and listed as an error: the
    one place in the package that catches per article. Warnings (an article not in
    English, an override that matched nothing) are returned, so the process that writes
    the run gives them to the user, whichever process annotated.

    ``report``, when given, is called with a number of bytes of article text as the work
    goes (after each table of each article, so a progress bar moves within a long
    article too); over the batch the numbers add up to its articles' UTF-8 size.

    Returns
    -------
    tuple
        Rows per table, error rows, the number of articles annotated, and the warnings
        as ``(message, category)``.
    """
    meter = _Meter(report)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        rows, errors, done = _annotate_items(items, tables, context, time_budget, meter)
    meter.flush()
    return rows, errors, done, [(str(w.message), w.category) for w in caught]


class _Meter:
    """Pass progress (bytes of text done) to ``report`` in pieces of at least ``FLUSH``."""

    #: Bytes gathered before they are reported (fewer calls across processes).
    FLUSH = 1 << 16

    def __init__(self, report: Report | None) -> None:
        self.report = report
        self.pending = 0

    def add(self, n_bytes: int) -> None:
        if self.report is None:
            return
        self.pending += n_bytes
        if self.pending >= self.FLUSH:
            self.flush()

    def flush(self) -> None:
        if self.report is not None and self.pending:
            self.report(self.pending)
            self.pending = 0


def _annotate_items(
    items: Sequence[Item], tables: Sequence[str], context: Context, time_budget: float | None,
    meter: _Meter,
) -> tuple[dict[str, list[dict]], list[ErrorRow], int]:
    rows: dict[str, list[dict]] = {table: [] for table in tables}
    errors: list[ErrorRow] = []
    done = 0
    for item in items:
        if not isinstance(item, Article):
            errors.append(item)
            continue
        size, reported = len(item.text.encode("utf-8")), 0
        found: dict[str, list[dict]] = {}
        try:
            with _time_budget(time_budget, item.article_id):
                annotation = Annotation(as_document(item), context)
                for number, table in enumerate(tables, start=1):
                    found[table] = annotation.rows(table)
                    step = size * number // len(tables) - reported
                    meter.add(step)
                    reported += step
        except Exception as exc:  # one bad article never stops the run
            errors.append(error_row(exc, item.article_id, source_path(item)))
            meter.add(size - reported)
            continue
        meter.add(size - reported)
        for table in tables:
            rows[table].extend(found[table])
        done += 1
    return rows, errors, done


class ArticleTimeout(Exception):
    """Raised when one article takes longer than the run's time budget."""


@contextlib.contextmanager
def _time_budget(seconds: float | None, article_id: str) -> Iterator[None]:
    """Raise :class:`ArticleTimeout` in this article if it runs past ``seconds``.

    Uses SIGALRM, so it applies where a POSIX signal can interrupt the work: the main
    thread of this process or of a worker process (not threads of a Dask worker).
    """
    usable = (seconds and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise ArticleTimeout(
            f"took longer than the time budget of {seconds:g} s; the article is left out "
            "(raise --time-budget to give it longer)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


_WORKER_CONTEXT: Context | None = None
_WORKER_REPORT: Report | None = None


def _start_worker(context: Context, progress: Any = None) -> None:
    global _WORKER_CONTEXT, _WORKER_REPORT
    _WORKER_CONTEXT = context
    _WORKER_REPORT = progress.put if progress is not None else None
    parent = os.getppid()

    def watch() -> None:  # a worker whose run was killed (kill -9) ends too
        while os.getppid() == parent:
            time.sleep(ORPHAN_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="extract-parent-watch", daemon=True).start()


def _annotate_in_worker(items: Sequence[Item], tables: Sequence[str],
                        time_budget: float | None) -> tuple:
    assert _WORKER_CONTEXT is not None, "worker started without a context"
    return annotate_batch(items, tables, _WORKER_CONTEXT, time_budget, _WORKER_REPORT)




def run_serial(batches: Iterable[list[Item]], job: Job, done: Callable[[int], bool],
               write: Write, skip: Callable[[list[Item]], None],
               report: Report | None = None) -> None:
    """Annotate the batches one after the other in this process."""
    for number, items in enumerate(batches):
        if done(number):
            skip(items)
            continue
        write(number, items,
              annotate_batch(items, job.tables, job.context, job.time_budget, report))


def _chunks(items: list[Item], n: int) -> list[list[Item]]:
    """Cut a batch into ``n`` contiguous chunks (fewer when it is short), in order."""
    size = max(1, -(-len(items) // n))
    return [items[i:i + size] for i in range(0, len(items), size)]


def _merge(results: Sequence[Result]) -> Result:
    """Join the results of a batch's chunks, in chunk order: the batch's result."""
    rows: dict[str, list[dict]] = {}
    errors: list[ErrorRow] = []
    done = 0
    caught: list[tuple[str, type[Warning]]] = []
    for chunk_rows, chunk_errors, chunk_done, chunk_caught in results:
        for table, found in chunk_rows.items():
            rows.setdefault(table, []).extend(found)
        errors.extend(chunk_errors)
        done += chunk_done
        caught.extend(chunk_caught)
    return rows, errors, done, caught


class _Batches:
    """The batches in flight, each cut into chunks so every worker has work.

    A batch is written when the last of its chunks is back: one part, its rows in the
    order a serial run gives them.
    """

    def __init__(self, write: Write) -> None:
        self.write = write
        self.waiting: dict[Any, tuple[int, int]] = {}  # future -> (batch, chunk)
        self.results: dict[int, list[Result | None]] = {}
        self.items: dict[int, list[Item]] = {}

    def add(self, number: int, items: list[Item], futures: Sequence[Any]) -> None:
        self.items[number] = items
        self.results[number] = [None] * len(futures)
        for chunk, future in enumerate(futures):
            self.waiting[future] = (number, chunk)

    def __len__(self) -> int:
        return len(self.waiting)

    def finish(self, future: Any) -> None:
        number, chunk = self.waiting.pop(future)
        self.results[number][chunk] = future.result()
        if all(result is not None for result in self.results[number]):
            results = self.results.pop(number)
            self.write(number, self.items.pop(number), _merge(results))


def run_pool(batches: Iterable[list[Item]], job: Job, done: Callable[[int], bool],
             write: Write, skip: Callable[[list[Item]], None], workers: int,
             report: Report | None = None) -> None:
    """Annotate the batches in ``workers`` processes, each started with the run's context.

    Every batch is cut into one chunk per worker, so a corpus of one batch uses every
    core too. Progress from the workers comes back through a queue to ``report``.
    """
    flight = _Batches(write)
    with contextlib.ExitStack() as stack:
        progress = stack.enter_context(_progress_queue(report)) if report else None
        pool = stack.enter_context(ProcessPoolExecutor(
            max_workers=workers, initializer=_start_worker, initargs=(job.context, progress)))
        try:
            for number, items in enumerate(batches):
                if done(number):
                    skip(items)
                    continue
                futures = [pool.submit(_annotate_in_worker, chunk, job.tables, job.time_budget)
                           for chunk in _chunks(items, workers)]
                flight.add(number, items, futures)
                while len(flight) >= workers * IN_FLIGHT_PER_WORKER:
                    _collect(flight)
            while len(flight):
                _collect(flight)
        except BaseException:
            processes = list((getattr(pool, "_processes", None) or {}).values())
            pool.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                process.terminate()  # Ctrl-C: end the workers now, never wait on them
            raise


@contextlib.contextmanager
def _progress_queue(report: Report) -> Iterator[Any]:
    """Yield a queue worker processes put progress on; a thread here passes it on."""
    queue = multiprocessing.get_context().Queue()

    def drain() -> None:
        for n_bytes in iter(queue.get, None):
            report(n_bytes)

    thread = threading.Thread(target=drain, name="extract-progress", daemon=True)
    thread.start()
    try:
        yield queue
    finally:
        queue.put(None)
        thread.join(timeout=5)
        queue.close()


def _collect(flight: _Batches) -> None:
    finished, _ = wait(list(flight.waiting), return_when=FIRST_COMPLETED)
    for future in finished:
        flight.finish(future)


def run_dask(batches: Iterable[list[Item]], job: Job, done: Callable[[int], bool],
             write: Write, skip: Callable[[list[Item]], None], address: str) -> None:
    """Annotate the batches on a Dask cluster: ``"local"`` (started here) or an address."""
    try:
        from distributed import Client, LocalCluster
        from distributed import wait as dask_wait
    except ImportError:
        raise AnalysisError("--dask needs Dask: pip install 'analysis[dask]'") from None
    with contextlib.ExitStack() as stack:
        if address == "local":
            cluster = stack.enter_context(LocalCluster(
                n_workers=os.cpu_count() or 1, threads_per_worker=1, processes=True,
                dashboard_address=None))
            client = stack.enter_context(Client(cluster))
        else:
            try:
                client = stack.enter_context(Client(address, timeout=DASK_CONNECT_SECONDS))
            except (OSError, ValueError, TimeoutError) as exc:
                raise AnalysisError(
                    f"cannot reach a Dask scheduler at {address!r} ({exc}); give its address "
                    "as tcp://HOST:PORT, or --dask local to start one here") from None
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        context = client.scatter(job.context, broadcast=True)
        flight = _Batches(write)
        for number, items in enumerate(batches):
            if done(number):
                skip(items)
                continue
            futures = [client.submit(annotate_batch, chunk, job.tables, context,
                                     job.time_budget, pure=False)
                       for chunk in _chunks(items, n_workers)]
            flight.add(number, items, futures)
            while len(flight) >= n_workers * IN_FLIGHT_PER_WORKER:
                _collect_dask(flight, dask_wait)
        while len(flight):
            _collect_dask(flight, dask_wait)


def _collect_dask(flight: _Batches, dask_wait: Callable) -> None:
    for future in dask_wait(list(flight.waiting), return_when="FIRST_COMPLETED").done:
        flight.finish(future)
