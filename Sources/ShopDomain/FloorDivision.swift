/// `a / b` rounded towards negative infinity (Swift's `/` truncates towards
/// zero), as the slot grid rounds times before the horizon's start.
@inlinable
public func floorDiv(_ a: Int, _ b: Int) -> Int {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}
