import ShopDomain

/// One active work order on the work-in-progress board.
public struct WorkInProgressRow: Codable, Hashable, Sendable {
    public var workOrderId: String
    public var locationId: String
    public var status: WorkOrderState
    /// The location's word for the status (``BoardSnapshot/Location/statusLabels``).
    public var statusLabel: String
    /// Why it is in this status (the latest status change's reason).
    public var statusReason: String?
    /// Where it is, for the board: "Bay 3", "Mobile 2", "Not yet assigned".
    public var label: String
    public var customer: BoardSnapshot.Party
    public var vehicle: BoardSnapshot.Party
    public var mechanic: AssignmentView.MechanicSummary?
    /// Bay or mobile unit id.
    public var place: String?
    public var appointmentDate: String?
    public var estimatedStart: String?
    public var estimatedCompletion: String?
    /// The pieces of work from the estimated start to the completion when the
    /// work pauses (closing, end of shift): two or more, in order, the gaps
    /// closed time in which the job keeps its place (contract §7). Absent when
    /// the work runs in one piece.
    public var work: [SolutionFile.WorkRange]? = nil
    public var promisedAt: String?
    /// Why there is no completion estimate.
    public var blocked: String?
    public var waiting: Waiting?
    public var parts: [BoardSnapshot.Part]
    public var risk: Risk?
    public var actions: [Action]
    public var serviceDescription: String?
    /// Only for callers with `VIEW_INTERNAL_NOTES`; absent for everyone else.
    public var internalNotes: String?
    public var statusHistory: [BoardSnapshot.StatusChange]

    /// Work with no mechanic yet.
    public struct Waiting: Codable, Hashable, Sendable {
        public var queuePosition: Int
        public var expectedAssignmentAt: String?
        public var estimatedWaitMinutes: Int?
        /// Who and where the plan expects it to go.
        public var expectedMechanic: String?
        public var expectedPlace: String?
        public var qualifiedMechanics: [SkillMatch]
    }

    /// A mechanic who could take the work: has every required skill; which
    /// preferred ones they have.
    public struct SkillMatch: Codable, Hashable, Sendable {
        public var mechanicId: String
        public var name: String
        public var hasAllRequired: Bool
        public var preferredHeld: [String]
        public var preferredMissing: [String]
    }

    /// Later than promised.
    public struct Risk: Codable, Hashable, Sendable {
        /// Minutes late; `nil` when no completion can be estimated.
        public var minutesLate: Int?
        public var reasons: [String]
    }

    /// Something the caller might do with the row, and whether they may.
    public struct Action: Codable, Hashable, Sendable {
        public var name: String
        public var enabled: Bool
        public var reason: String?
    }
}
