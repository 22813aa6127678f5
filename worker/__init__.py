"""claimwire: raw news wire items in, attributed numeric claim events out."""

__version__ = "0.1.0"
