"""`unico export email-tool OUT --for mailchimp|klaviyo|brevo`: a folder of files the tool imports as they are.

``OUT`` is a folder that must be new or empty: an old file left beside new ones could be uploaded
by mistake, so nothing is ever overwritten. It receives the tool's contact and suppression files
(only the non-empty ones), ``README.txt`` saying what to upload where, and — when any value was left
out — ``validation_report.csv`` (spreadsheet-safe, it is meant for Excel). The tool files are UTF-8
*without* a BOM (the tools read UTF-8, and a BOM can end up inside the first header, ``Email``) with
RFC 4180 quoting and CRLF rows; their values are validated, never ``'``-prefixed.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.core import messages
from app.core.errors import UsageError
from app.core.exporting.audience import COUNT_KEYS, NOTE_HEADERS, build_audience
from app.core.exporting.email_tools import TOOLS, EmailTool, ToolFile
from app.core.exporting.writers import replacing, write_csv
from app.core.jobs import Progress
from app.core.workspace import Workspace

if TYPE_CHECKING:
    from app.core.profiles.bulk import ProfileExport

REPORT_NAME = "validation_report.csv"
README_NAME = "README.txt"


@dataclass
class WrittenFile:
    path: Path
    rows: int
    how: str
    suppression: bool

    def to_json(self) -> dict:
        return {"path": str(self.path), "rows": self.rows, "how": self.how, "suppression": self.suppression}


@dataclass
class EmailToolResult:
    tool: str
    out_dir: Path
    files: list[WrittenFile]
    counts: dict[str, int]  # per person: see audience.COUNT_KEYS
    report_path: Path | None
    problems: int  # lines of the validation report

    def to_json(self) -> dict:
        return {"tool": self.tool, "out_dir": str(self.out_dir), "files": [f.to_json() for f in self.files],
                "counts": self.counts, "report_path": str(self.report_path) if self.report_path else None,
                "problems": self.problems}


def email_tool(tool_id: str) -> EmailTool:
    try:
        return TOOLS[tool_id]
    except KeyError:
        raise UsageError(f"unknown email tool {tool_id!r}; use one of: {', '.join(TOOLS)}") from None


def export_email_tool(ws: Workspace, out_dir: str | Path, tool_id: str, *, progress: Progress | None = None,
                      max_bytes: int | None = None) -> EmailToolResult:
    """Write the tool's files for every profile of ``ws`` into ``out_dir`` (new or empty)."""
    from app.core.profiles.bulk import iter_profile_exports

    email_tool(tool_id)
    _check_target(Path(out_dir))  # before reading every profile
    progress = progress or Progress()
    progress.update(0.0, messages.text("progress.reading_profiles"))
    profiles = iter_profile_exports(ws, progress=progress.sub(0.0, 0.9))
    result = write_email_tool(profiles, out_dir, tool_id, max_bytes=max_bytes)
    progress.update(1.0, messages.text("progress.done"))
    return result


def write_email_tool(profiles: Iterable[ProfileExport], out_dir: str | Path, tool_id: str, *,
                     max_bytes: int | None = None) -> EmailToolResult:
    """Write the tool's files for these golden records; ``max_bytes`` overrides the tool's split size."""
    tool = email_tool(tool_id)
    out = Path(out_dir)
    _check_target(out)
    audience = build_audience(profiles, ascii_local=tool.ascii_local, sms=tool.sms)
    files = tool.build(audience)
    created = not out.exists()
    out.mkdir(parents=True, exist_ok=True)
    written: list[WrittenFile] = []
    report = out / REPORT_NAME if audience.notes else None
    try:
        for f in files:
            if f.rows:
                written += _write_tool_file(out, f, tool.delimiter, max_bytes or tool.max_bytes)
        if report:
            write_csv(report, NOTE_HEADERS, (n.to_row() for n in audience.notes))
        (out / README_NAME).write_text(_readme(tool, written, report, len(audience.notes)), encoding="utf-8")
    except BaseException:
        for path in [*(w.path for w in written), report, out / README_NAME]:
            if path:
                path.unlink(missing_ok=True)
        if created:
            out.rmdir()
        raise
    counts = {k: audience.counts.get(k, 0) for k in COUNT_KEYS}
    return EmailToolResult(tool.id, out, written, counts, report, len(audience.notes))


def _check_target(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise UsageError(messages.text("export.folder_is_file", folder=out))
    if out.is_dir() and any(out.iterdir()):
        raise UsageError(messages.text("export.folder_not_empty", folder=out))


def _encoded_rows(f: ToolFile, delimiter: str) -> Iterator[bytes]:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    for row in (f.headers, *f.rows):
        writer.writerow(row)
        yield buf.getvalue().encode("utf-8")
        buf.seek(0)
        buf.truncate()


def _write_tool_file(out: Path, f: ToolFile, delimiter: str, max_bytes: int | None) -> list[WrittenFile]:
    """Write ``f``, split into ``name.csv``, ``name-2.csv``… when it would exceed ``max_bytes``."""
    lines = _encoded_rows(f, delimiter)
    header = next(lines)
    parts: list[list[bytes]] = [[]]
    size = len(header)
    for line in lines:
        if max_bytes and parts[-1] and size + len(line) > max_bytes:
            parts.append([])
            size = len(header)
        parts[-1].append(line)
        size += len(line)
    stem, suffix = f.name.rsplit(".", 1)
    written = []
    for i, part in enumerate(parts, start=1):
        path = out / (f.name if i == 1 else f"{stem}-{i}.{suffix}")
        with replacing(path) as fh:
            fh.write(header)
            fh.writelines(part)
        written.append(WrittenFile(path, len(part), f.how, f.suppression))
    return written


def _readme(tool: EmailTool, files: list[WrittenFile], report: Path | None, problems: int) -> str:
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [f"Unico export for {tool.label}, {when}", "", tool.notes, "", "Files:"]
    lines += [f"  {f.path.name} ({f.rows} rows): {f.how}" for f in files] or ["  (none: nobody to export)"]
    if report:
        lines.append(f"  {report.name}: {problems} values left out or left blank, with the reason (not for upload).")
    lines += [
        "",
        ("Only people who may be contacted are in the contact files: explicit consent, or for email soft spam "
         "(past buyers who gave their address during a sale and did not object). An unsubscribe, a bounce or a "
         "block in any source excludes a person unless they opted in again later; their addresses are in the "
         "suppression files so that the tool stops writing to them too."),
        "These files hold personal data: delete them once they are uploaded.",
    ]
    return "\n".join(lines) + "\n"
