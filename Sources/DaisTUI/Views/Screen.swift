/// An in-memory grid of cells that views render into; the terminal backend draws only what changed.
public struct Screen: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should blink (a text being typed), or nil to hide it.
    public var cursor: Position?

    /// A cell position.
    public struct Position: Hashable, Sendable {
        public let row: Int
        public let column: Int

        public init(row: Int, column: Int) {
            self.row = row
            self.column = column
        }
    }

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    public subscript(row: Int, column: Int) -> Cell {
        get { cells[row * width + column] }
        set { cells[row * width + column] = newValue }
    }

    /// The rows as plain text (wide characters once, their continuation cells skipped), trailing spaces trimmed.
    public var lines: [String] {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width {
                let cell = self[row, column]
                if !cell.isContinuation { line += cell.text }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }
}

/// One screen cell: the text it shows (one grapheme, possibly with combining marks) and its style.
public struct Cell: Hashable, Sendable {
    public var text: String = " "
    public var style: Style = .plain
    /// True for the right half of a wide character.
    public var isContinuation = false

    public init(text: String = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.text = text
        self.style = style
        self.isContinuation = isContinuation
    }
}

/// How a cell looks, by meaning; the backend maps meanings to colors or to monochrome attributes.
public enum Style: Hashable, Sendable {
    case plain, bold, dim, selected, header, error, warning, accent
}
