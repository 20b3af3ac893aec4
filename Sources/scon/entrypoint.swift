import Logging
import NIOCore
import NIOPosix
import SconServer
import Vapor

/// `scon`: serve the platform, or run one of its commands (`scon --help`).
@main
enum Entrypoint {
    static func main() async throws {
        var env = try Environment.detect()
        try LoggingSystem.bootstrap(from: &env)
        // NIO's event loops as Swift's global executor: fewer thread hops per request (PERFORMANCE.md).
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()

        let app = try await Application.make(env)
        do {
            try await configure(app, config: .fromEnvironment())
            try await ServeStartup.prepareIfServing(app, arguments: env.arguments)
            try await app.execute()
        } catch {
            app.logger.report(error: error)
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
