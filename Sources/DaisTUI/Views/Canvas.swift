import DaisCore

/// A rectangle of the screen.
public struct Rect: Hashable, Sendable {
    public var row: Int
    public var column: Int
    public var width: Int
    public var height: Int

    public init(row: Int, column: Int, width: Int, height: Int) {
        self.row = row
        self.column = column
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var bottom: Int { row + height }
    public var right: Int { column + width }

    public func inset(by n: Int) -> Rect { Rect(row: row + n, column: column + n, width: width - 2 * n, height: height - 2 * n) }
}

extension Screen {
    /// Writes text at a position, clipped to `width` cells (ending in "…" when cut); wide characters take
    /// two cells and never straddle the edge; combining marks stay with their letter; control characters
    /// show as inert stand-ins. Returns the cells used.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, width: Int, style: Style = .plain) -> Int {
        guard row >= 0, row < height, width > 0 else { return 0 }
        let limit = min(width, self.width - column)
        guard limit > 0 else { return 0 }
        // A name of a megabyte must not cost a megabyte's work on every frame: only what can show is
        // looked at (each character takes at least one cell, zero-width ones aside).
        let clipped = text.utf8.count > 4 * limit + 64 ? String(text.prefix(2 * limit + 8)) + "…" : text
        let shown = DisplayText.truncate(DisplayText.inert(clipped), to: limit)
        var x = column
        for character in shown {
            let w = DisplayText.width(of: character)
            if w == 0 { continue }
            if x + w > column + limit { break }
            // Never leave half of a wide character behind.
            if self[row, x].isContinuation && x > 0 { self[row, x - 1] = Cell(text: " ", style: self[row, x - 1].style) }
            if x + w < self.width && self[row, x + w].isContinuation { self[row, x + w] = Cell(text: " ", style: self[row, x + w].style) }
            self[row, x] = Cell(text: DisplayText.cellText(character), style: style)
            if w == 2 { self[row, x + 1] = Cell(text: "", style: style, isContinuation: true) }
            x += w
        }
        return x - column
    }

    /// Fills a rectangle with spaces in a style.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        for r in max(0, rect.row)..<min(height, rect.bottom) {
            for c in max(0, rect.column)..<min(width, rect.right) { self[r, c] = Cell(text: " ", style: style) }
        }
    }

    /// A row of text padded to the full width with the style (for headers, selections, bars).
    public mutating func bar(_ text: String, row: Int, column: Int, width: Int, style: Style) {
        fill(Rect(row: row, column: column, width: width, height: 1), style: style)
        put(text, row: row, column: column, width: width, style: style)
    }

    /// A box outline with an optional title; the inside is cleared.
    public mutating func box(_ rect: Rect, title: String = "", style: Style = .plain) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        fill(rect)
        for c in rect.column..<rect.right {
            put("─", row: rect.row, column: c, width: 1, style: style)
            put("─", row: rect.bottom - 1, column: c, width: 1, style: style)
        }
        for r in rect.row..<rect.bottom {
            put("│", row: r, column: rect.column, width: 1, style: style)
            put("│", row: r, column: rect.right - 1, width: 1, style: style)
        }
        put("┌", row: rect.row, column: rect.column, width: 1, style: style)
        put("┐", row: rect.row, column: rect.right - 1, width: 1, style: style)
        put("└", row: rect.bottom - 1, column: rect.column, width: 1, style: style)
        put("┘", row: rect.bottom - 1, column: rect.right - 1, width: 1, style: style)
        if !title.isEmpty { put(" \(title) ", row: rect.row, column: rect.column + 2, width: rect.width - 4, style: .header) }
    }
}
