import SconDomain
import Vapor

/// Small pieces shared by pages: the sample badge, field errors, form fields, pagination.
enum Components {
    /// What an action did, announced politely to screen readers.
    static func notice(_ text: String?) -> HTML {
        text.map { "<div class=\"notice\" role=\"status\"><p>\($0)</p></div>" } ?? .empty
    }

    /// Why an action was refused, announced at once.
    static func alert(_ text: String?) -> HTML {
        text.map { "<div class=\"error-summary\" role=\"alert\"><p>\($0)</p></div>" } ?? .empty
    }

    static func sampleBadge(_ context: PageContext, _ isSample: Bool) -> HTML {
        isSample ? "<span class=\"badge badge-sample\" title=\"\(context["sample.explain"])\">\(context["sample.badge"])</span>" : .empty
    }

    /// The summary of a form's errors at its top, linked to each field (WCAG 3.3.1).
    static func errorSummary(_ context: PageContext, _ issues: [FieldIssue]) -> HTML {
        guard !issues.isEmpty else { return .empty }
        let items: [HTML] = issues.map { "<li><a href=\"#\(fieldID($0.field))\">\(context.localized($0))</a></li>" }
        return """
        <div class="error-summary" role="alert" tabindex="-1">
        <h2>\(context["form.errors"])</h2>
        <ul>\(items)</ul>
        </div>
        """
    }

    static func fieldID(_ field: String) -> String {
        "f-" + field.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
    }

    static func fieldError(_ context: PageContext, _ issues: [FieldIssue], _ field: String) -> HTML {
        let mine = issues.filter { $0.field == field || $0.field.hasPrefix(field + "[") }
        guard !mine.isEmpty else { return .empty }
        return "<p class=\"field-error\" id=\"\(fieldID(field))-error\">\(mine.map { context.localized($0) }.joined(separator: " "))</p>"
    }

    /// A labelled text input with its error, described-by for screen readers.
    static func textField(_ context: PageContext, _ issues: [FieldIssue], field: String, name: String, label: String,
                          value: String?, type: String = "text", required: Bool = false, autocomplete: String? = nil,
                          hint: String? = nil, maxLength: Int? = nil, lang: String? = nil) -> HTML {
        let id = fieldID(field)
        let hasError = issues.contains { $0.field == field }
        let described: HTML = hasError ? " aria-invalid=\"true\" aria-describedby=\"\(id)-error\"" : (hint != nil ? " aria-describedby=\"\(id)-hint\"" : "")
        let requiredAttr: HTML = required ? " required" : ""
        let auto: HTML = autocomplete.map { " autocomplete=\"\($0)\"" } ?? ""
        let max: HTML = maxLength.map { " maxlength=\"\($0)\"" } ?? ""
        let langAttr: HTML = lang.map { " lang=\"\($0)\"" } ?? ""
        let hintHTML: HTML = hint.map { "<p class=\"hint\" id=\"\(id)-hint\">\($0)</p>" } ?? ""
        return """
        <div class="field">
        <label for="\(id)">\(label)\(required ? HTML(raw: " <span class=\"required\" aria-hidden=\"true\">*</span>") : HTML.empty)</label>
        \(hintHTML)\(fieldError(context, issues, field))
        <input id="\(id)" name="\(name)" type="\(type)" value="\(value ?? "")"\(requiredAttr)\(auto)\(max)\(langAttr)\(described)>
        </div>
        """
    }

    static func textArea(_ context: PageContext, _ issues: [FieldIssue], field: String, name: String, label: String,
                         value: String?, lang: String? = nil, hint: String? = nil) -> HTML {
        let id = fieldID(field)
        let langAttr: HTML = lang.map { " lang=\"\($0)\"" } ?? ""
        let hintHTML: HTML = hint.map { "<p class=\"hint\" id=\"\(id)-hint\">\($0)</p>" } ?? ""
        return """
        <div class="field">
        <label for="\(id)">\(label)</label>
        \(hintHTML)\(fieldError(context, issues, field))
        <textarea id="\(id)" name="\(name)" rows="5" maxlength="4000"\(langAttr)>\(value ?? "")</textarea>
        </div>
        """
    }

    static func select(_ context: PageContext, field: String, name: String, label: String,
                       options: [(value: String, label: String)], selected: String?, includeBlank: String? = nil,
                       issues: [FieldIssue] = []) -> HTML {
        let id = fieldID(field)
        var rendered: [HTML] = []
        if let includeBlank { rendered.append("<option value=\"\">\(includeBlank)</option>") }
        for option in options {
            let isSelected: HTML = option.value == selected ? " selected" : ""
            rendered.append("<option value=\"\(option.value)\"\(isSelected)>\(option.label)</option>")
        }
        return """
        <div class="field">
        <label for="\(id)">\(label)</label>
        \(fieldError(context, issues, field))
        <select id="\(id)" name="\(name)">\(rendered)</select>
        </div>
        """
    }

    static func definition(_ term: String, _ value: HTML) -> HTML {
        "<dt>\(term)</dt><dd>\(value)</dd>"
    }
}

extension PageContext {
    /// A field issue in the page's language: the generic rule text for its code, else the English detail.
    /// The same, with a label of the caller's choice.
    func localized(_ issue: FieldIssue, label key: String) -> String {
        let code = "error.\(issue.code)"
        return strings.has(code) ? "\(strings[key]): \(strings[code])" : issue.detail
    }

    /// An issue in the page's language: the field's label and the rule, with the rule's bounds when
    /// it has some ("Technical score: out of range (0–100)."); never a raw key. Without a label
    /// the rule alone (on an English page, the issue's own English sentence).
    func localized(_ issue: FieldIssue) -> String {
        let key = "error.\(issue.code)"
        let name = issue.field.split(separator: "[").first.map(String.init) ?? issue.field
        let preferred = labelPrefix.map { "\($0)\(name)" }
        let label = preferred.flatMap { strings.has($0) ? strings[$0] : nil } ?? (strings.has("field.\(name)") ? strings["field.\(name)"] : nil)
        guard strings.has(key) else { return issue.detail }
        guard let label else { return language == .en ? issue.detail : strings[key] + Self.bounds(issue) }
        return "\(label): \(strings[key])" + Self.bounds(issue)
    }

    /// The numbers of a range or length rule, from the issue's sentence: " (0–100)", " (at most 500)".
    static func bounds(_ issue: FieldIssue) -> String {
        guard ["out-of-range", "too-long", "too-many", "invalid"].contains(issue.code) else { return "" }
        let numbers = issue.detail.matches(of: /-?\d[\d,]*(\.\d+)?/).map { String($0.output.0).trimmingCharacters(in: CharacterSet(charactersIn: ",")) }
        switch numbers.count {
        case 2 where issue.code == "out-of-range" || issue.code == "invalid": return " (\(numbers[0])–\(numbers[1]))"
        case 1 where issue.code == "too-long" || issue.code == "too-many": return " (≤ \(numbers[0]))"
        default: return ""
        }
    }
}
