#!/usr/bin/env python3
"""Writes fixtures/hostile/hostile-names.json: a valid store whose text fields hold what a terminal,
a spreadsheet or a browser would act on. The file escapes every control character, so it is safe to
cat; the decoded strings are not."""
import json, os

ESC = "\x1b"
payloads = {
    "csi": ESC + "[31mRed" + ESC + "[0m " + ESC + "[2J" + ESC + "[H",                 # colour, clear screen, home
    "osc52": ESC + "]52;c;cm0gLXJmIH4K" + "\x07",                                       # clipboard write
    "osc8": ESC + "]8;;https://evil.example/" + ESC + "\\click" + ESC + "]8;;" + ESC + "\\",  # hyperlink
    "title": ESC + "]0;pwned" + "\x07",                                                  # window title
    "bel": "ding\x07\x07",
    "c1": "\u009b31mC1 CSI\u009d0;x\u009c",                                             # 8-bit CSI, OSC, ST
    "backspace": "Safe\x08\x08\x08\x08Evil",
    "bidi": "\u202eevil.exe\u202c txt \u2066isolate\u2069",
    "zerowidth": "Zero\u200bWidth\u200d\u2060\ufeffJoiner",
    "cr": "Line one\rOverwritten",
}
people = [
    {"id": "p-csi", "name": "Mallory " + payloads["csi"], "title": "=HYPERLINK(\"http://evil.example\")",
     "affiliation": payloads["osc8"], "email": "mallory@example.org", "homeZone": "America/New_York"},
    {"id": "p-osc52", "name": "Clip " + payloads["osc52"], "title": payloads["title"], "affiliation": "+SUM(A1:A9)"},
    {"id": "p-c1", "name": "Eight-bit " + payloads["c1"], "affiliation": "-2+3", "title": "@cmd"},
    {"id": "p-bidi", "name": "Bidi " + payloads["bidi"], "affiliation": payloads["zerowidth"]},
    {"id": "p-bs", "name": payloads["backspace"], "title": payloads["bel"], "affiliation": payloads["cr"]},
]
orgs = [
    {"id": "o-evil", "name": "<script>alert(1)</script> & Co " + payloads["csi"], "shortName": "Evil\x1b[5m",
     "url": "javascript:alert(1)"},
]
series = [{"id": "s-hostile", "name": "Hostile " + payloads["title"], "host": "o-evil",
           "description": "Series " + payloads["osc52"]}]
panels = [
    {"id": "panel-hostile-one", "series": "s-hostile", "title": "Title " + payloads["csi"] + payloads["osc52"],
     "description": "Line\n" + payloads["osc8"] + "\n" + payloads["c1"] + "\n" + payloads["bidi"] + "\n<img src=x onerror=alert(1)>\n| a | b |\n# not a heading\n*not bold*",
     "start": "2024-11-13T10:00", "zone": "America/New_York", "durationMinutes": 60, "format": "virtual-panel",
     "status": "scheduled", "host": "o-evil", "cosponsors": [],
     "roster": [{"person": "p-csi", "role": "moderator", "title": payloads["bel"]},
                {"person": "p-osc52", "role": "panelist"}, {"person": "p-c1", "role": "panelist"},
                {"person": "p-bidi", "role": "panelist"}],
     "links": [{"label": "Register " + payloads["osc8"], "url": "https://example.org/a\"onmouseover=\"alert(1)"}],
     "notes": payloads["backspace"]},
    {"id": "panel-hostile-two", "series": "s-hostile", "title": payloads["backspace"] + " " + payloads["zerowidth"],
     "start": "2024-11-13T10:30", "zone": "America/New_York", "durationMinutes": 60, "format": "webinar",
     "status": "draft", "cosponsors": ["o-evil"],
     "roster": [{"person": "p-csi", "role": "panelist"}, {"person": "p-bs", "role": "moderator"}], "links": []},
]
store = {"format": "dais-store", "version": 1, "settings": {}, "organizations": orgs, "people": people,
         "series": series, "panels": panels}
path = os.path.join(os.path.dirname(__file__), "..", "fixtures", "hostile", "hostile-names.json")
with open(path, "w", encoding="ascii") as f:
    json.dump(store, f, indent=2, sort_keys=True, ensure_ascii=True)
    f.write("\n")
