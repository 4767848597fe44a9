import Foundation
import ShopDomain
import ShopOperations
import ShopPlanner
import ShopVerifier

/// One way to use freed time, with what it does to the contract objective.
public struct RefillProposal: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Hashable, Sendable {
        /// Book waiting work (an estimate or work order with no appointment).
        case pullInRequest = "PULL_IN_REQUEST"
        /// Give an appointment waiting for a mechanic the freed mechanic.
        case assignMechanic = "ASSIGN_MECHANIC"
        /// Move a later appointment earlier (the customer must agree).
        case moveEarlier = "MOVE_EARLIER"
    }

    public var rank: Int
    public var kind: Kind
    public var estimateId: String?
    public var workOrderId: String?
    /// The appointment assigned or moved.
    public var appointmentId: String?
    public var start: String
    public var end: String
    public var bay: String
    public var mechanic: String?
    /// For a move: where it is now.
    public var fromStart: String?
    public var fromBay: String?
    public var fromMechanic: String?
    /// A move needs the customer's consent (then a reschedule request, reason `CUSTOMER_REQUEST`).
    public var needsCustomerConsent: Bool
    /// The contract objective of the resulting plan minus the current plan's,
    /// both summed by the independent ``/ShopVerifier/PlanVerifier`` (waiting
    /// work counts as unscheduled; negative is better).
    public var objectiveDelta: Int
    /// The resulting plan passed the verifier (it breaks no rule the current plan keeps).
    public var verified: Bool
    public var reasons: [String]
}
