"""The Sources screen: what was imported — each source with its kind, channel, format, file,
counts and mapping; its import history; and each import's rejected rows, viewable and saveable."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core import importing
from app.gui.i18n import format_datetime, format_number
from app.gui.jobs import Job, WorkspaceSession
from app.gui.vocab import channel_label, count_label, field_label, format_label, kind_label
from app.gui.widgets import Retranslating, Column, RowsModel, ScreenHeader, icon, rejects_model, save_copy, table_view

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow


def counts_text(counts: dict[str, int]) -> str:
    return ", ".join(f"{count_label(k)} {format_number(v)}" for k, v in counts.items() if v)


class SourcesScreen(Retranslating, QWidget):
    def __init__(self, window: "MainWindow"):
        super().__init__()
        self.window_ = window
        self.session: WorkspaceSession | None = None
        self.header = ScreenHeader()
        self.import_button = QPushButton(icon("import"), "")
        self.import_button.setProperty("primary", True)
        self.import_button.clicked.connect(lambda: window.import_files())
        self.undo_button = QPushButton(icon("undo"), "")
        self.undo_button.clicked.connect(self.undo_selected_import)

        self.sources_model = RowsModel([
            Column(lambda: self.tr("Source"), lambda s: s["name"]),
            Column(lambda: self.tr("Kind"), lambda s: kind_label(s["kind"])),
            Column(lambda: self.tr("Channel"), lambda s: channel_label(s["channel"])),
            Column(lambda: self.tr("Format"), lambda s: format_label(s["format"])),
            Column(lambda: self.tr("File"), lambda s: s.get("file_name")),
            Column(lambda: self.tr("Records"), lambda s: format_number(s.get("records", 0)), Qt.AlignmentFlag.AlignRight),
            Column(lambda: self.tr("Events"), lambda s: format_number(s.get("events", 0)), Qt.AlignmentFlag.AlignRight),
            Column(lambda: self.tr("People on events"), lambda s: format_number(s.get("identities", 0)),
                   Qt.AlignmentFlag.AlignRight),
            Column(lambda: self.tr("Updated"), lambda s: format_datetime(s.get("updated_at"))),
        ])
        self.mapping_model = RowsModel([
            Column(lambda: self.tr("Field"), lambda m: field_label(m[0])),
            Column(lambda: self.tr("Column in the file"), lambda m: m[1]),
        ])
        self.imports_model = RowsModel([
            Column(lambda: self.tr("Imported"), lambda i: format_datetime(i.get("started_at"))),
            Column(lambda: self.tr("File"), lambda i: i.get("file_name")),
            Column(lambda: self.tr("Counts"), lambda i: counts_text(i.get("counts") or {})),
            Column(lambda: self.tr("Status"), lambda i: self.tr("Undone") if i.get("status") == "undone" else self.tr("Done")),
        ])
        self.rejects_model = rejects_model(self)
        self.sources_view = table_view(self.sources_model)
        self.sources_view.selectionModel().currentRowChanged.connect(lambda cur, _p: self._source_selected(cur.row()))
        self.imports_view = table_view(self.imports_model)
        self.imports_view.selectionModel().currentRowChanged.connect(lambda cur, _p: self._import_selected(cur.row()))
        self.rejects_view = table_view(self.rejects_model)
        self.save_rejects_button = QPushButton(icon("save"), "")
        self.save_rejects_button.clicked.connect(self.save_rejects)
        self.rejects_label = QLabel()
        self.rejects_label.setObjectName("hint")

        rejects_page = QWidget()
        rl = QVBoxLayout(rejects_page)
        row = QHBoxLayout()
        row.addWidget(self.rejects_label, 1)
        row.addWidget(self.save_rejects_button)
        rl.addLayout(row)
        rl.addWidget(self.rejects_view, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(table_view(self.mapping_model), "")
        self.tabs.addTab(self.imports_view, "")
        self.tabs.addTab(rejects_page, "")

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.sources_view)
        split.addWidget(self.tabs)
        split.setSizes([330, 370])
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignBottom)
        top.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignBottom)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 12)
        lay.addLayout(top)
        lay.addWidget(split, 1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.header.set_text(self.tr("Sources"), self.tr(
            "Every channel export you imported: what it holds, how its columns were read, and the rows "
            "that could not be used."))
        self.import_button.setText(self.tr("Import files…"))
        self.import_button.setToolTip(self.window_.act_import.toolTip())
        self.undo_button.setText(self.tr("Undo import"))
        self.undo_button.setToolTip(self.tr(
            "Take back the selected import: its new rows go, updated rows return to what they were"))
        self.save_rejects_button.setText(self.tr("Save as CSV…"))
        self.save_rejects_button.setToolTip(self.tr("Save the rejected rows to a CSV file"))
        for i, text in enumerate((self.tr("Mapping"), self.tr("Imports"), self.tr("Rejected rows"))):
            self.tabs.setTabText(i, text)
        for model in (self.sources_model, self.mapping_model, self.imports_model, self.rejects_model):
            model.retranslate()
        self._update_rejects_label()

    # -- data -------------------------------------------------------------------------------
    def set_session(self, session: WorkspaceSession | None) -> None:
        self.session = session
        self.sources_model.set_rows([])
        self._source_selected(-1)
        if session is not None:
            session.changed.connect(self._data_changed)
            self.refresh()

    def _data_changed(self, what: str) -> None:
        if what == "import":  # only imports (and their undo) change what this screen lists
            self.refresh()

    def refresh(self) -> Job | None:
        """Sources with their counts are read in the background (the counts scan the records)."""
        if self.session is None:
            return None
        job = self.session.read(lambda ws, _p: importing.list_sources(ws), self.tr("Reading the sources"),
                                key="sources")
        job.succeeded.connect(self._show_sources)
        return job

    def _show_sources(self, sources: list[dict]) -> None:
        selected = self.selected_source()
        self.sources_model.set_rows(sources)
        names = [s["name"] for s in sources]
        row = names.index(selected["name"]) if selected and selected["name"] in names else (0 if names else -1)
        if row >= 0:
            self.sources_view.selectRow(row)  # → _source_selected through currentRowChanged
        else:
            self._source_selected(-1)

    def selected_source(self) -> dict | None:
        row = self.sources_view.currentIndex().row()
        return self.sources_model.rows[row] if 0 <= row < len(self.sources_model.rows) else None

    def selected_import(self) -> dict | None:
        row = self.imports_view.currentIndex().row()
        return self.imports_model.rows[row] if 0 <= row < len(self.imports_model.rows) else None

    def _source_selected(self, row: int) -> Job | None:
        source = self.sources_model.rows[row] if 0 <= row < len(self.sources_model.rows) else None
        self.mapping_model.set_rows(sorted(source["mapping"].items()) if source else [])
        self.imports_model.set_rows([])
        self._import_selected(-1)
        if source is None or self.session is None:
            return None
        name = source["name"]
        job = self.session.read(lambda ws, _p: importing.list_imports(ws, name), self.tr("Reading the imports"),
                                key="imports")
        job.succeeded.connect(self._show_imports)
        return job

    def _show_imports(self, imports: list[dict]) -> None:
        self.imports_model.set_rows(list(reversed(imports)))  # the latest first
        if imports:
            self.imports_view.selectRow(0)  # → _import_selected through currentRowChanged
        else:
            self._import_selected(-1)

    def _import_selected(self, row: int) -> Job | None:
        imp = self.imports_model.rows[row] if 0 <= row < len(self.imports_model.rows) else None
        self.rejects_model.set_rows([])
        self._update_rejects_label()
        self.undo_button.setEnabled(bool(imp) and imp.get("status") != "undone")
        if imp is None or self.session is None:
            return None
        import_id = imp["id"]
        job = self.session.read(lambda ws, _p: importing.list_rejects(ws, import_id), self.tr("Reading rejected rows"),
                                key="rejects")
        job.succeeded.connect(self._show_rejects)
        return job

    def _show_rejects(self, rejects: list[dict]) -> None:
        self.rejects_model.set_rows(rejects)
        self._update_rejects_label()

    def _update_rejects_label(self) -> None:
        n = self.rejects_model.rowCount()
        self.rejects_label.setText(self.tr("%n rejected row(s) in the selected import.", "", n))
        imp = self.selected_import()
        self.save_rejects_button.setEnabled(bool(n and imp and imp.get("rejects_path")))

    # -- actions ----------------------------------------------------------------------------
    def save_rejects(self, target: Path | None = None) -> Path | None:
        """Copy the selected import's rejects file (file, line, column, reason, raw) to `target`."""
        imp = self.selected_import()
        if not imp or not imp.get("rejects_path"):
            return None
        return save_copy(self, Path(imp["rejects_path"]), self.tr("Save rejected rows"), target)

    def undo_selected_import(self, confirmed: bool = False) -> Job | None:
        imp = self.selected_import()
        if imp is None or self.session is None:
            return None
        if not confirmed:
            answer = QMessageBox.question(self, self.tr("Undo import"), self.tr(
                "Take back the import of %1? Records it added are removed and records it updated get "
                "their previous values back.").replace("%1", imp.get("file_name") or ""))
            if answer != QMessageBox.StandardButton.Yes:
                return None
        import_id = imp["id"]
        return self.session.write(lambda ws, _p: importing.undo_import(ws, import_id), self.tr("Undoing the import"),
                                  changes="import")

