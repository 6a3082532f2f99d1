"""The import wizard: choose or drop a file → check what Unico understood (format, kind, channel,
mapping with confidence, preview; every column re-assignable) → import with progress and Cancel →
summary with counts, warnings and the rejected rows. Matching then starts in the background.

Core calls: plan_import on a reader thread (it hashes the file), run_import and run_match on the
single writer; the plan's with_mapping/with_kind/with_channel are instant and run here."""
from __future__ import annotations

import dataclasses
import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.fields import CHANNELS
from app.core.importing import (
    ImportPlan, ImportResult, candidate_fields, file_filter, list_rejects, plan_import, run_import,
)
from app.gui.i18n import format_number
from app.gui.import_mapping import NOT_USED, MappingTable, PreviewModel
from app.gui.jobs import Job
from app.gui.vocab import KINDS, channel_label, count_label, format_label, kind_label, message, tr_filter
from app.gui.widgets import Retranslating, form_row, icon, rejects_model, save_copy, show_error, table_view

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow

CHOOSE, CHECK, RUN = range(3)


def matching_available() -> bool:
    return importlib.util.find_spec("app.core.matching.service") is not None


class DropZone(QFrame):
    """The first page: drop files here, or choose them."""

    def __init__(self, wizard: "ImportWizard"):
        super().__init__()
        self.wizard = wizard
        self.setObjectName("dropZone")
        self.setAcceptDrops(True)
        self.setMinimumHeight(260)
        self.icon = QLabel()
        self.icon.setPixmap(icon("import").pixmap(48, 48))
        self.text = QLabel()
        self.text.setObjectName("placeholder")
        self.text.setWordWrap(True)
        self.choose = QPushButton()
        self.choose.setProperty("primary", True)
        self.choose.clicked.connect(wizard.choose_files)
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        for w in (self.icon, self.text, self.choose):
            lay.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addStretch(1)

    def _set_active(self, on: bool) -> None:
        self.setProperty("active", on)
        self.style().unpolish(self)
        self.style().polish(self)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            self._set_active(True)
            event.acceptProposedAction()

    def dragLeaveEvent(self, event: Any) -> None:
        self._set_active(False)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_active(False)
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.wizard.set_files(paths)


class ImportWizard(Retranslating, QDialog):
    def __init__(self, window: "MainWindow", paths: list[Path] | None = None):
        super().__init__(window)
        self.window_ = window
        self.session = window.session
        self.queue: list[Path] = []
        self.plan: ImportPlan | None = None
        self.result: ImportResult | None = None
        self.plan_job: Job | None = None
        self.import_job: Job | None = None
        self.match_job: Job | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(1060, 720)

        self.pages = QStackedWidget()
        self.drop = DropZone(self)
        self.pages.addWidget(self.drop)
        self.pages.addWidget(self._build_check_page())
        self.pages.addWidget(self._build_run_page())
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.go_back)
        self.next_button = QPushButton(icon("import"), "")
        self.next_button.setProperty("primary", True)
        self.next_button.clicked.connect(self.start_import)
        self.another_button = QPushButton()
        self.another_button.clicked.connect(self.next_file)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.cancel_or_close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        for b in (self.another_button, self.next_button, self.close_button):
            buttons.addWidget(b)
        self.step = QLabel()
        self.step.setObjectName("screenTitle")
        lay = QVBoxLayout(self)
        lay.addWidget(self.step)
        lay.addWidget(self.pages, 1)
        lay.addLayout(buttons)
        self.retranslate_ui()
        self._go(CHOOSE)
        if paths:
            self.set_files(paths)

    # -- pages ------------------------------------------------------------------------------
    def _build_check_page(self) -> QWidget:
        self.file_label = QLabel()
        self.format_name = QLabel()
        self.kind = QComboBox()
        for k in KINDS:
            self.kind.addItem("", k)
        self.kind.activated.connect(lambda _i: self._set_kind(self.kind.currentData()))
        self.channel = QComboBox()
        for c in CHANNELS:
            self.channel.addItem("", c)
        self.channel.activated.connect(lambda _i: self._set_channel(self.channel.currentData()))
        self.source_name = QLineEdit()
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #b45309")
        self.form = QFormLayout()
        self.form_labels = [form_row(self.form, w) for w in
                            (self.file_label, self.format_name, self.kind, self.channel, self.source_name)]
        self.mapping = MappingTable()
        self.mapping.remapped.connect(self._remap)
        self.preview_model = PreviewModel(self)
        self.preview = QTableView()
        self.preview.setModel(self.preview_model)
        self.preview.horizontalHeader().setDefaultSectionSize(130)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.mapping)
        split.addWidget(self.preview)
        page = QWidget()
        top = QHBoxLayout()
        top.addLayout(self.form, 1)
        top.addWidget(self.warnings, 1)
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        lay.addWidget(split, 1)
        return page

    def _build_run_page(self) -> QWidget:
        self.run_status = QLabel()
        self.run_status.setWordWrap(True)
        self.run_bar = QProgressBar()
        self.run_bar.setRange(0, 1000)
        self.counts_grid = QGridLayout()
        self.run_warnings = QLabel()
        self.run_warnings.setWordWrap(True)
        self.run_warnings.setStyleSheet("color: #b45309")
        self.rejects_model = rejects_model(self)
        self.rejects_view = table_view(self.rejects_model)
        self.rejects_title = QLabel()
        self.save_rejects_button = QPushButton(icon("save"), "")
        self.save_rejects_button.clicked.connect(lambda: self.save_rejects())
        self.match_status = QLabel()
        self.match_status.setObjectName("hint")
        self.match_status.setWordWrap(True)
        rejects_head = QHBoxLayout()
        rejects_head.addWidget(self.rejects_title, 1)
        rejects_head.addWidget(self.save_rejects_button)
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.run_status)
        lay.addWidget(self.run_bar)
        lay.addLayout(self.counts_grid)
        lay.addWidget(self.run_warnings)
        lay.addWidget(self.match_status)
        lay.addLayout(rejects_head)
        lay.addWidget(self.rejects_view, 1)
        return page

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Import files"))
        self.drop.text.setText(self.tr("Drop your exports here: till or loyalty files, Shopify, WooCommerce, "
                                       "Mailchimp, Klaviyo, Brevo, Meta lead ads, web analytics, or any "
                                       "spreadsheet of customers or sales."))
        self.drop.choose.setText(self.tr("Choose files…"))
        for label, text in zip(self.form_labels, (self.tr("File"), self.tr("Recognised as"), self.tr("Holds"),
                                                  self.tr("Channel"), self.tr("Source name"))):
            label.setText(text)
        for i in range(self.kind.count()):
            self.kind.setItemText(i, kind_label(self.kind.itemData(i)))
        for i in range(self.channel.count()):
            self.channel.setItemText(i, channel_label(self.channel.itemData(i)))
        self.source_name.setToolTip(self.tr("Importing a newer export under the same name updates this source"))
        self.back_button.setText(self.tr("Back"))
        self.next_button.setText(self.tr("Import"))
        self.save_rejects_button.setText(self.tr("Save as CSV…"))
        self.mapping.retranslate_ui()
        self.rejects_model.retranslate()
        self._show_warnings()
        self._update_step()
        self._update_buttons()

    def _go(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self._update_step()
        self._update_buttons()

    def _update_step(self) -> None:
        page = self.pages.currentIndex()
        titles = (self.tr("1. Choose a file"), self.tr("2. Check what Unico understood"), self.tr("3. Import"))
        self.step.setText(titles[page])

    def _update_buttons(self) -> None:
        page = self.pages.currentIndex()
        running = self.import_job is not None and not self.import_job.done
        self.back_button.setVisible(page == CHECK)
        self.next_button.setVisible(page == CHECK)
        self.next_button.setEnabled(self.plan is not None)
        self.another_button.setVisible(page == RUN and bool(self.queue) and not running)
        if self.queue:
            self.another_button.setText(self.tr("Next file: %1").replace("%1", self.queue[0].name))
        self.close_button.setText(self.tr("Cancel") if page != RUN or running else self.tr("Close"))

    # -- choosing and planning ----------------------------------------------------------------
    def file_filter(self) -> str:
        return ";;".join(f"{tr_filter(desc)} ({' '.join('*.' + e for e in exts)})"
                         for desc, exts in file_filter()) + ";;" + self.tr("All files (*)")

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Choose files to import"), str(Path.home()),
                                                self.file_filter())
        if names:
            self.set_files([Path(n) for n in names])

    def set_files(self, paths: list[Path]) -> None:
        self.queue = list(paths)
        self.next_file()

    def next_file(self) -> Job | None:
        if not self.queue or self.session is None:
            return None
        path = self.queue.pop(0)
        self.plan, self.result = None, None
        self.file_label.setText(path.name)
        self.format_name.setText(self.tr("Reading the file…"))
        self.warnings.clear()
        self.mapping.setRowCount(0)
        self.preview_model.set_preview([], [], lambda _h: None)
        self._go(CHECK)
        region = self.window_.settings.get("import/phone_region")
        self.plan_job = self.session.read(lambda ws, _p: plan_import(path, ws=ws, region=region),
                                          self.tr("Reading %1").replace("%1", path.name), key="plan", quiet=False)
        self.plan_job.succeeded.connect(self.show_plan)
        self.plan_job.failed.connect(self._plan_failed)
        self.plan_job.show_errors = False
        return self.plan_job

    def _plan_failed(self, failure: Any) -> None:
        show_error(self, self.tr("Cannot import this file"), failure)
        self._go(CHOOSE)

    def show_plan(self, plan: ImportPlan) -> None:
        self.plan = plan
        mb = plan.size >= 1 << 20
        size = format_number(plan.size / (1 << 20 if mb else 1 << 10), 1) + (" MB" if mb else " KB")
        self.file_label.setText(f"{plan.file_name}  ({size})")
        self.format_name.setText(format_label(plan.format_id))
        self.kind.setCurrentIndex(max(0, self.kind.findData(plan.kind)))
        self.channel.setCurrentIndex(max(0, self.channel.findData(plan.channel)))
        if not self.source_name.isModified() or not self.source_name.text():
            self.source_name.setText(plan.source_name)
        self._show_warnings()
        self.mapping.show_plan(plan.headers, plan.preview, plan.mapping, plan.confidence,
                               [f.name for f in candidate_fields(plan.kind)])
        field_of = {column: field for field, column in plan.mapping.items()}
        self.preview_model.set_preview(plan.headers, plan.preview, field_of.get)
        self.preview.resizeRowsToContents()
        self._update_buttons()

    def _show_warnings(self) -> None:
        """The core's words about the file and the import, in the user's language."""
        self.warnings.setText("\n".join(map(message, self.plan.warnings)) if self.plan else "")
        self.run_warnings.setText("\n".join(map(message, self.result.warnings)) if self.result else "")

    def _remap(self, column: str, field: str) -> None:
        """Column `column` now feeds `field` (or nothing): the plan re-assigns, then we redraw."""
        plan = self.plan
        if plan is None:
            return
        old = next((f for f, c in plan.mapping.items() if c == column), None)
        if old is not None:
            plan = plan.with_mapping(old, None)
        if field != NOT_USED:
            plan = plan.with_mapping(field, column)
        self.show_plan(plan)

    def _set_kind(self, kind: str) -> None:
        if self.plan is not None and kind != self.plan.kind:
            self.show_plan(self.plan.with_kind(kind))

    def _set_channel(self, channel: str) -> None:
        if self.plan is not None and channel != self.plan.channel:
            self.show_plan(self.plan.with_channel(channel))

    def remap(self, column: str, field: str | None) -> None:
        """As if the user picked `field` (None: not used) in the column's combo box."""
        combo = self.mapping.combos[column]
        combo.setCurrentIndex(combo.findData(field or NOT_USED))

    def go_back(self) -> None:
        self.plan = None
        self._go(CHOOSE)

    # -- importing --------------------------------------------------------------------------
    def start_import(self) -> Job | None:
        if self.plan is None or self.session is None:
            return None
        plan = self.plan
        name = self.source_name.text().strip()
        if name and name != plan.source_name:
            plan = dataclasses.replace(plan, source_name=name)
        self.run_status.setText(self.tr("Importing %1…").replace("%1", plan.file_name))
        self.run_bar.setValue(0)
        self.run_bar.setVisible(True)
        self.result = None
        self._clear_summary()
        self.import_job = self.session.write(lambda ws, p: run_import(ws, plan, p),
                                             self.tr("Importing %1").replace("%1", plan.file_name), changes="import")
        self.import_job.show_errors = False
        self.import_job.progressed.connect(lambda f, _m: self.run_bar.setValue(int(f * 1000)))
        self.import_job.succeeded.connect(self.show_result)
        self.import_job.failed.connect(self._import_failed)
        self.import_job.cancelled.connect(self._import_cancelled)
        self.import_job.finished.connect(self._update_buttons)
        self._go(RUN)
        return self.import_job

    def _import_failed(self, failure: Any) -> None:
        self.run_bar.setVisible(False)
        self.run_status.setText(self.tr("The import failed; nothing was written."))
        show_error(self, self.tr("Import"), failure)

    def _import_cancelled(self) -> None:
        self.run_bar.setVisible(False)
        self.run_status.setText(self.tr("Import cancelled; nothing was written."))

    def _clear_summary(self) -> None:
        while self.counts_grid.count():
            self.counts_grid.takeAt(0).widget().deleteLater()
        self.run_warnings.clear()
        self.match_status.clear()
        self.rejects_model.set_rows([])
        self.rejects_title.clear()
        self.save_rejects_button.setEnabled(False)

    def show_result(self, result: ImportResult) -> None:
        self.result = result
        self.run_bar.setVisible(False)
        if result.already_imported:
            self.run_status.setText(self.tr("%1 was already imported: nothing changed.").replace("%1", result.source_name))
        else:
            self.run_status.setText(self.tr("Imported into the source “%1” (%2, %3).").replace("%1", result.source_name)
                                    .replace("%2", kind_label(result.kind)).replace("%3", channel_label(result.channel)))
        for i, (key, value) in enumerate((k, v) for k, v in result.counts.items() if v or k in ("read", "rejected")):
            number = QLabel(format_number(value))
            number.setObjectName("bigNumber")
            label = QLabel(count_label(key))
            label.setObjectName("hint")
            self.counts_grid.addWidget(number, 0, i)
            self.counts_grid.addWidget(label, 1, i)
        self._show_warnings()
        rejected = result.counts.get("rejected", 0)
        self.rejects_title.setText(self.tr("%n row(s) could not be used:", "", rejected) if rejected
                                   else self.tr("Every row could be used."))
        self.save_rejects_button.setEnabled(bool(rejected and result.rejects_path))
        self.rejects_view.setVisible(bool(rejected))
        if rejected:
            import_id = result.import_id
            job = self.session.read(lambda ws, _p: list_rejects(ws, import_id), self.tr("Reading rejected rows"))
            job.succeeded.connect(self.rejects_model.set_rows)
        if not result.already_imported:
            self.start_matching()

    def start_matching(self) -> Job | None:
        if not matching_available() or self.session is None:
            return None
        from app.core.matching.service import run_match

        thresholds = self.window_.settings.thresholds()
        self.match_status.setText(self.tr("Matching the new records with everyone else in the background…"))
        self.match_job = self.session.write(lambda ws, p: run_match(ws, progress=p, **thresholds),
                                            self.tr("Matching"), key="match", changes="match")
        self.match_job.succeeded.connect(self._matched)
        return self.match_job

    def _matched(self, result: Any) -> None:
        self.match_status.setText(self.tr("Matching done: %1 merged automatically, %2 pairs to review, %3 profiles.")
                                  .replace("%1", format_number(result.auto_merged))
                                  .replace("%2", format_number(result.review))
                                  .replace("%3", format_number(result.profiles)))

    def save_rejects(self, target: Path | None = None) -> Path | None:
        if self.result is None or self.result.rejects_path is None:
            return None
        return save_copy(self, Path(self.result.rejects_path), self.tr("Save rejected rows"), target)

    # -- closing ----------------------------------------------------------------------------
    def cancel_or_close(self) -> None:
        if self.import_job is not None and not self.import_job.done:
            self.import_job.cancel()
            return
        self.close()

    def reject(self) -> None:  # Esc
        self.cancel_or_close()

    def closeEvent(self, event: Any) -> None:
        if self.plan_job is not None:
            self.plan_job.cancel()
        super().closeEvent(event)
