import Fluent
import Foundation
import SconDomain
import Vapor

/// The project pipeline under `/api/v1/projects`: leads, the dossier, and every change to a
/// project (participants, deliverables, milestones, tender, indicators, readiness, stage).
struct PipelineAPIController: RouteCollection {
    let maxAttachmentBytes: Int

    func boot(routes: any RoutesBuilder) throws {
        routes.post("projects", use: createLead)
        let project = routes.grouped("projects", ":id")
        project.get("dossier", use: dossier)
        project.put("profile", use: profile)
        project.post("participants", use: participant)
        project.post("deliverables", use: deliverable)
        project.post("deliverables", ":deliverable", "versions", use: version)
        project.post("deliverables", ":deliverable", "approval", use: approve)
        project.on(.POST, "deliverables", ":deliverable", "versions", "file", body: .collect(maxSize: ByteCount(value: maxAttachmentBytes)), use: versionFile)
            .allowingBodies(upTo: maxAttachmentBytes)
        project.get("deliverables", ":deliverable", "versions", ":version", "file", use: download)
        project.post("milestones", use: milestone)
        project.put("milestones", ":milestone", use: milestoneActual)
        project.post("tender", use: tender)
        project.post("tender", "bids", use: bid)
        project.post("tender", "award", use: award)
        project.post("indicators", use: indicator)
        project.post("readiness", ":flag", use: justify)
        project.post("stage", use: stage)
    }

    private func dossierAnswer(_ req: Request, _ id: UUID, status: HTTPResponseStatus = .ok) async throws -> Response {
        ProjectDossierDTO(dossier: try await ProjectDossier.of(id, by: req.principal, on: req.db))
            .jsonResponse(status: status, allocator: req.byteBufferAllocator)
    }

    /// A change to the project: signed in, the change, then the dossier as it is now.
    private func change(_ req: Request, status: HTTPResponseStatus = .ok, _ body: (UUID) async throws -> Void) async throws -> Response {
        try req.requireSignedIn("change projects")
        let id = try req.uuidParameter()
        try await body(id)
        return try await dossierAnswer(req, id, status: status)
    }

    @Sendable func createLead(_ req: Request) async throws -> Response {
        try req.requireSignedIn("record leads")
        let project = try await req.pipelineStore.createLead(try req.decodeJSON(LeadInput.self).lead, by: req.principal)
        return try await dossierAnswer(req, try project.requireID(), status: .created)
    }

    @Sendable func dossier(_ req: Request) async throws -> Response { try await dossierAnswer(req, try req.uuidParameter()) }

    @Sendable func profile(_ req: Request) async throws -> Response {
        try await change(req) { id in
            let input = try req.decodeJSON(ProfileInput.self)
            _ = try await req.pipelineStore.setProfile(id, descriptionEn: input.descriptionEn, descriptionKo: input.descriptionKo, sectors: input.sectors, by: req.principal)
        }
    }

    @Sendable func participant(_ req: Request) async throws -> Response {
        try await change(req, status: .created) { id in
            let input = try req.decodeJSON(ParticipantInput.self)
            _ = try await req.pipelineStore.addParticipant(id, organisation: input.organisation, role: input.role, by: req.principal)
        }
    }

    @Sendable func deliverable(_ req: Request) async throws -> Response {
        try await change(req, status: .created) { id in
            let input = try req.decodeJSON(DeliverableInput.self)
            _ = try await req.pipelineStore.addDeliverable(id, kind: input.kind, title: input.title, isPublic: input.isPublic, by: req.principal)
        }
    }

    @Sendable func version(_ req: Request) async throws -> Response {
        try await change(req, status: .created) { id in
            let input = try req.decodeJSON(VersionInput.self)
            _ = try await req.pipelineStore.addVersion(id, deliverable: try req.uuidParameter("deliverable"), note: input.note, by: req.principal)
        }
    }

    /// A version with its document: the file is the body, sent with its own `Content-Type`;
    /// `?filename=` names it and `?note=` says what changed.
    @Sendable func versionFile(_ req: Request) async throws -> Response {
        try await change(req, status: .created) { id in
            let bytes = req.body.data.map { Array($0.readableBytesView) } ?? []
            let upload = PipelineStore.Upload(filename: req.queryItem("filename"), declaredType: req.headers.first(name: .contentType), bytes: bytes,
                                              maximumBytes: maxAttachmentBytes)
            _ = try await req.pipelineStore.addVersion(id, deliverable: try req.uuidParameter("deliverable"), note: req.queryItem("note"), file: upload, by: req.principal)
        }
    }

    @Sendable func download(_ req: Request) async throws -> Response {
        guard let number = req.parameters.get("version").flatMap(Int.init) else { throw Abort(.badRequest, reason: "version must be a whole number.") }
        let row = try await req.pipelineStore.file(try req.uuidParameter(), deliverable: try req.uuidParameter("deliverable"), version: number, by: req.principal)
        return AttachmentAPIController.fileResponse(filename: row.filename ?? "document", mediaType: row.mediaType ?? "application/octet-stream",
                                                    sha256: row.sha256 ?? "", content: row.content ?? Data(), for: req)
    }

    @Sendable func approve(_ req: Request) async throws -> Response {
        try await change(req) { id in
            _ = try await req.pipelineStore.approve(id, deliverable: try req.uuidParameter("deliverable"), by: req.principal)
        }
    }

    @Sendable func milestone(_ req: Request) async throws -> Response {
        try await change(req, status: .created) { id in
            let input = try req.decodeJSON(MilestoneInput.self)
            _ = try await req.pipelineStore.addMilestone(id, titleEn: input.titleEn, titleKo: input.titleKo, planned: input.planned, actual: input.actual, by: req.principal)
        }
    }

    @Sendable func milestoneActual(_ req: Request) async throws -> Response {
        try await change(req) { id in
            let input = try req.decodeJSON(MilestoneActualInput.self)
            _ = try await req.pipelineStore.setActual(id, milestone: try req.uuidParameter("milestone"), actual: input.actual, by: req.principal)
        }
    }

    @Sendable func tender(_ req: Request) async throws -> Response {
        try await change(req, status: .created) { id in
            let input = try req.decodeJSON(TenderInput.self)
            _ = try await req.pipelineStore.openTender(id, terms: input.terms, agreedOn: input.agreedOn, closesOn: input.closesOn, by: req.principal)
        }
    }

    @Sendable func bid(_ req: Request) async throws -> Response {
        try await change(req, status: .created) { id in
            let input = try req.decodeJSON(BidInput.self)
            _ = try await req.pipelineStore.addBid(id, organisation: input.organisation, amountKRW: input.amountKRW, technicalScore: input.technicalScore, by: req.principal)
        }
    }

    @Sendable func award(_ req: Request) async throws -> Response {
        try await change(req) { id in
            _ = try await req.pipelineStore.award(id, bid: try req.decodeJSON(AwardInput.self).bid, by: req.principal)
        }
    }

    @Sendable func indicator(_ req: Request) async throws -> Response {
        try await change(req, status: .created) { id in
            let input = try req.decodeJSON(IndicatorInput.self)
            _ = try await req.pipelineStore.addIndicator(id, resultType: input.resultType, titleEn: input.titleEn, titleKo: input.titleKo, measure: input.measure,
                                                         baselineYear: input.baselineYear, baselineValue: input.baselineValue,
                                                         periods: input.periods.map(\.value), by: req.principal)
        }
    }

    @Sendable func justify(_ req: Request) async throws -> Response {
        try await change(req) { id in
            let input = try req.decodeJSON(ReasonInput.self)
            _ = try await req.pipelineStore.justify(id, flag: req.parameters.get("flag") ?? "", reason: input.reason, by: req.principal)
        }
    }

    @Sendable func stage(_ req: Request) async throws -> Response {
        try await change(req) { id in
            let input = try req.decodeJSON(ReasonInput.self)
            _ = try await req.pipelineStore.move(id, to: input.to, reason: input.reason, by: req.principal)
        }
    }
}

extension Request {
    var pipelineStore: PipelineStore { PipelineStore(db: db, audit: auditLog) }
}
