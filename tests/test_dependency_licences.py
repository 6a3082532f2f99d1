"""Every runtime dependency of Unico can be bundled into an MIT-licensed program: none is GPL-only
(LGPL, as Qt's PySide6 offers, is fine when linked dynamically, as the one-folder build does)."""
from __future__ import annotations

import re
from importlib import metadata

from packaging.requirements import Requirement

GPL = re.compile(r"(?<![AL])GPL|GNU General Public", re.IGNORECASE)


def licence_options(dist: metadata.Distribution) -> list[str]:
    """The licences a package may be used under: its classifiers, else the alternatives of its SPDX
    expression (License-Expression, or a one-line License field)."""
    md = dist.metadata
    classifiers = [c.split("::")[-1].strip() for c in md.get_all("Classifier") or [] if c.startswith("License ::")]
    if classifiers:
        return classifiers
    expression = md.get("License-Expression") or (md.get("License") or "").strip().split("\n")[0]
    return [o.strip(" ()") for o in expression.split(" OR ")]


def test_no_runtime_dependency_is_gpl_only():
    runtime = [r.name for r in map(Requirement, metadata.requires("unico") or []) if not r.marker]
    assert "anyascii" in runtime and "Unidecode" not in runtime
    options = {name: licence_options(metadata.distribution(name)) for name in runtime}
    assert {name: opts for name, opts in options.items() if all(GPL.search(o) for o in opts)} == {}
    assert options["anyascii"] == ["ISC License (ISCL)"]
