#!/usr/bin/env python3
"""Writes fixtures/import/rrule-cases.json: recurrence rules (RRULE) with the occurrences an
independent implementation gives for them, for Tests/DaisCoreTests/RecurrenceRuleTests.swift.

The reference is recurring_ical_events (on dateutil.rrule), which is what the importer's corpus
test compares with: each case becomes a one-event calendar (DTSTART, DURATION:PT1M, RRULE) and the
occurrences starting from DTSTART through `through` (inclusive) are listed as wall-clock times
"YYYY-MM-DDTHH:MM" in DTSTART's zone, in order.

recurring_ical_events always lists DTSTART itself (unless it falls after UNTIL), whether or not it
matches the rule, and counts COUNT over the rule's own occurrences: a DTSTART that does not match
comes on top of COUNT. Each case is checked against a second reading made directly with
dateutil.rrule.rrulestr (DTSTART added when it is not after UNTIL) so that the table says the same
thing both ways.

Cases whose reference answer is a known dateutil bug are left out here and tested by hand in the
Swift test (a BYDAY that mixes plain and numbered weekdays, BYSETPOS in the first week of a WEEKLY
rule, and BYWEEKNO for days of a neighbouring year's week).

Needs python-dateutil 2.9, icalendar and recurring_ical_events (pip install recurring_ical_events).
Run from the repository root: python3 scripts/rrule-reference.py
"""
import datetime as dt
import json
import os
import sys
import zoneinfo

import icalendar
import recurring_ical_events
from dateutil.rrule import rrulestr

NY = "America/New_York"

# (name, rule, dtstart, tzid, through): dtstart and through are "YYYYMMDDTHHMMSS" wall-clock
# times in tzid (None: floating time).
CASES = [
    # RFC 5545 section 3.8.5.3, the RRULE examples, with their DTSTART and zone.
    ("RFC 5545: daily for 10 occurrences", "FREQ=DAILY;COUNT=10", "19970902T090000", NY, "19980101T000000"),
    ("RFC 5545: daily until December 24, 1997 (across the end of daylight time)", "FREQ=DAILY;UNTIL=19971224T000000Z", "19970902T090000", NY, "19980101T000000"),
    ("RFC 5545: every other day, forever", "FREQ=DAILY;INTERVAL=2", "19970902T090000", NY, "19971031T090000"),
    ("RFC 5545: every 10 days, 5 occurrences", "FREQ=DAILY;INTERVAL=10;COUNT=5", "19970902T090000", NY, "19980101T000000"),
    ("RFC 5545: every day in January, for 3 years (yearly)", "FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA", "19980101T090000", NY, "20010101T000000"),
    ("RFC 5545: every day in January, for 3 years (daily)", "FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1", "19980101T090000", NY, "20010101T000000"),
    ("RFC 5545: weekly for 10 occurrences", "FREQ=WEEKLY;COUNT=10", "19970902T090000", NY, "19980101T000000"),
    ("RFC 5545: weekly until December 24, 1997", "FREQ=WEEKLY;UNTIL=19971224T000000Z", "19970902T090000", NY, "19980101T000000"),
    ("RFC 5545: every other week, forever", "FREQ=WEEKLY;INTERVAL=2;WKST=SU", "19970902T090000", NY, "19980301T000000"),
    ("RFC 5545: weekly on Tuesday and Thursday for five weeks (until)", "FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH", "19970902T090000", NY, "19980101T000000"),
    ("RFC 5545: weekly on Tuesday and Thursday for five weeks (count)", "FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH", "19970902T090000", NY, "19980101T000000"),
    ("RFC 5545: every other week on Monday, Wednesday and Friday until December 24, 1997", "FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR", "19970901T090000", NY, "19980101T000000"),
    ("RFC 5545: every other week on Tuesday and Thursday, for 8 occurrences", "FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH", "19970902T090000", NY, "19980101T000000"),
    ("RFC 5545: monthly on the first Friday for 10 occurrences", "FREQ=MONTHLY;COUNT=10;BYDAY=1FR", "19970905T090000", NY, "19990101T000000"),
    ("RFC 5545: monthly on the first Friday until December 24, 1997", "FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR", "19970905T090000", NY, "19990101T000000"),
    ("RFC 5545: every other month on the first and last Sunday of the month for 10 occurrences", "FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU", "19970907T090000", NY, "19990101T000000"),
    ("RFC 5545: monthly on the second-to-last Monday of the month for 6 months", "FREQ=MONTHLY;COUNT=6;BYDAY=-2MO", "19970922T090000", NY, "19990101T000000"),
    ("RFC 5545: monthly on the third-to-the-last day of the month, forever", "FREQ=MONTHLY;BYMONTHDAY=-3", "19970928T090000", NY, "19980401T000000"),
    ("RFC 5545: monthly on the 2nd and 15th of the month for 10 occurrences", "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15", "19970902T090000", NY, "19990101T000000"),
    ("RFC 5545: monthly on the first and last day of the month for 10 occurrences", "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1", "19970930T090000", NY, "19990101T000000"),
    ("RFC 5545: every 18 months on the 10th thru 15th of the month for 10 occurrences", "FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15", "19970910T090000", NY, "20010101T000000"),
    ("RFC 5545: every Tuesday, every other month", "FREQ=MONTHLY;INTERVAL=2;BYDAY=TU", "19970902T090000", NY, "19980401T000000"),
    ("RFC 5545: yearly in June and July for 10 occurrences", "FREQ=YEARLY;COUNT=10;BYMONTH=6,7", "19970610T090000", NY, "20100101T000000"),
    ("RFC 5545: every other year on January, February, and March for 10 occurrences", "FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3", "19970310T090000", NY, "20100101T000000"),
    ("RFC 5545: every third year on the 1st, 100th, and 200th day for 10 occurrences", "FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200", "19970101T090000", NY, "20100101T000000"),
    ("RFC 5545: every 20th Monday of the year, forever", "FREQ=YEARLY;BYDAY=20MO", "19970519T090000", NY, "20000101T000000"),
    ("RFC 5545: Monday of week number 20, forever", "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO", "19970512T090000", NY, "20000101T000000"),
    ("RFC 5545: every Thursday in March, forever", "FREQ=YEARLY;BYMONTH=3;BYDAY=TH", "19970313T090000", NY, "20000101T000000"),
    ("RFC 5545: every Thursday, but only during June, July, and August, forever", "FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8", "19970605T090000", NY, "20000101T000000"),
    ("RFC 5545: every Friday the 13th, forever (DTSTART does not match and is listed; the RFC's EXDATE is left out)", "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13", "19970902T090000", NY, "20010101T000000"),
    ("RFC 5545: the first Saturday that follows the first Sunday of the month, forever", "FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13", "19970913T090000", NY, "19980701T000000"),
    ("RFC 5545: every 4 years, the first Tuesday after a Monday in November (U.S. Presidential Election day)", "FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8", "19961105T090000", NY, "20250101T000000"),
    ("RFC 5545: the third instance into the month of one of Tuesday, Wednesday, or Thursday, for the next 3 months", "FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3", "19970904T090000", NY, "19990101T000000"),
    ("RFC 5545: the second-to-last weekday of the month", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2", "19970929T090000", NY, "19980701T000000"),
    ("RFC 5545: every 3 hours from 9:00 AM to 5:00 PM on a specific day (UNTIL 17:00Z is 13:00 EDT: 15:00 is past it)", "FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000Z", "19970902T090000", NY, "19970903T000000"),
    ("RFC 5545: every 15 minutes for 6 occurrences", "FREQ=MINUTELY;INTERVAL=15;COUNT=6", "19970902T090000", NY, "19970903T000000"),
    ("RFC 5545: every hour and a half for 4 occurrences", "FREQ=MINUTELY;INTERVAL=90;COUNT=4", "19970902T090000", NY, "19970903T000000"),
    ("RFC 5545: every 20 minutes from 9:00 AM to 4:40 PM every day (daily)", "FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40", "19970902T090000", NY, "19970903T235900"),
    ("RFC 5545: every 20 minutes from 9:00 AM to 4:40 PM every day (minutely)", "FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11,12,13,14,15,16", "19970902T090000", NY, "19970903T235900"),
    ("RFC 5545: WKST=MO makes Tuesday and Sunday of the same week", "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO", "19970805T090000", NY, "19980101T000000"),
    ("RFC 5545: WKST=SU puts the Sunday in the next week", "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU", "19970805T090000", NY, "19980101T000000"),
    ("RFC 5545: an invalid date (February 30) is skipped", "FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5", "20070115T090000", NY, "20080101T000000"),

    # Leap years and days that some months or years lack.
    ("February 29 every year: only leap years (2100 is not one)", "FREQ=YEARLY", "20960229T100000", None, "21200101T000000"),
    ("BYMONTH=2;BYMONTHDAY=29 yearly", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=4", "19990101T100000", None, "20300101T000000"),
    ("the 31st of each month skips the short months", "FREQ=MONTHLY;BYMONTHDAY=31;COUNT=7", "20240131T100000", None, "20260101T000000"),
    ("monthly from the 31st, no BYMONTHDAY: the short months are skipped, not moved", "FREQ=MONTHLY;COUNT=5", "20240131T100000", None, "20260101T000000"),
    ("the last day of each month (BYMONTHDAY=-1) across a leap February", "FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=6", "20231231T100000", None, "20260101T000000"),
    ("BYMONTHDAY=-1 and 1 together in February", "FREQ=MONTHLY;BYMONTHDAY=1,-1;BYMONTH=2,3;COUNT=6", "20230101T100000", None, "20260101T000000"),
    ("BYYEARDAY=-1 is December 31", "FREQ=YEARLY;BYYEARDAY=-1;COUNT=3", "20230601T100000", None, "20300101T000000"),
    ("BYYEARDAY=366 only in leap years", "FREQ=YEARLY;BYYEARDAY=366", "20200101T100000", None, "20300101T000000"),
    ("BYYEARDAY=-366 is January 1 of leap years", "FREQ=YEARLY;BYYEARDAY=-366", "20190101T100000", None, "20300101T000000"),
    ("BYYEARDAY=60: February 29 or March 1", "FREQ=YEARLY;BYYEARDAY=60;COUNT=4", "20230101T100000", None, "20300101T000000"),
    ("February 30 never comes: DTSTART alone", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "20240201T100000", None, "20400101T000000"),
    ("April 31 never comes, monthly: DTSTART alone", "FREQ=MONTHLY;BYMONTH=4;BYMONTHDAY=31", "20240101T100000", None, "20300101T000000"),

    # BYSETPOS and numbered weekdays.
    ("the last weekday of each month (BYSETPOS=-1)", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=6", "20240131T170000", None, "20260101T000000"),
    ("the first and last weekday of the month (BYSETPOS=1,-1)", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1,-1;COUNT=6", "20240101T090000", None, "20260101T000000"),
    ("BYSETPOS over days and hours: the last time of the month", "FREQ=MONTHLY;BYDAY=FR;BYHOUR=9,17;BYSETPOS=-1;COUNT=4", "20240101T090000", None, "20260101T000000"),
    ("BYSETPOS out of range picks nothing for that month", "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=5;COUNT=4", "20240101T090000", None, "20260101T000000"),
    ("the fifth Friday, only in months that have one", "FREQ=MONTHLY;BYDAY=5FR;COUNT=5", "20240101T090000", None, "20260101T000000"),
    ("the last Sunday in October (yearly, numbered within the month)", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;COUNT=4", "20240101T020000", None, "20300101T000000"),
    ("the second Sunday in March", "FREQ=YEARLY;BYMONTH=3;BYDAY=2SU;COUNT=4", "20240101T020000", None, "20300101T000000"),
    ("the first Monday and last Friday of the year (numbered within the year)", "FREQ=YEARLY;BYDAY=1MO,-1FR;COUNT=6", "20240101T090000", None, "20300101T000000"),
    ("the 53rd Monday of the year comes only in some years", "FREQ=YEARLY;BYDAY=53MO", "20000101T090000", None, "20300101T000000"),
    ("a numbered weekday in a WEEKLY rule means every such weekday", "FREQ=WEEKLY;BYDAY=1MO;COUNT=3", "20240101T090000", None, "20250101T000000"),

    # Week numbers and WKST.
    ("BYWEEKNO=1 with WKST=MO", "FREQ=YEARLY;BYWEEKNO=1;BYDAY=MO,SU", "20200101T090000", None, "20260101T000000"),
    ("BYWEEKNO=1 with WKST=SU", "FREQ=YEARLY;BYWEEKNO=1;BYDAY=MO,SU;WKST=SU", "20200101T090000", None, "20260101T000000"),
    ("BYWEEKNO=-1: the last week of the year", "FREQ=YEARLY;BYWEEKNO=-1;BYDAY=TH", "20200101T090000", None, "20300101T000000"),
    ("BYWEEKNO=53: Thursday of week 53, in the years that have one", "FREQ=YEARLY;BYWEEKNO=53;BYDAY=TH", "20000101T090000", None, "20300101T000000"),
    ("BYWEEKNO=1 with every day of the week: the first week may start in December", "FREQ=YEARLY;BYWEEKNO=1", "20240101T090000", None, "20280101T000000"),
    ("every other week on Sunday and Tuesday across a new year, WKST=SU", "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,TU;WKST=SU;COUNT=8", "20241215T090000", None, "20260101T000000"),
    ("every other week on Sunday and Tuesday across a new year, WKST=MO", "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,TU;WKST=MO;COUNT=8", "20241215T090000", None, "20260101T000000"),

    # Limits where the RFC expands, as dateutil reads them.
    ("DAILY limited by BYDAY (weekdays)", "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=8", "20240105T090000", None, "20250101T000000"),
    ("DAILY limited by BYMONTHDAY", "FREQ=DAILY;BYMONTHDAY=1,15;COUNT=5", "20240102T090000", None, "20250101T000000"),
    ("WEEKLY limited by BYMONTH", "FREQ=WEEKLY;BYMONTH=1,3;BYDAY=WE;COUNT=8", "20240101T090000", None, "20260101T000000"),
    ("MONTHLY limited by BYMONTH, with the DTSTART day", "FREQ=MONTHLY;BYMONTH=1,6;COUNT=4", "20240110T090000", None, "20300101T000000"),
    ("YEARLY with BYMONTHDAY alone: that day of every month", "FREQ=YEARLY;BYMONTHDAY=1;COUNT=4", "20241115T090000", None, "20300101T000000"),
    ("YEARLY with BYDAY alone: every such weekday of the year", "FREQ=YEARLY;BYDAY=WE;COUNT=5", "20241215T090000", None, "20300101T000000"),
    ("YEARLY with BYMONTH alone: the DTSTART day of those months", "FREQ=YEARLY;BYMONTH=2,8;COUNT=5", "20240531T090000", None, "20300101T000000"),

    # Times of day.
    ("DAILY with two hours", "FREQ=DAILY;BYHOUR=9,15;COUNT=5", "20240101T120000", None, "20250101T000000"),
    ("DAILY with BYMINUTE keeps the DTSTART hour", "FREQ=DAILY;BYMINUTE=0,30;COUNT=5", "20240101T091500", None, "20250101T000000"),
    ("HOURLY with BYMINUTE expands within the hour", "FREQ=HOURLY;BYMINUTE=0,45;COUNT=6", "20240101T091000", None, "20250101T000000"),
    ("HOURLY limited by BYHOUR, DTSTART's hour not among them", "FREQ=HOURLY;INTERVAL=2;BYHOUR=10,14,18;COUNT=7", "20240101T080000", None, "20250101T000000"),
    ("HOURLY every 5 hours keeps its step across midnight", "FREQ=HOURLY;INTERVAL=5;COUNT=8", "20240101T200000", None, "20250101T000000"),
    ("HOURLY with BYSETPOS: the last of the hour's minutes", "FREQ=HOURLY;BYMINUTE=10,20,30;BYSETPOS=-1;COUNT=3", "20240101T090000", None, "20250101T000000"),
    ("HOURLY limited by BYDAY: only Mondays", "FREQ=HOURLY;INTERVAL=6;BYDAY=MO;COUNT=9", "20240101T030000", None, "20250101T000000"),
    ("MINUTELY limited by BYMINUTE and BYHOUR", "FREQ=MINUTELY;INTERVAL=7;BYHOUR=9;BYMINUTE=0,7,14,21,28,35,42,49,56,3;COUNT=12", "20240101T090000", None, "20250101T000000"),
    ("MINUTELY limited by BYMONTHDAY", "FREQ=MINUTELY;INTERVAL=720;BYMONTHDAY=1;COUNT=6", "20240101T060000", None, "20250101T000000"),

    # Wall-clock times across daylight-saving changes (America/New_York).
    ("daily at 02:30 across the spring gap: 02:30 is listed on the day it does not exist", "FREQ=DAILY;COUNT=4", "20240308T023000", NY, "20250101T000000"),
    ("daily at 01:30 across the autumn fold: listed once", "FREQ=DAILY;COUNT=4", "20241101T013000", NY, "20250101T000000"),
    ("HOURLY steps the wall clock across the spring gap", "FREQ=HOURLY;COUNT=5", "20240310T000000", NY, "20250101T000000"),
    ("MINUTELY every 30 minutes steps the wall clock across the autumn fold", "FREQ=MINUTELY;INTERVAL=30;COUNT=6", "20241103T000000", NY, "20250101T000000"),

    # UNTIL.
    ("UNTIL in UTC with a New York start across the end of daylight time: the last day is in", "FREQ=DAILY;UNTIL=20241105T140000Z", "20241030T090000", NY, "20250101T000000"),
    ("UNTIL in UTC one second short of the last occurrence", "FREQ=DAILY;UNTIL=20241105T135959Z", "20241030T090000", NY, "20250101T000000"),
    ("UNTIL in UTC across the start of daylight time", "FREQ=WEEKLY;UNTIL=20240317T130000Z", "20240303T090000", NY, "20250101T000000"),
    ("UNTIL in UTC just before a wall-clock time the spring gap skips (read with the offset before the jump)", "FREQ=DAILY;UNTIL=20240310T072959Z", "20240308T023000", NY, "20250101T000000"),
    ("UNTIL in UTC on a wall-clock time the spring gap skips", "FREQ=DAILY;UNTIL=20240310T073000Z", "20240308T023000", NY, "20250101T000000"),
    ("UNTIL in UTC on the first 01:30 of the autumn fold", "FREQ=DAILY;UNTIL=20241103T053000Z", "20241101T013000", NY, "20250101T000000"),
    ("UNTIL in UTC just before the first 01:30 of the autumn fold", "FREQ=DAILY;UNTIL=20241103T052959Z", "20241101T013000", NY, "20250101T000000"),
    ("HOURLY with UNTIL in UTC through the autumn fold", "FREQ=HOURLY;UNTIL=20241103T060000Z", "20241102T230000", NY, "20250101T000000"),
    ("UNTIL on an occurrence is inclusive (floating)", "FREQ=WEEKLY;UNTIL=20240122T090000", "20240101T090000", None, "20250101T000000"),
    ("UNTIL as a DATE, floating start: read as midnight at the start of the date", "FREQ=DAILY;UNTIL=20240105", "20240101T090000", None, "20250101T000000"),
    ("UNTIL as a DATE, New York start: read as midnight UTC", "FREQ=DAILY;UNTIL=20240105", "20240101T183000", NY, "20250101T000000"),
    ("UNTIL in UTC with a floating start: read as wall clock", "FREQ=DAILY;UNTIL=20240104T090000Z", "20240101T090000", None, "20250101T000000"),
    ("UNTIL local with a New York start: read as UTC", "FREQ=DAILY;UNTIL=20240105T120000", "20240101T090000", NY, "20250101T000000"),
    ("UNTIL before DTSTART: nothing, not even DTSTART", "FREQ=DAILY;UNTIL=20231231T000000", "20240101T090000", None, "20250101T000000"),
    ("UNTIL before DTSTART with a New York start: nothing", "FREQ=DAILY;UNTIL=20240101T130000Z", "20240101T090000", NY, "20250101T000000"),
    ("COUNT and UNTIL together: whichever ends first", "FREQ=DAILY;COUNT=5;UNTIL=20240103T090000", "20240101T090000", None, "20250101T000000"),

    # COUNT, INTERVAL, and DTSTART that does not match.
    ("COUNT=1", "FREQ=WEEKLY;COUNT=1", "20240101T090000", None, "20250101T000000"),
    ("COUNT=1 with a DTSTART that does not match: DTSTART and one more", "FREQ=WEEKLY;BYDAY=FR;COUNT=1", "20240101T090000", None, "20250101T000000"),
    ("COUNT=3 with a DTSTART that does not match: DTSTART and three more", "FREQ=MONTHLY;BYDAY=1FR;COUNT=3", "20240110T090000", NY, "20250101T000000"),
    ("DTSTART later in the day than the rule's times", "FREQ=DAILY;BYHOUR=9;COUNT=3", "20240101T100000", None, "20250101T000000"),
    ("INTERVAL=1000 days", "FREQ=DAILY;INTERVAL=1000;COUNT=4", "20000101T090000", None, "20200101T000000"),
    ("INTERVAL=100 years", "FREQ=YEARLY;INTERVAL=100;COUNT=3", "19970902T090000", NY, "22000101T000000"),
    ("INTERVAL=100000 minutes", "FREQ=MINUTELY;INTERVAL=100000;COUNT=4", "20240101T090000", None, "20250101T000000"),
    ("INTERVAL=25 months with BYMONTHDAY=-1", "FREQ=MONTHLY;INTERVAL=25;BYMONTHDAY=-1;COUNT=4", "20240101T090000", None, "20330101T000000"),
    ("INTERVAL=60 weeks", "FREQ=WEEKLY;INTERVAL=60;BYDAY=MO,FR;COUNT=5", "20240101T090000", None, "20300101T000000"),
    ("through cuts an unending rule, an occurrence on `through` included", "FREQ=DAILY", "20240101T090000", None, "20240105T090000"),
    ("a lowercase rule with a trailing semicolon", "freq=weekly;byday=tu;count=3;", "20240101T090000", None, "20250101T000000"),
]

MINUTE = dt.timedelta(minutes=1)


def parse(text, zone):
    value = dt.datetime.strptime(text, "%Y%m%dT%H%M%S")
    return value.replace(tzinfo=zone) if zone else value


def by_recurring_ical_events(rule, dtstart, tzid, through):
    """The occurrences recurring_ical_events lists for a one-event calendar."""
    start_property = f"DTSTART;TZID={tzid}:{dtstart}" if tzid else f"DTSTART:{dtstart}"
    text = "\r\n".join([
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Dais//rrule-reference//EN",
        "BEGIN:VEVENT", "UID:case@dais", "DTSTAMP:20000101T000000Z", start_property,
        "DURATION:PT1M", f"RRULE:{rule}", "END:VEVENT", "END:VCALENDAR", "",
    ])
    calendar = icalendar.Calendar.from_ical(text)
    zone = zoneinfo.ZoneInfo(tzid) if tzid else None
    # An occurrence of one minute overlaps [DTSTART, through + 1 minute) when it starts from
    # DTSTART through `through`.
    found = recurring_ical_events.of(calendar).between(parse(dtstart, zone), parse(through, zone) + MINUTE)
    return sorted(event["DTSTART"].dt.replace(tzinfo=None) for event in found)


def by_dateutil(rule, dtstart, tzid, through):
    """The same read directly with dateutil: the rule's occurrences, and DTSTART unless it is
    after UNTIL. UNTIL is read as recurring_ical_events reads it: with a zoned DTSTART, a local or
    DATE UNTIL as UTC; with a floating one, a UTC UNTIL as wall clock."""
    zone = zoneinfo.ZoneInfo(tzid) if tzid else None
    parts = []
    until = None
    for part in rule.upper().strip(";").split(";"):
        name, value = part.split("=", 1)
        if name == "UNTIL":
            if len(value) == 8:
                value += "T000000"
            if zone is not None and not value.endswith("Z"):
                value += "Z"
            if zone is None and value.endswith("Z"):
                value = value[:-1]
            until = dt.datetime.strptime(value.rstrip("Z"), "%Y%m%dT%H%M%S")
            if zone is not None:
                until = until.replace(tzinfo=dt.timezone.utc)
        parts.append(f"{name}={value}")
    start = parse(dtstart, zone)
    last = parse(through, zone)
    found = set()
    for occurrence in rrulestr(";".join(parts), dtstart=start):
        if occurrence.replace(tzinfo=None) > last.replace(tzinfo=None):
            break
        found.add(occurrence.replace(tzinfo=None))
    if until is None or start <= until:
        found.add(start.replace(tzinfo=None))
    return sorted(found)


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = []
    names = set()
    for name, rule, dtstart, tzid, through in CASES:
        if name in names:
            sys.exit(f"two cases are named {name!r}")
        names.add(name)
        expected = by_recurring_ical_events(rule, dtstart, tzid, through)
        check = by_dateutil(rule, dtstart, tzid, through)
        if expected != check:
            sys.exit(f"{name}: recurring_ical_events and dateutil differ:\n  {expected}\n  {check}")
        out.append({
            "name": name, "rule": rule, "dtstart": dtstart, "tzid": tzid, "through": through,
            "expected": [t.strftime("%Y-%m-%dT%H:%M") for t in expected],
        })
    path = os.path.join(root, "fixtures", "import", "rrule-cases.json")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write("[\n")
        f.write(",\n".join(json.dumps(case, ensure_ascii=False) for case in out))
        f.write("\n]\n")
    print(f"wrote {len(out)} cases to {os.path.relpath(path, root)} "
          f"(recurring_ical_events {recurring_ical_events.__version__ if hasattr(recurring_ical_events, '__version__') else '?'})")


if __name__ == "__main__":
    main()
