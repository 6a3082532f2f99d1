"""Italian and English: locale formats, the vocabulary and the .ts files complete, a run-time
switch, and a walk over every widget of the Italian UI finding no English left."""
from __future__ import annotations

import re
import string
import xml.etree.ElementTree as ET
from datetime import date

import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QComboBox, QDialog, QGroupBox, QLabel, QLineEdit, QListWidget, QMenu,
    QMessageBox, QTabWidget, QWidget,
)

from app.core.fields import CHANNELS, CONSENT_STATES, EVENT_TYPES, FIELDS
from app.core.importing import file_filter
from app.core.importing.service import COUNT_KEYS
from app.core.messages import MESSAGES
from app.core.matching.settings import default_comparisons
from app.core.profiles.model import LEGAL_BASES
from app.core.profiles.survivorship import RULES
from app.core.resources import resource_path
from app.gui import vocab
from app.gui.i18n import format_date, format_money, format_number, format_percent, locale_for, resolve_language
from tests.gui.data import add_review_pairs, build_workspace

IT = locale_for("it")
EN = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def test_italian_formats_numbers_money_and_dates():
    assert format_money(1234.56, "EUR", IT) == "1.234,56\u00a0€"  # a no-break space, as CLDR writes it
    assert format_money(-5, "EUR", IT) == "-5,00\u00a0€"
    assert format_number(1234567, 0, IT) == "1.234.567"
    assert format_number(0.5, 1, IT) == "0,5"
    assert format_percent(0.542, 1, IT) == "54,2\u00a0%"
    assert format_date(date(2026, 11, 25), IT) == "25/11/2026"
    assert format_date("2026-11-25T10:00:00+01:00", IT) == "25/11/2026"
    assert format_date("--05-17", IT) == "--05-17"  # partial dates shown as stored


def test_english_formats():
    assert format_money(1234.56, "EUR", EN) == "€1,234.56"
    assert format_number(1234567, 0, EN) == "1,234,567"
    assert format_date(date(2026, 11, 25), EN) == "25/11/2026"


def test_language_follows_the_choice_else_the_system():
    assert resolve_language("it") == "it" and resolve_language("en") == "en"
    expected = "it" if QLocale.system().language() == QLocale.Language.Italian else "en"
    assert resolve_language("") == expected and resolve_language("fr") == expected


def test_every_core_label_is_marked_for_translation():
    marked = set(vocab.MARKED)
    assert {f.label for f in FIELDS} <= marked
    assert set(CHANNELS.values()) <= marked
    assert set(EVENT_TYPES.values()) <= marked
    assert set(CONSENT_STATES) == set(vocab.CONSENT)
    assert set(COUNT_KEYS) <= set(vocab.COUNTS)
    assert {desc for desc, _ in file_filter()} <= set(vocab.FILE_FILTERS)
    assert set(LEGAL_BASES) == set(vocab.LEGAL_BASES) and set(RULES) == set(vocab.RULES)


def test_every_matcher_comparison_and_level_is_marked():
    from app.core.fields import FIELDS_BY_NAME

    comparisons = default_comparisons()
    assert [c.name for c in comparisons if c.name not in FIELDS_BY_NAME and c.name not in vocab.EVIDENCE_NAMES] == []
    labels = {level.label for c in comparisons for level in c.levels}
    assert labels - set(vocab.EVIDENCE_LEVELS) == set()


def _messages(lang):
    root = ET.parse(resource_path("translations", f"unico_{lang}.ts")).getroot()
    return [m for ctx in root.iter("context") for m in ctx.iter("message")]


def test_italian_translations_are_all_finished():
    messages = _messages("it")
    assert len(messages) > 300
    unfinished = [m.find("source").text for m in messages
                  if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
                  or not "".join(m.find("translation").itertext()).strip()]
    assert unfinished == []


def test_english_plural_forms_are_finished():
    for m in _messages("en"):
        forms = [f.text for f in m.find("translation").iter("numerusform")]
        assert len(forms) == 2 and all(forms), m.find("source").text


def english_leftovers() -> set[str]:
    """English sources whose Italian differs (so seeing them in the Italian UI is a leftover)."""
    out = set()
    for m in _messages("it"):
        src = m.find("source").text
        tr = "".join(m.find("translation").itertext()).strip()
        if tr and tr != src:
            out.add(src.replace("&", ""))
    return out


def core_templates(english: set[str]) -> list[re.Pattern]:
    """The core's English templates with placeholders (app.core.messages), as patterns that find a
    filled-in English message anywhere in a line; templates with too few words of their own to be
    told from other text are left out."""
    out = []
    for template in MESSAGES.values():
        if template not in english or "{" not in template:
            continue
        parts = [(re.escape(literal), name) for literal, name, _, _ in string.Formatter().parse(template)]
        if sum(len(re.sub(r"\W", "", literal)) for literal, _ in parts) >= 12:
            out.append(re.compile("".join(literal + (".+?" if name is not None else "") for literal, name in parts)))
    return out


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(widget, text) for everything a user reads: labels, buttons, tabs, combos, placeholders,
    tooltips, table headers, list items, menus and window titles."""
    out = []
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        name = type(w).__name__
        texts = [w.toolTip(), w.windowTitle() if w.isWindow() else ""]
        if isinstance(w, QLabel) and w.textFormat() != Qt.TextFormat.RichText:
            texts.append(w.text())
        elif isinstance(w, QLabel):
            texts.append(re.sub(r"<[^>]+>", "\n", w.text()))
        if isinstance(w, QAbstractButton):
            texts.append(w.text())
        if isinstance(w, QGroupBox):
            texts.append(w.title())
        if isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        if isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QTabWidget):
            texts += [w.tabText(i) for i in range(w.count())]
        if isinstance(w, QListWidget):
            texts += [w.item(i).text() for i in range(w.count())]
        if isinstance(w, QMenu):
            texts.append(w.title())
        if isinstance(w, QAbstractItemView) and w.model() is not None and not isinstance(w, QListWidget):
            model = w.model()
            columns = model.columnCount(QModelIndex())
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns)]
        for action in w.actions():
            texts += [action.text(), action.toolTip()]
        out += [(name, t.replace("&", "").strip()) for t in texts if t and t.strip()]
    return out


def find_leftovers(root: QWidget, english: set[str]) -> list[tuple[str, str]]:
    long_sources = [s for s in english if len(s) >= 20 and "%" not in s and "{" not in s]
    templates = core_templates(english)
    bad = []
    for widget, text in visible_texts(root):
        for line in text.splitlines():
            line = line.strip().rstrip(":")
            if line in english or any(s in line for s in long_sources) or any(t.search(line) for t in templates):
                bad.append((widget, line))
    return bad


@pytest.fixture
def italian_window(make_window, qtbot, tmp_path):
    ids = build_workspace(tmp_path / "w.db")
    add_review_pairs(tmp_path / "w.db", ids)
    window = make_window(lang="it")
    window.open_workspace(tmp_path / "w.db")
    window.show()
    qtbot.waitExposed(window)
    return window, ids


def test_the_italian_ui_has_no_english_left(italian_window, qtbot, tmp_path):
    window, ids = italian_window
    english = english_leftovers()
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "Inizio", "Fonti", "Verifica", "Profili", "Report"]
    review = window.show_screen("review")
    qtbot.waitUntil(lambda: review.current is not None, timeout=5000)
    qtbot.keyClick(review, Qt.Key.Key_A)  # a decision: Edit ▸ Undo says what it would take back
    qtbot.waitUntil(lambda: window.undo_state[0] is not None and window.undo_state[0].code == "history.decision",
                    timeout=5000)
    page = window.show_screen("profiles").show_profile(ids["profiles"][0])
    qtbot.waitUntil(lambda: page.detail is not None, timeout=5000)
    assert page.detail.consent.email.reasons  # the consent box shows the engine's reasoning
    reports = window.show_screen("reports")
    qtbot.waitUntil(lambda: reports.current.report is not None, timeout=20000)
    qtbot.waitUntil(lambda: bool(window.counts), timeout=5000)
    from tests.samples import binary_file, till_contacts

    wizard = window.import_files([till_contacts(tmp_path)])
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=10000)
    assert wizard.plan.warnings  # the till file's consent column: the core's words about the data
    failed = window.import_files([binary_file(tmp_path / "clienti.csv")])
    qtbot.waitUntil(lambda: bool(failed.findChildren(QMessageBox)), timeout=10000)
    exported = window.menu_export.export_email_list("mailchimp", tmp_path / "liste")
    qtbot.waitUntil(lambda: exported.state == "done", timeout=10000)
    dialogs = [wizard, failed, exported, window.show_settings(), window.show_about(), window.show_shortcuts()]
    bad = find_leftovers(window, english)
    for dialog in dialogs:
        bad += find_leftovers(dialog, english)
    for name in window.screens:  # every screen once more, as the user would go through them
        window.show_screen(name)
        bad += find_leftovers(window.screens[name], english)
    assert sorted(set(bad)) == []
    shown = {text for dialog in dialogs for _w, text in visible_texts(dialog)}
    shown |= {text for _w, text in visible_texts(window)}
    assert any(t.startswith("la colonna “Consenso marketing” è un consenso generico") for t in shown)
    assert any("questo è un file binario, non una tabella" in t for t in shown)
    assert any(t.startswith("Annulla: stessa persona till:") for t in shown)
    assert any("ha dato il consenso" in t for t in shown)
    assert any(t.startswith("Favoriti, non causati") or t.startswith("I crediti ripartiscono") for t in shown)
    assert {"Esporta", "Lista per Mailchimp…", "Esclusi per sempre (disiscritti, rimbalzati o bloccati)"} <= shown
    assert "3 fonti" in window.count_label.text() and "3 coppie da verificare" in window.count_label.text()
    window.translations.switch("en")  # the same walk over the English UI must find English: it can fail
    english_found = {text for _w, text in find_leftovers(window, english)}
    for dialog in dialogs:
        english_found |= {text for _w, text in find_leftovers(dialog, english)}
    assert {"Profiles", "Same person", "Golden record", "Search by name, email, phone, city or source"} <= english_found
    assert any(t.startswith("column “Consenso marketing” is a general marketing consent") for t in english_found)
    for dialog in dialogs:
        dialog.close()


def test_switching_language_at_run_time(make_window, qtbot, tmp_path, settings):
    build_workspace(tmp_path / "w.db")
    window = make_window(lang="en")
    window.open_workspace(tmp_path / "w.db")
    assert window.menu_edit.title() == "&Edit"
    dialog = window.show_settings()
    dialog.language.setCurrentIndex(dialog.language.findData("it"))
    dialog.accept()
    assert settings.get("general/language") == "it"
    assert window.translations.language == "it"
    assert window.menu_edit.title() == "&Modifica"
    assert window.nav.item(3).text() == "Profili"
    assert window.screens["welcome"].title.text() == "Benvenuto in Unico"
    assert window.screens["review"].act_accept.text() == "Stessa persona"
    profiles = window.screens["profiles"]
    assert profiles.model.headerData(0, Qt.Orientation.Horizontal) == "Nome"
    assert QLocale().decimalPoint() == ","
    window.translations.switch("en")
    assert window.nav.item(3).text() == "Profiles"


def test_help_guide_in_both_languages(make_window, qtbot):
    window = make_window(lang="it")
    guide = window.show_guide()
    assert "Importare i file" in guide.browser.toPlainText()
    guide.close()
    window.translations.switch("en")
    guide = window.show_guide()
    assert "Importing files" in guide.browser.toPlainText()
    guide.close()
    assert isinstance(guide, QDialog)
