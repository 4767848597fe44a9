import ShopDomain

/// The checks every request (a booking, a reschedule) makes of its own
/// fields against the facility snapshot, with the same paths and messages.
public enum RequestChecks {
    /// `request.requestId`, `request.facility`, `request.caller.id`, `request.caller.role` and
    /// `request.caller.permissions[i].permission`, in that order.
    public static func common(
        requestId: String, facility: String, caller: Caller,
        snapshot: BookingSnapshot
    ) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        func add(_ path: String, _ message: String) { issues.append(ValidationIssue(path: path, message: message)) }
        if requestId.isEmpty { add("request.requestId", "must not be empty (it is the idempotency key)") }
        if facility != snapshot.facility.id {
            add("request.facility", "\"\(facility)\" is not the snapshot's facility \"\(snapshot.facility.id)\"")
        }
        if caller.id.isEmpty { add("request.caller.id", "must not be empty") }
        if let role = caller.role, StaffRole(rawValue: role) == nil {
            add(
                "request.caller.role",
                "unknown role \"\(role)\"; use one of \(StaffRole.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        for (i, grant) in caller.permissions.enumerated() where Permission(rawValue: grant.permission) == nil {
            add(
                "request.caller.permissions[\(i)].permission",
                "unknown permission \"\(grant.permission)\"; use one of \(Permission.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        return issues
    }

    /// A wanted start: a local time on a slot boundary.
    public static func start(_ text: String, path: String, slotMinutes: Int) -> (LocalDateTime?, [ValidationIssue]) {
        guard let time = LocalDateTime(text) else {
            return (nil, [ValidationIssue(path: path, message: "\"\(text)\" is not a local time YYYY-MM-DDTHH:MM")])
        }
        if time.minuteOfDay % slotMinutes != 0 {
            return (
                time, [ValidationIssue(path: path, message: "\(time) is not on a \(slotMinutes)-minute slot boundary")]
            )
        }
        return (time, [])
    }

    /// `request.alternatives`: from 0 to 50.
    public static func alternatives(_ count: Int?) -> [ValidationIssue] {
        guard let count, count < 0 || count > 50 else { return [] }
        return [ValidationIssue(path: "request.alternatives", message: "must be from 0 to 50, not \(count)")]
    }
}
