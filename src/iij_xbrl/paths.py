"""Where the project's data lives: the checkout holding taxonomy/, sources/ and schemas/.

The package is installed editable (README), so these folders sit beside src/.
"""
from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = PROJECT_ROOT / "schemas"
SOURCES = PROJECT_ROOT / "sources"
TAXONOMY = PROJECT_ROOT / "taxonomy"
