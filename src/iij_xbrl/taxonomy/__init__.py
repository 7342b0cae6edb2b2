"""The IIJ taxonomy: load the source of truth, write schema, linkbases and package."""
