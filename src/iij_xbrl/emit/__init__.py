"""Writers from the neutral model to XBRL formats."""
