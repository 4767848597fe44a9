import ShopOperations

/// Where an appointment is done and by whom, as the front counter reads it.
public struct AssignmentView: Codable, Hashable, Sendable {
    public var appointmentId: String
    public var locationId: String
    public var status: AppointmentStatus
    public var start: String
    public var end: String
    public var place: Place?
    public var mechanic: MechanicSummary?
    public var notes: String?
    public var notesVersion: Int?
    public var assignedAt: String?
    public var lastUpdatedAt: String?
    /// The list line: "Bay 3 - J. Doe", "Mobile 2 - A. Ruiz", "Unassigned".
    public var summary: String
    public var warnings: [String]

    /// A bay, or a mobile unit with its last known position.
    public struct Place: Codable, Hashable, Sendable {
        public var kind: Kind
        public var id: String
        public var type: String
        /// Mobile units only.
        public var position: Position?

        public enum Kind: String, Codable, Hashable, Sendable {
            case bay = "BAY"
            case mobileUnit = "MOBILE_UNIT"
        }
    }

    public struct Position: Codable, Hashable, Sendable {
        public var latitude: Double?
        public var longitude: Double?
        public var lastUpdated: String?
        public var fix: MobileUnitFix
        /// `false` once the position is more than an hour old (or unknown).
        public var available: Bool
    }

    public struct MechanicSummary: Codable, Hashable, Sendable {
        public var id: String
        public var name: String
        public var certifications: [String]
    }
}
