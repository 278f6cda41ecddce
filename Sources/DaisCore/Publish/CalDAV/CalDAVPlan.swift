/// What a push does, decided from three lists: the resources the store gives now, the calendar's
/// members with their ETags, and what this machine last put there (`CalDAVState`). Pure: the
/// requests are made by `CalDAVPush`.
///
/// A resource changed on the server since the last push (its ETag is not the one recorded) is not
/// overwritten or removed: it is reported, unless `force`. Resources this machine never pushed but
/// that carry Dais's prefix (pushed from another organizer's copy of the store) are taken over.
struct CalDAVPlan {
    enum Action: Equatable {
        /// PUT with `If-None-Match: *`: there is none yet.
        case create(CalDAVResource)
        /// PUT with `If-Match`: the server's copy is the one expected.
        case update(CalDAVResource, ifMatch: String)
        /// DELETE with `If-Match`.
        case delete(name: String, ifMatch: String)

        var name: String {
            switch self {
            case .create(let resource), .update(let resource, _): return resource.name
            case .delete(let name, _): return name
            }
        }
    }

    enum Conflict: Equatable {
        /// Changed on the server since the last push, and changed in the store too.
        case changedOnServer(name: String, title: String?)
        /// Removed on the server since the last push; the store still publishes it.
        case deletedOnServer(name: String, title: String)
    }

    var actions: [Action] = []
    var unchanged: [String] = []
    var conflicts: [Conflict] = []
    /// Changed on the server since the last push while the store's panel did not change: left as
    /// the server has it.
    var changedOnServerOnly: [(name: String, title: String)] = []
    /// Recorded as pushed, gone from both the store and the server: only forgotten.
    var forgotten: [String] = []

    init(resources: [CalDAVResource], server: [String: String], pushed: CalDAVState, force: Bool) {
        var wanted: Set<String> = []
        for resource in resources {
            wanted.insert(resource.name)
            let recorded = pushed.entries[resource.name]
            guard let etag = server[resource.name] else {
                if recorded == nil || force {
                    actions.append(.create(resource))
                } else {
                    conflicts.append(.deletedOnServer(name: resource.name, title: resource.title))
                }
                continue
            }
            guard let recorded else {
                actions.append(.update(resource, ifMatch: etag))
                continue
            }
            if recorded.etag == etag || force {
                if recorded.etag == etag && recorded.hash == resource.hash {
                    unchanged.append(resource.name)
                } else {
                    actions.append(.update(resource, ifMatch: etag))
                }
            } else if recorded.hash == resource.hash {
                changedOnServerOnly.append((resource.name, resource.title))
            } else {
                conflicts.append(.changedOnServer(name: resource.name, title: resource.title))
            }
        }
        // Dais's resources the store no longer publishes, on the server or recorded as pushed.
        let ours = Set(pushed.entries.keys).union(server.keys.filter { $0.hasPrefix(CalDAVResource.prefix) })
        for name in ours.subtracting(wanted).sorted() {
            guard let etag = server[name] else { forgotten.append(name); continue }
            let recorded = pushed.entries[name]
            if recorded == nil || recorded!.etag == etag || force {
                actions.append(.delete(name: name, ifMatch: etag))
            } else {
                conflicts.append(.changedOnServer(name: name, title: nil))
            }
        }
    }
}
