extension Schedule {
    /// The findings a draft of a panel would have against the rest of the store, without changing
    /// anything: its own checks, and the double bookings, changeovers and series overlaps it would make.
    /// For the editor's live view; costs the draft's people's and series' panels.
    public func preview(_ draft: Panel, in catalog: Catalog) -> [Finding] {
        guard draft.status != .cancelled else { return [] }
        // The draft's people by their numbers in `known`; zones numbered from the schedule's.
        var zones = timeline.zones
        var people: [PanelContext.RosterPerson] = [], known: [PersonFacts?] = []
        for entry in draft.roster where !people.contains(where: { $0.id == entry.person }) {
            let (facts, brief) = personNumbers[entry.person].map { (self.facts[$0], briefs[$0]) } ?? PersonFacts.read(catalog.people[entry.person], zones: &zones)
            people.append(.init(id: entry.person, number: known.count, brief: brief))
            known.append(facts)
        }
        let slot = try? draft.slot().get()
        let ambiguousZone = slot?.ambiguity != nil ? zones.number(draft.zone) : -1
        let context = PanelContext(panel: draft, roster: draft.roster, indexes: .none, span: slot?.span, ambiguousZone: ambiguousZone, people: people,
                                   facts: known, zones: zones.all, missing: missingReferences(draft, catalog), hours: wakingHours,
                                   confirmWindow: confirmWindow)
        var out = PanelRules.findings(context)
        guard let span = slot?.span else { return out }
        let mention = context.mention
        let own = panelNumbers[draft.id]
        /// The draft and another panel in start order.
        func ordered(_ other: PanelMention, _ otherSpan: TimeSpan) -> (PanelMention, PanelMention) {
            otherSpan.start < span.start || (otherSpan.start == span.start && other.id < draft.id) ? (other, mention) : (mention, other)
        }
        for person in people {
            guard person.brief.known, let p = personNumbers[person.id] else { continue }
            let speaker = context.speaker(person)
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
            let changeover = changeoverMinutes
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

    /// What a draft names that the catalog lacks, in `PanelContext.missing`'s order (as `links`
    /// finds them for a panel of the schedule).
    private func missingReferences(_ draft: Panel, _ catalog: Catalog) -> [MissingReference] {
        var missing: [MissingReference] = []
        if let series = draft.series, catalog.series.index(forKey: series) == nil { missing.append(.series(series)) }
        if let host = draft.host, catalog.organizations.index(forKey: host) == nil { missing.append(.host(host)) }
        for org in draft.cosponsors where catalog.organizations.index(forKey: org) == nil { missing.append(.cosponsor(org)) }
        return missing
    }
}
