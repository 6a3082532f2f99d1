"""A profile's page: golden record with where each value came from, member records, consent,
the journey and the history of decisions. Loaded on a reader thread."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.fields import FIELDS, IDENTITY_FIELDS
from app.core.queries import ProfileDetail, event_raw, profile_detail
from app.gui.i18n import format_date, format_datetime
from app.gui.jobs import Job, WorkspaceSession
from app.gui.journey import JourneyView
from app.gui.vocab import channel_label, consent_label, decision_label, field_label
from app.gui.widgets import Column, RowsModel, table_view, with_shortcut

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow

SHOWN_FIELDS = [f.name for f in FIELDS if f.identity or f.name in ("company", "tags", "home_store")]


def golden_rows(detail: ProfileDetail) -> list[dict[str, Any]]:
    """Rows of (field, value, sources, date). From the golden record when the profile has one,
    else every distinct value the member records hold, with the sources that hold it."""
    rows: list[dict[str, Any]] = []
    if detail.golden:
        for name, entry in detail.golden.items():
            if isinstance(entry, dict) and "value" in entry:
                rows.append({"field": name, "value": entry.get("value"), "sources": entry.get("source") or "",
                             "at": entry.get("at") or entry.get("date")})
            elif name in IDENTITY_FIELDS or not isinstance(entry, (dict, list)):
                rows.append({"field": name, "value": entry, "sources": "", "at": None})
        return rows
    for name in SHOWN_FIELDS:
        seen: dict[str, dict[str, Any]] = {}
        for rec in detail.records:
            value = rec["fields"].get(name)
            if value in (None, ""):
                continue
            row = seen.setdefault(str(value), {"field": name, "value": value, "sources": [], "at": None})
            if rec["source"] not in row["sources"]:
                row["sources"].append(rec["source"])
            row["at"] = max(filter(None, (row["at"], rec["updated_at"])), default=None)
        for row in seen.values():
            row["sources"] = ", ".join(row["sources"])
            rows.append(row)
    return rows


class ProfilePage(QWidget):
    back_requested = Signal()

    def __init__(self, window: "MainWindow"):
        super().__init__()
        self.window_ = window
        self.session: WorkspaceSession | None = None
        self.profile_id: int | None = None
        self.detail: ProfileDetail | None = None
        self.back = QPushButton()
        self.back.clicked.connect(self.back_requested)
        self.back_action = QAction(self)
        self.back_action.setShortcut(QKeySequence("Alt+Left"))
        self.back_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.back_action.triggered.connect(self.back_requested)
        self.addAction(self.back_action)
        self.name = QLabel()
        self.name.setObjectName("screenTitle")
        self.summary = QLabel()
        self.summary.setObjectName("screenSubtitle")
        self.summary.setWordWrap(True)

        self.golden_model = RowsModel([
            Column(lambda: self.tr("Field"), lambda r: field_label(r["field"])),
            Column(lambda: self.tr("Value"), lambda r: r["value"]),
            Column(lambda: self.tr("From"), lambda r: r["sources"]),
            Column(lambda: self.tr("Updated"), lambda r: format_date(r["at"])),
        ])
        self.records_model = RowsModel([
            Column(lambda: self.tr("Record"), lambda r: r["ref"]),
            Column(lambda: self.tr("Channel"), lambda r: channel_label(r["channel"])),
            Column(lambda: self.tr("Name"), lambda r: r["fields"].get("full_name") or " ".join(
                filter(None, (r["fields"].get("first_name"), r["fields"].get("last_name"))))),
            Column(lambda: self.tr("Email"), lambda r: r["fields"].get("email")),
            Column(lambda: self.tr("Phone"), lambda r: r["fields"].get("mobile") or r["fields"].get("phone")),
            Column(lambda: self.tr("City"), lambda r: r["fields"].get("city")),
            Column(lambda: self.tr("Updated"), lambda r: format_date(r["updated_at"])),
        ])
        self.consent_model = RowsModel([
            Column(lambda: self.tr("Record"), lambda r: r["ref"]),
            Column(lambda: self.tr("Email"), lambda r: consent_label(r["email_consent"])),
            Column(lambda: self.tr("Email since"), lambda r: format_date(r["email_consent_at"])),
            Column(lambda: self.tr("SMS"), lambda r: consent_label(r["sms_consent"])),
            Column(lambda: self.tr("SMS since"), lambda r: format_date(r["sms_consent_at"])),
        ])
        self.history_model = RowsModel([
            Column(lambda: self.tr("When"), lambda d: format_datetime(d["ts"])),
            Column(lambda: self.tr("Decision"), lambda d: decision_label(d["kind"])
                   + (" " + self.tr("(undone)") if d["undone"] else "")),
            Column(lambda: self.tr("By"), lambda d: self.tr("Unico") if d["actor"] == "auto" else d["actor"]),
            Column(lambda: self.tr("Records"), lambda d: " ↔ ".join(filter(None, (d["a_ref"], d["b_ref"])))),
            Column(lambda: self.tr("Probability"), lambda d: "" if d["probability"] is None else f"{d['probability']:.1%}"),
            Column(lambda: self.tr("Reason"), lambda d: d["reason"]),
        ])
        self.consent_note = QLabel()
        self.consent_note.setObjectName("hint")
        self.consent_note.setWordWrap(True)
        self.journey = JourneyView(self._event_raw)

        self.tabs = QTabWidget()
        self.tabs.addTab(table_view(self.golden_model), "")
        self.tabs.addTab(table_view(self.records_model), "")
        consent = QWidget()
        cl = QVBoxLayout(consent)
        cl.addWidget(self.consent_note)
        cl.addWidget(table_view(self.consent_model), 1)
        self.tabs.addTab(consent, "")
        self.tabs.addTab(self.journey, "")
        self.tabs.addTab(table_view(self.history_model), "")

        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 14, 24, 12)
        lay.addLayout(top)
        lay.addWidget(self.name)
        lay.addWidget(self.summary)
        lay.addWidget(self.tabs, 1)
        self.retranslate_ui()

    JOURNEY_TAB = 3

    def retranslate_ui(self) -> None:
        self.back.setText(self.tr("← All profiles"))
        self.back.setToolTip(with_shortcut(self.tr("Back to the list"), "Alt+←"))
        self.back_action.setText(self.tr("Back to the list"))
        for i, text in enumerate((self.tr("Golden record"), self.tr("Records"), self.tr("Consent"),
                                  self.tr("Journey"), self.tr("History"))):
            self.tabs.setTabText(i, text)
        self.consent_note.setText(self.tr(
            "Consent as each source states it. A refusal, an unsubscribe or a bounced address in any "
            "source counts unless a newer explicit opt-in exists."))
        for model in (self.golden_model, self.records_model, self.consent_model, self.history_model):
            model.retranslate()
        self._show_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_session(self, session: WorkspaceSession | None) -> None:
        self.session = session
        self.profile_id = None
        self._show(None)

    def load(self, profile_id: int) -> Job | None:
        self.profile_id = profile_id
        if self.session is None:
            return None
        if self.detail is None or self.detail.summary["id"] != profile_id:
            self._show(None)
            self.name.setText(self.tr("Loading…"))
        self.tabs.setFocus()  # the page's keys (Alt+←) work at once
        job = self.session.read(lambda ws, _p: profile_detail(ws, profile_id), self.tr("Opening the profile"),
                                key="profile-detail")
        job.succeeded.connect(self._show)
        return job

    def reload(self) -> None:
        if self.profile_id is not None:
            self.load(self.profile_id)

    def _show(self, detail: ProfileDetail | None) -> None:
        self.detail = detail
        self.golden_model.set_rows(golden_rows(detail) if detail else [])
        self.records_model.set_rows(detail.records if detail else [])
        self.consent_model.set_rows(detail.records if detail else [])
        self.history_model.set_rows(detail.decisions if detail else [])
        self.journey.set_events(detail.events if detail else [])
        self._show_summary()

    def _show_summary(self) -> None:
        d = self.detail
        if d is None:
            if self.profile_id is None:
                self.name.setText("")
                self.summary.setText("")
            return
        s = d.summary
        self.name.setText(s["display_name"] or self.tr("Profile %1").replace("%1", str(s["id"])))
        parts = [p for p in (s["email"], s["phone"], s["city"]) if p]
        parts.append(self.tr("%n record(s)", "", len(d.records)))
        parts.append(self.tr("%n event(s)", "", len(d.events)))
        if s["last_activity"]:
            parts.append(self.tr("last activity %1").replace("%1", format_date(s["last_activity"])))
        self.summary.setText("  ·  ".join(parts))

    def _event_raw(self, event_id: int) -> Any:
        return event_raw(self.session.reader, event_id) if self.session else None

    def show_journey(self) -> JourneyView:
        self.tabs.setCurrentIndex(self.JOURNEY_TAB)
        return self.journey

