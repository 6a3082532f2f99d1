"""`unico gui --screenshots DIR`: open the workspace, visit every main screen, save one PNG each.

Works offscreen (QT_QPA_PLATFORM=offscreen). Waiting is done by running the event loop until the
screen's background work has finished (with a time limit), never by sleeping.
"""
from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QWidget

from app.core.queries import showcase_profile
from app.gui.main_window import MainWindow

SIZE = (1280, 800)
WAIT_S = 120.0  # the demo build at first start takes the longest


def wait_until(condition: Callable[[], bool], timeout: float = WAIT_S) -> bool:
    deadline = time.monotonic() + timeout
    loop = QEventLoop()
    while not condition():
        if time.monotonic() > deadline:
            return False
        loop.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    QApplication.processEvents()
    return True


def idle(window: MainWindow) -> bool:
    runners = [window.pool, *(window.session.runners if window.session else ())]
    return all(not r.jobs for r in runners)


def save(widget: QWidget, path: Path) -> Path:
    QApplication.processEvents()
    if not widget.grab().save(str(path)):
        raise OSError(f"cannot write {path}")
    print(f"saved {path}")
    return path


def sample_file(tmp: Path) -> Path:
    """A small till export written by the demo generator (what a shop owner would drop in)."""
    from app.core.demo import generate_demo

    manifest = generate_demo(tmp, people=40, seed=11)
    contacts = [f for f in manifest.files if f.kind == "contacts"]
    return min(contacts, key=lambda f: (f.channel != "store", f.rows)).path


def take_screenshots(window: MainWindow, out: Path, *, db: Path | None = None) -> int:
    out.mkdir(parents=True, exist_ok=True)
    window.resize(*SIZE)
    window.show()
    window.start(db=db)
    if not wait_until(lambda: window.session is not None and idle(window)):
        print("unico: the workspace did not open in time", file=sys.stderr)
        return 1
    window.show_screen("welcome")
    shots = [save(window, out / "welcome.png")]

    window.show_screen("sources")
    wait_until(lambda: idle(window), 30)
    shots.append(save(window, out / "sources.png"))

    with tempfile.TemporaryDirectory(prefix="unico-sample-") as tmp:
        wizard = window.import_files([sample_file(Path(tmp))])
        wizard.resize(1100, 720)
        wait_until(lambda: wizard.plan is not None or wizard.plan_job.done, 60)
        shots.append(save(wizard, out / "import_wizard.png"))
        wizard.close()

    review = window.show_screen("review")
    wait_until(lambda: review.fetch_job is None or review.fetch_job.done, 60)
    shots.append(save(window, out / "review.png"))

    profiles = window.show_screen("profiles")
    wait_until(lambda: idle(window), 30)
    shots.append(save(window, out / "profiles.png"))

    pid = showcase_profile(window.session.reader)
    if pid is not None:
        page = profiles.show_profile(pid)
        wait_until(lambda: page.detail is not None, 30)
        shots.append(save(window, out / "profile.png"))
        page.show_journey()
        shots.append(save(window, out / "journey.png"))

    reports = window.show_screen("reports")
    wait_until(lambda: reports.job is None or reports.job.done, 120)
    shots.append(save(window, out / "reports.png"))
    dialog = window.show_settings()
    shots.append(save(dialog, out / "settings.png"))
    dialog.close()
    return 0
