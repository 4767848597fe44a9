/// The source's new status, for the backend to write with the appointment.
public struct SourceUpdate: Codable, Hashable, Sendable {
    public var type: SourceType
    public var id: String
    public var status: String
    public init(type: SourceType, id: String, status: String) {
        self.type = type
        self.id = id
        self.status = status
    }
}
