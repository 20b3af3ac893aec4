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

    @Sendable func metrics(_ req: Request) async throws -> Response {
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
