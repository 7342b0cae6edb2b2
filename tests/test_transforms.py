"""The Transformation Registry functions against Arelle 2.47.3's own (arelle.FunctionIxt) as the oracle:
for every name we implement, in every registry version, the same value or the same refusal."""
from __future__ import annotations

import pytest

from iij_xbrl.xbrl import transforms

SAMPLES = ["1,234", "1,234.5", "1.234,5", "1 234", "1\xa0234.50", "1,2,34", ".5", "0", "00012", "-1,234", "-", "‒",
           "n/a", "１，２３４", "1'234.5", "1'234,5", " 12 ", "12.", "1.234.567", "1,234,567.00", "12 345,6",
           "5 dollars 25", "5円25銭", "31/12/2012", "12/31/2012", "31.12.2012", "12.31.12", "2012-12-31",
           "2012年12月31日", "平成24年12月31日", "令和元年5月1日", "平成24年12月", "2012年12月", "31 December 2012",
           "December 31, 2012", "Dec 31, 2012", "31 Dec 2012", "31 December", "December 31", "December 2012",
           "2012 December", "12/2012", "2012/12", "31/12", "12/31", "29/02/2013", "29/02/2012", "true", "",
           "１２３", "1,23,456.7", "12,34,567"]


def _arelle(namespace: str, name: str):
    from arelle import FunctionIxt

    return FunctionIxt.ixtNamespaceFunctions[namespace][name]


NAMES = [(ns, name) for ns, (functions, _) in transforms.REGISTRIES.items() for name in functions]


@pytest.mark.parametrize("namespace, name", NAMES, ids=[f"{ns.rsplit('/', 1)[-1]}:{n}" for ns, n in NAMES])
def test_same_as_arelle(namespace: str, name: str) -> None:
    ours = transforms.lookup(namespace, name)
    theirs = _arelle(namespace, name)
    for text in SAMPLES:
        try:
            expected = theirs(text)
        except Exception:  # Arelle signals a value outside the lexical space by raising
            expected = None
        try:
            got = ours(text)
        except transforms.TransformError:
            got = None
        assert got == expected, (text, got, expected)


def test_unknown_and_unimplemented_names() -> None:
    assert transforms.lookup(transforms.TR4, "numdotdecimal") == "unknown"  # a TR2/TR3 name under TR4
    assert transforms.lookup(transforms.TR3, "num-dot-decimal") == "unknown"
    assert transforms.lookup("http://example.com/tr", "num-dot-decimal") == "unknown"
    assert transforms.lookup(transforms.TR4, "date-day-monthname-year-de") == "not implemented"
    assert callable(transforms.lookup(transforms.TR5, "num-dot-decimal-apos"))
