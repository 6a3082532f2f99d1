"""`unico gui`: open the desktop app (what `unico` alone does). Qt is imported only when it runs."""
from __future__ import annotations

import os


def register(sub) -> None:
    parser = sub.add_parser("gui", help="open the desktop app (the default when no command is given)",
                            description="Open the desktop app on --db, else on the last workspace, "
                            "else (first start) on the demo shop.")
    parser.add_argument("--db", dest="gui_db", metavar="PATH", default=None,
                        help="workspace file to open (created when missing)")
    parser.add_argument("--demo", action="store_true", help="open the demo shop (built on first use)")
    parser.add_argument("--lang", choices=("it", "en"), default=None,
                        help="language for this run (default: Settings, else the system's)")
    parser.add_argument("--screenshots", metavar="DIR", default=None,
                        help="save a PNG of every main screen into DIR and exit (works offscreen)")
    parser.set_defaults(handler=run)


def run(args) -> int:
    from app.gui.app import run as run_gui

    db = args.gui_db or args.db or os.environ.get("UNICO_DB")
    return run_gui(db=db, demo=args.demo, lang=args.lang, screenshots=args.screenshots)
