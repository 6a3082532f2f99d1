"""Start the desktop app: the QApplication, settings, language, the main window and its workspace."""
from __future__ import annotations

import gc
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from app import __version__
from app.core.resources import resource_path
from app.gui.i18n import Translations, resolve_language
from app.gui.main_window import MainWindow
from app.gui.settings import APPLICATION, ORGANISATION, Settings
from app.gui.widgets import icon


def create_application() -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(icon("app"))
    app.setStyle("Fusion")  # the same look on every platform; the style sheet adds the rest
    app.setStyleSheet(resource_path("style.qss").read_text(encoding="utf-8"))
    return app


def freeze_heap() -> None:
    """Move every object alive now (modules, pandas, Qt wrappers) out of the garbage collector's
    scans. A full collection otherwise walks them all while holding the GIL: 100–200 ms with a
    large workspace, long enough to freeze the window while a background job allocates."""
    gc.collect()
    gc.freeze()


def build_window(settings: Settings, *, lang: str | None = None, data_dir: Path | None = None) -> MainWindow:
    """A main window with its translations installed (`lang` overrides Settings for this run)."""
    translations = Translations()
    translations.switch(resolve_language(lang or settings.get("general/language")))
    return MainWindow(settings, translations, data_dir=data_dir)


def run(*, db: str | None = None, demo: bool = False, lang: str | None = None,
        screenshots: str | None = None) -> int:
    app = create_application()
    if screenshots:
        from app.gui.screenshots import take_screenshots

        # A throw-away settings file: screenshots never touch the user's recent workspaces.
        with tempfile.TemporaryDirectory(prefix="unico-shots-") as tmp:
            settings = Settings(QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
            window = build_window(settings, lang=lang)
            try:
                return take_screenshots(window, Path(screenshots), db=Path(db) if db else None)
            finally:
                window.close()
    window = build_window(Settings(), lang=lang)
    window.start(db=Path(db) if db else None, demo=demo)
    window.show()
    freeze_heap()
    return app.exec()
