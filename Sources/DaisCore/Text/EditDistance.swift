/// How far apart two spellings are, for "did you mean" suggestions.
public enum EditDistance {
    /// The optimal string alignment distance: the insertions, deletions, substitutions and swaps of
    /// two neighbours that turn `a` into `b` ("Londn" → "london" is 1). Stops early and answers
    /// `limit + 1` once the distance is certainly above `limit`.
    public static func distance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
        var before = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var best = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d = min(d, before[j - 2] + 1) }
                current[j] = d
                best = min(best, d)
            }
            if best > limit { return limit + 1 }
            (before, previous, current) = (previous, current, before)
        }
        return previous[y.count]
    }

    /// The candidates within `limit` of `text` (a third of its length, at most 2, when not given),
    /// nearest first, then in the order given.
    public static func nearest(_ text: String, among candidates: [String], limit: Int? = nil) -> [String] {
        let limit = limit ?? min(2, max(1, text.unicodeScalars.count / 3))
        return candidates.enumerated()
            .map { (distance: distance(text, $0.element, limit: limit), order: $0.offset, candidate: $0.element) }
            .filter { $0.distance <= limit }
            .sorted { ($0.distance, $0.order) < ($1.distance, $1.order) }
            .map(\.candidate)
    }
}
