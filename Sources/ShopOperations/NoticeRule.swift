/// The notice rule, one for every change a customer is given notice of (a
/// reschedule, a cancellation): under 24 hours (``NoticeClass/short``) the
/// caller needs `APPROVE_RESCHEDULE` or a Shop Manager's approval; under 4
/// hours (``NoticeClass/emergency``) a Shop Manager's approval and the
/// customer's confirmation.
public enum NoticeRule {
    /// The denials for `notice` (`nil`: not a notice question, a time already past).
    /// `what` names the change in the messages ("notice", "cancellation notice").
    public static func denials(
        notice: NoticeClass?, noticeMinutes: Int, caller: Caller, facility: String,
        managerApproval: ManagerApproval?, customerConfirmation: CustomerConfirmation?,
        what: String = "notice"
    ) -> [Denial] {
        var denials: [Denial] = []
        func deny(_ code: DenialCode, _ message: String) { denials.append(Denial(code: code, message: message)) }
        let managerApproved = managerApproval?.isValid == true
        let hours = "\(noticeMinutes / 60) h \(abs(noticeMinutes % 60)) min"
        switch notice {
        case .standard?, nil:
            break
        case .short?:
            if !managerApproved, !caller.has(.approveReschedule, for: facility) {
                deny(
                    .shortNoticeNotApproved,
                    "\(hours) \(what) is under 24 h: \(caller.id) needs APPROVE_RESCHEDULE for facility \(facility), or a Shop Manager's approval"
                )
            }
        case .emergency?:
            if !managerApproved {
                deny(
                    .managerApprovalRequired,
                    "\(hours) \(what) is under 4 h (an emergency): a Shop Manager's approval is needed")
            }
            if customerConfirmation == nil {
                deny(
                    .customerConfirmationRequired,
                    "\(hours) \(what) is under 4 h (an emergency): the customer must confirm the new time")
            }
        }
        return denials
    }
}
