import Foundation

/// One K-SCON project as an IATI 2.03 activity (`IATIWriter` turns it into XML). Everything here is
/// already decided by K-SCON: codes come from the mappings below, amounts are `Money`.
public struct IATIActivity: Sendable, Hashable {
    /// The full `iati-identifier`: the reporting organisation's ref, "-", the project code
    /// (`IATIActivity.identifier(reportingOrg:projectCode:)`). It must never change once published,
    /// and it must not be empty (the schema does not check that).
    public var identifier: String
    /// The bare K-SCON project code (`ProjectOrigin`), repeated as `other-identifier` type A1.
    public var projectCode: String
    public var title: LocalizedText
    public var description: LocalizedText
    /// Emitted as `participating-org`, one element per IATI role (`ProjectRole.iatiRoles`).
    public var participants: [IATIParticipant]
    public var stage: ProjectStage
    /// At least one should be given (the schema needs an `activity-date`); when there is none, the
    /// writer emits a planned start on the day of `lastUpdated`.
    public var dates: [IATIActivityDate]
    public var recipientCountry: CountryCode
    public var locations: [IATILocation]
    public var sectors: [Sector]
    public var budgets: [IATIBudget]
    public var transactions: [IATITransaction]
    public var results: [IATIResult]
    public var lastUpdated: Date
    public var defaultCurrency: Currency

    public init(identifier: String, projectCode: String, title: LocalizedText, description: LocalizedText,
                participants: [IATIParticipant], stage: ProjectStage, dates: [IATIActivityDate], recipientCountry: CountryCode,
                locations: [IATILocation], sectors: [Sector], budgets: [IATIBudget], transactions: [IATITransaction],
                results: [IATIResult], lastUpdated: Date, defaultCurrency: Currency) {
        self.identifier = identifier
        self.projectCode = projectCode
        self.title = title
        self.description = description
        self.participants = participants
        self.stage = stage
        self.dates = dates
        self.recipientCountry = recipientCountry
        self.locations = locations
        self.sectors = sectors
        self.budgets = budgets
        self.transactions = transactions
        self.results = results
        self.lastUpdated = lastUpdated
        self.defaultCurrency = defaultCurrency
    }

    /// `KR-GOV-999` + `KSCON-2026-VN-01` → `KR-GOV-999-KSCON-2026-VN-01`.
    public static func identifier(reportingOrg ref: String, projectCode: String) -> String {
        ref + "-" + projectCode
    }
}

/// The part an organisation plays in a K-SCON project (stored as its raw value).
public enum ProjectRole: String, Sendable, Hashable, CaseIterable, Codable {
    case lead
    case partner
    case financier
    case consultant
    case beneficiary

    /// The IATI OrganisationRole codes (1 Funding, 2 Accountable, 3 Extending, 4 Implementing) the
    /// organisation is published with, one `participating-org` per code. The lead is accountable for
    /// the project's oversight and outcomes; partners and consultants implement it; the financier funds it.
    /// A beneficiary has no IATI role (code 5 passes the schema but not codelist validation), so it is
    /// not a `participating-org`: the recipient country, the locations and the receivers of
    /// disbursements show who benefits. A beneficiary city that signs, owns or oversees the project is
    /// accountable and should be recorded as the lead.
    public var iatiRoles: [Int] {
        switch self {
        case .lead: [2]
        case .partner: [4]
        case .financier: [1]
        case .consultant: [4]
        case .beneficiary: []
        }
    }
}

/// An organisation taking part in the activity.
public struct IATIParticipant: Sendable, Hashable {
    public var name: LocalizedText
    /// The organisation's IATI identifier (`XM-DAC-…`, `KR-CRN-…`), when it has one.
    public var ref: String?
    /// The IATI OrganisationType code: 10 government, 11 local government, 15 other public sector,
    /// 21 international NGO, 40 multilateral, 70–73 private sector, 80 academic and research.
    public var organisationType: Int?
    public var role: ProjectRole

    public init(name: LocalizedText, ref: String?, organisationType: Int?, role: ProjectRole) {
        self.name = name
        self.ref = ref
        self.organisationType = organisationType
        self.role = role
    }
}

/// A planned or actual start or end of the activity.
public struct IATIActivityDate: Sendable, Hashable {
    /// The IATI ActivityDateType code is the raw value.
    public enum Kind: Int, Sendable, Hashable, CaseIterable, Codable {
        case plannedStart = 1
        case actualStart = 2
        case plannedEnd = 3
        case actualEnd = 4
    }

    public var kind: Kind
    public var day: CalendarDay

    public init(kind: Kind, day: CalendarDay) {
        self.kind = kind
        self.day = day
    }
}

/// A place where the activity happens, as a WGS 84 point (EPSG:4326).
public struct IATILocation: Sendable, Hashable {
    public var name: LocalizedText
    public var latitude: Double
    public var longitude: Double

    public init(name: LocalizedText, latitude: Double, longitude: Double) {
        self.name = name
        self.latitude = latitude
        self.longitude = longitude
    }
}

/// The money planned for one period (IATI advises at most a year).
public struct IATIBudget: Sendable, Hashable {
    public var start: CalendarDay
    public var end: CalendarDay
    public var value: Money
    /// The day whose exchange rate converts the value.
    public var valueDate: CalendarDay

    public init(start: CalendarDay, end: CalendarDay, value: Money, valueDate: CalendarDay) {
        self.start = start
        self.end = end
        self.value = value
        self.valueDate = valueDate
    }
}

/// A booked movement of money.
public struct IATITransaction: Sendable, Hashable {
    /// What was booked. A cancellation has no IATI code of its own: it is a commitment (type 2) with a
    /// negative value, which reverses the part of the commitment that was cancelled.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        case commitment
        case disbursement
        case loanRepayment = "loan-repayment"
        case cancellation

        /// The IATI TransactionType code: 2 Outgoing Commitment, 3 Disbursement, 6 Loan Repayment (not 12,
        /// which is Outgoing Pledge).
        public var iatiCode: Int {
            switch self {
            case .commitment, .cancellation: 2
            case .disbursement: 3
            case .loanRepayment: 6
            }
        }
    }

    public var kind: Kind
    public var day: CalendarDay
    /// The amount as booked, positive, also for a cancellation (`reportedValue` negates it).
    public var value: Money
    public var valueDate: CalendarDay
    public var description: String?
    /// Who received the money (for a loan repayment: the lender).
    public var receiverName: String?

    public init(kind: Kind, day: CalendarDay, value: Money, valueDate: CalendarDay, description: String?, receiverName: String?) {
        self.kind = kind
        self.day = day
        self.value = value
        self.valueDate = valueDate
        self.description = description
        self.receiverName = receiverName
    }

    /// The value as IATI reports it: a cancellation is never positive, whatever sign it was booked with.
    public var reportedValue: Money {
        guard kind == .cancellation, value.minor > 0 else { return value }
        return Money(minor: -value.minor, value.currency)
    }
}

/// A result of the activity with its indicators. IATI 2.03 needs at least one indicator: a result
/// without any is left out of the export.
public struct IATIResult: Sendable, Hashable {
    /// The IATI ResultType code: 1 output, 2 outcome, 3 impact, 9 other.
    public var type: Int
    public var title: LocalizedText
    public var indicators: [IATIIndicator]

    public init(type: Int, title: LocalizedText, indicators: [IATIIndicator]) {
        self.type = type
        self.title = title
        self.indicators = indicators
    }
}

/// How a result is measured.
public struct IATIIndicator: Sendable, Hashable {
    /// The IATI IndicatorMeasure code: 1 unit, 2 percentage (3 nominal, 4 ordinal, 5 qualitative; for 5
    /// no value is emitted).
    public var measure: Int
    public var title: LocalizedText
    /// The year the baseline was measured; the baseline is left out unless it is 1 or later.
    public var baselineYear: Int
    /// A plain decimal (`48`, `33.5`).
    public var baselineValue: String?
    public var periods: [IATIIndicatorPeriod]

    public init(measure: Int, title: LocalizedText, baselineYear: Int, baselineValue: String?, periods: [IATIIndicatorPeriod]) {
        self.measure = measure
        self.title = title
        self.baselineYear = baselineYear
        self.baselineValue = baselineValue
        self.periods = periods
    }
}

/// The target and the actual value of an indicator for one period (plain decimals).
public struct IATIIndicatorPeriod: Sendable, Hashable {
    public var start: CalendarDay
    public var end: CalendarDay
    public var target: String?
    public var actual: String?

    public init(start: CalendarDay, end: CalendarDay, target: String?, actual: String?) {
        self.start = start
        self.end = end
        self.target = target
        self.actual = actual
    }
}

extension ProjectStage {
    /// The IATI ActivityStatus code: 1 pipeline/identification up to financing, 2 implementation,
    /// 3 finalisation once completed (4 closed is for when the accounts and M&E are closed, which
    /// K-SCON does not track), 5 cancelled when dropped.
    public var iatiStatus: Int {
        switch self {
        case .lead, .selected, .studyInProgress, .studyCompleted, .feasibilityStudy, .financing: 1
        case .implementation: 2
        case .completed: 3
        case .dropped: 5
        }
    }
}

extension Sector {
    /// The OECD DAC 5-digit purpose code (IATI sector vocabulary 1). Each is `active` in the IATI Sector
    /// codelist. The choices:
    /// - urban development: 43030 Urban development and management. The list marks it "insufficiently
    ///   granular" for budget alignment; 43031 (urban land policy) or 43032 (urban development) fit a
    ///   project that is clearly one of them.
    /// - safety: 43060 Disaster risk reduction (early warning, monitoring, emergency response). Not 15130
    ///   Legal and judicial development, which is the justice sector (police is 15132, fire and rescue 15133).
    /// - transport: 21020 Road transport (ITS, traffic signals); rail and metro would be 21030.
    /// - water: 14021 Water supply, large systems; sanitation would be 14022.
    /// - energy: 23630 Electric power transmission and distribution (centralised grids, smart grids).
    /// - environment: 41010 Environmental policy and administrative management.
    /// - housing: 16030 Housing policy and administrative management.
    /// - governance: 15110 Public sector policy and administrative management.
    /// - health: 12110 Health policy and administrative management.
    /// - digital: 22040 Information and communication technology (ICT).
    public var dacCode: String {
        switch self {
        case .urbanDevelopment: "43030"
        case .safety: "43060"
        case .transport: "21020"
        case .water: "14021"
        case .energy: "23630"
        case .environment: "41010"
        case .housing: "16030"
        case .governance: "15110"
        case .health: "12110"
        case .digital: "22040"
        }
    }
}

extension OrganisationType {
    /// The IATI OrganisationType code. Companies and financiers are told apart by where they
    /// are: 71 in the provider country (Korea), 72 in the recipient country, 73 elsewhere.
    public func iatiCode(country: CountryCode, recipient: CountryCode) -> Int {
        switch self {
        case .ministry: 10
        case .localGovernment: 11
        case .publicInstitution: 15
        case .internationalOrganisation: 40
        case .researchInstitute, .university: 80
        case .company, .financier: country.value == "KR" ? 71 : (country == recipient ? 72 : 73)
        }
    }
}
