#!/usr/bin/env python3
"""Side by side: Dais and calcurse (and Python's json.load) on the same synthetic panels.

Usage: compare.py DAIS PANELS FOLDER. Generates a store with `dais generate`, writes the same
panels as a calcurse data folder (appointments in UTC, calcurse run with TZ=UTC) and as one JSON
array, then times, in one run, each as a whole process (best of three):
  - `dais list` for one week        vs  `calcurse -Q` for the same week
  - `dais export --format ics`      vs  `calcurse --export=ical` (both's standard output into a file)
  - Dais's store load               vs  Python's json.load of the same file (and of the array)
Dais's load is `dais list` of a day with no panels: read, decode, index, select nothing.
"""
import datetime as dt
import json
import os
import subprocess
import sys
import time
from zoneinfo import ZoneInfo

dais, panels, folder = sys.argv[1], int(sys.argv[2]), sys.argv[3]
os.makedirs(folder, exist_ok=True)
store = os.path.join(folder, f"store-{panels}.json")
if os.path.exists(store):
    os.remove(store)
subprocess.run([dais, "generate", "--panels", str(panels), "--output", store], check=True)

with open(store, encoding="utf-8") as f:
    data = json.load(f)

# The same panels, once as a JSON array, once as calcurse appointments (UTC).
array = os.path.join(folder, f"panels-{panels}.json")
with open(array, "w", encoding="utf-8") as f:
    json.dump(data["panels"], f, ensure_ascii=False)
calcurse_dir = os.path.join(folder, f"calcurse-{panels}")
os.makedirs(calcurse_dir, exist_ok=True)
starts = []
with open(os.path.join(calcurse_dir, "apts"), "w", encoding="utf-8") as f:
    for p in data["panels"]:
        if p.get("status") == "cancelled":
            continue
        local = dt.datetime.fromisoformat(p["start"]).replace(tzinfo=ZoneInfo(p["zone"]))
        start = local.astimezone(dt.timezone.utc)
        end = start + dt.timedelta(minutes=p.get("durationMinutes", 60))
        starts.append(start)
        title = p["title"].replace("\n", " ")
        f.write(f"{start:%m/%d/%Y @ %H:%M} -> {end:%m/%d/%Y @ %H:%M} |{title}\n")
open(os.path.join(calcurse_dir, "todo"), "w").close()

# The busiest week of the median panel's month: Monday to Sunday.
starts.sort()
middle = starts[len(starts) // 2].date()
monday = middle - dt.timedelta(days=middle.weekday())
sunday = monday + dt.timedelta(days=6)
utc = {**os.environ, "TZ": "UTC"}


def best(command, env=None, runs=3):
    """Best wall-clock seconds of a whole process, and its last output."""
    times, out = [], b""
    for _ in range(runs):
        t = time.perf_counter()
        done = subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - t)
        if done.returncode != 0:
            sys.exit(f"failed: {' '.join(command)}\n{done.stderr.decode()}")
        out = done.stdout
    return min(times), out


rows = []
d_week, d_out = best([dais, "list", "--store", store, "--zone", "UTC", "--from", f"{monday}", "--to", f"{sunday}"])
c_week, c_out = best(["calcurse", "-D", calcurse_dir, "-Q", "--from", f"{monday:%m/%d/%Y}", "--days", "7"], env=utc)
rows.append((f"one week ({monday} to {sunday}): dais list / calcurse -Q", d_week, c_week,
             f"{len(d_out.splitlines())} / {len(c_out.splitlines())} lines"))



def best_to_file(command, path, env=None, runs=3):
    """Best wall-clock seconds of a whole process writing its standard output to a file."""
    times = []
    for _ in range(runs):
        with open(path, "wb") as out:
            t = time.perf_counter()
            done = subprocess.run(command, env=env, stdout=out, stderr=subprocess.PIPE)
            times.append(time.perf_counter() - t)
        if done.returncode != 0:
            sys.exit(f"failed: {' '.join(command)}\n{done.stderr.decode()}")
    return min(times)


# Both exports write standard output into a file (calcurse can only write there), as an organizer
# would make an agenda file.
d_ics_path, c_ics_path = os.path.join(folder, f"dais-{panels}.ics"), os.path.join(folder, f"calcurse-{panels}.ics")
d_ics = best_to_file([dais, "export", "--store", store, "--format", "ics"], d_ics_path)
c_ics = best_to_file(["calcurse", "-D", calcurse_dir, "--export=ical"], c_ics_path, env=utc)
rows.append(("export iCalendar: dais export --format ics / calcurse --export=ical", d_ics, c_ics,
             f"{os.path.getsize(d_ics_path) / 1e6:.1f} MB / {os.path.getsize(c_ics_path) / 1e6:.1f} MB"))

d_load, _ = best([dais, "list", "--store", store, "--from", "1900-01-01", "--to", "1900-01-01"])
p_load, _ = best([sys.executable, "-c", "import json,sys; json.load(open(sys.argv[1], encoding='utf-8'))", store])
p_array, _ = best([sys.executable, "-c", "import json,sys; json.load(open(sys.argv[1], encoding='utf-8'))", array])
rows.append(("load the store: dais (list of an empty day) / python3 json.load", d_load, p_load,
             f"{os.path.getsize(store) / 1e6:.1f} MB store; json.load of the panels array alone {p_array:.2f} s"))

print(f"\n{panels} panels (each figure: a whole process, best of 3)\n")
print(f"| {'what':<66} | {'dais':>8} | {'other':>8} | {'ratio':>6} | notes")
print(f"|{'-' * 68}|{'-' * 10}|{'-' * 10}|{'-' * 8}|------")
for name, a, b, note in rows:
    print(f"| {name:<66} | {a:>7.2f}s | {b:>7.2f}s | {a / b:>6.3f} | {note}")
