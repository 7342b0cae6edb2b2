"""Validators: XBRL Calculations 1.1 for any instance, and IIJ consistency rules."""
