import Foundation
import ShopDomain

/// Reading the reschedule files; a wrong JSON type is an ``InputError`` naming its path.
public enum RescheduleFiles {
    public static func request(from data: Data) throws(InputError) -> RescheduleRequest {
        try JSONFiles.decode(RescheduleRequest.self, from: data)
    }
    public static func cancellation(from data: Data) throws(InputError) -> CancellationRequest {
        try JSONFiles.decode(CancellationRequest.self, from: data)
    }
    public static func noShow(from data: Data) throws(InputError) -> NoShowRequest {
        try JSONFiles.decode(NoShowRequest.self, from: data)
    }
    public static func disruption(from data: Data) throws(InputError) -> Disruption {
        try JSONFiles.decode(Disruption.self, from: data)
    }
}
