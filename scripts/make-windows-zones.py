#!/usr/bin/env python3
"""Writes Sources/DaisCore/Import/WindowsZones.swift: the TZIDs that calendars write and that are
not IANA ids, mapped to the IANA ids that Dais's Zone.named accepts.

- `WindowsZones.iana`: every Windows zone name in CLDR's windowsZones.xml (the mapZone elements with
  territory="001") to its IANA id.
- `WindowsZones.aliases`: tzdata's old names ("US/Eastern", "GB", "Asia/Calcutta": the links of the
  machine's /usr/share/zoneinfo/tzdata.zi, less the names zone.tab still lists for a country), the
  System V names ("EST5EDT", "EST", "CET") and the dashed forms old Lotus Notes and Outlook exports
  write ("US-Eastern").

Every target is tzdata's current name for the zone (links resolved: CLDR's "Asia/Calcutta" becomes
"Asia/Kolkata", "Etc/UTC" becomes Dais's "UTC"), and is kept only when it is a file in
/usr/share/zoneinfo and Zone.named accepts it: this script compiles a small Swift probe that asks
Foundation (TimeZone(identifier:), TimeZone.knownTimeZoneIdentifiers) and applies ZoneRegistry.build's
rule to the answers. What is dropped or renamed is printed.

Usage, from the repository root (needs apt-get, dpkg-deb and swiftc):
    python3 scripts/make-windows-zones.py                      # downloads Debian's unicode-cldr-core
    python3 scripts/make-windows-zones.py unicode-cldr-core_41-0.1_all.deb
"""
import os, re, subprocess, sys, tempfile
import xml.etree.ElementTree as ET

OUT = "Sources/DaisCore/Import/WindowsZones.swift"
ZONEINFO = "/usr/share/zoneinfo"
CLDR_PACKAGE = "unicode-cldr-core"
CLDR_ROOT = "usr/share/unicode/cldr/common"

# tzdata 2024b moved the System V names to 'backward' as links to these zones (2026d made EST5EDT,
# CST6CDT, MST7MDT and PST8PDT zones again, with US federal rules: the same as these since 1967).
# Debian's tzdata keeps all of them as zones, so its tzdata.zi cannot tell.
SYSTEM_V = {
    "EST5EDT": "America/New_York", "CST6CDT": "America/Chicago", "MST7MDT": "America/Denver",
    "PST8PDT": "America/Los_Angeles", "EST": "America/Panama", "MST": "America/Phoenix",
    "HST": "Pacific/Honolulu", "CET": "Europe/Brussels", "MET": "Europe/Brussels",
    "EET": "Europe/Athens", "WET": "Europe/Lisbon",
}

PROBE = r"""
import Foundation
let known = Set(TimeZone.knownTimeZoneIdentifiers)
while let id = readLine() {
    print("\(id)\t\(TimeZone(identifier: id) != nil)\t\(known.contains(id))")
}
"""


def run(args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw).stdout


def cldr_files(deb, work):
    """windowsZones.xml, the CLDR version and the package's name and version."""
    if deb is None:
        run(["apt-get", "download", CLDR_PACKAGE], cwd=work)
        deb = os.path.join(work, next(f for f in os.listdir(work) if f.endswith(".deb")))
    package = run(["dpkg-deb", "-f", deb, "Package"]).strip()
    version = run(["dpkg-deb", "-f", deb, "Version"]).strip()
    root = os.path.join(work, "cldr")
    run(["dpkg-deb", "-x", deb, root])
    dtd = open(os.path.join(root, CLDR_ROOT, "dtd/ldmlSupplemental.dtd"), encoding="utf-8").read()
    cldr_version = re.search(r'<!ATTLIST version cldrVersion CDATA #FIXED "([^"]+)"', dtd).group(1)
    return os.path.join(root, CLDR_ROOT, "supplemental/windowsZones.xml"), cldr_version, f"{package} {version}"


def tzdata():
    """tzdata's version, its links (alias -> target) and the names zone.tab lists."""
    version, links = None, {}
    for line in open(os.path.join(ZONEINFO, "tzdata.zi"), encoding="utf-8"):
        if line.startswith("# version "):
            version = line.split()[2]
        elif line.startswith("L "):
            _, target, alias = line.split()
            links[alias] = target
    listed = {line.split("\t")[2].strip() for line in open(os.path.join(ZONEINFO, "zone.tab"), encoding="utf-8")
              if not line.startswith("#")}
    try:
        package = "tzdata " + run(["dpkg-query", "-W", "-f", "${Version}", "tzdata"]).strip()
    except (OSError, subprocess.CalledProcessError):
        package = None
    return version, package, links, listed


def foundation(ids, work):
    """For each id: (TimeZone(identifier:) is not nil, it is in knownTimeZoneIdentifiers)."""
    source = os.path.join(work, "probe.swift")
    binary = os.path.join(work, "probe")
    with open(source, "w") as f:
        f.write(PROBE)
    run(["swiftc", source, "-o", binary])
    answers = {}
    for line in run([binary], input="".join(i + "\n" for i in sorted(ids))).splitlines():
        id, accepted, known = line.split("\t")
        answers[id] = (accepted == "true", known == "true")
    return answers


def dais_accepts(id, answers):
    """Zone.named's rule (ZoneRegistry.build), on Foundation's answers, and a tzdata file behind it."""
    accepted, known = answers[id]
    if not os.path.isfile(os.path.join(ZONEINFO, id)):
        return False
    if id == "UTC":
        return True
    return (known or "/" in id) and not id.startswith("/") and not id.endswith("/") and accepted


def current(id, links):
    """tzdata's current name for an id: links followed; Etc/UTC is Dais's "UTC" (Zone.utc)."""
    seen = set()
    while id in links and id not in seen:
        seen.add(id)
        id = links[id]
    return "UTC" if id == "Etc/UTC" else id


def swift_string(s):
    assert all(c.isprintable() and c not in '"\\' for c in s), s
    return f'"{s}"'


def main():
    deb = sys.argv[1] if len(sys.argv) > 1 else None
    with tempfile.TemporaryDirectory() as work:
        xml_path, cldr_version, cldr_package = cldr_files(deb and os.path.abspath(deb), work)
        tz_version, tz_package, links, listed = tzdata()

        windows = {}
        for zone in ET.parse(xml_path).getroot().iter("mapZone"):
            if zone.get("territory") == "001":
                name, ids = zone.get("other"), zone.get("type").split()
                assert name not in windows and len(ids) == 1, name
                windows[name] = ids[0]

        alias_sources = {}
        for alias, target in links.items():
            if alias not in listed:
                alias_sources[alias] = target
        alias_sources.update(SYSTEM_V)
        for alias in list(alias_sources):
            if alias.startswith("US/"):
                alias_sources["US-" + alias[3:]] = alias_sources[alias]

        candidates = set(windows.values()) | set(alias_sources.values())
        candidates |= {current(i, links) for i in candidates}
        answers = foundation(candidates, work)

    def resolve(source_id, what, notes, dropped):
        now = current(source_id, links)
        if dais_accepts(now, answers):
            if now != source_id:
                notes.append(f"{what}: {source_id} -> {now}")
            return now
        if dais_accepts(source_id, answers):
            notes.append(f"{what}: kept {source_id} ({now} is not accepted)")
            return source_id
        dropped.append(f"{what} -> {source_id}: not accepted by Zone.named (or not in {ZONEINFO})")
        return None

    notes, dropped = [], []
    iana, renamed = {}, {}
    for name, id in sorted(windows.items()):
        target = resolve(id, name, notes, dropped)
        if target:
            iana[name] = target
            if target != id:
                renamed[name] = id
    aliases = {}
    for alias, id in sorted(alias_sources.items()):
        if alias in windows:
            dropped.append(f"alias {alias}: a Windows name too")
            continue
        target = resolve(id, f"alias {alias}", [], dropped)
        if target is None:
            continue
        if target == alias:
            dropped.append(f"alias {alias}: names itself once links are followed")
            continue
        aliases[alias] = target

    tz_source = f"tzdata {tz_version} ({ZONEINFO}/tzdata.zi, zone.tab" + (f"; Debian package {tz_package}" if tz_package else "") + ")"
    out = [
        f"// Generated from CLDR {cldr_version} common/supplemental/windowsZones.xml (Debian package {cldr_package})",
        f"// and {tz_source}",
        "// by scripts/make-windows-zones.py (python3 scripts/make-windows-zones.py).",
        "// Do not edit.",
        "",
        "/// The TZIDs that calendars write and that are not IANA ids, mapped to IANA ids that `Zone.named`",
        "/// accepts, each tzdata's current name for its zone (\"Asia/Kolkata\", not \"Asia/Calcutta\").",
        "enum WindowsZones {",
        "    /// Windows zone names as Outlook and Exchange write them (\"Eastern Standard Time\"): every",
        "    /// name in CLDR's windowsZones (territory 001). Where CLDR gives an old name, it is in a comment.",
        "    static let iana: [String: String] = [",
    ]
    for name, target in iana.items():
        comment = f" // CLDR: {renamed[name]}" if name in renamed else ""
        out.append(f"        {swift_string(name)}: {swift_string(target)},{comment}")
    out += [
        "    ]",
        "",
        "    /// tzdata's old names (\"US/Eastern\", \"GB\", \"Asia/Calcutta\"), its System V names (\"EST5EDT\",",
        "    /// \"EST\", \"CET\": links since tzdata 2024b) and the dashed forms of the US names that old Lotus",
        "    /// Notes and Outlook exports write (\"US-Eastern\").",
        "    static let aliases: [String: String] = [",
    ]
    for alias, target in aliases.items():
        out.append(f"        {swift_string(alias)}: {swift_string(target)},")
    out += ["    ]", "}", ""]
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(out))

    print(f"CLDR {cldr_version} ({cldr_package}), {tz_source}")
    print(f"{len(windows)} Windows names in CLDR, {len(iana)} written; {len(aliases)} aliases written")
    for line in notes:
        print("renamed", line)
    for line in dropped:
        print("dropped", line)


if __name__ == "__main__":
    main()
