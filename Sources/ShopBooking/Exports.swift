// Booking works on the shop-operations core and hands its vocabulary on:
// the types that moved there (the snapshot, statuses, permissions, clocks,
// ids, conflicts, alternatives) stay reachable as `ShopBooking` names.
@_exported import ShopOperations

/// The clock protocol's former name (``/ShopOperations/ShopClock``).
public typealias BookingClock = ShopClock
