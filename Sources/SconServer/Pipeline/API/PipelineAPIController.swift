import Fluent
import Foundation
import SconDomain
import Vapor

/// The project pipeline under `/api/v1/projects`: leads, the dossier, and every change to a
/// project (participants, deliverables, milestones, tender, indicators, readiness, stage).
struct PipelineAPIController: RouteCollection {
    let maxAttachmentBytes: Int

    func boot(routes: any RoutesBuilder) throws {
        let signedIn = routes.grouped(RequireSignedIn())
        signedIn.post(ProjectAPI.projects, use: createLead)
        routes.get(ProjectAPI.dossier(.key), use: dossier)
        signedIn.put(ProjectAPI.profile(.key), use: profile)
        signedIn.post(ProjectAPI.participants(.key), use: participant)
        signedIn.post(ProjectAPI.deliverables(.key), use: deliverable)
        signedIn.post(ProjectAPI.versions(.key, .key), use: version)
        signedIn.post(ProjectAPI.approval(.key, .key), use: approve)
        signedIn.upload(ProjectAPI.versionUpload(.key, .key), maxBytes: maxAttachmentBytes, use: versionFile)
            .allowingBodies(upTo: maxAttachmentBytes)
        routes.get(ProjectAPI.versionFile(.key, .key, .key), use: download)
        signedIn.post(ProjectAPI.milestones(.key), use: milestone)
        signedIn.put(ProjectAPI.milestone(.key, .key), use: milestoneActual)
        signedIn.post(ProjectAPI.tender(.key), use: tender)
        signedIn.post(ProjectAPI.bids(.key), use: bid)
        signedIn.post(ProjectAPI.award(.key), use: award)
        signedIn.post(ProjectAPI.indicators(.key), use: indicator)
        signedIn.post(ProjectAPI.readiness(.key, .key), use: justify)
        signedIn.post(ProjectAPI.stage(.key), use: stage)
    }

    private func dossierAnswer(_ req: Request, _ id: UUID, status: HTTPResponseStatus = .ok) async throws -> Response {
        ProjectDossierDTO(dossier: try await ProjectDossier.of(id, by: req.principal, on: req.db, now: req.now))
            .jsonResponse(status: status, allocator: req.byteBufferAllocator)
    }

    /// A change to the project: signed in, the change, then the dossier as it is now.
    private func change(_ req: Request, status: HTTPResponseStatus = .ok, _ body: (UUID) async throws -> Void) async throws -> Response {
        let id = try req.uuid()
        try await body(id)
        return try await dossierAnswer(req, id, status: status)
    }

    @Sendable func createLead(_ req: Request) async throws -> Response {
        let project = try await req.pipelineStore.createLead(try req.decodeJSON(LeadInput.self).lead, by: req.principal)
        return try await dossierAnswer(req, try project.requireID(), status: .created)
    }

    @Sendable func dossier(_ req: Request) async throws -> Response { try await dossierAnswer(req, try req.uuid()) }

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
            _ = try await req.pipelineStore.addVersion(id, deliverable: try req.uuid(.deliverable), note: input.note, by: req.principal)
        }
    }

    /// A version with its document: the file is the body, sent with its own `Content-Type`;
    /// `?filename=` names it and `?note=` says what changed.
    @Sendable func versionFile(_ req: Request) async throws -> Response {
        try await change(req, status: .created) { id in
            let bytes = req.body.data.map { Array($0.readableBytesView) } ?? []
            let upload = PipelineStore.Upload(filename: req.queryItem("filename"), declaredType: req.headers.first(name: .contentType), bytes: bytes,
                                              maximumBytes: maxAttachmentBytes)
            _ = try await req.pipelineStore.addVersion(id, deliverable: try req.uuid(.deliverable), note: req.queryItem("note"), file: upload, by: req.principal)
        }
    }

    @Sendable func download(_ req: Request) async throws -> Response {
        guard let number = Int(req.parameter(.version)) else { throw Abort(.badRequest, reason: "version must be a whole number.") }
        let row = try await req.pipelineStore.file(try req.uuid(), deliverable: try req.uuid(.deliverable), version: number, by: req.principal)
        return AttachmentAPIController.fileResponse(filename: row.filename ?? "document", mediaType: row.mediaType ?? "application/octet-stream",
                                                    sha256: row.sha256 ?? "", content: row.content ?? Data(), for: req)
    }

    @Sendable func approve(_ req: Request) async throws -> Response {
        try await change(req) { id in
            _ = try await req.pipelineStore.approve(id, deliverable: try req.uuid(.deliverable), by: req.principal)
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
            _ = try await req.pipelineStore.setActual(id, milestone: try req.uuid(.milestone), actual: input.actual, by: req.principal)
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
            _ = try await req.pipelineStore.justify(id, flag: req.parameter(.flag), reason: input.reason, by: req.principal)
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
