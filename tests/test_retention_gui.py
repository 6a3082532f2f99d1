"""The Settings dialog's Privacy tab edits the open workspace's retention policy (stored through the
writer) and "Apply now…" shows the counts first, then applies the policy in the background."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from test_profiles_support import add_events, add_records, one_profile

from app.core.retention import GARANTE, OFF, RetentionPolicy, get_policy
from app.core.workspace import Workspace
from app.gui.jobs import WorkspaceSession
from app.gui.settings import Settings
from app.gui.settings_dialog import SettingsDialog


def _days_ago(days: int) -> str:
    return (datetime.now(UTC) - timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%S")


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def session(tmp_path):
    path = tmp_path / "w.db"
    with Workspace(path) as ws:
        add_records(ws, "till", [{"id": "C1", "first_name": "Anna", "email": "anna@example.it",
                                  "email_consent": "opt_in", "_at": "2020-01-01T00:00:00+00:00"}], channel="store")
        one_profile(ws, ["till:C1"])
        add_events(ws, "receipts", [("till:C1", "purchase", _days_ago(400), 10.0),
                                    ("till:C1", "purchase", _days_ago(500), 11.0),
                                    ("till:C1", "purchase", _days_ago(30), 12.0)])
    s = WorkspaceSession(path)
    yield s
    s.close()


def _stored(session) -> RetentionPolicy:
    with Workspace(session.path, readonly=True) as ws:
        return get_policy(ws)


def _accept(qtbot, dialog: SettingsDialog) -> None:
    dialog.accept()
    job = getattr(dialog, "save_policy_job", None)
    if job is not None:
        qtbot.waitUntil(lambda: job.done, timeout=5000)
        assert job.state == "succeeded"


def test_the_policy_round_trips_through_the_workspace(qtbot, settings, session):
    settings.set("retention/enabled", True)  # the user's last choice elsewhere: the workspace's policy wins
    dialog = SettingsDialog(settings, session)
    qtbot.addWidget(dialog)
    assert not dialog.retention.isChecked() and not dialog.apply_button.isEnabled()
    dialog.retention.setChecked(True)
    assert dialog.apply_button.isEnabled() and dialog.policy() == GARANTE
    _accept(qtbot, dialog)
    assert _stored(session) == GARANTE

    again = SettingsDialog(settings, session)
    qtbot.addWidget(again)
    assert again.retention.isChecked() and again.preset.currentData() == "garante"
    again.preset.setCurrentIndex(again.preset.findData("custom"))
    again.profiling_months.setValue(0)  # shown as "No limit"
    again.marketing_months.setValue(36)
    assert again.profiling_months.text() == "No limit"
    _accept(qtbot, again)
    assert _stored(session) == RetentionPolicy(None, 36)

    third = SettingsDialog(settings, session)
    qtbot.addWidget(third)
    assert third.preset.currentData() == "custom" and third.profiling_months.value() == 0
    assert third.marketing_months.value() == 36
    third.retention.setChecked(False)
    _accept(qtbot, third)
    assert _stored(session) == OFF


def _confirm(qtbot, dialog: SettingsDialog) -> QMessageBox:
    dialog.retention.setChecked(True)
    dialog.apply_now()
    qtbot.waitUntil(lambda: dialog.confirm_box is not None and dialog.confirm_box.isVisible(), timeout=5000)
    return dialog.confirm_box


def test_apply_now_shows_the_counts_then_deletes_in_the_background(qtbot, settings, session):
    dialog = SettingsDialog(settings, session)
    qtbot.addWidget(dialog)
    box = _confirm(qtbot, dialog)
    assert "Events dated before" in box.text() and "to delete: 2 (profiles concerned: 1)" in box.text()
    assert "cannot be undone" in box.informativeText()
    delete = next(b for b in box.buttons() if b.text() == "Delete and apply")
    delete.click()
    qtbot.waitUntil(lambda: getattr(dialog, "apply_job", None) is not None and dialog.apply_job.done, timeout=5000)
    assert dialog.apply_job.state == "succeeded"
    assert dialog.retention_status.text() == "Applied: 2 events deleted."
    with Workspace(session.path, readonly=True) as ws:
        assert ws.scalar("SELECT count(*) FROM events") == 1 and get_policy(ws) == GARANTE
    assert dialog.stored_policy == GARANTE  # OK now has nothing more to store
    dialog.accept()
    assert getattr(dialog, "save_policy_job", None) is None


def test_cancelling_the_confirmation_changes_nothing(qtbot, settings, session):
    dialog = SettingsDialog(settings, session)
    qtbot.addWidget(dialog)
    box = _confirm(qtbot, dialog)
    next(b for b in box.buttons() if b.text() == "Cancel").click()
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=5000)
    assert getattr(dialog, "apply_job", None) is None
    with Workspace(session.path, readonly=True) as ws:
        assert ws.scalar("SELECT count(*) FROM events") == 3 and get_policy(ws) == OFF


def test_without_a_workspace_the_choice_is_only_remembered(qtbot, settings):
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.retention.setChecked(True)
    assert not dialog.apply_button.isEnabled() and dialog.apply_now() is None
    dialog.accept()
    assert settings.get("retention/enabled") is True
