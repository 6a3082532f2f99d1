"""Unified profiles: golden records with provenance, consent with its reasoning, the decision log
with undo/redo, manual merge and unmerge, and erasure.

Import the submodules (``bulk``, ``golden``, ``consent``, ``service``…) directly: this package
stays light because the matcher calls ``refresh.refresh_profiles`` and ``journal`` from below.
"""
