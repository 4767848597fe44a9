import ShopOperations

/// A reschedule's denial: the shared ``/ShopOperations/Denial`` (its former name).
public typealias RescheduleDenial = Denial
/// The shared ``/ShopOperations/DenialCode`` (its former name).
public typealias RescheduleDenialCode = DenialCode
