/// The editable fields of a contact person of an organisation.
public struct PersonDraft: Sendable, Hashable {
    public var name: String?
    public var titleEn: String?
    public var titleKo: String?
    public var email: String?
    public var phone: String?

    public init(name: String? = nil, titleEn: String? = nil, titleKo: String? = nil, email: String? = nil, phone: String? = nil) {
        self.name = name; self.titleEn = titleEn; self.titleKo = titleKo; self.email = email; self.phone = phone
    }

    public struct Fields: Sendable, Hashable {
        public var name: String
        public var title: LocalizedText
        public var email: EmailAddress?
        public var phone: String?

        public init(name: String, title: LocalizedText, email: EmailAddress?, phone: String?) {
            self.name = name; self.title = title; self.email = email; self.phone = phone
        }
    }

    public func validated() throws(DomainError) -> Fields {
        var rules = FieldRules()
        let name = rules.text(name, field: "name", max: 200)
        let titleEn = rules.text(titleEn, field: "title.en", min: 0, max: 200)
        let titleKo = rules.text(titleKo, field: "title.ko", min: 0, max: 200)
        var email: EmailAddress?
        if let text = rules.optionalText(self.email, field: "email", max: 254) {
            email = EmailAddress(text)
            if email == nil { rules.fail("email", "invalid", "email must be an address like name@example.org.") }
        }
        let phone = rules.optionalText(self.phone, field: "phone", max: 40)
        if let phone, phone.count < 3 || !phone.allSatisfy({ "+0123456789 ()-".contains($0) }) {
            rules.fail("phone", "invalid", "phone may contain only digits, spaces, +, ( ) and -.")
        }
        try rules.check()
        return Fields(name: name, title: LocalizedText(en: titleEn, ko: titleKo), email: email, phone: phone)
    }
}

extension PersonDraft {
    public init(_ fields: Fields) {
        self.init(name: fields.name, titleEn: fields.title.en, titleKo: fields.title.ko, email: fields.email?.value, phone: fields.phone)
    }
}
