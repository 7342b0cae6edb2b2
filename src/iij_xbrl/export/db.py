"""Database URLs, connections and one dialect object per engine.

The schema, loads and views are plain SQL shared by both engines; what differs lives in a `Dialect`: the
parameter placeholder, how a Decimal is bound, how a load takes its lock and transaction, where our objects live
(PostgreSQL: a schema of ours; SQLite: the file) and which objects are there, and how a driver error reads as one
line. Load code writes `db.marks(n)` / `db.mark` where parameters go and never asks which engine it talks to.
"""
from __future__ import annotations

import re
import sqlite3
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any, Iterator, Protocol, Sequence
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..xbrl.decimals import canonical as decimal_text
from ..xbrl.errors import InputError

SCHEMA_TEMPLATE = resources.files(__package__).joinpath("schema.sql").read_text(encoding="utf-8")
DEFAULT_SCHEMA = "iij"
_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class Dialect(Protocol):
    placeholder: str  # of a query parameter

    def connect(self, url: str) -> Any: ...  # an open connection; InputError (one line) when that fails

    def bind_decimal(self, value: Decimal) -> Any: ...

    def transaction(self, conn: Any) -> AbstractContextManager[None]: ...  # all or nothing, one load at a time

    def objects(self, conn: Any) -> dict[str, str]: ...  # name -> 'table' | 'view' of our namespace

    def executemany(self, conn: Any, sql: str, rows: Sequence[Sequence]) -> None: ...

    def failure(self, exc: BaseException) -> str | None: ...  # a driver error as one line; None: not the driver's

    def legacy_schema(self, conn: Any) -> str | None: ...  # where schema version 1 may lie outside our namespace

    def copy_grants(self, conn: Any, source: str, names: Sequence[str]) -> None: ...  # source.X's grants on our X

    def scratch(self, conn: Any) -> None: ...  # a database read back and deleted: commits need not wait for the disk


def _first_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).strip().splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__


class SQLite:
    placeholder = "?"
    lock_wait = 30.0  # seconds a load waits for another connection's write lock

    def __init__(self, path: Path):
        self.path = path

    def connect(self, url: str) -> Any:
        if not self.path.name:
            raise InputError(url, "SQLite URL names no file")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=self.lock_wait, isolation_level=None)  # explicit BEGIN only
            conn.execute("PRAGMA foreign_keys = ON")
        except (OSError, sqlite3.Error) as exc:
            raise InputError(url, f"cannot open the SQLite database: {_first_line(exc)}") from None
        return conn

    def bind_decimal(self, value: Decimal) -> Any:
        # NUMERIC affinity: an integral value is stored as an exact 64-bit INTEGER, any other as the nearest
        # REAL (the exact digits are in the *_text column beside it)
        if value == value.to_integral_value() and abs(value) < 2**63:
            return int(value)
        return float(value)

    @contextmanager
    def transaction(self, conn: Any) -> Iterator[None]:
        conn.execute("BEGIN IMMEDIATE")  # take the write lock now, not halfway through
        try:
            yield
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def objects(self, conn: Any) -> dict[str, str]:
        return dict(conn.execute("SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') "
                                 "AND name NOT LIKE 'sqlite%'").fetchall())

    def executemany(self, conn: Any, sql: str, rows: Sequence[Sequence]) -> None:
        conn.executemany(sql, rows)

    def failure(self, exc: BaseException) -> str | None:
        if isinstance(exc, OSError):
            return f"cannot write the database: {_first_line(exc)}"
        if not isinstance(exc, sqlite3.Error):
            return None
        text = _first_line(exc)
        if "locked" in text or "busy" in text:
            return (f"the database is locked by another connection (waited {self.lock_wait:g} s); nothing was "
                    "changed, try again when it is done")
        if "readonly" in text or "read-only" in text or "unable to open" in text:
            return f"cannot write the database ({text}); nothing was changed"
        return f"SQLite failed: {text}; nothing was changed"

    def legacy_schema(self, conn: Any) -> str | None:
        return None  # the file is the namespace: version 1 is found in it

    def copy_grants(self, conn: Any, source: str, names: Sequence[str]) -> None:
        pass  # SQLite has no grants

    def scratch(self, conn: Any) -> None:
        conn.execute("PRAGMA synchronous = OFF")  # the file's bytes are the same, only fsync is skipped


class PostgreSQL:
    placeholder = "%s"

    def __init__(self, schema: str):
        self.schema = schema

    def connect(self, url: str) -> Any:
        import psycopg

        try:
            conn = psycopg.connect(url, connect_timeout=10)
            # only our schema: unqualified names never reach a user's tables in public
            conn.execute(f'SET search_path TO "{self.schema}"')
            conn.commit()
            return conn
        except psycopg.Error as exc:
            raise InputError(redact(url), f"cannot connect to PostgreSQL: {redact_text(_first_line(exc), url)}") \
                from None

    def bind_decimal(self, value: Decimal) -> Any:
        return Decimal(decimal_text(value))

    @contextmanager
    def transaction(self, conn: Any) -> Iterator[None]:
        with conn.transaction():
            # one load per schema at a time; the lock goes with the transaction (also when the client is killed)
            conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (f"iij-xbrl:{self.schema}",))
            conn.execute(f'CREATE SCHEMA IF NOT EXISTS "{self.schema}"')
            yield

    def objects(self, conn: Any) -> dict[str, str]:
        rows = conn.execute("SELECT c.relname, CASE WHEN c.relkind IN ('v', 'm') THEN 'view' ELSE 'table' END "
                            "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                            "WHERE n.nspname = %s AND c.relkind IN ('r', 'p', 'v', 'm', 'f')",
                            (self.schema,)).fetchall()
        return dict(rows)

    def executemany(self, conn: Any, sql: str, rows: Sequence[Sequence]) -> None:
        with conn.cursor() as cur:
            cur.executemany(sql, rows)

    def failure(self, exc: BaseException) -> str | None:
        import psycopg

        if not isinstance(exc, psycopg.Error):
            return None
        text = _first_line(exc)
        if isinstance(exc, psycopg.errors.InsufficientPrivilege):
            return f"missing privilege: {text}; nothing was changed"
        if isinstance(exc, psycopg.errors.DependentObjectsStillExist):
            detail = " ".join((exc.diag.message_detail or "").split())
            return f"{text} ({detail}): nothing was changed; drop or move them and load again"
        if isinstance(exc, psycopg.OperationalError):
            return f"the connection to PostgreSQL failed during the load ({text}); nothing was changed"
        return f"PostgreSQL failed: {text}; nothing was changed"

    def legacy_schema(self, conn: Any) -> str | None:
        if self.schema == "public":
            return None
        found = conn.execute("SELECT to_regclass('public.meta') IS NOT NULL AND "
                             "to_regclass('public.facts') IS NOT NULL").fetchone()[0]
        return "public" if found else None

    def copy_grants(self, conn: Any, source: str, names: Sequence[str]) -> None:
        grants = conn.execute("SELECT DISTINCT grantee, table_name, privilege_type FROM "
                              "information_schema.table_privileges WHERE table_schema = %s AND grantee <> grantor "
                              "AND table_name = ANY(%s) ORDER BY 1, 2, 3", (source, list(names))).fetchall()
        for grantee, table, privilege in grants:
            who = "PUBLIC" if grantee == "PUBLIC" else f'"{grantee}"'
            conn.execute(f'GRANT USAGE ON SCHEMA "{self.schema}" TO {who}')
            conn.execute(f'GRANT {privilege} ON "{self.schema}"."{table}" TO {who}')

    def scratch(self, conn: Any) -> None:
        conn.execute("SET synchronous_commit TO OFF")  # this session's commits return before the WAL is flushed


def schema_statements() -> list[str]:
    return [s.strip() for s in re.split(r"^;\s*$", SCHEMA_TEMPLATE, flags=re.M) if _sql(s)]


def schema_objects() -> list[tuple[str, str]]:
    """(kind, name) of every table, view and index, in creation order (parents before children)."""
    return [(kind.lower(), name) for kind, name in
            re.findall(r"^CREATE (TABLE|VIEW|INDEX) (\w+)", SCHEMA_TEMPLATE, flags=re.M)]


def _sql(chunk: str) -> str:
    return "\n".join(line for line in chunk.splitlines() if not line.lstrip().startswith("--")).strip()


@dataclass
class Database:
    """An open connection and its engine's dialect; SQL takes `mark`/`marks(n)` as parameter placeholders."""

    dialect: Dialect
    conn: Any
    url: str  # as given (redact before showing)

    @property
    def mark(self) -> str:
        return self.dialect.placeholder

    def marks(self, n: int) -> str:
        return ", ".join([self.dialect.placeholder] * n)

    def execute(self, sql: str, params: Sequence = ()) -> Any:
        # without parameters the SQL is passed as written: a literal '%' (LIKE '%Target%') stays one
        return self.conn.execute(sql, params) if params else self.conn.execute(sql)

    def executemany(self, sql: str, rows: Sequence[Sequence]) -> None:
        if rows:
            self.dialect.executemany(self.conn, sql, rows)

    def bind_decimal(self, value: Decimal | None) -> Any:
        return None if value is None else self.dialect.bind_decimal(value)

    def transaction(self):
        """All or nothing: an exception (or a killed process) leaves the previous contents."""
        return self.dialect.transaction(self.conn)

    def objects(self) -> dict[str, str]:
        return self.dialect.objects(self.conn)

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def failures(self) -> Iterator[None]:
        """A driver error (locked, read-only, no privilege, connection lost) becomes one InputError line."""
        try:
            yield
        except Exception as exc:
            message = self.dialect.failure(exc)
            if message is None:
                raise
            raise InputError(redact(self.url), redact_text(message, self.url)) from None


def _split_schema(url: str) -> tuple[str, str]:
    """(URL without our `schema` query parameter, the schema it names or the default)."""
    try:
        parts = urlsplit(url)
    except ValueError as exc:  # e.g. an unclosed [ of an IPv6 host
        raise InputError(redact(url), f"not a database URL: {exc}") from None
    query = parse_qsl(parts.query, keep_blank_values=True)
    schemas = [v for k, v in query if k == "schema"]
    schema = schemas[-1] if schemas else DEFAULT_SCHEMA
    if not _IDENTIFIER.match(schema):
        raise InputError(redact(url), f"schema {schema!r} is not a lower-case SQL identifier")
    rest = urlencode([(k, v) for k, v in query if k != "schema"])
    return urlunsplit(parts._replace(query=rest)), schema


def connect(db_url: str) -> Database:
    """`sqlite:///relative/path.sqlite`, `sqlite:////absolute/path.sqlite` or
    `postgresql://user@host:port/db[?schema=iij]`."""
    if db_url.startswith("sqlite:///"):
        dialect: Dialect = SQLite(Path(db_url[len("sqlite:///"):]))
        return Database(dialect, dialect.connect(db_url), db_url)
    if db_url.startswith(("postgresql://", "postgres://")):
        url, schema = _split_schema(db_url)
        dialect = PostgreSQL(schema)
        return Database(dialect, dialect.connect(url), db_url)
    raise InputError(redact(db_url), "database URL must start with sqlite:/// or postgresql://")


def _passwords(db_url: str) -> list[str]:
    try:
        parts = urlsplit(db_url)
        found = [parts.password] if parts.password else []
        return found + [v for k, v in parse_qsl(parts.query, keep_blank_values=True) if k == "password" and v]
    except ValueError:
        return []


def redact(db_url: str) -> str:
    """The URL with any password (user:password@, ?password=) shown as ***."""
    text = re.sub(r"//([^:@/]*):[^@/]*@", r"//\1:***@", db_url)
    text = re.sub(r"([?&]password=)[^&#]*", r"\1***", text)
    return redact_text(text, db_url)


def redact_text(text: str, db_url: str) -> str:
    """A message with the URL's passwords replaced, wherever a driver quoted them."""
    for secret in _passwords(db_url):
        text = text.replace(secret, "***")
    return text


def plain(value: Any) -> Any:
    """A fetched value as engine-independent text/int: integral numbers as int, others as canonical decimal
    text (SQLite's REAL by its shortest repr, which is the stored decimal for values of up to 15 significant
    digits), dates ISO."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (float, Decimal)):
        number = Decimal(repr(value)) if isinstance(value, float) else value
        return int(number) if number == number.to_integral_value() else decimal_text(number)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value
