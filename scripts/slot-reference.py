#!/usr/bin/env python3
"""Brute-force reference for Dais's slot search (docs/slots.md), written apart from the Swift code.

Usage: python3 scripts/slot-reference.py SCENARIO.json
Prints one JSON object: {"ranked": [{"start": "YYYY-MM-DDTHH:MM" (in the panel's zone), "utc": "...Z",
"cost": N}, ...]} with every start that no hard constraint rules out, least cost first, then
earliest; and "blocked": {"YYYY-MM-DD": count of starts ruled out}.

SCENARIO: {"zone", "from", "to" (dates in zone), "minutes", "step", "stretch", "changeover",
"audience": [zones], "audienceHours": ["08:00", "21:00"],
"people": [{"name", "home" (zone or null), "hours": ["08:00", "21:00"], "burden",
            "busy": [["YYYY-MM-DDTHH:MMZ", "...Z"]], "unavailable": [[start, end]]}]}

Every minute of a candidate is converted to each zone with zoneinfo on its own (no wall-clock
shortcut). A local start that does not exist is skipped; in a fold the first occurrence is used.
"""
import json
import sys
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

STRETCH_POINTS, NIGHT_POINTS, CHANGEOVER_POINTS = 1, 10, 2


def minutes_of(text):
    h, m = text.split(":")
    return int(h) * 60 + int(m)


def utc(text):
    return datetime.strptime(text, "%Y-%m-%dT%H:%MZ").replace(tzinfo=timezone.utc)


def outside(start, minutes, zone, hours, stretch):
    """Minutes outside waking hours: (in the stretch, at night)."""
    begin, end = minutes_of(hours[0]), minutes_of(hours[1])
    near, night = 0, 0
    for k in range(minutes):
        local = (start + timedelta(minutes=k)).astimezone(zone)
        t = local.hour * 60 + local.minute
        if begin <= t < end:
            continue
        until_start = begin - t if t < begin else begin + 1440 - t
        since_end = t - end + 1 if t >= end else t + 1440 - end + 1
        if min(until_start, since_end) > stretch:
            night += 1
        else:
            near += 1
    return near, night


def resolve(local_naive, zone):
    """The UTC instant of a wall-clock time, or None when it does not exist (first in a fold)."""
    first = local_naive.replace(tzinfo=zone, fold=0)
    back = first.astimezone(timezone.utc).astimezone(zone).replace(tzinfo=None)
    if back != local_naive:
        return None
    return first.astimezone(timezone.utc)


def main():
    s = json.load(open(sys.argv[1]))
    zone = ZoneInfo(s["zone"])
    people = []
    for p in s["people"]:
        people.append({
            "home": ZoneInfo(p["home"]) if p.get("home") else None,
            "hours": p.get("hours", ["08:00", "21:00"]),
            "burden": p.get("burden", 0),
            "busy": [(utc(a), utc(b)) for a, b in p.get("busy", [])],
            "unavailable": [(utc(a), utc(b)) for a, b in p.get("unavailable", [])],
        })
    audience = [ZoneInfo(z) for z in s.get("audience", [])]
    audience_hours = s.get("audienceHours", ["08:00", "21:00"])
    minutes, step, stretch, changeover = s["minutes"], s["step"], s["stretch"], s["changeover"]
    ranked, blocked = [], {}
    day = date.fromisoformat(s["from"])
    last = date.fromisoformat(s["to"])
    while day <= last:
        for m in range(0, 1440, step):
            local = datetime(day.year, day.month, day.day, m // 60, m % 60)
            start = resolve(local, zone)
            if start is None:
                blocked[day.isoformat()] = blocked.get(day.isoformat(), 0) + 1
                continue
            end = start + timedelta(minutes=minutes)
            hard = any(a < end and start < b for p in people for a, b in p["busy"] + p["unavailable"])
            if hard:
                blocked[day.isoformat()] = blocked.get(day.isoformat(), 0) + 1
                continue
            cost = 0
            for p in people:
                if p["home"] is None:
                    continue
                near, night = outside(start, minutes, p["home"], p["hours"], stretch)
                short = 0
                for a, b in p["busy"]:
                    gap = (start - b) if b <= start else (a - end)
                    gap = int(gap.total_seconds() // 60)
                    if gap < changeover:
                        short = max(short, changeover - gap)
                cost += (1 + p["burden"]) * (near * STRETCH_POINTS + night * NIGHT_POINTS) + short * CHANGEOVER_POINTS
            for z in audience:
                near, night = outside(start, minutes, z, audience_hours, stretch)
                cost += (near * STRETCH_POINTS + night * NIGHT_POINTS) // 2
            ranked.append((cost, start, local))
        day += timedelta(days=1)
    ranked.sort(key=lambda r: (r[0], r[1]))
    print(json.dumps({
        "ranked": [{"start": l.strftime("%Y-%m-%dT%H:%M"), "utc": st.strftime("%Y-%m-%dT%H:%M:%SZ"), "cost": c} for c, st, l in ranked],
        "blocked": blocked,
    }))


if __name__ == "__main__":
    main()
