"""Core messages: a Text is its English sentence and carries its code and params; every text() call
in app/core names a registered code with the params its template uses; producers build Texts."""
from __future__ import annotations

import ast
import copy
import json
import pickle
import re
import string
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

import orjson
import pytest

from app.core import messages
from app.core.errors import BadDataError, UnicoError, UsageError, Where
from app.core.messages import JOIN, MESSAGES, Text, as_date, joined, text

CORE = Path(__file__).resolve().parent.parent / "app" / "core"
BUILDERS = {"text", "joined"}


def test_a_text_is_its_english_sentence_with_code_and_params():
    t = text("import.header_line", line=3)
    assert t == "the header is on line 3; the lines above it were skipped"
    assert isinstance(t, str) and t.code == "import.header_line" and t.params == {"line": 3}
    assert t.template == MESSAGES["import.header_line"]
    assert f"warning: {t}" == "warning: the header is on line 3; the lines above it were skipped"
    assert json.dumps([t]) == json.dumps([str(t)]) and orjson.dumps(t) == orjson.dumps(str(t))


def test_quoting_specs_and_nested_texts_give_the_english_of_an_f_string():
    t = text("import.linked_through", column="Codice", share=0.5, source="till", target="n_loyalty")
    assert t == "people are found through column 'Codice': 50% of its values are keys of source 'till' (n_loyalty)"
    nested = text("import.not_a_table", what=text("file.pdf"))
    assert nested == "this is a PDF document, not a table; export the data as CSV or Excel and import that"
    assert nested.params["what"].code == "file.pdf"


def test_joined_keeps_its_parts():
    parts = [text("import.sheet_rows", sheet="A", rows=2), "plain"]
    j = joined(parts, "; ")
    assert j == "'A' (2 rows); plain" and j.code == JOIN and j.params["parts"] == tuple(parts)


def test_copies_keep_code_and_params():
    @dataclass
    class Holder:
        said: str

    t = text("history.merge_profiles", a=1, b=2)
    for copied in (copy.copy(t), copy.deepcopy(t), pickle.loads(pickle.dumps(t)), asdict(Holder(t))["said"]):
        assert copied == t and copied.code == t.code and copied.params == t.params


def test_as_date_reads_iso_days_and_keeps_other_text():
    assert as_date("2024-03-05T10:00:00+01:00") == date(2024, 3, 5)
    assert as_date("--05-17") == "--05-17" and as_date(None) == ""


def test_errors_carry_a_text_and_print_as_before():
    said = text("import.empty_file")
    e = BadDataError(said, Where("a.csv", 3, "Email"))
    assert str(e) == "a.csv, line 3, column 'Email': the file is empty" and e.message is said
    assert str(BadDataError(said)) == "the file is empty"
    u = UsageError(text("history.nothing_to_undo"))
    assert str(u) == "nothing to undo" and u.message.code == "history.nothing_to_undo"
    assert str(UnicoError("plain")) == "plain" and UnicoError("plain").message == "plain"


# -- the registry --------------------------------------------------------------------------------
def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_templates_are_well_formed():
    for code, template in MESSAGES.items():
        assert re.fullmatch(r"[a-z_7]+(\.[a-z_0-9]+)+", code), code
        assert '"' not in template and "\\" not in template, code  # written as literals into core_strings.py
        for name in _fields(template):
            assert name.isidentifier(), (code, name)  # no attribute or index lookups: the GUI fills these too


def _builder_names(tree: ast.Module) -> tuple[set[str], set[str]]:
    """Names under which a module calls the builders: bare (from-import) and module aliases."""
    bare, modules = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "app.core.messages":
            bare |= {a.asname or a.name for a in node.names if a.name in BUILDERS}
        elif isinstance(node, ast.ImportFrom) and node.module == "app.core":
            modules |= {a.asname or a.name for a in node.names if a.name == "messages"}
    return bare, modules


def text_calls() -> list[tuple[str, ast.Call, ast.Module]]:
    calls = []
    for path in sorted(CORE.rglob("*.py")):
        if path.name == "messages.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        bare, modules = _builder_names(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            f = node.func
            name = f.id if isinstance(f, ast.Name) and f.id in bare else (
                f.attr if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id in modules
                else None)
            if name == "text":
                calls.append((f"{path.relative_to(CORE)}:{node.lineno}", node, tree))
    return calls


def _code_pattern(arg: ast.expr) -> re.Pattern | None:
    """A literal code, a conditional between literals, or an f-string (its holes match any word)."""
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return re.compile(re.escape(arg.value))
    if isinstance(arg, ast.IfExp):
        a, b = _code_pattern(arg.body), _code_pattern(arg.orelse)
        return re.compile(f"{a.pattern}|{b.pattern}") if a and b else None
    if isinstance(arg, ast.JoinedStr):
        return re.compile("".join(re.escape(v.value) if isinstance(v, ast.Constant) else r"[a-z_0-9]+"
                                  for v in arg.values))
    return None


def _module_codes(tree: ast.Module) -> set[str]:
    """Registered codes a module writes as literals or f-strings (its tables of codes)."""
    patterns = [_code_pattern(n) for n in ast.walk(tree) if isinstance(n, (ast.Constant, ast.JoinedStr))]
    return {c for p in patterns if p is not None for c in MESSAGES if p.fullmatch(c)}


def test_every_text_call_in_the_core_names_registered_codes_with_their_params():
    calls = text_calls()
    assert len(calls) > 80  # the scan sees the producers (it would pass vacuously otherwise)
    used: set[str] = set()
    problems = []
    for where, call, tree in calls:
        if len(call.args) != 1:
            problems.append(f"{where}: text() takes the code, then the params by name")
            continue
        given = {k.arg for k in call.keywords}
        pattern = _code_pattern(call.args[0])
        if pattern is None:  # a code from a table (sniff's magic numbers): one of the module's codes that fits
            codes = [c for c in _module_codes(tree) if _fields(MESSAGES[c]) == given]
        else:
            codes = [c for c in MESSAGES if pattern.fullmatch(c)]
        if not codes:
            problems.append(f"{where}: no registered code fits {ast.unparse(call.args[0])}")
        used |= set(codes)
        for code in codes:
            if None not in given and given != _fields(MESSAGES[code]):
                problems.append(f"{where}: {code} takes {sorted(_fields(MESSAGES[code]))}, given {sorted(given)}")
    assert problems == []
    assert set(MESSAGES) - used == set()  # no template left that nothing says


def test_producers_build_texts(tmp_path):
    from app.core.importing import plan_import
    from tests.samples import binary_file, till_contacts

    plan = plan_import(till_contacts(tmp_path))
    assert plan.warnings and all(isinstance(w, Text) for w in plan.warnings)
    with pytest.raises(BadDataError) as caught:
        plan_import(binary_file(tmp_path / "x.csv"))
    assert caught.value.message.code == "import.binary_file"


def test_report_caveat_with_a_currency_warning_is_one_translatable_text():
    from app.core.analytics.reports import CONTRIBUTION_NOTE, _currency, _note

    import pandas as pd

    events = pd.DataFrame({"amount": [1.0, 2.0, 3.0], "currency": ["EUR", "EUR", "USD"]})
    currency, warning = _currency(events)
    note = _note(CONTRIBUTION_NOTE, warning)
    assert currency == "EUR" and warning.code == "report.mixed_currencies"
    assert note == CONTRIBUTION_NOTE + " Amounts in several currencies (EUR, USD) are added as they are."
    assert note.code == JOIN and [p.code for p in note.params["parts"]] == ["report.contribution_note",
                                                                            "report.mixed_currencies"]
    assert _note(CONTRIBUTION_NOTE, None) is CONTRIBUTION_NOTE


def test_the_module_is_headless():
    assert not any(name.startswith("PySide6") for name in vars(messages))


def test_a_text_survives_a_json_round_trip():
    nested = joined([text("import.sheet_rows", sheet="A", rows=2), "plain"], "; ")
    t = text("import.sheet_chosen", sheet="Clienti", rows=3, others=nested)
    back = messages.load(json.loads(json.dumps(messages.dump(t))))
    assert back == t and back.code == t.code and back.params["others"].code == JOIN
    assert back.params["others"].params["parts"][0].code == "import.sheet_rows"
    dated = messages.load(json.loads(json.dumps(messages.dump(text("consent.on", day=date(2026, 1, 2))))))
    assert dated.params["day"] == date(2026, 1, 2) and dated == "on 2026-01-02"
