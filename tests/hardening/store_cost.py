"""What checksums cost the store: open (warm/cold), upsert latency, compaction, page gathering, GDAL read.

``python -m tests.hardening.store_cost ROOT N`` measures the checkout at ROOT (e.g. this one, or an older
one checked out with ``git worktree``) on N synthetic events and prints one JSON line.
"""

import copy
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    """Measure and print one JSON line."""
    root = Path(sys.argv[1]); n = int(sys.argv[2])
    sys.path.insert(0, str(root)); os.chdir(root)
    from geo_events.store import GeoJSONFileStore
    from tests.api.conftest import synthetic_events
    t = json.loads((root/"seeds/events.geojson").read_text())["features"][0]
    d = Path(tempfile.mkdtemp()); p = d/"e.geojson"
    s = GeoJSONFileStore(p, compact_every=0)
    for start in range(0, n, 20000):
        b = synthetic_events(copy.deepcopy(t), min(20000, n-start))
        for i, f in enumerate(b): f["id"] = f["properties"]["id"] = f"evt-m{start+i:08d}"
        s.upsert_many(b)
    t0=time.perf_counter(); s.compact(); comp=time.perf_counter()-t0
    code = f"import time,sys;sys.path.insert(0,{str(root)!r});from geo_events.store import GeoJSONFileStore;t=time.perf_counter();s=GeoJSONFileStore({str(p)!r});print(time.perf_counter()-t, len(s))"
    warm = subprocess.run([sys.executable,"-c",code],capture_output=True,text=True,cwd=root).stdout.split()
    os.rename(str(p)+".idx", str(p)+".idx.bak")
    cold = subprocess.run([sys.executable,"-c",code],capture_output=True,text=True,cwd=root).stdout.split()
    os.rename(str(p)+".idx.bak", str(p)+".idx")
    s = GeoJSONFileStore(p, compact_every=0)
    f = copy.deepcopy(t); lat=[]
    for i in range(200):
        f["id"] = f["properties"]["id"] = f"evt-w{i}"
        t0=time.perf_counter(); s.upsert(f); lat.append(time.perf_counter()-t0)
    lat.sort()
    import pyogrio
    t0=time.perf_counter(); df=pyogrio.read_dataframe(p); gdal=time.perf_counter()-t0
    from geo_events.query import EventQuery
    t0=time.perf_counter()
    for _ in range(50): s.query(EventQuery(limit=1000))
    q=(time.perf_counter()-t0)/50
    print(json.dumps({"n":n,"size_mb":p.stat().st_size/1e6,"compact_s":comp,"open_warm_s":float(warm[0]),"open_cold_s":float(cold[0]),
     "upsert_p50_ms":lat[100]*1000,"upsert_p95_ms":lat[190]*1000,"gdal_read_s":gdal,"gdal_rows":len(df),"query1000_ms":q*1000}))


if __name__ == "__main__":
    main()
