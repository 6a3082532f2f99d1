"""Small building blocks shared by the screens: icons, error dialogs, the job status panel,
a read-only table model over a list of rows, and screen headers."""
from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core import messages
from app.core.errors import UnicoError
from app.core.resources import resource_path
from app.gui.jobs import Job, JobFailure
from app.gui.vocab import error_message, message

_ICONS: dict[str, QIcon] = {}


def icon(name: str) -> QIcon:
    """An SVG from resources/icons (drawn for Unico; no downloads)."""
    if name not in _ICONS:
        _ICONS[name] = QIcon(str(resource_path("icons", f"{name}.svg")))
    return _ICONS[name]


class Retranslating:
    """Mixed into a widget (before the Qt class) that re-labels itself in `retranslate_ui` when
    the language changes (Translations.switch makes Qt send LanguageChange to every widget)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def with_shortcut(text: str, shortcut: str) -> str:
    """Tooltip text that shows the key, e.g. 'Accept (A)'."""
    return f"{text} ({shortcut})" if shortcut else text


def show_error(parent: QWidget | None, title: str, error: JobFailure | BaseException) -> QMessageBox:
    """A non-blocking error box: the plain message first, the technical details folded away."""
    failure = error if isinstance(error, JobFailure) else JobFailure(error, "")
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if failure.expected else QMessageBox.Icon.Critical)
    box.setWindowTitle(title)
    if failure.expected:
        box.setText(error_message(failure.exception))
    else:
        box.setText(QCoreApplication.translate("Errors", "Something went wrong. Nothing was changed by the failed step."))
        box.setInformativeText(f"{type(failure.exception).__name__}: {failure.exception}")
    if failure.details:
        box.setDetailedText(failure.details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


class JobStatus(Retranslating, QWidget):
    """The status-bar panel: the latest visible job's message, a progress bar and Cancel."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._jobs: list[Job] = []
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setFixedWidth(180)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel_current)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 4, 0)
        lay.addWidget(self.label)
        lay.addWidget(self.bar)
        lay.addWidget(self.cancel_button)
        self.retranslate_ui()
        self.setVisible(False)

    def retranslate_ui(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(with_shortcut(self.tr("Stop the running task"), "Esc"))
        self._refresh()

    def watch(self, job: Job) -> None:
        if job.quiet:
            return
        self._jobs.append(job)
        job.progressed.connect(self._refresh)
        job.started.connect(self._refresh)
        job.finished.connect(lambda: self._drop(job))
        self._refresh()

    def _drop(self, job: Job) -> None:
        if job in self._jobs:
            self._jobs.remove(job)
        self._refresh()

    @property
    def current(self) -> Job | None:
        return self._jobs[-1] if self._jobs else None

    def cancel_current(self) -> None:
        if self.current:
            self.current.cancel()

    def _refresh(self, *_: object) -> None:
        job = self.current
        self.setVisible(job is not None)
        if job is None:
            return
        # Our own translated label; the core's detail as a tooltip (translated when the core made it
        # a messages.Text; the steps not converted yet say it in English, as the CLI does).
        text = job.label
        others = len(self._jobs) - 1
        if others:
            text += "  " + self.tr("(+%n more)", "", others)
        self.label.setText(text)
        self.label.setToolTip(message(job.message))
        self.bar.setValue(int(job.fraction * 1000))


@dataclass(frozen=True)
class Column:
    """A table column: a translated header (called on each paint, so language switches apply)."""

    header: Callable[[], str]
    value: Callable[[Any], Any]
    align: Qt.AlignmentFlag | None = None


class RowsModel(QAbstractTableModel):
    """A read-only model over a small list of rows (sources, imports, rejects, preview rows)."""

    def __init__(self, columns: Sequence[Column], rows: Sequence[Any] = (), parent: QWidget | None = None):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows = list(rows)

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def set_columns(self, columns: Sequence[Column]) -> None:
        self.beginResetModel()
        self.columns = list(columns)
        self.endResetModel()

    def retranslate(self) -> None:
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = column.value(self.rows[index.row()])
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align is not None:
            return int(column.align | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header()
        return None


class ScreenHeader(QWidget):
    """A screen's title and one line saying what it is for."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("screenTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("screenSubtitle")
        self.subtitle.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 6)
        lay.setSpacing(2)
        lay.addWidget(self.title)
        lay.addWidget(self.subtitle)

    def set_text(self, title: str, subtitle: str) -> None:
        self.title.setText(title)
        self.subtitle.setText(subtitle)


def table_view(model: QAbstractTableModel) -> QTableView:
    """A read-only, row-selecting table with columns sized to their contents."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setMaximumSectionSize(420)  # long values are elided, not a scroll away
    view.horizontalHeader().setStretchLastSection(True)
    return view


def rejects_model(parent: QWidget | None = None) -> RowsModel:
    """Rejected rows as the importer lists them: line, column, reason, the raw row."""
    return RowsModel([
        Column(lambda: QCoreApplication.translate("Rejects", "Line"), lambda r: r.get("line"), Qt.AlignmentFlag.AlignRight),
        Column(lambda: QCoreApplication.translate("Rejects", "Column"), lambda r: r.get("column")),
        Column(lambda: QCoreApplication.translate("Rejects", "Reason"), lambda r: message(r.get("reason") or "")),
        Column(lambda: QCoreApplication.translate("Rejects", "Row"), lambda r: r.get("raw")),
    ], parent=parent)


def save_copy(parent: QWidget, source: Path, title: str, target: Path | None = None) -> Path | None:
    """Copy a file Unico wrote (a rejects CSV) to where the user chooses; errors go to a dialog."""
    if target is None:
        name, _ = QFileDialog.getSaveFileName(parent, title, str(Path.home() / source.name),
                                              QCoreApplication.translate("Rejects", "CSV files (*.csv)"))
        if not name:
            return None
        target = Path(name)
    try:
        shutil.copyfile(source, target)
    except OSError as e:
        show_error(parent, title, cannot_write(target, e))
        return None
    return target


def cannot_write(target: Path, error: OSError) -> UnicoError:
    """The error to show when the system refuses to write a file the user chose."""
    return UnicoError(messages.text("export.cannot_write", target=target, reason=error.strerror or str(error)))


def form_row(form: QFormLayout, field: QWidget) -> QLabel:
    """Add a row whose label text is set later (by retranslate_ui); the label is the field's buddy."""
    label = QLabel()
    label.setBuddy(field)
    form.addRow(label, field)
    return label
