import Foundation
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
            // A command that fails says why and exits 1, rather than crashing with a backtrace.
            try? await app.asyncShutdown()
            let reason = (error as? any AbortError)?.reason ?? String(describing: error)
            FileHandle.standardError.write(Data("scon: \(reason)\n".utf8))
            exit(1)
        }
        try await app.asyncShutdown()
    }
}
