"""One exception family for everything the user should be told about in plain words."""
from __future__ import annotations

from dataclasses import dataclass


class UnicoError(Exception):
    """Base of every error shown to the user (CLI exit 1, GUI error dialog). ``message`` is what
    it says: a plain str, or an ``app.core.messages.Text`` the GUI can translate."""

    exit_code = 1

    def __init__(self, message: str = "", *args: object):
        super().__init__(message, *args)
        self.message = message


class UsageError(UnicoError):
    """The user asked for something that cannot be done as asked (CLI exit 2)."""

    exit_code = 2


class WorkspaceError(UnicoError):
    """The workspace file cannot be opened or is not a Unico workspace."""


class Cancelled(UnicoError):
    """A long operation was cancelled by the user; nothing was written."""


@dataclass
class Where:
    """Where in a file a problem is: every field optional, printed as file:line:column."""

    file: str | None = None
    line: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        parts = [p for p in (self.file, self.line and f"line {self.line}", self.column and f"column {self.column!r}") if p]
        return ", ".join(str(p) for p in parts)


class BadDataError(UnicoError):
    """The input cannot be used at all (empty, binary, unreadable). Nothing was written."""

    def __init__(self, message: str, where: Where | None = None):
        self.where = where or Where()
        super().__init__(f"{self.where}: {message}" if str(self.where) else message)
        self.message = message  # without the place: the GUI words the place itself

    def __reduce__(self) -> tuple:  # raised in the helper process, re-raised here with its place
        return (type(self), (self.message, self.where))
