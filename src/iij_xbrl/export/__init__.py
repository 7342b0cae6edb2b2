"""Database export (SQLite, PostgreSQL)."""
