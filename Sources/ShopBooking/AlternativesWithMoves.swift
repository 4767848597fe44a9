import ShopDomain
import ShopPlanner

enum AlternativesWithMoves {
    static func find(_ booking: ValidatedBooking, durationMinutes: Int, day: LocalDate, now: LocalDateTime,
                     strategy: AssignmentStrategy, count: Int, timeLimit: Double) -> ([Alternative], Warning?) {
        ([], nil)
    }
}
