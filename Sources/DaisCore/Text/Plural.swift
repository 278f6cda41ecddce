/// Counts and nouns in messages: "1 person", "2 people", "no panels".
public enum Plural {
    /// "0 errors", "1 error", "2 errors"; `plural` for nouns that do not take an s ("people").
    public static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) \(noun(n, singular, plural))"
    }

    /// The noun alone, singular or plural for `n`.
    public static func noun(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        n == 1 ? singular : (plural ?? singular + "s")
    }
}
