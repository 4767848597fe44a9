import Foundation
import ShopBooking
import ShopDomain
import Testing

/// Bad input: every problem named by its JSON path, nothing decided.
@Suite("bad input")
struct InputTests {
    func paths(_ request: AppointmentRequest, _ snapshot: BookingSnapshot) -> [String] {
        do {
            _ = try Fixture.book(request, snapshot)
            return []
        } catch let error as InputError {
            return error.paths
        } catch {
            return ["unexpected \(error)"]
        }
    }

    @Test func snapshotProblemsAreNamedByPath() {
        var snapshot = Fixture.snapshot(appointments: [
            Fixture.booked("A-1", "2026-11-23T09:10", bay: "BAY-9", mechanic: "M-9", status: "PENDING")
        ])
        snapshot.bays[0].type = "CAR_WASH"
        snapshot.policy = BookingPolicy(assignmentStrategy: "random", softCapacityThreshold: 1.5)
        #expect(
            paths(Fixture.request(), snapshot) == [
                "bays[0].type", "appointments[0].status", "appointments[0].start", "appointments[0].bay",
                "appointments[0].mechanic", "policy.assignmentStrategy", "policy.softCapacityThreshold",
            ])
    }

    @Test func requestProblemsAreNamedByPath() {
        var request = Fixture.request(["2026-11-23T09:05", "tomorrow"], source: ("INVOICE", "E-1"))
        request.facility = "FAC-2"
        request.mechanic = "M-9"
        #expect(
            paths(request, Fixture.snapshot()) == [
                "request.facility", "request.source.type", "request.preferredStarts[0]", "request.preferredStarts[1]",
                "request.mechanic",
            ])
    }

    @Test func unknownSourceIsBadInput() {
        #expect(paths(Fixture.request(source: ("ESTIMATE", "E-404")), Fixture.snapshot()) == ["request.source.id"])
        #expect(paths(Fixture.request(source: ("WORK_ORDER", "E-1")), Fixture.snapshot()) == ["request.source.id"])
    }

    @Test func lineWithoutAnyDurationIsBadInput() {
        let snapshot = Fixture.snapshot(estimates: [Fixture.estimate(lines: [Fixture.brakeLine(minutes: nil)])])
        #expect(paths(Fixture.request(), snapshot) == ["estimates[0].lines[0].estimatedMinutes"])
        // An override gives the whole duration, so the line needs none.
        let request = Fixture.request(
            permissions: Fixture.allPermissions, override: .init(minutes: 60, reason: "known job"))
        #expect(paths(request, snapshot) == [])
    }

    @Test func wrongJSONTypeNamesThePath() throws {
        let text =
            #"{"format":"shopsched.booking-snapshot/1","facility":{"id":"F","timeZone":"UTC","slotMinutes":"15"}}"#
        #expect(throws: InputError.self) { try BookingFiles.snapshot(from: Data(text.utf8)) }
        do { _ = try BookingFiles.snapshot(from: Data(text.utf8)) } catch {
            #expect(error.paths == ["facility.slotMinutes"])
        }
    }
}
