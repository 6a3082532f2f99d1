"""The core's message templates (app.core.messages.MESSAGES) for lupdate, in the "core" context.

Written by `python -m app.gui.i18n_build --update`: do not edit (a test checks it is current).
"""
from PySide6.QtCore import QT_TRANSLATE_NOOP

TEMPLATES = (
    QT_TRANSLATE_NOOP("core", "{path}: no such workspace"),  # workspace.missing
    QT_TRANSLATE_NOOP("core", "{path}: cannot open: {error}"),  # workspace.cannot_open
    QT_TRANSLATE_NOOP("core", "{path}: cannot read: {reason}"),  # workspace.cannot_read
    QT_TRANSLATE_NOOP("core", "{path}: not a Unico workspace (not an SQLite database file)"),  # workspace.not_sqlite
    QT_TRANSLATE_NOOP("core", "{path}: not a Unico workspace ({error})"),  # workspace.not_unico_because
    QT_TRANSLATE_NOOP("core", "{path}: is an SQLite file but not a Unico workspace"),  # workspace.sqlite_not_unico
    QT_TRANSLATE_NOOP("core", "{path}: this workspace was written by a newer Unico (schema {version:d}); this version knows schema {known:d}. Please update Unico."),  # workspace.newer
    QT_TRANSLATE_NOOP("core", "{path}: workspace needs an upgrade; open it once for writing"),  # workspace.needs_upgrade
    QT_TRANSLATE_NOOP("core", "cannot read the file: {reason}"),  # import.cannot_read
    QT_TRANSLATE_NOOP("core", "the file is empty"),  # import.empty_file
    QT_TRANSLATE_NOOP("core", "no such file"),  # import.no_such_file
    QT_TRANSLATE_NOOP("core", "this is a folder, not a file"),  # import.folder
    QT_TRANSLATE_NOOP("core", "this is {what}, not a table; export the data as CSV or Excel and import that"),  # import.not_a_table
    QT_TRANSLATE_NOOP("core", "this is a binary file, not a table (CSV, TSV, Excel or ODS); check that you picked the right file"),  # import.binary_file
    QT_TRANSLATE_NOOP("core", "the file looks like a ZIP archive but cannot be opened ({error})"),  # import.bad_zip
    QT_TRANSLATE_NOOP("core", "this is a word-processor document (Word/Writer), not a table; export the data as CSV or Excel and import that"),  # import.word_document
    QT_TRANSLATE_NOOP("core", "this is a presentation, not a table"),  # import.presentation
    QT_TRANSLATE_NOOP("core", "this ZIP archive is not a Mailchimp audience export (it holds {listed}); unzip it and import the file inside"),  # import.zip_not_mailchimp
    QT_TRANSLATE_NOOP("core", "nothing"),  # import.zip_empty
    QT_TRANSLATE_NOOP("core", "{member} inside the archive is not a text file"),  # import.zip_member_binary
    QT_TRANSLATE_NOOP("core", "the Mailchimp archive holds no members"),  # import.mailchimp_empty
    QT_TRANSLATE_NOOP("core", "the file is {kind} although it is named .{ext}"),  # import.renamed
    QT_TRANSLATE_NOOP("core", "{note}; it was read as such"),  # import.read_as
    QT_TRANSLATE_NOOP("core", "the file looks like {kind} but cannot be read ({error}); save it again as .xlsx or CSV"),  # import.sheet_unreadable
    QT_TRANSLATE_NOOP("core", "the workbook is empty (no sheet has any data)"),  # import.workbook_empty
    QT_TRANSLATE_NOOP("core", "sheet {sheet!r} has an empty header row: no usable column"),  # import.sheet_header_empty
    QT_TRANSLATE_NOOP("core", "sheet {sheet!r} was read ({rows} rows); other sheets ignored: {others}"),  # import.sheet_chosen
    QT_TRANSLATE_NOOP("core", "{sheet!r} ({rows} rows)"),  # import.sheet_rows
    QT_TRANSLATE_NOOP("core", "the file holds no table (no header line found)"),  # import.no_header
    QT_TRANSLATE_NOOP("core", "the header line cannot be read ({error})"),  # import.header_unreadable
    QT_TRANSLATE_NOOP("core", "the header line is empty: no usable column"),  # import.header_empty
    QT_TRANSLATE_NOOP("core", "the header is on line {line:d}; the lines above it were skipped"),  # import.header_line
    QT_TRANSLATE_NOOP("core", "rows do not all have the same number of values with delimiter {delimiter!r}; the odd ones will be rejected"),  # import.ragged_rows
    QT_TRANSLATE_NOOP("core", "a quote opened on this line is never closed, so the rest of the file cannot be read as rows ({error})"),  # import.unclosed_quote
    QT_TRANSLATE_NOOP("core", "a PDF document"),  # file.pdf
    QT_TRANSLATE_NOOP("core", "a PNG image"),  # file.png
    QT_TRANSLATE_NOOP("core", "a JPEG image"),  # file.jpeg
    QT_TRANSLATE_NOOP("core", "a GIF image"),  # file.gif
    QT_TRANSLATE_NOOP("core", "a gzip archive"),  # file.gzip
    QT_TRANSLATE_NOOP("core", "a 7-Zip archive"),  # file.7z
    QT_TRANSLATE_NOOP("core", "a RAR archive"),  # file.rar
    QT_TRANSLATE_NOOP("core", "an SQLite database"),  # file.sqlite
    QT_TRANSLATE_NOOP("core", "an RTF document"),  # file.rtf
    QT_TRANSLATE_NOOP("core", "an old Excel/Office document"),  # file.old_office
    QT_TRANSLATE_NOOP("core", "an old-format Office document (.xls/.doc)"),  # file.old_office_format
    QT_TRANSLATE_NOOP("core", "an Excel workbook"),  # file.xlsx
    QT_TRANSLATE_NOOP("core", "an OpenDocument spreadsheet"),  # file.ods
    QT_TRANSLATE_NOOP("core", "a spreadsheet"),  # file.spreadsheet
    QT_TRANSLATE_NOOP("core", "none of the first {rows} rows can be read ({problem})"),  # import.no_rows_readable
    QT_TRANSLATE_NOOP("core", "the file has a header but no data rows"),  # import.no_data_rows
    QT_TRANSLATE_NOOP("core", "{bad} of the first {rows} rows have a broken structure and will be rejected"),  # import.broken_rows
    QT_TRANSLATE_NOOP("core", "times without an offset are read as UTC (no time zone known for region {region})"),  # import.utc_assumed
    QT_TRANSLATE_NOOP("core", "no usable column: none of the columns was recognised as a name, email, phone, id or address (columns: {columns}); use --map FIELD=COLUMN"),  # import.no_identity_column
    QT_TRANSLATE_NOOP("core", "no usable column: no column was recognised as the date of the events; use --map occurred_at=COLUMN (or event_date=… and event_time=…)"),  # import.no_date_column
    QT_TRANSLATE_NOOP("core", "{format} files hold {kind}; read as {chosen} with the automatic mapping instead"),  # import.format_holds_other_kind
    QT_TRANSLATE_NOOP("core", "contacts"),  # kind.contacts
    QT_TRANSLATE_NOOP("core", "events"),  # kind.events
    QT_TRANSLATE_NOOP("core", "people are found through column {column!r}: {share:.0%} of its values are keys of source {source!r} ({target})"),  # import.linked_through
    QT_TRANSLATE_NOOP("core", "column {column!r} is a general marketing consent: it is applied to email and SMS"),  # import.generic_consent
    QT_TRANSLATE_NOOP("core", "columns not kept (personal data Unico does not need): {columns}"),  # import.private_dropped
    QT_TRANSLATE_NOOP("core", "rows sharing the same {column!r} are read as one event (their amounts are added up)"),  # import.grouped_rows
    QT_TRANSLATE_NOOP("core", "column {column!r} repeats values (receipt numbers restart on each till or day): an event is identified by it together with the rest of its row"),  # import.repeating_event_id
    QT_TRANSLATE_NOOP("core", "column {column!r} ({field}) repeats values or is often empty in the first rows: not used as the key"),  # import.key_not_used
    QT_TRANSLATE_NOOP("core", "no key column: each row is keyed by a hash of its identity fields (a newer export of this file adds changed rows as new records instead of updating them)"),  # import.no_key
    QT_TRANSLATE_NOOP("core", "column {column!r}: the day/month order cannot be told from the data ({evidence}); read as {order}"),  # import.date_order_ambiguous
    QT_TRANSLATE_NOOP("core", "conflicting values: {dmy} can only be day/month (e.g. {dmy_example!r}) and {mdy} only month/day (e.g. {mdy_example!r}); using the majority, {order}"),  # dates.conflicting
    QT_TRANSLATE_NOOP("core", "{count} of {total} values have a first part above 12 (e.g. {example!r}): day/month"),  # dates.day_first
    QT_TRANSLATE_NOOP("core", "{count} of {total} values have a second part above 12 (e.g. {example!r}): month/day"),  # dates.month_first
    QT_TRANSLATE_NOOP("core", "{count} of {total} values are year-first (ISO)"),  # dates.year_first
    QT_TRANSLATE_NOOP("core", "all {count} day/month values could be read either way (both parts 12 or less); assumed day/month, the Italian default"),  # dates.either_way
    QT_TRANSLATE_NOOP("core", "no numeric dates among {total} values; assumed day/month"),  # dates.not_numeric
    QT_TRANSLATE_NOOP("core", "broken quoting: {error}"),  # reject.broken_quoting
    QT_TRANSLATE_NOOP("core", "the row has {values:d} values but the header has {columns:d} columns"),  # reject.value_count
    QT_TRANSLATE_NOOP("core", "the row has {values:d} values but the header has {columns:d} columns (a quote spanning lines {first:d}–{last:d}?)"),  # reject.value_count_quote
    QT_TRANSLATE_NOOP("core", "the row has values beyond the last named column ({values:d} > {columns:d})"),  # reject.beyond_last_column
    QT_TRANSLATE_NOOP("core", "no valid email address (the key of this file)"),  # reject.no_email_key
    QT_TRANSLATE_NOOP("core", "nothing identifies a person on this row (no id, name, email, phone or address)"),  # reject.nobody
    QT_TRANSLATE_NOOP("core", "duplicate key {key!r} (first on line {line:d})"),  # reject.duplicate_key
    QT_TRANSLATE_NOOP("core", "the date {date!r} cannot be read"),  # reject.date_unreadable
    QT_TRANSLATE_NOOP("core", "the date {date!r} / time {time!r} cannot be read"),  # reject.date_time_unreadable
    QT_TRANSLATE_NOOP("core", "the date/time {value!r} cannot be read"),  # reject.datetime_unreadable
    QT_TRANSLATE_NOOP("core", "no date/time: the event cannot be placed in time"),  # reject.no_datetime
    QT_TRANSLATE_NOOP("core", "the amount {value!r} cannot be read as a number"),  # reject.amount_unreadable
    QT_TRANSLATE_NOOP("core", "{count} {what} (first: {file}, line {line:d}, column {column!r})"),  # import.issues
    QT_TRANSLATE_NOOP("core", "cells look like spreadsheet formulas; kept as text in the raw row, never evaluated or used"),  # import.issue.formula
    QT_TRANSLATE_NOOP("core", "email addresses are not valid; kept in the raw row only"),  # import.issue.email
    QT_TRANSLATE_NOOP("core", "phone numbers are not valid; kept in the raw row only"),  # import.issue.phone
    QT_TRANSLATE_NOOP("core", "dates could not be read; kept in the raw row only"),  # import.issue.date
    QT_TRANSLATE_NOOP("core", "dates/times could not be read; kept in the raw row only"),  # import.issue.datetime
    QT_TRANSLATE_NOOP("core", "times could not be read; kept in the raw row only"),  # import.issue.time
    QT_TRANSLATE_NOOP("core", "numbers could not be read; kept in the raw row only"),  # import.issue.amount
    QT_TRANSLATE_NOOP("core", "consent values could not be read (treated as unknown)"),  # import.issue.consent
    QT_TRANSLATE_NOOP("core", "gender values could not be read"),  # import.issue.gender
    QT_TRANSLATE_NOOP("core", "codici fiscali are not valid (checksum); kept as written, not used for matching"),  # import.issue.cf
    QT_TRANSLATE_NOOP("core", "{count} amounts had no currency: EUR assumed (region {region})"),  # import.eur_assumed
    QT_TRANSLATE_NOOP("core", "{count} rows belong to people who asked to be forgotten (suppression list): their personal data was not imported"),  # import.suppressed_rows
    QT_TRANSLATE_NOOP("core", "{file} was already imported into {source!r} (import {import_id:d}); nothing was added"),  # import.already_imported
    QT_TRANSLATE_NOOP("core", "source {source!r} holds {held}, but this file holds {kind}; import it under another --source name"),  # import.source_holds_other_kind
    QT_TRANSLATE_NOOP("core", "import {import_id:d} of source {source!r} was followed by import {later:d} of the same source; undo {later:d} first"),  # import.undo_followed
    QT_TRANSLATE_NOOP("core", "import {import_id:d} added records that other sources point at: {listed}; undo those imports first"),  # import.undo_dependants
    QT_TRANSLATE_NOOP("core", "{count} events of {source!r} (import {import_id:d})"),  # import.undo_dependant
    QT_TRANSLATE_NOOP("core", "{count} removed records belonged to profiles: run `unico match` to bring the profiles up to date"),  # import.undo_left_profiles
    QT_TRANSLATE_NOOP("core", "{ref} {said} ({when})"),  # consent.statement
    QT_TRANSLATE_NOOP("core", "is blocklisted (suppressed)"),  # consent.said.suppressed
    QT_TRANSLATE_NOOP("core", "was cleaned (the address bounced)"),  # consent.said.cleaned
    QT_TRANSLATE_NOOP("core", "refused or unsubscribed"),  # consent.said.opt_out
    QT_TRANSLATE_NOOP("core", "opted in"),  # consent.said.opt_in
    QT_TRANSLATE_NOOP("core", "on {day}"),  # consent.on
    QT_TRANSLATE_NOOP("core", "undated; as of {day}, when the source was read"),  # consent.undated
    QT_TRANSLATE_NOOP("core", "{identifier} is on the suppression list of erased people: never contact"),  # consent.on_suppression_list
    QT_TRANSLATE_NOOP("core", "the opt-in of {day} ({source}) is newer than every refusal: it stands (legal basis: consent)"),  # consent.newer_opt_in
    QT_TRANSLATE_NOOP("core", "no opt-in is dated after the latest refusal, so the refusal wins"),  # consent.refusal_wins
    QT_TRANSLATE_NOOP("core", "{said} in {source}: do not contact (legal basis: none)"),  # consent.refused
    QT_TRANSLATE_NOOP("core", "opted in, no refusal anywhere (legal basis: consent, from {source})"),  # consent.opted_in
    QT_TRANSLATE_NOOP("core", "no consent recorded; {email} was given with a purchase ({ref}, last on {day}) and no source objects: soft-spam for the shop's own similar products, with an opt-out in every message (Codice Privacy art. 130(4))"),  # consent.soft_spam
    QT_TRANSLATE_NOOP("core", "no SMS consent recorded; the soft-spam exception covers email only (legal basis: none)"),  # consent.sms_not_soft_spam
    QT_TRANSLATE_NOOP("core", "no email consent recorded (legal basis: none)"),  # consent.none.email
    QT_TRANSLATE_NOOP("core", "no SMS consent recorded (legal basis: none)"),  # consent.none.sms
    QT_TRANSLATE_NOOP("core", "no activity for {months} (retention policy): consent expired, do not contact (legal basis: none)"),  # consent.retention_expired
    QT_TRANSLATE_NOOP("core", "{count} month"),  # consent.month
    QT_TRANSLATE_NOOP("core", "{count} months"),  # consent.months
    QT_TRANSLATE_NOOP("core", "match run {when:%Y-%m-%d %H:%M}: {count} automatic merges"),  # history.match_run
    QT_TRANSLATE_NOOP("core", "merge of profiles {a:d} and {b:d}"),  # history.merge_profiles
    QT_TRANSLATE_NOOP("core", "unmerge {ref} from profile {profile}"),  # history.unmerge
    QT_TRANSLATE_NOOP("core", "erasure of a person (final)"),  # history.erasure
    QT_TRANSLATE_NOOP("core", "{decision} {a} ↔ {b}"),  # history.decision
    QT_TRANSLATE_NOOP("core", "a record"),  # history.a_record
    QT_TRANSLATE_NOOP("core", "accept"),  # history.kind.accept
    QT_TRANSLATE_NOOP("core", "reject"),  # history.kind.reject
    QT_TRANSLATE_NOOP("core", "skip"),  # history.kind.skip
    QT_TRANSLATE_NOOP("core", "merge"),  # history.kind.merge
    QT_TRANSLATE_NOOP("core", "nothing to undo"),  # history.nothing_to_undo
    QT_TRANSLATE_NOOP("core", "nothing to redo"),  # history.nothing_to_redo
    QT_TRANSLATE_NOOP("core", "the latest step is an erasure, which is final: it cannot be undone (nor can the steps before it)"),  # history.erasure_is_final
    QT_TRANSLATE_NOOP("core", "no profile {profile:d}; see `unico profiles`"),  # profile.not_found
    QT_TRANSLATE_NOOP("core", "profile {profile:d} cannot be merged with itself"),  # profile.merge_itself
    QT_TRANSLATE_NOOP("core", "profiles {a:d} and {b:d} could not be merged: a decision keeps some of their records apart (see `unico history`)"),  # profile.merge_kept_apart
    QT_TRANSLATE_NOOP("core", "{ref} belongs to no profile yet; run `unico match` first"),  # profile.unmerge_unmatched
    QT_TRANSLATE_NOOP("core", "{ref} is the only record of profile {profile:d}: there is nothing to take it out of"),  # profile.unmerge_only_record
    QT_TRANSLATE_NOOP("core", "{target}: cannot write the file: {reason}"),  # export.cannot_write
    QT_TRANSLATE_NOOP("core", "{name}: name the file .csv or .xlsx (it decides the format)"),  # export.table_extension
    QT_TRANSLATE_NOOP("core", "{folder}: no such folder"),  # export.no_such_folder
    QT_TRANSLATE_NOOP("core", "{folder} is a file; give the name of a new folder for the export files"),  # export.folder_is_file
    QT_TRANSLATE_NOOP("core", "{folder} already holds files; choose a new or empty folder (an export never overwrites: an old file left beside the new ones could be uploaded by mistake)"),  # export.folder_not_empty
    QT_TRANSLATE_NOOP("core", "Done"),  # progress.done
    QT_TRANSLATE_NOOP("core", "Reading events"),  # progress.reading_events
    QT_TRANSLATE_NOOP("core", "Attributing ({model})"),  # progress.attributing
    QT_TRANSLATE_NOOP("core", "Attributing with every model"),  # progress.attributing_all
    QT_TRANSLATE_NOOP("core", "Finding online touches before store purchases"),  # progress.online_touches
    QT_TRANSLATE_NOOP("core", "Comparing windows"),  # progress.comparing_windows
    QT_TRANSLATE_NOOP("core", "Counting identified receipts"),  # progress.identified_receipts
    QT_TRANSLATE_NOOP("core", "Building journeys"),  # progress.journeys
    QT_TRANSLATE_NOOP("core", "Building paths without a purchase"),  # progress.paths_without_purchase
    QT_TRANSLATE_NOOP("core", "Journeys ready"),  # progress.journeys_ready
    QT_TRANSLATE_NOOP("core", "Profiles {done:,} of {total:,}"),  # progress.profiles
    QT_TRANSLATE_NOOP("core", "Profiles done"),  # progress.profiles_done
    QT_TRANSLATE_NOOP("core", "Reading profiles…"),  # progress.reading_profiles
    QT_TRANSLATE_NOOP("core", "Checking {file}…"),  # progress.checking_file
    QT_TRANSLATE_NOOP("core", "Importing {file}: {rows:,} rows read"),  # progress.importing_rows
    QT_TRANSLATE_NOOP("core", "Updating {count:,} profiles"),  # progress.updating_profiles
    QT_TRANSLATE_NOOP("core", "Imported {file}"),  # progress.imported
    QT_TRANSLATE_NOOP("core", "Importing {file}"),  # progress.importing
    QT_TRANSLATE_NOOP("core", "Creating the people of Bottega Rossi"),  # progress.demo_people
    QT_TRANSLATE_NOOP("core", "Creating about {count:,} people"),  # progress.demo_about_people
    QT_TRANSLATE_NOOP("core", "Simulating a year of customer journeys"),  # progress.demo_journeys
    QT_TRANSLATE_NOOP("core", "Writing the channel exports"),  # progress.demo_exports
    QT_TRANSLATE_NOOP("core", "Writing the contact files"),  # progress.demo_contact_files
    QT_TRANSLATE_NOOP("core", "Computing the ground truth"),  # progress.demo_truth
    QT_TRANSLATE_NOOP("core", "Writing the ground truth"),  # progress.demo_writing_truth
    QT_TRANSLATE_NOOP("core", "Demo retailer written"),  # progress.demo_written
    QT_TRANSLATE_NOOP("core", "Contact files written"),  # progress.demo_contacts_written
    QT_TRANSLATE_NOOP("core", "Matching the demo customers"),  # progress.demo_matching
    QT_TRANSLATE_NOOP("core", "Demo workspace ready"),  # progress.demo_ready
    QT_TRANSLATE_NOOP("core", "Reading records"),  # progress.reading_records
    QT_TRANSLATE_NOOP("core", "Preparing match keys"),  # progress.match_keys
    QT_TRANSLATE_NOOP("core", "Finding candidate pairs"),  # progress.candidate_pairs
    QT_TRANSLATE_NOOP("core", "Comparing {count:,} candidate pairs"),  # progress.comparing_pairs
    QT_TRANSLATE_NOOP("core", "Learning the model (EM)"),  # progress.learning
    QT_TRANSLATE_NOOP("core", "Scoring"),  # progress.scoring
    QT_TRANSLATE_NOOP("core", "Clustering"),  # progress.clustering
    QT_TRANSLATE_NOOP("core", "Updating profiles and the decision log"),  # progress.updating_profiles_log
    QT_TRANSLATE_NOOP("core", "Golden records {done:,} of {total:,}"),  # progress.golden_records
    QT_TRANSLATE_NOOP("core", "Counting what the retention policy removes"),  # progress.retention_counting
    QT_TRANSLATE_NOOP("core", "Deleting {count:,} events"),  # progress.retention_deleting
    QT_TRANSLATE_NOOP("core", "Retention policy applied"),  # progress.retention_applied
    QT_TRANSLATE_NOOP("core", "Credits share out the purchases of identified customers among the touches in the window before them; they describe the paths, not what each channel caused. Anonymous purchases have no path and are counted apart."),  # report.contribution_note
    QT_TRANSLATE_NOOP("core", "A receipt is identified when it names a known person (loyalty card, e-receipt email…), whether or not matching has linked that person to other sources yet."),  # report.identification_note
    QT_TRANSLATE_NOOP("core", "Assisted, not caused: these purchases only co-occur with an earlier touch among identified buyers (anonymous buyers are not seen), which does not prove the touch made the sale; to measure the effect, hold a random 10% of customers out of a campaign and compare their store purchases."),  # report.ropo_note
    QT_TRANSLATE_NOOP("core", "Amounts in several currencies ({currencies}) are added as they are."),  # report.mixed_currencies
)
