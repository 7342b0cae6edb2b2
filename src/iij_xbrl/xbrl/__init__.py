"""Generic XBRL: DTS discovery, instance readers, XBRL Calculations 1.1, findings.

Knows nothing of IIJ: it imports only the standard library, lxml and itself (a test checks this), so it
can validate any filing. The IIJ consistency rules (`iij_xbrl.checks`) are built on top of it.
"""
