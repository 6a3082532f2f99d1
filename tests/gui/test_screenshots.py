"""`unico gui --screenshots DIR` through the real command line: one readable PNG per screen."""
from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtGui import QImage

from tests.gui.data import add_review_pairs, build_workspace

EXPECTED = ["welcome", "sources", "import_wizard", "review", "profiles", "profile", "journey", "reports", "settings"]


def pixel_spread(image: QImage) -> float:
    """Standard deviation of grey levels over a grid of samples: near 0 for a blank picture."""
    values = [image.pixelColor(x, y).lightness()
              for x in range(0, image.width(), max(1, image.width() // 60))
              for y in range(0, image.height(), max(1, image.height() // 40))]
    mean = sum(values) / len(values)
    return (sum((v - mean) ** 2 for v in values) / len(values)) ** 0.5


def test_screenshots_command_writes_every_screen(tmp_path, qapp):
    ids = build_workspace(tmp_path / "shop.db")
    add_review_pairs(tmp_path / "shop.db", ids)
    out = tmp_path / "shots"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    r = subprocess.run([sys.executable, "-m", "app", "gui", "--db", str(tmp_path / "shop.db"), "--lang", "it",
                        "--screenshots", str(out)], capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 0, r.stderr
    assert sorted(p.stem for p in out.glob("*.png")) == sorted(EXPECTED)
    for name in EXPECTED:
        image = QImage(str(out / f"{name}.png"))
        assert image.width() >= 500 and image.height() >= 400, name
        assert pixel_spread(image) > 8, f"{name}.png looks blank"
    for name in ("welcome", "sources", "review", "profiles", "profile", "journey", "reports"):
        image = QImage(str(out / f"{name}.png"))
        assert (image.width(), image.height()) == (1280, 800), f"{name}: the Italian UI outgrew the window"
