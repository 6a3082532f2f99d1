"""The importer's shortcuts give what the general code gives: the Shopify `'` cells, the all-columns-at-once
read, the per-column ``fields`` JSON, the copy-and-pop raw row, the Mailchimp member rows, the sniffer counts."""
from __future__ import annotations

import csv
import io
import random
import zipfile

import pytest

import samples as S
from app.core.importing import plan_import
from app.core.importing.archive import mailchimp_zip_table
from app.core.importing.contacts import fields_json, raw_json
from app.core.importing.convert import _EMPTY, Column, Converter, Unit, to_json
from app.core.importing import sniff

CELLS = ["'7270368703716", "'+393344387928", "'+39 333 1234567", "'", "'0", "'12a", "", " 5 ", "'=1+2", "+1+2",
         "'-5", "'+", "'+1a2", "'12a3", "'+٣٣٣", "'٣٣٣", "'²", "12", "a@b.it", " A@B.IT", "'00184", "'+39333\t",
         "=HYPERLINK(\"x\")"]


def _shopify_plan(tmp_path):
    return plan_import(S.shopify_customers(tmp_path))


@pytest.mark.parametrize("field", ["customer_id", "phone", "email", "postcode", "first_name", "total_spent"])
def test_column_cells_equal_the_general_path(tmp_path, field):
    plan = _shopify_plan(tmp_path)
    assert field in plan.mapping
    conv = Converter(plan)
    column = plan.mapping[field]
    units = [Unit(i + 2, {column: c}, {column: c}) for i, c in enumerate(CELLS)]
    got = conv.column(field, units)
    general = Converter(plan)
    expected = [_EMPTY if not c else general._miss(field, None, c, general._parsers[field]) for c in CELLS]
    assert got.cleaned == [e[0] for e in expected]
    assert got.parsed == [e[1] for e in expected]
    # the same cells read with every other mapped column at once (rows missing a column take "")
    together = conv.columns([Unit(u.line, u.values, dict(u.values)) for u in units])[field]
    assert together.cleaned == got.cleaned and together.parsed == got.parsed


def test_columns_of_rows_with_and_without_every_column(tmp_path):
    plan = _shopify_plan(tmp_path)
    headers = list(dict.fromkeys(plan.mapping.values()))
    rng = random.Random(3)
    full = [{h: rng.choice(CELLS) for h in headers} for _ in range(50)]
    partial = [{h: v for h, v in row.items() if rng.random() < 0.7} for row in full]
    for rows in (full, partial):
        units = [Unit(i + 2, r, r) for i, r in enumerate(rows)]
        together = Converter(plan).columns(units)
        one_by_one = Converter(plan)
        for name in plan.mapping:
            alone = one_by_one.column(name, units)
            assert (together[name].cleaned, together[name].parsed) == (alone.cleaned, alone.parsed), name


def test_fields_json_equals_a_dict_per_row():
    rng = random.Random(7)
    values = {
        "first_name": ["Mario", None, "Anna \"Nina\"", "Zoë", "a\\b", "tab\there"],
        "email": ["a@b.it", None, "x@y.com"],
        "total_spent": [(1.0, None), (0.0, "EUR"), None, (1, None), (True, None), (-2.5, "USD")],
        "registered_at": [None, "2021-07-11T13:06:05+02:00"],
    }
    n = 200
    cols = {}
    for name, pool in values.items():
        parsed = [rng.choice(pool) for _ in range(n)]
        cols[name] = Column(name, name, [None if p is None else "x" for p in parsed], parsed)
        if name == "registered_at":
            cols[name]._shown = parsed
    expected = [to_json({k: c.shown[i] for k, c in cols.items() if c.shown[i] is not None}) for i in range(n)]
    assert fields_json(cols, n) == expected
    assert fields_json({}, 2) == ["{}", "{}"]


def test_raw_json_drops_columns_in_place_order():
    raw = {"a": "1", "Note": "private", "b": "2", "IP": "1.2.3.4"}
    unit = Unit(2, raw, raw)
    dropped = frozenset({"Note", "IP", "absent"})
    assert raw_json(unit, dropped) == to_json({k: v for k, v in raw.items() if k not in dropped})
    assert raw == {"a": "1", "Note": "private", "b": "2", "IP": "1.2.3.4"}  # the row itself is untouched
    grouped = Unit(2, [raw, {"a": "3", "Note": "n"}], raw)
    assert raw_json(grouped, dropped) == to_json([{"a": "1", "b": "2"}, {"a": "3"}])


def test_mailchimp_member_rows_have_every_column_in_table_order(tmp_path):
    sub = S.MAILCHIMP_SUBSCRIBED
    unsub = sub + S.MAILCHIMP_UNSUB_EXTRA
    cleaned = sub[:18] + S.MAILCHIMP_CLEANED_EXTRA + sub[18:]  # Mailchimp puts CLEAN_* before LAST_CHANGED

    def text(headers, rows):
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows([headers, *rows])
        return buf.getvalue()

    def row(headers, n, short=False):
        cells = [f"{h}-{n}" for h in headers]
        cells[0] = f"p{n}@example.com"
        return cells[:5] if short else cells

    path = tmp_path / "mailchimp_audience.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("subscribed_members_export_x.csv",
                   text(sub, [row(sub, 1), row(sub, 2, short=True)]) + "\"broken,\"x\"y\n" + text([], [row(sub, 3)]))
        z.writestr("unsubscribed_members_export_x.csv", text(unsub, [row(unsub, 4)]))
        z.writestr("cleaned_members_export_x.csv", text(cleaned, [row(cleaned, 5)]))
    table = mailchimp_zip_table(path)
    records = list(table.records())
    assert len(records) == 6 and sum(r.problem is not None for r in records) == 1
    for r in records:
        assert list(r.values) == table.headers  # every column, in the table's order, broken rows too
    good = [r for r in records if r.problem is None]
    assert good[0].values["LEID"] == "LEID-1" and good[0].values["UNSUB_TIME"] == ""
    assert good[1].values["LEID"] == "" and good[1].values["_mailchimp_status"] == "subscribed"
    assert good[3].values["UNSUB_TIME"] == "UNSUB_TIME-4" and good[3].values["_mailchimp_status"] == "unsubscribed"
    assert good[4].values["CLEAN_TIME"] == "CLEAN_TIME-5" and good[4].values["_mailchimp_status"] == "cleaned"


def test_sniffer_counts_equal_a_loop_over_the_characters():
    rng = random.Random(11)
    for _ in range(500):
        chars = [chr(rng.choice((rng.randint(0, 40), rng.randint(0, 400), 0xFFFD, rng.randint(0, 0xD7FF))))
                 for _ in range(rng.randint(0, 80))]
        t = "".join(chars)
        assert len(sniff._CONTROL.findall(t)) == sum(1 for ch in t if ord(ch) < 32 and ch not in "\t\r\n\f")
        assert sniff._NON_ASCII.findall(t) == [c for c in t if ord(c) > 127]
        assert len(sniff._DECODED_NON_ASCII.findall(t)) == sum(1 for c in t if ord(c) > 127 and c != "\ufffd")
