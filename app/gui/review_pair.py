"""One review pair on screen: the two records side by side with fields aligned, differences
highlighted, and each field's evidence as a horizontal bar (the waterfall of `explain`)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QLabel, QProgressBar, QStyledItemDelegate, QStyleOptionViewItem, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.core.fields import IDENTITY_FIELDS
from app.gui.i18n import format_number, format_percent
from app.gui.vocab import channel_label, evidence_label

# Which record fields sit beside each comparison of the matcher (its names are settings' comparisons).
COMPARED_FIELDS: dict[str, tuple[str, ...]] = {
    "first_name": ("first_name",), "last_name": ("last_name",), "birth_date": ("birth_date",),
    "email": ("email",), "phone": ("mobile", "phone"), "address": ("address", "street_number"),
    "postcode": ("postcode",), "city": ("city",), "province": ("province",), "gender": ("gender",),
    "codice_fiscale": ("codice_fiscale",), "national_id": ("national_id",), "customer_id": ("customer_id",),
    "loyalty_card": ("loyalty_card",), "email_hints": ("email",),
}
# A record written with one full-name column is compared on the names split from it: show that.
FALLBACK = {"first_name": "full_name", "last_name": "full_name"}
WEIGHT_ROLE = Qt.ItemDataRole.UserRole + 1
BAR_SCALE = 12.0  # bits at which a bar fills its half of the cell
SAME, DIFFERENT = QColor("#ecfdf5"), QColor("#fff7ed")


@dataclass
class PairData:
    """A pair with both records loaded, ready to show without touching the database."""

    pair: Any  # app.core.matching.ReviewPair
    left: dict[str, Any]  # queries.records_by_ids row
    right: dict[str, Any]


def _value(record: dict[str, Any], names: tuple[str, ...]) -> str:
    values = [str(record["fields"].get(n)) for n in names if record["fields"].get(n) not in (None, "")]
    return " ".join(values)


def _same(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def pair_rows(data: PairData) -> list[dict[str, Any]]:
    """Aligned rows: every compared field (with its evidence), then other identity fields either
    record holds. `differs` is True when both records have a value and the values differ."""
    rows, shown = [], set()
    for e in data.pair.evidence:
        names = COMPARED_FIELDS.get(e["field"], ())
        left, right = _value(data.left, names), _value(data.right, names)
        if e["field"] in FALLBACK:
            left = left or _value(data.left, (FALLBACK[e["field"]],))
            right = right or _value(data.right, (FALLBACK[e["field"]],))
            shown.add(FALLBACK[e["field"]])
        rows.append({"field": e["field"], "left": left, "right": right, "weight": float(e["weight"]),
                     "level": e["label"]})
        shown.update(names)
    for name in IDENTITY_FIELDS:
        if name in shown:
            continue
        left, right = _value(data.left, (name,)), _value(data.right, (name,))
        if left or right:
            rows.append({"field": name, "left": left, "right": right, "weight": None, "level": ""})
    for row in rows:
        row["differs"] = bool(row["left"] and row["right"] and not _same(row["left"], row["right"]))
    return rows


class EvidenceDelegate(QStyledItemDelegate):
    """Paints a bar from the centre: right and green for evidence for the match, left and red against."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().paint(painter, option, index)
        weight = index.data(WEIGHT_ROLE)
        if weight is None:
            return
        r = QRectF(option.rect).adjusted(6, 6, -6, -6)
        mid = r.center().x()
        half = r.width() / 2
        length = max(2.0, min(1.0, abs(weight) / BAR_SCALE) * half)
        bar = QRectF(mid, r.top(), length, r.height()) if weight >= 0 else QRectF(mid - length, r.top(), length, r.height())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor("#16a34a") if weight >= 0 else QColor("#dc2626")))
        painter.drawRoundedRect(bar, 3, 3)
        painter.setPen(QColor("#94a3b8"))
        painter.drawLine(int(mid), int(r.top()) - 3, int(mid), int(r.bottom()) + 3)
        painter.restore()


class PairView(QWidget):
    """The comparison table and the probability; `show_pair(None)` clears it."""

    FIELD, LEFT, RIGHT, EVIDENCE, WEIGHT = range(5)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.data: PairData | None = None
        self.probability = QLabel()
        self.probability.setObjectName("bigNumber")
        self.probability_bar = QProgressBar()
        self.probability_bar.setRange(0, 1000)
        self.probability_bar.setTextVisible(False)
        self.probability_bar.setMaximumHeight(8)
        self.records = QLabel()
        self.records.setObjectName("hint")
        self.records.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, 5)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setItemDelegateForColumn(self.EVIDENCE, EvidenceDelegate(self.table))
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(self.FIELD, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(self.LEFT, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(self.RIGHT, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(self.EVIDENCE, QHeaderView.ResizeMode.Fixed)
        head.setSectionResizeMode(self.WEIGHT, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(self.WEIGHT, 250)
        self.table.setWordWrap(False)
        self.table.setColumnWidth(self.EVIDENCE, 190)
        self.table.verticalHeader().setDefaultSectionSize(30)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.probability)
        lay.addWidget(self.probability_bar)
        lay.addWidget(self.records)
        lay.addWidget(self.table, 1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.show_pair(self.data)

    def _set_headers(self) -> None:
        """Columns named by source and channel; the full record references go on the line above."""
        left = right = self.tr("Record")
        if self.data:
            left, right = (f"{r['source']} · {channel_label(r['channel'])}" for r in (self.data.left, self.data.right))
            self.records.setText(f"{self.data.left['ref']}   ↔   {self.data.right['ref']}")
        else:
            self.records.clear()
        self.table.setHorizontalHeaderLabels([self.tr("Field"), left, right, self.tr("Evidence"), self.tr("Found")])

    def show_pair(self, data: PairData | None) -> None:
        self.data = data
        self._set_headers()
        if data is None:
            self.probability.setText("")
            self.probability_bar.setValue(0)
            self.table.setRowCount(0)
            return
        p = data.pair.probability
        self.probability.setText(self.tr("Same person: %1 likely").replace("%1", format_percent(p)))
        self.probability_bar.setValue(int(p * 1000))
        rows = pair_rows(data)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            name = QTableWidgetItem(evidence_label(row["field"]))
            left, right = QTableWidgetItem(row["left"]), QTableWidgetItem(row["right"])
            if row["left"] and row["right"]:
                colour = DIFFERENT if row["differs"] else SAME
                left.setBackground(colour)
                right.setBackground(colour)
            bar = QTableWidgetItem()
            bar.setData(WEIGHT_ROLE, row["weight"])
            level = evidence_label(row["level"])
            bar.setToolTip(level)
            name.setToolTip(level)
            bits = "" if row["weight"] is None else ("+" if row["weight"] >= 0 else "") + format_number(row["weight"], 1)
            weight = QTableWidgetItem(f"{bits}  {level}" if bits else "")
            for c, item in enumerate((name, left, right, bar, weight)):
                self.table.setItem(r, c, item)
