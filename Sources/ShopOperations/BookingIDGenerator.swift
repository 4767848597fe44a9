/// Makes the ids of a decision. Ids derive from the request's idempotency key,
/// so a retried request gets the same ids (the engine never asks for a random one).
/// One generator serves booking, rescheduling, replanning and the notifications.
public protocol BookingIDGenerator: Sendable {
    /// The id of the `index`-th thing of `kind` (`APT`, `EVT`, `AUD`) made for `requestKey`.
    func id(kind: String, requestKey: String, facility: String, index: Int) -> String
}
