import ShopDomain
import ShopPlanner

/// Whether a decision's claims still hold on a newer snapshot: one placement
/// check at the claimed start (the same ``Conflicts`` rules booking and
/// rescheduling apply, so nothing is decided twice in two ways), plus the
/// claimed bay and the claimed mechanic themselves, which must still be free
/// (a different free bay would be a different decision). Alternatives are
/// looked up only when a claim is lost.
public enum ClaimCheck {
    /// Whether a decision's claims still hold in a newer snapshot, and if not, why and where else.
    ///
    /// - Parameters:
    ///   - requestId: the decision's request id (the answer carries it).
    ///   - claims: the decision's claims (one bay, one mechanic when it needs one, capacity).
    ///   - basis: the decision's basis, recomputed on `snapshot` to say whether it moved.
    ///   - snapshot: the newer snapshot, as the backend sends it.
    ///   - facility: the newer snapshot, validated, without the claimed appointment
    ///     (its own earlier or committed placement holds nothing against itself).
    ///   - work: the appointment as work to place (its needs, its customer).
    ///   - overrideGranted: the decision overrode overridable conflicts (they do not block now either).
    ///   - now: the current time; a claim that has started no longer holds.
    ///   - count: how many fresh alternatives to offer when a claim is lost.
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
        let claimedMechanic = mechanicID.flatMap { id in facility.scenario.mechanics.firstIndex { $0.id == id } }
        var job = work
        job.preferredStarts = [start]
        job.preferredMechanic = claimedMechanic
        let model = try ShopState(facility, placing: job)
        let strategy: AssignmentStrategy = mechanicID == nil ? .deferred : .auto
        var check = Conflicts.check(model, start: start, now: now, strategy: strategy, soft: false)
        let end = check.end ?? start.adding(minutes: job.durationMinutes)
        let instance = model.instance, s = check.slot
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
                if b == nil || !model.isBayFree(b!, start: s, mechanic: claimedMechanic) {
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
                if m == nil || !model.isMechanicFree(m!, start: s) {
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
