import ShopDomain
import ShopOperations

/// Revalidating booking decisions (``/ShopOperations/Revalidator``).
extension Revalidator {
    /// Whether `decision`'s claims hold in `snapshot` (newer than the one it was
    /// decided on); the conflicts and fresh alternatives when not. Throws
    /// ``/ShopDomain/InputError`` for a malformed snapshot or decision (paths `decision.…`).
    public func revalidate(_ decision: BookingDecision, in snapshot: BookingSnapshot) throws(InputError)
        -> Revalidation
    {
        let validated = try Self.validated(
            snapshot, claims: decision.claims, format: decision.format, expected: BookingDecision.formatName)
        guard decision.outcome == .created, let a = decision.appointment else {
            return .nothingClaimed(requestId: decision.requestId, basis: decision.basis, in: snapshot)
        }
        // Once committed, the appointment is in the snapshot: it does not stand in its own way.
        let others = validated.removingAppointments { $0.id == a.id || $0.requestKey == a.requestKey }
        let lines = validated.sourceLines(
            of: BookedAppointment(
                id: a.id, start: a.start, durationMinutes: a.durationMinutes, bay: "", estimateId: a.estimateId,
                workOrderId: a.workOrderId))
        let bay = a.bay ?? a.mobileUnit ?? ""
        let bayType = validated.scenario.bays.first { $0.id == bay }?.type
        let work = JobToPlace(
            jobID: "REQUEST " + decision.requestId, label: a.id, customerId: a.customerId,
            durationMinutes: a.durationMinutes, requiredSkills: a.requiredSkills,
            preferredSkills: SkillRule.preferredSkills(lines ?? []),
            bayTypes: lines.map { ServiceLine.bayTypes(of: $0) } ?? bayType.map { [$0] } ?? [],
            preferredStarts: [], resumable: a.resumable == true)
        return try ClaimCheck.revalidate(
            requestId: decision.requestId, claims: decision.claims, basis: decision.basis, snapshot: snapshot,
            facility: others, work: work, overrideGranted: decision.conflicts.contains(where: \.overridden),
            now: clock.now(timeZone: snapshot.facility.timeZone), alternatives: alternatives)
    }
}
