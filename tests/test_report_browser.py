"""Every filing's inline report in a real browser (headless Chromium, one process for all, no network): the page
parses as XHTML, every in-page link (table of contents, flags, notes, findings) resolves, the language switch
shows one language at a time when clicked, every tagged figure is visible in either language, and every flagged
cell links to its finding, which links back. Full-page screenshots of each report in English and Japanese are
written to <published out>/screenshots/ for people to look at (not part of the publication: pixels depend on
the browser and the fonts installed). `pytest --basetemp=DIR tests/test_report_browser.py` puts them under DIR.
"""
from __future__ import annotations

import json

import pytest

import browser
from report_fixtures import FILINGS, reports
from iij_xbrl.emit import ixbrl

pytestmark = pytest.mark.skipif(browser.executable() is None and not __import__("os").environ.get("CI"),
                                reason="headless Chromium not installed (apt-get install chromium fonts-noto-cjk)")

IX = json.dumps(ixbrl.IX)

CHECKS = """(() => {
  const ids = new Set([...document.querySelectorAll('[id]')].map(e => e.id));
  const links = [...document.querySelectorAll('a[href^="#"]')].map(a => a.getAttribute('href').slice(1));
  const tags = [...document.getElementsByTagNameNS(%(ix)s, 'nonFraction')];
  const shown = e => e.checkVisibility({checkVisibilityCSS: true});
  const visible = (selector) => [...document.querySelectorAll(selector)].filter(shown).length;
  const flags = [...document.querySelectorAll('td[class*="flagged-"]')].map(td => {
    const tag = td.getElementsByTagNameNS(%(ix)s, 'nonFraction')[0];
    return [tag.id, [...td.querySelectorAll('a.flag')].map(a => {
      const note = document.getElementById(a.getAttribute('href').slice(1));
      return note !== null && note.querySelector(`a[href="#${tag.id}"]`) !== null;
    })];
  });
  return {
    parseErrors: document.getElementsByTagName('parsererror').length,
    title: document.title,
    broken: links.filter(id => !ids.has(id)),
    contents: [...document.querySelectorAll('#contents a')].map(a => a.getAttribute('href').slice(1)),
    tags: tags.length,
    hiddenTags: tags.filter(e => !shown(e.closest('td'))).map(e => e.id),
    en: visible('.page .en'), ja: visible('.page .ja'),
    english: document.querySelector('#summary h2 .en') && shown(document.querySelector('#summary h2 .en')),
    flags: flags,
    numbers: [...document.querySelectorAll('#findings li[id^="finding-"]')].map(li => li.id),
    notes: [...document.querySelectorAll('tr.note')].map(tr => tr.id),
    charts: [...document.querySelectorAll('div.chart')].map(div => {
      const img = div.querySelector('img');
      return [div.id, img !== null && img.complete, img && img.naturalWidth, img && img.naturalHeight,
              img !== null && shown(img)];
    }),
  };
})()""" % {"ix": IX}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    rep = reports(tmp_path_factory)
    manifest = json.loads((rep.dir / "manifest.json").read_text(encoding="utf-8"))
    findings = json.loads((rep.dir / "findings.json").read_text(encoding="utf-8"))
    shots = rep.dir / "screenshots"
    shots.mkdir(exist_ok=True)
    results = {}
    with browser.Chromium() as chromium:
        for filing in FILINGS:
            page = chromium.page((rep.dir / filing / f"{filing}.xhtml").as_uri())
            english = page.evaluate(CHECKS)
            page.screenshot(shots / f"{filing}-en.png")
            page.click('label[for="lang-ja"]')
            japanese = page.evaluate(CHECKS)
            page.screenshot(shots / f"{filing}-ja.png")
            page.click('label[for="lang-en"]')
            back = page.evaluate(CHECKS)
            results[filing] = (english, japanese, back)
    return results, manifest, findings, shots


@pytest.mark.parametrize("filing", FILINGS)
def test_report_in_a_browser(rendered, filing):
    results, manifest, findings, shots = rendered
    english, japanese, back = results[filing]
    assert english["parseErrors"] == 0 and english["title"]
    assert english["broken"] == [], english["broken"][:10]
    assert english["contents"][0] == "summary" and english["contents"][-1] == "findings"
    assert {"IncomeStatement", "findings"} <= set(english["contents"]) or filing == "fy2013q3"
    # every fact of the instance tagged once, visible whichever language is shown
    assert english["tags"] == manifest["filings"][filing]["facts"]
    assert english["hiddenTags"] == [] and japanese["hiddenTags"] == []
    # the switch toggles: English labels only, then Japanese only, then English again
    assert english["en"] > 100 and english["ja"] == 0 and english["english"]
    assert japanese["ja"] > 100 and japanese["en"] == 0 and not japanese["english"]
    assert (back["en"], back["ja"]) == (english["en"], 0)
    # every finding of the filing once in the list, numbered 1..n; flagged cells link to a note naming them
    count = sum(f["filing"] == filing for f in findings)
    assert english["numbers"] == [f"finding-{i}" for i in range(1, count + 1)]
    assert len(english["notes"]) == len(set(english["notes"]))
    assert english["flags"] and all(links and all(links) for _, links in english["flags"]) or count == 0
    # every chart's SVG decodes as an image of the size it declares, shown in either language
    assert english["charts"] or filing != "fy2013q3"
    assert all(ok and width >= 432 and height == 216 and visible for _, ok, width, height, visible in english["charts"])
    assert japanese["charts"] == english["charts"]
    for language in ("en", "ja"):
        assert (shots / f"{filing}-{language}.png").stat().st_size > 50_000
