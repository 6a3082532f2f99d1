"""A customer's journey: one lane per channel, a marker shape per event type, purchases sized by
amount, hover tooltips, zoom and pan, a range selection that filters the table below, and a
click on an event (or a table row) showing its details and the raw row it came from."""
from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QSplitter, QTableView, QTextBrowser, QVBoxLayout, QWidget

from app.gui.i18n import format_datetime, format_money
from app.gui.plots import make_plot
from app.gui.vocab import channel_label, event_type_label
from app.gui.widgets import Column, RowsModel

# Lanes from top to bottom; an unknown channel goes to "other".
LANES = ("store", "online_shop", "web", "email", "ads", "other")
LANE_COLOURS = {"store": "#b45309", "online_shop": "#2563eb", "web": "#0891b2", "email": "#7c3aed",
                "ads": "#db2777", "other": "#64748b"}
SYMBOLS = {"purchase": "o", "return": "x", "cart": "t1", "checkout": "t", "visit": "s", "email_sent": "h",
           "email_open": "d", "email_click": "star", "ad_click": "p", "lead": "crosshair",
           "subscribe": "+", "unsubscribe": "x", "points": "h", "other": "s"}


def marker_size(event: dict[str, Any]) -> float:
    """Purchases grow with the square root of the amount (area ∝ amount); other events are small."""
    if event.get("type") in ("purchase", "return") and event.get("amount"):
        return 9 + min(26.0, 2.2 * math.sqrt(abs(float(event["amount"]))))
    return 9


class JourneyView(QWidget):
    """The timeline and the filtered event table; `set_events` takes query.ProfileDetail.events."""

    event_selected = Signal(dict)

    def __init__(self, raw_loader: Callable[[int], Any] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.raw_loader = raw_loader
        self.events: list[dict[str, Any]] = []
        pg.setConfigOptions(antialias=True)
        self.axis = pg.DateAxisItem(orientation="bottom")
        self.plot = make_plot(self, axisItems={"bottom": self.axis})
        self.plot.setMinimumHeight(230)
        self.plot.showGrid(x=True, y=False, alpha=0.15)
        self.plot.setMouseEnabled(x=True, y=False)  # zoom and pan in time only; lanes stay put
        top = len(LANES) - 0.4
        self.plot.getViewBox().setLimits(yMin=-1, yMax=top + 0.5)
        self.plot.setYRange(-0.6, top, padding=0)
        self.plot.getAxis("left").setWidth(130)  # room for the lane names
        # The legend takes the title's row above the lanes, so it never covers an event.
        item = self.plot.getPlotItem()
        self.legend = item.addLegend(offset=None, colCount=5, labelTextSize="8pt")
        item.layout.removeItem(item.titleLabel)
        item.titleLabel.hide()
        item.layout.addItem(self.legend, 0, 1)
        self.region = pg.LinearRegionItem(brush=QColor(37, 99, 235, 16))
        self.region.setZValue(-10)
        self.region.sigRegionChanged.connect(self._filter)
        self.plot.addItem(self.region, ignoreBounds=True)
        self.scatters: list[pg.ScatterPlotItem] = []  # one per event type, so the legend names them

        self.model = RowsModel(self._columns())
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._row_selected(cur.row()))
        self.detail = QTextBrowser()
        self.detail.setMinimumWidth(260)
        self.range_label = QLabel()
        self.range_label.setObjectName("hint")
        self.range_label.setWordWrap(True)

        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(self.table)
        bottom.addWidget(self.detail)
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 2)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.plot)
        split.addWidget(bottom)
        split.setSizes([320, 300])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.range_label)
        lay.addWidget(split, 1)
        self.retranslate_ui()

    def _columns(self) -> list[Column]:
        return [
            Column(lambda: self.tr("When"), lambda e: format_datetime(e["occurred_at"])),
            Column(lambda: self.tr("Channel"), lambda e: channel_label(e["channel"])),
            Column(lambda: self.tr("Event"), lambda e: event_type_label(e["type"])),
            Column(lambda: self.tr("Amount"), lambda e: format_money(e["amount"], e.get("currency")),
                   Qt.AlignmentFlag.AlignRight),
            Column(lambda: self.tr("Where"), lambda e: e.get("store") or e.get("campaign") or e.get("utm_campaign") or ""),
            Column(lambda: self.tr("Source"), lambda e: e["source"]),
        ]

    def retranslate_ui(self) -> None:
        self.plot.getAxis("left").setTicks([[(self.lane_y(c), channel_label(c)) for c in LANES]])
        self.model.retranslate()
        self._update_range_label()
        if not self.detail.toPlainText():
            self.detail.setPlaceholderText(self.tr("Click an event to see its details and the row it came from."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.set_events(self.events)
        super().changeEvent(event)

    # -- data -------------------------------------------------------------------------------
    @staticmethod
    def lane_y(channel: str) -> int:
        """Lanes from the top: the store first."""
        return len(LANES) - 1 - LANES.index(channel if channel in LANES else "other")

    def set_events(self, events: list[dict[str, Any]]) -> None:
        self.events = list(events)
        for item in self.scatters:
            self.plot.removeItem(item)
        self.legend.clear()
        self.scatters = []
        by_type: dict[str, list[dict[str, Any]]] = {}
        for i, e in enumerate(self.events):
            colour = LANE_COLOURS[e["channel"] if e["channel"] in LANES else "other"]
            by_type.setdefault(e["type"], []).append({
                "pos": (e["ts"], self.lane_y(e["channel"])), "size": marker_size(e),
                "brush": pg.mkBrush(colour + ("cc" if e["type"] == "purchase" else "88")),
                "pen": pg.mkPen(colour, width=1.2), "data": i,
            })
        for event_type, spots in by_type.items():
            item = pg.ScatterPlotItem(spots, symbol=SYMBOLS.get(event_type, "s"), hoverable=True, tip=self._tip,
                                      hoverSize=16, name=event_type_label(event_type),
                                      brush=pg.mkBrush("#94a3b8"), pen=pg.mkPen("#475569"))
            item.sigClicked.connect(self._clicked)
            self.plot.addItem(item)
            self.scatters.append(item)
        self.detail.clear()
        if self.events:
            ts = np.array([e["ts"] for e in self.events], dtype=float)
            lo, hi = float(ts.min()), float(ts.max())
            pad = max((hi - lo) * 0.04, 86400.0)
            self.plot.setXRange(lo - pad, hi + pad, padding=0)
            self.region.setRegion((lo - pad / 2, hi + pad / 2))
        self._filter()

    def points(self) -> list[Any]:
        """Every marker on the timeline (its data() is the event's index in `events`)."""
        return [p for item in self.scatters for p in item.points()]

    def visible_events(self) -> list[dict[str, Any]]:
        lo, hi = self.region.getRegion()
        return [e for e in self.events if lo <= e["ts"] <= hi]

    def select_range(self, start_ts: float, end_ts: float) -> None:
        self.region.setRegion((start_ts, end_ts))

    def _filter(self) -> None:
        self.model.set_rows(self.visible_events())
        self._update_range_label()

    def _update_range_label(self) -> None:
        shown = self.model.rowCount()
        self.range_label.setText(
            self.tr("%1 of %2 events in the selected period. Drag the shaded band or its edges to change "
                    "the period; scroll to zoom, drag to pan.").replace("%1", str(shown)).replace("%2", str(len(self.events))))

    def _tip(self, x: float, y: float, data: int) -> str:
        e = self.events[data]
        parts = [event_type_label(e["type"]), format_datetime(e["occurred_at"]), channel_label(e["channel"])]
        if e.get("amount") is not None:
            parts.append(format_money(e["amount"], e.get("currency")))
        where = e.get("store") or e.get("campaign") or e.get("utm_campaign")
        if where:
            parts.append(where)
        return "\n".join(parts)

    def _clicked(self, _item: Any, points: Any, _ev: Any = None) -> None:
        if len(points):
            self.show_event(points[0].data())

    def show_event(self, index: int) -> None:
        """Select event `index` (of `events`): highlight its table row and show its details."""
        e = self.events[index]
        lo, hi = self.region.getRegion()
        if not lo <= e["ts"] <= hi:
            self.region.setRegion((min(lo, e["ts"]), max(hi, e["ts"])))
        row = self.model.rows.index(e)
        self.table.selectRow(row)
        self._show_detail(e)

    def _row_selected(self, row: int) -> None:
        if 0 <= row < len(self.model.rows):
            self._show_detail(self.model.rows[row])

    def _show_detail(self, e: dict[str, Any]) -> None:
        lines = [f"<h3>{event_type_label(e['type'])}</h3><table>"]
        facts = [
            (self.tr("When"), format_datetime(e["occurred_at"])),
            (self.tr("Channel"), channel_label(e["channel"])),
            (self.tr("Amount"), format_money(e["amount"], e.get("currency"))),
            (self.tr("Quantity"), e.get("quantity")),
            (self.tr("Store"), e.get("store")),
            (self.tr("Campaign"), e.get("campaign") or e.get("utm_campaign")),
            (self.tr("UTM source / medium"), " / ".join(x for x in (e.get("utm_source"), e.get("utm_medium")) if x)),
            (self.tr("Source"), e["source"]),
            (self.tr("Event ID"), e.get("external_id")),
        ]
        for label, value in facts:
            if value not in (None, ""):
                lines.append(f"<tr><td style='color:#64748b;padding-right:10px'>{label}</td><td>{_esc(value)}</td></tr>")
        lines.append("</table>")
        raw = self.raw_loader(e["id"]) if self.raw_loader else None
        if raw:
            row = _esc(json.dumps(raw, ensure_ascii=False, indent=1))
            lines.append(f"<h4>{self.tr('Row as read from the file')}</h4><pre>{row}</pre>")
        self.detail.setHtml("".join(lines))
        self.event_selected.emit(e)


def _esc(value: Any) -> str:
    return str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
