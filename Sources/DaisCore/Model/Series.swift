/// A run of panels under one name: "Magnitsky Month 2024".
public struct Series: Hashable, Sendable, Identifiable {
    public var id: SeriesID
    public var name: String
    /// The organization that hosts the series; a panel without its own host is hosted by it.
    public var host: OrganizationID?
    public var description: String?
    /// Where the series' audience is (IANA ids; format 2): the slot finder scores their daytime.
    /// Empty: the audience is where each panel is announced, its own zone.
    public var audienceZones: [String]

    public init(id: SeriesID, name: String, host: OrganizationID? = nil, description: String? = nil, audienceZones: [String] = []) {
        self.id = id
        self.name = name
        self.host = host
        self.description = description
        self.audienceZones = audienceZones
    }
}
