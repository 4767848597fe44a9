import ShopDomain
import ShopOperations

/// Revalidating reschedule decisions (``/ShopOperations/Revalidator``).
extension Revalidator {
    /// Whether the move `decision` made still fits `snapshot` (newer than the
    /// one it was decided on): the moved appointment's claims at its new time,
    /// against everything else booked since. The appointment itself, where it
    /// was or where it went, holds nothing against its own claims. Fresh
    /// alternatives never offer its old start (that is no move); the caller's
    /// notice rules apply when the move is requested again.
    public func revalidate(_ decision: RescheduleDecision, in snapshot: BookingSnapshot) throws(InputError)
        -> Revalidation
    {
        let validated = try Self.validated(
            snapshot, claims: decision.claims, format: decision.format, expected: RescheduleDecision.formatName)
        guard decision.outcome == .rescheduled, let moved = decision.appointment else {
            return .nothingClaimed(requestId: decision.requestId, basis: decision.basis, in: snapshot)
        }
        let others = validated.removingAppointments { $0.id == moved.id }
        let lines = validated.sourceLines(of: moved)
        let bayType = validated.scenario.bays.first { $0.id == moved.bay }?.type
        let work = JobToPlace(
            jobID: "REQUEST " + decision.requestId, label: "RESCHEDULE " + moved.id, customerId: moved.customerId,
            durationMinutes: moved.durationMinutes,
            requiredSkills: moved.requiredSkills ?? SkillRule.requiredSkills(lines ?? []),
            preferredSkills: SkillRule.preferredSkills(lines ?? []),
            bayTypes: lines.map { ServiceLine.bayTypes(of: $0) } ?? bayType.map { [$0] } ?? [],
            preferredStarts: [], needsMechanic: moved.needsMechanic != false, resumable: moved.resumable == true)
        return try ClaimCheck.revalidate(
            requestId: decision.requestId, claims: decision.claims, basis: decision.basis, snapshot: snapshot,
            facility: others, work: work, overrideGranted: decision.conflicts.contains(where: \.overridden),
            now: clock.now(timeZone: snapshot.facility.timeZone), alternatives: alternatives,
            excluding: decision.update.flatMap { LocalDateTime($0.fromStart) })
    }
}
