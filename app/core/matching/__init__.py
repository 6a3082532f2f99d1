"""Identity matching: blocking → comparisons (declarative levels) → Fellegi-Sunter (EM, TF) →
constrained clusters with stable profile ids. The API the CLI, GUI and profiles layer use."""
from app.core.matching.clustering import Constraints
from app.core.matching.evidence import Contribution, Explanation
from app.core.matching.explain import explain, export_members
from app.core.matching.review import Decision, ReviewPair, apply_decisions, decide, review_count, review_queue
from app.core.matching.service import (MatchResult, get_settings, recluster, run_match, save_settings,
                                       set_priorities)
from app.core.matching.settings import MatchSettings, default_settings
from app.core.matching.store import load_records_frame
from app.core.matching.summary import refresh_profiles

__all__ = [
    "Constraints", "Contribution", "Decision", "Explanation", "MatchResult", "MatchSettings", "ReviewPair",
    "apply_decisions", "decide", "default_settings", "explain", "export_members", "get_settings",
    "load_records_frame", "recluster", "refresh_profiles", "review_count", "review_queue", "run_match",
    "save_settings", "set_priorities",
]
