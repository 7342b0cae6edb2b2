"""PostgreSQL for tests: a fresh database per test on the server named by IIJ_XBRL_PG_URL.

`.ci/run` starts a throwaway server and sets IIJ_XBRL_PG_URL. Without it the
tests try the local default server once and skip, saying why, if none answers.
A set IIJ_XBRL_PG_URL that does not answer is a failure, not a skip.
"""
from __future__ import annotations

import os
import uuid
from functools import lru_cache
from urllib.parse import urlsplit, urlunsplit

import pytest

ENV = "IIJ_XBRL_PG_URL"


@lru_cache(maxsize=1)
def _server() -> tuple[str | None, str]:
    """(admin URL, reason it is unusable)."""
    import psycopg

    url = os.environ.get(ENV)
    candidates = [url] if url else ["postgresql:///postgres"]
    for candidate in candidates:
        try:
            with psycopg.connect(candidate, connect_timeout=3):
                return candidate, ""
        except psycopg.OperationalError as exc:
            if url:
                pytest.fail(f"{ENV} is set but PostgreSQL does not answer: {exc}")
            reason = str(exc).strip().splitlines()[0]
    return None, (f"no PostgreSQL server: {ENV} is unset and the local default server is unreachable "
                  f"({reason}); `bash .ci/run` starts one")


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


@pytest.fixture
def pg_url():
    """URL of an empty database, dropped after the test."""
    import psycopg

    admin, reason = _server()
    if admin is None:
        pytest.skip(reason)
    name = f"iij_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    try:
        yield _with_database(admin, name)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
