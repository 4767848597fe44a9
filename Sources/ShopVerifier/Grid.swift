import ShopDomain

/// The verifier's own slot arithmetic, written from the contract: slots of `slot` minutes
/// aligned to local midnight, on wall-clock minutes (`LocalDateTime.absoluteMinutes`,
/// every day 1440 minutes). Because `slot` divides 1440, aligning absolute minutes to
/// multiples of `slot` is the same as aligning to each local midnight.
struct Grid: Sendable {
    let slot: Int

    /// Floor division that is also right for negative minutes (dates before 1970).
    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// The boundary at or before `minutes`.
    func down(_ minutes: Int) -> Int { Grid.floorDiv(minutes, slot) * slot }
    /// The boundary at or after `minutes`.
    func up(_ minutes: Int) -> Int { -down(-minutes) }
    /// The nearest boundary; exactly half way rounds up (later).
    func nearest(_ minutes: Int) -> Int {
        let low = down(minutes)
        return 2 * (minutes - low) >= slot ? low + slot : low
    }
    func isBoundary(_ minutes: Int) -> Bool { down(minutes) == minutes }
    /// Whole slots covering `minutes` ≥ 0, rounded up.
    func slotsCovering(_ minutes: Int) -> Int { (minutes + slot - 1) / slot }
    /// The slot number containing `minutes`.
    func slotNumber(_ minutes: Int) -> Int { Grid.floorDiv(minutes, slot) }
}

/// A half-open span of wall-clock minutes `[lo, hi)`.
struct Span: Hashable, Sendable {
    var lo: Int
    var hi: Int
    func contains(_ other: Span) -> Bool { lo <= other.lo && other.hi <= hi }
    func meets(_ other: Span) -> Bool { lo < other.hi && other.lo < hi }
}

/// Texts for messages.
enum Text {
    static func time(_ minutes: Int) -> String { LocalDateTime(absoluteMinutes: minutes).description }

    static func clock(_ minutes: Int) -> String { ClockTime(minutes: minutes)!.description }

    /// `2026-11-23 09:00–10:30`, `2026-11-23 22:00–24:00`, or both full times across days.
    static func span(_ span: Span) -> String {
        let a = LocalDateTime(absoluteMinutes: span.lo), b = LocalDateTime(absoluteMinutes: span.hi)
        if a.date == b.date { return "\(a.date) \(clock(a.minuteOfDay))–\(clock(b.minuteOfDay))" }
        if b.minuteOfDay == 0, b.date == a.date.adding(days: 1) { return "\(a.date) \(clock(a.minuteOfDay))–24:00" }
        return "\(a)–\(b)"
    }

    /// `09:00–10:30` when the span lies within one day (its end may be the next midnight, `24:00`).
    static func clockSpan(_ span: Span) -> String {
        let a = LocalDateTime(absoluteMinutes: span.lo), b = LocalDateTime(absoluteMinutes: span.hi)
        if a.date == b.date { return "\(clock(a.minuteOfDay))–\(clock(b.minuteOfDay))" }
        if b.minuteOfDay == 0, b.date == a.date.adding(days: 1) { return "\(clock(a.minuteOfDay))–24:00" }
        return "\(a)–\(b)"
    }

    static func list(_ items: [String]) -> String { items.joined(separator: ", ") }

    static func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
}
