"""Words that say what a figure is compared with, shared by the table headers and the prose."""
from __future__ import annotations

YOY = r"\byoy\b|year[- ]on[- ]year"
QOQ = r"\bqoq\b|quarter[- ]on[- ]quarter"
