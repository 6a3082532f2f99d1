"""The core's messages in the GUI: translated in the "core" context, filled with locale-formatted
values; every registered template has a finished Italian translation with the same placeholders;
core_strings.py (what lupdate reads) is current."""
from __future__ import annotations

import string
import xml.etree.ElementTree as ET
from datetime import date, datetime, timezone

import pytest
from PySide6.QtCore import QLocale

from app.core.errors import BadDataError, UsageError, Where
from app.core.messages import MESSAGES, joined, text
from app.core.resources import resource_path
from app.core.workspace import Workspace
from app.gui import i18n_build
from app.gui.i18n import Translations
from app.gui.vocab import CORE_CONTEXT, error_message, message


@pytest.fixture
def italian(qapp):
    translations = Translations()
    translations.switch("it")
    yield
    translations.switch("en")
    translations.uninstall()


def _core_translations(lang: str) -> dict[str, ET.Element]:
    root = ET.parse(resource_path("translations", f"unico_{lang}.ts")).getroot()
    return {m.find("source").text: m.find("translation")
            for ctx in root.iter("context") if ctx.find("name").text == CORE_CONTEXT for m in ctx.iter("message")}


def _placeholders(template: str) -> list[tuple[str, str, str | None]]:
    return sorted((name, spec, conv) for _, name, spec, conv in string.Formatter().parse(template) if name is not None)


def test_every_registered_template_has_a_finished_italian_translation_with_its_placeholders():
    found = _core_translations("it")
    problems = []
    for code, template in MESSAGES.items():
        translation = found.get(template)
        said = "" if translation is None else "".join(translation.itertext()).strip()
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete") or not said:
            problems.append(f"{code}: not translated")
        elif _placeholders(said) != _placeholders(template):
            problems.append(f"{code}: placeholders {_placeholders(said)} ≠ {_placeholders(template)}")
    assert problems == []


def test_core_strings_lists_the_registry_as_written():
    assert i18n_build.CORE_STRINGS.read_text(encoding="utf-8") == i18n_build.core_strings_source()
    from app.gui import core_strings

    assert set(core_strings.TEMPLATES) == set(MESSAGES.values())


def test_italian_messages_with_locale_numbers_dates_quotes_and_nested_parts(italian):
    assert QLocale().decimalPoint() == ","
    assert message(text("import.eur_assumed", count=1234, region="IT")) == \
        "1.234 importi non avevano la valuta: si assume EUR (regione IT)"
    linked = text("import.linked_through", column="Codice", share=0.5, source="till", target="n_loyalty")
    assert message(linked) == ("le persone sono trovate tramite la colonna “Codice”: il 50\u00a0% dei suoi valori "
                               "sono chiavi della fonte “till” (n_loyalty)")
    assert message(text("consent.newer_opt_in", day=date(2026, 11, 25), source="shop")) == \
        "il consenso del 25/11/2026 (shop) è più recente di ogni rifiuto: resta valido (base giuridica: consenso)"
    nested = text("import.not_a_table", what=text("file.pdf"))
    assert message(nested) == ("questo è un documento PDF, non una tabella; esporta i dati in CSV o Excel e importa "
                               "quel file")
    assert message(joined([text("kind.contacts"), "dati"], " + ")) == "contatti + dati"
    issues = text("import.issues", count=2, what=text("import.issue.email"), file="a.csv", line=12345, column="Email")
    assert "riga 12345, colonna “Email”" in message(issues)  # a line number keeps no thousands separator
    run = text("history.match_run", when=datetime(2026, 11, 25, 9, 30, tzinfo=timezone.utc), count=3)
    assert message(run).startswith("abbinamento del 25/11/2026 ") and message(run).endswith(": 3 unioni automatiche")
    assert message("shop data, not a message") == "shop data, not a message"


def test_english_messages_read_as_the_cli_says_them(qapp):
    Translations().switch("en")
    t = text("import.generic_consent", column="Consenso")
    assert message(t) == "column “Consenso” is a general marketing consent: it is applied to email and SMS"
    assert message(text("history.nothing_to_undo")) == str(text("history.nothing_to_undo"))


def test_error_messages_say_where_and_why_in_italian(italian):
    e = BadDataError(text("import.binary_file"), Where("x.csv", 3, "Email"))
    assert error_message(e) == ("x.csv, riga 3, colonna “Email”: questo è un file binario, non una tabella "
                                "(CSV, TSV, Excel o ODS); controlla di aver scelto il file giusto")
    assert error_message(BadDataError(text("import.empty_file"), Where("v.csv"))) == "v.csv: il file è vuoto"
    assert error_message(UsageError(text("history.nothing_to_redo"))) == "non c’è nulla da ripetere"
    assert error_message(UsageError("plain words")) == "plain words"


def test_opening_a_file_that_is_no_workspace_says_so_in_italian(make_window, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    window = make_window(lang="it")
    (tmp_path / "clienti.db").write_text("Nome;Email\n")
    assert window.open_workspace(tmp_path / "clienti.db") is False
    box = window.findChildren(QMessageBox)[-1]
    assert box.text() == f"{tmp_path / 'clienti.db'}: non è un archivio di Unico (non è un database SQLite)"
    box.close()


def test_the_job_panel_shows_the_cores_progress_detail_translated(italian, qtbot):
    from app.gui.jobs import Job
    from app.gui.widgets import JobStatus

    panel = JobStatus()
    qtbot.addWidget(panel)
    job = Job("Esportazione", None, quiet=False, show_errors=False)
    panel.watch(job)
    job._on_relay("progress", (0.5, text("progress.profiles", done=1000, total=5000)))
    assert panel.label.text() == "Esportazione" and panel.label.toolTip() == "Profili 1.000 di 5.000"
    job._on_relay("progress", (0.6, "Comparing 12 pairs"))  # a step not converted yet: its English as it is
    assert panel.label.toolTip() == "Comparing 12 pairs"


def test_rejected_rows_give_their_reason_in_italian(make_window, qtbot, tmp_path):
    from app.core.importing import list_rejects

    window = make_window(lang="it")
    window.open_workspace(tmp_path / "w.db")
    people = tmp_path / "clienti.csv"
    people.write_text("Codice;Nome;Email\nC1;Anna;anna@example.it\n;;\n;;;x\nC1;Anna;anna@example.it\n",
                      encoding="utf-8")
    wizard = window.import_files([people])
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=10000)
    wizard.start_import()
    qtbot.waitUntil(lambda: wizard.result is not None and bool(wizard.rejects_model.rows), timeout=10000)
    model = wizard.rejects_model
    shown = [model.data(model.index(i, 2)) for i in range(model.rowCount())]
    assert "la riga ha 4 valori ma l’intestazione ha 3 colonne" in shown
    assert "chiave “C1” ripetuta (la prima volta alla riga 2)" in shown
    with Workspace(tmp_path / "w.db") as ws:  # the CLI's words stay English
        reasons = [r["reason"] for r in list_rejects(ws, wizard.result.import_id)]
    assert "duplicate key 'C1' (first on line 2)" in reasons and all(isinstance(r, str) for r in reasons)
    wizard.close()
