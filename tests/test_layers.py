"""The generic XBRL package imports nothing of IIJ: only the standard library, lxml and itself."""
from __future__ import annotations

import ast
import sys
from pathlib import Path

import iij_xbrl.xbrl

ALLOWED_THIRD_PARTY = {"lxml"}
PACKAGE = Path(iij_xbrl.xbrl.__file__).parent


def _imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: must stay inside the package
                found.append((node.lineno, "." * node.level + (node.module or "")))
            else:
                found.append((node.lineno, node.module or ""))
    return found


def test_generic_xbrl_package_imports_nothing_of_iij():
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) >= 5
    bad = []
    for path in modules:
        depth = len(path.relative_to(PACKAGE).parts) - 1  # a relative import may climb only inside the package
        for line, name in _imports(path):
            if name.startswith("."):
                ok = len(name) - len(name.lstrip(".")) <= depth + 1
            else:
                top = name.split(".")[0]
                ok = (top in sys.stdlib_module_names or top in ALLOWED_THIRD_PARTY
                      or name == "iij_xbrl.xbrl" or name.startswith("iij_xbrl.xbrl."))
            if not ok:
                bad.append(f"{path.relative_to(PACKAGE)}:{line}: {name}")
    assert not bad, "generic XBRL package imports outside itself:\n" + "\n".join(bad)
