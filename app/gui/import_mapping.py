"""The wizard's check page pieces: the column → field table with a combo box per column and the
confidence of each automatic choice, and the preview of the first rows."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from app.gui.i18n import format_percent
from app.gui.vocab import field_label

NOT_USED = ""  # combo data for "this column is not used"
SAMPLES = 3


def confidence_colour(conf: float | None) -> QColor:
    if conf is None:
        return QColor("#64748b")
    if conf >= 0.8:
        return QColor("#15803d")
    if conf >= 0.5:
        return QColor("#b45309")
    return QColor("#b91c1c")


class MappingTable(QTableWidget):
    """One row per file column: name, sample values, the field it feeds (a combo), confidence.
    `remapped(column, field_or_empty)` fires when the user picks another field."""

    remapped = Signal(str, str)
    COLUMN, SAMPLE, FIELD, CONFIDENCE = range(4)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, 4, parent)
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        head = self.horizontalHeader()
        head.setSectionResizeMode(self.COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(self.SAMPLE, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(self.FIELD, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(self.CONFIDENCE, QHeaderView.ResizeMode.ResizeToContents)
        self.combos: dict[str, QComboBox] = {}
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("First values"),
                                        self.tr("Unico field"), self.tr("Confidence")])
        for combo in self.combos.values():
            combo.setItemText(0, self.tr("(not used)"))
            for i in range(1, combo.count()):
                combo.setItemText(i, field_label(combo.itemData(i)))

    def show_plan(self, headers: list[str], preview: list[dict[str, str]], mapping: dict[str, str],
                  confidence: dict[str, float], fields: list[str]) -> None:
        by_column = {column: field for field, column in mapping.items()}
        self.setRowCount(len(headers))
        self.combos = {}
        for row, header in enumerate(headers):
            self.setItem(row, self.COLUMN, QTableWidgetItem(header))
            samples = [v for v in (r.get(header, "") for r in preview) if v][:SAMPLES]
            self.setItem(row, self.SAMPLE, QTableWidgetItem("  ·  ".join(samples)))
            combo = QComboBox()
            combo.addItem(self.tr("(not used)"), NOT_USED)
            for name in fields:
                combo.addItem(field_label(name), name)
            field = by_column.get(header, NOT_USED)
            combo.setCurrentIndex(max(0, combo.findData(field)))
            combo.currentIndexChanged.connect(lambda _i, h=header, c=combo: self.remapped.emit(h, c.currentData()))
            combo.setToolTip(self.tr("Which Unico field this column holds"))
            self.setCellWidget(row, self.FIELD, combo)
            self.combos[header] = combo
            conf = confidence.get(field) if field else None
            item = QTableWidgetItem("" if conf is None else format_percent(conf, 0))
            item.setForeground(confidence_colour(conf))
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.setItem(row, self.CONFIDENCE, item)


class PreviewModel(QAbstractTableModel):
    """The first rows of the file; each header also names the field its column feeds."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.headers: list[str] = []
        self.rows: list[dict[str, str]] = []
        self.field_of: Callable[[str], str | None] = lambda _h: None

    def set_preview(self, headers: list[str], rows: list[dict[str, str]], field_of: Callable[[str], str | None]) -> None:
        self.beginResetModel()
        self.headers, self.rows, self.field_of = headers, rows, field_of
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()].get(self.headers[index.column()], "")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        header = self.headers[section]
        field = self.field_of(header)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{header}\n→ {field_label(field)}" if field else header
        if role == Qt.ItemDataRole.ForegroundRole and not field:
            return QColor("#94a3b8")
        return None
