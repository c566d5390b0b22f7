"""A polite SPARQL client over SPARQLWrapper, and its persistent answer cache.

Polite: a User-Agent naming kgbuild and a contact, a minimum interval between
requests (``rate`` per second), ``429 Retry-After`` honoured, exponential
backoff on 5xx and network errors, a timeout on every request.  Every failure
ends as a ``LinkError`` with a one-line reason.
"""

from __future__ import annotations

import email.utils
import json
import socket
import sqlite3
import threading
import time
import urllib.error
from dataclasses import dataclass
from pathlib import Path

from SPARQLWrapper import JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from kgbuild.errors import ConfigError, LinkError

__all__ = ["SparqlConfig", "SparqlClient", "AnswerCache", "user_agent_for", "default_rate"]


def default_rate(endpoint: object) -> float:
    """Requests per second when none is given: 1 for a remote service, 50 for this machine."""
    from urllib.parse import urlsplit

    host = urlsplit(endpoint).hostname if isinstance(endpoint, str) else None
    return 50.0 if host in ("127.0.0.1", "localhost", "::1") else 1.0


def user_agent_for(contact: str | None) -> str:
    from kgbuild import __version__

    who = f"contact: {contact}" if contact else "no contact given; set --contact"
    return f"kgbuild/{__version__} ({who}) SPARQLWrapper/2"


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

    @classmethod
    def checked(cls, *, endpoint: str, cache_dir: str | Path | None = None, offline: bool = False,
                user_agent: str | None = None, contact: str | None = None, timeout: float = 30.0,
                rate: float = 1.0, retries: int = 3, backoff: float = 1.0,
                max_retry_after: float = 60.0) -> "SparqlConfig":
        if not isinstance(endpoint, str) or not endpoint.startswith(("http://", "https://")):
            raise ConfigError("endpoint", endpoint, "an http:// or https:// SPARQL endpoint URL")
        for name, value in (("timeout", timeout), ("rate", rate)):
            if not isinstance(value, (int, float)) or value <= 0:
                raise ConfigError(name, value, "a number > 0")
        if not isinstance(retries, int) or retries < 0:
            raise ConfigError("retries", retries, "an integer >= 0")
        if backoff < 0 or max_retry_after < 0:
            raise ConfigError("backoff", backoff, "a number >= 0")
        cache = Path(cache_dir) if cache_dir is not None else Path(".kgbuild-cache")
        return cls(endpoint=endpoint, cache_dir=cache, offline=bool(offline),
                   user_agent=user_agent or user_agent_for(contact), timeout=float(timeout),
                   rate=float(rate), retries=retries, backoff=float(backoff),
                   max_retry_after=float(max_retry_after))


class AnswerCache:
    """Answers per (endpoint, unit) in one SQLite file, kept across runs."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "sparql-cache.sqlite"
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None

    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(self.path, check_same_thread=False)
                self._db.execute("CREATE TABLE IF NOT EXISTS answers (endpoint TEXT, unit TEXT, "
                                 "rows TEXT, PRIMARY KEY (endpoint, unit))")
            except (OSError, sqlite3.Error) as exc:
                raise LinkError(f"cache {self.path}: {exc}") from None
        return self._db

    def get_many(self, endpoint: str, units: list[str]) -> dict[str, list]:
        out: dict[str, list] = {}
        with self._lock:
            try:
                db = self._conn()
                for i in range(0, len(units), 500):
                    chunk = units[i:i + 500]
                    marks = ",".join("?" * len(chunk))
                    for unit, rows in db.execute(
                            f"SELECT unit, rows FROM answers WHERE endpoint = ? AND unit IN ({marks})",
                            [endpoint, *chunk]):
                        out[unit] = json.loads(rows)
            except (sqlite3.Error, json.JSONDecodeError) as exc:
                raise LinkError(f"cache {self.path}: {exc}") from None
        return out

    def put_many(self, endpoint: str, answers: dict[str, list]) -> None:
        with self._lock:
            try:
                db = self._conn()
                with db:
                    db.executemany("INSERT OR REPLACE INTO answers VALUES (?, ?, ?)",
                                   [(endpoint, u, json.dumps(r, ensure_ascii=False)) for u, r in answers.items()])
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


class SparqlClient:
    """Sends queries to one endpoint: rate-limited, retried, with timeouts."""

    def __init__(self, config: SparqlConfig) -> None:
        self.config = config
        self.requests = 0  # how many HTTP requests were sent (benchmarks, tests)
        self._last = 0.0
        self._lock = threading.Lock()

    def _wait_turn(self) -> None:
        with self._lock:
            gap = 1.0 / self.config.rate - (time.monotonic() - self._last)
            if gap > 0:
                time.sleep(gap)
            self._last = time.monotonic()

    def _wrapper(self, query: str, fmt: str) -> SPARQLWrapper:
        sw = SPARQLWrapper(self.config.endpoint, agent=self.config.user_agent)
        sw.setMethod(POST)
        sw.timeout = self.config.timeout  # setTimeout() would truncate to whole seconds (0.5 -> no timeout)
        sw.setQuery(query)
        sw.setReturnFormat(fmt)
        return sw

    def _once(self, query: str, fmt: str):
        self._wait_turn()
        self.requests += 1
        response = self._wrapper(query, fmt).query()
        if fmt == JSON:
            raw = response.response.read()
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict) or not isinstance(data.get("results", {}).get("bindings"), list):
                raise ValueError("not SPARQL JSON results")
            return data["results"]["bindings"]
        return response.response.read()

    def send(self, query: str, fmt: str = JSON):
        """The answer (JSON bindings, or raw bytes for other formats), or LinkError."""
        cfg = self.config
        delay = cfg.backoff
        last = "no attempt"
        for attempt in range(cfg.retries + 1):
            try:
                return self._once(query, fmt)
            except urllib.error.HTTPError as exc:
                last = f"HTTP {exc.code}"
                if exc.code == 429:
                    wait = _retry_after(exc)
                    if wait is not None and wait > cfg.max_retry_after:
                        raise LinkError(f"{cfg.endpoint}: HTTP 429, Retry-After {wait:.0f}s is too long") from None
                    if attempt < cfg.retries:
                        time.sleep(wait if wait is not None else delay)
                        delay *= 2
                        continue
                elif exc.code >= 500 and attempt < cfg.retries:
                    time.sleep(delay)
                    delay *= 2
                    continue
                raise LinkError(f"{cfg.endpoint}: {last}") from None
            except SPARQLWrapperException as exc:  # 400/401/404/414 are final, 500 is retried
                last = type(exc).__name__
                if "EndPointInternalError" in last and attempt < cfg.retries:
                    time.sleep(delay)
                    delay *= 2
                    continue
                raise LinkError(f"{cfg.endpoint}: {last}") from None
            except (urllib.error.URLError, socket.timeout, TimeoutError, ConnectionError, OSError) as exc:
                last = f"{type(exc).__name__}: {getattr(exc, 'reason', exc)}"
                if attempt < cfg.retries:
                    time.sleep(delay)
                    delay *= 2
                    continue
                raise LinkError(f"{cfg.endpoint}: {last}") from None
            except (ValueError, UnicodeDecodeError) as exc:
                raise LinkError(f"{cfg.endpoint}: unreadable answer ({type(exc).__name__})") from None
        raise LinkError(f"{cfg.endpoint}: gave up after {cfg.retries + 1} attempts ({last})")
