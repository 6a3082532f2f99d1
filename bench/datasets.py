"""Benchmark datasets laid out as files in a work folder, with their truth kept apart.

Every tool reads the files only; ``truth.csv`` (source, key, entity) is read by the harness when
scoring. fake_1000 loses its ``cluster`` column before any tool sees it.
"""
from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

import pandas as pd

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "benchmarks"
DEMO_SIZES = {"demo_10k": 10_000, "demo_100k": 100_000, "demo_1m": 1_000_000}
ALL = ("febrl3", "febrl4", "fake_1000", *DEMO_SIZES)


@dataclass
class Dataset:
    name: str
    task: str  # dedup | link
    kind: str  # febrl | fake | demo
    files: list[str]  # paths of the input files, in import order
    records: int
    generator: str = ""  # demo datasets: fingerprint of the generator that wrote them

    @classmethod
    def load(cls, folder: Path) -> "Dataset":
        return cls(**json.loads((folder / "dataset.json").read_text()))

    def save(self, folder: Path) -> None:
        (folder / "dataset.json").write_text(json.dumps(asdict(self), indent=2))


def demo_fingerprint() -> str:
    """Hash of the demo generator's code and the tables it draws from: a cached demo dataset written
    by another version is written again, so every run measures what the current code generates."""
    root = Path(__file__).resolve().parent.parent
    files = sorted((root / "app" / "core" / "demo").rglob("*.py")) + sorted(
        p for p in (root / "resources").rglob("*") if p.suffix in {".csv", ".tsv", ".txt", ".json"})
    h = hashlib.sha256()
    for f in files:
        h.update(f.relative_to(root).as_posix().encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:16]


def truth_of(folder: Path) -> pd.DataFrame:
    return pd.read_csv(folder / "truth.csv", dtype=str)


def prepare(name: str, root: Path) -> Path:
    """Write dataset ``name`` into root/name (reused when already there); return the folder."""
    folder = root / name
    if (folder / "dataset.json").exists():
        if name not in DEMO_SIZES or Dataset.load(folder).generator == demo_fingerprint():
            return folder
        shutil.rmtree(folder)  # written by another version of the generator
    folder.mkdir(parents=True, exist_ok=True)
    if name in ("febrl3", "febrl4"):
        files = ["febrl3.csv"] if name == "febrl3" else ["febrl4a.csv", "febrl4b.csv"]
        truth = []
        for f in files:
            shutil.copyfile(SHARED / "febrl" / f, folder / f)
            df = pd.read_csv(folder / f, dtype=str)
            truth.append(pd.DataFrame({"source": Path(f).stem, "key": df["rec_id"].str.strip(),
                                       "entity": df["rec_id"].str.extract(r"rec-(\d+)")[0]}))
        truth = pd.concat(truth)
        ds = Dataset(name, "dedup" if name == "febrl3" else "link", "febrl", [str(folder / f) for f in files], len(truth))
    elif name == "fake_1000":
        df = pd.read_csv(SHARED / "splink" / "fake_1000.csv", dtype=str)
        df.drop(columns=["cluster"]).to_csv(folder / "fake_1000.csv", index=False)
        truth = pd.DataFrame({"source": "fake_1000", "key": df["unique_id"], "entity": df["cluster"]})
        ds = Dataset(name, "dedup", "fake", [str(folder / "fake_1000.csv")], len(df))
    elif name in DEMO_SIZES:
        from app.core.demo import generate_contacts_only

        manifest = generate_contacts_only(folder / "files", records=DEMO_SIZES[name])
        t = pd.read_csv(manifest.truth_csv, dtype=str)
        truth = pd.DataFrame({"source": t["file"].map(lambda f: Path(f).name.split(".")[0]),
                              "key": t["source_record_key"], "entity": t["person_id"]})
        files = [str(f.path) for f in manifest.files]
        for extra in (folder / "files").glob("truth*"):  # the tools never see the truth
            extra.rename(folder / f"generator-{extra.name}")
        ds = Dataset(name, "dedup", "demo", files, len(truth), demo_fingerprint())
    else:
        raise ValueError(f"unknown dataset {name!r}; choose from {', '.join(ALL)}")
    truth.to_csv(folder / "truth.csv", index=False)
    ds.save(folder)
    return folder
