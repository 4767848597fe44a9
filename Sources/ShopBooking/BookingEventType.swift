/// The event type names, as written in ``BookingEvent/type``.
public enum BookingEventType {
    public static let createdFromEstimate = "AppointmentCreatedFromEstimate"
    public static let createdFromWorkOrder = "AppointmentCreatedFromWorkOrder"
    public static let needsSkillResolution = "AppointmentNeedsSkillResolution"
}
