import Fluent
import SconDomain
import Vapor

/// `/api/v1` for appeals of published results.
struct AppealAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let signedIn = routes.grouped(RequireSignedIn())
        signedIn.get(OpenCallAPI.proposalAppeal(.key), use: appeal)
        signedIn.post(OpenCallAPI.proposalAppeal(.key), use: lodge)
        signedIn.post(OpenCallAPI.proposalAppealAnswer(.key), use: answer)
        signedIn.get(OpenCallAPI.appeals(.key), use: list)
    }

    struct LodgeInput: Decodable, Sendable {
        var text: String?
        /// The fields of the body, declared once.
        enum Field: String, CodingKey, CaseIterable {
            case text
        }

        init(from decoder: any Decoder) throws {
            text = try decoder.strictFields(Field.self).decodeIfPresent(String.self, forKey: .text)
        }
    }

    struct AnswerInput: Decodable, Sendable {
        var answer: String?
        var upheld: Bool?
        /// The fields of the body, declared once.
        enum Field: String, CodingKey, CaseIterable {
            case answer, upheld
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.strictFields(Field.self)
            answer = try c.decodeIfPresent(String.self, forKey: .answer)
            upheld = try c.decodeIfPresent(Bool.self, forKey: .upheld)
        }
    }

    @Sendable func appeal(_ req: Request) async throws -> AppealDTO {
        guard let appeal = try await req.appealStore.get(try req.uuid(), by: req.principal) else { throw DomainError.notFound("appeal") }
        return AppealDTO(appeal: appeal)
    }

    @Sendable func lodge(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let input = try req.decodeJSON(LodgeInput.self)
        let appeal = try await req.appealStore.lodge(id, text: input.text, by: req.principal)
        return req.created(AppealDTO(appeal: appeal), at: OpenCallAPI.proposalAppeal(.value(id)))
    }

    @Sendable func answer(_ req: Request) async throws -> AppealDTO {
        let input = try req.decodeJSON(AnswerInput.self)
        return AppealDTO(appeal: try await req.appealStore.answer(try req.uuid(), answer: input.answer, upheld: input.upheld, by: req.principal))
    }

    @Sendable func list(_ req: Request) async throws -> ListResponse<AppealDTO> {
        return ListResponse(items: try await req.appealStore.list(try req.uuid(), by: req.principal).map(AppealDTO.init), nextCursor: nil)
    }
}

extension Request {
    var appealStore: AppealStore { AppealStore(db: db, audit: auditLog) }
}
