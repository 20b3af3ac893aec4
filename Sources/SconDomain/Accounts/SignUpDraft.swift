/// What a person submits to create an account.
public struct SignUpDraft: Sendable, Hashable {
    public var email: String?
    public var displayName: String?
    public var password: String?
    public var language: String?

    public init(email: String?, displayName: String?, password: String?, language: String? = nil) {
        self.email = email; self.displayName = displayName; self.password = password; self.language = language
    }

    public struct Fields: Sendable, Hashable {
        public var email: EmailAddress
        public var displayName: String
        public var password: String
        public var language: Language

        public init(email: EmailAddress, displayName: String, password: String, language: Language) {
            self.email = email; self.displayName = displayName; self.password = password; self.language = language
        }
    }

    public func validated() throws(DomainError) -> Fields {
        var rules = FieldRules()
        let email = EmailAddress(self.email ?? "")
        if email == nil { rules.fail("email", "invalid", "email must be an address like name@example.org.") }
        let name = rules.text(displayName, field: "displayName", max: 100)
        for issue in PasswordPolicy.check(password ?? "", email: email) { rules.fail(issue.field, issue.code, issue.detail) }
        let language = Language(rawValue: self.language ?? "en") ?? .en
        try rules.check()
        return Fields(email: email!, displayName: name, password: password!, language: language)
    }
}
