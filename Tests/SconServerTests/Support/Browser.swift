import Testing
import Vapor
import VaporTesting
import Fluent
import SconDomain
@testable import SconServer

/// A person with a browser: keeps cookies between requests and submits forms with the CSRF
/// token the page gave, as a real browser would.
final class Browser: @unchecked Sendable {
    let app: Application
    var cookies: [String: String] = [:]
    var acceptLanguage: String?

    init(_ app: Application) { self.app = app }

    @discardableResult
    func get(_ path: String) async throws -> TestingHTTPResponse {
        try await send(.GET, path, body: nil, contentType: nil)
    }

    /// Submits a form (application/x-www-form-urlencoded); adds the CSRF token unless `csrf` is false.
    @discardableResult
    func post(_ path: String, form: [(String, String)], csrf: Bool = true) async throws -> TestingHTTPResponse {
        var fields = form
        if csrf {
            fields.append((CSRFProtection.fieldName, try await formToken()))
        }
        let encoded = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(.POST, path, body: ByteBuffer(string: encoded), contentType: "application/x-www-form-urlencoded")
    }

    /// Submits a `multipart/form-data` form with one file, as a browser's file input does.
    @discardableResult
    func post(_ path: String, fields: [(String, String)], file: (field: String, filename: String, contentType: String, bytes: [UInt8])) async throws -> TestingHTTPResponse {
        let token = try await formToken()
        let boundary = "----scon\(UUID().uuidString.prefix(8))"
        var body = ByteBuffer()
        for (name, value) in fields + [(CSRFProtection.fieldName, token)] {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.filename)\"\r\nContent-Type: \(file.contentType)\r\n\r\n")
        body.writeBytes(file.bytes)
        body.writeString("\r\n--\(boundary)--\r\n")
        return try await send(.POST, path, body: body, contentType: "multipart/form-data; boundary=\(boundary)")
    }

    /// The form token a page would carry for the cookies held now (a page is fetched first when
    /// there is neither a session nor a visitor cookie).
    func formToken() async throws -> String {
        if cookies[SessionCookie.name] == nil, cookies[CSRFProtection.cookieName] == nil { try await get("/signin") }
        if let session = cookies[SessionCookie.name] { return CSRFProtection.token(app.csrfKey, binding: "session|" + session) }
        return CSRFProtection.token(app.csrfKey, binding: "visitor|" + (cookies[CSRFProtection.cookieName] ?? ""))
    }

    /// Signs in with the password and, when the account has an authenticator, the code it
    /// would show (a step not used yet; a recovery code once the window's steps are used).
    func signIn(_ user: TestUser) async throws {
        let response = try await post("/signin", form: [("email", user.email), ("password", user.password)])
        #expect(response.status == .seeOther)
        guard let location = response.headers.first(name: .location), location.hasPrefix("/signin/second-factor"),
              let secret = user.totpSecret else { return }
        let second = try await post("/signin/second-factor", form: [("code", try await unusedCode(user, secret: secret))])
        #expect(second.status == .seeOther, "the second step of sign-in: \(second.status)")
    }

    private func unusedCode(_ user: TestUser, secret: [UInt8]) async throws -> String {
        let totp = try SconDomain.TOTP(secret: secret)
        let factor = try await UserSecondFactor.query(on: app.db).filter(\.$userID == user.id).first()
        let current = totp.step(at: app.clock.now())
        // The current step first (a step that passes while the request runs still counts as the
        // previous one); the next one if the current was used.
        let step = max(current, factor?.lastUsedStep.map { UInt64($0) + 1 } ?? 0)
        if step <= current + 1 { return totp.code(step: step) }
        let used = Set(try await RecoveryCode.query(on: app.db).filter(\.$userID == user.id).filter(\.$usedAt != nil).all().map(\.digest))
        return try #require(user.recoveryCodes.first { !used.contains(RecoveryCodes.digest(of: RecoveryCodes.normalised($0)!)) })
    }

    private func send(_ method: HTTPMethod, _ path: String, body: ByteBuffer?, contentType: String?) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if !cookies.isEmpty { headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        if let contentType { headers.add(name: .contentType, value: contentType) }
        if let acceptLanguage { headers.add(name: .acceptLanguage, value: acceptLanguage) }
        var result: TestingHTTPResponse?
        try await app.testing().test(method, path, headers: headers, body: body) { response in
            for header in response.headers[.setCookie] {
                let pair = header.split(separator: ";").first.map(String.init) ?? ""
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard let name = parts.first else { continue }
                let value = parts.count > 1 ? parts[1] : ""
                if value.isEmpty || header.lowercased().contains("max-age=0") { cookies[name] = nil } else { cookies[name] = value }
            }
            result = response
        }
        return try #require(result)
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
