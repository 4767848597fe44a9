import Foundation
import ShopDomain
import ShopOperations
import ShopPlanner
import ShopVerifier

/// "What could this mechanic start next?" (`shopsched.next-request/1`): a
/// mechanic and, optionally, a time (default now), asked by a caller.
///
/// The answer shows the shop's waiting work and proposes who does it, so the
/// caller needs `VIEW_ASSIGNMENTS` for the snapshot's facility.
public struct NextRequest: Codable, Hashable, Sendable {
    public static let formatName = "shopsched.next-request/1"
    public var format: String?
    /// The mechanic's id in the snapshot.
    public var mechanic: String
    /// From when, `YYYY-MM-DDTHH:MM` on the slot grid; default now.
    public var at: String?
    /// How many proposals at most (1 to ``WhatNext/maxCount``; default 5).
    public var count: Int?
    /// Who asks. Required: a request without one is bad input (`request.caller`). Optional
    /// only in the type, so that a file without it gets that message rather than a
    /// decoding error.
    public var caller: Caller?

    public init(
        format: String? = NextRequest.formatName, mechanic: String, at: String? = nil, count: Int? = nil,
        caller: Caller?
    ) {
        self.format = format
        self.mechanic = mechanic
        self.at = at
        self.count = count
        self.caller = caller
    }
}
