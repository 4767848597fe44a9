import ShopDomain
import ShopPlanner

/// The answer to "do this decision's claims still hold in a newer snapshot?"
/// (`shopsched.revalidation/1`): for each claim whether it holds, the
/// conflicts when not, and fresh alternatives to offer instead.
public struct Revalidation: Codable, Hashable, Sendable {
    public static let formatName = "shopsched.revalidation/1"

    public var format: String = Revalidation.formatName
    /// The decision's request.
    public var requestId: String
    /// The created or moved appointment; absent when the decision claimed nothing.
    public var appointmentId: String?
    public var outcome: Outcome
    /// The decision's basis, and the same parts of the newer snapshot: equal
    /// fingerprints mean nothing the decision relied on has changed.
    public var basis: DecisionBasis?
    public var currentBasis: DecisionBasis?
    public var basisUnchanged: Bool
    public var claims: [ClaimStatus]
    /// What stands in the way now (hard, and overridable ones the decision did not override).
    public var conflicts: [Conflict]
    /// Fresh starts with nothing blocking, ranked as in booking (when a claim is lost).
    public var alternatives: [Alternative]

    public enum Outcome: String, Codable, Hashable, Sendable {
        /// Every claim holds: commit the decision.
        case holds
        /// A claim is lost: do not commit; offer the alternatives or decide again.
        case conflicts
        /// The decision created or moved nothing (it was denied or blocked), so there is nothing to commit.
        case nothingClaimed = "nothing-claimed"
    }

    public struct ClaimStatus: Codable, Hashable, Sendable {
        public var claim: Claim
        public var holds: Bool
        /// The conflict codes that break it.
        public var conflicts: [ConflictCode]
    }

    public init(
        requestId: String, appointmentId: String?, outcome: Outcome, basis: DecisionBasis?,
        currentBasis: DecisionBasis?, claims: [ClaimStatus], conflicts: [Conflict], alternatives: [Alternative]
    ) {
        self.requestId = requestId
        self.appointmentId = appointmentId
        self.outcome = outcome
        self.basis = basis
        self.currentBasis = currentBasis
        self.basisUnchanged = basis != nil && basis == currentBasis
        self.claims = claims
        self.conflicts = conflicts
        self.alternatives = alternatives
    }

    /// A decision that claimed nothing.
    public static func nothingClaimed(requestId: String, basis: DecisionBasis?, in snapshot: BookingSnapshot)
        -> Revalidation
    {
        Revalidation(
            requestId: requestId, appointmentId: nil, outcome: .nothingClaimed, basis: basis,
            currentBasis: basis?.recomputed(in: snapshot), claims: [], conflicts: [], alternatives: [])
    }
}
