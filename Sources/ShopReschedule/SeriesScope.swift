import ShopDomain

/// What a reschedule of one appointment of a recurring series moves. The
/// story prompts the scheduler ("this occurrence or the whole series?"): the
/// engine moves one occurrence when asked to; the whole series is changed in
/// the backend, which owns the recurrence rule.
public enum SeriesScope: String, Codable, Hashable, Sendable, CaseIterable, ListedValues {
    /// Only this appointment; the rest of the series stays.
    case thisOccurrence = "THIS_OCCURRENCE"
    /// Every occurrence: refused (`RECURRING_SERIES_NOT_SUPPORTED`), the backend changes the series.
    case wholeSeries = "WHOLE_SERIES"
}
