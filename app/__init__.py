"""Unico: one view of each customer across a small retailer's channels."""

__version__ = "0.1.0"
