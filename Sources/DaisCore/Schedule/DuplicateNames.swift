/// A kind of record whose names the possible-duplicate checks compare.
protocol NamedKind {
    associatedtype Record: Sendable
    /// The code of the finding that records of this kind sharing a folded name make.
    static var duplicateCode: FindingCode { get }
    static func records(in catalog: Catalog) -> [Identifier<Self>: Record]
    static func name(of record: Record) -> String
    /// The name folded so that names that may be the same person or organization fold alike.
    static func key(_ name: String) -> String
    static func duplicateDetail(_ members: [(id: Identifier<Self>, name: String)]) -> FindingDetail
}

extension PersonKind: NamedKind {
    static var duplicateCode: FindingCode { .possibleDuplicatePerson }
    static func records(in catalog: Catalog) -> [PersonID: Person] { catalog.people }
    static func name(of person: Person) -> String { person.name }
    static func key(_ name: String) -> String { NameFolding.personKey(name) }
    static func duplicateDetail(_ members: [(id: PersonID, name: String)]) -> FindingDetail { .duplicatePeople(members) }
}

extension OrganizationKind: NamedKind {
    static var duplicateCode: FindingCode { .possibleDuplicateOrganization }
    static func records(in catalog: Catalog) -> [OrganizationID: Organization] { catalog.organizations }
    static func name(of organization: Organization) -> String { organization.name }
    static func key(_ name: String) -> String { NameFolding.organizationKey(name) }
    static func duplicateDetail(_ members: [(id: OrganizationID, name: String)]) -> FindingDetail { .duplicateOrganizations(members) }
}

/// The possible-duplicate check of one kind of record (possible-duplicate-person and
/// possible-duplicate-organization): records filed by folded name, and one finding for each name
/// that more than one record of the catalog holds, kept up to date record by record.
struct DuplicateNames<Kind: NamedKind>: Sendable {
    typealias ID = Identifier<Kind>
    /// Each filed record's folded name.
    private var keys: [ID: String] = [:]
    /// The records filed under each folded name, in the order they were filed.
    private var members: [String: [ID]] = [:]
    /// The finding of each folded name that several records hold.
    private(set) var findings: [String: Finding] = [:]

    init() {}

    /// Every record of the catalog filed, and the finding of every shared name.
    init(_ catalog: Catalog) {
        let records = Kind.records(in: catalog)
        keys.reserveCapacity(records.count)
        members.reserveCapacity(records.count)
        for (id, record) in records {
            let key = Kind.key(Kind.name(of: record))
            keys[id] = key
            members[key, default: []].append(id)
        }
        for (key, ids) in members where ids.count > 1 {
            if let finding = Self.finding(ids, records) { findings[key] = finding }
        }
    }

    /// The finding naming a record, if any.
    func finding(for id: ID) -> Finding? { keys[id].flatMap { findings[$0] } }

    /// Files a record (added, renamed or deleted) under its folded name again, and checks its old
    /// and new names again. Returns the findings that went and those that came.
    mutating func update(_ id: ID, in catalog: Catalog) -> (removed: [Finding], added: [Finding]) {
        let records = Kind.records(in: catalog)
        let old = keys[id], new = records[id].map { Kind.key(Kind.name(of: $0)) }
        if let old {
            members[old]?.removeAll { $0 == id }
            if members[old]?.isEmpty == true { members[old] = nil }
        }
        if let new { members[new, default: []].append(id) }
        keys[id] = new
        var removed: [Finding] = [], added: [Finding] = []
        for key in Set([old, new].compactMap { $0 }) {
            if let finding = findings.removeValue(forKey: key) { removed.append(finding) }
            if let finding = Self.finding(members[key] ?? [], records) {
                findings[key] = finding
                added.append(finding)
            }
        }
        return (removed, added)
    }

    /// The finding for records sharing a folded name; nil when the catalog holds fewer than two.
    private static func finding(_ ids: [ID], _ records: [ID: Kind.Record]) -> Finding? {
        var named: [(id: ID, name: String)] = []
        named.reserveCapacity(ids.count)
        for id in ids { if let record = records[id] { named.append((id, Kind.name(of: record))) } }
        guard named.count > 1 else { return nil }
        named.sort { $0.id < $1.id }
        return Finding(Kind.duplicateCode, Kind.duplicateDetail(named))
    }
}
