"""Headless core of Unico. Nothing under app.core may import Qt (tests enforce it)."""
