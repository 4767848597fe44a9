import Foundation
import ShopOperations

/// Rule 2: how long the appointment takes.
///
/// Precedence: Work Execution → the estimate (sum of its lines) → the service
/// type's standard duration (per line without an estimate) → the caller's
/// override. When Work Execution and the estimate differ by more than 20 % of
/// the estimate or more than 30 minutes, Work Execution is used and a warning
/// says so. An override within ±25 % of the duration it replaces needs a
/// reason; beyond that it also needs `APPROVE_DURATION_OVERRIDE`.
enum DurationRule {
    struct Outcome: Equatable {
        var minutes: Int
        /// Where ``minutes`` came from: `WORK_EXECUTION`, `ESTIMATE`, `STANDARD`, `OVERRIDE`.
        var basis: String
        var warnings: [Warning]
        var denials: [Denial]
    }

    /// More than 20 % of the estimate or more than 30 minutes apart (exactly 20 % or 30 minutes is not).
    static func mismatch(workExecution: Int, estimate: Int) -> Bool {
        let difference = abs(workExecution - estimate)
        return difference * 100 > estimate * 20 || difference > 30
    }

    /// Within ±25 % of `base`, edges included.
    static func overrideWithinTolerance(_ minutes: Int, base: Int) -> Bool {
        abs(minutes - base) * 100 <= base * 25
    }

    static func decide(_ booking: ValidatedBooking) -> Outcome {
        let source = booking.source
        let standard = booking.policy.standardDurations ?? [:]
        // Validation guarantees every line has an estimate or a standard unless
        // Work Execution or an override gives the whole.
        let fromLines = source.lines.map { $0.estimatedMinutes ?? standard[$0.serviceType] ?? 0 }.reduce(0, +)
        let allEstimated = source.lines.allSatisfy { $0.estimatedMinutes != nil }
        var minutes = fromLines
        var basis = allEstimated ? "ESTIMATE" : "STANDARD"
        var warnings: [Warning] = []
        var denials: [Denial] = []
        if let workExecution = source.workExecutionMinutes {
            // Standard durations stand in for missing line estimates here too: they are what would be used.
            if fromLines > 0, mismatch(workExecution: workExecution, estimate: fromLines) {
                warnings.append(
                    Warning(
                        code: "DURATION_MISMATCH",
                        message:
                            "Work Execution expects \(workExecution) min, the estimate \(fromLines) min; using Work Execution"
                    ))
            }
            minutes = workExecution
            basis = "WORK_EXECUTION"
        }
        if let override = booking.request.durationOverride {
            let reason = override.reason ?? ""
            if reason.trimmingCharacters(in: .whitespaces).isEmpty {
                denials.append(
                    Denial(
                        code: .durationOverrideReasonMissing,
                        message: "a duration override (\(override.minutes) min) needs a reason"))
            }
            if minutes > 0, !overrideWithinTolerance(override.minutes, base: minutes),
                !booking.request.caller.has(.approveDurationOverride, for: booking.request.facility)
            {
                denials.append(
                    Denial(
                        code: .durationOverrideNotApproved,
                        message:
                            "overriding \(minutes) min with \(override.minutes) min is beyond ±25 % and needs APPROVE_DURATION_OVERRIDE"
                    ))
            }
            minutes = override.minutes
            basis = "OVERRIDE"
        }
        return Outcome(minutes: minutes, basis: basis, warnings: warnings, denials: denials)
    }
}
