import ShopOperations

extension AppointmentStatus {
    /// The states the assignment view shows (cancelled ones only on request).
    public static let shown: [AppointmentStatus] = [.scheduled, .confirmed, .inProgress, .awaitingParts, .ready]
}
