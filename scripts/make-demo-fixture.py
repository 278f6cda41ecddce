#!/usr/bin/env python3
"""Writes fixtures/magnitsky-month.json, the demo store transcribed from the seed page
(../shared/seeds/000_c0dc77e7756afdfa.txt), in the store's canonical form.

The facts below are the page's; see fixtures/README.md for what the page leaves blank and how
the fixture treats it. Run from the repository root; then run scripts/embed-demo.sh.
"""
import json, sys

HRF_INTRO = (
    "Every November, Human Rights First and our partners in the targeted human rights and anti-corruption "
    "sanctions coalition mark \u201cMagnitsky Month.\u201d Magnitsky Month honors the legacy of Sergei Magnitsky, "
    "who was killed in a Russian prison in November 2009 after exposing corruption by government officials. "
    "The month coincides with the anniversary of his death and precedes the annual International Anti-Corruption "
    "Day and Human Rights Day (December 9 and 10), when new Magnitsky-style sanctions are typically announced. "
    "We use this time to advocate for the expanded and improved multilateral use of Magnitsky-style sanctions in "
    "the United States, Canada, United Kingdom, and the European Union, hold a series of virtual panel events, "
    "and release new reports."
)

orgs = [
    {"id": "hrf", "name": "Human Rights First", "shortName": "HRF"},
    {"id": "redress", "name": "REDRESS"},
    {"id": "osf", "name": "Open Society Foundations", "shortName": "OSF"},
    {"id": "rwchr", "name": "Raoul Wallenberg Centre for Human Rights", "shortName": "RWCHR"},
    {"id": "padf", "name": "Pan American Development Foundation", "shortName": "PADF"},
]

def person(pid, name, title=None, affiliation=None):
    p = {"id": pid, "name": name}
    if title: p["title"] = title
    if affiliation: p["affiliation"] = affiliation
    return p

people = [
    person("p-evgenia-kara-murza", "Evgenia Kara-Murza", "International Advocacy Director", "Free Russia Foundation"),
    person("p-angelita-baeyens", "Angelita Baeyens", "Vice President of International Advocacy and Litigation", "Robert F. Kennedy Human Rights"),
    person("p-richard-ratcliffe", "Richard Ratcliffe"),
    person("p-brad-brooks-rubin", "Brad Brooks-Rubin", "Partner", "Arktouros"),
    person("p-chloe-zoeller", "Chloe Zoeller", "Senior Program Manager", "Pan American Development Foundation"),
    person("p-natalia-kubesch", "Natalia Kubesch", "Legal Officer", "REDRESS"),
    person("p-irwin-cotler", "The Honorable Professor Irwin Cotler", "Founder and International Chair", "Raoul Wallenberg Centre for Human Rights"),
    person("p-ti-anna-wang", "Ti-Anna Wang", "Human rights advocate and lawyer"),
    person("p-nazanin-afshin-jam-mackay", "Nazanin Afshin-Jam MacKay", "Human and democratic rights activist, author, public speaker, and founding member of the Iranian Justice Collective", "Iranian Justice Collective"),
    person("p-olivia-dehnavi", "Olivia Dehnavi", "Advocacy Officer", "REDRESS"),
    person("p-tasneem-roc", "Tasneem Roc", "Campaign Manager", "Myanmar Campaign Network"),
    person("p-anton-moiseienko", "Anton Moiseienko", "Lecturer in Law and Sanctions Expert", "Australia National University"),
    person("p-simon-henderson", "Simon Henderson", "Head of Policy", "Save the Children Australia"),
    person("p-melissa-chen", "Melissa Chen", "Senior Lawyer", "Australian Centre for International Justice"),
]

series = [
    {"id": "magnitsky-month-2023", "name": "Magnitsky Month 2023", "host": "hrf", "description": HRF_INTRO},
    {"id": "magnitsky-month-2024", "name": "Magnitsky Month 2024", "host": "hrf", "description": HRF_INTRO},
]

def entry(pid, role, title=None):
    e = {"person": pid, "role": role}
    if title: e["title"] = title
    return e

DURATION_NOTE = "Duration not given on the seed page: 60 minutes assumed."
TITLE_NOTE = "Title not given on the seed page: a descriptive title taken from its description."

panels = [
    {
        "id": "panel-2024-11-13-arbitrary-detention",
        "series": "magnitsky-month-2024",
        "title": "Countering arbitrary detention as a tool of repression",
        "description": (
            "Authoritarian regimes around the world regularly use arbitrary detention as a tool of repression to silence "
            "dissidents, human rights defenders, journalists, and other perceived government critics and detain U.S. citizens "
            "and lawful permanent residents as bargaining chips. Advocacy for their release often involves coalition building "
            "and engagement with multiple governments and legal mechanisms \u2014 from targeted Magnitsky-style sanctions, the UN "
            "Working Group on Arbitrary Detention, the U.S. Levinson Act, and other domestic, regional, and international tools.\n\n"
            "This virtual panel of experts and individuals impacted by arbitrary detention will discuss how civil society can "
            "mobilize collective global action to counter these authoritarian tactics and advocate for the release of political "
            "prisoners and others arbitrarily detained around thew world."
        ),
        "start": "2024-11-13T10:00", "zone": "America/New_York", "durationMinutes": 60,
        "format": "virtual-panel", "status": "scheduled",
        "roster": [
            entry("p-evgenia-kara-murza", "panelist",
                  "International Advocacy Director at the Free Russia Foundation and spouse and advocate for the release of her "
                  "husband, Vladimir Kara Murza, a Russian dissident and former political prisoner who was arbitrarily detained "
                  "in Russia for more than 2 years"),
            entry("p-angelita-baeyens", "panelist",
                  "Vice President of International Advocacy and Litigation at Robert F. Kennedy Human Rights"),
            entry("p-richard-ratcliffe", "panelist",
                  "spouse and advocate for the release of his wife Nazanin Zaghari-Ratcliffe, a British-Iranian charity worker "
                  "who was arbitrarily detained in Iran for six years"),
        ],
        "notes": "Announced as \u201cNovember 13, 10:00 am EST\u201d. Moderator blank on the seed page. " + TITLE_NOTE + " " + DURATION_NOTE,
    },
    {
        "id": "panel-2024-11-21-global-magnitsky-record",
        "series": "magnitsky-month-2024",
        "title": "Global Magnitsky sanctions: the Biden record and the next administration",
        "description": (
            "Over the past four years, the Biden administration has established a mixed record on its use of Global Magnitsky "
            "sanctions, making important advancements in how such tools are used to respond to different types of abuses and "
            "cases, while leaving behind ongoing gaps that civil society has long called on the administration to address. With "
            "the U.S. elections on November 5, the priorities of the next administration could dramatically reshape how, where, "
            "and why Global Magnitsky sanctions are used \u2014 or not \u2014 with ramifications for efforts to multilateralize such "
            "sanctions and hold perpetrators of human rights abuses and corruption accountable.\n\n"
            "This virtual panel discussion will bring together activists for a conversation to reflect on what the Biden "
            "administration achieved and where it fell short over the past four years of Magnitsky sanctions, and to identify "
            "the potentially significant changes in human rights and anti-corruption sanctions that the next administration "
            "might pursue."
        ),
        "start": "2024-11-21T10:00", "zone": "America/New_York", "durationMinutes": 60,
        "format": "virtual-panel", "status": "scheduled",
        "roster": [
            entry("p-brad-brooks-rubin", "panelist",
                  "a partner at Arktouros, a boutique law firm specializing in sanctions, anti-money laundering, and regulatory "
                  "advice, and formerly a Senior Advisor in the Office of Sanctions Coordination at the U.S. Department of State"),
            entry("p-chloe-zoeller", "panelist", "Senior Program Manager at the Pan American Development Foundation"),
            entry("p-natalia-kubesch", "panelist",
                  "Legal Officer at REDRESS focusing on the use of Magnitsky sanctions to provide accountability for serious "
                  "human rights violations."),
        ],
        "notes": "Announced as \u201cNovember 21, 10:00am EST\u201d. Moderator blank on the seed page. " + TITLE_NOTE + " " + DURATION_NOTE,
    },
    {
        "id": "panel-2024-11-26-transnational-repression",
        "series": "magnitsky-month-2024",
        "title": "Transnational repression and targeted sanctions",
        "description": (
            "Transnational repression has become a common and systematic practice used by authoritarian governments to control "
            "diaspora and exile communities beyond their borders in order to silence or curtail dissent. Individuals who publicly "
            "criticize and counter regime narratives are frequently targeted, including journalists, human rights defenders, "
            "political opponents, and civil society activists.\n\n"
            "This online panel will explore the nexus between transnational repression and targeted sanctions as a mechanism "
            "for accountability and deterrence. The panel will discuss the use of extraterritorial repression by Iran, Russia, "
            "and China, its impact, and the role that targeted sanctions can play in countering these threats."
        ),
        "start": "2024-11-26T10:00", "zone": "America/New_York", "durationMinutes": 60,
        "format": "virtual-panel", "status": "scheduled",
        "host": "rwchr",
        "cosponsors": ["hrf", "osf", "padf", "redress"],
        "roster": [
            entry("p-irwin-cotler", "remarks",
                  "Founder and International Chair of the Raoul Wallenberg Centre for Human Rights, former Minister of Justice "
                  "and Attorney General of Canada"),
            entry("p-ti-anna-wang", "panelist", "Human rights advocate and lawyer"),
            entry("p-evgenia-kara-murza", "panelist", "International Advocacy Director of the Free Russia Foundation"),
            entry("p-nazanin-afshin-jam-mackay", "panelist",
                  "Human and democratic rights activist, author, public speaker, and founding member of the Iranian Justice Collective"),
        ],
        "notes": "Announced as \u201cNovember 26, 10:00am EST\u201d, an online panel. Moderator blank on the seed page. " + TITLE_NOTE + " " + DURATION_NOTE,
    },
    {
        "id": "panel-2023-11-20-impact-of-sanctions",
        "series": "magnitsky-month-2023",
        "title": "The real-world impact of Magnitsky sanctions",
        "description": (
            "This Magnitsky Month, Human Rights First and its partners will publish a new framework for evaluating the impact "
            "of targeted human rights and anti-corruption sanctions. Led by REDRESS, the report features a series of case "
            "studies using the framework to illustrate the various impacts of these forms of sanctions and drawing on the "
            "perspectives of civil society partners. This is one of the first frameworks to consider the impact of "
            "Magnitsky-style sanctions not just on perpetrators of serious human rights violations and corruption but also on "
            "survivors and communities affected by these actions and on government actions in response. The case studies "
            "include U.S., UK, EU, or Canadian sanctions in response to specific violations occurring in Bangladesh, Belarus, "
            "Equatorial Guinea, Iran, Paraguay, and Ukraine.\n\n"
            "This moderated discussion with human rights experts will delve into the real-world impact of Magnitsky sanctions "
            "and how governments can improve the use of sanctions in advancing human rights and combatting corruption around "
            "the world."
        ),
        "start": "2023-11-20T10:00", "zone": "America/New_York", "durationMinutes": 60,
        "format": "virtual-panel", "status": "scheduled",
        "roster": [entry("p-olivia-dehnavi", "moderator", "Advocacy Officer at REDRESS")],
        "notes": "Announced as \u201cNovember 20, 10:00 am EST\u201d. Panelists blank on the seed page. " + TITLE_NOTE + " " + DURATION_NOTE,
    },
    {
        "id": "panel-2023-11-29-australia-framework",
        "series": "magnitsky-month-2023",
        "title": "Evaluating Australia\u2019s Magnitsky sanctions framework: challenges, opportunities and the role of civil society",
        "description": (
            "In December 2021, Australia adopted a targeted human rights sanctions framework through the passing of the "
            "Autonomous Sanctions Amendment (Magnitsky-style and Other Thematic Sanctions) Bill 2021. This Bill amended the "
            "Autonomous Sanctions Act 2011, thereby creating a thematic sanctions regime to address serious violations of human "
            "rights, serious violations of international humanitarian law, serious corruption and other matters of concern.\n\n"
            "Some heralded the introduction of Australia\u2019s human rights sanctions framework as representing a unique "
            "opportunity for Australia to protect and promote human rights globally, by targeting human rights abusers and "
            "corrupt actors, as well as offering some measure of deterrence and accountability. Yet, Australia appears to have "
            "taken a cautious approach in imposing Magnitsky sanctions. Since the framework came into effect almost two years "
            "ago, it has only been utilized a small number of times. Moreover, there are issues with the framework\u2019s ability "
            "to account for humanitarian exemptions as well as a lack of transparency as to how effectively sanctions measures "
            "are being enforced.\n\n"
            "This webinar brings together a panel of experts to discuss the challenges and opportunities of Australia\u2019s "
            "Magnitsky sanctions framework, and reflect upon the role that civil society may have in influencing aspects of the "
            "framework."
        ),
        "start": "2023-11-29T13:00", "zone": "Australia/Sydney", "durationMinutes": 75,
        "format": "webinar", "status": "scheduled",
        "roster": [
            entry("p-tasneem-roc", "panelist", "Campaign Manager at Myanmar Campaign Network"),
            entry("p-anton-moiseienko", "panelist", "Lecturer in Law and Sanctions Expert at the Australia National University"),
            entry("p-simon-henderson", "panelist", "Head of Policy at Save the Children Australia"),
            entry("p-melissa-chen", "panelist", "Senior Lawyer at the Australian Centre for International Justice"),
        ],
        "notes": ("Announced as \u201cWednesday 29 November 2023, 1.00pm \u2013 2.15pm AEDT\u201d, format \u201cWebinar/online/virtual only\u201d. "
                  "The page lists the four as \u201cSpeakers\u201d; no moderator and no host are named."),
    },
    {
        "id": "panel-2024-01-25-visa-sanctions",
        "series": "magnitsky-month-2023",
        "title": "Visa sanctions: a discussion of our latest report",
        "description": (
            "Human Rights First and our partners in the targeted human rights and anti-corruption sanctions coalition lead "
            "\u201cMagnitsky Month\u201d to advocate for the expanded and improved multilateral use of Magnitsky-style sanctions in "
            "the United States, Canada, United Kingdom, and the European Union. As a follow-up to our November 2023 events and "
            "reports, we welcome you to join us this month for a discussion on our latest report.\n\n"
            "Visa sanctions have become an increasingly popular and, in some cases, quite effective tool in the U.S. "
            "government\u2019s response to human rights abuse, corruption, and attacks on democracy. Unlike with the Global "
            "Magnitsky program or other financial sanctions, though, the U.S. government is often restricted by law from publicly "
            "naming the individuals on whom it imposes visa sanctions. Even when it uses visa sanctions tools that do not require "
            "confidentiality, it sometimes chooses nonetheless not to name names."
        ),
        "start": "2024-01-25T11:00", "zone": "America/New_York", "durationMinutes": 60,
        "format": "virtual-panel", "status": "scheduled",
        "roster": [],
        "notes": ("Announced as \u201cThursday, January 25, 2024 at 11:00 EST\u201d, a follow-up to the November 2023 events. "
                  "Moderator and panelists blank on the seed page. " + TITLE_NOTE + " " + DURATION_NOTE),
    },
]

store = {
    "format": "dais-store",
    "version": 1,
    "settings": {
        "changeoverMinutes": 15,
        "wakingHours": {"start": "08:00", "end": "21:00"},
        "displayZones": ["America/New_York", "Australia/Sydney", "UTC"],
    },
    "organizations": sorted(orgs, key=lambda r: r["id"]),
    "people": sorted(people, key=lambda r: r["id"]),
    "series": sorted(series, key=lambda r: r["id"]),
    "panels": sorted(panels, key=lambda r: r["id"]),
}

out = sys.argv[1] if len(sys.argv) > 1 else "fixtures/magnitsky-month.json"
with open(out, "w", encoding="utf-8") as f:
    f.write(json.dumps(store, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
print("wrote", out)
