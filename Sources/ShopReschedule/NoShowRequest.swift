import Foundation
import ShopDomain
import ShopOperations

/// A request to mark one appointment a no-show (`shopsched.no-show-request/1`).
public struct NoShowRequest: Codable, Hashable, Sendable {
    public static let formatName = "shopsched.no-show-request/1"

    public var format: String?
    public var requestId: String
    public var facility: String
    public var appointmentId: String
    public var notes: String?
    public var caller: Caller
    /// The customer's no-shows before this one, as the backend counts them (default 0).
    public var customerNoShowCount: Int?
    /// Tell the customer (default true).
    public var notifyCustomer: Bool?

    public init(
        format: String? = NoShowRequest.formatName, requestId: String, facility: String, appointmentId: String,
        notes: String? = nil, caller: Caller, customerNoShowCount: Int? = nil, notifyCustomer: Bool? = nil
    ) {
        self.format = format
        self.requestId = requestId
        self.facility = facility
        self.appointmentId = appointmentId
        self.notes = notes
        self.caller = caller
        self.customerNoShowCount = customerNoShowCount
        self.notifyCustomer = notifyCustomer
    }
}
