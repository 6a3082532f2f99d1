"""Erasure (GDPR art. 17): a person leaves every source of the workspace; only salted hashes stay.

``forget(ws, profile_id)`` deletes, in one transaction: the profile's records (raw rows and their
change history included), their events, events and rejected rows that name one of the person's
emails, phones or card/customer numbers, their candidate pairs, memberships and the profile. The
decisions that named their records become stubs (kind, time, actor). The emails and phones go to
the suppression list as salted hashes (suppression.py), so a later import of the same address or
number is skipped and counted as suppressed. Rejects files beside the workspace lose the lines that
name the person. Deleted pages are overwritten (``secure_delete``) and the WAL is truncated, so
the values are gone from the file itself, not only from the tables.

The email tools must be told too (art. 19), but the workspace keeps no plain values: the erased
emails and phones are written once to ``<workspace dir>/<stem>-suppression/suppression_<date>.csv``
for the user to upload to Mailchimp / Klaviyo / Brevo as a suppression (unsubscribe) list and then
delete. Other profiles that still hold one of the erased emails or phones (a match the machine
missed, a family inbox) are listed for the steward to check, and so are the imported files that
held the person (they are the user's, outside the workspace). Erasure is final: it cannot be undone, and it closes the undo history before it (the
stored images of earlier steps may name the person).
"""
from __future__ import annotations

import csv
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import date
from itertools import zip_longest
from pathlib import Path

import orjson

from app.core.errors import UsageError
from app.core.matching.service import JUNK_KEY
from app.core.matching.store import profile_members, refs_of, temp_ids
from app.core.profiles import journal
from app.core.suppression import add_suppression, normalized_identifier
from app.core.workspace import Workspace, utcnow

UPLOAD_HINT = ("Upload it to your email tools as a suppression list (Mailchimp: import as unsubscribed; "
               "Klaviyo: suppressed profiles; Brevo: blocklist), then delete the file: it holds the plain "
               "addresses the workspace no longer keeps.")


@dataclass
class ForgetResult:
    profile_id: int
    records: int
    events: int
    rejects: int  # rejected rows removed (table and files)
    decisions: int  # decision-log rows reduced to stubs
    hashes: int  # suppression entries (emails and phones)
    suppression_file: str | None
    shared_with: list[int] = field(default_factory=list)  # other profiles with one of the erased emails/phones
    files: list[str] = field(default_factory=list)  # the imported files that held them (outside the workspace)

    def to_json(self) -> dict:
        return asdict(self)


@contextmanager
def secure_deletion(ws: Workspace) -> Iterator[None]:
    """Deleted pages overwritten and the WAL truncated afterwards: deleted values leave the file itself,
    not only the tables (run the deleting transaction inside)."""
    secure = ws.scalar("PRAGMA secure_delete")
    ws.execute("PRAGMA secure_delete = ON")
    try:
        yield
        ws.settle()  # a background checkpoint running now would make this one give up (busy)
        ws.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        ws.execute(f"PRAGMA secure_delete = {int(secure or 0)}")


def suppression_dir(ws: Workspace) -> Path:
    return ws.path.parent / f"{ws.path.stem}-suppression"


def _identifiers(ws: Workspace, record_ids: list[int]) -> tuple[list[str], list[str], set[str]]:
    """(emails, phones, every value that may point at the person: also national numbers and ids)."""
    with temp_ids(ws, record_ids, "_forget_ids") as t:
        rows = ws.query(f"SELECT r.n_email, r.n_email_key, r.n_phone, r.n_mobile, r.n_loyalty, r.n_customer_id, "
                        f"json_extract(r.fields, '$.email') FROM records r JOIN {t} t ON t.id = r.id")
    emails = sorted({e.strip().lower() for r in rows for e in (r[0], r[6]) if e and e.strip()})
    phones = sorted({p for r in rows for p in (r[2], r[3]) if p})
    ids = {v for r in rows for v in (r[1], r[4], r[5]) if v}
    national = {p[3:] for p in phones if p.startswith("+39")}
    return emails, phones, set(emails) | set(phones) | national | ids


def _sharing(ws: Workspace, emails: list[str], phones: list[str]) -> list[int]:
    """Profiles left with a record that has one of these emails or phones (a missed match, or a
    family inbox): the steward should look at them; their contact is suppressed from now on."""
    keys = [k for k in (normalized_identifier("email", e) for e in emails) if k]
    em, ph = ",".join("?" * len(keys)), ",".join("?" * len(phones))
    return [r[0] for r in ws.query(
        f"SELECT DISTINCT m.profile_id FROM records r JOIN memberships m ON m.record_id = r.id "
        f"WHERE r.n_email_key IN ({em}) OR r.n_phone IN ({ph}) OR r.n_mobile IN ({ph}) ORDER BY 1",
        (*keys, *phones, *phones))]


def _names_any(text: str, needles: set[str]) -> bool:
    low = text.lower()
    return any(n.lower() in low for n in needles)


def _naming(needles: set[str], column: str) -> tuple[str, list[str]]:
    """SQL true when ``column`` contains one of the values (LIKE: ASCII case folded)."""
    escaped = ["%" + n.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%" for n in sorted(needles)]
    return "(" + " OR ".join(f"{column} LIKE ? ESCAPE '\\'" for _ in escaped) + ")", escaped


def _sweep_rejects(ws: Workspace, needles: set[str]) -> int:
    """Rejected rows naming the person: from the table and from the rejects files on disk."""
    naming, params = _naming(needles, "raw")
    gone = ws.execute(f"DELETE FROM rejects WHERE {naming}", params).rowcount
    for (path,) in ws.query("SELECT DISTINCT rejects_path FROM imports WHERE rejects_path IS NOT NULL"):
        file = Path(path)
        if not file.is_file():
            continue
        with file.open(newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        kept = [r for r in rows if not _names_any(",".join(r), needles)]
        if len(kept) != len(rows):
            with file.open("w", newline="", encoding="utf-8") as f:
                csv.writer(f).writerows(kept)
            gone += len(rows) - len(kept)
    return gone


def _stub_decisions(ws: Workspace, refs: set[str]) -> int:
    """Decisions naming the person keep only kind, time and actor; lists of refs lose theirs."""
    marks = ",".join("?" * len(refs))
    n = ws.execute(f"UPDATE decisions SET a_ref = NULL, b_ref = NULL, reason = NULL, evidence = NULL, "
                   f"probability = NULL, payload = '{{}}' WHERE a_ref IN ({marks}) OR b_ref IN ({marks})",
                   (*refs, *refs)).rowcount
    for did, payload in ws.query("SELECT id, payload FROM decisions WHERE kind = 'unmerge' AND payload != '{}'"):
        data = orjson.loads(payload)
        apart = data.get("apart_from", [])
        if any(r in refs for r in apart):
            data["apart_from"] = [r for r in apart if r not in refs]
            ws.execute("UPDATE decisions SET payload = ? WHERE id = ?", (orjson.dumps(data).decode(), did))
    return n


def _scrub_junk(ws: Workspace, needles: set[str]) -> None:
    """The matcher's list of shared values (a family inbox) must not keep the person's either."""
    junk = ws.get_json(JUNK_KEY)
    if junk:
        ws.set_json(JUNK_KEY, {k: [v for v in vals if v not in needles] for k, vals in junk.items()})


def _write_suppression_file(ws: Workspace, emails: list[str], phones: list[str], today: date) -> Path | None:
    if not emails and not phones:
        return None
    folder = suppression_dir(ws)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"suppression_{today.isoformat()}.csv"
    rows: list[tuple[str, str]] = []
    if path.exists():  # one file per day: a day's erasures are uploaded together
        with path.open(newline="", encoding="utf-8") as f:
            rows = [(r[0], r[1]) for r in list(csv.reader(f))[1:] if len(r) >= 2]
    seen = {v for r in rows for v in r if v}
    new = [(e, p) for e, p in zip_longest([e for e in emails if e not in seen], [p for p in phones if p not in seen],
                                          fillvalue="")]
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(("email", "phone"))
        w.writerows(rows + new)
    return path


def forget(ws: Workspace, profile_id: int, *, actor: str = "steward", today: date | None = None) -> ForgetResult:
    """Erase the person of ``profile_id`` from the workspace (final)."""
    record_ids = sorted(profile_members(ws, [profile_id]))
    if not record_ids:
        raise UsageError(f"no profile {profile_id}; see `unico profiles`")
    with secure_deletion(ws), ws.atomic():
        emails, phones, needles = _identifiers(ws, record_ids)
        refs = set(refs_of(ws, record_ids).values())
        with temp_ids(ws, record_ids, "_forget_ids") as t:
            files = [r[0] for r in ws.query(
                f"SELECT DISTINCT i.file_path FROM imports i WHERE i.file_path IS NOT NULL AND i.id IN "
                f"(SELECT import_id FROM records WHERE id IN (SELECT id FROM {t}) UNION "
                f"SELECT import_id FROM events WHERE record_id IN (SELECT id FROM {t})) ORDER BY 1")]
            events = ws.execute(f"DELETE FROM events WHERE record_id IN (SELECT id FROM {t})").rowcount
            ws.execute(f"DELETE FROM records WHERE id IN (SELECT id FROM {t})")  # pairs, memberships, changes
        naming, params = _naming(needles, "raw")
        anonymous = ws.execute(f"DELETE FROM events WHERE record_id IS NULL AND (person_ref IN "
                               f"({','.join('?' * len(needles))}) OR {naming})", (*needles, *params)).rowcount
        ws.execute("DELETE FROM profiles WHERE id = ?", (profile_id,))
        rejects = _sweep_rejects(ws, needles)
        stubs = _stub_decisions(ws, refs)
        _scrub_junk(ws, needles)
        hashes = {add_suppression(ws, "email", e, reason="erased") for e in emails}
        hashes |= {add_suppression(ws, "phone", p, reason="erased") for p in phones}
        journal.forget_all(ws)
        ws.execute("INSERT INTO decisions(ts, kind, actor, reason, payload) VALUES (?, 'forget', ?, ?, ?)",
                   (utcnow(), actor, "erasure request (GDPR art. 17)",
                    orjson.dumps({"records": len(record_ids), "events": events + anonymous}).decode()))
        path = _write_suppression_file(ws, emails, phones, today or date.today())
        shared = _sharing(ws, emails, phones)
    return ForgetResult(profile_id, len(record_ids), events + anonymous, rejects, stubs, len(hashes),
                        str(path) if path else None, shared, files)
