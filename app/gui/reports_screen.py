"""The Reports screen: channel contribution, ROPO and the identification rate, each computed by
the analytics core on a reader thread when shown (and again when its parameters or the data
change), drawn as a bar chart beside its table."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QTabWidget, QVBoxLayout, QWidget

from app.core.analytics import MODELS, contribution_report, identification_report, ropo_report
from app.core.analytics.attributes import breakdown_fields
from app.gui.i18n import format_money, format_number, format_percent
from app.gui.jobs import Job, WorkspaceSession
from app.gui.report_view import ReportView
from app.gui.vocab import breakdown_label
from app.gui.widgets import Retranslating, ScreenHeader

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow

RERUN_DELAY_MS = 300  # let the user finish changing a parameter


def _days_box(value: int, maximum: int = 365) -> QSpinBox:
    box = QSpinBox()
    box.setRange(1, maximum)
    box.setValue(value)
    return box


class ContributionPage(Retranslating, QWidget):
    def __init__(self, screen: "ReportsScreen"):
        super().__init__()
        settings = screen.window_.settings
        self.model = QComboBox()
        for m in MODELS:
            self.model.addItem("", m)
        self.model.setCurrentIndex(max(0, self.model.findData(settings.get("reports/attribution_model"))))
        self.by = QComboBox()
        for b in ("channel", "campaign"):
            self.by.addItem("", b)
        self.value = QComboBox()
        for v in ("conversions", "revenue"):
            self.value.addItem("", v)
        self.window_days = _days_box(settings.get("reports/lookback_days"))
        self.half_life = _days_box(settings.get("reports/half_life_days"), 90)
        self.labels = [QLabel() for _ in range(5)]
        self.view = ReportView()
        controls = QHBoxLayout()
        for label, w in zip(self.labels, (self.model, self.by, self.value, self.window_days, self.half_life)):
            controls.addWidget(label)
            controls.addWidget(w)
            if isinstance(w, QComboBox):
                w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
                w.setMinimumContentsLength(8)
                w.currentIndexChanged.connect(screen.schedule)
            else:
                w.valueChanged.connect(screen.schedule)
        controls.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addLayout(controls)
        lay.addWidget(self.view, 1)
        self.report = None
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        names = {"first": self.tr("First touch"), "last": self.tr("Last touch"),
                 "last-non-direct": self.tr("Last non-direct touch"), "linear": self.tr("Linear"),
                 "time-decay": self.tr("Time decay"), "position": self.tr("Position-based (40/20/40)"),
                 "markov": self.tr("Markov chain (removal effect)"), "shapley": self.tr("Shapley value")}
        for i in range(self.model.count()):
            self.model.setItemText(i, names[self.model.itemData(i)])
        self.by.setItemText(0, self.tr("by channel"))
        self.by.setItemText(1, self.tr("by campaign"))
        self.value.setItemText(0, self.tr("purchases"))
        self.value.setItemText(1, self.tr("revenue"))
        for label, text in zip(self.labels, (self.tr("Model"), self.tr("View"), self.tr("Chart"),
                                             self.tr("Window"), self.tr("Half-life"))):
            label.setText(text)
        for box in (self.window_days, self.half_life):
            box.setSuffix(self.tr(" days"))
        self.show_report(self.report)

    def compute(self):
        model, by, window, half_life = (self.model.currentData(), self.by.currentData(), self.window_days.value(),
                                        self.half_life.value())
        return lambda ws, p: contribution_report(ws, model=model, by=by, window_days=window,
                                                 half_life_days=half_life, progress=p)

    def show_report(self, report) -> None:
        self.report = report
        t = report.totals if report else {}
        currency = t.get("currency")
        headline = [(self.tr("Identified purchases"), format_number(t.get("conversions"))),
                    (self.tr("Their revenue"), format_money(t.get("revenue"), currency)),
                    (self.tr("Purchases with no touch before"), format_number(t.get("conversions_without_touch"))),
                    (self.tr("Anonymous purchases (not credited)"), format_number(t.get("anonymous_conversions")))]
        value = self.value.currentData()
        self.view.show_report(report, self.by.currentData(), "conversions" if value == "conversions" else "revenue",
                              headline if report else [], self.tr(
                                  "Credits share out each purchase among the touches before it in the window: they "
                                  "describe the paths customers took, not what each channel caused."))


class RopoPage(Retranslating, QWidget):
    def __init__(self, screen: "ReportsScreen"):
        super().__init__()
        self.window_days = _days_box(screen.window_.settings.get("reports/lookback_days"), 180)
        self.by = QComboBox()
        self.by.addItem("", None)
        for name in breakdown_fields():
            self.by.addItem("", name)
        self.by.setCurrentIndex(max(0, self.by.findData("near_store")))
        self.labels = [QLabel(), QLabel()]
        self.view = ReportView()
        controls = QHBoxLayout()
        for label, w in zip(self.labels, (self.window_days, self.by)):
            controls.addWidget(label)
            controls.addWidget(w)
        self.window_days.valueChanged.connect(screen.schedule)
        self.by.currentIndexChanged.connect(screen.schedule)
        controls.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addLayout(controls)
        lay.addWidget(self.view, 1)
        self.report = None
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.labels[0].setText(self.tr("Online touch within"))
        self.labels[1].setText(self.tr("Break down by"))
        self.window_days.setSuffix(self.tr(" days"))
        self.by.setItemText(0, self.tr("(no breakdown)"))
        for i in range(1, self.by.count()):
            self.by.setItemText(i, breakdown_label(self.by.itemData(i)))
        self.show_report(self.report)

    def compute(self):
        window, by = self.window_days.value(), self.by.currentData()
        return lambda ws, p: ropo_report(ws, window_days=window, by=by, progress=p)

    def show_report(self, report) -> None:
        self.report = report
        t = report.totals if report else {}
        currency = t.get("currency")
        median = t.get("median_lag_days")
        headline = [(self.tr("Identified store revenue"), format_money(t.get("store_revenue_identified"), currency)),
                    (self.tr("of which assisted online (ROPO)"), format_money(t.get("ropo_revenue"), currency)),
                    (self.tr("ROPO share"), format_percent(t.get("ropo_share"))),
                    (self.tr("Median days from touch to purchase"),
                     "" if median is None else format_number(median, 1))]
        self.view.show_report(report, "group", "ropo_share", headline if report else [], self.tr(
            "Assisted, not caused: these store purchases followed an online touch by the same person; "
            "a holdout group would be needed to say the touch made the sale."))


class IdentificationPage(Retranslating, QWidget):
    def __init__(self, screen: "ReportsScreen"):
        super().__init__()
        self.by = QComboBox()
        for b in ("store", "month"):
            self.by.addItem("", b)
        self.by.currentIndexChanged.connect(screen.schedule)
        self.label = QLabel()
        self.view = ReportView()
        controls = QHBoxLayout()
        controls.addWidget(self.label)
        controls.addWidget(self.by)
        controls.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addLayout(controls)
        lay.addWidget(self.view, 1)
        self.report = None
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.label.setText(self.tr("By"))
        self.by.setItemText(0, self.tr("store"))
        self.by.setItemText(1, self.tr("month"))
        self.show_report(self.report)

    def compute(self):
        by = self.by.currentData()
        return lambda ws, p: identification_report(ws, by=by, progress=p)

    def show_report(self, report) -> None:
        self.report = report
        t = report.totals if report else {}
        headline = [(self.tr("Store revenue tied to a known customer"), format_percent(t.get("revenue_share"))),
                    (self.tr("Receipts tied to a known customer"), format_percent(t.get("receipt_share"))),
                    (self.tr("Store receipts"), format_number(t.get("receipts")))]
        self.view.show_report(report, self.by.currentData(), "revenue_share", headline if report else [], self.tr(
            "A receipt is identified when it names a known person: a loyalty card or an e-receipt email."))


class ReportsScreen(Retranslating, QWidget):
    def __init__(self, window: "MainWindow"):
        super().__init__()
        self.window_ = window
        self.session: WorkspaceSession | None = None
        self.stale = True
        self.job: Job | None = None
        self.header = ScreenHeader()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(RERUN_DELAY_MS)
        self.timer.timeout.connect(self.run)
        self.pages = [ContributionPage(self), RopoPage(self), IdentificationPage(self)]
        self.tabs = QTabWidget()
        for page in self.pages:
            self.tabs.addTab(page, "")
        self.tabs.currentChanged.connect(lambda _i: self.run())
        self.status = QLabel()
        self.status.setObjectName("hint")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 12)
        lay.addWidget(self.header)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(self.status)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.header.set_text(self.tr("Reports"), self.tr("What each channel brings, online and in the store."))
        for i, text in enumerate((self.tr("Channel contribution"), self.tr("ROPO: online, then in store"),
                                  self.tr("Identification rate"))):
            self.tabs.setTabText(i, text)

    def set_session(self, session: WorkspaceSession | None) -> None:
        self.session = session
        for page in self.pages:
            page.show_report(None)
        self._mark_stale()
        if session is not None:
            session.changed.connect(self._mark_stale)

    def _mark_stale(self, *_: object) -> None:
        """Reports read every event: computed when looked at, not after each change."""
        self.stale = True
        if self.isVisible():
            self.run()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.run()

    def schedule(self, *_: object) -> None:
        self.timer.start()

    @property
    def current(self):
        return self.pages[self.tabs.currentIndex()]

    def run(self) -> Job | None:
        if self.session is None or not self.isVisible():
            return None
        self.stale = False
        page = self.current
        self.status.setText(self.tr("Computing…"))
        self.job = self.session.read(page.compute(), self.tr("Computing the report"), key="report", quiet=False)
        self.job.succeeded.connect(page.show_report)
        self.job.finished.connect(lambda: self.status.clear())
        return self.job
