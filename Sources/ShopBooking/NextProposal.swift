import Foundation
import ShopDomain
import ShopOperations
import ShopPlanner
import ShopVerifier

/// One job the mechanic could start next.
public struct NextProposal: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Hashable, Sendable {
        /// An approved or quoted estimate with no appointment yet.
        case unscheduledEstimate = "UNSCHEDULED_ESTIMATE"
        /// An open work order with no appointment yet.
        case unscheduledWorkOrder = "UNSCHEDULED_WORK_ORDER"
        /// A booked appointment still without a mechanic (deferred or awaiting manual assignment),
        /// taken at its booked time.
        case awaitingMechanic = "AWAITING_MECHANIC"
        /// A scheduled (not yet confirmed) appointment later on, moved earlier: the customer must agree.
        case moveEarlier = "MOVE_EARLIER"
    }

    public var rank: Int
    public var kind: Kind
    /// The estimate, work order or appointment id.
    public var work: String
    public var start: String
    public var end: String
    public var bay: String
    public var mechanic: String
    public var durationMinutes: Int
    /// The contract objective of the plan with this proposal minus that of the
    /// plan as booked (negative: the plan gets cheaper), both as the
    /// independent verifier computes them.
    public var costDifference: Int
    public var reasons: [String]
}
