import Foundation
import ShopBooking
import ShopDomain
import ShopPlanner
import ShopReschedule
import ShopScenarioGenerator
import ShopTestSupport
import Testing

/// Two advisors at once: decisions name their basis and claims, and
/// `Revalidator` says whether the claims still hold after someone else committed.
@Suite("revalidation")
struct RevalidationTests {
    /// One lift job: only BAY-2 fits it.
    static func liftEstimate(_ id: String, customer: String) -> Estimate {
        Estimate(
            id: id, status: "APPROVED", customerId: customer, vehicleId: "V-" + customer,
            lines: [
                ServiceLine(
                    serviceType: "STRUTS", estimatedMinutes: 60, requiredSkills: ["BRAKES"],
                    preferredSkills: ["ENGINE"], bayTypes: ["LIFT_BAY"])
            ])
    }

    static func snapshot(_ appointments: [BookedAppointment] = []) -> BookingSnapshot {
        var s = Shop.snapshot(appointments)
        s.estimates = [liftEstimate("E-1", customer: "C-1"), liftEstimate("E-2", customer: "C-2")]
        return s
    }

    static func booking(_ id: String, estimate: String, at start: String) -> AppointmentRequest {
        AppointmentRequest(
            requestId: id, facility: "FAC-1", source: .init(type: "ESTIMATE", id: estimate), preferredStarts: [start],
            caller: .init(id: "advisor-\(id)", permissions: Shop.grants([.createAppointment])))
    }

    static let now = Shop.at("2026-11-23T09:00")
    static let engine = BookingEngine(clock: FixedClock(now))
    static let revalidator = Revalidator(clock: FixedClock(now))

    /// The backend commits a booking decision: the appointment stored, the estimate SCHEDULED.
    static func commit(_ decision: BookingDecision, to snapshot: BookingSnapshot) throws -> BookingSnapshot {
        let a = try #require(decision.appointment)
        var s = snapshot
        s.appointments.append(a.booked)
        if let update = decision.sourceUpdate {
            s.estimates = s.estimates?.map { e in
                var e = e
                if e.id == update.id { e.status = update.status }
                return e
            }
        }
        return s
    }

    @Test func twoRequestsForOneSlotTheSecondLosesItsClaims() throws {
        let s0 = Self.snapshot()
        let first = try Self.engine.book(Self.booking("R-1", estimate: "E-1", at: "2026-11-24T10:00"), in: s0)
        let second = try Self.engine.book(Self.booking("R-2", estimate: "E-2", at: "2026-11-24T10:00"), in: s0)
        // Decided against one snapshot, both come back created for the same bay and mechanic.
        for d in [first, second] {
            #expect(d.outcome == .created)
            #expect(d.appointment?.bay == "BAY-2")
            #expect(d.appointment?.mechanic == "M-1")
            #expect(d.claims.map(\.kind) == [.bay, .mechanic, .capacity])
            #expect(d.claims.allSatisfy { $0.start == "2026-11-24T10:00" && $0.end == "2026-11-24T11:00" })
        }
        // Same days, same facility; the subjects (the estimates) differ.
        #expect(first.basis?.days == ["2026-11-24"])
        #expect(first.basis?.fingerprint != second.basis?.fingerprint)

        // Nothing changed: the first holds, its basis unchanged.
        let untouched = try Self.revalidator.revalidate(first, in: s0)
        #expect(untouched.outcome == .holds)
        #expect(untouched.basisUnchanged)

        let s1 = try Self.commit(first, to: s0)
        #expect((try BookedPlanCheck(snapshot: s1).verify()).isFeasible)
        // The committed one still holds (it does not stand in its own way), though its basis moved.
        let again = try Self.revalidator.revalidate(first, in: s1)
        #expect(again.outcome == .holds)
        #expect(!again.basisUnchanged)

        let late = try Self.revalidator.revalidate(second, in: s1)
        #expect(late.outcome == .conflicts)
        #expect(!late.basisUnchanged)
        let firstID = try #require(first.appointment?.id)
        let bayConflict = try #require(late.conflicts.first { $0.code == .claimedBayTaken })
        #expect(bayConflict.resources == ["BAY-2", firstID].sorted())
        #expect(late.conflicts.contains { $0.code == .claimedMechanicTaken })
        #expect(late.claims.map(\.holds) == [false, false, true])
        #expect(!late.alternatives.isEmpty)
        // Every fresh alternative, committed instead, is feasible under the contract.
        for alt in late.alternatives {
            #expect(!(alt.start == "2026-11-24T10:00" && alt.bay == "BAY-2"))
            var after = s1
            var a = try #require(second.appointment?.booked)
            a.start = alt.start
            a.bay = alt.bay
            a.mechanic = alt.mechanic
            after.appointments.append(a)
            #expect((try BookedPlanCheck(snapshot: after).verify()).isFeasible, "\(alt.start) \(alt.bay)")
        }
        // And it agrees with deciding again: the slot is gone, the same alternatives come back.
        var same = Self.booking("R-2", estimate: "E-2", at: "2026-11-24T10:00")
        same.mechanic = "M-1"
        let redo = try Self.engine.book(same, in: s1)
        #expect(redo.outcome == .conflicts)
        #expect(redo.alternatives == late.alternatives)
    }

    @Test func basisIgnoresKeyOrderAppointmentOrderAndOtherDays() throws {
        let a = Shop.appointment("A-1", "2026-11-24T13:00"),
            b = Shop.appointment("A-2", "2026-11-24T08:00", bay: "BAY-2")
        let c = Shop.appointment("A-3", "2026-11-26T08:00")
        let days: Set<LocalDate> = [LocalDate("2026-11-24")!]
        let one = DecisionBasis(Self.snapshot([a, b, c]), days: days, subjects: ["ESTIMATE:E-1"])
        let swapped = DecisionBasis(Self.snapshot([c, b, a]), days: days, subjects: ["ESTIMATE:E-1"])
        #expect(one == swapped)
        // The same snapshot through JSON with its keys in another order.
        let data = JSONFiles.encode(Self.snapshot([a, b, c]))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let reordered = try JSONSerialization.data(withJSONObject: object, options: [])  // unsorted keys
        let decoded = try JSONFiles.decode(BookingSnapshot.self, from: reordered)
        #expect(DecisionBasis(decoded, days: days, subjects: ["ESTIMATE:E-1"]) == one)
        // A change on another day leaves it; one on the day, or to the subject, changes it.
        var moved = c
        moved.start = "2026-11-26T10:00"
        #expect(DecisionBasis(Self.snapshot([a, b, moved]), days: days, subjects: ["ESTIMATE:E-1"]) == one)
        var later = a
        later.start = "2026-11-24T14:00"
        #expect(DecisionBasis(Self.snapshot([later, b, c]), days: days, subjects: ["ESTIMATE:E-1"]) != one)
        var s = Self.snapshot([a, b, c])
        s.estimates![0].status = "SCHEDULED"
        #expect(DecisionBasis(s, days: days, subjects: ["ESTIMATE:E-1"]) != one)
        // A shift on the day counts; one on another day does not.
        var shifted = Self.snapshot([a, b, c])
        shifted.mechanics[1].shifts![3].end = "2026-11-26T12:00"
        #expect(DecisionBasis(shifted, days: days, subjects: ["ESTIMATE:E-1"]) == one)
        shifted.mechanics[1].shifts![1].end = "2026-11-24T12:00"
        #expect(DecisionBasis(shifted, days: days, subjects: ["ESTIMATE:E-1"]) != one)
        // Stable across runs: a fixed value.
        #expect(one.fingerprint.count == 16)
        #expect(
            one.fingerprint
                == DecisionBasis(Self.snapshot([a, b, c]), days: days, subjects: ["ESTIMATE:E-1"]).fingerprint)
    }

    @Test func aMovedAppointmentLosesItsNewTimeToALaterBooking() throws {
        let s0 = Self.snapshot([Shop.appointment("A-1", "2026-11-24T10:00")])
        let move = try Shop.reschedule(Shop.request("2026-11-25T10:00"), s0)
        #expect(move.outcome == .rescheduled)
        #expect(move.claims.map(\.resource) == ["BAY-1", "M-1", nil])
        #expect(Set(move.basis?.days ?? []) == ["2026-11-24", "2026-11-25"])
        #expect(move.basis?.subjects == ["APPOINTMENT:A-1"])
        #expect(try Self.revalidator.revalidate(move, in: s0).outcome == .holds)
        // Meanwhile someone booked BAY-1 and M-1 on Wednesday at ten.
        var s1 = s0
        s1.appointments.append(Shop.appointment("A-9", "2026-11-25T09:30", customer: "C-9"))
        let r = try Self.revalidator.revalidate(move, in: s1)
        #expect(r.outcome == .conflicts)
        // BAY-1 is the only general bay: no other bay would do either.
        #expect(Set(r.conflicts.map(\.code)) == [.noEligibleBay, .claimedBayTaken, .claimedMechanicTaken])
        #expect(r.claims.first { $0.claim.kind == .bay }?.conflicts == [.claimedBayTaken, .noEligibleBay])
        #expect(r.claims.first { $0.claim.kind == .capacity }?.holds == true)
        // Never the old time: that is no move.
        #expect(!r.alternatives.isEmpty)
        #expect(!r.alternatives.contains { $0.start == "2026-11-24T10:00" })
        // Committed as decided, it holds against itself.
        var committed = s0
        committed.appointments = [try #require(move.appointment)]
        #expect(try Self.revalidator.revalidate(move, in: committed).outcome == .holds)
    }

    @Test func aRefusedDecisionClaimsNothing() throws {
        var request = Self.booking("R-3", estimate: "E-1", at: "2026-11-24T10:00")
        request.caller.permissions = []
        let denied = try Self.engine.book(request, in: Self.snapshot())
        #expect(denied.outcome == .denied)
        #expect(denied.claims.isEmpty)
        let r = try Self.revalidator.revalidate(denied, in: Self.snapshot())
        #expect(r.outcome == .nothingClaimed)
        #expect(r.basisUnchanged)
    }

    @Test func aClaimInThePastNoLongerHolds() throws {
        let d = try Self.engine.book(Self.booking("R-1", estimate: "E-1", at: "2026-11-24T10:00"), in: Self.snapshot())
        let late = try Revalidator(clock: FixedClock(Shop.at("2026-11-24T10:30"))).revalidate(d, in: Self.snapshot())
        #expect(late.outcome == .conflicts)
        #expect(late.conflicts.map(\.code) == [.outsideBookingHorizon])
        #expect(late.claims.allSatisfy { !$0.holds })
    }

    @Test func aMalformedDecisionIsBadInputNamingTheField() throws {
        var d = try Self.engine.book(Self.booking("R-1", estimate: "E-1", at: "2026-11-24T10:00"), in: Self.snapshot())
        d.claims[1].start = "tomorrow"
        d.format = "other"
        #expect {
            try Self.revalidator.revalidate(d, in: Self.snapshot())
        } throws: { error in
            let paths = (error as? InputError)?.issues.map(\.path) ?? []
            return paths == ["decision.format", "decision.claims[1].start"]
        }
    }

    // MARK: Revalidation agrees with deciding again

    static func generatedDay(seed: UInt64) throws -> BookingSnapshot {
        let file = try ScenarioGenerator.scenario(
            GeneratorOptions(seed: seed, jobs: 24, mechanics: 5, bays: 5, days: 1))
        // The day as booked: greedy's plan, checked by the verifier before it is used.
        let plan = planAndVerify(try Scenario(file: file), GreedyStrategy()).0.solutionFile()
        var snapshot = BookingSnapshot(booked: file, plan: plan)
        snapshot.estimates = ["E-1", "E-2"].map { id in
            Estimate(
                id: id, status: "APPROVED", customerId: "C-" + id, vehicleId: "V-" + id,
                lines: [
                    ServiceLine(
                        serviceType: "SERVICE", estimatedMinutes: 45, bayTypes: ["GENERAL_SERVICE_BAY", "LIFT_BAY"])
                ])
        }
        return snapshot
    }

    /// Over generated days: decide two requests against one snapshot, commit the
    /// first (and, sometimes, cancel or add someone else's appointment), then
    /// revalidate the second. It holds exactly when the independent verifier
    /// accepts the second's placement on the newer snapshot (unless only the
    /// staffing of unassigned work stands in the way, which the verifier does
    /// not model); when it holds, deciding again books that start; when deciding
    /// again finds no place there, revalidation offers the same alternatives.
    @Test(arguments: Array(UInt64(1)...12))
    func revalidationAgreesWithDecidingAgain(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let s0 = try Self.generatedDay(seed: seed)
        let day = s0.facility.horizon.start
        let now = LocalDateTime("\(day)T06:00")!
        let engine = BookingEngine(clock: FixedClock(now))
        let revalidator = Revalidator(clock: FixedClock(now))
        func start() -> String {
            let minutes = 8 * 60 + 15 * random.int(0...32)
            return "\(day)T\(ClockTime(minutes: minutes)!)"
        }
        func request(_ id: String, _ estimate: String, _ starts: [String], mechanic: String? = nil)
            -> AppointmentRequest
        {
            AppointmentRequest(
                requestId: id, facility: s0.facility.id, source: .init(type: "ESTIMATE", id: estimate),
                preferredStarts: starts, mechanic: mechanic,
                caller: .init(id: "advisor", permissions: [.init(.createAppointment)]))
        }
        var checked = 0
        for round in 0..<6 {
            let first = try engine.book(request("A\(round)", "E-1", [start(), start()]), in: s0)
            let second = try engine.book(request("B\(round)", "E-2", [start(), start()]), in: s0)
            guard let claimed = second.appointment else { continue }
            var s1 = s0
            if first.outcome == .created { s1 = try Self.commit(first, to: s0) }
            if random.chance(30), let i = s1.appointments.indices.randomElement(using: &random) {
                s1.appointments[i].status = AppointmentStatus.cancelled.rawValue
            }
            let r = try revalidator.revalidate(second, in: s1)
            let redo = try engine.book(
                request("B\(round)", "E-2", [claimed.start], mechanic: claimed.mechanic), in: s1)
            var after = s1
            after.appointments.append(claimed.booked)
            let feasible = (try BookedPlanCheck(snapshot: after).verify()).isFeasible
            if r.basisUnchanged { #expect(r.outcome == .holds, "seed \(seed) round \(round)") }
            if r.outcome == .holds {
                #expect(feasible, "seed \(seed) round \(round): holds but the verifier rejects it")
                #expect(
                    redo.outcome == .created && redo.appointment?.start == claimed.start, "seed \(seed) round \(round)")
            } else {
                #expect(
                    !feasible || r.conflicts.allSatisfy { $0.code == .noMechanicFree },
                    "seed \(seed) round \(round): \(r.conflicts.map(\.code)) but the verifier accepts it")
            }
            if redo.outcome != .created {
                #expect(r.outcome == .conflicts, "seed \(seed) round \(round)")
                #expect(r.alternatives == redo.alternatives, "seed \(seed) round \(round)")
            }
            for alt in r.alternatives {
                var placed = s1
                var a = claimed.booked
                (a.start, a.bay, a.mechanic) = (alt.start, alt.bay, alt.mechanic)
                placed.appointments.append(a)
                #expect(
                    (try BookedPlanCheck(snapshot: placed).verify()).isFeasible,
                    "seed \(seed) round \(round) \(alt.start) \(alt.bay)")
            }
            checked += 1
        }
        #expect(checked > 0, "seed \(seed): no round created the second booking")
    }
}

extension SeededRandom: RandomNumberGenerator {}
