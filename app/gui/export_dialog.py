"""File ▸ Export: the golden records as CSV or Excel, an email tool's import files, the matching
membership — what `unico export` writes, from the desktop app.

Each export runs its core exporter on a reader thread (its own read-only connection) with a
progress bar and Cancel, then shows a summary with the counts and a button that opens the folder.
A cancelled or failed export leaves no file behind: the exporters write through a temporary file
(profiles) or remove what they wrote (email tools), and the membership file is written beside its
target and renamed only when complete.
"""
from __future__ import annotations

import itertools
import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog, QFileDialog, QGridLayout, QHBoxLayout, QLabel, QMenu, QProgressBar, QPushButton, QVBoxLayout,
)

from app.core import messages
from app.core.exporting.email_export import export_email_tool
from app.core.exporting.email_tools import TOOLS
from app.core.exporting.profile_table import export_profiles
from app.core.jobs import Progress
from app.core.matching import export_members
from app.core.workspace import Workspace
from app.gui.i18n import format_number
from app.gui.jobs import Job
from app.gui.widgets import Retranslating, icon, show_error, with_shortcut

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow

PROFILES, EMAIL_TOOL, MEMBERS = "profiles", "email_tool", "members"


def write_members(ws: Workspace, target: Path, progress: Progress) -> int:
    """export_members through a sibling ``.part`` file: the target appears complete or not at all."""
    part = target.with_name(target.name + ".part")
    try:
        rows = export_members(ws, part)
        progress.check()
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)
    progress.update(1.0, messages.text("progress.done"))
    return rows


def email_folder(chosen: Path, tool_id: str, today: date | None = None) -> Path:
    """The chosen folder when it is empty; otherwise a new folder inside it (an email-tool export
    never writes beside older files, which could be uploaded by mistake)."""
    if not chosen.exists() or (chosen.is_dir() and not any(chosen.iterdir())):
        return chosen
    stem = f"{tool_id}-{(today or date.today()).isoformat()}"
    names = (stem if n == 1 else f"{stem}-{n}" for n in itertools.count(1))
    return next(chosen / name for name in names if not (chosen / name).exists())


class ExportDialog(Retranslating, QDialog):
    """One export: progress and Cancel while it runs, then what was written and the counts."""

    def __init__(self, window: "MainWindow", what: str, target: Path, tool: str | None = None):
        super().__init__(window)
        self.window_ = window
        self.what, self.target, self.tool = what, Path(target), tool
        self.job: Job | None = None
        self.result: Any = None
        self.state = "ready"  # ready, running, done, cancelled, failed
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(560)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.details = QLabel()
        self.details.setObjectName("hint")
        self.details.setWordWrap(True)
        self.counts = QGridLayout()
        self.counts.setColumnStretch(1, 1)  # the numbers stay a narrow column beside their labels
        self.open_button = QPushButton(icon("open"), "")
        self.open_button.clicked.connect(self.open_folder)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.cancel_or_close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.status)
        lay.addWidget(self.bar)
        lay.addLayout(self.counts)
        lay.addWidget(self.details)
        lay.addStretch(1)
        lay.addLayout(buttons)
        self.retranslate_ui()

    @property
    def folder(self) -> Path:
        return self.target if self.what == EMAIL_TOOL else self.target.parent

    def _call(self) -> Callable[[Workspace, Progress], Any]:
        target, tool = self.target, self.tool
        if self.what == PROFILES:
            return lambda ws, p: export_profiles(ws, target, progress=p)
        if self.what == EMAIL_TOOL:
            return lambda ws, p: export_email_tool(ws, target, tool, progress=p)
        return lambda ws, p: write_members(ws, target, p)

    def start(self) -> Job | None:
        session = self.window_.session
        if session is None:
            return None
        self.state = "running"
        self.job = session.read(self._call(), self.windowTitle(), quiet=True)
        self.job.show_errors = False
        # bound methods, not lambdas: Qt drops them with the dialog if it is closed while the job ends
        self.job.progressed.connect(self._progressed)
        self.job.succeeded.connect(self._done)
        self.job.cancelled.connect(self._cancelled)
        self.job.failed.connect(self._failed)
        self.retranslate_ui()
        return self.job

    def _progressed(self, fraction: float, _message: str) -> None:
        self.bar.setValue(int(fraction * 1000))

    def _cancelled(self) -> None:
        self._end("cancelled")

    def _done(self, result: Any) -> None:
        self.result = result
        self._end("done")

    def _failed(self, failure: Any) -> None:
        self._end("failed")
        show_error(self, self.windowTitle(), failure)

    def _end(self, state: str) -> None:
        self.state = state
        self.retranslate_ui()

    def cancel_or_close(self) -> None:
        if self.state == "running" and self.job is not None:
            self.job.cancel()
            return
        self.close()

    def reject(self) -> None:  # Esc cancels a running export first
        self.cancel_or_close()

    def closeEvent(self, event: Any) -> None:
        if self.state == "running" and self.job is not None:
            self.job.cancel()  # closing the window stops the export: nothing is left half-written
        super().closeEvent(event)

    def open_folder(self) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))

    # -- what the dialog says -------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        tool = TOOLS[self.tool].label if self.tool else ""
        titles = {PROFILES: self.tr("Export customer profiles"), MEMBERS: self.tr("Export matching membership"),
                  EMAIL_TOOL: self.tr("Export a list for %1").replace("%1", tool)}
        self.setWindowTitle(titles[self.what])
        running = self.state == "running"
        self.bar.setVisible(running)
        self.open_button.setVisible(self.state == "done")
        self.open_button.setText(self.tr("Open the folder"))
        self.close_button.setText(self.tr("Cancel") if running else self.tr("Close"))
        self.status.setText(self._status())
        self._show_counts()

    def _status(self) -> str:
        if self.state == "running":
            return self.tr("Exporting to %1…").replace("%1", str(self.target))
        if self.state == "cancelled":
            return self.tr("Export cancelled: no file was written.")
        if self.state == "failed":
            return self.tr("The export failed: no file was written.")
        return self._summary() if self.state == "done" else ""

    def _summary(self) -> str:
        r = self.result
        if self.what == PROFILES:
            return self.tr("%n profile(s) written to %1.", "", r.rows).replace("%1", str(r.path))
        if self.what == MEMBERS:
            return self.tr("%n record(s) written to %1.", "", r).replace("%1", str(self.target))
        if not r.files:
            return self.tr("Nobody may be contacted through %1: no list was written (the folder holds the "
                           "README).").replace("%1", TOOLS[r.tool].label)
        return self.tr("Files for %1 in %2:").replace("%1", TOOLS[r.tool].label).replace("%2", str(r.out_dir))

    def count_rows(self) -> list[tuple[str, int]]:
        """(label, number) lines of the summary: an email-tool export's people, else nothing."""
        if self.state != "done" or self.what != EMAIL_TOOL:
            return []
        c = self.result.counts
        return [(self.tr("Profiles"), c["profiles"]), (self.tr("Exported"), c["exported"]),
                (self.tr("Left out: no consent for the channel"), c["excluded_consent"]),
                (self.tr("Left out: invalid email or phone"), c["excluded_invalid"]),
                (self.tr("Left out: address already exported for another profile"), c["excluded_duplicate"]),
                (self.tr("Suppressed (unsubscribed, bounced or blocked)"), c["suppressed"]),
                (self.tr("No email or phone"), c["no_contact"])]

    def _show_counts(self) -> None:
        while self.counts.count():
            self.counts.takeAt(0).widget().deleteLater()
        for i, (label, n) in enumerate(self.count_rows()):
            number = QLabel(format_number(n))
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.counts.addWidget(number, i, 0)
            self.counts.addWidget(QLabel(label), i, 1)
        self.details.setText(self._details())

    def _details(self) -> str:
        if self.state != "done" or self.what != EMAIL_TOOL:
            return ""
        r = self.result
        lines = [self.tr("%1: %n row(s)", "", f.rows).replace("%1", f.path.name) for f in r.files]
        if r.report_path:
            lines.append(self.tr("%n value(s) left out or left blank, with the reason: %1", "", r.problems)
                         .replace("%1", r.report_path.name))
        lines.append(self.tr("What to upload where: README.txt"))
        return "\n".join(lines)


class ExportMenu(Retranslating, QMenu):
    """File ▸ Export, enabled while a workspace is open."""

    def __init__(self, window: "MainWindow"):
        super().__init__(window)
        self.window_ = window
        self.act_profiles = self._action(lambda: self.export_profiles(), "Ctrl+E")
        self.act_tools = {tool: self._action(lambda _=False, t=tool: self.export_email_list(t)) for tool in TOOLS}
        self.addSeparator()
        self.act_members = self._action(lambda: self.export_members())
        window.session_changed.connect(lambda session: self.setEnabled(session is not None))
        self.setEnabled(window.session is not None)
        self.retranslate_ui()

    def _action(self, slot: Callable[..., Any], shortcut: str = "") -> QAction:
        action = QAction(self)
        action.triggered.connect(slot)
        if shortcut:
            action.setShortcut(shortcut)
        self.addAction(action)
        self.window_.addAction(action)  # its key works anywhere and Help ▸ Keyboard shortcuts lists it
        return action

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("&Export"))
        self.act_profiles.setText(self.tr("Customer &profiles (CSV/Excel)…"))
        self.act_profiles.setIcon(icon("save"))
        self.act_profiles.setStatusTip(self.tr("Golden records with contacts, consent, activity and totals"))
        for tool, action in self.act_tools.items():
            action.setText(self.tr("List for %1…").replace("%1", TOOLS[tool].label))
            action.setStatusTip(self.tr("The files %1 imports as they are: consenting contacts only")
                                .replace("%1", TOOLS[tool].label))
        self.act_members.setText(self.tr("Matching &membership (CSV)…"))
        self.act_members.setStatusTip(self.tr("Which profile each imported record belongs to"))
        for action in self.actions():
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(with_shortcut(action.statusTip(), keys))

    def _run(self, what: str, target: Path, tool: str | None = None) -> ExportDialog:
        dialog = ExportDialog(self.window_, what, target, tool)
        dialog.open()
        dialog.start()
        return dialog

    def export_profiles(self, target: Path | None = None) -> ExportDialog | None:
        if target is None:
            excel, csv = self.tr("Excel workbooks (*.xlsx)"), self.tr("CSV files (*.csv)")
            name, chosen = QFileDialog.getSaveFileName(self.window_, self.tr("Export customer profiles"),
                                                       str(Path.home() / (self.tr("profiles") + ".xlsx")),
                                                       f"{excel};;{csv}")
            if not name:
                return None
            target = Path(name)
            if target.suffix.lower() not in (".csv", ".xlsx"):
                target = target.with_name(target.name + (".csv" if chosen == csv else ".xlsx"))
        return self._run(PROFILES, Path(target))

    def export_email_list(self, tool: str, folder: Path | None = None) -> ExportDialog | None:
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(
                self.window_, self.tr("Folder for the %1 files").replace("%1", TOOLS[tool].label), str(Path.home()))
            if not chosen:
                return None
            folder = email_folder(Path(chosen), tool)
        return self._run(EMAIL_TOOL, Path(folder), tool)

    def export_members(self, target: Path | None = None) -> ExportDialog | None:
        if target is None:
            name, _ = QFileDialog.getSaveFileName(self.window_, self.tr("Export matching membership"),
                                                  str(Path.home() / (self.tr("membership") + ".csv")),
                                                  self.tr("CSV files (*.csv)"))
            if not name:
                return None
            target = Path(name)
        return self._run(MEMBERS, Path(target))
