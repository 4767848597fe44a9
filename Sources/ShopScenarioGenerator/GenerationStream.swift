import ShopDomain

extension SplitMix64 {
    /// An independent stream for one phase of generation, so that for example
    /// asking for pins does not change the jobs drawn for the same seed.
    init(seed: UInt64, stream: GenerationStream) {
        var mixer = SplitMix64(seed: stream.rawValue)
        self.init(seed: seed ^ mixer.next())
    }
}

/// The phases of scenario generation, each with its own random stream.
enum GenerationStream: UInt64 {
    case facility = 1, bays, mechanics, jobs, disruption, pins, resumable
}
