import Foundation

/// Files of this repository, found from this source file (tests run from
/// anywhere, and the repository must not reach outside itself).
public enum Repository {
    /// The folder holding `Package.swift`.
    public static let root: URL = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
            folder = folder.deletingLastPathComponent()
        }
        return folder
    }()

    /// The path of `datasets/<name>`.
    public static func dataset(_ name: String) -> String { root.appendingPathComponent("datasets/\(name)").path }

    /// A reference scenario with a proven optimum (datasets/reference/README.md).
    public static func reference(_ name: String) -> String { dataset("reference/\(name)") }
}
