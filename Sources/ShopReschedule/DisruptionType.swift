public enum DisruptionType: String, Codable, Hashable, Sendable, CaseIterable {
    /// `mechanic` is unavailable from `from` until `until` (default: the end of the day).
    case mechanicUnavailable = "MECHANIC_UNAVAILABLE"
    /// `bay` is out of service from `from` until `until` (default: the end of the day).
    case bayOutOfService = "BAY_OUT_OF_SERVICE"
    /// `appointment` runs `minutes` longer than booked.
    case jobOverrun = "JOB_OVERRUN"
    /// `job` must be fitted in today.
    case urgentJob = "URGENT_JOB"
}
