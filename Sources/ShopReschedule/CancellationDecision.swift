import Foundation
import ShopDomain
import ShopOperations

/// The answer to a cancellation or a no-show (`shopsched.cancellation-decision/1`):
/// what the backend persists as it is.
///
/// Invariants: ``appointment`` is present exactly when the outcome is
/// `cancelled` or `no-show`; ``denials`` is non-empty exactly when it is `denied`.
public struct CancellationDecision: Codable, Hashable, Sendable {
    public static let formatName = "shopsched.cancellation-decision/1"

    public var format: String = CancellationDecision.formatName
    public var requestId: String
    public var outcome: Outcome
    /// The appointment as it is to be stored: the new status, its version one more.
    public var appointment: BookedAppointment?
    /// The source's status restored (an estimate back to `APPROVED`); absent when unchanged.
    public var sourceUpdate: SourceUpdate?
    /// What the appointment held and gives back (its claims): the time a refill can use.
    public var freed: [Claim]
    public var denials: [Denial]
    public var warnings: [Warning]
    public var events: [ReleaseEvent]
    public var outbox: NotificationOutbox
    public var audit: [AuditRecord]
    /// Its work order's cleared planned time, for Work Execution.
    public var workOrderUpdates: [WorkOrderPlanUpdated]?

    public enum Outcome: String, Codable, Hashable, Sendable {
        case cancelled
        case noShow = "no-show"
        case denied
    }
}
