import SconDomain
import Fluent
import Metrics
import Prometheus
import SQLKit
import Vapor

/// `/healthz`, `/metrics` and `/openapi.json`.
struct OperationsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(OperationsURL.health, use: health)
        routes.get(OperationsURL.metrics, use: metrics)
        routes.get(OperationsURL.openAPI, use: openAPI)
    }

    struct Health: Content { var status: String; var database: String; var version: String }

    @Sendable func health(_ req: Request) async throws -> Response {
        let databaseUp = (try? await req.sql.raw("SELECT 1 AS one").first()) != nil
        let health = Health(status: databaseUp ? "ok" : "degraded", database: databaseUp ? "ok" : "unavailable", version: SconVersion.current)
        return try await health.encodeResponse(status: databaseUp ? .ok : .serviceUnavailable, for: req)
    }

    /// Only to loopback clients (not through a proxy that forwards), or with the configured token;
    /// anyone else gets 404, as if there were nothing here.
    @Sendable func metrics(_ req: Request) async throws -> Response {
        guard MetricsAccess.allows(req) else { throw DomainError.notFound("page") }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(data: Data(SconMetrics.registry.emitToBuffer())))
    }

    @Sendable func openAPI(_ req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: OpenAPIDocument.data))
    }
}

enum SconVersion {
    static let current = "0.1.0"
}

/// The process-wide Prometheus registry behind swift-metrics (bootstrapped once per process).
enum SconMetrics {
    static let registry = PrometheusCollectorRegistry()
    private static let bootstrapped: Bool = {
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return true
    }()

    static func bootstrap() { _ = bootstrapped }
}

/// Who may read `/metrics`.
enum MetricsAccess {
    static func allows(_ req: Request) -> Bool {
        if let token = req.application.sconConfig.metricsToken, let sent = req.headers.first(name: "X-Metrics-Token") {
            return CSRFProtection.constantTimeEqual(sent, token)
        }
        let forwarded = req.headers.contains(name: "X-Forwarded-For") || req.headers.contains(name: "Forwarded")
        guard !forwarded, let address = req.remoteAddress?.ipAddress else { return false }
        return address == "127.0.0.1" || address.hasPrefix("127.") || address == "::1" || address == "::ffff:127.0.0.1"
    }
}
