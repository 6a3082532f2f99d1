"""Settings: declared once, typed, persisted and read back; the dialog round-trips them."""
from __future__ import annotations

from PySide6.QtCore import QSettings

from app.gui.settings import GARANTE_MARKETING_MONTHS, GARANTE_PROFILING_MONTHS, MAX_RECENT, SETTINGS, Settings
from app.gui.settings_dialog import SettingsDialog


def test_defaults_when_nothing_is_stored(settings):
    for s in SETTINGS:
        assert settings.get(s.key) == s.default, s.key
    assert settings.get("retention/enabled") is False  # retention is off by default
    assert (settings.get("retention/profiling_months"), settings.get("retention/marketing_months")) == (12, 24)


def test_values_round_trip_through_the_file_with_their_types(tmp_path):
    path = str(tmp_path / "s.ini")
    a = Settings(QSettings(path, QSettings.Format.IniFormat))
    values = {"general/language": "it", "import/phone_region": "CH", "matching/custom_thresholds": True,
              "matching/auto_threshold": 0.97, "reports/lookback_days": 14,
              "workspace/recent": [str(tmp_path / "one.db")]}
    for k, v in values.items():
        a.set(k, v)
    a.sync()
    b = Settings(QSettings(path, QSettings.Format.IniFormat))
    for k, v in values.items():
        got = b.get(k)
        assert got == v and type(got) is type(v), k
    assert b.thresholds() == {"auto_threshold": 0.97, "review_threshold": 0.5}


def test_invalid_values_are_refused_and_unreadable_ones_fall_back(settings):
    import pytest

    with pytest.raises(ValueError):
        settings.set("general/language", "fr")
    with pytest.raises(ValueError):
        settings.set("reports/lookback_days", 0)
    settings.store.setValue("reports/lookback_days", "many")
    assert settings.get("reports/lookback_days") == 30
    assert settings.thresholds() == {}  # the matcher's own defaults unless asked


def test_recent_workspaces_most_recent_first_and_bounded(settings, tmp_path):
    paths = [tmp_path / f"w{i}.db" for i in range(MAX_RECENT + 2)]
    for p in paths:
        settings.remember_workspace(p)
    settings.remember_workspace(paths[3])
    recent = settings.recent_workspaces()
    assert recent[0] == paths[3].resolve() and len(recent) == MAX_RECENT
    assert settings.get("workspace/last") == str(paths[3].resolve())
    settings.forget_workspace(paths[3])
    assert paths[3].resolve() not in settings.recent_workspaces() and settings.get("workspace/last") == ""


def test_dialog_saves_what_the_user_chose(qtbot, settings):
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("it"))
    dialog.custom_thresholds.setChecked(True)
    dialog.auto_threshold.setValue(0.98)
    dialog.review_threshold.setValue(0.4)
    assert dialog.source_order() == [] and not dialog.priority.isEnabled()  # no workspace open
    dialog.retention.setChecked(True)
    dialog.lookback.setValue(14)
    languages = []
    dialog.language_changed.connect(languages.append)
    dialog.accept()
    assert settings.get("general/language") == "it" and languages == ["it"]
    assert settings.thresholds() == {"auto_threshold": 0.98, "review_threshold": 0.4}
    assert settings.get("retention/enabled") is True
    assert (settings.get("retention/profiling_months"), settings.get("retention/marketing_months")) == (
        GARANTE_PROFILING_MONTHS, GARANTE_MARKETING_MONTHS)
    assert settings.get("reports/lookback_days") == 14


def test_dialog_refuses_a_review_threshold_above_the_automatic_one(qtbot, settings):
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.custom_thresholds.setChecked(True)
    dialog.auto_threshold.setValue(0.6)
    dialog.review_threshold.setValue(0.7)
    dialog.accept()
    assert dialog.result() == 0 and settings.thresholds() == {}


def test_custom_retention_and_restore_defaults(qtbot, settings):
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.retention.setChecked(True)
    dialog.preset.setCurrentIndex(dialog.preset.findData("custom"))
    assert dialog.profiling_months.isEnabled()
    dialog.profiling_months.setValue(6)
    assert dialog.values()["retention/profiling_months"] == 6
    dialog.restore_defaults()
    assert dialog.values()["retention/enabled"] is False and dialog.values()["retention/profiling_months"] == 12


def test_source_order_is_the_open_workspace_s(qtbot, settings, tmp_path):
    from app.core.profiles.survivorship import get_survivorship
    from app.core.workspace import Workspace
    from app.gui.jobs import WorkspaceSession
    from tests.gui.data import build_workspace

    build_workspace(tmp_path / "w.db")
    session = WorkspaceSession(tmp_path / "w.db")
    try:
        dialog = SettingsDialog(settings, session)
        qtbot.addWidget(dialog)
        assert dialog.source_order() == ["till", "shop", "web"]  # the loyalty till first by default
        assert dialog.priority.item(0).text() == "till  (Store)"
        dialog.priority.setCurrentRow(1)
        dialog._move(-1)
        orders = []
        dialog.source_order_changed.connect(orders.append)
        dialog.accept()
        assert orders == [["shop", "till", "web"]]
        dialog.restore_defaults()
        assert dialog.source_order() == ["till", "shop", "web"]
    finally:
        session.close()
    with Workspace(tmp_path / "w.db", readonly=True) as ws:
        assert get_survivorship(ws).source_priority == []  # the dialog only asks; the window writes
