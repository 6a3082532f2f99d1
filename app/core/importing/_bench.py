"""Import throughput: ``python -m app.core.importing._bench [ROWS ...]`` generates an Italian-style
contact CSV of each size (till layout: ';', dd/mm/yyyy, cp-style messy values, unique card codes,
unique emails and phones, repeated names/streets/cities) and imports it into a fresh workspace,
printing rows/s and peak memory (RSS high-water mark of this process)."""
from __future__ import annotations

import csv
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

TILL_CONTACTS = ["Codice carta", "Cognome", "Nome", "Data di nascita", "Sesso", "Indirizzo", "CAP", "Città",
                 "Provincia", "Telefono", "Cellulare", "E-mail", "Consenso marketing", "Data iscrizione", "Negozio"]
FIRST = ["Mario", "Giuseppe", "Anna", "Giulia", "Luca", "Francesca", "Marco", "Chiara", "Paolo", "Sara", "Nicolò",
         "Maria Grazia", "Gian Marco", "Elisa", "Alessandro", "Federica", "Matteo", "Martina", "Davide", "Laura"]
LAST = ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco",
        "Bruno", "Gallo", "Conti", "De Luca", "D'Angelo", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi"]
CITIES = [("Milano", "MI", "201"), ("Roma", "RM", "001"), ("Torino", "TO", "101"), ("Napoli", "NA", "801"),
          ("Bergamo", "BG", "241"), ("Monza", "MB", "209"), ("Bologna", "BO", "401"), ("Firenze", "FI", "501")]
STREETS = ["Via Roma", "Via Garibaldi", "V.le Monza", "P.za Duomo", "C.so Buenos Aires", "Via Dante", "Via Mazzini"]


def write_contacts_csv(path: Path, n: int, *, seed: int = 1) -> Path:
    """n contact rows in the Italian till layout with unique card codes, emails and mobiles."""
    rnd = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\n")
        w.writerow(TILL_CONTACTS)
        for i in range(n):
            first, last = rnd.choice(FIRST), rnd.choice(LAST)
            city, prov, cap = rnd.choice(CITIES)
            y, m, dd = rnd.randint(1940, 2005), rnd.randint(1, 12), rnd.randint(1, 28)
            local = f"{first}.{last}".lower().replace(" ", "").replace("'", "")
            w.writerow([f"C{i:08d}", last.upper() if i % 7 == 0 else last, first, f"{dd:02d}/{m:02d}/{y}",
                        "F" if first.endswith("a") else "M", f"{rnd.choice(STREETS)} {rnd.randint(1, 200)}",
                        f"{cap}{rnd.randint(0, 9)}{rnd.randint(0, 9)}", city, prov,
                        f"0{rnd.randint(2, 9)} {rnd.randint(1000000, 9999999)}" if i % 3 == 0 else "",
                        f"3{rnd.randint(20, 99)} {i % 10_000_000:07d}",
                        f"{local}.{i}@{rnd.choice(['gmail.com', 'libero.it', 'hotmail.it'])}",
                        rnd.choice(["SI", "NO", ""]), f"{rnd.randint(1, 28):02d}/{rnd.randint(1, 12):02d}/2024",
                        city])
    return path


def measure(rows: int, folder: Path) -> dict:
    from app.core.importing import plan_import, run_import
    from app.core.workspace import Workspace

    src = write_contacts_csv(folder / f"contacts_{rows}.csv", rows)
    with Workspace(folder / f"bench_{rows}.db") as ws:
        start, cpu = time.perf_counter(), time.process_time()
        result = run_import(ws, plan_import(src, ws=ws))
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    assert result.counts["imported"] == rows, result.counts
    return {"rows": rows, "seconds": round(wall, 1), "cpu_seconds": round(cpu, 1), "rows_per_s": round(rows / wall),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "file_mb": round(src.stat().st_size / 2**20, 1)}


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [100_000, 1_000_000]
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            print(measure(n, Path(tmp)), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
