"""Journeys, attribution models, ROPO and identification over a workspace's events.

The reports the CLI and the GUI show are in ``reports`` (``contribution_report``, ``ropo_report``,
``identification_report``); the modules below them are pure functions over DataFrames and journeys.
"""
from app.core.analytics.attribution import MODELS, compare_models, contribution
from app.core.analytics.journeys import Journey, Touch, journeys, load_events
from app.core.analytics.report import Report
from app.core.analytics.reports import (contribution_report, identification_report, model_comparison_report,
                                       ropo_report)

__all__ = ["MODELS", "Journey", "Report", "Touch", "compare_models", "contribution", "contribution_report",
           "identification_report", "journeys", "load_events", "model_comparison_report",
           "ropo_report"]
