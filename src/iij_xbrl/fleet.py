"""Validating many filings on a Dask cluster and loading the findings into a database (optional extra `dask`).

The work of one filing is `xbrl.command.validate_file(path, packages)`: a pure, picklable function returning a
picklable Result, so Dask ships it to any worker; each worker process keeps the taxonomies it parsed, so the
filings it is given that share a taxonomy read it once. The paths must be readable where the workers run (a
shared file system). Findings go to the database through the export code (`export.load.load_findings`): one
transaction, earlier findings of the same filings replaced.

    from dask.distributed import Client, LocalCluster
    from iij_xbrl.fleet import validate_on

    with LocalCluster(n_workers=4, threads_per_worker=1) as cluster, Client(cluster) as client:
        results = validate_on(client, ["filings/"], packages=["us-gaap-2024.zip"],
                              db_url="postgresql://user@host/db?schema=validation")
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from .xbrl.command import Result, expand, validate_file


def validate_on(client: Any, paths: Iterable[Path | str], packages: Iterable[Path | str] = (),
                db_url: str | None = None) -> list[Result]:
    """Results of every report `paths` stand for (directories expanded by content), validated on the workers of
    the Dask `client`, in input order; with `db_url` their findings are loaded into that database."""
    inputs = [str(p) for p in expand(paths)]
    packages = [str(p) for p in packages]
    futures = client.map(validate_file, inputs, packages=packages, pure=False)
    results: list[Result] = client.gather(futures)
    if db_url is not None:
        from .export.load import load_findings

        load_findings(db_url, [r.path for r in results], (f for r in results for f in r.findings))
    return results
