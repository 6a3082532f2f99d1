"""Messy Italian-style contact records for tests and for measuring `normalize_frame`.

Run `python -m app.core.normalize._bench [ROWS ...]` to print rows per second (default 100000 and 1000000).
"""
from __future__ import annotations

import random
import sys
import time

import pandas as pd

from app.core.normalize.codice_fiscale import _check_char
from app.core.normalize.gazetteer import first_names, surnames

_CITIES = (
    ("Milano", "MI", "201"), ("Roma", "RM", "001"), ("Napoli", "NA", "801"), ("Torino", "TO", "101"),
    ("Bologna", "BO", "401"), ("Firenze", "FI", "501"), ("Bari", "BA", "701"), ("Genova", "GE", "161"),
    ("Verona", "VR", "371"), ("Padova", "PD", "351"), ("Brescia", "BS", "251"), ("Monza", "MB", "209"),
    ("Bergamo", "BG", "241"), ("Reggio nell'Emilia", "RE", "421"), ("Forlì", "FC", "471"), ("Latina", "LT", "041"),
    ("Viterbo", "VT", "011"), ("Cagliari", "CA", "091"), ("Sassari", "SS", "071"), ("Perugia", "PG", "061"),
)
_STREETS = ("Roma", "Garibaldi", "Giuseppe Garibaldi", "Mazzini", "Cavour", "Dante", "Verdi", "Manzoni",
            "XX Settembre", "4 Novembre", "Vittorio Emanuele II", "Matteotti", "Gramsci", "Marconi", "Leopardi",
            "dell'Orto", "San Martino", "della Repubblica", "Duomo", "Colombo", "Kennedy", "De Gasperi", "Milano",
            "Torino", "Dei Mille", "Aldo Moro", "Puccini", "Volta", "Galilei", "Carducci")
_QUALIFIERS = ("Via", "via", "V.", "V.le", "Viale", "P.zza", "Piazza", "C.so", "Corso", "L.go", "Vicolo")
_DOMAINS = ("gmail.com", "libero.it", "hotmail.it", "yahoo.it", "outlook.it", "alice.it", "virgilio.it",
            "tiscali.it", "icloud.com", "gmail.com", "gmail.com")
_SYLLABLES = ("ro", "ma", "ri", "no", "lu", "ca", "te", "si", "bal", "dor", "ven", "zan", "tur", "pel", "gri", "mon")


def _case(rng: random.Random, text: str) -> str:
    return rng.choice((text, text, text.upper(), text.lower(), f"  {text} "))


def _phone(rng: random.Random) -> str:
    if rng.random() < 0.75:
        prefix, rest = f"3{rng.randint(20, 99)}", f"{rng.randint(0, 9_999_999):07d}"
    else:
        prefix, rest = rng.choice(("06", "02", "011", "051", "081", "055")), f"{rng.randint(0, 9_999_999):07d}"
    return rng.choice((f"{prefix} {rest}", f"+39 {prefix} {rest}", f"0039{prefix}{rest}", f"39{prefix}{rest}",
                       f"{prefix}-{rest[:3]}-{rest[3:]}", f"p:+39{prefix}{rest}", f"'+39{prefix}{rest}",
                       f"{prefix}/{rest}", f"{prefix}{rest}.0", "0000000", f"{prefix}{rest}"))


def _birth(rng: random.Random) -> tuple[str | None, int, int, int]:
    y, m, d = rng.randint(1935, 2006), rng.randint(1, 12), rng.randint(1, 28)
    form = rng.random()
    text = (f"{y}-{m:02d}-{d:02d}" if form < 0.4 else f"{d:02d}/{m:02d}/{y}" if form < 0.7 else
            str(y) if form < 0.75 else f"--{m:02d}-{d:02d}" if form < 0.8 else None)
    return text, y, m, d


def _cf(rng: random.Random, last: str, first: str, y: int, m: int, d: int, female: bool) -> str:
    letters = "".join(c for c in (last + first).upper() if c.isalpha()).ljust(6, "X")[:6]
    body = f"{letters}{y % 100:02d}{'ABCDEHLMPRST'[m - 1]}{d + (40 if female else 0):02d}H501"
    return body + _check_char(body)


def messy_records(n: int, seed: int = 0) -> pd.DataFrame:
    """`n` contact rows in canonical columns, written the many ways real exports write them."""
    rng = random.Random(seed)
    firsts = sorted(k for k, g in first_names().items() if g and len(k) > 3)
    lasts = sorted(surnames()) + sorted({
        "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize() + rng.choice("iaoe")
        for _ in range(5000)})
    rows = []
    for i in range(n):
        first = rng.choice(firsts[:300] if rng.random() < 0.7 else firsts).capitalize()
        last = rng.choice(lasts[:400] if rng.random() < 0.5 else lasts).capitalize()
        gender = first_names()[first.upper()]
        city, province, cap = rng.choice(_CITIES)
        birth, y, m, d = _birth(rng)
        row: dict[str, object] = {"customer_id": f"C{i:07d}"}
        shape = rng.random()
        if shape < 0.7:
            row["first_name"], row["last_name"] = _case(rng, first), _case(rng, last)
        elif shape < 0.9:
            row["full_name"] = _case(rng, f"{last} {first}" if rng.random() < 0.5 else f"{first} {last}")
        elif shape < 0.92:
            row["first_name"] = f"{first} {last}"  # the whole name in the first-name box
        else:
            row["first_name"] = _case(rng, first)
        if rng.random() < 0.85:
            local = rng.choice((f"{first}.{last}", f"{first}{last}", f"{first[0]}{last}", f"{last}{rng.randint(50, 99)}",
                                f"{first}.{last}+shop", f"{first}_{last}{rng.randint(1, 999)}"))
            row["email"] = _case(rng, f"{local}@{rng.choice(_DOMAINS)}" if rng.random() < 0.98 else f"{local}@")
        if rng.random() < 0.8:
            row["phone"] = _phone(rng)
        if rng.random() < 0.2:
            row["mobile"] = _phone(rng)
        if rng.random() < 0.7:
            number = rng.choice((str(rng.randint(1, 200)), f"{rng.randint(1, 99)}/A", f"{rng.randint(1, 99)} bis", "snc"))
            row["address"] = f"{rng.choice(_QUALIFIERS)} {rng.choice(_STREETS)}, {number}"
            postcode = f"{cap}{rng.randint(0, 99):02d}"
            row["postcode"] = postcode.lstrip("0") if rng.random() < 0.1 else postcode
            row["city"] = _case(rng, city)
            row["province"] = rng.choice((province, f"({province})", city))
            row["country"] = rng.choice(("IT", "Italia", "Italy", None))
        row["birth_date"] = birth
        row["gender"] = rng.choice((gender, gender and gender.lower(), "maschio" if gender == "M" else "femmina", None))
        if rng.random() < 0.05:
            row["codice_fiscale"] = _cf(rng, last, first, y, m, d, gender == "F")
        if rng.random() < 0.4:
            row["loyalty_card"] = f"'{rng.randint(10**9, 10**10 - 1)}"
        rows.append(row)
    return pd.DataFrame(rows)


def main(argv: list[str]) -> None:
    from app.core.normalize.record import normalize_frame

    for n in [int(a) for a in argv] or [100_000, 1_000_000]:
        df = messy_records(n, seed=n)
        start, cpu = time.perf_counter(), time.process_time()
        out = normalize_frame(df)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        filled = out.notna().mean().mean()
        # CPU time too: on a shared machine the wall time also measures the neighbours.
        print(f"{n:>9,} rows: {elapsed:6.1f} s wall ({n / elapsed:,.0f} rows/s), {cpu:6.1f} s CPU "
              f"({n / cpu:,.0f} rows/s); {filled:.0%} of n_* cells filled")


if __name__ == "__main__":
    main(sys.argv[1:])
