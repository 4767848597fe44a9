import Foundation
import ShopDomain
import ShopOperations
import ShopPlanner
import ShopVerifier

/// A request to fill freed time (`shopsched.refill-request/1`): a bay (or any
/// bay) and optionally a mechanic over `[start, end)`, freed by a
/// cancellation, a no-show, a job finishing early, or asked on demand ("the
/// 14:00 lift is free, who can take it?").
public struct RefillRequest: Codable, Hashable, Sendable {
    public static let formatName = "shopsched.refill-request/1"

    public var format: String?
    public var requestId: String
    public var facility: String
    /// The freed time, facility local `YYYY-MM-DDTHH:MM` on slot boundaries.
    public var start: String
    public var end: String
    /// The freed bay or mobile unit; absent: any bay.
    public var bay: String?
    /// The freed mechanic; absent: any mechanic free then.
    public var mechanic: String?
    /// Appointments the snapshot still lists as active but which gave their
    /// time back (a cancellation or no-show decided but not yet stored).
    public var releasedAppointments: [String]?
    /// Proposals to return (default 5, from 1 to 50).
    public var proposals: Int?
    /// Offer later appointments that could move earlier (default true).
    public var includeMoves: Bool?
    /// How many days after the freed time a later appointment may start (default 7).
    public var moveDays: Int?
    /// Who asks; pulling a request in is checked as their booking would be.
    public var caller: Caller

    public init(
        format: String? = RefillRequest.formatName, requestId: String, facility: String, start: String,
        end: String, bay: String? = nil, mechanic: String? = nil, releasedAppointments: [String]? = nil,
        proposals: Int? = nil, includeMoves: Bool? = nil, moveDays: Int? = nil, caller: Caller
    ) {
        self.format = format
        self.requestId = requestId
        self.facility = facility
        self.start = start
        self.end = end
        self.bay = bay
        self.mechanic = mechanic
        self.releasedAppointments = releasedAppointments
        self.proposals = proposals
        self.includeMoves = includeMoves
        self.moveDays = moveDays
        self.caller = caller
    }
}
