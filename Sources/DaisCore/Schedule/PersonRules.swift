/// What a person's checks read: the person's facts and their live panels on the time line.
struct PersonContext {
    let id: PersonID
    let facts: PersonFacts
    /// Their live, placed panels, by start.
    let panels: [TimedPanel]
    let changeover: Int
    /// The catalog's people and panels, looked up only to make a finding.
    let people: [PersonID: Person]
    let catalogPanels: [PanelID: Panel]

    var speaker: Speaker { Speaker(id: id, facts: facts) }
}

/// The checks of one person across their panels, one function per finding code (`docs/checks.md`);
/// each appends what it finds.
enum PersonRules {
    /// Every rule's findings for a person. A new rule is one more function here and one more line.
    static func findings(_ c: PersonContext) -> [Finding] {
        var out: [Finding] = []
        personDoubleBooked(c, &out)
        invalidTime(c, &out)
        shortChangeover(c, &out)
        return out
    }

    /// The person is on two panels whose instants overlap.
    static func personDoubleBooked(_ c: PersonContext, _ out: inout [Finding]) {
        Timeline.forEachOverlap(c.panels) { a, b in
            out.append(Finding(.personDoubleBooked, indexes: .init(a.index, b.index),
                               .doubleBooked(c.speaker, a.mention(in: c.catalogPanels), b.mention(in: c.catalogPanels), overlapMinutes: a.span.overlapMinutes(with: b.span))))
        }
    }

    /// The person's home zone, or one of their unavailability windows, cannot be read.
    static func invalidTime(_ c: PersonContext, _ out: inout [Finding]) {
        guard c.facts.hasBadZone, let person = c.people[c.id] else { return }
        if let home = person.homeZone, c.facts.home == nil {
            out.append(Finding(.invalidTime, .personZone(person: c.id, name: c.facts.name, field: "home zone", problem: SlotProblem.unknownZone(home).description)))
        }
        if c.facts.unavailable.count != person.unavailable.count {
            for window in person.unavailable {
                guard case .failure(let problem) = window.span() else { continue }
                let text: String
                if case .nonPositiveDuration = problem { text = "the window ends before it starts" } else { text = problem.description }
                out.append(Finding(.invalidTime, .personZone(person: c.id, name: c.facts.name, field: "unavailable \(window.start) to \(window.end) \(window.zone)", problem: text)))
            }
        }
    }

    /// Less than the changeover between the end of one of the person's panels and their next.
    static func shortChangeover(_ c: PersonContext, _ out: inout [Finding]) {
        Timeline.forEachGap(c.panels) { previous, next, minutes in
            guard minutes < c.changeover else { return }
            out.append(Finding(.shortChangeover, indexes: .init(previous.index, next.index),
                               .shortChangeover(c.speaker, previous.mention(in: c.catalogPanels), next.mention(in: c.catalogPanels), gapMinutes: minutes, changeover: c.changeover)))
        }
    }
}
