"""iij-xbrl: IIJ investor-relations documents as XBRL."""

__version__ = "0.1.0"
