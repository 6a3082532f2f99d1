"""The Profiles screen: a searchable list of profiles over a lazy model; a profile opens its page."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.queries import search_profile_ids
from app.gui.i18n import format_number
from app.gui.jobs import Job, WorkspaceSession
from app.gui.profile_page import ProfilePage
from app.gui.profiles_model import ProfilesModel
from app.gui.widgets import Retranslating, ScreenHeader, icon, with_shortcut

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow

SEARCH_DELAY_MS = 180  # wait for the user to pause typing before searching


class ProfilesScreen(Retranslating, QWidget):
    def __init__(self, window: "MainWindow"):
        super().__init__()
        self.window_ = window
        self.session: WorkspaceSession | None = None
        self._stale = False
        self.header = ScreenHeader()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self.open_current)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.count = QLabel()
        self.count.setObjectName("hint")
        self.model = ProfilesModel(lambda: self.session.reader if self.session else None, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row sizing
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((200, 220, 130, 120, 170, 70)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.table.activated.connect(lambda index: self.open_row(index.row()))

        list_page = QWidget()
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        lay = QVBoxLayout(list_page)
        lay.setContentsMargins(24, 20, 24, 12)
        lay.addWidget(self.header)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)

        self.page = ProfilePage(window)
        self.page.back_requested.connect(self.show_list)
        self.pages = QStackedWidget()
        self.pages.addWidget(list_page)
        self.pages.addWidget(self.page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        self.find_shortcut = QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.header.set_text(self.tr("Profiles"), self.tr("One row per customer, across every source."))
        self.search.setPlaceholderText(self.tr("Search by name, email, phone, city or source"))
        self.search.setToolTip(with_shortcut(self.tr("Search profiles"),
                                             self.find_shortcut.key().toString(QKeySequence.SequenceFormat.NativeText)))
        self.model.retranslate()
        self._update_count()

    def set_session(self, session: WorkspaceSession | None) -> None:
        self.session = session
        self.page.set_session(session)
        self.show_list()
        self.model.set_ids([])
        self._update_count()
        if session is not None:
            session.changed.connect(self._data_changed)
            self.run_search()

    def _data_changed(self, _what: str) -> None:
        """Profiles change with every merge; hidden, we only note it and refresh when shown."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self.model.invalidate()
        self.run_search()
        if self.pages.currentWidget() is self.page:
            self.page.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._data_changed("data")

    def run_search(self) -> Job | None:
        if self.session is None:
            return None
        text = self.search.text()
        job = self.session.read(lambda ws, _p: search_profile_ids(ws, text), self.tr("Searching profiles"),
                                key="profile-search")
        job.succeeded.connect(self._show_ids)
        return job

    def _show_ids(self, ids: list[int]) -> None:
        self.model.set_ids(ids)
        self._update_count()
        if ids:
            self.table.selectRow(0)

    def _update_count(self) -> None:
        self.count.setText(self.tr("%1 profiles").replace("%1", format_number(len(self.model.ids))))

    def _focus_search(self) -> None:
        self.show_list()
        self.search.setFocus()
        self.search.selectAll()

    def open_current(self) -> None:
        index: QModelIndex = self.table.currentIndex()
        if index.isValid():
            self.open_row(index.row())

    def open_row(self, row: int) -> None:
        if 0 <= row < len(self.model.ids):
            self.show_profile(self.model.ids[row])

    def show_profile(self, profile_id: int) -> ProfilePage:
        self.pages.setCurrentWidget(self.page)
        self.page.load(profile_id)
        return self.page

    def show_list(self) -> None:
        self.pages.setCurrentIndex(0)
