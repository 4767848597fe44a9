/// One field that changed between two snapshots.
public struct FieldChange: Codable, Hashable, Sendable {
    public var field: String
    public var old: String?
    public var new: String?
}
