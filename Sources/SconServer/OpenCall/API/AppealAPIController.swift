import Fluent
import SconDomain
import Vapor

/// `/api/v1` for appeals of published results.
struct AppealAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("proposals", ":id", "appeal", use: appeal)
        routes.post("proposals", ":id", "appeal", use: lodge)
        routes.post("proposals", ":id", "appeal", "answer", use: answer)
        routes.get("calls", ":id", "appeals", use: list)
    }

    struct LodgeInput: Decodable, Sendable {
        var text: String?
        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(allowed: ["text"])
            text = try decoder.container(keyedBy: AnyCodingKey.self).decodeIfPresent(String.self, forKey: AnyCodingKey("text"))
        }
    }

    struct AnswerInput: Decodable, Sendable {
        var answer: String?
        var upheld: Bool?
        init(from decoder: any Decoder) throws {
            let c = try decoder.strictFields(["answer", "upheld"])
            answer = try c.value("answer", as: String.self)
            upheld = try c.value("upheld", as: Bool.self)
        }
    }

    @Sendable func appeal(_ req: Request) async throws -> AppealDTO {
        try req.requireSignedIn("see appeals")
        guard let appeal = try await req.appealStore.get(try req.uuidParameter(), by: req.principal) else { throw DomainError.notFound("appeal") }
        return AppealDTO(appeal: appeal)
    }

    @Sendable func lodge(_ req: Request) async throws -> Response {
        try req.requireSignedIn("appeal results")
        let id = try req.uuidParameter()
        let input = try req.decodeJSON(LodgeInput.self)
        let appeal = try await req.appealStore.lodge(id, text: input.text, by: req.principal)
        return req.created(AppealDTO(appeal: appeal), location: "/api/v1/proposals/\(UUIDText.string(id))/appeal")
    }

    @Sendable func answer(_ req: Request) async throws -> AppealDTO {
        try req.requireSignedIn("answer appeals")
        let input = try req.decodeJSON(AnswerInput.self)
        return AppealDTO(appeal: try await req.appealStore.answer(try req.uuidParameter(), answer: input.answer, upheld: input.upheld, by: req.principal))
    }

    @Sendable func list(_ req: Request) async throws -> ListResponse<AppealDTO> {
        try req.requireSignedIn("see appeals")
        return ListResponse(items: try await req.appealStore.list(try req.uuidParameter(), by: req.principal).map(AppealDTO.init), nextCursor: nil)
    }
}

extension Request {
    var appealStore: AppealStore { AppealStore(db: db, audit: auditLog) }
}
