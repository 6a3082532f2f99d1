"""One report on screen: headline figures, a bar chart beside its table, a caveat line, and
exports (the chart as PNG, the table as CSV or Excel through the core's spreadsheet-safe writer)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QFileDialog, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter,
    QTableView, QVBoxLayout, QWidget,
)

from app.core.analytics import Report
from app.core.errors import UnicoError
from app.gui.i18n import format_money, format_number, format_percent
from app.gui.plots import make_plot
from app.gui.vocab import message, report_column_label, report_value_label
from app.gui.widgets import Retranslating, cannot_write, icon, show_error

BAR_COLOUR = "#3b82f6"


def format_cell(column: str, value: Any, currency: str | None) -> str:
    """Shares as percentages, revenue as money, days and credited conversions with a decimal."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, str):
        return report_value_label(value)
    if column.endswith("share"):
        return format_percent(float(value))
    if "revenue" in column:
        return format_money(float(value), currency)
    if column.endswith("_days") or (isinstance(value, float) and not float(value).is_integer()):
        return format_number(float(value), 1)
    return format_number(int(value))


class FrameModel(QAbstractTableModel):
    """A report's table (a DataFrame) with translated headers and formatted cells."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.frame = pd.DataFrame()
        self.currency: str | None = None

    def set_frame(self, frame: pd.DataFrame, currency: str | None) -> None:
        self.beginResetModel()
        self.frame, self.currency = frame.reset_index(drop=True), currency
        self.endResetModel()

    def retranslate(self) -> None:
        if len(self.frame.columns):
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.frame.columns) - 1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.frame)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.frame.columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = str(self.frame.columns[index.column()])
        value = self.frame.iat[index.row(), index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return format_cell(column, value, self.currency)
        if role == Qt.ItemDataRole.TextAlignmentRole and not isinstance(value, str):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return report_column_label(str(self.frame.columns[section]))
        return None


class ReportView(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.report: Report | None = None
        self.headline = QGridLayout()
        self.headline.setHorizontalSpacing(28)
        self.chart = make_plot(self)
        self.chart.setMouseEnabled(x=False, y=False)
        self.chart.getAxis("left").setWidth(150)
        self.chart.setMinimumWidth(380)
        self.model = FrameModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.note = QLabel()
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.save_chart = QPushButton(icon("save"), "")
        self.save_chart.clicked.connect(lambda: self.export_chart())
        self.save_table = QPushButton(icon("save"), "")
        self.save_table.clicked.connect(lambda: self.export_table())
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.chart)
        split.addWidget(self.table)
        split.setSizes([460, 560])
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.save_chart)
        buttons.addWidget(self.save_table)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 6, 0, 0)
        lay.addLayout(self.headline)
        lay.addWidget(split, 1)
        lay.addLayout(buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.save_chart.setText(self.tr("Save chart as PNG…"))
        self.save_table.setText(self.tr("Save table as CSV or Excel…"))
        self.model.retranslate()

    def show_report(self, report: Report | None, category: str, value: str,
                    headline: list[tuple[str, str]], note: str) -> None:
        """Chart `value` per `category` (columns of report.table); figures above; our caveat below."""
        self.report = report
        self.note.setText(note)
        self.note.setToolTip(message(report.note) if report else "")
        while self.headline.count():
            self.headline.takeAt(0).widget().deleteLater()
        for i, (label, figure) in enumerate(headline):
            number = QLabel(figure)
            number.setObjectName("bigNumber")
            caption = QLabel(label)
            caption.setObjectName("hint")
            self.headline.addWidget(number, 0, i)
            self.headline.addWidget(caption, 1, i)
        self.model.set_frame(report.table if report else pd.DataFrame(), report.totals.get("currency") if report else None)
        self.chart.clear()
        for w in (self.save_chart, self.save_table):
            w.setEnabled(report is not None and len(report.table) > 0)
        if report is None or report.table.empty:
            return
        frame = report.table.head(15).iloc[::-1]  # the largest on top
        values = [0.0 if pd.isna(v) else float(v) for v in frame[value]]
        labels = [report_value_label(str(c)) for c in frame[category]]
        scale = 100.0 if value.endswith("share") else 1.0
        self.chart.addItem(pg.BarGraphItem(x0=0, y=list(range(len(values))), height=0.7,
                                           width=[v * scale for v in values], brush=BAR_COLOUR, pen=None))
        self.chart.getAxis("left").setTicks([list(enumerate(labels))])
        self.chart.getAxis("bottom").setLabel(report_column_label(value) + (" (%)" if scale == 100 else ""))
        self.chart.setYRange(-0.6, len(values) - 0.4, padding=0)
        self.chart.setXRange(0, max([v * scale for v in values] + [1e-9]) * 1.05, padding=0)

    def export_chart(self, target: Path | None = None) -> Path | None:
        if target is None:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Save chart"), str(Path.home() / "chart.png"),
                                                  self.tr("PNG images (*.png)"))
            if not name:
                return None
            target = Path(name)
        if not self.chart.grab().save(str(target), "PNG"):
            show_error(self, self.tr("Save chart"), UnicoError(self.tr("Cannot write %1").replace("%1", str(target))))
            return None
        return target

    def export_table(self, target: Path | None = None) -> Path | None:
        if self.report is None:
            return None
        if target is None:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Save table"), str(Path.home() / "report.xlsx"),
                                                  self.tr("Excel workbooks (*.xlsx);;CSV files (*.csv)"))
            if not name:
                return None
            target = Path(name)
        try:
            return self.report.write(target)
        except OSError as e:
            show_error(self, self.tr("Save table"), cannot_write(target, e))
        except UnicoError as e:
            show_error(self, self.tr("Save table"), e)
        return None
