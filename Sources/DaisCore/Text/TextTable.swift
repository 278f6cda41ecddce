/// A plain-text table for command-line output: columns padded by display width, the last one unpadded.
public struct TextTable: Sendable {
    public var header: [String]
    public var rows: [[String]] = []
    /// Columns aligned to the right (numbers).
    public var rightAligned: Set<Int> = []

    public init(header: [String], rightAligned: Set<Int> = []) {
        self.header = header
        self.rightAligned = rightAligned
    }

    public mutating func append(_ row: [String]) { rows.append(row.map { DisplayText.inert($0) }) }

    /// The table as lines joined by "\n", with a final newline.
    public func render() -> String {
        let all = [header] + rows
        let columns = header.count
        var widths = Array(repeating: 0, count: columns)
        for row in all {
            for (i, cell) in row.enumerated() where i < columns { widths[i] = max(widths[i], DisplayText.width(of: cell)) }
        }
        var out = ""
        for row in all {
            var line = ""
            for i in 0..<columns {
                let cell = i < row.count ? row[i] : ""
                let pad = String(repeating: " ", count: widths[i] - DisplayText.width(of: cell))
                if i == columns - 1 {
                    line += rightAligned.contains(i) ? pad + cell : cell
                } else {
                    line += (rightAligned.contains(i) ? pad + cell : cell + pad) + "  "
                }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}

extension String {
    /// The string with its first character uppercased ("arbitrary detention" → "Arbitrary detention").
    public var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
