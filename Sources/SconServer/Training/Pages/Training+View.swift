import SconDomain
import Vapor

/// The pages of invitation training: the programmes and cohorts, a cohort, the application
/// form, an application, the focal point's ranking.
enum TrainingPages {
    static func dates(_ context: PageContext, _ range: DayRange, zone: String) -> String {
        context.strings.format("training.datesIn", ["start": range.start.description, "end": range.end.description, "zone": zone])
    }

    /// The officials trained (as the portal's figure counts them), by cohort, for the country filter.
    struct Trained {
        var country: CountryCode?
        var byCohort: [(cohort: CohortView, count: Int, samples: Int)]
        var countries: [CountryDTO]
    }

    static func trained(_ context: PageContext, _ trained: Trained) -> HTML {
        let language = context.language
        let total = trained.byCohort.reduce(0) { $0 + $1.count }
        let title = trained.country.map { context.strings.format("trained.titleCountry", ["country": trained.countries.name(of: $0.value, in: language)]) }
            ?? context["trained.title"]
        let rows: [HTML] = trained.byCohort.map { item in
            """
            <tr data-trained="\(item.count)"><th scope="row"><a href="\(TrainingURL.cohort(.value(item.cohort.cohort.storedID)).path)">\(item.cohort.terms.title.text(in: language))</a> \
            \(Components.sampleBadge(context, item.samples > 0))</th><td class="number">\(item.count)</td></tr>
            """
        }
        return """
        <section aria-labelledby="trained"><h2 id="trained">\(title)</h2>
        <form method="get" action="\(TrainingURL.training.path)#trained" class="filters" role="search" aria-label="\(context["list.filters"])">
        \(Components.select(context, field: "country", name: "country", label: context["trained.country"], options: trained.countries.options(language),
                            selected: trained.country?.value, includeBlank: context["list.any"]))
        <button type="submit" class="button">\(context["list.apply"])</button>
        </form>
        <p>\(context.strings.format("trained.summary", ["count": String(total)]))</p>
        \(rows.isEmpty ? "<p class=\"empty\">\(context["trained.none"])</p>" as HTML : """
        <table class="list"><caption>\(title)</caption><thead><tr><th scope="col">\(context["trained.cohort"])</th>\
        <th scope="col" class="number">\(context["trained.count"])</th></tr></thead><tbody>\(rows)</tbody></table>
        """)
        \(ListDownloads.render(context, [.trainedCSV, .trainedJSON], country: trained.country))
        </section>
        """
    }

    static func list(_ context: PageContext, programmes: [TrainingProgramme], cohorts: [CohortView], trained: Trained) -> HTML {
        let language = context.language
        let sections: [HTML] = programmes.map { programme in
            let mine = cohorts.filter { $0.programme.storedID == programme.storedID }
            let rows: [HTML] = mine.map { view in
                "<li><a href=\"\(TrainingURL.cohort(.value(view.cohort.storedID)).path)\">\(view.terms.title.text(in: language))</a> · \(dates(context, view.terms.dates, zone: view.terms.venueTimeZone)) \(Components.sampleBadge(context, view.cohort.sample))</li>"
            }
            let topics = ((try? programme.topicList) ?? []).map { context["trainingtopic.\($0.rawValue)"] }.joined(separator: ", ")
            let format = (try? programme.trainingFormat).map { context["trainingformat.\($0.rawValue)"] } ?? ""
            let languages = ((try? programme.languageList) ?? []).map { context["language.\($0.rawValue)"] }.joined(separator: ", ")
            return """
            <section class="training-programme">
            <h2>\(programme.title.text(in: language)) \(Components.sampleBadge(context, programme.sample))</h2>
            <p>\(programme.description.text(in: language))</p>
            <dl class="facts">\(Components.definition(context["training.topics"], "\(topics)"))\(Components.definition(context["training.format"], "\(format)"))\
            \(Components.definition(context["training.languages"], "\(languages)"))\(Components.definition(context["training.length"], "\(context.strings.format("training.days", ["days": String(programme.lengthDays)]))"))\
            \(Components.definition(context["training.host"], "\(programme.host.text(in: language))"))</dl>
            <h3>\(context["training.cohorts"])</h3>
            \(rows.isEmpty ? "<p>\(context["training.noCohorts"])</p>" as HTML : "<ul>\(rows)</ul>")
            </section>
            """
        }
        let body: HTML = """
        <h1>\(context["area.training.name"])</h1>
        <p class="lead">\(context["area.training.text"])</p>
        <p><a href="\(TrainingURL.alumni.path)">\(context["alumni.title"])</a>\(TrainingAccess.allows(context.principal, .manage)
            ? " · <a href=\"\(TrainingURL.programmes.path)\">\(context["programme.office"])</a>" as HTML : .empty)</p>
        \(sections.isEmpty ? "<p>\(context["training.noProgrammes"])</p>" as HTML : "\(sections)")
        \(Self.trained(context, trained))
        <h2>\(context["certificate.verifyTitle"])</h2>
        <form method="get" action="\(TrainingURL.training.path)" class="inline-form">
        \(Components.textField(context, [], field: "code", name: "code", label: context["certificate.code"], value: nil, hint: context["certificate.codeHint"]))
        <button type="submit" class="button">\(context["certificate.verify"])</button>
        </form>
        """
        return Layout.page(context, title: context["area.training.name"], current: "nav.training", body: body)
    }

    static func alumni(_ context: PageContext, _ page: SconDomain.Page<AlumniQuery.Alumnus>) -> HTML {
        let language = context.language
        let rows: [HTML] = page.items.map { alumnus in
            let projects: [HTML] = alumnus.projects.map { "<a href=\"\(ProjectURL.project(.value($0.storedID)).path)\">\($0.code)</a> " }
            let events: [HTML] = alumnus.events.map { "<li><a href=\"\(CentresURL.event(.value($0.id)).path)\">\($0.title.text(in: language))</a> (\($0.firstDay))</li>" }
            let ledTo: HTML = "\(context.strings.format("alumni.proposals", ["count": String(alumnus.proposalsAfter)]))" + (projects.isEmpty ? HTML.empty : " · " + HTML(raw: projects.map(\.text).joined()))
                + (events.isEmpty ? HTML.empty : "<p class=\"alumni-events\">\(context["alumni.events"])</p><ul class=\"plain\">\(events)</ul>")
            let hidden: HTML = alumnus.record.alumniOptIn ? .empty : " <span class=\"badge badge-state\">\(context["alumni.notListed"])</span>"
            return """
            <tr><td>\(alumnus.record.traineeName)\(hidden) \(Components.sampleBadge(context, alumnus.record.sample))</td>\
            <td>\(alumnus.organisation.map { "<a href=\"\(DirectoryURL.organisation(.value($0.storedID)).path)\">\($0.name.text(in: language))</a>" as HTML } ?? .empty) (\(alumnus.record.country))</td>\
            <td><a href="\(TrainingURL.cohort(.value(alumnus.cohort.cohort.storedID)).path)">\(alumnus.cohort.terms.title.text(in: language))</a></td><td>\(ledTo)</td></tr>
            """
        }
        let next: HTML = page.nextCursor.map { "<p><a href=\"\(TrainingURL.alumni.path)?cursor=\($0.encoded)\">\(context["list.next"])</a></p>" as HTML } ?? .empty
        let body: HTML = """
        <p><a href="\(TrainingURL.training.path)">\(context["area.training.name"])</a></p>
        <h1>\(context["alumni.title"])</h1>
        <p class="lead">\(context["alumni.lead"])</p>
        \(rows.isEmpty ? "<p>\(context["alumni.none"])</p>" as HTML : """
        <div class="table-scroll"><table class="list"><caption>\(context["alumni.caption"])</caption>
        <thead><tr><th scope="col">\(context["field.name"])</th><th scope="col">\(context["traineefield.organisation"])</th><th scope="col">\(context["certificate.cohort"])</th><th scope="col">\(context["alumni.ledTo"])</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        """)
        \(next)
        """
        return Layout.page(context, title: context["alumni.title"], current: "nav.training", body: body)
    }

    /// The invitation letter: its own plain page, to print (A4 portrait).
    static func invitation(_ context: PageContext, record: TraineeApplicationRecord, view: CohortView, organisation: Organisation?, today: CalendarDay) -> HTML {
        let language = context.language, terms = view.terms
        var venues: [String] = []
        for session in terms.sessions {
            let venue = session.venue?.text(in: language) ?? context["training.online"]
            if !venues.contains(venue) { venues.append(venue) }
        }
        let first = terms.sessions.min { ($0.day, $0.starts) < ($1.day, $1.starts) }
        let languages = ((try? view.programme.languageList) ?? []).map { context["language.\($0.rawValue)"] }.joined(separator: ", ")
        let documents: [HTML] = terms.requiredDocuments.map { "<li>\($0.text(in: language))</li>" }
        let offer: HTML = record.state == TraineeApplicationState.selected.rawValue ? (record.offerDeadline.map {
            "<p><strong>\(context.strings.format("invitation.acceptBy", ["deadline": AuditChain.timestamp($0)]))</strong></p>" as HTML
        } ?? .empty) : .empty
        return """
        <!doctype html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(context["invitation.title"]) · \(record.traineeName) · K-SCON</title>
        <link rel="stylesheet" href="\(ShellURL.stylesheet.path)">
        </head>
        <body class="certificate-page">
        <p class="certificate-back"><a href="\(TrainingURL.application(.value(record.storedID)).path)">\(context["invitation.back"])</a></p>
        <main id="main" class="invitation-letter">
        \(view.cohort.sample ? "<p class=\"certificate-status revoked\">\(context["invitation.sampleNotice"])</p>" as HTML : .empty)
        <p class="certificate-issuer">\(view.programme.host.text(in: language)) · \(context["certificate.issuer"])</p>
        <p class="invitation-date">\(today.description)</p>
        <h1>\(context["invitation.title"])</h1>
        <p>\(context.strings.format("invitation.to", ["name": record.traineeName, "organisation": organisation?.name.text(in: language) ?? "", "country": record.country]))</p>
        <p>\(context.strings.format("invitation.text", ["host": view.programme.host.text(in: language), "programme": view.programme.title.text(in: language),
                                                          "cohort": terms.title.text(in: language), "start": terms.dates.start.description, "end": terms.dates.end.description]))</p>
        \(offer)
        <h2>\(context["invitation.travel"])</h2>
        <dl class="facts">
        \(Components.definition(context["training.dates"], "\(TrainingPages.dates(context, terms.dates, zone: terms.venueTimeZone))"))
        \(Components.definition(context["training.venue"], "\(venues.joined(separator: "; "))"))
        \(Components.definition(context["invitation.firstSession"], "\(first.map { "\($0.day) \($0.starts) (\(terms.venueTimeZone))" } ?? "")"))
        \(Components.definition(context["training.languages"], "\(languages)"))
        \(Components.definition(context["training.sessions"], "\(terms.sessions.count)"))
        \(Components.definition(context["training.completion"], "\(context.strings.format(terms.completion.actionPlanRequired ? "training.completionWithPlan" : "training.completionRule", ["percent": String(terms.completion.minimumAttendancePercent)]))"))
        </dl>
        <h2>\(context["invitation.bring"])</h2>
        <ul><li>\(context["invitation.passport"])</li><li>\(context["invitation.thisLetter"])</li>\(documents)</ul>
        <p class="hint">\(context["invitation.arrive"])</p>
        </main>
        </body>
        </html>
        """
    }

    struct CohortModel {
        var view: CohortView
        var now: Date
        var mayApply: Bool
        var manage: Bool
        var isTrainee: Bool
        var answersFeedback: Bool
        var rankable: [CountryCode]
        var feedback: FeedbackSummary?
        var applications: [TraineeApplicationRecord]
        var certificates: [CertificateRecord]
    }

    static func cohort(_ context: PageContext, _ model: CohortModel) -> HTML {
        let language = context.language, terms = model.view.terms
        let quota: String
        switch terms.quota {
        case .atMost(let limit): quota = context.strings.format("training.quotaAtMost", ["limit": String(limit)])
        case .fixed(let limits): quota = limits.sorted { $0.key < $1.key }.map { "\($0.key.value) \($0.value)" }.joined(separator: ", ")
        }
        let cohortID = model.view.cohort.storedID
        let sessions: [HTML] = terms.sessions.enumerated().map { index, session in
            let place = session.venue?.text(in: language) ?? ""
            let link: HTML = session.onlineLink.map { " <a href=\"\($0)\">\(context["training.online"])</a>" } ?? ""
            let attendance: HTML = model.manage
                ? "<a href=\"\(TrainingURL.sessionCode(.value(cohortID), .value(index)).path)\">\(context["training.showCode"])</a>"
                : (model.isTrainee ? "<a href=\"\(TrainingURL.checkIn(.value(cohortID), .value(index)).path)\">\(context["training.checkIn"])</a>" : .empty)
            return "<tr><td>\(session.day.description)</td><td>\(session.starts)–\(session.ends)</td><td>\(session.topic.text(in: language))</td><td>\(place)\(link)</td><td>\(attendance)</td></tr>"
        }
        let open = terms.window.acceptsApplications(at: model.now)
        let apply: HTML
        if open && model.mayApply {
            apply = "<p><a class=\"button\" href=\"\(TrainingURL.apply(.value(model.view.cohort.storedID)).path)\">\(context["training.apply"])</a></p>"
        } else if open {
            apply = "<p>\(context["training.signInToApply"])</p>"
        } else {
            apply = "<p>\(context["training.closed"])</p>"
        }
        let documents: [HTML] = terms.requiredDocuments.map { "<li>\($0.text(in: language))</li>" }
        let ranking: [HTML] = model.rankable.map {
            "<li><a href=\"\(TrainingURL.ranking(.value(model.view.cohort.storedID), .value($0.value)).path)\">\(context.strings.format("training.rankCountry", ["country": $0.value]))</a></li>"
        }
        let applicationRows: [HTML] = model.applications.map { record in
            "<tr><td><a href=\"\(TrainingURL.application(.value(record.storedID)).path)\">\(record.traineeName)</a></td><td>\(record.country)</td><td>\(context["traineestate.\(record.state)"])</td><td>\(record.rank.map(String.init) ?? "")</td></tr>"
        }
        let certificateRows: [HTML] = model.certificates.map { record in
            let code = CertificateCode(record.code)?.description ?? record.code
            return "<tr><td><a href=\"\(TrainingURL.certificate(.value(code)).path)\">\(code)</a></td><td>\(record.traineeName)</td><td>\(context[record.revokedAt == nil ? "certificate.valid" : "certificate.revoked"])</td><td><a href=\"\(TrainingURL.printable(.value(code)).path)\">\(context["certificate.print"])</a></td></tr>"
        }
        let applicationsTable: HTML = applicationRows.isEmpty ? .empty : """
        <h2>\(context["training.applications"])</h2>
        <div class="table-scroll"><table class="list"><caption>\(context["training.applicationsCaption"])</caption>
        <thead><tr><th scope="col">\(context["field.name"])</th><th scope="col">\(context["field.country"])</th><th scope="col">\(context["training.state"])</th><th scope="col">\(context["training.rank"])</th></tr></thead>
        <tbody>\(applicationRows)</tbody></table></div>
        """
        let certificatesTable: HTML = certificateRows.isEmpty ? .empty : """
        <h2>\(context["certificate.list"])</h2>
        <div class="table-scroll"><table class="list"><caption>\(context["certificate.listCaption"])</caption>
        <thead><tr><th scope="col">\(context["certificate.code"])</th><th scope="col">\(context["field.name"])</th><th scope="col">\(context["training.state"])</th><th scope="col"></th></tr></thead>
        <tbody>\(certificateRows)</tbody></table></div>
        """
        let body: HTML = """
        <p><a href="\(TrainingURL.training.path)">\(context["area.training.name"])</a> › \(model.view.programme.title.text(in: language))</p>
        <h1>\(terms.title.text(in: language)) \(Components.sampleBadge(context, model.view.cohort.sample))</h1>
        <dl class="facts">
        \(Components.definition(context["training.dates"], "\(dates(context, terms.dates, zone: terms.venueTimeZone))"))
        \(Components.definition(context["training.capacity"], "\(context.strings.format("training.seats", ["seats": String(terms.capacity)]))"))
        \(Components.definition(context["training.quota"], "\(quota)"))
        \(Components.definition(context["training.eligible"], "\(terms.eligibleCountries.map(\.value).joined(separator: ", ")) · \(terms.eligibleLevels.map { context["governmentlevel.\($0.rawValue)"] }.joined(separator: ", "))"))
        \(Components.definition(context["training.window"], "\(context.strings.format("training.windowText", ["opens": terms.window.opensText, "deadline": terms.window.deadlineText]))"))
        \(Components.definition(context["training.rankingDeadline"], "\(terms.window.rankingDeadlineText)"))
        \(Components.definition(context["training.completion"], "\(context.strings.format(terms.completion.actionPlanRequired ? "training.completionWithPlan" : "training.completionRule", ["percent": String(terms.completion.minimumAttendancePercent)]))"))
        </dl>
        \(terms.eligibilityNote.map { "<p>\($0.text(in: language))</p>" as HTML })
        \(documents.isEmpty ? HTML.empty : "<h2>\(context["training.documents"])</h2><ul>\(documents)</ul>")
        \(apply)
        <h2>\(context["training.sessions"])</h2>
        <div class="table-scroll"><table class="list"><caption>\(context["training.sessionsCaption"])</caption>
        <thead><tr><th scope="col">\(context["training.day"])</th><th scope="col">\(context["training.time"])</th><th scope="col">\(context["training.topic"])</th><th scope="col">\(context["training.venue"])</th><th scope="col">\(context["training.attendance"])</th></tr></thead>
        <tbody>\(sessions)</tbody></table></div>
        \(model.manage ? "<p><a href=\"\(TrainingURL.survey(.value(model.view.cohort.storedID)).path)\">\(context["surveyform.title"])</a></p>" as HTML : .empty)
        \(model.answersFeedback ? "<p><a class=\"button\" href=\"\(TrainingURL.feedback(.value(model.view.cohort.storedID)).path)\">\(context["feedback.give"])</a></p>" as HTML : .empty)
        \(ranking.isEmpty ? HTML.empty : "<h2>\(context["training.ranking"])</h2><ul>\(ranking)</ul>")
        \(applicationsTable)
        \(certificatesTable)
        \(model.feedback.map { feedbackSummary(context, $0) })
        """
        return Layout.page(context, title: terms.title.text(in: language), current: "nav.training", body: body)
    }

    /// The code shown in the room: large, refreshed every 20 seconds.
    static func sessionCode(_ context: PageContext, view: CohortView, index: Int, code: String) -> HTML {
        let session = view.terms.sessions[index]
        let digits = String(code.prefix(3)) + " " + String(code.dropFirst(3))
        let body: HTML = """
        <meta http-equiv="refresh" content="20">
        <p><a href="\(TrainingURL.cohort(.value(view.cohort.storedID)).path)">\(view.terms.title.text(in: context.language))</a></p>
        <h1>\(session.topic.text(in: context.language))</h1>
        <p>\(session.day.description) \(session.starts)–\(session.ends)</p>
        <p class="attendance-code" aria-live="polite" aria-label="\(context["training.codeLabel"])">\(digits)</p>
        <p class="hint">\(context.strings.format("training.codeHint", ["path": TrainingURL.checkIn(.value(view.cohort.storedID), .value(index)).path]))</p>
        """
        return Layout.page(context, title: context["training.codeTitle"], current: "nav.training", body: body)
    }

    static func checkIn(_ context: PageContext, view: CohortView, index: Int, issues: [FieldIssue] = [], notice: String? = nil) -> HTML {
        var context = context
        context.labelPrefix = "training.field."
        let session = view.terms.sessions[index]
        let body: HTML = """
        <p><a href="\(TrainingURL.cohort(.value(view.cohort.storedID)).path)">\(view.terms.title.text(in: context.language))</a></p>
        <h1>\(context["training.checkInTitle"])</h1>
        <p>\(session.topic.text(in: context.language)) · \(session.day.description) \(session.starts)–\(session.ends)</p>
        \(Components.notice(notice))
        \(Components.errorSummary(context, issues))
        <form method="post" action="\(TrainingURL.checkIn(.value(view.cohort.storedID), .value(index)).path)">
        \(context.csrfField)
        \(Components.textField(context, issues, field: "code", name: "code", label: context["training.field.code"], value: nil, required: true, autocomplete: "one-time-code",
                               hint: context["training.checkInHint"], maxLength: 7))
        <button type="submit" class="button">\(context["training.checkIn"])</button>
        </form>
        """
        return Layout.page(context, title: context["training.checkInTitle"], current: "nav.training", body: body)
    }

    static func feedbackForm(_ context: PageContext, view: CohortView, survey: FeedbackSurvey, values: [String: String], issues: [FieldIssue] = [],
                             notice: String? = nil, closed: Bool) -> HTML {
        var context = context
        context.labelPrefix = "feedback.field."
        let language = context.language
        let questions: [HTML] = survey.questions.map { question in
            let field = "answers.\(question.key)"
            let label = question.text.text(in: language) + (question.required ? " *" : "")
            switch question.kind {
            case .scale:
                let options: [HTML] = FeedbackSurvey.scale.map { value in
                    let id = "\(Components.fieldID(field))-\(value)"
                    let checked: HTML = values[question.key] == String(value) ? " checked" : ""
                    return "<label for=\"\(id)\" class=\"scale-option\"><input type=\"radio\" id=\"\(id)\" name=\"q-\(question.key)\" value=\"\(value)\"\(checked)> \(value)</label> "
                }
                return """
                <fieldset class="field" id="\(Components.fieldID(field))"><legend>\(label)</legend>\(Components.fieldError(context, issues, field))
                <p class="hint">\(context["feedback.scaleHint"])</p>\(options)</fieldset>
                """
            case .text:
                return Components.textArea(context, issues, field: field, name: "q-\(question.key)", label: label, value: values[question.key])
            }
        }
        let form: HTML = closed ? .empty : """
        <form method="post" action="\(TrainingURL.feedback(.value(view.cohort.storedID)).path)">
        \(context.csrfField)
        \(questions)
        <button type="submit" class="button">\(context["feedback.send"])</button>
        </form>
        """
        let body: HTML = """
        <p><a href="\(TrainingURL.cohort(.value(view.cohort.storedID)).path)">\(view.terms.title.text(in: language))</a></p>
        <h1>\(context["feedback.give"])</h1>
        <p>\(context["feedback.anonymous"])</p>
        \(Components.notice(notice))
        \(Components.errorSummary(context, issues))
        \(form)
        """
        return Layout.page(context, title: context["feedback.give"], current: "nav.training", body: body)
    }

    static func feedbackSummary(_ context: PageContext, _ summary: FeedbackSummary) -> HTML {
        let language = context.language
        let rows: [HTML] = summary.items.map { item in
            let result: HTML
            switch item.kind {
            case .scale:
                let mean = item.mean.map { String(format: "%.1f", $0) } ?? "—"
                let distribution = (item.distribution ?? []).enumerated().map { "\($0.offset + 1): \($0.element)" }.joined(separator: " · ")
                result = "\(mean) / 5 <span class=\"hint\">(\(distribution))</span>"
            case .text:
                let answers: [HTML] = (item.answers ?? []).map { "<li>\($0)</li>" }
                result = answers.isEmpty ? "—" : "<ul>\(answers)</ul>"
            }
            return "<tr><th scope=\"row\">\(item.text.text(in: language))</th><td class=\"number\">\(item.count)</td><td>\(result)</td></tr>"
        }
        return """
        <h2>\(context["feedback.summary"])</h2>
        <p>\(context.strings.format("feedback.responses", ["count": String(summary.responses)]))</p>
        <div class="table-scroll"><table class="list"><caption>\(context["feedback.caption"])</caption>
        <thead><tr><th scope="col">\(context["feedback.question"])</th><th scope="col" class="number">\(context["feedback.answered"])</th><th scope="col">\(context["feedback.result"])</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        """
    }

    struct ApplyModel {
        var view: CohortView
        var organisations: [Organisation]
        var request = TrainingStore.ApplicationRequest()
        var issues: [FieldIssue] = []
        var refusal: String?
    }

    static func applyForm(_ context: PageContext, _ model: ApplyModel) -> HTML {
        var context = context
        context.labelPrefix = "traineefield."
        let language = context.language, terms = model.view.terms
        let organisations = model.organisations.map { (value: UUIDText.string($0.storedID), label: "\($0.name.text(in: language)) (\($0.countryCode))") }
        let levels = GovernmentLevel.allCases.map { (value: $0.rawValue, label: context["governmentlevel.\($0.rawValue)"]) }
        let documents: [HTML] = terms.requiredDocuments.enumerated().map { index, document in
            let checked: HTML = (model.request.documents ?? []).contains(index) ? " checked" : ""
            return "<li><input type=\"checkbox\" id=\"doc-\(index)\" name=\"documents[]\" value=\"\(index)\"\(checked)> <label for=\"doc-\(index)\">\(document.text(in: language))</label></li>"
        }
        let noOrganisation: HTML = organisations.isEmpty ? "<div class=\"notice\" role=\"status\"><p>\(context["training.noGovernmentOrganisation"])</p></div>" : .empty
        let body: HTML = """
        <p><a href="\(TrainingURL.cohort(.value(model.view.cohort.storedID)).path)">\(terms.title.text(in: language))</a></p>
        <h1>\(context["training.applyTitle"])</h1>
        <p>\(context.strings.format("training.applyLead", ["deadline": terms.window.deadlineText]))</p>
        \(Components.alert(model.refusal))
        \(Components.errorSummary(context, model.issues))
        \(noOrganisation)
        <form method="post" action="\(TrainingURL.apply(.value(model.view.cohort.storedID)).path)" class="training-application">
        \(context.csrfField)
        \(Components.select(context, field: "organisation", name: "organisation", label: context["traineefield.organisation"], options: organisations,
                            selected: model.request.organisation.map(UUIDText.string), issues: model.issues))
        \(Components.select(context, field: "level", name: "level", label: context["traineefield.level"], options: levels, selected: model.request.level,
                            includeBlank: context["training.choose"], issues: model.issues))
        \(Components.textArea(context, model.issues, field: "motivation", name: "motivation", label: context["traineefield.motivation"] + " *", value: model.request.motivation,
                              hint: context["training.motivationHint"]))
        \(Components.textArea(context, model.issues, field: "actionPlanIdea", name: "actionPlanIdea", label: context["traineefield.actionPlanIdea"] + " *",
                              value: model.request.actionPlanIdea, hint: context["training.actionPlanHint"]))
        \(documents.isEmpty ? HTML.empty : "<fieldset><legend>\(context["training.documents"])</legend>\(Components.fieldError(context, model.issues, "documents"))<ul class=\"plain\">\(documents)</ul></fieldset>")
        <button type="submit" class="button">\(context["training.submitApplication"])</button>
        </form>
        """
        return Layout.page(context, title: context["training.applyTitle"], current: "nav.training", body: body)
    }

    struct ApplicationModel {
        var record: TraineeApplicationRecord
        var view: CohortView
        var organisation: Organisation?
        var mayNominate: Bool
        var isApplicant: Bool
        var manage: Bool
        var showsActionPlan: Bool
        var notice: String?
    }

    static func application(_ context: PageContext, _ model: ApplicationModel) -> HTML {
        let language = context.language, record = model.record
        let nominate: HTML = model.mayNominate && record.state == TraineeApplicationState.submitted.rawValue ? """
        <form method="post" action="\(TrainingURL.nominate(.value(record.storedID)).path)">\(context.csrfField)
        <button type="submit" class="button">\(context["training.nominate"])</button></form>
        """ : .empty
        let state = TraineeApplicationState(rawValue: record.state)
        func button(_ answer: String, _ label: String) -> HTML {
            "<form method=\"post\" action=\"\(TrainingURL.answer(.value(record.storedID)).path)\" class=\"inline-form\">\(context.csrfField)<input type=\"hidden\" name=\"answer\" value=\"\(answer)\"><button type=\"submit\">\(context[label])</button></form>"
        }
        var answers: [HTML] = []
        if model.isApplicant, state == .selected { answers += [button("accept", "training.accept"), button("decline", "training.decline")] }
        if model.isApplicant, state == .waitlisted { answers.append(button("decline", "training.leaveWaitlist")) }
        if (model.isApplicant || model.manage), let state, !state.isFinal, state != .selected, state != .waitlisted { answers.append(button("withdraw", "training.withdraw")) }
        let offer: HTML = state == .selected ? (record.offerDeadline.map {
            "<div class=\"notice\" role=\"status\"><p>\(context.strings.format("training.offerUntil", ["deadline": AuditChain.timestamp($0)]))</p></div>" as HTML
        } ?? .empty) : .empty
        let position: HTML = state == .waitlisted ? (((try? record.decision)??.position).map { Components.definition(context["training.waitlistPosition"], "\($0)") } ?? .empty) : .empty
        var actionPlan: HTML = .empty
        if model.showsActionPlan {
            let mayWrite = model.isApplicant && (state == .accepted || state == .completed)
            let text: HTML = record.actionPlan.map { "<p class=\"prose\">\($0)</p>" as HTML } ?? "<p>\(context["training.noActionPlan"])</p>"
            let form: HTML = mayWrite ? """
            <form method="post" action="\(TrainingURL.actionPlan(.value(record.storedID)).path)">\(context.csrfField)
            \(Components.textArea(context, [], field: "text", name: "text", label: context["training.actionPlanText"], value: record.actionPlan, hint: context["training.actionPlanTextHint"]))
            <button type="submit" class="button">\(context["training.saveActionPlan"])</button></form>
            """ : .empty
            actionPlan = "<h2>\(context["training.actionPlan"])</h2>\(mayWrite ? HTML.empty : text)\(form)"
        }
        if model.isApplicant, state == .completed {
            let next = record.alumniOptIn ? "false" : "true"
            actionPlan = actionPlan + """
            <h2>\(context["alumni.title"])</h2>
            <p>\(context[record.alumniOptIn ? "alumni.youAreListed" : "alumni.youAreNotListed"])</p>
            <form method="post" action="\(TrainingURL.alumniOptIn(.value(record.storedID)).path)">\(context.csrfField)
            <input type="hidden" name="optIn" value="\(next)"><button type="submit" class="button">\(context[record.alumniOptIn ? "alumni.optOut" : "alumni.optIn"])</button></form>
            """
        }
        let body: HTML = """
        <p><a href="\(TrainingURL.cohort(.value(model.view.cohort.storedID)).path)">\(model.view.terms.title.text(in: language))</a></p>
        \(offer)
        <h1>\(context.strings.format("training.applicationOf", ["name": record.traineeName]))</h1>
        \(Components.notice(model.notice))
        <dl class="facts">
        \(Components.definition(context["training.state"], "\(context["traineestate.\(record.state)"])"))
        \(Components.definition(context["traineefield.organisation"], "\(model.organisation?.name.text(in: language) ?? "")"))
        \(Components.definition(context["field.country"], "\(record.country)"))
        \(Components.definition(context["traineefield.level"], "\(context["governmentlevel.\(record.level)"])"))
        \(Components.definition(context["training.rank"], "\(record.rank.map(String.init) ?? "—")"))
        \(position)
        </dl>
        \(answers.isEmpty ? HTML.empty : "<div class=\"actions\">\(answers)</div>")
        <h2>\(context["traineefield.motivation"])</h2><p class="prose">\(record.motivation)</p>
        <h2>\(context["traineefield.actionPlanIdea"])</h2><p class="prose">\(record.actionPlanIdea)</p>
        \(nominate)
        \(state == .selected || state == .accepted ? "<p><a href=\"\(TrainingURL.invitation(.value(record.storedID)).path)\">\(context["invitation.title"])</a></p>" as HTML : .empty)
        \(actionPlan)
        """
        return Layout.page(context, title: record.traineeName, current: "nav.training", body: body)
    }

    struct RankingModel {
        var view: CohortView
        var country: CountryCode
        /// The country's name in both languages, when the directory has it.
        var countryName: LocalizedText?
        var nominees: [TraineeApplicationRecord]
        var refusal: String?
        var notice: String?
    }

    static func ranking(_ context: PageContext, _ model: RankingModel) -> HTML {
        let language = context.language
        let country = model.countryName.map { "\($0.text(in: language)) (\(model.country.value))" } ?? model.country.value
        let rows: [HTML] = model.nominees.map { record in
            let id = UUIDText.string(record.storedID)
            return """
            <tr><td><a href="\(TrainingURL.application(.value(record.storedID)).path)">\(record.traineeName)</a></td><td>\(context["traineestate.\(record.state)"])</td>\
            <td><input id="rank-\(id)" name="rank-\(id)" aria-label="\(context.strings.format("training.rankOf", ["name": record.traineeName]))" type="number" min="1" max="\(model.nominees.count)" inputmode="numeric" value="\(record.rank.map(String.init) ?? "")" class="rank-input"></td></tr>
            """
        }
        let body: HTML = """
        <p><a href="\(TrainingURL.cohort(.value(model.view.cohort.storedID)).path)">\(model.view.terms.title.text(in: language))</a></p>
        <h1>\(context.strings.format("training.rankCountry", ["country": country]))</h1>
        <p>\(context.strings.format("training.rankLead", ["deadline": model.view.terms.window.rankingDeadlineText]))</p>
        \(Components.alert(model.refusal))
        \(Components.notice(model.notice))
        \(rows.isEmpty ? "<p>\(context["training.noNominees"])</p>" as HTML : """
        <form method="post" action="\(TrainingURL.ranking(.value(model.view.cohort.storedID), .value(model.country.value)).path)">
        \(context.csrfField)
        <div class="table-scroll"><table class="list"><caption>\(context["training.nomineesCaption"])</caption>
        <thead><tr><th scope="col">\(context["field.name"])</th><th scope="col">\(context["training.state"])</th><th scope="col">\(context["training.rank"])</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        <button type="submit" class="button">\(context["training.saveRanking"])</button>
        </form>
        """)
        """
        return Layout.page(context, title: context.strings.format("training.rankCountry", ["country": country]), current: "nav.training", body: body)
    }
}
