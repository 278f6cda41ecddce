/// A store of one's own, empty but for what is worth setting at once: the organization that hosts
/// most panels (made the host of a first series) and the zones times are shown in.
public enum NewStore {
    /// The catalog `dais init` writes: display zones (none: the defaults), waking hours (nil: the
    /// default), and a host organization with a series it hosts when a name is given.
    public static func catalog(displayZones: [Zone], hostName: String?, wakingHours: WakingHours?) -> Catalog {
        var catalog = Catalog(settings: Settings(wakingHours: wakingHours, displayZones: displayZones.isEmpty ? nil : displayZones.map(\.identifier)))
        if let name = hostName?.trimmingSpaces, !name.isEmpty {
            let id = Slug.organizationID(name: name, shortName: nil, in: catalog)
            catalog.organizations[id] = Organization(id: id, name: name)
            let series = Slug.seriesID(name: "\(name) panels", in: catalog)
            catalog.series[series] = Series(id: series, name: "\(name) panels", host: id)
        }
        return catalog
    }

    /// Writes the catalog as a new store at `path`, making its folders; an existing file is never
    /// replaced (`refusedOverwrite`).
    public static func create(_ catalog: Catalog, at path: String) throws(StoreError) {
        try FileIO.makeFolders(FileIO.parentFolder(of: path))
        try FileIO.writeAtomically(StoreEncoder.encode(catalog), to: path, backup: nil, exclusive: true)
    }
}
