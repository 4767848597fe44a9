import ShopScheduler

/// The answer of `POST /v1/scenarios:validate` for a valid scenario: what `shopsched validate`
/// counts.
struct ScenarioSummary: Encodable {
    var valid: Bool
    var jobs: Int
    var bays: Int
    var mechanics: Int
    var days: Int
}

/// The answer of `POST /v1/plans:verify`: the verifier's findings, and its report as
/// `shopsched verify` prints it.
struct VerificationSummary: Encodable {
    struct Finding: Encodable {
        var rule: String
        var job: String?
        var message: String
    }

    var feasible: Bool
    var objective: Int
    var violations: [Finding]
    var report: String

    init(_ report: VerificationReport) {
        feasible = report.isFeasible
        objective = report.objective
        violations = report.violations.map { Finding(rule: $0.rule.rawValue, job: $0.job, message: $0.message) }
        self.report = "\(report)\n"
    }
}
