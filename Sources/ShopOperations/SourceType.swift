/// What a request refers to.
public enum SourceType: String, Codable, Hashable, Sendable {
    case estimate = "ESTIMATE"
    case workOrder = "WORK_ORDER"
}
