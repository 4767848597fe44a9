import ShopDomain
import ShopPlanner

/// The answer to "do this decision's claims still hold in a newer snapshot?"
/// (`shopsched.revalidation/1`): for each claim whether it holds, the
/// conflicts when not, and fresh alternatives to offer instead.
public struct Revalidation: Codable, Hashable, Sendable {
    public static let formatName = "shopsched.revalidation/1"

    public var format: String = Revalidation.formatName
    /// The decision's request.
    public var requestId: String
    /// The created or moved appointment; absent when the decision claimed nothing.
    public var appointmentId: String?
    public var outcome: Outcome
    /// The decision's basis, and the same parts of the newer snapshot: equal
    /// fingerprints mean nothing the decision relied on has changed.
    public var basis: DecisionBasis?
    public var currentBasis: DecisionBasis?
    public var basisUnchanged: Bool
    public var claims: [ClaimStatus]
    /// What stands in the way now (hard, and overridable ones the decision did not override).
    public var conflicts: [Conflict]
    /// Fresh starts with nothing blocking, ranked as in booking (when a claim is lost).
    public var alternatives: [Alternative]

    public enum Outcome: String, Codable, Hashable, Sendable {
        /// Every claim holds: commit the decision.
        case holds
        /// A claim is lost: do not commit; offer the alternatives or decide again.
        case conflicts
        /// The decision created or moved nothing (it was denied or blocked), so there is nothing to commit.
        case nothingClaimed = "nothing-claimed"
    }

    public struct ClaimStatus: Codable, Hashable, Sendable {
        public var claim: Claim
        public var holds: Bool
        /// The conflict codes that break it.
        public var conflicts: [ConflictCode]
    }

    public init(
        requestId: String, appointmentId: String?, outcome: Outcome, basis: DecisionBasis?,
        currentBasis: DecisionBasis?, claims: [ClaimStatus], conflicts: [Conflict], alternatives: [Alternative]
    ) {
        self.requestId = requestId
        self.appointmentId = appointmentId
        self.outcome = outcome
        self.basis = basis
        self.currentBasis = currentBasis
        self.basisUnchanged = basis != nil && basis == currentBasis
        self.claims = claims
        self.conflicts = conflicts
        self.alternatives = alternatives
    }

    /// A decision that claimed nothing.
    public static func nothingClaimed(requestId: String, basis: DecisionBasis?, in snapshot: BookingSnapshot)
        -> Revalidation
    {
        Revalidation(
            requestId: requestId, appointmentId: nil, outcome: .nothingClaimed, basis: basis,
            currentBasis: basis?.recomputed(in: snapshot), claims: [], conflicts: [], alternatives: [])
    }
}

/// Whether a decision's claims still hold on a newer snapshot: one placement
/// check at the claimed start (the same ``Conflicts`` rules booking and
/// rescheduling apply, so nothing is decided twice in two ways), plus the
/// claimed bay and the claimed mechanic themselves, which must still be free
/// (a different free bay would be a different decision). Alternatives are
/// looked up only when a claim is lost.
public enum ClaimCheck {
    /// - Parameters:
    ///   - facility: the newer snapshot, validated, without the claimed appointment
    ///     (its own earlier or committed placement holds nothing against itself).
    ///   - work: the appointment as work to place (its needs, its customer).
    ///   - claims: the decision's claims (one bay, one mechanic when it needs one, capacity).
    ///   - overrideGranted: the decision overrode overridable conflicts (they do not block now either).
    ///   - excluding: a start never offered as an alternative (a moved appointment's old one).
    public static func revalidate(
        requestId: String, claims: [Claim], basis: DecisionBasis?, snapshot: BookingSnapshot,
        facility: ValidatedFacility, work: JobToPlace, overrideGranted: Bool, now: LocalDateTime,
        alternatives count: Int, excluding: LocalDateTime? = nil
    ) throws(InputError) -> Revalidation {
        let current = basis?.recomputed(in: snapshot)
        guard let first = claims.first, let start = LocalDateTime(first.start) else {
            return .nothingClaimed(requestId: requestId, basis: basis, in: snapshot)
        }
        let bayID = claims.first { $0.kind == .bay }?.resource
        let mechanicID = claims.first { $0.kind == .mechanic }?.resource
        var job = work
        job.preferredStarts = [start]
        job.preferredMechanic = mechanicID.flatMap { id in facility.scenario.mechanics.firstIndex { $0.id == id } }
        let model = try ShopState(facility, placing: job)
        let strategy: AssignmentStrategy = mechanicID == nil ? .deferred : .auto
        var check = Conflicts.check(model, start: start, now: now, strategy: strategy, soft: false)
        let end = start.adding(minutes: job.durationMinutes)
        let instance = model.instance, occupancy = model.occupancy, r = model.newJob, s = check.slot
        let range = model.range(s)
        let inGrid = s >= 0 && range.upperBound <= instance.slotCount
        func add(_ code: ConflictCode, _ resources: [String], _ message: String) {
            check.conflicts.append(
                Conflict(
                    code: code, severity: code.severity, start: start.description, end: end.description,
                    resources: resources.sorted(), message: message))
        }
        // Who holds a resource now, for the message.
        func holders(_ matches: (ValidatedFacility.Booked) -> Bool) -> [String] {
            facility.appointments.filter { $0.status.isActive && matches($0) && $0.start < end && start < $0.end }
                .map(\.file.id)
        }
        let timeCodes: Set<ConflictCode> = [.outsideBookingHorizon, .outsideOperatingHours]
        if inGrid, !check.conflicts.contains(where: { timeCodes.contains($0.code) }) {
            if let bayID {
                let b = facility.scenario.bays.firstIndex { $0.id == bayID }
                if b == nil || !(instance.bayAvailable(job: r, bay: b!, start: s) && occupancy.isBayFree(b!, range)) {
                    let taken = b == nil ? [] : holders { $0.bay == b }
                    add(
                        .claimedBayTaken, [bayID] + taken,
                        b == nil
                            ? "\(bayID) is no longer in the snapshot"
                            : taken.isEmpty
                                ? "\(bayID) is out of service or no longer suits the work \(start.minuteOfDayText)–\(end.minuteOfDayText)"
                                : "\(bayID) is taken \(start.minuteOfDayText)–\(end.minuteOfDayText) by \(taken.joined(separator: ", "))"
                    )
                }
            }
            if let mechanicID {
                let m = facility.scenario.mechanics.firstIndex { $0.id == mechanicID }
                if m == nil
                    || !(instance.mechanicAvailable(job: r, mechanic: m!, start: s)
                        && occupancy.isMechanicFree(m!, range))
                {
                    let taken = m == nil ? [] : holders { $0.mechanic == m }
                    add(
                        .claimedMechanicTaken, [mechanicID] + taken,
                        m == nil
                            ? "\(mechanicID) is no longer in the snapshot"
                            : taken.isEmpty
                                ? "\(facility.name(ofMechanic: m!)) is off shift, inactive or lacks a required skill \(start.minuteOfDayText)–\(end.minuteOfDayText)"
                                : "\(facility.name(ofMechanic: m!)) is taken \(start.minuteOfDayText)–\(end.minuteOfDayText) by \(taken.joined(separator: ", "))"
                    )
                }
            }
        }
        let blocking = check.blocking(overrideGranted: overrideGranted)
        let codes = Set(blocking.map(\.code))
        let statuses = claims.map { claim in
            var broken = blocking.filter { timeCodes.contains($0.code) || $0.code == .customerDoubleBooked }
                .map(\.code)
            switch claim.kind {
            case .bay:
                broken += codes.intersection([.claimedBayTaken, .noEligibleBay]).sorted { $0.rawValue < $1.rawValue }
            case .mechanic:
                broken += codes.intersection([.noMechanicFree, .claimedMechanicTaken]).sorted {
                    $0.rawValue < $1.rawValue
                }
            case .capacity: broken += codes.intersection([.capacityExceeded]).sorted { $0.rawValue < $1.rawValue }
            }
            return Revalidation.ClaimStatus(claim: claim, holds: broken.isEmpty, conflicts: broken)
        }
        let holds = blocking.isEmpty
        return Revalidation(
            requestId: requestId, appointmentId: first.appointmentId, outcome: holds ? .holds : .conflicts,
            basis: basis, currentBasis: current, claims: statuses, conflicts: holds ? [] : blocking,
            alternatives: holds
                ? [] : Alternatives.plain(model, now: now, strategy: strategy, count: count, excluding: excluding))
    }
}

/// Revalidates decisions (booking's in ShopBooking, a reschedule's in
/// ShopReschedule): whether what a decision created or moved still fits a
/// newer snapshot, for instance after another advisor's booking was committed.
public struct Revalidator: Sendable {
    public var clock: any ShopClock
    /// Alternatives offered when a claim is lost (3).
    public var alternatives: Int

    public init(clock: any ShopClock, alternatives: Int = 3) {
        self.clock = clock
        self.alternatives = alternatives
    }

    /// The newer snapshot, validated, after the decision file's own checks: every problem at once.
    public static func validated(_ snapshot: BookingSnapshot, claims: [Claim], format: String, expected: String)
        throws(InputError) -> ValidatedFacility
    {
        let (validated, facilityIssues) = ValidatedFacility.check(snapshot)
        let issues = check(claims, format: format, expected: expected) + facilityIssues
        guard issues.isEmpty, let validated else { throw InputError(issues) }
        return validated
    }

    /// A decision file's own checks: its format and its claims' times (paths `decision.…`).
    public static func check(_ claims: [Claim], format: String, expected: String) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if format != expected {
            issues.append(
                ValidationIssue(path: "decision.format", message: "expected \"\(expected)\", found \"\(format)\""))
        }
        for (i, claim) in claims.enumerated() {
            for (name, text) in [("start", claim.start), ("end", claim.end)] where LocalDateTime(text) == nil {
                issues.append(
                    ValidationIssue(
                        path: "decision.claims[\(i)].\(name)",
                        message: "\"\(text)\" is not a local time YYYY-MM-DDTHH:MM"))
            }
        }
        return issues
    }
}
