import Foundation

/// The roles of DESIGN.md. Each role is held within a scope of one kind.
public enum Role: String, Sendable, CaseIterable, Codable, Hashable {
    case administrator
    case programmeOfficer = "programme-officer"
    case fundManager = "fund-manager"
    case centreStaff = "centre-staff"
    case reviewer
    case countryFocalPoint = "country-focal-point"
    case organisationMember = "organisation-member"

    /// The kinds of scope this role may be granted in.
    public var allowedScopes: Set<ScopeKind> {
        switch self {
        case .administrator: [.global]
        case .programmeOfficer: [.global, .call]
        case .fundManager: [.global]
        case .centreStaff: [.centre]
        case .reviewer: [.global, .call]
        case .countryFocalPoint: [.country]
        case .organisationMember: [.organisation]
        }
    }
}

/// What a role grant is limited to.
public enum ScopeKind: String, Sendable, CaseIterable, Codable, Hashable {
    case global, organisation, country, call, centre
}

/// A scope: global, or one organisation / country / call / centre (by its identifier).
public struct Scope: Sendable, Hashable, Codable {
    public var kind: ScopeKind
    public var id: String?

    public init(kind: ScopeKind, id: String?) {
        self.kind = kind
        self.id = kind == .global ? nil : id
    }

    public static let global = Scope(kind: .global, id: nil)
    public static func organisation(_ id: String) -> Scope { Scope(kind: .organisation, id: id) }
    public static func country(_ code: CountryCode) -> Scope { Scope(kind: .country, id: code.value) }
    public static func call(_ id: String) -> Scope { Scope(kind: .call, id: id) }
    public static func centre(_ id: String) -> Scope { Scope(kind: .centre, id: id) }
}

/// A role held in a scope.
public struct Grant: Sendable, Hashable, Codable {
    public var role: Role
    public var scope: Scope

    public init(role: Role, scope: Scope) {
        self.role = role
        self.scope = scope
    }

    /// Checks that the role may be held in this kind of scope and that a scoped grant names its object.
    public static func validated(role roleText: String?, scopeKind kindText: String?, scopeID: String?) throws(DomainError) -> Grant {
        var rules = FieldRules()
        let role = Role(rawValue: roleText ?? "")
        if role == nil { rules.fail("role", "unknown", "role must be one of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).") }
        let kind = ScopeKind(rawValue: kindText ?? "")
        if kind == nil { rules.fail("scope.kind", "unknown", "scope kind must be one of: \(ScopeKind.allCases.map(\.rawValue).joined(separator: ", ")).") }
        try rules.check()
        guard role!.allowedScopes.contains(kind!) else {
            throw .invalid([FieldIssue(field: "scope.kind", code: "not-allowed",
                                       detail: "\(role!.rawValue) is held in a scope of kind \(role!.allowedScopes.map(\.rawValue).sorted().joined(separator: " or ")).")])
        }
        let id = scopeID?.trimmingCharacters(in: .whitespaces) ?? ""
        if kind! != .global && id.isEmpty {
            throw .invalid([FieldIssue(field: "scope.id", code: "required", detail: "a \(kind!.rawValue) scope names its \(kind!.rawValue).")])
        }
        var normalised = id
        switch kind! {
        case .country:
            guard let code = CountryCode(id) else {
                throw .invalid([FieldIssue(field: "scope.id", code: "invalid", detail: "a country scope is an ISO 3166-1 alpha-2 code.")])
            }
            normalised = code.value
        case .organisation, .call, .centre:
            guard let uuid = UUID(uuidString: id) else {
                throw .invalid([FieldIssue(field: "scope.id", code: "invalid", detail: "a \(kind!.rawValue) scope is named by its UUID.")])
            }
            normalised = uuid.uuidString.lowercased()
        case .global:
            break
        }
        return Grant(role: role!, scope: Scope(kind: kind!, id: normalised))
    }
}
