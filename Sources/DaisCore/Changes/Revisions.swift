extension Revision {
    /// What a calendar that imported a panel must apply again when it changes: the fields that move
    /// it, cancel it or rename it. A change of anything else (description, roster, links) is a
    /// modification, not a new sequence.
    public static func movesCalendar(_ old: Panel, _ new: Panel) -> Bool {
        old.start != new.start || old.zone != new.zone || old.durationMinutes != new.durationMinutes
            || old.status != new.status || old.title != new.title
    }

    /// The catalog to save over `base` (what the file holds) at `now`: each panel that differs from
    /// its stored version gets `modified` = now and, when it moved for calendars, the stored
    /// sequence plus one; a new panel keeps its sequence and gets `modified` = now. Panels that did
    /// not change keep their stored revision, whatever edits came and went between the saves.
    public static func stamped(_ catalog: Catalog, since base: Catalog, at now: Instant) -> Catalog {
        var result = catalog
        for (id, panel) in catalog.panels {
            var stamped = panel
            if let old = base.panels[id] {
                var unstamped = panel
                unstamped.revision = old.revision
                if unstamped == old {
                    stamped = old
                } else {
                    stamped.revision = Revision(sequence: old.revision.sequence + (movesCalendar(old, panel) ? 1 : 0), modified: now)
                }
            } else {
                stamped.revision.modified = now
            }
            if stamped.revision != panel.revision { result.panels[id] = stamped }
        }
        return result
    }
}
