import DaisCore

/// One cell a terminal must draw.
public struct CellUpdate: Hashable, Sendable {
    public let row: Int
    public let column: Int
    public let cell: Cell

    public init(row: Int, column: Int, cell: Cell) {
        self.row = row
        self.column = column
        self.cell = cell
    }
}

extension Screen {
    /// What a terminal showing `previous` must draw to show this screen: whether to clear it first
    /// (no previous screen, or one of another size), and the cells to draw, row by row.
    ///
    /// - A cell is drawn when it differs from the previous screen's at its place; a cell that was the
    ///   right half of a wide character and is now a character of its own differs, so it is drawn.
    /// - The right half of a wide character is never drawn: drawing the wide character fills it.
    /// - A wide character that has no room for its right half (in the last column, or not followed
    ///   by its continuation) is drawn as a space, so that the terminal never wraps or spills it.
    /// - A cell without text (zero width) is drawn as a space.
    public func changes(from previous: Screen?) -> (clear: Bool, updates: [CellUpdate]) {
        let clear = previous == nil || previous!.width != width || previous!.height != height
        var updates: [CellUpdate] = []
        for row in 0..<height {
            for column in 0..<width {
                let cell = self[row, column]
                if cell.isContinuation { continue }
                if !clear, let previous, previous[row, column] == cell { continue }
                updates.append(CellUpdate(row: row, column: column, cell: drawable(cell, row: row, column: column)))
            }
        }
        return (clear, updates)
    }

    /// The cell as it can be drawn at its place (see `changes(from:)`).
    private func drawable(_ cell: Cell, row: Int, column: Int) -> Cell {
        if cell.text.isEmpty { return Cell(text: " ", style: cell.style) }
        let wide = cell.text.first.map { DisplayText.width(of: $0) == 2 } ?? false
        if wide && (column + 1 >= width || !self[row, column + 1].isContinuation) { return Cell(text: " ", style: cell.style) }
        return cell
    }
}
