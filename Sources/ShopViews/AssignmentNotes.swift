import ShopDomain

/// Editing an appointment's assignment notes: at most ``maxLength``
/// characters, only with `EDIT_ASSIGNMENT_NOTES`, each edit a new version
/// kept in the history with who and when.
public enum AssignmentNotes {
    public static let maxLength = 500

    /// Why an edit was refused.
    public enum Refusal: Error, Hashable, Sendable, CustomStringConvertible {
        case denied(ViewDenied)
        case tooLong(count: Int)
        case unknownAppointment(String)

        public var description: String {
            switch self {
            case .denied(let denial): return denial.reason
            case .tooLong(let count): return "notes: at most \(AssignmentNotes.maxLength) characters, not \(count)"
            case .unknownAppointment(let id): return "appointment \"\(id)\" is not in the snapshot"
            }
        }
    }

    /// Appointment `id` with `text` as its notes and a new version appended
    /// to its history (the first edit also keeps the notes it replaces as
    /// version 1, so no text is lost). The backend writes the result back.
    /// The caller needs `EDIT_ASSIGNMENT_NOTES` and the appointment's
    /// location in scope (``AssignmentViews/scope(of:in:)``). The appointment's
    /// `version` is one more, as at every change of an appointment.
    public static func edit(
        _ id: String, in floor: ShopFloor, to text: String, by caller: ViewCaller,
        at now: LocalDateTime
    ) throws(Refusal) -> BoardSnapshot.Appointment {
        guard caller.may(.editAssignmentNotes) else {
            throw .denied(
                ViewDenied(
                    missing: .editAssignmentNotes,
                    reason: "editing assignment notes needs EDIT_ASSIGNMENT_NOTES"))
        }
        guard text.count <= maxLength else { throw .tooLong(count: text.count) }
        guard let l = floor.locations.firstIndex(where: { $0.appointment(id) != nil }) else {
            throw .unknownAppointment(id)
        }
        let location = floor.locations[l]
        guard AssignmentViews.scope(of: caller, in: floor).contains(location.id) else {
            throw .denied(
                ViewDenied(
                    missing: nil,
                    reason:
                        "appointment \"\(id)\" is at \(location.id), outside \(caller.id)'s facility \(caller.facilityId)"
                ))
        }
        let appointment = floor.snapshot.locations[l].appointments.first { $0.id == id }!
        var updated = appointment
        var history = appointment.notesHistory ?? []
        if history.isEmpty, let old = appointment.notes {
            history.append(
                BoardSnapshot.NoteVersion(
                    version: 1, text: old, by: "unknown",
                    at: appointment.lastUpdatedAt ?? now.description))
        }
        let version = (history.map(\.version).max() ?? 0) + 1
        history.append(BoardSnapshot.NoteVersion(version: version, text: text, by: caller.id, at: now.description))
        updated.notes = text
        updated.notesHistory = history
        updated.lastUpdatedAt = now.description
        // A change of the appointment: its change counter moves on (absent counts as 1).
        updated.version = (appointment.version ?? 1) + 1
        return updated
    }
}
