import DaisCore
import Testing
@testable import DaisTUI

/// What a terminal is told to draw between two screens (`Screen.changes(from:)`), cell by cell.
@Suite("The screen diff")
struct ScreenDiffTests {
    /// A one-row screen with `text` written from the first column.
    func row(_ text: String, width: Int = 6) -> Screen {
        var screen = Screen(width: width, height: 1)
        screen.put(text, row: 0, column: 0, width: width)
        return screen
    }

    /// The updates as "column:text" strings.
    func drawn(_ new: Screen, over old: Screen?) -> [String] {
        new.changes(from: old).updates.map { "\($0.column):\($0.cell.text)" }
    }

    @Test("the same screen twice draws nothing; the first screen, or one of another size, clears and draws every cell")
    func sameAndFirst() {
        let screen = row("abc")
        #expect(drawn(screen, over: screen).isEmpty)
        #expect(screen.changes(from: screen).clear == false)
        let first = screen.changes(from: nil)
        #expect(first.clear && first.updates.count == 6)
        let resized = screen.changes(from: row("abc", width: 7))
        #expect(resized.clear && resized.updates.count == 6)
    }

    @Test("only the cells that changed are drawn, row by row, and a change of style alone counts")
    func changedCells() {
        var two = Screen(width: 3, height: 2)
        two.put("abc", row: 0, column: 0, width: 3)
        two.put("def", row: 1, column: 0, width: 3)
        var changed = two
        changed.put("x", row: 1, column: 2, width: 1)
        changed.put("a", row: 0, column: 0, width: 1, style: .error)
        #expect(changed.changes(from: two).updates.map { "\($0.row),\($0.column):\($0.cell.text)" } == ["0,0:a", "1,2:x"])
    }

    @Test("a wide character is drawn once, from its left cell; its right half never")
    func wideCharacter() {
        #expect(drawn(row("a界b"), over: row("abcd")) == ["1:界", "3:b"])
        #expect(drawn(row("a界b"), over: row("a界b")).isEmpty)
        let first = row("界").changes(from: nil).updates.map(\.column)
        #expect(!first.contains(1), "the continuation cell is not drawn")
    }

    @Test("a wide character replaced by two narrow ones draws both: the right half has become a character")
    func wideToNarrow() {
        #expect(drawn(row("xy"), over: row("界")) == ["0:x", "1:y"])
        #expect(drawn(row("x"), over: row("界")) == ["0:x", "1: "])
    }

    @Test("two narrow characters replaced by a wide one draw it alone; the next change after it is drawn too")
    func narrowToWide() {
        #expect(drawn(row("界z"), over: row("xyz")) == ["0:界"])
        #expect(drawn(row("界w"), over: row("xyz")) == ["0:界", "2:w"])
        #expect(drawn(row("a界"), over: row("界b")) == ["0:a", "1:界"])
    }

    @Test("a wide character in the last column, or without its right half, is drawn as a space")
    func lastColumn() {
        var screen = Screen(width: 3, height: 1)
        screen.put("ab", row: 0, column: 0, width: 3)
        screen[0, 2] = Cell(text: "界")
        #expect(drawn(screen, over: row("abc", width: 3)) == ["2: "])
        var orphan = Screen(width: 4, height: 1)
        orphan[0, 0] = Cell(text: "界")
        orphan[0, 1] = Cell(text: "b")
        #expect(drawn(orphan, over: row("xyzw", width: 4)).prefix(2) == ["0: ", "1:b"])
        // Screen.put itself never leaves a wide character where it cannot be drawn.
        var clipped = Screen(width: 3, height: 1)
        clipped.put("ab界", row: 0, column: 0, width: 3)
        #expect(clipped.lines == ["ab…"])
    }

    @Test("a cell without text is drawn as a space")
    func emptyCell() {
        var screen = row("ab")
        screen[0, 1] = Cell(text: "")
        #expect(drawn(screen, over: row("ab")) == ["1: "])
    }
}
