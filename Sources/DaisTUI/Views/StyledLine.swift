import DaisCore

/// A line of a details pane or dialog: text in a style, indented.
public struct StyledLine: Hashable, Sendable {
    public var text: String
    public var style: Style
    public var indent: Int

    public init(_ text: String, _ style: Style = .plain, indent: Int = 0) {
        self.text = text
        self.style = style
        self.indent = indent
    }

    /// The text wrapped to a width, each piece keeping the style and indent.
    public static func wrapped(_ text: String, width: Int, style: Style = .plain, indent: Int = 0, hanging: Int = 0) -> [StyledLine] {
        // A pane shows a few thousand characters at most: a megabyte of text is cut before wrapping.
        let limit = 8_000
        let shown = text.utf8.count > 4 * limit ? String(text.prefix(limit)) + " … (cut: \(text.utf8.count) bytes in all)" : text
        let pieces = DisplayText.wrap(DisplayText.inert(shown, singleLine: false), width: max(10, width - indent - hanging))
        return pieces.enumerated().map { i, piece in StyledLine(piece, style, indent: indent + (i == 0 ? 0 : hanging)) }
    }
}

extension Screen {
    /// Draws lines into a rectangle from line `top`, clipped.
    public mutating func draw(_ lines: [StyledLine], in rect: Rect, top: Int = 0) {
        for (k, line) in lines.dropFirst(max(0, top)).prefix(rect.height).enumerated() {
            put(line.text, row: rect.row + k, column: rect.column + line.indent, width: rect.width - line.indent, style: line.style)
        }
    }

    /// Draws a text field in one row (or several for multi-line fields), placing the cursor when focused.
    mutating func draw(_ field: TextField, in rect: Rect, focused: Bool, style: Style = .plain) {
        if !field.multiline {
            // One line, scrolled sideways so that the cursor stays in view.
            let shown = field.characters.map { DisplayText.inert(String($0)) }
            let widths = shown.map { DisplayText.width(of: $0) }
            let cursorX = widths.prefix(field.cursor).reduce(0, +)
            var skip = 0, skipped = 0
            while focused && cursorX - skipped >= rect.width && skip < shown.count {
                skipped += widths[skip]
                skip += 1
            }
            put(shown.dropFirst(skip).joined(), row: rect.row, column: rect.column, width: rect.width, style: style)
            if focused { cursor = Position(row: rect.row, column: rect.column + min(rect.width - 1, cursorX - skipped)) }
            return
        }
        let (lines, row, column) = field.layout(width: max(1, rect.width))
        let first = focused ? max(0, row - rect.height + 1) : 0
        for (k, line) in lines.dropFirst(first).prefix(rect.height).enumerated() {
            put(line, row: rect.row + k, column: rect.column, width: rect.width, style: style)
        }
        if focused { cursor = Position(row: rect.row + row - first, column: rect.column + column) }
    }
}
