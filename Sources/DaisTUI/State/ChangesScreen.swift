import DaisCore

/// The Changes screen: the panels changed since a base (the store as last saved, or a file or git
/// revision the organizer names), with the people to tell; its lines are the report `dais changes`
/// prints, made once when the screen opens or its base changes (the catalog cannot change while
/// it is open).
public struct ChangesScreen: Sendable {
    public let report: ChangesReport
    public let lines: [String]
    public var scroll = 0

    public init(from base: Catalog, to catalog: Catalog, since label: String) {
        report = ChangesReport(PanelChanges(from: base, to: catalog), since: label)
        lines = report.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLast()
    }
}

extension ChangesScreen {
    /// The lines as the screen shows them at a width: each wrapped under its own indentation.
    func rows(width: Int) -> [StyledLine] {
        lines.flatMap { line -> [StyledLine] in
            let indent = line.prefix { $0 == " " }.count
            let style: Style = indent >= 4 || line.isEmpty ? .plain : indent == 2 ? .accent : .bold
            return StyledLine.wrapped(String(line.dropFirst(indent)), width: width, style: style, indent: indent, hanging: 2)
        }
    }
}
