import Foundation
import ShopDomain
import ShopOperations

/// Reading the booking files; a wrong JSON type is an ``/ShopDomain/InputError`` naming its path.
public enum BookingFiles {
    public static func snapshot(from data: Data) throws(InputError) -> BookingSnapshot {
        try JSONFiles.decode(BookingSnapshot.self, from: data)
    }

    public static func request(from data: Data) throws(InputError) -> AppointmentRequest {
        do {
            return try JSONFiles.decode(AppointmentRequest.self, from: data)
        } catch {
            // The engine names request fields `request.…`; the file's paths say the same.
            throw InputError(
                error.issues.map {
                    ValidationIssue(path: $0.path.isEmpty ? "" : "request." + $0.path, message: $0.message)
                })
        }
    }

    public static func refill(from data: Data) throws(InputError) -> RefillRequest {
        try JSONFiles.decode(RefillRequest.self, from: data)
    }

    /// Reads a file, or throws an ``/ShopDomain/InputError`` saying it cannot be read.
    public static func read(_ path: String) throws(InputError) -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError([ValidationIssue(path: "", message: "cannot read file \(path)")])
        }
        return data
    }
}
