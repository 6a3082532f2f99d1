"""A profile's page: the golden record with where each value came from, the member records with
unmerge and merge, consent with its reasoning, the journey and the history of decisions.
Read through the profiles service on a reader thread; merges and unmerges go to the writer."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFormLayout, QGroupBox, QHBoxLayout, QInputDialog, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget,
)

from app.core.profiles import service as profiles
from app.core.queries import event_raw
from app.gui.i18n import format_date, format_datetime, format_percent
from app.gui.jobs import Job, WorkspaceSession
from app.gui.journey import JourneyView
from app.gui.vocab import (
    basis_label, channel_label, consent_label, decision_label, field_label, message, rule_label,
)
from app.gui.widgets import Retranslating, Column, RowsModel, form_row, show_error, table_view, with_shortcut

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow


def golden_rows(golden: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows (field, value, sources, at, rule, others) of a golden record (profiles.golden)."""
    rows = []
    for part, entry in golden.get("fields", {}).items():
        chosen = next((v for v in entry["values"] if v["value"] == entry["value"]), None)
        rows.append({
            "field": part, "value": entry["value"], "at": entry["at"], "rule": rule_label(entry["rule"]),
            "sources": ", ".join(chosen["sources"]) if chosen else entry["source"],
            "others": "; ".join(f"{v['value']} ({', '.join(v['sources'])})" for v in entry["values"] if v is not chosen),
        })
    for kind, contacts in (("email", golden.get("emails", [])), ("phone", golden.get("phones", []))):
        for c in contacts:
            name = "mobile" if kind == "phone" and c.get("mobile") else kind
            rows.append({"field": name, "value": c["value"], "at": c["at"], "sources": ", ".join(c["sources"]),
                         "rule": "primary" if c["primary"] else "", "others": ""})
    for tag in golden.get("tags", []):
        rows.append({"field": "tags", "value": tag["value"], "at": None, "sources": ", ".join(tag["sources"]),
                     "rule": "", "others": ""})
    return rows


class ConsentBox(QGroupBox):
    """One channel's merged consent: state, legal basis, since when, from which source, and why."""

    def __init__(self) -> None:
        super().__init__()
        form = QFormLayout(self)
        self.state, self.basis, self.since, self.source = QLabel(), QLabel(), QLabel(), QLabel()
        self.labels = [form_row(form, w) for w in (self.state, self.basis, self.since, self.source)]
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        form.addRow(self.reasons)

    def show_consent(self, consent: Any) -> None:
        self.state.setText(consent_label(consent.state) if consent else "")
        self.basis.setText(basis_label(consent.basis) if consent else "")
        self.since.setText(format_date(consent.at) if consent else "")
        self.source.setText((consent.source or "") if consent else "")
        self.reasons.setText("\n".join(f"• {message(r)}" for r in consent.reasons) if consent else "")


class ProfilePage(Retranslating, QWidget):
    back_requested = Signal()

    JOURNEY_TAB = 3

    def __init__(self, window: "MainWindow"):
        super().__init__()
        self.window_ = window
        self.session: WorkspaceSession | None = None
        self.profile_id: int | None = None
        self.detail: profiles.ProfileDetail | None = None
        self.back = QPushButton()
        self.back.clicked.connect(self.back_requested)
        self.back_action = QAction(self)
        self.back_action.setShortcut(QKeySequence("Alt+Left"))
        self.back_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.back_action.triggered.connect(self.back_requested)
        self.addAction(self.back_action)
        self.merge_button = QPushButton()
        self.merge_button.clicked.connect(lambda: self.merge_with())
        self.unmerge_button = QPushButton()
        self.unmerge_button.clicked.connect(lambda: self.unmerge_selected())
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
            Column(lambda: self.tr("Chosen as"), lambda r: self.tr("primary") if r["rule"] == "primary" else r["rule"]),
            Column(lambda: self.tr("Other values"), lambda r: r["others"]),
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
            Column(lambda: self.tr("When"), lambda s: format_datetime(s.ts)),
            Column(lambda: self.tr("Decision"), lambda s: decision_label(s.kind)
                   + (" " + self.tr("(undone)") if s.undone else "")),
            Column(lambda: self.tr("By"), lambda s: self.tr("Unico") if s.actor == "auto" else s.actor),
            Column(lambda: self.tr("Probability"), lambda s: "" if s.probability is None else format_percent(s.probability)),
            Column(lambda: self.tr("What"), lambda s: message(s.description)),
        ])
        self.email_box, self.sms_box = ConsentBox(), ConsentBox()
        self.journey = JourneyView(self._event_raw)
        self.records_view = table_view(self.records_model)

        records = QWidget()
        rl = QVBoxLayout(records)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.unmerge_button)
        rl.addLayout(row)
        rl.addWidget(self.records_view, 1)
        consent = QWidget()
        cl = QVBoxLayout(consent)
        boxes = QHBoxLayout()
        boxes.addWidget(self.email_box)
        boxes.addWidget(self.sms_box)
        cl.addLayout(boxes)
        cl.addWidget(table_view(self.consent_model), 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(table_view(self.golden_model), "")
        self.tabs.addTab(records, "")
        self.tabs.addTab(consent, "")
        self.tabs.addTab(self.journey, "")
        self.tabs.addTab(table_view(self.history_model), "")

        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addStretch(1)
        top.addWidget(self.merge_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 14, 24, 12)
        lay.addLayout(top)
        lay.addWidget(self.name)
        lay.addWidget(self.summary)
        lay.addWidget(self.tabs, 1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.back.setText(self.tr("← All profiles"))
        self.back.setToolTip(with_shortcut(self.tr("Back to the list"), "Alt+←"))
        self.back_action.setText(self.tr("Back to the list"))
        self.merge_button.setText(self.tr("Merge with another profile…"))
        self.merge_button.setToolTip(self.tr("These are the same person: make the two profiles one"))
        self.unmerge_button.setText(self.tr("Take the selected record out"))
        self.unmerge_button.setToolTip(self.tr("This record is someone else: it leaves the profile and is never "
                                               "merged back automatically"))
        for i, text in enumerate((self.tr("Golden record"), self.tr("Records"), self.tr("Consent"),
                                  self.tr("Journey"), self.tr("History"))):
            self.tabs.setTabText(i, text)
        for box, title in ((self.email_box, self.tr("Email")), (self.sms_box, self.tr("SMS"))):
            box.setTitle(title)
            for label, text in zip(box.labels, (self.tr("Consent"), self.tr("Legal basis"), self.tr("Since"),
                                                self.tr("Decided by"))):
                label.setText(text)
        for model in (self.golden_model, self.records_model, self.consent_model, self.history_model):
            model.retranslate()
        self._show_consent()
        self._show_summary()

    # -- loading ----------------------------------------------------------------------------
    def set_session(self, session: WorkspaceSession | None) -> None:
        self.session = session
        self.profile_id = None
        self._show(None)

    def load(self, profile_id: int) -> Job | None:
        self.profile_id = profile_id
        if self.session is None:
            return None
        if self.detail is None or self.detail.profile_id != profile_id:
            self._show(None)
            self.name.setText(self.tr("Loading…"))
        self.tabs.setFocus()  # the page's keys (Alt+←) work at once
        job = self.session.read(lambda ws, _p: profiles.profile_detail(ws, profile_id),
                                self.tr("Opening the profile"), key="profile-detail")
        job.show_errors = False
        job.succeeded.connect(self._show)
        job.failed.connect(self._vanished)
        return job

    def reload(self) -> None:
        if self.profile_id is not None:
            self.load(self.profile_id)

    def _vanished(self, _failure: Any) -> None:
        """Merged into another profile or erased since it was listed."""
        self._show(None)
        self.name.setText(self.tr("This profile no longer exists"))

    def _show(self, detail: profiles.ProfileDetail | None) -> None:
        self.detail = detail
        self.golden_model.set_rows(golden_rows(detail.golden) if detail else [])
        self.records_model.set_rows(detail.records if detail else [])
        self.consent_model.set_rows(detail.records if detail else [])
        self.history_model.set_rows(detail.history if detail else [])
        self._show_consent()
        self.journey.set_events(detail.events if detail else [])
        enabled = detail is not None
        self.merge_button.setEnabled(enabled)
        self.unmerge_button.setEnabled(enabled and len(detail.records) > 1)
        self._show_summary()

    def _show_consent(self) -> None:
        detail = self.detail
        self.email_box.show_consent(detail.consent.email if detail else None)
        self.sms_box.show_consent(detail.consent.sms if detail else None)

    def _show_summary(self) -> None:
        d = self.detail
        if d is None:
            if self.profile_id is None:
                self.name.setText("")
                self.summary.setText("")
            return
        s = d.summary
        self.name.setText(s["display_name"] or self.tr("Profile %1").replace("%1", str(d.profile_id)))
        parts = [p for p in (s.get("email"), s.get("phone"), s.get("city")) if p]
        parts.append(self.tr("%n record(s)", "", len(d.records)))
        parts.append(self.tr("%n event(s)", "", len(d.events)))
        if s.get("last_activity"):
            parts.append(self.tr("last activity %1").replace("%1", format_date(s["last_activity"])))
        self.summary.setText("  ·  ".join(parts))

    def _event_raw(self, event_id: int) -> Any:
        return event_raw(self.session.reader, event_id) if self.session else None

    def show_journey(self) -> JourneyView:
        self.tabs.setCurrentIndex(self.JOURNEY_TAB)
        return self.journey

    # -- the steward's actions ----------------------------------------------------------------
    def selected_record(self) -> dict | None:
        row = self.records_view.currentIndex().row()
        return self.records_model.rows[row] if 0 <= row < len(self.records_model.rows) else None

    def unmerge_selected(self, ref: str | None = None) -> Job | None:
        """Take a record out of this profile (undoable from Edit ▸ Undo)."""
        record = self.selected_record()
        ref = ref or (record["ref"] if record else None)
        if ref is None or self.session is None:
            return None
        job = self.session.write(lambda ws, _p: profiles.unmerge(ws, ref), self.tr("Taking the record out"),
                                 changes="profiles")
        job.succeeded.connect(lambda _r: self.reload())
        return job

    def merge_with(self, other: int | None = None) -> Job | None:
        """Merge this profile with profile `other` (asked for when not given)."""
        if self.profile_id is None or self.session is None:
            return None
        if other is None:
            other, ok = QInputDialog.getInt(self, self.tr("Merge profiles"),
                                            self.tr("Number of the profile to merge with this one:"), 1, 1)
            if not ok:
                return None
        this = self.profile_id
        job = self.session.write(lambda ws, _p: profiles.merge_profiles(ws, this, other),
                                 self.tr("Merging profiles"), changes="profiles")
        job.show_errors = False
        job.failed.connect(lambda failure: show_error(self, self.tr("Merge profiles"), failure))
        job.succeeded.connect(lambda result: self.load(result.profile_id))
        return job
