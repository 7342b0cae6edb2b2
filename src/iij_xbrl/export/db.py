"""Database URLs, connections and one dialect object per engine.

The schema, loads and views are plain SQL shared by both engines; what differs lives in a `Dialect`:
the parameter placeholder, the exact-decimal column type and how a Decimal is bound, how a load takes its
lock and transaction, the catalogue query, and which driver errors are a user's problem (one line, exit 2).
Load code writes `db.marks(n)` / `db.mark` where parameters go and never asks which engine it talks to.
"""
from __future__ import annotations

import hashlib
import re
import sqlite3
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any, Iterator, Protocol, Sequence

from ..xbrl.decimals import canonical as decimal_text
from ..xbrl.errors import InputError

_SCHEMA_TEMPLATE = resources.files(__package__).joinpath("schema.sql").read_text(encoding="utf-8")
SCHEMA_VERSION = hashlib.sha256(_SCHEMA_TEMPLATE.encode()).hexdigest()[:16]
_LOCK_ID = 0x11_7B_7E_57  # pg advisory lock: one export at a time per database


class Dialect(Protocol):
    name: str
    placeholder: str  # of a query parameter
    decimal_type: str  # column type of exact decimals

    def connect(self, url: str) -> Any: ...  # an open connection; InputError (one line) when that fails

    def bind_decimal(self, value: Decimal) -> Any: ...

    def transaction(self, conn: Any) -> AbstractContextManager[None]: ...  # all or nothing, one load at a time

    def table_exists(self, conn: Any, name: str) -> bool: ...

    def executemany(self, conn: Any, sql: str, rows: Sequence[Sequence]) -> None: ...


class SQLite:
    name, placeholder = "sqlite", "?"
    # SQLite's NUMERIC affinity would turn "49.51" into a binary float: exact decimals are canonical text
    decimal_type = "TEXT"

    def connect(self, url: str) -> Any:
        path = Path(url[len("sqlite:///"):])
        if not path.name:
            raise InputError(url, "SQLite URL names no file")
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = sqlite3.connect(path, isolation_level=None)  # explicit BEGIN/COMMIT only
            conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.DatabaseError as exc:
            raise InputError(url, f"cannot open the SQLite database: {exc}") from None
        return conn

    def bind_decimal(self, value: Decimal) -> Any:
        return decimal_text(value)

    @contextmanager
    def transaction(self, conn: Any) -> Iterator[None]:
        conn.execute("BEGIN IMMEDIATE")  # take the write lock now, not halfway through
        try:
            yield
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def table_exists(self, conn: Any, name: str) -> bool:
        row = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone()
        return row[0] == 1

    def executemany(self, conn: Any, sql: str, rows: Sequence[Sequence]) -> None:
        conn.executemany(sql, rows)


class PostgreSQL:
    name, placeholder, decimal_type = "postgresql", "%s", "NUMERIC"

    def connect(self, url: str) -> Any:
        import psycopg

        try:
            return psycopg.connect(url, connect_timeout=10)
        except psycopg.OperationalError as exc:
            raise InputError(redact(url), f"cannot connect to PostgreSQL: {str(exc).strip()}") from None

    def bind_decimal(self, value: Decimal) -> Any:
        return Decimal(decimal_text(value))  # the same digits SQLite stores as text

    @contextmanager
    def transaction(self, conn: Any) -> Iterator[None]:
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_ID,))
            yield

    def table_exists(self, conn: Any, name: str) -> bool:
        return bool(conn.execute("SELECT to_regclass(%s) IS NOT NULL", (name,)).fetchone()[0])

    def executemany(self, conn: Any, sql: str, rows: Sequence[Sequence]) -> None:
        with conn.cursor() as cur:
            cur.executemany(sql, rows)


DIALECTS: dict[str, Dialect] = {"sqlite:///": SQLite(), "postgresql://": PostgreSQL(), "postgres://": PostgreSQL()}


def schema_statements(dialect: Dialect) -> list[str]:
    text = _SCHEMA_TEMPLATE.replace("{decimal}", dialect.decimal_type)
    return [s.strip() for s in re.split(r"^;\s*$", text, flags=re.M) if _sql(s)]


def schema_objects() -> list[tuple[str, str]]:
    """(kind, name) of every table and view, in creation order (parents before children)."""
    return re.findall(r"^CREATE (TABLE|VIEW) (\w+)", _SCHEMA_TEMPLATE, flags=re.M)


def _sql(chunk: str) -> str:
    return "\n".join(line for line in chunk.splitlines() if not line.lstrip().startswith("--")).strip()


@dataclass
class Database:
    """An open connection and its engine's dialect; SQL takes `mark`/`marks(n)` as parameter placeholders."""

    dialect: Dialect
    conn: Any

    @property
    def mark(self) -> str:
        return self.dialect.placeholder

    def marks(self, n: int) -> str:
        return ", ".join([self.dialect.placeholder] * n)

    def execute(self, sql: str, params: Sequence = ()) -> Any:
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: Sequence[Sequence]) -> None:
        if rows:
            self.dialect.executemany(self.conn, sql, rows)

    def bind_decimal(self, value: Decimal | None) -> Any:
        return None if value is None else self.dialect.bind_decimal(value)

    def transaction(self):
        """All or nothing: an exception (or a killed process) leaves the previous contents."""
        return self.dialect.transaction(self.conn)

    def table_exists(self, name: str) -> bool:
        return self.dialect.table_exists(self.conn, name)

    def close(self) -> None:
        self.conn.close()


def connect(db_url: str) -> Database:
    """`sqlite:///relative/path.sqlite`, `sqlite:////absolute/path.sqlite` or `postgresql://…`."""
    for prefix, dialect in DIALECTS.items():
        if db_url.startswith(prefix):
            return Database(dialect, dialect.connect(db_url))
    raise InputError(db_url, "database URL must start with sqlite:/// or postgresql://")


def redact(db_url: str) -> str:
    return re.sub(r"//([^:@/]*):[^@/]*@", r"//\1:***@", db_url)


def plain(value: Any) -> Any:
    """A fetched value as comparable text/int: dates ISO, decimals canonical (SQLite already stores text)."""
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, date):
        return value.isoformat()
    return value
