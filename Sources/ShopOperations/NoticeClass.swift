/// How much notice a move gives: from now to the earlier of the old and the new start.
public enum NoticeClass: String, Codable, Hashable, Sendable {
    /// 24 hours or more.
    case standard = "STANDARD"
    /// From 4 hours (included) to under 24: needs `APPROVE_RESCHEDULE` or a manager's approval.
    case short = "SHORT"
    /// Under 4 hours: needs a Shop Manager's approval and the customer's confirmation.
    case emergency = "EMERGENCY"

    public init(minutes: Int) {
        self = minutes >= 24 * 60 ? .standard : minutes >= 4 * 60 ? .short : .emergency
    }
}
