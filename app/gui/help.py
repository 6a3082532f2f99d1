"""Help menu dialogs: the user guide (Markdown in resources/help, per language), the keyboard
shortcuts (read from the live actions, so the list cannot go stale) and About with licences."""
from __future__ import annotations

import importlib.metadata as metadata
import re
import sqlite3
from collections.abc import Iterable

from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core.resources import resource_path
from app.gui.widgets import Retranslating, icon

DISTRIBUTION = "unico"


def guide_markdown(lang: str) -> str:
    path = resource_path("help", f"guide_{lang}.md")
    if not path.exists():
        path = resource_path("help", "guide_en.md")
    return path.read_text(encoding="utf-8")


def component_licences() -> list[tuple[str, str, str]]:
    """(component, version, licence) for Qt, SQLite and every runtime dependency of Unico."""
    rows = [("Qt", qVersion(), "LGPL-3.0-only"), ("SQLite", sqlite3.sqlite_version, "Public domain")]
    try:
        requirements = metadata.requires(DISTRIBUTION) or []
    except metadata.PackageNotFoundError:
        requirements = []
    for requirement in requirements:
        if "extra ==" in requirement:
            continue
        name = re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0]
        try:
            md = metadata.metadata(name)
        except metadata.PackageNotFoundError:
            continue
        rows.append((name, md.get("Version", ""), _licence(md)))
    return rows


def _licence(md) -> str:
    """The SPDX expression when the package declares one, else its classifiers, else its License line."""
    if md.get("License-Expression"):
        return md["License-Expression"]
    classifiers = [c.split("::")[-1].strip() for c in md.get_all("Classifier") or [] if c.startswith("License ::")]
    if classifiers:
        return ", ".join(classifiers)
    text = (md.get("License") or "").strip()
    return text.splitlines()[0] if text else "—"


class GuideDialog(QDialog):
    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setMarkdown(guide_markdown(lang))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        lay = QVBoxLayout(self)
        lay.addWidget(self.browser)
        lay.addWidget(buttons)
        self.resize(720, 640)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Unico user guide"))


class ShortcutsDialog(QDialog):
    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None):
        super().__init__(parent)
        rows = [(a.text().replace("&", ""), a.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
                for a in actions if not a.shortcut().isEmpty() and a.text()]
        self.table = QTableWidget(len(rows), 2)
        for r, (text, key) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(text))
            self.table.setItem(r, 1, QTableWidgetItem(key))
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table)
        lay.addWidget(buttons)
        self.resize(460, 520)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Keys")])


class AboutDialog(Retranslating, QDialog):
    def __init__(self, version: str, parent: QWidget | None = None):
        super().__init__(parent)
        logo = QLabel()
        logo.setPixmap(icon("app").pixmap(64, 64))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        licences = component_licences()
        self.table = QTableWidget(len(licences), 3)
        for r, row in enumerate(licences):
            for c, value in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        lay = QVBoxLayout(self)
        lay.addWidget(logo, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addWidget(self.text)
        lay.addWidget(self.table)
        lay.addWidget(buttons)
        self.resize(560, 520)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.version = version
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("About Unico"))
        self.text.setText(
            "<h2>Unico " + self.version + "</h2><p>"
            + self.tr("One view of each customer across a small retailer's channels. Everything stays on "
                      "this computer: Unico makes no network connections.")
            + "</p><p>" + self.tr("Unico is released under the MIT licence. It bundles these components:")
            + "</p>")
        self.table.setHorizontalHeaderLabels([self.tr("Component"), self.tr("Version"), self.tr("Licence")])
