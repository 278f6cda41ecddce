import DaisCore

/// Where things go on a screen of a given size. Shared by views (to draw) and the reducer (to scroll).
public struct Layout: Sendable {
    public let width: Int
    public let height: Int

    public static let minimumWidth = 80
    public static let minimumHeight = 24

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public var isTooSmall: Bool { width < Layout.minimumWidth || height < Layout.minimumHeight }

    /// Below the tab bar and above the status line.
    public var main: Rect { Rect(row: 1, column: 0, width: width, height: height - 2) }

    /// Wide screens put the details beside the list, narrow ones below it.
    public var sideBySide: Bool { width >= 110 }

    public var list: Rect {
        let m = main
        if sideBySide { return Rect(row: m.row, column: 0, width: width * 11 / 20, height: m.height) }
        return Rect(row: m.row, column: 0, width: width, height: m.height * 9 / 20)
    }

    public var details: Rect {
        let m = main, l = list
        if sideBySide { return Rect(row: m.row, column: l.right + 1, width: width - l.width - 1, height: m.height) }
        return Rect(row: l.bottom + 1, column: 0, width: width, height: m.height - l.height - 1)
    }
}

/// A row of the Panels list: group headings between the panels.
public enum PanelRow: Hashable, Sendable {
    case month(String)
    case series(String)
    case panel(position: Int)
}

extension AppState {
    /// The rows of the Panels list from position `top`, at most `limit` of them: a month heading first,
    /// then a series heading whenever the series changes, then panels.
    public func panelRows(from top: Int, limit: Int) -> [PanelRow] {
        var rows: [PanelRow] = []
        var position = top
        var month: String?, series: SeriesID??
        let zone = self.zone
        while rows.count < limit, let id = panelID(at: position), let panel = catalog.panels[id] {
            let slot = try? panel.slot().get()
            let date = slot.map { zone.local(at: $0.span.start).date }
            let thisMonth = date.map(TimeFormat.monthYear) ?? "Time to be fixed"
            if thisMonth != month {
                rows.append(.month(thisMonth))
                month = thisMonth
                series = .none
            }
            if series == .none || series! != panel.series {
                if rows.count >= limit { break }
                rows.append(.series(panel.series.map { catalog.series[$0]?.name ?? $0.rawValue } ?? "No series"))
                series = .some(panel.series)
            }
            if rows.count >= limit { break }
            rows.append(.panel(position: position))
            position += 1
        }
        return rows
    }

    /// The first line of the current tab's details a pane can show, `wanted` or less: at most their
    /// line count less the pane's height (where the views stop them too); 0 for the tabs without
    /// details to scroll. An organization's lines are made only as far as `wanted` needs.
    public func detailTop(atMost wanted: Int) -> Int {
        let details = Layout(width: width, height: height).details
        let width = details.width - 1
        let count: Int
        switch tab {
        case .panels: count = selectedPanel.map { PanelsView.detailLines($0, self, width: width).count } ?? 0
        case .people: count = selectedPerson.map { DirectoryView.personLines($0, self, width: width).count } ?? 0
        case .organizations:
            let needed = wanted > Int.max - details.height ? Int.max : wanted + details.height
            count = selectedOrganization.map { DirectoryView.organizationLines($0, self, width: width, needed: needed).count } ?? 0
        case .findings, .week: count = 0
        }
        return max(0, min(wanted, count - details.height))
    }

    /// Rows the list of the current tab has room for.
    public var listHeight: Int {
        let layout = Layout(width: width, height: height)
        switch tab {
        case .findings: return layout.list.height - 1
        case .week: return layout.main.height
        default: return layout.list.height - 1  // one row for the column headings
        }
    }
}
