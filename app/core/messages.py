"""Messages for the user that a GUI can show in another language.

The core writes plain English sentences (the CLI prints them, JSON carries them, tests compare
them). A ``Text`` *is* that sentence — a ``str`` — and also remembers which message it is
(``code``, a key of ``MESSAGES``) and the values it was filled with (``params``), so the GUI can
look the English template up in its translations and fill it again with values formatted for the
user's locale. Build one with ``text(code, **params)``:

* a param is a value the template shows: a number or date (the GUI formats it with the locale),
  a nested ``Text`` (translated in turn), or data shown as it is (a file name, a column, a source);
* ``{name!r}`` quotes a value (a column name) and a format spec formats it (``{share:.0%}``,
  ``{when:%Y-%m-%d %H:%M}``; ``{line:d}`` marks a number that is an id or a line, shown without
  thousands separators) — the English comes from ``str.format``, the GUI reads the same
  placeholders in the translated template;
* ``joined(parts, sep)`` keeps a list of messages (or a message and its warning) translatable.

``MESSAGES`` is the one registry of templates: ``python -m app.gui.i18n_build --update`` writes it
into the GUI's translation sources, and a test checks that every ``text()`` call names a code
registered here with the params its template uses.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

JOIN = "join"  # the code of joined(): not a template, its parts are translated one by one

MESSAGES: dict[str, str] = {
    # -- opening a workspace (app.core.workspace) ------------------------------------------------------
    "workspace.missing": "{path}: no such workspace",
    "workspace.cannot_open": "{path}: cannot open: {error}",
    "workspace.cannot_read": "{path}: cannot read: {reason}",
    "workspace.not_sqlite": "{path}: not a Unico workspace (not an SQLite database file)",
    "workspace.not_unico_because": "{path}: not a Unico workspace ({error})",
    "workspace.sqlite_not_unico": "{path}: is an SQLite file but not a Unico workspace",
    "workspace.newer": "{path}: this workspace was written by a newer Unico (schema {version:d}); this version knows "
                       "schema {known:d}. Please update Unico.",
    "workspace.needs_upgrade": "{path}: workspace needs an upgrade; open it once for writing",
    # -- what a file is (app.core.importing.sniff, readers, sheets, archive) -----------------------
    "import.cannot_read": "cannot read the file: {reason}",
    "import.empty_file": "the file is empty",
    "import.no_such_file": "no such file",
    "import.folder": "this is a folder, not a file",
    "import.not_a_table": "this is {what}, not a table; export the data as CSV or Excel and import that",
    "import.binary_file": "this is a binary file, not a table (CSV, TSV, Excel or ODS); "
                          "check that you picked the right file",
    "import.bad_zip": "the file looks like a ZIP archive but cannot be opened ({error})",
    "import.word_document": "this is a word-processor document (Word/Writer), not a table; "
                            "export the data as CSV or Excel and import that",
    "import.presentation": "this is a presentation, not a table",
    "import.zip_not_mailchimp": "this ZIP archive is not a Mailchimp audience export (it holds {listed}); "
                                "unzip it and import the file inside",
    "import.zip_empty": "nothing",
    "import.zip_member_binary": "{member} inside the archive is not a text file",
    "import.mailchimp_empty": "the Mailchimp archive holds no members",
    "import.renamed": "the file is {kind} although it is named .{ext}",
    "import.read_as": "{note}; it was read as such",
    "import.sheet_unreadable": "the file looks like {kind} but cannot be read ({error}); save it again as .xlsx or CSV",
    "import.workbook_empty": "the workbook is empty (no sheet has any data)",
    "import.sheet_header_empty": "sheet {sheet!r} has an empty header row: no usable column",
    "import.sheet_chosen": "sheet {sheet!r} was read ({rows} rows); other sheets ignored: {others}",
    "import.sheet_rows": "{sheet!r} ({rows} rows)",
    "import.no_header": "the file holds no table (no header line found)",
    "import.header_unreadable": "the header line cannot be read ({error})",
    "import.header_empty": "the header line is empty: no usable column",
    "import.header_line": "the header is on line {line:d}; the lines above it were skipped",
    "import.ragged_rows": "rows do not all have the same number of values with delimiter {delimiter!r}; "
                          "the odd ones will be rejected",
    "import.unclosed_quote": "a quote opened on this line is never closed, so the rest of the file cannot be read "
                             "as rows ({error})",
    "file.pdf": "a PDF document",
    "file.png": "a PNG image",
    "file.jpeg": "a JPEG image",
    "file.gif": "a GIF image",
    "file.gzip": "a gzip archive",
    "file.7z": "a 7-Zip archive",
    "file.rar": "a RAR archive",
    "file.sqlite": "an SQLite database",
    "file.rtf": "an RTF document",
    "file.old_office": "an old Excel/Office document",
    "file.old_office_format": "an old-format Office document (.xls/.doc)",
    "file.xlsx": "an Excel workbook",
    "file.ods": "an OpenDocument spreadsheet",
    "file.spreadsheet": "a spreadsheet",
    # -- the import plan (app.core.importing.plan) and the dates of a column (normalize.dates) -----
    "import.no_rows_readable": "none of the first {rows} rows can be read ({problem})",
    "import.no_data_rows": "the file has a header but no data rows",
    "import.broken_rows": "{bad} of the first {rows} rows have a broken structure and will be rejected",
    "import.utc_assumed": "times without an offset are read as UTC (no time zone known for region {region})",
    "import.no_identity_column": "no usable column: none of the columns was recognised as a name, email, phone, id "
                                 "or address (columns: {columns}); use --map FIELD=COLUMN",
    "import.no_date_column": "no usable column: no column was recognised as the date of the events; "
                             "use --map occurred_at=COLUMN (or event_date=… and event_time=…)",
    "import.format_holds_other_kind": "{format} files hold {kind}; read as {chosen} with the automatic mapping instead",
    "kind.contacts": "contacts",
    "kind.events": "events",
    "import.linked_through": "people are found through column {column!r}: {share:.0%} of its values are keys of "
                             "source {source!r} ({target})",
    "import.generic_consent": "column {column!r} is a general marketing consent: it is applied to email and SMS",
    "import.private_dropped": "columns not kept (personal data Unico does not need): {columns}",
    "import.grouped_rows": "rows sharing the same {column!r} are read as one event (their amounts are added up)",
    "import.repeating_event_id": "column {column!r} repeats values (receipt numbers restart on each till or day): "
                                 "an event is identified by it together with the rest of its row",
    "import.key_not_used": "column {column!r} ({field}) repeats values or is often empty in the first rows: "
                           "not used as the key",
    "import.no_key": "no key column: each row is keyed by a hash of its identity fields (a newer export of this "
                     "file adds changed rows as new records instead of updating them)",
    "import.date_order_ambiguous": "column {column!r}: the day/month order cannot be told from the data "
                                   "({evidence}); read as {order}",
    "dates.conflicting": "conflicting values: {dmy} can only be day/month (e.g. {dmy_example!r}) and {mdy} only "
                         "month/day (e.g. {mdy_example!r}); using the majority, {order}",
    "dates.day_first": "{count} of {total} values have a first part above 12 (e.g. {example!r}): day/month",
    "dates.month_first": "{count} of {total} values have a second part above 12 (e.g. {example!r}): month/day",
    "dates.year_first": "{count} of {total} values are year-first (ISO)",
    "dates.either_way": "all {count} day/month values could be read either way (both parts 12 or less); "
                        "assumed day/month, the Italian default",
    "dates.not_numeric": "no numeric dates among {total} values; assumed day/month",
    # -- why a row was rejected (kept with the reject; app.core.importing) ----------------------------
    "reject.broken_quoting": "broken quoting: {error}",
    "reject.value_count": "the row has {values:d} values but the header has {columns:d} columns",
    "reject.value_count_quote": "the row has {values:d} values but the header has {columns:d} columns (a quote "
                                "spanning lines {first:d}–{last:d}?)",
    "reject.beyond_last_column": "the row has values beyond the last named column ({values:d} > {columns:d})",
    "reject.no_email_key": "no valid email address (the key of this file)",
    "reject.nobody": "nothing identifies a person on this row (no id, name, email, phone or address)",
    "reject.duplicate_key": "duplicate key {key!r} (first on line {line:d})",
    "reject.date_unreadable": "the date {date!r} cannot be read",
    "reject.date_time_unreadable": "the date {date!r} / time {time!r} cannot be read",
    "reject.datetime_unreadable": "the date/time {value!r} cannot be read",
    "reject.no_datetime": "no date/time: the event cannot be placed in time",
    "reject.amount_unreadable": "the amount {value!r} cannot be read as a number",
    # -- running and undoing an import (app.core.importing.convert, service, history) --------------
    "import.issues": "{count} {what} (first: {file}, line {line:d}, column {column!r})",
    "import.issue.formula": "cells look like spreadsheet formulas; kept as text in the raw row, never evaluated "
                            "or used",
    "import.issue.email": "email addresses are not valid; kept in the raw row only",
    "import.issue.phone": "phone numbers are not valid; kept in the raw row only",
    "import.issue.date": "dates could not be read; kept in the raw row only",
    "import.issue.datetime": "dates/times could not be read; kept in the raw row only",
    "import.issue.time": "times could not be read; kept in the raw row only",
    "import.issue.amount": "numbers could not be read; kept in the raw row only",
    "import.issue.consent": "consent values could not be read (treated as unknown)",
    "import.issue.gender": "gender values could not be read",
    "import.issue.cf": "codici fiscali are not valid (checksum); kept as written, not used for matching",
    "import.eur_assumed": "{count} amounts had no currency: EUR assumed (region {region})",
    "import.suppressed_rows": "{count} rows belong to people who asked to be forgotten (suppression list): "
                              "their personal data was not imported",
    "import.already_imported": "{file} was already imported into {source!r} (import {import_id:d}); nothing was added",
    "import.source_holds_other_kind": "source {source!r} holds {held}, but this file holds {kind}; "
                                      "import it under another --source name",
    "import.undo_followed": "import {import_id:d} of source {source!r} was followed by import {later:d} of the "
                            "same source; undo {later:d} first",
    "import.undo_dependants": "import {import_id:d} added records that other sources point at: {listed}; "
                              "undo those imports first",
    "import.undo_dependant": "{count} events of {source!r} (import {import_id:d})",
    "import.undo_left_profiles": "{count} removed records belonged to profiles: run `unico match` to bring the "
                                 "profiles up to date",
    # -- consent (app.core.profiles.consent) -----------------------------------------------------------
    "consent.statement": "{ref} {said} ({when})",
    "consent.said.suppressed": "is blocklisted (suppressed)",
    "consent.said.cleaned": "was cleaned (the address bounced)",
    "consent.said.opt_out": "refused or unsubscribed",
    "consent.said.opt_in": "opted in",
    "consent.on": "on {day}",
    "consent.undated": "undated; as of {day}, when the source was read",
    "consent.on_suppression_list": "{identifier} is on the suppression list of erased people: never contact",
    "consent.newer_opt_in": "the opt-in of {day} ({source}) is newer than every refusal: it stands "
                            "(legal basis: consent)",
    "consent.refusal_wins": "no opt-in is dated after the latest refusal, so the refusal wins",
    "consent.refused": "{said} in {source}: do not contact (legal basis: none)",
    "consent.opted_in": "opted in, no refusal anywhere (legal basis: consent, from {source})",
    "consent.soft_spam": "no consent recorded; {email} was given with a purchase ({ref}, last on {day}) and no "
                         "source objects: soft-spam for the shop's own similar products, with an opt-out in every "
                         "message (Codice Privacy art. 130(4))",
    "consent.sms_not_soft_spam": "no SMS consent recorded; the soft-spam exception covers email only "
                                 "(legal basis: none)",
    "consent.none.email": "no email consent recorded (legal basis: none)",
    "consent.none.sms": "no SMS consent recorded (legal basis: none)",
    "consent.retention_expired": "no activity for {months} (retention policy): consent expired, do not contact "
                                 "(legal basis: none)",
    "consent.month": "{count} month",
    "consent.months": "{count} months",
    # -- the decision history, undo and redo (app.core.profiles.steps) ----------------------------------
    "history.match_run": "match run {when:%Y-%m-%d %H:%M}: {count} automatic merges",
    "history.merge_profiles": "merge of profiles {a:d} and {b:d}",
    "history.unmerge": "unmerge {ref} from profile {profile}",
    "history.erasure": "erasure of a person (final)",
    "history.decision": "{decision} {a} ↔ {b}",
    "history.a_record": "a record",
    "history.kind.accept": "accept",
    "history.kind.reject": "reject",
    "history.kind.skip": "skip",
    "history.kind.merge": "merge",
    "history.nothing_to_undo": "nothing to undo",
    "history.nothing_to_redo": "nothing to redo",
    "history.erasure_is_final": "the latest step is an erasure, which is final: it cannot be undone "
                                "(nor can the steps before it)",
    # -- the steward's merges and unmerges (app.core.profiles.edits) -------------------------------------
    "profile.not_found": "no profile {profile:d}; see `unico profiles`",
    "profile.merge_itself": "profile {profile:d} cannot be merged with itself",
    "profile.merge_kept_apart": "profiles {a:d} and {b:d} could not be merged: a decision keeps some of their records "
                                "apart (see `unico history`)",
    "profile.unmerge_unmatched": "{ref} belongs to no profile yet; run `unico match` first",
    "profile.unmerge_only_record": "{ref} is the only record of profile {profile:d}: there is nothing to take it out of",
    # -- exports (app.core.exporting) -------------------------------------------------------------------
    "export.cannot_write": "{target}: cannot write the file: {reason}",
    "export.table_extension": "{name}: name the file .csv or .xlsx (it decides the format)",
    "export.no_such_folder": "{folder}: no such folder",
    "export.folder_is_file": "{folder} is a file; give the name of a new folder for the export files",
    "export.folder_not_empty": "{folder} already holds files; choose a new or empty folder (an export never "
                               "overwrites: an old file left beside the new ones could be uploaded by mistake)",
    # -- progress of long work (shown beside the desktop app's progress bars) ----------------------------
    "progress.done": "Done",
    "progress.reading_events": "Reading events",
    "progress.attributing": "Attributing ({model})",
    "progress.attributing_all": "Attributing with every model",
    "progress.online_touches": "Finding online touches before store purchases",
    "progress.comparing_windows": "Comparing windows",
    "progress.identified_receipts": "Counting identified receipts",
    "progress.journeys": "Building journeys",
    "progress.paths_without_purchase": "Building paths without a purchase",
    "progress.journeys_ready": "Journeys ready",
    "progress.profiles": "Profiles {done:,} of {total:,}",
    "progress.profiles_done": "Profiles done",
    "progress.reading_profiles": "Reading profiles…",
    "progress.checking_file": "Checking {file}…",
    "progress.importing_rows": "Importing {file}: {rows:,} rows read",
    "progress.updating_profiles": "Updating {count:,} profiles",
    "progress.imported": "Imported {file}",
    "progress.importing": "Importing {file}",
    "progress.demo_people": "Creating the people of Bottega Rossi",
    "progress.demo_about_people": "Creating about {count:,} people",
    "progress.demo_journeys": "Simulating a year of customer journeys",
    "progress.demo_exports": "Writing the channel exports",
    "progress.demo_contact_files": "Writing the contact files",
    "progress.demo_truth": "Computing the ground truth",
    "progress.demo_writing_truth": "Writing the ground truth",
    "progress.demo_written": "Demo retailer written",
    "progress.demo_contacts_written": "Contact files written",
    "progress.demo_matching": "Matching the demo customers",
    "progress.demo_ready": "Demo workspace ready",
    "progress.reading_records": "Reading records",
    "progress.match_keys": "Preparing match keys",
    "progress.candidate_pairs": "Finding candidate pairs",
    "progress.comparing_pairs": "Comparing {count:,} candidate pairs",
    "progress.learning": "Learning the model (EM)",
    "progress.scoring": "Scoring",
    "progress.clustering": "Clustering",
    "progress.updating_profiles_log": "Updating profiles and the decision log",
    "progress.golden_records": "Golden records {done:,} of {total:,}",
    "progress.retention_counting": "Counting what the retention policy removes",
    "progress.retention_deleting": "Deleting {count:,} events",
    "progress.retention_applied": "Retention policy applied",
    # -- report caveats (app.core.analytics) ------------------------------------------------------------
    "report.contribution_note": "Credits share out the purchases of identified customers among the touches in the "
                                "window before them; they describe the paths, not what each channel caused. "
                                "Anonymous purchases have no path and are counted apart.",
    "report.identification_note": "A receipt is identified when it names a known person (loyalty card, e-receipt "
                                  "email…), whether or not matching has linked that person to other sources yet.",
    "report.ropo_note": "Assisted, not caused: these purchases only co-occur with an earlier touch among identified "
                        "buyers (anonymous buyers are not seen), which does not prove the touch made the sale; to "
                        "measure the effect, hold a random 10% of customers out of a campaign and compare their "
                        "store purchases.",
    "report.mixed_currencies": "Amounts in several currencies ({currencies}) are added as they are.",
}


class Text(str):
    """The English sentence of message ``code`` filled with ``params`` (see the module docstring)."""

    code: str
    params: dict[str, Any]

    def __new__(cls, code: str, params: Mapping[str, Any], english: str | None = None) -> "Text":
        self = super().__new__(cls, MESSAGES[code].format(**params) if english is None else english)
        self.code = code
        self.params = dict(params)
        return self

    def __reduce__(self) -> tuple:  # copy, deepcopy (dataclasses.asdict) and pickle keep code and params
        return (Text, (self.code, self.params, str(self)))

    @property
    def template(self) -> str:
        """The English template (empty for ``joined``)."""
        return MESSAGES.get(self.code, "")


def text(code: str, **params: Any) -> Text:
    """The message ``code`` of ``MESSAGES`` filled with ``params``."""
    return Text(code, params)


def joined(parts: Iterable[str], sep: str = ", ") -> Text:
    """``sep.join(parts)`` that stays translatable part by part."""
    parts = tuple(parts)
    return Text(JOIN, {"parts": parts, "sep": sep}, sep.join(parts))


def dump(t: Text) -> dict[str, Any]:
    """A Text as JSON-ready data (kept beside its English where it is stored, e.g. a reject's reason)."""
    return {"code": t.code, "params": {k: _dump(v) for k, v in t.params.items()}}


def load(data: Mapping[str, Any]) -> Text:
    """The Text ``dump`` wrote."""
    params = {k: _load(v) for k, v in data["params"].items()}
    if data["code"] == JOIN:
        return joined(params["parts"], params["sep"])
    return Text(data["code"], params)


def _dump(value: Any) -> Any:
    if isinstance(value, Text):
        return {"text": dump(value)}
    if isinstance(value, (list, tuple)):
        return [_dump(v) for v in value]
    if isinstance(value, datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    return value if value is None or isinstance(value, (bool, int, float, str)) else str(value)


def _load(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_load(v) for v in value)
    if isinstance(value, dict):
        if "text" in value:
            return load(value["text"])
        return datetime.fromisoformat(value["datetime"]) if "datetime" in value else date.fromisoformat(value["date"])
    return value


def as_date(iso: str | None) -> date | str:
    """The day of an ISO date or timestamp as a ``date`` (the GUI shows it in the locale's form; in
    English it prints as ``YYYY-MM-DD``); text that is not an ISO date is returned as it is."""
    head = (iso or "")[:10]
    try:
        return date.fromisoformat(head)
    except ValueError:
        return head

