import ShopDomain

/// Which work is booked to pause over closed time and off-shift time, its car kept
/// on its bay (contract §7, ``JobToPlace/resumable``): work longer than the shop's
/// longest open stretch (it could not be booked otherwise), and work whose every
/// service line is of a type the policy lets carry over
/// (``BookingPolicy/carryOverServiceTypes``; default none).
public enum CarryOverRule {
    /// Whether work of `lines` taking `durationMinutes` in `facility`'s shop may pause.
    public static func mayPause(_ lines: [ServiceLine], durationMinutes: Int, in facility: ValidatedFacility) -> Bool {
        if durationMinutes > longestOpenMinutes(facility.scenario.facility) { return true }
        let types = Set(facility.policy.carryOverServiceTypes ?? [])
        return !lines.isEmpty && lines.allSatisfy { types.contains($0.serviceType) }
    }

    /// The longest stretch of open time of the shop's days, in minutes (ranges that
    /// touch count as one, as on the slot grid); 0 when it never opens.
    public static func longestOpenMinutes(_ facility: Scenario.Facility) -> Int {
        (OpenTime.runs(OpenTime.openSlots(facility)).map(\.count).max() ?? 0) * facility.slotMinutes
    }
}
