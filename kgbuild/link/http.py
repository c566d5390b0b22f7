"""A polite SPARQL client, and its persistent answer cache.

Polite: a User-Agent naming kgbuild and a contact, a minimum interval between
requests (``rate`` per second), ``429 Retry-After`` honoured, exponential
backoff on 5xx and network errors.  Every failure ends as a ``LinkError`` with a
one-line reason.

Guarded: an endpoint is a source of faults, never of exceptions the build does
not expect.

* ``timeout`` bounds one attempt from connecting to the last byte of the answer
  (a server that drips bytes is cut off), ``max_answer_bytes`` its size;
* an answer is checked whole: SPARQL JSON results of the expected shape (or, for
  other formats, the bytes), else it is a fault like a refused connection;
* after ``max_faults`` consecutive faulty attempts, or once faulty attempts and
  backoff waits have taken ``fault_budget`` seconds of this client's life (one
  build), the endpoint is given up: one warning is logged, and every later call
  raises ``EndpointGivenUp`` at once (the build goes on unlinked).
"""

from __future__ import annotations

import email.utils
import http.client
import json
import logging
import sqlite3
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from kgbuild.errors import ConfigError, EndpointGivenUp, LinkError

__all__ = ["SparqlConfig", "SparqlClient", "AnswerCache", "EndpointGivenUp", "user_agent_for", "default_rate",
           "JSON", "TURTLE"]

log = logging.getLogger("kgbuild.link")

#: answer formats of ``SparqlClient.send`` (the names SPARQLWrapper used)
JSON, TURTLE = "json", "turtle"
_ACCEPT = {JSON: "application/sparql-results+json, application/json;q=0.9",
           TURTLE: "text/turtle, application/turtle;q=0.9"}
_TERM_TYPES = ("uri", "literal", "typed-literal", "bnode")
_CHUNK = 1 << 16


def default_rate(endpoint: object) -> float:
    """Requests per second when none is given: 1 for a remote service, 50 for this machine."""
    from urllib.parse import urlsplit

    host = urlsplit(endpoint).hostname if isinstance(endpoint, str) else None
    return 50.0 if host in ("127.0.0.1", "localhost", "::1") else 1.0


def user_agent_for(contact: str | None) -> str:
    from kgbuild import __version__

    who = f"contact: {contact}" if contact else "no contact given; set --contact"
    return f"kgbuild/{__version__} ({who})"


@dataclass(frozen=True)
class SparqlConfig:
    """Options of the sparql backend, checked once (``SparqlConfig.checked``)."""

    endpoint: str
    cache_dir: Path
    offline: bool = False
    user_agent: str = ""
    timeout: float = 30.0
    rate: float = 1.0  # requests per second at most
    retries: int = 3
    backoff: float = 1.0  # seconds; doubles each retry
    max_retry_after: float = 60.0  # a longer Retry-After gives up instead of waiting
    max_faults: int = 4  # consecutive faulty attempts after which the endpoint is given up
    fault_budget: float = 60.0  # seconds of faulty attempts and waits after which it is given up
    max_answer_bytes: int = 16 << 20  # a longer answer is a fault
    empty_ttl: float = 3600.0  # seconds an empty answer ("no such name") is kept in the cache

    @classmethod
    def checked(cls, *, endpoint: str, cache_dir: str | Path | None = None, offline: bool = False,
                user_agent: str | None = None, contact: str | None = None, timeout: float = 30.0,
                rate: float = 1.0, retries: int = 3, backoff: float = 1.0,
                max_retry_after: float = 60.0, max_faults: int = 4, fault_budget: float = 60.0,
                max_answer_bytes: int = 16 << 20, empty_ttl: float = 3600.0) -> "SparqlConfig":
        if not isinstance(endpoint, str) or not endpoint.startswith(("http://", "https://")):
            raise ConfigError("endpoint", endpoint, "an http:// or https:// SPARQL endpoint URL")
        for name, value in (("timeout", timeout), ("rate", rate)):
            if not isinstance(value, (int, float)) or value <= 0:
                raise ConfigError(name, value, "a number > 0")
        if not isinstance(retries, int) or retries < 0:
            raise ConfigError("retries", retries, "an integer >= 0")
        if backoff < 0 or max_retry_after < 0:
            raise ConfigError("backoff", backoff, "a number >= 0")
        for name, value in (("max_faults", max_faults), ("max_answer_bytes", max_answer_bytes)):
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ConfigError(name, value, "an integer >= 1")
        for name, value in (("fault_budget", fault_budget), ("empty_ttl", empty_ttl)):
            if not isinstance(value, (int, float)) or value < 0:
                raise ConfigError(name, value, "a number of seconds >= 0")
        cache = Path(cache_dir) if cache_dir is not None else Path(".kgbuild-cache")
        return cls(endpoint=endpoint, cache_dir=cache, offline=bool(offline),
                   user_agent=user_agent or user_agent_for(contact), timeout=float(timeout),
                   rate=float(rate), retries=retries, backoff=float(backoff),
                   max_retry_after=float(max_retry_after), max_faults=max_faults,
                   fault_budget=float(fault_budget), max_answer_bytes=max_answer_bytes,
                   empty_ttl=float(empty_ttl))


class AnswerCache:
    """Answers per (endpoint, unit) in one SQLite file, kept across runs.

    Only answers that came back whole and well-formed are stored (``SparqlClient`` raises
    on any other).  A unit with rows is kept for good; an empty one ("no such name")
    for ``empty_ttl`` seconds, so an endpoint that answered nothing while it was being
    loaded or misconfigured does not leave names unlinked for good.
    """

    def __init__(self, folder: Path, empty_ttl: float = 3600.0) -> None:
        self.path = folder / "sparql-cache.sqlite"
        self.empty_ttl = empty_ttl
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None

    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.path, check_same_thread=False)
                with db:
                    db.execute("CREATE TABLE IF NOT EXISTS answers (endpoint TEXT, unit TEXT, "
                               "rows TEXT, expires REAL, PRIMARY KEY (endpoint, unit))")
                    columns = [row[1] for row in db.execute("PRAGMA table_info(answers)")]
                    if "expires" not in columns:  # a cache of an earlier kgbuild: empty answers were kept for good
                        db.execute("ALTER TABLE answers ADD COLUMN expires REAL")
                        db.execute("DELETE FROM answers WHERE rows = '[]'")
                self._db = db
            except (OSError, sqlite3.Error) as exc:
                raise LinkError(f"cache {self.path}: {exc}") from None
        return self._db

    def get_many(self, endpoint: str, units: list[str]) -> dict[str, list]:
        out: dict[str, list] = {}
        now = time.time()
        with self._lock:
            try:
                db = self._conn()
                for i in range(0, len(units), 500):
                    chunk = units[i:i + 500]
                    marks = ",".join("?" * len(chunk))
                    for unit, rows in db.execute(
                            f"SELECT unit, rows FROM answers WHERE endpoint = ? AND unit IN ({marks}) "
                            f"AND (expires IS NULL OR expires > ?)", [endpoint, *chunk, now]):
                        out[unit] = json.loads(rows)
            except (sqlite3.Error, json.JSONDecodeError) as exc:
                raise LinkError(f"cache {self.path}: {exc}") from None
        return out

    def put_many(self, endpoint: str, answers: dict[str, list]) -> None:
        expires = time.time() + self.empty_ttl
        with self._lock:
            try:
                db = self._conn()
                with db:
                    db.executemany("INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?)",
                                   [(endpoint, u, json.dumps(r, ensure_ascii=False), None if r else expires)
                                    for u, r in answers.items()])
            except sqlite3.Error as exc:
                raise LinkError(f"cache {self.path}: {exc}") from None


def _retry_after(exc: urllib.error.HTTPError) -> float | None:
    value = exc.headers.get("Retry-After") if exc.headers else None
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class _Fault(Exception):
    """One faulty attempt: why, whether another attempt may help, and how long to wait first."""

    def __init__(self, reason: str, retry: bool = True, wait: float | None = None) -> None:
        super().__init__(reason)
        self.reason, self.retry, self.wait = reason, retry, wait


def _bindings(raw: bytes) -> list[dict]:
    """The rows of SPARQL JSON results; ValueError unless every row is a well-formed binding."""
    data = json.loads(raw.decode("utf-8"))
    results = data.get("results") if isinstance(data, dict) else None
    rows = results.get("bindings") if isinstance(results, dict) else None
    if not isinstance(rows, list):
        raise ValueError("not SPARQL JSON results")
    for row in rows:
        if not isinstance(row, dict) or not all(isinstance(k, str) and _is_term(v) for k, v in row.items()):
            raise ValueError("a result row is not a SPARQL JSON binding")
    return rows


def _is_term(cell: object) -> bool:
    return (isinstance(cell, dict) and cell.get("type") in _TERM_TYPES and isinstance(cell.get("value"), str)
            and all(isinstance(cell[k], str) for k in ("xml:lang", "datatype") if k in cell))


class SparqlClient:
    """Sends queries to one endpoint: rate-limited, retried, bounded in time and size, given up
    after too many faults."""

    def __init__(self, config: SparqlConfig) -> None:
        self.config = config
        self.requests = 0  # how many HTTP requests were sent (benchmarks, tests)
        self.given_up: str | None = None  # why the endpoint was given up, once it is
        self._faults = 0  # consecutive faulty attempts
        self._fault_time = 0.0  # seconds spent in faulty attempts and backoff waits
        self._last = 0.0
        self._lock = threading.Lock()

    def _wait_turn(self) -> None:
        with self._lock:
            gap = 1.0 / self.config.rate - (time.monotonic() - self._last)
            if gap > 0:
                time.sleep(gap)
            self._last = time.monotonic()

    def _once(self, query: str, fmt: str):
        """One attempt: the checked answer, or _Fault."""
        cfg = self.config
        self._wait_turn()
        self.requests += 1
        deadline = time.monotonic() + cfg.timeout
        request = urllib.request.Request(
            cfg.endpoint, data=urlencode({"query": query}).encode("utf-8"), method="POST",
            headers={"User-Agent": cfg.user_agent, "Accept": _ACCEPT.get(fmt, "*/*"),
                     "Content-Type": "application/x-www-form-urlencoded"})
        try:
            with urllib.request.urlopen(request, timeout=cfg.timeout) as response:
                raw = self._read(response, deadline)
        except urllib.error.HTTPError as exc:
            exc.close()
            if exc.code == 429:
                wait = _retry_after(exc)
                if wait is not None and wait > cfg.max_retry_after:
                    raise _Fault(f"HTTP 429, Retry-After {wait:.0f}s is too long", retry=False) from None
                raise _Fault("HTTP 429", wait=wait) from None
            raise _Fault(f"HTTP {exc.code}", retry=exc.code >= 500) from None
        except _Fault:
            raise
        except (OSError, http.client.HTTPException) as exc:  # refused, reset, timed out, cut short
            reason = getattr(exc, "reason", None) or exc
            raise _Fault(f"{type(exc).__name__}: {reason}") from None
        try:
            return _bindings(raw) if fmt == JSON else raw
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
            raise _Fault(f"unreadable answer ({type(exc).__name__}: {str(exc)[:80]})", retry=False) from None

    def _read(self, response, deadline: float) -> bytes:
        """The whole body, read by chunks against the attempt's deadline and the size cap."""
        cfg = self.config
        sock = getattr(getattr(getattr(response, "fp", None), "raw", None), "_sock", None)
        chunks, size = [], 0
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise _Fault(f"no whole answer within {cfg.timeout:g}s")
            if sock is not None:
                sock.settimeout(left)
            try:
                chunk = response.read1(_CHUNK)
            except TimeoutError:
                raise _Fault(f"no whole answer within {cfg.timeout:g}s") from None
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > cfg.max_answer_bytes:
                raise _Fault(f"answer over {cfg.max_answer_bytes:,} bytes", retry=False)
            chunks.append(chunk)

    def send(self, query: str, fmt: str = JSON):
        """The answer (JSON bindings, or raw bytes for other formats), or LinkError."""
        cfg = self.config
        if self.given_up:
            raise EndpointGivenUp(f"{cfg.endpoint}: given up for this build ({self.given_up})")
        delay = cfg.backoff
        for attempt in range(cfg.retries + 1):
            started = time.monotonic()
            try:
                answer = self._once(query, fmt)
            except _Fault as fault:
                self._faults += 1
                self._fault_time += time.monotonic() - started
                wait = fault.wait if fault.wait is not None else delay
                if self._faults >= cfg.max_faults or self._fault_time + (wait if fault.retry else 0) > cfg.fault_budget:
                    self._give_up(fault.reason)
                if not fault.retry or attempt == cfg.retries:
                    raise LinkError(f"{cfg.endpoint}: {fault.reason}") from None
                time.sleep(wait)
                self._fault_time += wait
                delay *= 2
                continue
            except Exception as exc:  # a surprise is a fault of the endpoint, never a lost document
                self._faults += 1
                if self._faults >= cfg.max_faults:
                    self._give_up(type(exc).__name__)
                raise LinkError(f"{cfg.endpoint}: unexpected {type(exc).__name__}: {exc}") from None
            self._faults = 0
            return answer
        raise LinkError(f"{cfg.endpoint}: gave up after {cfg.retries + 1} attempts")  # not reached

    def _give_up(self, reason: str) -> None:
        cfg = self.config
        why = (f"{self._faults} consecutive faults" if self._faults >= cfg.max_faults
               else f"faults took {self._fault_time:.0f}s, over the budget of {cfg.fault_budget:g}s")
        self.given_up = f"{why}; last: {reason}"
        log.warning("%s: endpoint given up for the rest of this build (%s); documents are built "
                    "without links", cfg.endpoint, self.given_up)
        raise EndpointGivenUp(f"{cfg.endpoint}: given up for this build ({self.given_up})")
