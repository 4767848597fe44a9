import Foundation
import ShopDomain
import ShopOperations

/// The audit record type names of cancellations and no-shows.
public enum CancellationAuditType {
    public static let attempted = "AppointmentCancellationAttempted"
    public static let denied = "AppointmentCancellationDenied"
    public static let cancelled = "AppointmentCancelled"
    public static let noShow = "AppointmentMarkedNoShow"
    public static let sourceRestored = "SourceStatusRestored"
}
