"""pyqtgraph plots made to fit the app: no English context menus, nothing left behind."""
from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtWidgets import QApplication, QMenu, QWidget


def make_plot(owner: QWidget, **kwargs: Any) -> pg.PlotWidget:
    """A PlotWidget on a white background whose context menus are off. pyqtgraph creates those
    menus without a parent; they are handed to `owner` so that they are deleted with it."""
    before = set(QApplication.topLevelWidgets())
    plot = pg.PlotWidget(background="w", **kwargs)
    plot.getPlotItem().setMenuEnabled(False)
    plot.getPlotItem().hideButtons()
    for orphan in set(QApplication.topLevelWidgets()) - before - {plot}:
        if orphan.parent() is None and isinstance(orphan, QMenu):
            orphan.setParent(owner, orphan.windowFlags())
    return plot
