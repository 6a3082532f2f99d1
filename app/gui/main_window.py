"""The main window: menus, the screen list, the status bar, workspaces and drag-and-drop import."""
from __future__ import annotations

import importlib.util
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QWidget,
)

from app import __version__
from app.core.errors import UnicoError
from app.core.jobs import Progress
from app.core.profiles import service as profiles
from app.core.profiles.refresh import refresh_all
from app.core.profiles.survivorship import get_survivorship, save_survivorship
from app.core.workspace import Workspace
from app.gui.export_dialog import ExportMenu
from app.gui.i18n import Translations, format_number
from app.gui.jobs import Job, JobRunner, WorkspaceSession
from app.gui.settings import Settings
from app.gui.vocab import message
from app.gui.widgets import Retranslating, JobStatus, icon, show_error, with_shortcut

WORKSPACE_FILTER_SUFFIX = "*.db *.sqlite *.unico"


def default_data_dir() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def demo_available() -> bool:
    return importlib.util.find_spec("app.core.demo") is not None


class MainWindow(Retranslating, QMainWindow):
    """Holds the open workspace session and the screens; screens reach services through it."""

    session_changed = Signal(object)  # WorkspaceSession | None
    counts_changed = Signal(dict)

    def __init__(self, settings: Settings, translations: Translations, *, data_dir: Path | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.translations = translations
        self.data_dir = Path(data_dir) if data_dir else default_data_dir()
        self.session: WorkspaceSession | None = None
        self.counts: dict[str, int] = {}
        self.pool = JobRunner(2, "worker", self)
        self.job_status = JobStatus()
        self.pool.job_submitted.connect(self._watch_job)
        self.demo_job: Job | None = None
        self._build_actions()
        self._build_screens()
        self._build_screen_actions()
        self._build_menus()
        self.count_label = QLabel()
        self.statusBar().addWidget(self.count_label, 1)
        self.statusBar().addPermanentWidget(self.job_status)
        self.setAcceptDrops(True)
        self.setWindowIcon(icon("app"))
        self.resize(1240, 800)
        self.retranslate_ui()

    # -- layout -----------------------------------------------------------------------------
    def _build_screens(self) -> None:
        from app.gui.profiles_screen import ProfilesScreen
        from app.gui.reports_screen import ReportsScreen
        from app.gui.review_screen import ReviewScreen
        from app.gui.sources_screen import SourcesScreen
        from app.gui.welcome import WelcomeScreen

        self.screens: dict[str, QWidget] = {
            "welcome": WelcomeScreen(self),
            "sources": SourcesScreen(self),
            "review": ReviewScreen(self),
            "profiles": ProfilesScreen(self),
            "reports": ReportsScreen(self),
        }
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(190)
        self.nav.setIconSize(self.nav.iconSize() * 1.2)
        self.stack = QStackedWidget()
        for name, screen in self.screens.items():
            item = QListWidgetItem(icon(name), "")
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.nav.addItem(item)
            self.stack.addWidget(screen)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        central = QWidget()
        lay = QHBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.nav)
        lay.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        for screen in self.screens.values():
            self.session_changed.connect(screen.set_session)

    def _action(self, name: str, shortcut: QKeySequence | str | None = None, slot=None, icon_name: str = "") -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if icon_name:
            action.setIcon(icon(icon_name))
        if slot:
            action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        S = QKeySequence.StandardKey
        self.act_new = self._action("new", S.New, self.new_workspace_dialog, "new")
        self.act_open = self._action("open", S.Open, self.open_workspace_dialog, "open")
        self.act_import = self._action("import", "Ctrl+I", lambda: self.import_files(), "import")
        self.act_demo = self._action("demo", None, self.open_demo, "demo")
        self.act_settings = self._action("settings", "Ctrl+,", self.show_settings, "settings")
        self.act_quit = self._action("quit", S.Quit, self.close)
        # Undo/redo walk the decision log of the profiles engine (review decisions, merges, unmerges,
        # a match run's automatic merges); enabled when it has something to take back.
        self.act_undo = self._action("undo", S.Undo, self.undo, "undo")
        self.act_redo = self._action("redo", "Ctrl+Shift+Z", self.redo, "redo")
        self.undo_state: tuple[str | None, str | None] = (None, None)  # descriptions of what undo/redo would do
        self.act_guide = self._action("guide", S.HelpContents, self.show_guide, "help")
        self.act_shortcuts = self._action("shortcuts", "Ctrl+/", self.show_shortcuts)
        self.act_about = self._action("about", None, self.show_about)

    def _build_screen_actions(self) -> None:
        self.screen_actions: dict[str, QAction] = {}
        for i, name in enumerate(self.screens, start=1):
            self.screen_actions[name] = self._action(f"screen_{name}", f"Ctrl+{i}",
                                                     lambda _=False, n=name: self.show_screen(n), name)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.menu_file.addActions([self.act_new, self.act_open])
        self.menu_recent = QMenu(self)
        self.menu_recent.aboutToShow.connect(self._fill_recent)
        self.menu_file.addMenu(self.menu_recent)
        self.menu_file.addAction(self.act_demo)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_import)
        self.menu_export = ExportMenu(self)
        self.menu_file.addMenu(self.menu_export)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_edit = bar.addMenu("")
        self.menu_edit.addActions([self.act_undo, self.act_redo])
        self.menu_edit.addSeparator()
        self.menu_edit.addAction(self.act_settings)
        self.menu_view = bar.addMenu("")
        self.menu_view.addActions(list(self.screen_actions.values()))
        self.menu_help = bar.addMenu("")
        self.menu_help.addActions([self.act_guide, self.act_shortcuts])
        self.menu_help.addSeparator()
        self.menu_help.addAction(self.act_about)

    def screen_title(self, name: str) -> str:
        return {
            "welcome": self.tr("Start"),
            "sources": self.tr("Sources"),
            "review": self.tr("Review"),
            "profiles": self.tr("Profiles"),
            "reports": self.tr("Reports"),
        }[name]

    def retranslate_ui(self) -> None:
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_edit.setTitle(self.tr("&Edit"))
        self.menu_view.setTitle(self.tr("&View"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.menu_recent.setTitle(self.tr("Open &recent"))
        texts = {
            self.act_new: (self.tr("&New workspace…"), self.tr("Create an empty workspace file")),
            self.act_open: (self.tr("&Open workspace…"), self.tr("Open a workspace file")),
            self.act_demo: (self.tr("Open the &demo shop"), self.tr("Open the demo retailer's workspace")),
            self.act_import: (self.tr("&Import files…"), self.tr("Import channel exports into this workspace")),
            self.act_quit: (self.tr("&Quit"), self.tr("Close Unico")),
            self.act_undo: (self.tr("&Undo"), self.tr("Undo the last decision")),
            self.act_redo: (self.tr("&Redo"), self.tr("Redo the decision you undid")),
            self.act_settings: (self.tr("&Settings…"), self.tr("Language, matching, reports, data retention")),
            self.act_guide: (self.tr("&User guide"), self.tr("How to use Unico")),
            self.act_shortcuts: (self.tr("&Keyboard shortcuts"), self.tr("Every key Unico understands")),
            self.act_about: (self.tr("&About Unico"), self.tr("Version and licences")),
        }
        for name, action in self.screen_actions.items():
            texts[action] = (self.screen_title(name), self.tr("Go to %1").replace("%1", self.screen_title(name)))
        for action, (text, tip) in texts.items():
            action.setText(text)
            action.setToolTip(with_shortcut(tip, action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)))
            action.setStatusTip(tip)
        self._show_undo_state()
        for i, name in enumerate(self.screens):
            item = self.nav.item(i)
            item.setText(self.screen_title(name))
            item.setToolTip(self.screen_actions[name].toolTip())
        self._update_title()

    def show_screen(self, name: str) -> QWidget:
        self.nav.setCurrentRow(list(self.screens).index(name))
        return self.screens[name]

    @property
    def current_screen(self) -> str:
        return list(self.screens)[self.stack.currentIndex()]

    # -- workspace --------------------------------------------------------------------------
    def start(self, *, db: Path | None = None, demo: bool = False) -> None:
        """Open `db`, else the demo when asked, else the last workspace; at first start the demo
        (built in the background when missing) with the welcome screen in front."""
        last = Path(self.settings.get("workspace/last") or "")
        if db is not None:
            self.open_workspace(db)
        elif not demo and last.name and last.exists():
            self.open_workspace(last)
        else:
            self.open_demo()
            self.show_screen("welcome")
            return
        self.show_screen(self.home_screen())

    def home_screen(self) -> str:
        """Welcome for an empty workspace, else the profiles."""
        if self.session is None or not self.session.reader.scalar("SELECT count(*) FROM sources"):
            return "welcome"
        return "profiles"

    def open_workspace(self, path: Path) -> bool:
        """Close the current workspace and open (or create) `path`; errors go to a dialog."""
        path = Path(path)
        try:
            session = WorkspaceSession(path, self)
        except UnicoError as e:
            show_error(self, self.tr("Cannot open the workspace"), e)
            return False
        self.close_workspace()
        self.session = session
        session.writer.job_submitted.connect(self._watch_job)
        session.readers.job_submitted.connect(self._watch_job)
        session.changed.connect(self.refresh_counts)
        session.changed.connect(self.refresh_undo_state)
        self.settings.remember_workspace(path)
        self.session_changed.emit(session)
        self._update_title()
        self.refresh_counts()
        self.refresh_undo_state()
        return True

    def close_workspace(self) -> None:
        self._set_undo_state((None, None))
        if self.session is None:
            return
        old, self.session = self.session, None
        self.session_changed.emit(None)
        old.close()
        old.deleteLater()
        self.counts = {}
        self._update_title()

    def refresh_counts(self, *_: object) -> None:
        if self.session is None:
            return
        job = self.session.read(lambda ws, _p: ws.counts(), self.tr("Counting"), key="counts")
        job.succeeded.connect(self._set_counts)

    def _set_counts(self, counts: dict) -> None:
        self.counts = counts
        self._update_title()
        self.counts_changed.emit(counts)

    # -- undo / redo ------------------------------------------------------------------------
    def refresh_undo_state(self, *_: object) -> None:
        if self.session is None:
            return
        job = self.session.read(lambda ws, _p: (profiles.undo_description(ws), profiles.redo_description(ws)),
                                self.tr("Reading the history"), key="undo-state")
        job.succeeded.connect(self._set_undo_state)

    def _set_undo_state(self, state: tuple[str | None, str | None]) -> None:
        self.undo_state = state
        self._show_undo_state()

    def _show_undo_state(self) -> None:
        """Enabled when there is something to take back; the tooltip says what."""
        for action, what, text in ((self.act_undo, self.undo_state[0], self.tr("Undo: %1")),
                                   (self.act_redo, self.undo_state[1], self.tr("Redo: %1"))):
            action.setEnabled(what is not None)
            if what is not None:
                keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                action.setToolTip(with_shortcut(text.replace("%1", message(what)), keys))

    def undo(self) -> Job | None:
        return self._step(profiles.undo, self.tr("Undoing"), self.tr("Undone: %1"))

    def redo(self) -> Job | None:
        return self._step(profiles.redo, self.tr("Redoing"), self.tr("Redone: %1"))

    def _step(self, fn, label: str, done: str) -> Job | None:
        if self.session is None:
            return None
        job = self.session.write(lambda ws, _p: fn(ws), label, changes="undo")
        job.succeeded.connect(
            lambda r: self.statusBar().showMessage(done.replace("%1", message(r.step.description)), 8000))
        return job

    def _update_title(self) -> None:
        if self.session is None:
            self.setWindowTitle("Unico")
            self.count_label.setText(self.tr("No workspace open"))
            return
        self.setWindowTitle(f"{self.session.name} — Unico")
        c = self.counts
        if not c:
            self.count_label.setText(self.session.name)
            return
        parts = [
            self.tr("%n source(s)", "", c.get("sources", 0)),
            self.tr("%1 records").replace("%1", format_number(c.get("records", 0))),
            self.tr("%1 events").replace("%1", format_number(c.get("events", 0))),
            self.tr("%1 profiles").replace("%1", format_number(c.get("profiles", 0))),
            self.tr("%1 pairs to review").replace("%1", format_number(c.get("review", 0))),
        ]
        self.count_label.setText(f"{self.session.name}  ·  " + "  ·  ".join(parts))

    def _fill_recent(self) -> None:
        self.menu_recent.clear()
        recent = [p for p in self.settings.recent_workspaces() if p.exists()]
        for path in recent:
            action = self.menu_recent.addAction(path.name)
            action.setToolTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_workspace(p))
        if not recent:
            self.menu_recent.addAction(self.tr("No recent workspaces")).setEnabled(False)

    def _workspace_filter(self) -> str:
        return self.tr("Unico workspaces (%1)").replace("%1", WORKSPACE_FILTER_SUFFIX) + ";;" + self.tr("All files (*)")

    def new_workspace_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New workspace"), str(Path.home() / "unico.db"),
                                              self._workspace_filter())
        if path:
            target = Path(path)
            if target.exists():
                target.unlink()  # the dialog asked the user to confirm replacing it
            if self.open_workspace(target):
                self.show_screen("welcome")

    def open_workspace_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open workspace"), str(Path.home()), self._workspace_filter())
        if path:
            self.open_workspace(Path(path))

    # -- demo -------------------------------------------------------------------------------
    @property
    def demo_path(self) -> Path:
        return self.data_dir / "demo.db"

    def open_demo(self) -> Job | None:
        """Open the demo workspace, building it in the background first when it is missing."""
        path = self.demo_path
        if path.exists() and _is_workspace_with_sources(path):
            self.open_workspace(path)
            return None
        if self.demo_job is not None and not self.demo_job.done:
            return self.demo_job
        if not demo_available():
            show_error(self, self.tr("Demo"), UnicoError(self.tr("The demo generator is not part of this build.")))
            return None

        def build(progress: Progress) -> Path:
            from app.core.demo.workspace import build_demo_workspace

            return build_demo_workspace(path, progress=progress, replace=True)

        self.demo_job = self.pool.submit(build, self.tr("Building the demo shop"), key="demo")
        self.demo_job.succeeded.connect(lambda _r: self.open_workspace(path))
        return self.demo_job

    # -- actions ----------------------------------------------------------------------------
    def import_files(self, paths: list[Path] | None = None):
        """Open the import wizard (on `paths`, or asking for files)."""
        from app.gui.import_wizard import ImportWizard

        if self.session is None:
            show_error(self, self.tr("Import"), UnicoError(self.tr("Open or create a workspace first.")))
            return None
        wizard = ImportWizard(self, [Path(p) for p in paths or []])
        wizard.open()
        return wizard

    def show_settings(self):
        from app.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self.session, self)
        dialog.language_changed.connect(self.translations.switch)
        dialog.source_order_changed.connect(self.set_source_order)
        dialog.open()
        return dialog

    def set_source_order(self, order: list[str]) -> Job | None:
        """Trust the workspace's sources in this order for names and addresses, then recompute
        every golden record (in the background)."""
        if self.session is None:
            return None

        def save(ws: Workspace, progress: Progress) -> int:
            chosen = get_survivorship(ws)
            chosen.source_priority = order
            with ws.atomic():
                save_survivorship(ws, chosen)
                return refresh_all(ws, progress)

        return self.session.write(save, self.tr("Updating the golden records"), changes="profiles")

    def show_guide(self):
        from app.gui.help import GuideDialog

        dialog = GuideDialog(self.translations.language, self)
        dialog.show()
        return dialog

    def show_shortcuts(self):
        from app.gui.help import ShortcutsDialog

        dialog = ShortcutsDialog(self.actions() + self.screens["review"].actions(), self)
        dialog.show()
        return dialog

    def show_about(self):
        from app.gui.help import AboutDialog

        dialog = AboutDialog(__version__, self)
        dialog.show()
        return dialog

    def show_profile(self, profile_id: int) -> None:
        self.show_screen("profiles").show_profile(profile_id)

    def _watch_job(self, job: Job) -> None:
        self.job_status.watch(job)
        if job.show_errors:
            job.failed.connect(lambda failure, j=job: show_error(self, j.label, failure))

    # -- drag and drop ----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)

    # -- closing ----------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop every job and join every thread: nothing outlives the window."""
        for screen in self.screens.values():
            screen.set_session(None)
        self.pool.shutdown()
        self.close_workspace()
        self.settings.sync()


def _is_workspace_with_sources(path: Path) -> bool:
    """A finished demo build has sources; a half-built file (killed mid-build) is rebuilt."""
    try:
        with Workspace(path, readonly=True) as ws:
            return bool(ws.scalar("SELECT count(*) FROM sources"))
    except UnicoError:
        return False
