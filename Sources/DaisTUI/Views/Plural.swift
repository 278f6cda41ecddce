/// Counts and nouns in the console's messages: "1 person", "2 people", "no panels".
enum Plural {
    /// "0 errors", "1 error", "2 errors"; `plural` for nouns that do not take an s ("people").
    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) \(noun(n, singular, plural))"
    }

    /// The noun alone, singular or plural for `n`.
    static func noun(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        n == 1 ? singular : (plural ?? singular + "s")
    }
}
