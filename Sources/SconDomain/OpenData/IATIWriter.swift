import Foundation

/// Writes IATI Activity Standard 2.03 XML (`data/iati/iati-activities-schema.xsd`). Elements come in the
/// schema's sequence order, which the schema enforces; codes come from the mappings in IATIActivity.swift,
/// which only the IATI codelists and the IATI Validator check.
public enum IATIWriter {
    /// The publisher: its IATI organisation identifier (`KR-GOV-999`, the org id of the IATI Registry
    /// publisher, the same in every activity), its OrganisationType code and its name.
    public struct ReportingOrg: Sendable, Hashable {
        public var ref: String
        public var type: Int
        public var name: LocalizedText

        public init(ref: String, type: Int, name: LocalizedText) {
            self.ref = ref
            self.type = type
            self.name = name
        }
    }

    /// The spatial reference system of every `point`: WGS 84 latitude and longitude.
    static let srsName = "http://www.opengis.net/def/crs/EPSG/0/4326"

    /// A whole `iati-activities` file. The schema needs at least one activity: with none the document
    /// is well-formed but does not validate, so publish nothing in that case.
    public static func document(_ activities: [IATIActivity], reportingOrg: ReportingOrg, generated: Date) -> String {
        let root = XML.Element("iati-activities", ["version": "2.03", "generated-datetime": AuditChain.timestamp(generated)],
                               children: activities.map { activity($0, reportingOrg: reportingOrg) })
        return #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + XML.render(root)
    }

    static func activity(_ activity: IATIActivity, reportingOrg: ReportingOrg) -> XML.Element {
        var children: [XML.Element] = [
            XML.Element("iati-identifier", text: activity.identifier),
            XML.Element("reporting-org", ["ref": reportingOrg.ref, "type": String(reportingOrg.type)],
                        children: narratives(reportingOrg.name)),
            XML.Element("title", children: narratives(activity.title)),
            XML.Element("description", ["type": "1"], children: narratives(activity.description)),
        ]
        children += participatingOrgs(activity.participants, reportingOrg: reportingOrg)
        if XML.hasContent(activity.projectCode) {
            children.append(XML.Element("other-identifier", ["ref": activity.projectCode, "type": "A1"]))
        }
        children.append(XML.Element("activity-status", ["code": String(activity.stage.iatiStatus)]))
        let fallbackDate = IATIActivityDate(kind: .plannedStart, day: CalendarDay(activity.lastUpdated))
        let dates = activity.dates.isEmpty ? [fallbackDate] : activity.dates
        children += dates.map { XML.Element("activity-date", ["type": String($0.kind.rawValue), "iso-date": $0.day.description]) }
        children.append(XML.Element("recipient-country", ["code": activity.recipientCountry.value, "percentage": "100"]))
        children += activity.locations.compactMap(location)
        children += sectors(activity.sectors)
        children += activity.budgets.map(budget)
        children += activity.transactions.map(transaction)
        children += activity.results.compactMap(result)
        return XML.Element("iati-activity", ["last-updated-datetime": AuditChain.timestamp(activity.lastUpdated), "xml:lang": "en",
                                             "default-currency": activity.defaultCurrency.rawValue], children: children)
    }

    /// One `participating-org` per IATI role of each participant. The schema needs at least one: when no
    /// participant has a role (only beneficiaries), the reporting organisation is named as accountable (2).
    static func participatingOrgs(_ participants: [IATIParticipant], reportingOrg: ReportingOrg) -> [XML.Element] {
        var elements: [XML.Element] = []
        for participant in participants {
            let ref: String? = participant.ref.flatMap { XML.hasContent($0) ? $0 : nil }
            let type: String? = participant.organisationType.map { String($0) }
            for role in participant.role.iatiRoles {
                elements.append(XML.Element("participating-org", ["ref": ref, "type": type, "role": String(role)],
                                            children: narratives(participant.name)))
            }
        }
        guard elements.isEmpty else { return elements }
        return [XML.Element("participating-org", ["ref": reportingOrg.ref, "type": String(reportingOrg.type), "role": "2"],
                            children: narratives(reportingOrg.name))]
    }

    /// A location with its name and, when the coordinates are on the globe, its point ("lat lon"); nil
    /// when it has neither.
    static func location(_ location: IATILocation) -> XML.Element? {
        var children: [XML.Element] = []
        if XML.hasContent(location.name.en) || XML.hasContent(location.name.ko) {
            children.append(XML.Element("name", children: narratives(location.name)))
        }
        let (latitude, longitude) = (location.latitude, location.longitude)
        if latitude.isFinite, longitude.isFinite, abs(latitude) <= 90, abs(longitude) <= 180 {
            let pos = XML.Element("pos", text: fixed(latitude) + " " + fixed(longitude))
            children.append(XML.Element("point", ["srsName": srsName], children: [pos]))
        }
        return children.isEmpty ? nil : XML.Element("location", children: children)
    }

    /// DAC sectors (vocabulary 1), each once, with percentages that add up to 100: an equal share each,
    /// and what the integer division leaves over goes to the first.
    static func sectors(_ sectors: [Sector]) -> [XML.Element] {
        var codes: [String] = []
        for code in sectors.map(\.dacCode) where !codes.contains(code) { codes.append(code) }
        guard !codes.isEmpty else { return [] }
        let share = 100 / codes.count
        return codes.enumerated().map { index, code in
            let percentage = index == 0 ? 100 - share * (codes.count - 1) : share
            return XML.Element("sector", ["vocabulary": "1", "code": code, "percentage": String(percentage)])
        }
    }

    static func budget(_ budget: IATIBudget) -> XML.Element {
        XML.Element("budget", children: [
            XML.Element("period-start", ["iso-date": budget.start.description]),
            XML.Element("period-end", ["iso-date": budget.end.description]),
            value(budget.value, valueDate: budget.valueDate),
        ])
    }

    /// Type, date and value, then the description and the receiver (the schema's order).
    static func transaction(_ transaction: IATITransaction) -> XML.Element {
        var children = [
            XML.Element("transaction-type", ["code": String(transaction.kind.iatiCode)]),
            XML.Element("transaction-date", ["iso-date": transaction.day.description]),
            value(transaction.reportedValue, valueDate: transaction.valueDate),
        ]
        if let description = transaction.description, XML.hasContent(description) {
            children.append(XML.Element("description", children: [XML.Element("narrative", text: description)]))
        }
        if let receiver = transaction.receiverName, XML.hasContent(receiver) {
            children.append(XML.Element("receiver-org", children: [XML.Element("narrative", text: receiver)]))
        }
        return XML.Element("transaction", children: children)
    }

    /// A result with its indicators; nil when it has none (2.03 needs at least one).
    static func result(_ result: IATIResult) -> XML.Element? {
        guard !result.indicators.isEmpty else { return nil }
        return XML.Element("result", ["type": String(result.type)],
                           children: [XML.Element("title", children: narratives(result.title))] + result.indicators.map(indicator))
    }

    /// Title, baseline (needs a year of 1 or later), then the periods with target before actual. A
    /// qualitative measure (5) has no values.
    static func indicator(_ indicator: IATIIndicator) -> XML.Element {
        let quantitative = indicator.measure != 5
        var children = [XML.Element("title", children: narratives(indicator.title))]
        if indicator.baselineYear >= 1 {
            children.append(XML.Element("baseline", ["year": String(indicator.baselineYear),
                                                     "value": quantitative ? indicator.baselineValue : nil]))
        }
        children += indicator.periods.map { period -> XML.Element in
            var parts = [XML.Element("period-start", ["iso-date": period.start.description]),
                         XML.Element("period-end", ["iso-date": period.end.description])]
            if let target = period.target { parts.append(XML.Element("target", ["value": quantitative ? target : nil])) }
            if let actual = period.actual { parts.append(XML.Element("actual", ["value": quantitative ? actual : nil])) }
            return XML.Element("period", children: parts)
        }
        return XML.Element("indicator", ["measure": String(indicator.measure)], children: children)
    }

    /// A `value` always states its currency and its value date, in fixed-point form (`1234.50`, `-1500000`).
    static func value(_ money: Money, valueDate: CalendarDay) -> XML.Element {
        XML.Element("value", ["currency": money.currency.rawValue, "value-date": valueDate.description], text: money.decimalText)
    }

    /// English without `xml:lang` (the activity's language), then Korean with `xml:lang="ko"`; an empty
    /// text is left out, so a text in one language only gives one narrative. The schema needs one, so
    /// when both are empty an empty English narrative is emitted.
    static func narratives(_ text: LocalizedText) -> [XML.Element] {
        var elements: [XML.Element] = []
        if XML.hasContent(text.en) { elements.append(XML.Element("narrative", text: text.en)) }
        if XML.hasContent(text.ko) { elements.append(XML.Element("narrative", ["xml:lang": "ko"], text: text.ko)) }
        return elements.isEmpty ? [XML.Element("narrative", text: "")] : elements
    }

    /// A coordinate with six decimals (about 0.1 m), never in exponent form: `16.067780`, `-5.148610`.
    /// Only for values within ±180.
    static func fixed(_ coordinate: Double) -> String {
        let micro = (coordinate * 1_000_000).rounded()
        let units = Int(abs(micro))
        let fraction = String(units % 1_000_000)
        let sign = micro < 0 ? "-" : ""
        return sign + String(units / 1_000_000) + "." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }
}

/// A small XML tree and its serialisation: escaped text and attributes, characters that XML 1.0 does
/// not allow left out, two-space indentation.
enum XML {
    struct Element {
        var name: String
        /// Attributes in order; a nil value leaves the attribute out.
        var attributes: KeyValuePairs<String, String?>
        var children: [Element]
        /// Text content; when set, `children` is empty.
        var text: String?

        init(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], children: [Element] = []) {
            self.name = name
            self.attributes = attributes
            self.children = children
            self.text = nil
        }

        init(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], text: String) {
            self.name = name
            self.attributes = attributes
            self.children = []
            self.text = text
        }
    }

    static func render(_ element: Element) -> String {
        var output = ""
        render(element, depth: 0, into: &output)
        return output
    }

    static func render(_ element: Element, depth: Int, into output: inout String) {
        let indent = String(repeating: "  ", count: depth)
        output += indent + "<" + element.name
        for (name, value) in element.attributes {
            if let value { output += " " + name + "=\"" + escape(value, inAttribute: true) + "\"" }
        }
        if let text = element.text {
            output += ">" + escape(text, inAttribute: false) + "</" + element.name + ">\n"
        } else if element.children.isEmpty {
            output += "/>\n"
        } else {
            output += ">\n"
            for child in element.children { render(child, depth: depth + 1, into: &output) }
            output += indent + "</" + element.name + ">\n"
        }
    }

    /// Escapes the five markup characters and CR (and, in attributes, tab and LF, which parsers would
    /// otherwise turn into spaces); leaves out characters XML 1.0 does not allow.
    static func escape(_ text: String, inAttribute: Bool) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            case "\r": output += "&#13;"
            case "\n" where inAttribute: output += "&#10;"
            case "\t" where inAttribute: output += "&#9;"
            default: if isAllowed(scalar) { output.unicodeScalars.append(scalar) }
            }
        }
        return output
    }

    /// XML 1.0 `Char`: tab, LF, CR, and everything from U+0020 except U+FFFE and U+FFFF (surrogates
    /// cannot be `Unicode.Scalar`s).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// Whether a text has something to show once the characters XML does not allow are left out.
    static func hasContent(_ text: String) -> Bool {
        text.unicodeScalars.contains { isAllowed($0) && !$0.properties.isWhitespace }
    }
}
