import DaisCore

/// An editable line (or lines) of text with a cursor, as the editor's fields and prompts use it.
/// The cursor counts grapheme clusters, so that é, 王 and 🎉 move and delete as one.
public struct TextField: Hashable, Sendable {
    public private(set) var characters: [Character]
    /// Position of the cursor: 0 ... characters.count.
    public private(set) var cursor: Int
    /// Whether Ctrl-J breaks the line (descriptions, links, notes); Enter leaves the field either way.
    public let multiline: Bool

    public init(_ text: String = "", multiline: Bool = false) {
        characters = Array(text)
        cursor = characters.count
        self.multiline = multiline
    }

    public var text: String {
        get { String(characters) }
        set {
            characters = Array(newValue)
            cursor = characters.count
        }
    }

    /// Applies an editing key; answers false when the key is not an editing key.
    @discardableResult
    public mutating func apply(_ key: Key) -> Bool {
        switch key {
        case .character(let c):
            if c == "\n" || c == "\r" { return false }
            // A combining mark typed on its own joins the character before it (e + ◌́ = é).
            if cursor > 0, c.unicodeScalars.count == 1, let scalar = c.unicodeScalars.first,
               [.nonspacingMark, .spacingMark, .enclosingMark].contains(scalar.properties.generalCategory) {
                characters[cursor - 1] = Character(String(characters[cursor - 1]) + String(c))
                return true
            }
            characters.insert(c, at: cursor)
            cursor += 1
        case .control("j") where multiline:
            characters.insert("\n", at: cursor)
            cursor += 1
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home, .control("a"): cursor = lineStart(cursor)
        case .end, .control("e"): cursor = lineEnd(cursor)
        case .backspace, .control("h"):
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .control("d"):
            guard cursor < characters.count else { return true }
            characters.remove(at: cursor)
        case .control("u"):  // delete to the start of the line
            let start = lineStart(cursor)
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .control("k"):  // delete to the end of the line
            characters.removeSubrange(cursor..<lineEnd(cursor))
        case .control("w"):  // delete the word before the cursor
            var start = cursor
            while start > 0 && characters[start - 1].isWhitespace { start -= 1 }
            while start > 0 && !characters[start - 1].isWhitespace { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .up where multiline:
            let start = lineStart(cursor)
            guard start > 0 else { return true }
            let column = cursor - start
            let previousStart = lineStart(start - 1)
            cursor = min(previousStart + column, start - 1)
        case .down where multiline:
            let end = lineEnd(cursor)
            guard end < characters.count else { return true }
            let column = cursor - lineStart(cursor)
            let nextEnd = lineEnd(end + 1)
            cursor = min(end + 1 + column, nextEnd)
        default:
            return false
        }
        return true
    }

    private func lineStart(_ position: Int) -> Int {
        var i = position
        while i > 0 && characters[i - 1] != "\n" { i -= 1 }
        return i
    }

    private func lineEnd(_ position: Int) -> Int {
        var i = position
        while i < characters.count && characters[i] != "\n" { i += 1 }
        return i
    }

    /// The text as display lines of at most `width` cells, and where the cursor falls (row, column).
    public func layout(width: Int) -> (lines: [String], cursorRow: Int, cursorColumn: Int) {
        var lines: [String] = [""]
        var widths = [0]
        var cursorRow = 0, cursorColumn = 0
        for (i, c) in characters.enumerated() {
            if i == cursor { cursorRow = lines.count - 1; cursorColumn = widths[widths.count - 1] }
            if c == "\n" {
                lines.append("")
                widths.append(0)
                continue
            }
            let shown = DisplayText.inert(String(c))
            let w = DisplayText.width(of: shown)
            if widths[widths.count - 1] + w > width && width > 0 {
                lines.append("")
                widths.append(0)
            }
            lines[lines.count - 1] += shown
            widths[widths.count - 1] += w
        }
        if cursor == characters.count { cursorRow = lines.count - 1; cursorColumn = widths[widths.count - 1] }
        if cursorColumn >= width && width > 0 { cursorColumn = width - 1 }
        return (lines, cursorRow, cursorColumn)
    }
}
