import Foundation
import ShopDomain
import ShopOperations

/// A request to cancel one booked appointment (`shopsched.cancellation-request/1`).
/// ``requestId`` is the idempotency key, as for a reschedule.
public struct CancellationRequest: Codable, Hashable, Sendable {
    public static let formatName = "shopsched.cancellation-request/1"

    public var format: String?
    public var requestId: String
    public var facility: String
    public var appointmentId: String
    /// A ``CancellationReason`` raw value; required (absent or blank: denied).
    public var reason: String?
    /// Free text; required for `OTHER`.
    public var notes: String?
    public var caller: Caller
    /// Lifts the short-notice rule; required (with the customer's confirmation) under 4 hours.
    public var managerApproval: ManagerApproval?
    public var customerConfirmation: CustomerConfirmation?
    /// Tell the customer (default true; forced when customer-initiated or within 24 h).
    public var notifyCustomer: Bool?

    public init(
        format: String? = CancellationRequest.formatName, requestId: String, facility: String,
        appointmentId: String, reason: String?, notes: String? = nil, caller: Caller,
        managerApproval: ManagerApproval? = nil, customerConfirmation: CustomerConfirmation? = nil,
        notifyCustomer: Bool? = nil
    ) {
        self.format = format
        self.requestId = requestId
        self.facility = facility
        self.appointmentId = appointmentId
        self.reason = reason
        self.notes = notes
        self.caller = caller
        self.managerApproval = managerApproval
        self.customerConfirmation = customerConfirmation
        self.notifyCustomer = notifyCustomer
    }
}
