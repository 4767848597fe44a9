extension Duration {
    /// The duration in seconds, as a `Double`: the one conversion the solvers,
    /// the planner and the use cases time themselves with.
    public var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
