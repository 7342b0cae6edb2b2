"""The optional compiled core (src/iij_xbrl/xbrl/_factscan.c, the XML reader's per-fact loop); the rest of the
build is declared in pyproject.toml. It compiles against lxml's public C API and its libxml2 headers; where it
cannot be built (no compiler or Python headers) the install still succeeds and the pure-Python reader is used."""
import lxml
from setuptools import Extension, setup

setup(ext_modules=[Extension("iij_xbrl.xbrl._factscan", ["src/iij_xbrl/xbrl/_factscan.c"],
                             include_dirs=lxml.get_include(), optional=True)])
