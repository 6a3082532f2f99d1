"""`unico retention`: store a policy, preview it, apply it; JSON shapes and exit codes."""
from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from test_profiles_support import add_events, add_records, one_profile

from app.cli import main
from app.core.retention import months_before
from app.core.workspace import Workspace


def _days_ago(days: int) -> str:
    return (datetime.now(UTC) - timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%S")


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "w.db"
    with Workspace(path) as ws:
        add_records(ws, "till", [{"id": "C1", "first_name": "Anna", "email": "anna@example.it",
                                  "email_consent": "opt_in", "_at": "2020-01-01T00:00:00+00:00"},
                                 {"id": "C2", "first_name": "Bruno", "email": "bruno@example.it",
                                  "email_consent": "opt_in", "_at": "2020-01-01T00:00:00+00:00"}], channel="store")
        one_profile(ws, ["till:C1"])
        one_profile(ws, ["till:C2"])
        add_events(ws, "receipts", [("till:C1", "purchase", _days_ago(500), 10.0),
                                    ("till:C1", "purchase", _days_ago(20), 12.0),
                                    ("till:C2", "purchase", _days_ago(1000), 9.0)])
    return str(path)


def run(capsys, *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as e:  # argparse's own usage errors
        code = e.code
    out, err = capsys.readouterr()
    return code, out, err


def test_preset_is_stored_and_previewed_as_json(db, capsys):
    code, out, _ = run(capsys, "--db", db, "retention", "--preset", "garante", "--json")
    data = json.loads(out)
    assert code == 0 and data["applied"] is False and data["last_applied"] is None
    assert data["policy"] == {"profiling_months": 12, "marketing_months": 24}
    assert data["today"] == date.today().isoformat()
    assert data["profiling_cutoff"] == months_before(date.today(), 12).isoformat()
    assert (data["events_to_delete"], data["profiles_with_old_events"]) == (2, 2)
    assert (data["inactive_profiles"], data["contacts_expiring"]) == (1, 1)  # Bruno: nothing for 1000 days
    code, out, _ = run(capsys, "--db", db, "retention", "--json")  # stored: the same policy without flags
    assert json.loads(out)["policy"] == data["policy"]
    code, out, _ = run(capsys, "--db", db, "export", "profiles", db + ".csv")
    assert code == 0


def test_apply_deletes_and_reports_as_json_then_text(db, capsys):
    code, out, _ = run(capsys, "--db", db, "retention", "--profiling-months", "12", "--apply", "--json")
    data = json.loads(out)
    assert code == 0 and data["applied"] is True and data["final"] is True
    assert (data["events_deleted"], data["profiles_refreshed"]) == (2, 2)
    assert data["policy"] == {"profiling_months": 12, "marketing_months": None}
    with Workspace(db, create=False) as ws:
        assert ws.scalar("SELECT count(*) FROM events") == 1
    code, out, _ = run(capsys, "--db", db, "retention")
    assert code == 0 and "profiling 12 months, marketing no limit" in out and "Last applied" in out
    assert "0 events dated before" in out


def test_off_removes_the_policy(db, capsys):
    run(capsys, "--db", db, "retention", "--preset", "garante")
    code, out, _ = run(capsys, "--db", db, "retention", "--off")
    assert code == 0 and "off" in out and "Nothing is limited" in out
    with Workspace(db, create=False) as ws:
        from app.core.retention import OFF, get_policy

        assert get_policy(ws) == OFF


@pytest.mark.parametrize("args", [("--off", "--preset", "garante"), ("--profiling-months", "-3"),
                                  ("--marketing-months", "5000"), ("--preset", "nope")])
def test_wrong_usage_exits_2_and_changes_nothing(db, capsys, args):
    code, _out, err = run(capsys, "--db", db, "retention", *args)
    assert code == 2 and err
    with Workspace(db, create=False) as ws:
        assert ws.get_json("retention.policy") is None


def test_no_workspace_is_bad_data(tmp_path, capsys):
    code, _out, err = run(capsys, "--db", str(tmp_path / "none.db"), "retention")
    assert code == 1 and "no such workspace" in err
