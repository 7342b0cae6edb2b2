"""Database URLs, connections and the few differences between SQLite and PostgreSQL.

Everything else (schema, loads, views) is plain SQL shared by both; statements use
`?` placeholders, rewritten to psycopg's `%s` for PostgreSQL.
"""
from __future__ import annotations

import hashlib
import re
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any, Iterator, Sequence

from ..xbrl.decimals import canonical as decimal_text
from ..xbrl.errors import InputError

_SCHEMA_TEMPLATE = resources.files(__package__).joinpath("schema.sql").read_text(encoding="utf-8")
SCHEMA_VERSION = hashlib.sha256(_SCHEMA_TEMPLATE.encode()).hexdigest()[:16]
_LOCK_ID = 0x11_7B_7E_57  # pg advisory lock: one export at a time per database


def schema_statements(dialect: str) -> list[str]:
    text = _SCHEMA_TEMPLATE.replace("{decimal}", "NUMERIC" if dialect == "postgresql" else "TEXT")
    return [s.strip() for s in re.split(r"^;\s*$", text, flags=re.M) if _sql(s)]


def schema_objects() -> list[tuple[str, str]]:
    """(kind, name) of every table and view, in creation order (parents before children)."""
    return re.findall(r"^CREATE (TABLE|VIEW) (\w+)", _SCHEMA_TEMPLATE, flags=re.M)


def _sql(chunk: str) -> str:
    return "\n".join(line for line in chunk.splitlines() if not line.lstrip().startswith("--")).strip()


@dataclass
class Database:
    """An open connection plus its dialect; `execute`/`executemany` take `?` placeholders."""

    dialect: str  # "sqlite" | "postgresql"
    conn: Any

    def _q(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.dialect == "postgresql" else sql

    def execute(self, sql: str, params: Sequence = ()) -> Any:
        return self.conn.execute(self._q(sql), params)

    def executemany(self, sql: str, rows: Sequence[Sequence]) -> None:
        if not rows:
            return
        if self.dialect == "postgresql":
            with self.conn.cursor() as cur:
                cur.executemany(self._q(sql), rows)
        else:
            self.conn.executemany(sql, rows)

    def bind_decimal(self, value: Decimal | None) -> Any:
        if value is None:
            return None
        text = decimal_text(value)
        return Decimal(text) if self.dialect == "postgresql" else text

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing: an exception (or a killed process) leaves the previous contents."""
        if self.dialect == "postgresql":
            with self.conn.transaction():
                self.execute("SELECT pg_advisory_xact_lock(?)", (_LOCK_ID,))
                yield
            return
        self.conn.execute("BEGIN IMMEDIATE")  # take the write lock now, not halfway through
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def table_exists(self, name: str) -> bool:
        if self.dialect == "postgresql":
            row = self.execute("SELECT to_regclass(?) IS NOT NULL", (name,)).fetchone()
            return bool(row[0])
        row = self.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone()
        return row[0] == 1

    def close(self) -> None:
        self.conn.close()


def connect(db_url: str) -> Database:
    """`sqlite:///relative/path.sqlite`, `sqlite:////absolute/path.sqlite` or `postgresql://…`."""
    if db_url.startswith("sqlite:///"):
        path = Path(db_url[len("sqlite:///"):])
        if not path.name:
            raise InputError(db_url, "SQLite URL names no file")
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, isolation_level=None)  # explicit BEGIN/COMMIT only
        conn.execute("PRAGMA foreign_keys = ON")
        return Database("sqlite", conn)
    if db_url.startswith(("postgresql://", "postgres://")):
        import psycopg

        try:
            return Database("postgresql", psycopg.connect(db_url, connect_timeout=10))
        except psycopg.OperationalError as exc:
            raise InputError(redact(db_url), f"cannot connect to PostgreSQL: {str(exc).strip()}") from None
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
