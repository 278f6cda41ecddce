/// A host, co-sponsor or partner: "Human Rights First" (HRF).
public struct Organization: Hashable, Sendable, Identifiable {
    public var id: OrganizationID
    public var name: String
    public var shortName: String?
    public var url: String?

    public init(id: OrganizationID, name: String, shortName: String? = nil, url: String? = nil) {
        self.id = id
        self.name = name
        self.shortName = shortName
        self.url = url
    }

    /// "Human Rights First (HRF)" or just the name.
    public var displayName: String {
        guard let short = shortName, !short.isEmpty, short != name else { return name }
        return "\(name) (\(short))"
    }
}
