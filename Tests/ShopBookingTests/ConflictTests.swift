import ShopBooking
import ShopDomain
import Testing

/// Rule 4: each conflict code, its severity and what it blocks.
@Suite("conflicts")
struct ConflictTests {
    func codes(_ decision: BookingDecision) -> [ConflictCode] { decision.conflicts.map(\.code) }

    @Test func startInThePastIsOutsideTheHorizon() throws {
        let decision = try Fixture.book(
            Fixture.request(["2026-11-23T09:00"]), Fixture.snapshot(),
            now: Fixture.at("2026-11-23T10:00"))
        #expect(decision.outcome == .conflicts)
        #expect(codes(decision) == [.outsideBookingHorizon])
        #expect(decision.conflicts[0].severity == .hard)
    }

    @Test func startBeyondThePolicyHorizonIsOutsideTheHorizon() throws {
        // Horizon of 2 days from Monday: Monday and Tuesday; Wednesday is out, Tuesday in.
        let snapshot = Fixture.snapshot(policy: BookingPolicy(bookingHorizonDays: 2))
        #expect(codes(try Fixture.book(Fixture.request(["2026-11-25T09:00"]), snapshot)) == [.outsideBookingHorizon])
        #expect(try Fixture.book(Fixture.request(["2026-11-24T09:00"]), snapshot).outcome == .created)
    }

    @Test func startBeyondTheSnapshotDaysIsOutsideTheHorizon() throws {
        let decision = try Fixture.book(Fixture.request(["2026-12-01T09:00"]), Fixture.snapshot())
        #expect(codes(decision) == [.outsideBookingHorizon])
    }

    @Test(arguments: ["2026-11-23T17:00", "2026-11-29T10:00", "2026-11-23T07:00"])
    func outsideOperatingHours(start: String) throws {
        let decision = try Fixture.book(
            Fixture.request([start]), Fixture.snapshot(), now: Fixture.at("2026-11-23T06:00"))
        #expect(codes(decision) == [.outsideOperatingHours])
        #expect(decision.conflicts[0].severity == .hard)
    }

    @Test func everyEligibleBayBookedIsNoEligibleBay() throws {
        let snapshot = Fixture.snapshot(appointments: [
            Fixture.booked(
                "A-1", "2026-11-23T08:30", minutes: 60, bay: "BAY-1", mechanic: nil, skills: [], needsMechanic: false),
            Fixture.booked(
                "A-2", "2026-11-23T10:00", minutes: 60, bay: "BAY-2", mechanic: nil, skills: [], needsMechanic: false),
        ])
        let decision = try Fixture.book(Fixture.request(["2026-11-23T09:00"]), snapshot)
        #expect(codes(decision) == [.noEligibleBay])
        #expect(decision.conflicts[0].resources == ["BAY-1", "BAY-2"])
        #expect(decision.conflicts[0].severity == .hard)
    }

    @Test func bayOutOfServiceCounts() throws {
        var snapshot = Fixture.snapshot(appointments: [
            Fixture.booked(
                "A-1", "2026-11-23T09:00", minutes: 30, bay: "BAY-1", mechanic: nil, skills: [], needsMechanic: false)
        ])
        snapshot.bays[1].outOfService = [ScenarioFile.TimeRange(start: "2026-11-23T10:00", end: "2026-11-23T12:00")]
        #expect(codes(try Fixture.book(Fixture.request(["2026-11-23T09:00"]), snapshot)) == [.noEligibleBay])
    }

    @Test func noBayTypeForEveryLineIsNoEligibleBay() throws {
        let lines = [
            ServiceLine(serviceType: "ALIGN", estimatedMinutes: 30, bayTypes: ["ALIGNMENT_BAY"]),
            ServiceLine(serviceType: "TIRES", estimatedMinutes: 30, bayTypes: ["TIRE_BAY"]),
        ]
        let decision = try Fixture.book(
            Fixture.request(), Fixture.snapshot(estimates: [Fixture.estimate(lines: lines)]))
        #expect(codes(decision) == [.noEligibleBay])
    }

    @Test func mobileEligibleWorkMayUseTheMobileUnit() throws {
        let line = ServiceLine(
            serviceType: "OIL", estimatedMinutes: 30, bayTypes: ["GENERAL_SERVICE_BAY"], mobileEligible: true)
        let snapshot = Fixture.snapshot(
            appointments: [
                Fixture.booked("A-1", "2026-11-23T09:00", minutes: 60, bay: "BAY-1", mechanic: "M-2", skills: [])
            ],
            estimates: [Fixture.estimate(lines: [line])])
        let decision = try Fixture.book(Fixture.request(["2026-11-23T09:00"]), snapshot)
        #expect(decision.outcome == .created)
        #expect(decision.appointment?.mobileUnit == "VAN-1")
        #expect(decision.appointment?.bay == nil)
    }

    @Test func hardCapacityExceeded() throws {
        let snapshot = Fixture.snapshot(
            appointments: [
                Fixture.booked("A-1", "2026-11-23T09:00", bay: "BAY-2", mechanic: "M-2", skills: [])
            ], maxConcurrent: 1)
        let decision = try Fixture.book(Fixture.request(["2026-11-23T09:00"]), snapshot)
        #expect(codes(decision) == [.capacityExceeded])
        #expect(decision.conflicts[0].severity == .hard)
    }

    static let bothMechanicsBusy = [
        Fixture.booked("A-1", "2026-11-23T09:00", minutes: 90, bay: "VAN-1", mechanic: "M-1"),
        Fixture.booked("A-2", "2026-11-23T09:00", minutes: 90, bay: "BAY-2", mechanic: "M-2"),
    ]

    @Test func mechanicRequiredButNoneFreeIsOverridable() throws {
        let decision = try Fixture.book(
            Fixture.request(["2026-11-23T09:00"]), Fixture.snapshot(appointments: Self.bothMechanicsBusy))
        #expect(decision.outcome == .conflicts)
        #expect(codes(decision) == [.noMechanicFree])
        #expect(decision.conflicts[0].severity == .overridable)
        #expect(decision.conflicts[0].overridden == false)
    }

    @Test func overrideWithPermissionAndReasonBooksAndIsAudited() throws {
        let request = Fixture.request(
            ["2026-11-23T09:00"], permissions: Fixture.allPermissions,
            conflictOverride: .init(reason: "fleet customer, tech from other shop"))
        let decision = try Fixture.book(request, Fixture.snapshot(appointments: Self.bothMechanicsBusy))
        #expect(decision.outcome == .created)
        #expect(decision.appointment?.mechanic == nil)
        // Not DEFERRED, which promises a mechanic known to be free: none is (issue 15).
        #expect(decision.appointment?.assignmentStatus == .awaitingManualAssignment)
        #expect(decision.conflicts.map(\.overridden) == [true])
        let overridden = decision.audit.filter { $0.type == AuditType.conflictOverridden }
        #expect(overridden.count == 1)
        #expect(overridden.first?.details["reason"] == "fleet customer, tech from other shop")
        #expect(overridden.first?.details["code"] == "MECHANIC_REQUIRED_NONE_FREE")
    }

    @Test func overrideWithoutPermissionIsDenied() throws {
        let request = Fixture.request(["2026-11-23T09:00"], conflictOverride: .init(reason: "please"))
        let decision = try Fixture.book(request, Fixture.snapshot(appointments: Self.bothMechanicsBusy))
        #expect(decision.outcome == .denied)
        #expect(decision.denials.map(\.code) == [.conflictOverrideNotPermitted])
        #expect(codes(decision) == [.noMechanicFree])
    }

    @Test func overrideWithoutReasonIsDenied() throws {
        let request = Fixture.request(
            ["2026-11-23T09:00"], permissions: Fixture.allPermissions,
            conflictOverride: .init(reason: " "))
        let decision = try Fixture.book(request, Fixture.snapshot(appointments: Self.bothMechanicsBusy))
        #expect(decision.outcome == .denied)
        #expect(decision.denials.map(\.code) == [.conflictOverrideReasonMissing])
    }

    @Test func overrideDoesNotLiftHardConflicts() throws {
        let request = Fixture.request(
            ["2026-11-23T17:00"], permissions: Fixture.allPermissions,
            conflictOverride: .init(reason: "late pickup"))
        let decision = try Fixture.book(request, Fixture.snapshot())
        #expect(decision.outcome == .conflicts)
        #expect(codes(decision) == [.outsideOperatingHours])
        #expect(!decision.audit.contains { $0.type == AuditType.conflictOverridden })
    }

    @Test func customerAlreadyBookedIsOverridable() throws {
        let mine = Fixture.booked(
            "A-1", "2026-11-23T08:30", minutes: 60, bay: "VAN-1", mechanic: nil, customer: "C-1", skills: [],
            needsMechanic: false)
        let snapshot = Fixture.snapshot(appointments: [mine])
        let decision = try Fixture.book(Fixture.request(["2026-11-23T09:00"]), snapshot)
        #expect(codes(decision) == [.customerDoubleBooked])
        #expect(decision.conflicts[0].resources == ["A-1"])
        #expect(decision.conflicts[0].severity == .overridable)
        let overridden = try Fixture.book(
            Fixture.request(
                ["2026-11-23T09:00"], permissions: Fixture.allPermissions,
                conflictOverride: .init(reason: "two cars")), snapshot)
        #expect(overridden.outcome == .created)
        // Touching is not overlapping: 09:30 starts as A-1 ends.
        #expect(try Fixture.book(Fixture.request(["2026-11-23T09:30"]), snapshot).outcome == .created)
    }

    @Test func softCapacityWarnsAndBooks() throws {
        // 3 bays × 40 open slots on Monday = 120 slot-bays; 2 × 40 slots booked = 80 + 6 = 86 (72 %) is under 85 %,
        // with a 0.7 threshold it is above.
        let busy = [
            Fixture.booked(
                "A-1", "2026-11-23T08:00", minutes: 600, bay: "VAN-1", mechanic: nil, skills: [], needsMechanic: false),
            Fixture.booked(
                "A-2", "2026-11-23T08:00", minutes: 480, bay: "BAY-2", mechanic: nil, skills: [], needsMechanic: false),
            Fixture.booked(
                "A-3", "2026-11-23T16:00", minutes: 120, bay: "BAY-1", mechanic: nil, skills: [], needsMechanic: false),
        ]
        let under = try Fixture.book(Fixture.request(), Fixture.snapshot(appointments: busy))
        #expect(under.outcome == .created)
        #expect(!codes(under).contains(.softCapacityExceeded))
        let over = try Fixture.book(
            Fixture.request(), Fixture.snapshot(appointments: busy, policy: BookingPolicy(softCapacityThreshold: 0.7)))
        #expect(over.outcome == .created)
        #expect(codes(over) == [.softCapacityExceeded])
        #expect(over.conflicts[0].severity == .soft)
    }

    @Test func preferredMechanicUnavailableWarnsAndBooksAnother() throws {
        let snapshot = Fixture.snapshot(appointments: [
            Fixture.booked("A-1", "2026-11-23T09:00", bay: "VAN-1", mechanic: "M-1")
        ])
        let decision = try Fixture.book(Fixture.request(mechanic: "M-1"), snapshot)
        #expect(decision.outcome == .created)
        #expect(decision.appointment?.mechanic == "M-2")
        #expect(codes(decision) == [.preferredMechanicUnavailable])
        #expect(decision.conflicts[0].resources == ["M-1"])
    }

    @Test func preferredMechanicIsHonouredWhenFree() throws {
        let decision = try Fixture.book(Fixture.request(mechanic: "M-2"), Fixture.snapshot())
        #expect(decision.appointment?.mechanic == "M-2")
        #expect(decision.conflicts.isEmpty)
    }

    @Test func mechanicOverloadedWarnsAndBooks() throws {
        // M-1 (the best, with ENGINE) works 08:00–09:00 and 10:30–16:00: 390 of 540 shift minutes;
        // the 90-minute job makes 480, 88.9 %: above 85 %, below 90 %.
        let booked = [
            Fixture.booked("A-1", "2026-11-23T08:00", minutes: 60, bay: "BAY-1", mechanic: "M-1", skills: []),
            Fixture.booked("A-2", "2026-11-23T10:30", minutes: 330, bay: "BAY-1", mechanic: "M-1", skills: []),
        ]
        let decision = try Fixture.book(Fixture.request(), Fixture.snapshot(appointments: booked))
        #expect(decision.outcome == .created)
        #expect(decision.appointment?.mechanic == "M-1")
        #expect(codes(decision) == [.mechanicOverloaded])
        #expect(decision.conflicts[0].resources == ["M-1"])
        let relaxed = try Fixture.book(
            Fixture.request(),
            Fixture.snapshot(
                appointments: booked, policy: BookingPolicy(mechanicOverloadThreshold: 0.9)))
        #expect(codes(relaxed) == [])
    }

    @Test func firstWantedStartWithoutBlockingConflictIsBooked() throws {
        let decision = try Fixture.book(Fixture.request(["2026-11-23T17:00", "2026-11-23T10:00"]), Fixture.snapshot())
        #expect(decision.outcome == .created)
        #expect(decision.appointment?.start == "2026-11-23T10:00")
        #expect(decision.warnings.map(\.code) == ["PREFERRED_START_SKIPPED"])
    }
}
