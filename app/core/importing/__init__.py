"""Importing channel exports: readers (bytes → rows), the registry of known formats, the auto-mapper,
the preview plan and the import service (see docs/DESIGN.md). Public API for the CLI and the GUI:"""
from app.core.importing.history import list_imports, list_records, list_rejects, list_sources, undo_import
from app.core.importing.plan import ImportPlan, candidate_fields, plan_import
from app.core.importing.readers import Table, read_table
from app.core.importing.registry import all_formats, file_filter, get_format, preset_ids
from app.core.importing.service import ImportResult, import_files, rejects_dir, run_import

__all__ = [
    "ImportPlan", "ImportResult", "Table", "all_formats", "candidate_fields", "file_filter", "get_format", "import_files",
    "list_imports", "list_records", "list_rejects", "list_sources", "plan_import", "preset_ids", "read_table",
    "rejects_dir", "run_import", "undo_import",
]
