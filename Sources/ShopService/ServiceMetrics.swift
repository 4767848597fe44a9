import Foundation
import Prometheus

/// The service's Prometheus metrics: requests by route and status, and latency by route.
///
/// Kept in a registry of the service's own rather than swift-metrics' process-wide bootstrap, so
/// every server (and every test's) has its own counts.
public final class ServiceMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()
    private static let buckets: [Duration] = [
        .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
        .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5),
        .seconds(10), .seconds(30),
    ]

    // Computed, not stored: swift-prometheus's MetricNameDescriptor is not Sendable, so it
    // cannot be a shared static; it is built only when a metric is looked up.
    private static var requests: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "shopsched", subsystem: "http", metricName: "requests", unitName: "total",
            helpText: "HTTP requests answered, by route, method and status.")
    }
    private static var latency: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "shopsched", subsystem: "http", metricName: "request_duration", unitName: "seconds",
            helpText: "Time from a request's arrival to its answer, by route.")
    }
    private static var inFlight: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "shopsched", metricName: "requests_in_flight", unitName: "",
            helpText: "Requests running or waiting for a worker.")
    }

    /// An empty registry.
    public init() {}

    /// Counts one answered request of `route` (its path in openapi.yaml, or `other`) and its latency.
    func record(route: String, method: String, status: Int, duration: Duration) {
        registry.makeCounter(
            descriptor: Self.requests, labels: [("route", route), ("method", method), ("status", String(status))]
        ).increment()
        registry.makeDurationHistogram(descriptor: Self.latency, labels: [("route", route)], buckets: Self.buckets)
            .record(duration)
    }

    /// Sets the number of requests running or waiting for a worker.
    func setInFlight(_ count: Int) {
        registry.makeGauge(descriptor: Self.inFlight).set(Double(count))
    }

    /// Every metric in Prometheus' text format.
    public func text() -> String { registry.emitToString() }
}
