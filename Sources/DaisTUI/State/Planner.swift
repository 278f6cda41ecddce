import DaisCore

/// The planner (F on a panel): the roster's day side by side, each row in that person's local
/// time, a candidate start that moves by the step (← →) and by the day (↑ ↓), the cost of that start
/// explained below, and the best starts of the window beside it (Tab jumps to the next one).
public struct Planner: Sendable {
    public let panelID: PanelID
    public let title: String
    public let search: SlotSearch
    /// The least-bad starts of the window.
    public let best: [SlotSearch.Suggestion]
    /// Roster members without a home zone: not scored, named as such.
    public let unscored: [String]
    /// The candidate start on the panel's wall clock.
    public var cursor: LocalDateTime
    /// The suggestion Tab last jumped to.
    public var chosen: Int?

    /// The planner for a panel: the two weeks from its date. Throws the request's problem (an empty
    /// roster, an unknown zone).
    public init(panel: Panel, catalog: Catalog) throws(SlotSearch.Request.Problem) {
        let request = try SlotSearch.Request(panel: panel, catalog: catalog, from: panel.start.date, to: panel.start.date.adding(days: 13))
        panelID = panel.id
        title = panel.title
        search = SlotSearch(request)
        let result = search.ranked(top: 5)
        best = result.suggestions
        unscored = result.unscored
        // Starts step through the wall clock from midnight: the panel's own start, put on the step.
        let step = request.step
        cursor = LocalDateTime(date: panel.start.date, hour: 0, minute: 0)!.adding(minutes: panel.start.minuteOfDay / step * step)
    }

    public var request: SlotSearch.Request { search.request }

    /// What the start under the cursor costs, or why it cannot be taken.
    public var evaluation: SlotSearch.Evaluation { search.evaluate(cursor) }

    /// Moves the cursor by minutes of the wall clock (the step) or by days.
    public mutating func move(minutes: Int) {
        cursor = cursor.adding(minutes: minutes)
        chosen = nil
    }

    /// Goes to the next of the best starts.
    public mutating func nextBest() {
        guard !best.isEmpty else { return }
        let next = chosen.map { ($0 + 1) % best.count } ?? 0
        chosen = next
        cursor = best[next].local
    }
}
