"""The welcome screen: open the demo shop, create a workspace, or import files."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from app.gui import vocab
from app.gui.jobs import Job, WorkspaceSession
from app.gui.widgets import Retranslating, icon

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow


class WelcomeScreen(Retranslating, QWidget):
    def __init__(self, window: "MainWindow"):
        super().__init__()
        self.window_ = window
        self.logo = QLabel()
        self.logo.setPixmap(icon("app").pixmap(QSize(72, 72)))
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo.setMinimumHeight(80)
        self.title = QLabel()
        self.title.setObjectName("screenTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.intro = QLabel()
        self.intro.setObjectName("screenSubtitle")
        self.intro.setWordWrap(True)
        self.intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.workspace_label = QLabel()
        self.workspace_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.demo_button = self._action_button("demo", window.open_demo)
        self.new_button = self._action_button("new", window.new_workspace_dialog)
        self.import_button = self._action_button("import", lambda: window.import_files())
        self.demo_progress = QProgressBar()
        self.demo_progress.setRange(0, 1000)
        self.demo_progress.setVisible(False)
        self.demo_message = QLabel()
        self.demo_message.setObjectName("hint")
        self.demo_message.setVisible(False)

        card = QFrame()
        card.setObjectName("card")
        card.setFixedWidth(620)  # the longest Italian line fits
        inner = QVBoxLayout(card)
        inner.setContentsMargins(32, 28, 32, 28)
        inner.setSpacing(10)
        inner.addWidget(self.logo)
        inner.addWidget(self.title)
        inner.addWidget(self.intro)
        inner.addSpacing(10)
        for w in (self.demo_button, self.demo_progress, self.demo_message, self.new_button, self.import_button):
            inner.addWidget(w)
        inner.addSpacing(6)
        inner.addWidget(self.workspace_label)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        window.pool.job_submitted.connect(self._maybe_track_demo)
        window.counts_changed.connect(lambda _c: self._update_workspace_label())
        self.retranslate_ui()

    def _action_button(self, icon_name: str, slot) -> "ActionButton":
        button = ActionButton(icon_name)
        button.clicked.connect(lambda: slot())
        return button

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Welcome to Unico"))
        self.intro.setText(self.tr(
            "One view of each customer across your shop's channels: import your till, online shop, "
            "newsletter and lead exports, check the matches, and see every customer's journey."))
        self.demo_button.set_text(self.tr("Explore the demo shop"),
                                  self.tr("A ready-made Italian retailer with five channels"))
        self.new_button.set_text(self.tr("Create a workspace"), self.tr("An empty file for your own shop's data"))
        self.import_button.set_text(self.tr("Import files"),
                                    self.tr("Till, Shopify, Mailchimp, leads, web analytics, spreadsheets…"))
        self.demo_button.setToolTip(self.window_.act_demo.toolTip())
        self.new_button.setToolTip(self.window_.act_new.toolTip())
        self.import_button.setToolTip(self.window_.act_import.toolTip())
        self._update_workspace_label()

    def set_session(self, session: WorkspaceSession | None) -> None:
        self.import_button.setEnabled(session is not None)
        self._update_workspace_label()

    def _update_workspace_label(self) -> None:
        session = self.window_.session
        if session is None:
            self.workspace_label.setText(self.tr("No workspace is open yet."))
        else:
            self.workspace_label.setText(self.tr("Open workspace: %1").replace("%1", session.name))

    def _maybe_track_demo(self, job: Job) -> None:
        if job.key != "demo":
            return
        self.demo_progress.setValue(0)
        self.demo_progress.setVisible(True)
        self.demo_message.setVisible(True)
        self.demo_message.setText(job.label)
        self.demo_button.setEnabled(False)
        job.progressed.connect(self._demo_progress)
        job.finished.connect(self._demo_done)

    def _demo_progress(self, fraction: float, message: str) -> None:
        self.demo_progress.setValue(int(fraction * 1000))
        self.demo_progress.setToolTip(vocab.message(message))  # the core's detail, translated when it can be

    def _demo_done(self) -> None:
        self.demo_progress.setVisible(False)
        self.demo_message.setVisible(False)
        self.demo_button.setEnabled(True)


class ActionButton(QPushButton):
    """A large button with an icon, a title and a line of explanation."""

    def __init__(self, icon_name: str):
        super().__init__()
        self.setObjectName("welcomeAction")
        picture = QLabel()
        picture.setPixmap(icon(icon_name).pixmap(QSize(28, 28)))
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: 600; font-size: 11pt; background: transparent;")
        self.detail = QLabel()
        self.detail.setObjectName("hint")
        self.detail.setStyleSheet("background: transparent;")
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title)
        text.addWidget(self.detail)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(16, 10, 16, 10)
        lay.setSpacing(14)
        lay.addWidget(picture)
        lay.addLayout(text, 1)
        for label in (picture, self.title, self.detail):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def set_text(self, title: str, detail: str) -> None:
        self.title.setText(title)
        self.detail.setText(detail)
        self.setAccessibleName(title)
        self.setMinimumHeight(self.layout().sizeHint().height())
