extension Schedule {
    /// The findings a draft of a panel would have against the rest of the store, without changing
    /// anything: its own checks, and the double bookings, changeovers and series overlaps it would make.
    /// For the editor's live view; costs the draft's people's and series' panels.
    public func preview(_ draft: Panel, in catalog: Catalog) -> [Finding] {
        guard draft.status != .cancelled else { return [] }
        var zones = ZoneNumbers()
        let slot = try? draft.slot().get()
        var people: [PanelContext.RosterPerson] = []
        for entry in draft.roster where !people.contains(where: { $0.id == entry.person }) {
            let known = personNumbers[entry.person].map { facts[$0] }
            people.append(.init(id: entry.person, facts: known ?? catalog.people[entry.person].map { PersonFacts($0, zones: &zones) }))
        }
        let context = PanelContext(panel: draft, indexes: .none, span: slot?.span, ambiguousZone: slot?.ambiguity != nil ? slot?.zone : nil,
                                   people: people, missing: Schedule.missingReferences(draft, catalog), hours: settings.wakingHours)
        var out = PanelRules.findings(context)
        guard let span = slot?.span else { return out }
        let mention = context.mention
        let own = panelNumbers[draft.id]
        /// The draft and another panel in start order.
        func ordered(_ other: PanelMention, _ otherSpan: TimeSpan) -> (PanelMention, PanelMention) {
            otherSpan.start < span.start || (otherSpan.start == span.start && other.id < draft.id) ? (other, mention) : (mention, other)
        }
        for person in people {
            guard let facts = person.facts, let p = personNumbers[person.id] else { continue }
            let speaker = Speaker(id: person.id, facts: facts)
            var before: (gap: Int, index: Int)?, after: (gap: Int, index: Int)?
            for i32 in personPanels[p] {
                let i = Int(i32)
                guard i != own, let otherSpan = timeline.span(i) else { continue }
                if otherSpan.overlaps(span) {
                    let (a, b) = ordered(timeline.mention(i, in: catalog), otherSpan)
                    out.append(Finding(.personDoubleBooked, .doubleBooked(speaker, a, b, overlapMinutes: span.overlapMinutes(with: otherSpan))))
                } else if otherSpan.end <= span.start {
                    let gap = otherSpan.end.minutes(until: span.start)
                    if before == nil || gap < before!.gap { before = (gap, i) }
                } else {
                    let gap = span.end.minutes(until: otherSpan.start)
                    if after == nil || gap < after!.gap { after = (gap, i) }
                }
            }
            let changeover = settings.changeoverMinutes
            if let before, before.gap < changeover {
                let other = timeline.mention(before.index, in: catalog)
                out.append(Finding(.shortChangeover, .shortChangeover(speaker, other, mention, gapMinutes: before.gap, changeover: changeover)))
            }
            if let after, after.gap < changeover {
                let other = timeline.mention(after.index, in: catalog)
                out.append(Finding(.shortChangeover, .shortChangeover(speaker, mention, other, gapMinutes: after.gap, changeover: changeover)))
            }
        }
        if let seriesID = draft.series, let series = catalog.series[seriesID], let s = seriesNumbers[seriesID] {
            for i32 in seriesPanels[s] {
                let i = Int(i32)
                guard i != own, let otherSpan = timeline.span(i), otherSpan.overlaps(span) else { continue }
                let (a, b) = ordered(timeline.mention(i, in: catalog), otherSpan)
                out.append(Finding(.seriesOverlap, .seriesOverlap(series: seriesID, name: series.name, a, b, overlapMinutes: span.overlapMinutes(with: otherSpan))))
            }
        }
        return out.sorted(by: Finding.ordered)
    }
}
