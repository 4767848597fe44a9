import ShopOperations

/// Rule 1: may this caller book this source at all? Checked before any placement.
enum Eligibility {
    static let bookableEstimateStatuses: Set<String> = ["APPROVED", "QUOTED"]
    static let closedWorkOrderStatuses: Set<String> = ["COMPLETED", "CANCELLED"]

    /// Every reason to refuse, in a fixed order (permission first).
    static func denials(_ booking: ValidatedBooking) -> [Denial] {
        var denials: [Denial] = []
        let facility = booking.request.facility
        if !booking.request.caller.has(.createAppointment, for: facility) {
            denials.append(
                Denial(
                    code: .missingCreatePermission,
                    message: "\(booking.request.caller.id) lacks CREATE_APPOINTMENT for facility \(facility)"))
        }
        let source = booking.source
        switch booking.sourceType {
        // Booking moves an estimate to SCHEDULED; one that allows several
        // appointments stays bookable after its first.
        case .estimate
        where !bookableEstimateStatuses.contains(source.status)
            && !(source.allowsMultipleAppointments && source.status == "SCHEDULED"):
            denials.append(
                Denial(
                    code: .estimateNotBookable,
                    message:
                        "estimate \(source.id) is \(source.status); only APPROVED or QUOTED estimates (or SCHEDULED ones that allow several appointments) can be booked"
                ))
        case .workOrder where closedWorkOrderStatuses.contains(source.status):
            denials.append(
                Denial(
                    code: .workOrderNotBookable,
                    message: "work order \(source.id) is \(source.status)"))
        default: break
        }
        if (source.customerId ?? "").isEmpty {
            denials.append(Denial(code: .noCustomer, message: "\(source.id) is not linked to a customer"))
        }
        if (source.vehicleId ?? "").isEmpty {
            denials.append(Denial(code: .noVehicle, message: "\(source.id) is not linked to a vehicle"))
        }
        if !source.allowsMultipleAppointments {
            let active = booking.appointments.filter {
                $0.status.isActive
                    && (booking.sourceType == .estimate ? $0.file.estimateId : $0.file.workOrderId) == source.id
            }
            if let first = active.first {
                denials.append(
                    Denial(
                        code: .alreadyScheduled,
                        message:
                            "\(source.id) already has the active appointment \(first.file.id) and does not allow several"
                    ))
            }
        }
        return denials
    }
}
