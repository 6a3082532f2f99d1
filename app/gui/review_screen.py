"""The Review screen: pairs the matcher was unsure about, one at a time, decided from the keyboard.

Pairs are prefetched a page ahead with both records loaded, so after a decision the next pair is
on screen at once; the decision itself goes to the single writer in the background. Queue pages
are read on the writer too: they come after the pending decisions, so they never show a pair
that was just decided, and the matcher refreshes its order there (it learns from decisions).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox, QDoubleSpinBox, QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget,
)

from app.core.jobs import Progress
from app.core.matching import decide, review_count, review_queue
from app.core.queries import records_by_ids, source_names
from app.core.workspace import Workspace
from app.gui.i18n import format_number, format_percent
from app.gui.jobs import Job, WorkspaceSession
from app.gui.review_pair import PairData, PairView
from app.gui.widgets import Retranslating, ScreenHeader, icon, with_shortcut

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow

PAGE = 25
REFILL_BELOW = 8  # fetch the next page when fewer pairs than this are loaded ahead


@dataclass(frozen=True)
class Filters:
    sources: tuple[str, ...] = ()
    min_p: float = 0.0
    max_p: float = 1.0

    def kwargs(self) -> dict[str, Any]:
        return {"sources": list(self.sources) or None, "min_p": self.min_p, "max_p": self.max_p}


def fetch_page(ws: Workspace, filters: Filters, exclude: frozenset[int]) -> tuple[list[PairData], int]:
    """The next pairs with both records, and how many are left (runs on the writer)."""
    pairs = [p for p in review_queue(ws, limit=PAGE + len(exclude), **filters.kwargs()) if p.pair_id not in exclude]
    records = records_by_ids(ws, [i for p in pairs for i in (p.a_id, p.b_id)])
    loaded = [PairData(p, records[p.a_id], records[p.b_id]) for p in pairs[:PAGE]
              if p.a_id in records and p.b_id in records]
    return loaded, review_count(ws, **filters.kwargs())


def accept_above(ws: Workspace, progress: Progress, filters: Filters, threshold: float) -> int:
    """Accept every queued pair at or above `threshold`, in one transaction: a cancel keeps none."""
    chosen = Filters(filters.sources, max(threshold, filters.min_p), filters.max_p)
    ids = [p.pair_id for p in review_queue(ws, limit=1_000_000, **chosen.kwargs())]
    with ws.atomic():
        for i, pair_id in enumerate(ids):
            progress.update(i / max(1, len(ids)))
            decide(ws, pair_id, "accept", reason=f"batch: probability ≥ {threshold:.0%}")
    return len(ids)


class ReviewScreen(Retranslating, QWidget):
    def __init__(self, window: "MainWindow"):
        super().__init__()
        self.window_ = window
        self.session: WorkspaceSession | None = None
        self.filters = Filters()
        self.pairs: list[PairData] = []  # loaded ahead, undecided
        self.position = 0
        self.pending: set[int] = set()  # decided here, maybe not yet written
        self.remaining = 0
        self.fetch_job: Job | None = None
        self.batch_job: Job | None = None

        self.header = ScreenHeader()
        self.left_label = QLabel()
        self.left_label.setObjectName("bigNumber")
        self.source = QComboBox()
        self.source.activated.connect(lambda _i: self._filters_changed())
        self.min_p = _percent_box(0.0)
        self.max_p = _percent_box(1.0)
        for box in (self.min_p, self.max_p):
            box.editingFinished.connect(self._filters_changed)
        self.batch_p = _percent_box(0.95)
        self.batch_button = QPushButton(icon("accept"), "")
        self.batch_button.clicked.connect(lambda: self.batch_accept())
        self.filter_labels = [QLabel() for _ in range(3)]
        bar = QHBoxLayout()
        for label, widget in zip(self.filter_labels, (self.source, self.min_p, self.max_p)):
            bar.addWidget(label)
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.batch_p)
        bar.addWidget(self.batch_button)

        self.view = PairView()
        self.empty = QLabel()
        self.empty.setObjectName("placeholder")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        card = QFrame()
        card.setObjectName("card")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(16, 12, 16, 12)
        inner.addWidget(self.view, 1)
        inner.addWidget(self.empty, 1)

        self.act_accept = self._key_action("accept", "A", lambda: self.decide("accept"))
        self.act_reject = self._key_action("reject", "R", lambda: self.decide("reject"))
        self.act_skip = self._key_action("skip", "S", lambda: self.decide("skip"))
        self.act_previous = self._key_action("previous", "Left", lambda: self.move(-1))
        self.act_next = self._key_action("next", "Right", lambda: self.move(1))
        self.act_previous.setShortcuts([QKeySequence("Left"), QKeySequence("Up")])
        self.act_next.setShortcuts([QKeySequence("Right"), QKeySequence("Down")])
        self.buttons: dict[QAction, QPushButton] = {}
        row = QHBoxLayout()
        for action, icon_name in ((self.act_previous, ""), (self.act_next, ""), (None, ""),
                                  (self.act_skip, "skip"), (self.act_reject, "reject"), (self.act_accept, "accept")):
            if action is None:
                row.addStretch(1)
                continue
            button = QPushButton(icon(icon_name), "") if icon_name else QPushButton()
            button.clicked.connect(action.trigger)
            self.buttons[action] = button
            row.addWidget(button)
        self.buttons[self.act_accept].setProperty("primary", True)

        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.left_label, 0, Qt.AlignmentFlag.AlignBottom)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 12)
        lay.addLayout(top)
        lay.addLayout(bar)
        lay.addWidget(card, 1)
        lay.addLayout(row)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.retranslate_ui()
        self._show_current()

    def showEvent(self, event: QShowEvent) -> None:
        """Take the keyboard when shown, so that A, R, S and the arrows work at once."""
        super().showEvent(event)
        self.setFocus()

    def _key_action(self, name: str, key: str, slot) -> QAction:
        action = QAction(self)
        action.setObjectName(f"review_{name}")
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def retranslate_ui(self) -> None:
        self.header.set_text(self.tr("Review"), self.tr(
            "Are these two records the same person? Unico was not sure; your answer teaches it."))
        texts = {
            self.act_accept: (self.tr("Same person"), self.tr("Accept: merge the two records")),
            self.act_reject: (self.tr("Different people"), self.tr("Reject: never merge these two")),
            self.act_skip: (self.tr("Skip"), self.tr("Decide later")),
            self.act_previous: (self.tr("Previous"), self.tr("Previous pair")),
            self.act_next: (self.tr("Next"), self.tr("Next pair")),
        }
        for action, (text, tip) in texts.items():
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setText(text)
            action.setToolTip(with_shortcut(tip, keys))
            self.buttons[action].setText(f"{text}  ({keys})" if len(keys) == 1 else text)
            self.buttons[action].setToolTip(action.toolTip())
        self.buttons[self.act_previous].setText("←  " + self.tr("Previous"))
        self.buttons[self.act_next].setText(self.tr("Next") + "  →")
        for label, text in zip(self.filter_labels, (self.tr("Source"), self.tr("Probability from"), self.tr("to"))):
            label.setText(text)
        self._fill_sources(self._source_names())
        self.batch_button.setText(self.tr("Accept all from this probability…"))
        self.batch_button.setToolTip(self.tr("Accept every pair at or above the probability on the left; "
                                             "you see how many before anything happens"))
        self.view.retranslate_ui()
        self._update_count()

    # -- loading ----------------------------------------------------------------------------
    def set_session(self, session: WorkspaceSession | None) -> None:
        self.session = session
        self.filters = Filters()
        self.min_p.setValue(0.0)
        self.max_p.setValue(1.0)
        self.pending.clear()
        self._fill_sources(source_names(session.reader) if session else [])
        if session is not None:
            session.changed.connect(self._data_changed)
        self.reload()

    def _source_names(self) -> list[str]:
        return [self.source.itemData(i) for i in range(1, self.source.count())]

    def _fill_sources(self, names: list[str]) -> None:
        current = self.source.currentData()
        self.source.clear()
        self.source.addItem(self.tr("All sources"), None)
        for name in names:
            self.source.addItem(name, name)
        self.source.setCurrentIndex(max(0, self.source.findData(current)))

    def _data_changed(self, what: str) -> None:
        if what in ("import", "match", "data", "undo", "profiles"):  # our own decisions need no reload
            self._fill_sources(source_names(self.session.reader))
            self.reload()

    def _filters_changed(self) -> None:
        source = self.source.currentData()
        self.filters = Filters((source,) if source else (), self.min_p.value(), self.max_p.value())
        self.reload()

    def reload(self) -> Job | None:
        """Start again from the top of the queue with the current filters."""
        self.pairs, self.position = [], 0
        self._show_current()
        return self.fetch()

    def fetch(self) -> Job | None:
        if self.session is None:
            return None
        filters = self.filters
        exclude = frozenset(self.pending | {d.pair.pair_id for d in self.pairs})
        self.fetch_job = self.session.write(lambda ws, _p: fetch_page(ws, filters, exclude),
                                            self.tr("Loading pairs to review"), key="review-fetch",
                                            changes="review", quiet=True)
        self.fetch_job.succeeded.connect(lambda result, f=filters: self._loaded(f, *result))
        return self.fetch_job

    def _loaded(self, filters: Filters, pairs: list[PairData], remaining: int) -> None:
        if filters != self.filters:
            return
        known = {d.pair.pair_id for d in self.pairs} | self.pending
        self.pairs += [d for d in pairs if d.pair.pair_id not in known]
        self.remaining = remaining
        self._show_current()

    # -- deciding ---------------------------------------------------------------------------
    @property
    def current(self) -> PairData | None:
        return self.pairs[self.position] if 0 <= self.position < len(self.pairs) else None

    def decide(self, decision: str) -> Job | None:
        """Decide the pair on screen; the next one shows at once, the writer records it behind."""
        data = self.current
        if data is None or self.session is None:
            return None
        pair_id = data.pair.pair_id
        self.pending.add(pair_id)
        del self.pairs[self.position]
        if decision == "skip":
            self.pending.discard(pair_id)  # it stays in the queue, further back
        else:
            self.remaining = max(0, self.remaining - 1)
        self.position = min(self.position, max(0, len(self.pairs) - 1))
        self._show_current()
        job = self.session.write(lambda ws, _p: decide(ws, pair_id, decision), self.tr("Saving the decision"),
                                 changes="review", quiet=True)
        job.finished.connect(lambda: self.pending.discard(pair_id))
        job.failed.connect(lambda _failure: self._decision_failed(pair_id))
        if len(self.pairs) - self.position < REFILL_BELOW:
            self.fetch()
        return job

    def _decision_failed(self, pair_id: int) -> None:
        """Nothing was decided (the error dialog says why): the pair comes back."""
        self.pending.discard(pair_id)
        self.reload()

    def move(self, step: int) -> None:
        if self.pairs:
            self.position = max(0, min(len(self.pairs) - 1, self.position + step))
            self._show_current()

    def batch_accept(self, confirmed: bool = False) -> Job | None:
        """Count the pairs at or above the chosen probability (in the background), ask, then
        accept them on the writer (`batch_job`). Returns the counting job."""
        if self.session is None:
            return None
        threshold, filters = self.batch_p.value(), self.filters
        chosen = Filters(filters.sources, max(threshold, filters.min_p), filters.max_p)
        job = self.session.read(lambda ws, _p: review_count(ws, **chosen.kwargs()), self.tr("Counting pairs"),
                                key="batch-count")
        job.succeeded.connect(lambda count: self._confirm_batch(count, filters, threshold, confirmed))
        return job

    def _confirm_batch(self, count: int, filters: Filters, threshold: float, confirmed: bool) -> None:
        if count == 0 or self.session is None:
            return
        if not confirmed:
            answer = QMessageBox.question(self, self.tr("Accept pairs"), self.tr(
                "Accept %1 pairs with a probability of %2 or more? Each becomes one person.")
                .replace("%1", format_number(count)).replace("%2", format_percent(threshold, 0)))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.batch_job = self.session.write(lambda ws, p: accept_above(ws, p, filters, threshold),
                                            self.tr("Accepting pairs"), changes="match")

    # -- showing ----------------------------------------------------------------------------
    def _show_current(self) -> None:
        data = self.current
        self.view.show_pair(data)
        self.view.setVisible(data is not None)
        self.empty.setVisible(data is None)
        loading = self.fetch_job is not None and not self.fetch_job.done
        if data is None:
            self.empty.setText(self.tr("Loading…") if loading and self.session else
                               self.tr("Nothing to review. Unico will ask again when new files bring doubtful pairs."))
        for action in (self.act_accept, self.act_reject, self.act_skip):
            action.setEnabled(data is not None)
            self.buttons[action].setEnabled(data is not None)
        self.batch_button.setEnabled(self.remaining > 0)
        self._update_count()

    def _update_count(self) -> None:
        self.left_label.setText(self.tr("%1 left").replace("%1", format_number(self.remaining)))
        self.left_label.setToolTip(self.tr("Pairs waiting for a decision with the current filters"))


def _percent_box(value: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(0.0, 1.0)
    box.setDecimals(2)
    box.setSingleStep(0.05)
    box.setValue(value)
    return box
