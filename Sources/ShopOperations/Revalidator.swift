import ShopDomain
import ShopPlanner

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
