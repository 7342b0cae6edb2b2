"""Source documents and curated fact sheets -> the neutral model."""
