import FluentKit
import SconDomain
import Vapor

/// An RFC 9457 problem details body.
struct Problem: Content, Sendable {
    var type: String
    var title: String
    var status: Int
    var detail: String?
    var instance: String?
    var errors: [FieldError]?

    struct FieldError: Content, Sendable, Equatable {
        var field: String
        var detail: String
    }

    static let mediaType = HTTPMediaType(type: "application", subType: "problem+json", parameters: ["charset": "utf-8"])
}

/// The one place where errors become HTTP statuses and problem bodies.
enum ProblemMapping {
    struct Mapped: Sendable {
        var status: HTTPResponseStatus
        var problem: Problem
        var headers: HTTPHeaders = [:]
    }

    static func map(_ error: any Error, path: String) -> Mapped {
        switch error {
        case let error as DomainError:
            return map(domain: error, path: path)
        case let refusal as any Refusal:
            return map(domain: .conflict(refusal.description), path: path)
        case is IdempotencyKeyReused:
            return Mapped(status: .unprocessableEntity, problem: Problem(
                type: "urn:kscon:problem:idempotency-key-reused", title: "The Idempotency-Key was used for another request.", status: 422,
                detail: "This key was already used for a different request; send a new key for a new booking.", instance: path))
        case let error as DecodingError:
            return Mapped(status: .badRequest, problem: Problem(
                type: "urn:kscon:problem:malformed-body", title: "The request body is not in the expected shape.", status: 400,
                detail: describe(error), instance: path, errors: field(of: error).map { [$0] }))
        case let error as any DatabaseError where error.isConstraintFailure:
            // A unique value taken by a concurrent write (or a rule the code missed): a conflict, never a 500.
            return map(domain: .conflict("the change conflicts with a record that exists (a value that must be unique is taken); reload and try again."), path: path)
        case let abort as any AbortError:
            var headers = abort.headers
            headers.remove(name: .contentType)
            let status = abort.status
            let type = status == .payloadTooLarge ? "urn:kscon:problem:payload-too-large" : "about:blank"
            return Mapped(status: status, problem: Problem(
                type: type, title: status.reasonPhrase, status: Int(status.code),
                detail: abort.reason == status.reasonPhrase ? nil : abort.reason, instance: path), headers: headers)
        default:
            return Mapped(status: .internalServerError, problem: Problem(
                type: "about:blank", title: "Internal Server Error", status: 500,
                detail: "Something went wrong on our side; it has been logged.", instance: path))
        }
    }

    static func map(domain error: DomainError, path: String) -> Mapped {
        switch error {
        case .invalid(let issues):
            return Mapped(status: .unprocessableEntity, problem: Problem(
                type: "urn:kscon:problem:invalid-input", title: "Some fields break the rules.", status: 422,
                detail: issues.map(\.detail).joined(separator: " "), instance: path,
                errors: issues.map { Problem.FieldError(field: $0.field, detail: $0.detail) }))
        case .badParameter(let issues):
            return Mapped(status: .badRequest, problem: Problem(
                type: "urn:kscon:problem:bad-parameter", title: "A request parameter is not valid.", status: 400,
                detail: issues.map(\.detail).joined(separator: " "), instance: path,
                errors: issues.map { Problem.FieldError(field: $0.field, detail: $0.detail) }))
        case .notFound(let what):
            return Mapped(status: .notFound, problem: Problem(
                type: "urn:kscon:problem:not-found", title: "Not found.", status: 404, detail: "No \(what) with this identifier.", instance: path))
        case .forbidden(let what):
            return Mapped(status: .forbidden, problem: Problem(
                type: "urn:kscon:problem:forbidden", title: "Not allowed.", status: 403, detail: "You may not \(what).", instance: path))
        case .unauthenticated:
            return Mapped(status: .unauthorized, problem: Problem(
                type: "urn:kscon:problem:unauthenticated", title: "Sign-in required.", status: 401,
                detail: "Send a personal API token as `Authorization: Bearer …`, or sign in.", instance: path),
                headers: ["WWW-Authenticate": "Bearer realm=\"kscon\""])
        case .conflict(let detail):
            return Mapped(status: .conflict, problem: Problem(
                type: "urn:kscon:problem:conflict", title: "Conflict.", status: 409, detail: detail, instance: path))
        case .rateLimited(let seconds):
            return Mapped(status: .tooManyRequests, problem: Problem(
                type: "urn:kscon:problem:rate-limited", title: "Too many attempts.", status: 429,
                detail: "Try again in \(seconds) seconds.", instance: path), headers: ["Retry-After": String(seconds)])
        }
    }

    private static func field(of error: DecodingError) -> Problem.FieldError? {
        let path: [any CodingKey]
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): path = context.codingPath
        case .keyNotFound(let key, let context): path = context.codingPath + [key]
        @unknown default: return nil
        }
        guard !path.isEmpty else { return nil }
        return Problem.FieldError(field: fieldName(path), detail: describe(error))
    }

    static func fieldName(_ path: [any CodingKey]) -> String {
        path.reduce(into: "") { name, key in
            if let index = key.intValue { name += "[\(index)]" } else { name += name.isEmpty ? key.stringValue : "." + key.stringValue }
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .typeMismatch(let type, let context): "\(fieldName(context.codingPath)) must be of type \(type)."
        case .valueNotFound(_, let context): "\(fieldName(context.codingPath)) must not be null."
        case .keyNotFound(let key, let context): "\(fieldName(context.codingPath + [key])) is required."
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                // Our own refusals of the whole body carry no underlying error; the parser's do.
                context.underlyingError == nil && context.debugDescription.hasPrefix("The body") ? context.debugDescription : "The body is not valid JSON."
            } else {
                // Ours read on from the field's name ("kind is not a known field."); Foundation's do not.
                context.debugDescription.first?.isLowercase == true
                    ? "\(fieldName(context.codingPath)) \(context.debugDescription)" : "\(fieldName(context.codingPath)): \(context.debugDescription)"
            }
        @unknown default: "The body could not be read."
        }
    }
}
