import SconDomain
import Vapor

/// The programme office's pages: the programmes and their form, the cohort form, the survey form.
/// Every form keeps what was typed when it is refused and shows each error next to its field.
enum TrainingOfficePages {
    /// The errors of a field and of its parts (`quota`, `quota.atMost`, `quota.fixed.TH`), next to it.
    static func errors(_ context: PageContext, _ issues: [FieldIssue], _ field: String) -> HTML {
        let mine = issues.filter { $0.field == field || $0.field.hasPrefix(field + ".") || $0.field.hasPrefix(field + "[") }
        guard !mine.isEmpty else { return .empty }
        return "<p class=\"field-error\" id=\"\(Components.fieldID(field))-error\">\(mine.map { context.localized($0) }.joined(separator: " "))</p>"
    }

    /// The summary of a form's errors, linked to each field; a field of a numbered row (`sessions[2].day`,
    /// `questions[0].key`) is named with the row's number and the part's label.
    static func summary(_ context: PageContext, _ issues: [FieldIssue], row: String, part: String) -> HTML {
        guard !issues.isEmpty else { return .empty }
        let items: [HTML] = issues.map { issue in
            let text: String
            if let match = issue.field.wholeMatch(of: /(sessions|questions)\[(\d+)\]\.(.+)/), let index = Int(match.output.2),
               context.strings.has("\(part)\(match.output.3)"), context.strings.has("error.\(issue.code)") {
                text = "\(context.strings.format(row, ["number": String(index + 1)])) · \(context["\(part)\(match.output.3)"]): \(context["error.\(issue.code)"])"
            } else {
                text = context.localized(issue)
            }
            // Every country's number is typed in the one field of the fixed quota.
            let anchor = issue.field.hasPrefix("quota.fixed") ? "quota.fixed" : issue.field
            return "<li><a href=\"#\(Components.fieldID(anchor))\">\(text)</a></li>"
        }
        return """
        <div class="error-summary" role="alert" tabindex="-1">
        <h2>\(context["form.errors"])</h2>
        <ul>\(items)</ul>
        </div>
        """
    }

    /// A checkbox with its label.
    static func checkbox(name: String, id: String, label: String, checked: Bool) -> HTML {
        "<li><input type=\"checkbox\" id=\"\(id)\" name=\"\(name)\" value=\"on\"\(checked ? HTML(raw: " checked") : HTML.empty)> <label for=\"\(id)\">\(label)</label></li>"
    }

    // MARK: Programmes

    static func programmes(_ context: PageContext, _ programmes: [TrainingProgramme], notice: String?) -> HTML {
        let language = context.language
        let rows: [HTML] = programmes.map { programme in
            let format = (try? programme.trainingFormat).map { context["trainingformat.\($0.rawValue)"] } ?? programme.format
            return """
            <tr><td><a href="\(TrainingURL.editProgramme(.value(programme.storedID)).path)" aria-label="\(context["programme.edit"]): \(programme.title.text(in: language))">\(programme.title.text(in: language))</a> \(Components.sampleBadge(context, programme.sample))</td>\
            <td>\(programme.code)</td><td>\(format)</td><td>\(programme.host.text(in: language))</td></tr>
            """
        }
        let body: HTML = """
        <p><a href="\(TrainingURL.training.path)">\(context["area.training.name"])</a></p>
        <h1>\(context["programme.office"])</h1>
        \(Components.notice(notice))
        <p>\(context["programme.listHint"])</p>
        <p class="actions"><a class="button" href="\(TrainingURL.newProgramme.path)">\(context["programme.new"])</a> \
        <a class="button" href="\(TrainingURL.newCohort.path)">\(context["cohortform.new"])</a></p>
        \(rows.isEmpty ? "<p>\(context["training.noProgrammes"])</p>" as HTML : """
        <div class="table-scroll"><table class="list"><caption>\(context["programme.caption"])</caption>
        <thead><tr><th scope="col">\(context["programmefield.title"])</th><th scope="col">\(context["programmefield.code"])</th>\
        <th scope="col">\(context["training.format"])</th><th scope="col">\(context["training.host"])</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        """)
        """
        return Layout.page(context, title: context["programme.office"], current: "nav.training", body: body)
    }

    struct ProgrammeFormModel {
        /// nil: a new programme.
        var id: UUID?
        var draft: ProgrammeDraft
        var organisations: [Organisation]
        var calls: [(id: UUID, label: String)]
        var projects: [Project]
        var issues: [FieldIssue] = []
    }

    static func programmeForm(_ context: PageContext, _ model: ProgrammeFormModel) -> HTML {
        var context = context
        context.labelPrefix = "programmefield."
        let language = context.language, draft = model.draft, issues = model.issues
        let action = model.id.map { TrainingURL.editProgramme(.value($0)).path } ?? TrainingURL.newProgramme.path
        let title = context[model.id == nil ? "programme.new" : "programme.editTitle"]
        let topics: [HTML] = TrainingTopic.allCases.map {
            checkbox(name: "topic-\($0.rawValue)", id: "topic-\($0.rawValue)", label: context["trainingtopic.\($0.rawValue)"], checked: (draft.topics ?? []).contains($0.rawValue))
        }
        let languages: [HTML] = InstructionLanguage.allCases.map {
            checkbox(name: "language-\($0.rawValue)", id: "language-\($0.rawValue)", label: context["language.\($0.rawValue)"],
                     checked: (draft.languages ?? []).contains($0.rawValue))
        }
        let formats = TrainingFormat.allCases.map { (value: $0.rawValue, label: context["trainingformat.\($0.rawValue)"]) }
        let hosts = model.organisations.map { (value: UUIDText.string($0.storedID), label: "\($0.name.text(in: language)) (\($0.countryCode))") }
        let calls = model.calls.map { (value: UUIDText.string($0.id), label: $0.label) }
        let projects = model.projects.map { (value: UUIDText.string($0.storedID), label: "\($0.code) · \($0.title)") }
        let body: HTML = """
        <p><a href="\(TrainingURL.programmes.path)">\(context["programme.office"])</a></p>
        <h1>\(title)</h1>
        \(Components.errorSummary(context, issues))
        <form method="post" action="\(action)" class="office-form">
        \(context.csrfField)
        \(Components.textField(context, issues, field: "code", name: "code", label: context["programmefield.code"], value: draft.code, required: true,
                               hint: context["programme.codeHint"], maxLength: 40))
        \(Components.textField(context, issues, field: "title.en", name: "titleEn", label: context["programmefield.title.en"], value: draft.title?.en, required: true, maxLength: 200, lang: "en"))
        \(Components.textField(context, issues, field: "title.ko", name: "titleKo", label: context["programmefield.title.ko"], value: draft.title?.ko, required: true, maxLength: 200, lang: "ko"))
        \(Components.textArea(context, issues, field: "description.en", name: "descriptionEn", label: context["programmefield.description.en"] + " *", value: draft.description?.en, lang: "en"))
        \(Components.textArea(context, issues, field: "description.ko", name: "descriptionKo", label: context["programmefield.description.ko"] + " *", value: draft.description?.ko, lang: "ko"))
        <fieldset class="field" id="\(Components.fieldID("topics"))"><legend>\(context["programmefield.topics"])</legend>\(errors(context, issues, "topics"))
        <ul class="plain columns">\(topics)</ul></fieldset>
        \(Components.select(context, field: "format", name: "format", label: context["programmefield.format"], options: formats, selected: draft.format,
                            includeBlank: context["training.choose"], issues: issues))
        <fieldset class="field" id="\(Components.fieldID("languages"))"><legend>\(context["programmefield.languages"])</legend>\(errors(context, issues, "languages"))
        <ul class="plain columns">\(languages)</ul></fieldset>
        \(Components.textField(context, issues, field: "lengthDays", name: "lengthDays", label: context["programmefield.lengthDays"], value: draft.lengthDays.map(String.init),
                               type: "number", required: true))
        \(Components.select(context, field: "hostOrganisation", name: "hostOrganisation", label: context["programmefield.hostOrganisation"], options: hosts,
                            selected: draft.hostOrganisation.map(UUIDText.string), includeBlank: context["training.choose"], issues: issues))
        \(Components.select(context, field: "call", name: "call", label: context["programmefield.call"], options: calls,
                            selected: draft.call.map(UUIDText.string), includeBlank: context["programme.none"], issues: issues))
        \(Components.select(context, field: "project", name: "project", label: context["programmefield.project"], options: projects,
                            selected: draft.project.map(UUIDText.string), includeBlank: context["programme.none"], issues: issues))
        <button type="submit" class="button">\(context["programme.save"])</button>
        </form>
        """
        return Layout.page(context, title: title, current: "nav.training", body: body)
    }

    // MARK: Cohorts

    /// What the cohort form shows: the draft as typed, the fixed quota as text (`TH 3, VN 2`),
    /// the required documents one a line (`English | 한국어`).
    struct CohortFormModel {
        var programmes: [TrainingProgramme]
        var countries: [Country]
        var programme: UUID?
        var code: String?
        var published: Bool
        var draft: CohortDraft
        var quotaKind: String
        var fixedText: String
        var documentsText: String
        var issues: [FieldIssue] = []
        var refusal: String?
    }

    static func sessionRow(_ context: PageContext, _ issues: [FieldIssue], index: Int, session: CohortDraft.Session) -> HTML {
        let path = "sessions[\(index)]"
        func field(_ part: String, _ name: String, _ value: String?, type: String = "text", lang: String? = nil) -> HTML {
            let issueField = "\(path).\(part)"
            let id = Components.fieldID(issueField)
            let mine = issues.filter { $0.field == issueField }
            let error: HTML = mine.isEmpty ? .empty : "<p class=\"field-error\" id=\"\(id)-error\">\(mine.map { context["error.\($0.code)"] }.joined(separator: " "))</p>"
            let invalid: HTML = mine.isEmpty ? .empty : " aria-invalid=\"true\" aria-describedby=\"\(id)-error\""
            let langAttr: HTML = lang.map { " lang=\"\($0)\"" } ?? ""
            return """
            <div class="field"><label for="\(id)">\(context["cohortfield.session.\(part)"])</label>\(error)\
            <input id="\(id)" name="session-\(index)-\(name)" type="\(type)" value="\(value ?? "")"\(langAttr)\(invalid)></div>
            """
        }
        return """
        <fieldset class="session-fields" id="\(Components.fieldID(path))"><legend>\(context.strings.format("cohortform.session", ["number": String(index + 1)]))</legend>
        \(errors(context, issues.filter { $0.field == path || $0.field == "\(path).venue" }, path))
        <div class="columns">
        \(field("day", "day", session.day, type: "date"))\(field("starts", "starts", session.starts, type: "time"))\(field("ends", "ends", session.ends, type: "time"))
        \(field("topic.en", "topicEn", session.topic?.en, lang: "en"))\(field("topic.ko", "topicKo", session.topic?.ko, lang: "ko"))
        \(field("venue.en", "venueEn", session.venue?.en, lang: "en"))\(field("venue.ko", "venueKo", session.venue?.ko, lang: "ko"))
        \(field("onlineLink", "link", session.onlineLink, type: "url"))
        </div></fieldset>
        """
    }

    static func cohortForm(_ context: PageContext, _ model: CohortFormModel) -> HTML {
        var context = context
        context.labelPrefix = "cohortfield."
        let language = context.language, draft = model.draft, issues = model.issues
        let programmes = model.programmes.map { (value: UUIDText.string($0.storedID), label: "\($0.code) · \($0.title.text(in: language))") }
        let eligible = Set(draft.eligibleCountries ?? [])
        let countries: [HTML] = model.countries.compactMap { country in
            guard let code = country.id else { return nil }
            return checkbox(name: "country-\(code)", id: "country-\(code)", label: "\(country.name.text(in: language)) (\(code))", checked: eligible.contains(code))
        }
        let levelSet = Set(draft.eligibleLevels ?? [])
        let levels: [HTML] = GovernmentLevel.allCases.map {
            checkbox(name: "level-\($0.rawValue)", id: "level-\($0.rawValue)", label: context["governmentlevel.\($0.rawValue)"], checked: levelSet.contains($0.rawValue))
        }
        let sessionDrafts = draft.sessions ?? []
        let rows = max(sessionDrafts.count + 2, 3)
        let sessions: [HTML] = (0..<rows).map { index in
            sessionRow(context, issues, index: index, session: index < sessionDrafts.count ? sessionDrafts[index] : CohortDraft.Session())
        }
        func radio(_ value: String, _ label: String) -> HTML {
            "<li><input type=\"radio\" id=\"quota-\(value)\" name=\"quotaKind\" value=\"\(value)\"\(model.quotaKind == value ? HTML(raw: " checked") : HTML.empty)> <label for=\"quota-\(value)\">\(context[label])</label></li>"
        }
        let body: HTML = """
        <p><a href="\(TrainingURL.programmes.path)">\(context["programme.office"])</a></p>
        <h1>\(context["cohortform.new"])</h1>
        <p>\(context["cohortform.lead"])</p>
        \(Components.alert(model.refusal))
        \(summary(context, issues, row: "cohortform.session", part: "cohortfield.session."))
        <form method="post" action="\(TrainingURL.newCohort.path)" class="office-form">
        \(context.csrfField)
        \(Components.select(context, field: "programme", name: "programme", label: context["cohortfield.programme"], options: programmes,
                            selected: model.programme.map(UUIDText.string), includeBlank: context["training.choose"], issues: issues))
        \(Components.textField(context, issues, field: "code", name: "code", label: context["cohortfield.code"], value: model.code, required: true,
                               hint: context["cohortform.codeHint"], maxLength: 40))
        \(Components.textField(context, issues, field: "title.en", name: "titleEn", label: context["cohortfield.title.en"], value: draft.title?.en, required: true, maxLength: 200, lang: "en"))
        \(Components.textField(context, issues, field: "title.ko", name: "titleKo", label: context["cohortfield.title.ko"], value: draft.title?.ko, required: true, maxLength: 200, lang: "ko"))
        <ul class="plain">\(checkbox(name: "published", id: "published", label: context["cohortfield.published"], checked: model.published))</ul>
        <h2>\(context["cohortform.datesAndSeats"])</h2>
        \(Components.textField(context, issues, field: "venueTimeZone", name: "venueTimeZone", label: context["cohortfield.venueTimeZone"], value: draft.venueTimeZone,
                               required: true, hint: context["cohortform.zoneHint"]))
        \(Components.textField(context, issues, field: "startDay", name: "startDay", label: context["cohortfield.startDay"], value: draft.startDay, type: "date", required: true))
        \(Components.textField(context, issues, field: "endDay", name: "endDay", label: context["cohortfield.endDay"], value: draft.endDay, type: "date", required: true))
        \(Components.textField(context, issues, field: "capacity", name: "capacity", label: context["cohortfield.capacity"], value: draft.capacity.map(String.init),
                               type: "number", required: true))
        <fieldset class="field" id="\(Components.fieldID("quota"))"><legend>\(context["cohortfield.quota"])</legend>\(errors(context, issues, "quota"))
        <ul class="plain">\(radio("atMost", "cohortform.quotaAtMost"))\(radio("fixed", "cohortform.quotaFixed"))</ul>
        <div class="field"><label for="f-quota-atMost">\(context["cohortfield.quota.atMost"])</label>\
        <input id="f-quota-atMost" name="quotaAtMost" type="number" min="1" value="\(draft.quota?.atMost.map(String.init) ?? "")"></div>
        <div class="field"><label for="f-quota-fixed">\(context["cohortfield.quota.fixed"])</label><p class="hint" id="f-quota-fixed-hint">\(context["cohortform.fixedHint"])</p>\
        <input id="f-quota-fixed" name="quotaFixed" type="text" value="\(model.fixedText)" aria-describedby="f-quota-fixed-hint"></div>
        </fieldset>
        <h2>\(context["cohortform.eligibility"])</h2>
        <fieldset class="field" id="\(Components.fieldID("eligibleCountries"))"><legend>\(context["cohortfield.eligibleCountries"])</legend>\(errors(context, issues, "eligibleCountries"))
        <ul class="plain columns">\(countries)</ul></fieldset>
        <fieldset class="field" id="\(Components.fieldID("eligibleLevels"))"><legend>\(context["cohortfield.eligibleLevels"])</legend>\(errors(context, issues, "eligibleLevels"))
        <ul class="plain columns">\(levels)</ul></fieldset>
        \(Components.textArea(context, issues, field: "eligibilityNote.en", name: "noteEn", label: context["cohortfield.eligibilityNote.en"], value: draft.eligibilityNote?.en, lang: "en"))
        \(Components.textArea(context, issues, field: "eligibilityNote.ko", name: "noteKo", label: context["cohortfield.eligibilityNote.ko"], value: draft.eligibilityNote?.ko, lang: "ko"))
        <div class="field" id="\(Components.fieldID("requiredDocuments"))"><label for="f-documents">\(context["cohortfield.requiredDocuments"])</label>\
        <p class="hint" id="f-documents-hint">\(context["cohortform.documentsHint"])</p>\(errors(context, issues, "requiredDocuments"))\
        <textarea id="f-documents" name="documents" rows="4" aria-describedby="f-documents-hint">\(model.documentsText)</textarea></div>
        <h2>\(context["cohortform.window"])</h2>
        \(Components.textField(context, issues, field: "applicationTimeZone", name: "applicationTimeZone", label: context["cohortfield.applicationTimeZone"],
                               value: draft.applicationTimeZone, required: true, hint: context["cohortform.zoneHint"]))
        \(Components.textField(context, issues, field: "applicationOpens", name: "applicationOpens", label: context["cohortfield.applicationOpens"], value: draft.applicationOpens,
                               type: "date", required: true))
        \(Components.textField(context, issues, field: "applicationDeadline", name: "applicationDeadline", label: context["cohortfield.applicationDeadline"],
                               value: draft.applicationDeadline, type: "date", required: true, hint: context["cohortform.deadlineHint"]))
        \(Components.textField(context, issues, field: "rankingDeadline", name: "rankingDeadline", label: context["cohortfield.rankingDeadline"], value: draft.rankingDeadline,
                               type: "date", hint: context["cohortform.rankingHint"]))
        \(Components.textField(context, issues, field: "acceptanceDays", name: "acceptanceDays", label: context["cohortfield.acceptanceDays"],
                               value: draft.acceptanceDays.map(String.init), type: "number", hint: context["cohortform.acceptanceHint"]))
        <h2>\(context["training.sessions"])</h2>
        <p class="hint">\(context["cohortform.sessionsHint"])</p>
        \(errors(context, issues.filter { $0.field == "sessions" }, "sessions"))
        \(sessions)
        <h2>\(context["training.completion"])</h2>
        \(Components.textField(context, issues, field: "minimumAttendancePercent", name: "minimumAttendancePercent", label: context["cohortfield.minimumAttendancePercent"],
                               value: draft.minimumAttendancePercent.map(String.init), type: "number"))
        <ul class="plain">\(checkbox(name: "actionPlanRequired", id: "actionPlanRequired", label: context["cohortfield.actionPlanRequired"], checked: draft.actionPlanRequired ?? true))</ul>
        <button type="submit" class="button">\(context["cohortform.create"])</button>
        </form>
        """
        return Layout.page(context, title: context["cohortform.new"], current: "nav.training", body: body)
    }

    // MARK: Survey

    /// One editable row per question, and two empty rows for new ones (an empty row is left out).
    static func surveyForm(_ context: PageContext, view: CohortView, questions: [FeedbackSurvey.Question], issues: [FieldIssue] = [],
                           refusal: String? = nil, notice: String? = nil, locked: Bool) -> HTML {
        var context = context
        context.labelPrefix = "surveyfield."
        let language = context.language
        let rows = locked ? questions.count : questions.count + 2
        let fields: [HTML] = (0..<rows).map { index in
            let question = index < questions.count ? questions[index] : nil
            let path = "questions[\(index)]"
            func input(_ part: String, _ value: String?, lang: String? = nil) -> HTML {
                let id = Components.fieldID("\(path).\(part)")
                let mine = issues.filter { $0.field == "\(path).\(part)" }
                let error: HTML = mine.isEmpty ? .empty : "<p class=\"field-error\" id=\"\(id)-error\">\(mine.map { context["error.\($0.code)"] }.joined(separator: " "))</p>"
                let langAttr: HTML = lang.map { " lang=\"\($0)\"" } ?? ""
                return "<div class=\"field\"><label for=\"\(id)\">\(context["surveyfield.\(part)"])</label>\(error)<input id=\"\(id)\" name=\"q-\(index)-\(part)\" type=\"text\" value=\"\(value ?? "")\"\(langAttr)\(locked ? HTML(raw: " disabled") : HTML.empty)></div>"
            }
            let kinds = [FeedbackSurvey.Question.Kind.scale, .text].map { (value: $0.rawValue, label: context["surveykind.\($0.rawValue)"]) }
            let kindID = Components.fieldID("\(path).kind")
            let options: [HTML] = kinds.map { "<option value=\"\($0.value)\"\(question?.kind.rawValue == $0.value ? HTML(raw: " selected") : HTML.empty)>\($0.label)</option>" }
            let requiredID = Components.fieldID("\(path).required")
            return """
            <fieldset class="session-fields" id="\(Components.fieldID(path))"><legend>\(context.strings.format("surveyform.question", ["number": String(index + 1)]))\
            \(question.map { " · \($0.text.text(in: language))" } ?? "")</legend>
            \(errors(context, issues.filter { $0.field == path }, path))
            <div class="columns">
            \(input("key", question?.key))
            <div class="field"><label for="\(kindID)">\(context["surveyfield.kind"])</label><select id="\(kindID)" name="q-\(index)-kind"\(locked ? HTML(raw: " disabled") : HTML.empty)>\(options)</select></div>
            \(input("text.en", question?.text.en, lang: "en"))\(input("text.ko", question?.text.ko, lang: "ko"))
            <ul class="plain"><li><input type="checkbox" id="\(requiredID)" name="q-\(index)-required" value="on"\(question?.required == true ? HTML(raw: " checked") : HTML.empty)\(locked ? HTML(raw: " disabled") : HTML.empty)> <label for="\(requiredID)">\(context["surveyfield.required"])</label></li></ul>
            </div></fieldset>
            """
        }
        let body: HTML = """
        <p><a href="\(TrainingURL.cohort(.value(view.cohort.storedID)).path)">\(view.terms.title.text(in: language))</a></p>
        <h1>\(context["surveyform.title"])</h1>
        <p>\(context[locked ? "surveyform.locked" : "surveyform.lead"])</p>
        \(Components.notice(notice))
        \(Components.alert(refusal))
        \(summary(context, issues, row: "surveyform.question", part: "surveyfield."))
        <form method="post" action="\(TrainingURL.survey(.value(view.cohort.storedID)).path)" class="office-form">
        \(context.csrfField)
        \(errors(context, issues.filter { $0.field == "questions" }, "questions"))
        \(fields)
        \(locked ? HTML.empty : "<button type=\"submit\" class=\"button\">\(context["surveyform.save"])</button>")
        </form>
        """
        return Layout.page(context, title: context["surveyform.title"], current: "nav.training", body: body)
    }
}
