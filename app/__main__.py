import multiprocessing
import sys

from app.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen build's helper process starts here (app/core/helper.py)
    sys.exit(main())
