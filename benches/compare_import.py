#!/usr/bin/env python3
"""Side by side: sparekrav import, DuckDB and pandas (with Decimal) doing the
same exact aggregation of the same generated extract.

    cargo bench --bench import_throughput -- --generate-only   # writes the files
    cargo build --release
    pip install duckdb pandas
    python3 benches/compare_import.py [--runs 3]

The extract (target/import-bench/udtraek-1m.csv): 1 000 000 lines,
windows-1252, `;`, Danish numbers (thousands `.`, decimal `,`, a leading or
trailing minus). The mapping (target/import-bench/map.yaml) is written out
below as SQL for DuckDB and as Python for pandas: first matching rule wins,
lines excluded or matching no rule or no centre are not mapped. Every engine
parses amounts to exact decimals (DuckDB DECIMAL(18,2), Python Decimal) and
sums by konto x center x year; the script checks that the three results are
equal to the øre before it prints any time. Each engine runs in its own
process, timed from start to finish (wall clock) with its peak RSS from
/usr/bin/time.
"""

import argparse
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "target", "import-bench")
CSV = os.path.join(BENCH, "udtraek-1m.csv")
MAP = os.path.join(BENCH, "map.yaml")
SPAREKRAV = os.path.join(ROOT, "target", "release", "sparekrav")

# The mapping of map.yaml, as SQL: first match wins.
DUCKDB_SQL = r"""
WITH lines AS (
  SELECT Funktion AS f, Dranst AS dr, Omkostningssted AS sted, "År" AS yr,
         CAST(CASE WHEN ends_with(trim("Beløb"), '-')
                   THEN '-' || replace(replace(rtrim(trim("Beløb"), '-'), '.', ''), ',', '.')
                   ELSE replace(replace(trim("Beløb"), '.', ''), ',', '.') END
              AS DECIMAL(18,2)) AS amount
  FROM read_csv('{csv}', delim=';', header=false, skip=2, encoding='latin-1',
                auto_detect=false, quote='"',
                columns={{'Funktion': 'VARCHAR', 'Dranst': 'VARCHAR', 'Art': 'VARCHAR',
                          'Omkostningssted': 'VARCHAR', 'Navn': 'VARCHAR',
                          'År': 'VARCHAR', 'Beløb': 'VARCHAR'}})
), mapped AS (
  SELECT CASE WHEN f = '6.45.53' THEN 'service'
              WHEN f LIKE '5.68.9_' THEN 'indsats'
              WHEN f LIKE '5.57.%' AND dr = '2' THEN NULL
              WHEN f LIKE '5.57.%' THEN 'overførsler'
              WHEN f LIKE '5.58.%' THEN 'overførsler' END AS konto,
         CASE WHEN sted LIKE '41%' THEN 'Center 41' WHEN sted LIKE '42%' THEN 'Center 42'
              WHEN sted LIKE '43%' THEN 'Center 43' WHEN sted LIKE '44%' THEN 'Center 44'
              WHEN sted LIKE '45%' THEN 'Center 45' WHEN sted LIKE '46%' THEN 'Center 46'
              WHEN sted LIKE '47%' THEN 'Center 47' WHEN sted LIKE '48%' THEN 'Center 48' END AS center,
         CAST(yr AS INTEGER) AS yr, amount
  FROM lines
)
SELECT konto, center, yr, CAST(sum(amount) AS VARCHAR) AS s
FROM mapped WHERE konto IS NOT NULL AND center IS NOT NULL
GROUP BY ALL
"""


def run_duckdb():
    import duckdb

    con = duckdb.connect()
    rows = con.execute(DUCKDB_SQL.format(csv=CSV)).fetchall()
    return {f"{k}|{c}|{y}": s for k, c, y, s in rows}


def run_pandas():
    from decimal import Decimal

    import pandas as pd

    df = pd.read_csv(CSV, sep=";", skiprows=1, encoding="cp1252", dtype=str)

    def amount(t):
        t = t.strip()
        neg = t.endswith("-")
        t = t.rstrip("-").replace(".", "").replace(",", ".")
        d = Decimal(t)
        return -d if neg else d

    def konto(f, dr):
        if f == "6.45.53":
            return "service"
        if f.startswith("5.68.9") and len(f) == 7:
            return "indsats"
        if f.startswith("5.57.") and dr == "2":
            return None
        if f.startswith("5.57.") or f.startswith("5.58."):
            return "overførsler"
        return None

    def center(s):
        p = s[:2]
        return f"Center {p}" if p in {"41", "42", "43", "44", "45", "46", "47", "48"} else None

    df["amount"] = df["Beløb"].map(amount)
    df["konto"] = [konto(f, d) for f, d in zip(df["Funktion"], df["Dranst"])]
    df["center"] = df["Omkostningssted"].map(center)
    m = df.dropna(subset=["konto", "center"])
    g = m.groupby(["konto", "center", "År"])["amount"].sum()
    return {f"{k}|{c}|{int(y)}": str(v) for (k, c, y), v in g.items()}


def run_sparekrav():
    out = subprocess.run(
        [SPAREKRAV, "import", CSV, "--map", MAP, "-f", "json"],
        check=True, capture_output=True,
    ).stdout
    doc = json.loads(out)
    return {f"{g['konto']}|{g['center']}|{g['år']}": g["beløb"] for g in doc["groups"]}


ENGINES = {"sparekrav": run_sparekrav, "duckdb": run_duckdb, "pandas": run_pandas}


def child(engine):
    result = ENGINES[engine]()
    print(json.dumps(result, sort_keys=True))


def measure(engine):
    """Wall time, peak RSS (KiB) and CPU time (user + system) of one engine
    in its own process (Python's own start-up included for DuckDB and pandas)."""
    cmd = ["/usr/bin/time", "-f", "%M %U %S", sys.executable, __file__, "--child", engine]
    t = time.perf_counter()
    p = subprocess.run(cmd, check=True, capture_output=True, text=True)
    elapsed = time.perf_counter() - t
    peak, user, system = p.stderr.strip().splitlines()[-1].split()
    return elapsed, int(peak), json.loads(p.stdout), float(user) + float(system)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--child")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--engines", default="sparekrav,duckdb,pandas")
    a = ap.parse_args()
    if a.child:
        child(a.child)
        return
    for f, hint in [(CSV, "cargo bench --bench import_throughput -- --generate-only"),
                    (SPAREKRAV, "cargo build --release")]:
        if not os.path.exists(f):
            sys.exit(f"{f} is missing: run `{hint}` first")
    size = os.path.getsize(CSV)
    results = {}
    load = os.getloadavg()[0]
    print(f"load average before: {load:.1f}")
    print(f"extract: {CSV} ({size / 1e6:.1f} MB, 1 000 000 lines); cores: {os.cpu_count()}")
    print(f"{'engine':<10} {'best s':>8} {'median s':>9} {'M lines/s':>10} {'CPU s':>7} {'peak RSS MiB':>13}")
    for e in a.engines.split(","):
        runs = [measure(e) for _ in range(a.runs if e != "pandas" else 1)]
        times = sorted(r[0] for r in runs)
        results[e] = runs[0][2]
        peak = max(r[1] for r in runs) / 1024
        cpu = min(r[3] for r in runs)
        print(f"{e:<10} {times[0]:>8.3f} {times[len(times) // 2]:>9.3f} "
              f"{1.0 / times[0]:>10.2f} {cpu:>7.2f} {peak:>13.1f}")
    names = list(results)
    base = {k: str(__import__('decimal').Decimal(v)) for k, v in results[names[0]].items()}
    for n in names[1:]:
        other = {k: str(__import__('decimal').Decimal(v)) for k, v in results[n].items()}
        if other != base:
            diff = sorted(set(base.items()) ^ set(other.items()))[:5]
            sys.exit(f"{names[0]} and {n} disagree: {diff}")
    print(f"all {len(names)} engines agree on all {len(base)} groups, to the øre")


if __name__ == "__main__":
    main()
