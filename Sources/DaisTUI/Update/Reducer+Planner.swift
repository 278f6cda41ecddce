import DaisCore

extension AppState {
    /// Opens the planner on the selected panel (Panels or Week screen).
    mutating func openPlanner() {
        guard let panel = tab == .week ? selectedWeekPanel : selectedPanel else { return }
        do {
            overlays.append(.planner(try Planner(panel: panel, catalog: catalog)))
        } catch {
            notice = Notice("Cannot find a time for '\(panel.title)': \(error.description)", .error)
        }
    }

    /// A key in the planner: the cursor moves by the step and by the day, Tab jumps to the next best
    /// start, Enter moves the panel there as one undoable edit.
    mutating func handlePlanner(_ planner: Planner, _ command: Command?) {
        var planner = planner
        switch command {
        case .right?: planner.move(minutes: planner.request.step)
        case .left?: planner.move(minutes: -planner.request.step)
        case .nextDay?: planner.move(minutes: 24 * 60)
        case .previousDay?: planner.move(minutes: -24 * 60)
        case .nextField?: planner.nextBest()
        case .cancel?:
            overlays.removeLast()
            return
        case .accept?:
            switch planner.evaluation {
            case .nonexistent(let why), .blocked(_, let why):
                notice = Notice("Not moved: \(why) then", .error)
            case .possible:
                overlays.removeLast()
                guard let old = catalog.panels[planner.panelID] else { return }
                var moved = old
                moved.start = planner.cursor
                guard moved.start != old.start else {
                    notice = Notice("'\(old.title)' already starts then")
                    return
                }
                commit(Edit("Move '\(old.title)' to \(planner.cursor.date) \(planner.cursor.timeText)", [.panel(old: old, new: moved)]))
                select(panel: old.id)
                notice = Notice("Moved '\(old.title)' to \(planner.cursor.date) \(planner.cursor.timeText) \(planner.request.zone.identifier) (u undoes)", .success)
            }
            return
        default: break
        }
        overlays[overlays.count - 1] = .planner(planner)
    }
}
