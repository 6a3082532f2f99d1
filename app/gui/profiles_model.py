"""A lazy table model over the profiles table: it holds only ids and fetches rows a page at a time
(Anki's browser pattern), so 100k profiles scroll smoothly without loading them all."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.core.queries import profile_summaries
from app.core.workspace import Workspace
from app.gui.i18n import format_date

PAGE = 200
MAX_CACHED = 20 * PAGE


class ProfilesModel(QAbstractTableModel):
    COLUMNS = ("display_name", "email", "phone", "city", "sources", "n_records", "last_activity")

    def __init__(self, reader: Callable[[], Workspace | None], parent: Any = None):
        super().__init__(parent)
        self._reader = reader
        self.ids: list[int] = []
        self._cache: dict[int, dict[str, Any]] = {}
        self.pages_fetched = 0  # for tests: proves rows are read on demand

    def headers(self) -> list[str]:
        return [self.tr("Name"), self.tr("Email"), self.tr("Phone"), self.tr("City"), self.tr("Sources"),
                self.tr("Records"), self.tr("Last activity")]

    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self.ids = ids
        self._cache.clear()
        self.endResetModel()

    def invalidate(self) -> None:
        """Rows changed in the database (a merge, a rematch): drop the cache, keep the ids."""
        self._cache.clear()
        if self.ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.ids) - 1, len(self.COLUMNS) - 1))

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def row(self, row: int) -> dict[str, Any] | None:
        pid = self.ids[row]
        if pid not in self._cache:
            self._fetch_page(row)
        return self._cache.get(pid)

    def _fetch_page(self, row: int) -> None:
        ws = self._reader()
        if ws is None:
            return
        if len(self._cache) >= MAX_CACHED:
            self._cache.clear()
        start = (row // PAGE) * PAGE
        self._cache.update(profile_summaries(ws, self.ids[start:start + PAGE]))
        self.pages_fetched += 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                                               Qt.ItemDataRole.TextAlignmentRole):
            return None
        key = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter) if key == "n_records" else None
        row = self.row(index.row())
        if row is None:
            return ""  # the profile vanished (merged away) since the search; the next refresh drops it
        value = row.get(key)
        if key == "last_activity":
            return format_date(value)
        if key == "sources" and value:
            return ", ".join(s.strip() for s in str(value).split(","))
        return "" if value is None else str(value)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None
