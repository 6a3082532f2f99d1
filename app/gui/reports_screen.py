"""The Reports screen. Until the analytics API joins the app it says what will come here."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from app.gui.jobs import WorkspaceSession
from app.gui.widgets import ScreenHeader

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow


class ReportsScreen(QWidget):
    def __init__(self, window: "MainWindow"):
        super().__init__()
        self.header = ScreenHeader()
        self.body = QLabel()
        self.body.setObjectName("placeholder")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        card = QFrame()
        card.setObjectName("card")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(24, 20, 24, 20)
        inner.addWidget(self.body)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 20)
        lay.addWidget(self.header)
        lay.addWidget(card)
        lay.addStretch(1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.header.set_text(self.tr("Reports"), self.tr("What each channel brings, online and in the store."))
        items = [
            self.tr("Channel contribution: first touch, last touch, last non-direct, linear, time decay, "
                    "position-based, Markov chain and Shapley value, by channel or by campaign."),
            self.tr("ROPO (research online, purchase offline): the share of store revenue whose buyer was "
                    "online in the days before, by city, province or any profile attribute."),
            self.tr("Identification rate: how much store revenue is tied to a known customer."),
            self.tr("Every chart exportable as PNG and every table as CSV or Excel."),
        ]
        self.body.setText("<p>" + self.tr("This screen is coming in the next version of Unico. It will show:")
                          + "</p><ul>" + "".join(f"<li>{t}</li>" for t in items) + "</ul><p>"
                          + self.tr("Meanwhile the reports are available from the command line: "
                                    "<code>unico report contribution</code>, <code>unico report ropo</code>, "
                                    "<code>unico report identification</code>.") + "</p>")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_session(self, session: WorkspaceSession | None) -> None:
        """Nothing to load until the analytics screen exists."""
