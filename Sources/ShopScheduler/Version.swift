/// The version of the ShopScheduler package, in semantic versioning.
///
/// While the major version is 0, a minor version may change the public API or
/// a file format; `CHANGELOG.md` says what changed in each release. The
/// contract's format identifiers (`shopsched.scenario/1`, …) are versioned on
/// their own and change only when a file would be read differently.
public enum ShopSchedulerVersion {
    /// The release this build is, for example `"0.1.0"`; `shopsched --version`
    /// prints it.
    public static let current = "0.1.0"
}
