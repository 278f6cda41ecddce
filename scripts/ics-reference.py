#!/usr/bin/env python3
"""Reference reader for .ics files: what Python's icalendar + recurring_ical_events make of a file.

A Swift test compares Dais's importer against this on fixtures/import/corpus/.

Usage:
    python3 scripts/ics-reference.py FILE.ics FROM TO
    python3 scripts/ics-reference.py --all DIR FROM TO
    (FROM and TO are dates YYYY-MM-DD; --timeout SECONDS may come first, per file, default 120)

The first form prints ONE JSON object:
    {"ok": true, "events": [EVENT, ...]}
    {"ok": false, "error": "..."}            icalendar could not parse the file (or found nothing in it)
The second walks DIR and prints ONE JSON object {relative path ('/'-separated): result of the first form}
for every *.ics file (case-insensitive), keys sorted.

EVENT is
    {"uid": str|null, "recurrenceId": "YYYY-MM-DDTHH:MM:SSZ"|null, "start": "YYYY-MM-DDTHH:MM:SSZ",
     "end": "YYYY-MM-DDTHH:MM:SSZ"|null, "summary": str|null, "allDay": bool, "floating": bool,
     "recurring": bool}
  and, only when DTSTART names a TZID that neither the file's VTIMEZONEs nor the zone database resolve
  (icalendar then leaves the wall time naive): "unresolvedTzid": "<the TZID>".
    or, when reading that one event (or one recurring series) failed:
    {"uid": str|null, "error": "..."}

Rules:
  * Every VCALENDAR in the file is read (icalendar's from_ical(multiple=True)); a file of bare VEVENTs
    is read as one calendar. Other top-level components (VCARD, bare VTODO, ...) give no events.
    Only VEVENTs are reported (no VTODO/VJOURNAL/VFREEBUSY/VAVAILABILITY).
  * A calendar with X-WR-TIMEZONE is first converted with x_wr_timezone.to_standard (Google's reading);
    when that fails (an unknown zone name), the calendar is read as it is. floating, allDay and the
    instants are judged after this conversion (it gives floating times the X-WR-TIMEZONE zone).
  * VEVENTs are grouped by UID. A group is recurring when one of its VEVENTs has RRULE or RDATE; it is
    expanded with recurring_ical_events.of(<its own calendar: the VTIMEZONEs + the group>).between(FROM, TO)
    (so RECURRENCE-ID overrides, EXDATEs and RDATEs apply). The window is recurring_ical_events': FROM and
    TO are midnights read in each event's own zone (UTC-less for floating and all-day ones); an occurrence
    is kept when it overlaps [FROM, TO), so one starting on the day TO is NOT kept. Each occurrence gets
    recurring=true and recurrenceId = its RECURRENCE-ID as a UTC instant (an override keeps its own
    RECURRENCE-ID; its start, end and summary are the override's).
  * A group whose VEVENTs fail gives one {"uid", "error"} for the whole series; so does a series that
    would be too big to expand: an RRULE estimated at more than MAX_RULE_DATES (1,000,000) dates from
    DTSTART to TO (dateutil lists them all before returning any), or more than MAX_OCCURRENCES (100,000)
    occurrences in the window.
  * Every VEVENT of a non-recurring group is listed whatever the window, recurring=false;
    recurrenceId is null unless that VEVENT itself carries a RECURRENCE-ID (an orphan override).
  * Times are UTC instants, formatted with a Z. A time with a zone is converted to UTC. A floating time
    (no TZID, no Z) is written as if it were UTC, with floating=true. A DATE (all-day) is written as
    its midnight "as if UTC", with allDay=true and floating=true (a date has no zone and no Z).
  * end is DTEND, else DTSTART + DURATION; null when the VEVENT has neither (for an occurrence: when the
    VEVENT it comes from, the override or else the master, has neither). For an occurrence with an end,
    end is the occurrence's own end as recurring_ical_events computes it.
  * Events are sorted by (uid, start), null uid as "", then by recurrenceId and summary.
  * ok is false when icalendar's from_ical raises, or when it returns no component at all (an empty
    file, or one whose VCALENDAR is never closed: icalendar drops unclosed components), or when the
    file takes longer than the timeout (then the error starts with "timeout:").
  * Strings are sanitised to valid UTF-8 (lone surrogates become U+FFFD) so that the JSON decodes.
    Warnings from icalendar (guessed TZIDs and so on) are silenced.

Tested with Python 3.11.7, icalendar 7.3.2, recurring-ical-events 3.8.2, x-wr-timezone 2.0.1
(python-dateutil 2.9.0.post0, tzdata 2026.6).  Install: pip install icalendar recurring-ical-events x-wr-timezone
"""

import datetime as dt
import json
import os
import signal
import sys
import warnings

import icalendar
import recurring_ical_events
import x_wr_timezone

UTC = dt.timezone.utc
warnings.simplefilter("ignore")  # icalendar warns on guessed TZIDs etc.; stdout carries the result


class FileTimeout(BaseException):
    """Raised by the alarm; a BaseException so that per-event handlers do not swallow it."""


def _on_alarm(signum, frame):
    raise FileTimeout()


def clean(s):
    """A str that encodes as UTF-8 (lone surrogates replaced)."""
    if s is None:
        return None
    s = str(s)
    return s.encode("utf-8", "replace").decode("utf-8")


def fmt(d):
    return "%04d-%02d-%02dT%02d:%02d:%02dZ" % (d.year, d.month, d.day, d.hour, d.minute, d.second)


def instant(v):
    """(UTC string, naive) for a date or datetime; naive is True for a date or a datetime without zone."""
    if isinstance(v, dt.datetime):
        if v.tzinfo is None or v.utcoffset() is None:
            return fmt(v), True
        return fmt(v.astimezone(UTC)), False
    if isinstance(v, dt.date):
        return fmt(dt.datetime(v.year, v.month, v.day)), True
    raise ValueError("not a date or date-time: %r" % (v,))


def prop_value(comp, name):
    p = comp.get(name)
    if p is None:
        return None
    if isinstance(p, list):  # a repeated property: take the first, as most readers do
        p = p[0]
    return getattr(p, "dt", p)


def prop_params(comp, name):
    p = comp.get(name)
    if isinstance(p, list):
        p = p[0] if p else None
    return getattr(p, "params", {}) or {}


def uid_of(comp):
    u = comp.get("UID")
    return None if u is None else clean(u)


def start_facts(source):
    """allDay, floating, unresolvedTzid, judged on the VEVENT as written in the file."""
    v = prop_value(source, "DTSTART")
    if v is None:
        raise ValueError("VEVENT without DTSTART")
    all_day = isinstance(v, dt.date) and not isinstance(v, dt.datetime)
    tzid = prop_params(source, "DTSTART").get("TZID")
    naive = all_day or (v.tzinfo is None or v.utcoffset() is None)
    unresolved = None
    if naive and not all_day and tzid:
        unresolved = clean(tzid)
    floating = naive and unresolved is None
    return all_day, floating, unresolved


def has_end(source):
    return source.get("DTEND") is not None or source.get("DURATION") is not None


def single_event(ev):
    """A VEVENT of a non-recurring group, as written."""
    uid = uid_of(ev)
    try:
        start_v = prop_value(ev, "DTSTART")
        all_day, floating, unresolved = start_facts(ev)
        start, _ = instant(start_v)
        end = None
        end_v = prop_value(ev, "DTEND")
        if end_v is not None:
            end, _ = instant(end_v)
        else:
            dur = prop_value(ev, "DURATION")
            if dur is not None:
                end, _ = instant(start_v + dur)
        rid_v = prop_value(ev, "RECURRENCE-ID")
        rid = instant(rid_v)[0] if rid_v is not None else None
        out = {"uid": uid, "recurrenceId": rid, "start": start, "end": end,
               "summary": clean(ev.get("SUMMARY")), "allDay": all_day, "floating": floating,
               "recurring": False}
        if unresolved:
            out["unresolvedTzid"] = unresolved
        return out
    except Exception as e:  # noqa: BLE001
        return {"uid": uid, "error": "%s: %s" % (type(e).__name__, clean(e))}


def is_master(ev):
    return ev.get("RRULE") is not None or ev.get("RDATE") is not None


UNIT_SECONDS = {"SECONDLY": 1, "MINUTELY": 60, "HOURLY": 3600, "DAILY": 86400, "WEEKLY": 604800,
                "MONTHLY": 2629746, "YEARLY": 31556952}
MAX_RULE_DATES = 1_000_000  # dateutil lists every date from DTSTART up to TO before any is returned


def estimate_rule_dates(master, to):
    """A rough upper bound of how many dates dateutil generates for the master's RRULEs up to TO."""
    try:
        start = prop_value(master, "DTSTART")
    except Exception:  # noqa: BLE001  (a broken DTSTART fails later, in recurring_ical_events)
        return 0
    rules = master.get("RRULE")
    if start is None or rules is None:
        return 0
    if not isinstance(rules, list):
        rules = [rules]
    start_day = start.date() if isinstance(start, dt.datetime) else start
    total = 0
    for rule in rules:
        try:
            freq = str(rule.get("FREQ", ["DAILY"])[0]).upper()
            interval = max(1, int(rule.get("INTERVAL", [1])[0]))
            span = (to - start_day).total_seconds() + 86400
            until = rule.get("UNTIL")
            if until:
                u = until[0]
                u_day = u.date() if isinstance(u, dt.datetime) else u
                span = min(span, (u_day - start_day).total_seconds() + 86400)
            n = max(0.0, span) / (UNIT_SECONDS.get(freq, 86400) * interval) + 1
            def width(key):
                return max(1, len(rule.get(key, []) or []))
            n *= width("BYSECOND") * width("BYMINUTE") * width("BYHOUR") * width("BYMONTHDAY")
            n *= width("BYYEARDAY") * width("BYWEEKNO")
            days = width("BYDAY")
            n *= days * (5 if freq == "MONTHLY" else 53 if freq == "YEARLY" else 1)
            if freq == "YEARLY":
                n *= width("BYMONTH")
            count = rule.get("COUNT")
            if count:
                n = min(n, int(count[0]))
            total += n
        except Exception:  # noqa: BLE001  (a broken rule fails later, in recurring_ical_events)
            continue
    return int(total)


MAX_OCCURRENCES = 100_000  # per series; past it the series is reported as an error, not expanded


class TooManyOccurrences(Exception):
    pass


def expand(cal, frm, to):
    """recurring_ical_events.of(cal).between(frm, to), but stopping a series past MAX_OCCURRENCES
    (an unbounded FREQ=SECONDLY rule would otherwise fill the memory before the timeout)."""
    query = recurring_ical_events.of(cal)
    series_list = getattr(query, "series", None)
    if series_list is None or not hasattr(query, "to_datetime"):  # another recurring_ical_events
        return query.between(frm, to)
    start, stop = query.to_datetime(frm), query.to_datetime(to)
    out = []
    for series in series_list:  # as CalendarQuery._occurrences_between does
        for n, occ in enumerate(series.between(start, stop)):
            if n >= MAX_OCCURRENCES:
                raise TooManyOccurrences("more than %d occurrences in the window" % MAX_OCCURRENCES)
            out.append(occ.as_component(query.keep_recurrence_attributes))
    return out


def recurring_group(uid, events, timezones, frm, to):
    """Occurrences of one recurring series between frm and to."""
    try:
        cal = icalendar.Calendar()
        cal.add("VERSION", "2.0")
        cal.add("PRODID", "-//ics-reference//EN")
        for tz in timezones:
            cal.add_component(tz)
        for ev in events:
            cal.add_component(ev)
        for ev in events:
            n = estimate_rule_dates(ev, to) if ev.get("RECURRENCE-ID") is None else 0
            if n > MAX_RULE_DATES:
                raise TooManyOccurrences("RRULE gives about %d dates up to %s; not expanded" % (n, to))
        occurrences = expand(cal, frm, to)
        masters = [ev for ev in events if ev.get("RECURRENCE-ID") is None]
        master = next((ev for ev in masters if is_master(ev)), masters[0] if masters else None)
        overrides = {}
        for ev in events:
            rid_v = prop_value(ev, "RECURRENCE-ID")
            if rid_v is not None:
                try:
                    overrides[instant(rid_v)[0]] = ev
                except Exception:  # noqa: BLE001
                    pass
    except Exception as e:  # noqa: BLE001
        return [{"uid": uid, "error": "%s: %s" % (type(e).__name__, clean(e))}]
    out = []
    for occ in occurrences:
        ouid = uid_of(occ) if occ.get("UID") is not None else uid
        try:
            start_v = prop_value(occ, "DTSTART")
            start, _ = instant(start_v)
            rid_v = prop_value(occ, "RECURRENCE-ID")
            rid = instant(rid_v)[0] if rid_v is not None else start
            source = overrides.get(rid) or master or occ
            all_day, floating, unresolved = start_facts(source)
            end = None
            if has_end(source):
                end_v = prop_value(occ, "DTEND")
                if end_v is None:
                    dur = prop_value(occ, "DURATION")
                    end_v = start_v + dur if dur is not None else None
                end = instant(end_v)[0] if end_v is not None else None
            item = {"uid": ouid, "recurrenceId": rid, "start": start, "end": end,
                    "summary": clean(occ.get("SUMMARY")), "allDay": all_day, "floating": floating,
                    "recurring": True}
            if unresolved:
                item["unresolvedTzid"] = unresolved
            out.append(item)
        except Exception as e:  # noqa: BLE001
            out.append({"uid": ouid, "error": "%s: %s" % (type(e).__name__, clean(e))})
    return out


def calendar_events(cal, frm, to):
    if cal.get("X-WR-TIMEZONE") is not None:
        try:
            cal = x_wr_timezone.to_standard(cal)
        except Exception:  # noqa: BLE001  (an unknown X-WR-TIMEZONE: read the calendar as it is)
            pass
    timezones = [c for c in cal.subcomponents if c.name == "VTIMEZONE"]
    groups = {}  # key -> list of VEVENTs, in file order
    order = []
    for i, ev in enumerate(cal.walk("VEVENT")):
        uid = uid_of(ev)
        key = uid if uid is not None else ("", i)  # events without UID stand alone
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(ev)
    out = []
    for key in order:
        events = groups[key]
        uid = key if isinstance(key, str) else None
        if any(is_master(ev) for ev in events):
            out.extend(recurring_group(uid, events, timezones, frm, to))
        else:
            out.extend(single_event(ev) for ev in events)
    return out


def sort_key(e):
    return (e.get("uid") or "", e.get("start") or "", e.get("recurrenceId") or "",
            e.get("summary") or "", e.get("error") or "")


def read_file(path, frm, to, timeout=0):
    if timeout:
        signal.signal(signal.SIGALRM, _on_alarm)
        signal.alarm(timeout)
    try:
        with open(path, "rb") as f:
            data = f.read()
        try:
            comps = icalendar.Calendar.from_ical(data, multiple=True)
        except Exception as e:  # noqa: BLE001
            return {"ok": False, "error": "%s: %s" % (type(e).__name__, clean(e))}
        if not comps:
            return {"ok": False, "error": "icalendar found no component"}
        calendars = [c for c in comps if c.name == "VCALENDAR"]
        bare = [c for c in comps if c.name == "VEVENT"]
        if bare:
            cal = icalendar.Calendar()
            for c in comps:
                if c.name in ("VEVENT", "VTIMEZONE"):
                    cal.add_component(c)
            calendars.append(cal)
        events = []
        for cal in calendars:
            try:
                events.extend(calendar_events(cal, frm, to))
            except Exception as e:  # noqa: BLE001
                return {"ok": False, "error": "%s: %s" % (type(e).__name__, clean(e))}
        events.sort(key=sort_key)
        return {"ok": True, "events": events}
    except FileTimeout:
        return {"ok": False, "error": "timeout: reading took more than %d s" % timeout}
    except Exception as e:  # noqa: BLE001
        return {"ok": False, "error": "%s: %s" % (type(e).__name__, clean(e))}
    finally:
        if timeout:
            signal.alarm(0)


def parse_day(s):
    return dt.date.fromisoformat(s)


def usage():
    sys.stderr.write("usage: ics-reference.py [--timeout S] FILE.ics FROM TO\n"
                     "       ics-reference.py [--timeout S] --all DIR FROM TO   (dates YYYY-MM-DD)\n")
    sys.exit(2)


def main(argv):
    timeout = 120
    if len(argv) >= 2 and argv[0] == "--timeout":
        timeout = int(argv[1])
        argv = argv[2:]
    walk = False
    if argv and argv[0] == "--all":
        walk = True
        argv = argv[1:]
    if len(argv) != 3:
        usage()
    target, frm, to = argv[0], parse_day(argv[1]), parse_day(argv[2])
    if walk:
        result = {}
        for root, dirs, files in os.walk(target):
            dirs.sort()
            for name in sorted(files):
                if name.lower().endswith(".ics"):
                    path = os.path.join(root, name)
                    rel = os.path.relpath(path, target).replace(os.sep, "/")
                    result[rel] = read_file(path, frm, to, timeout)
        # Compact: the whole corpus is megabytes read by a program, and an indent makes json use
        # its pure-Python encoder.
        out = json.dumps(result, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    else:
        out = json.dumps(read_file(target, frm, to, timeout), ensure_ascii=False, indent=1)
    sys.stdout.buffer.write(out.encode("utf-8") + b"\n")


if __name__ == "__main__":
    main(sys.argv[1:])
