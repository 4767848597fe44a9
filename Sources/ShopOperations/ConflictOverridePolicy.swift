import Foundation

/// The conflict-override rule, one for booking and rescheduling: a request
/// may go ahead despite overridable conflicts when it asks to, its caller
/// holds `OVERRIDE_SCHEDULING_CONFLICT` for the facility, and it gives a
/// reason. Hard conflicts are never lifted; soft ones never block.
public struct ConflictOverridePolicy: Sendable, Hashable {
    /// The request asks for an override.
    public let requested: Bool
    /// The caller holds `OVERRIDE_SCHEDULING_CONFLICT` for the facility.
    public let permitted: Bool
    /// The reason as given (empty when none).
    public let reason: String
    let caller: String
    let facility: String

    public init(_ override: ConflictOverride?, caller: Caller, facility: String) {
        requested = override != nil
        permitted = caller.has(.overrideSchedulingConflict, for: facility)
        reason = override?.reason ?? ""
        self.caller = caller.id
        self.facility = facility
    }

    /// The reason without surrounding spaces: a reason of spaces is none.
    public var trimmedReason: String { reason.trimmingCharacters(in: .whitespaces) }

    /// Overridable conflicts are lifted.
    public var granted: Bool { requested && permitted && !trimmedReason.isEmpty }

    /// Whether the override, had it been granted, would have lifted what
    /// blocks `check`: then refusing it is the answer (``refusals``), not the conflicts.
    public func wouldHelp(_ check: PlacementCheck) -> Bool {
        requested && check.blocking(overrideGranted: true).isEmpty && !check.blocking(overrideGranted: false).isEmpty
    }

    /// Why the override asked for is refused, in a fixed order (permission first).
    public var refusals: [Denial] {
        var refused: [Denial] = []
        if !permitted {
            refused.append(
                Denial(
                    code: .conflictOverrideNotPermitted,
                    message: "\(caller) lacks OVERRIDE_SCHEDULING_CONFLICT for facility \(facility)"))
        }
        if trimmedReason.isEmpty {
            refused.append(Denial(code: .conflictOverrideReasonMissing, message: "a conflict override needs a reason"))
        }
        return refused
    }

    /// Marks `check`'s overridable conflicts overridden, each with a
    /// `ConflictOverridden` audit record giving `auditReason`.
    public func apply(
        to check: inout PlacementCheck, _ audit: inout AuditTrail, appointment: String? = nil,
        auditReason: String
    ) {
        for index in check.conflicts.indices where check.conflicts[index].severity == .overridable {
            check.conflicts[index].overridden = true
            audit.add(
                AuditType.conflictOverridden, appointment: appointment,
                [
                    "code": check.conflicts[index].code.rawValue, "start": check.conflicts[index].start,
                    "reason": auditReason,
                ])
        }
    }
}
