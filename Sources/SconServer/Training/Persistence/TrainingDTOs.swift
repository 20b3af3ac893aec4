import Foundation
import SconDomain
import Vapor

/// A cohort as the API reads it: its programme and its terms.
struct CohortDTO: JSONWritable {
    let view: CohortView

    func writeJSON(to writer: inout JSONWriter) {
        let terms = view.terms, programme = view.programme, cohort = view.cohort
        writer.object {
            $0.field("id", cohort.storedID)
            $0.field("code", cohort.code)
            $0.key("programme")
            $0.object {
                $0.field("id", programme.storedID)
                $0.field("code", programme.code)
                $0.field("title", programme.title)
            }
            $0.field("title", terms.title)
            $0.field("venueTimeZone", terms.venueTimeZone)
            $0.key("dates")
            $0.object {
                $0.field("start", terms.dates.start.description)
                $0.field("end", terms.dates.end.description)
            }
            $0.field("capacity", terms.capacity)
            $0.key("quota")
            $0.object {
                switch terms.quota {
                case .atMost(let limit): $0.field("atMost", limit)
                case .fixed(let limits):
                    $0.key("fixed")
                    $0.object { object in
                        for (country, limit) in limits.sorted(by: { $0.key < $1.key }) {
                            object.key(escaping: country.value)
                            object.int(limit)
                        }
                    }
                }
            }
            $0.field("eligibleCountries", terms.eligibleCountries.map(\.value))
            $0.field("eligibleLevels", terms.eligibleLevels.map(\.rawValue))
            $0.key("applicationWindow")
            $0.object {
                $0.field("opens", terms.window.opens.description)
                $0.field("deadline", terms.window.deadline.description)
                $0.field("rankingDeadline", terms.window.rankingDeadline.description)
                $0.field("timeZone", terms.window.timeZone)
            }
            $0.key("sessions")
            $0.array(terms.sessions) { writer, session in
                writer.object {
                    $0.field("day", session.day.description)
                    $0.field("starts", session.starts)
                    $0.field("ends", session.ends)
                    $0.field("topic", session.topic)
                    if let venue = session.venue { $0.field("venue", venue) } else { $0.key("venue"); $0.null() }
                    $0.field("onlineLink", session.onlineLink)
                }
            }
            $0.key("requiredDocuments")
            $0.array(terms.requiredDocuments) { writer, document in writer.object { $0.field("en", document.en); $0.field("ko", document.ko) } }
            $0.field("minimumAttendancePercent", terms.completion.minimumAttendancePercent)
            $0.field("actionPlanRequired", terms.completion.actionPlanRequired)
            $0.field("acceptanceDays", terms.acceptanceDays)
            $0.field("published", cohort.published)
            $0.field("selectionConfirmed", cohort.selectionConfirmedAt != nil)
            $0.field("sample", cohort.sample)
        }
    }
}

/// A trainee application as its readers see it.
struct TraineeApplicationDTO: JSONWritable {
    let record: TraineeApplicationRecord
    /// Whether the reader sees the action plan (the trainee, the focal point, officers).
    var showsActionPlan = false

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("id", record.storedID)
            $0.field("cohort", record.cohortID)
            $0.field("name", record.traineeName)
            $0.field("organisation", record.organisationID)
            $0.field("country", record.country)
            $0.field("level", record.level)
            $0.field("state", record.state)
            $0.field("motivation", record.motivation)
            $0.field("actionPlanIdea", record.actionPlanIdea)
            $0.key("documents")
            $0.array(record.documents.split(separator: ",").compactMap { Int($0) }) { $0.int($1) }
            $0.field("submittedAt", record.submittedAt.map(AuditChain.timestamp))
            $0.field("nominatedAt", record.nominatedAt.map(AuditChain.timestamp))
            $0.field("rank", record.rank)
            $0.field("offerDeadline", record.offerDeadline.map(AuditChain.timestamp))
            $0.field("actionPlan", showsActionPlan ? record.actionPlan : nil)
            $0.field("alumniOptIn", record.alumniOptIn)
            $0.field("sample", record.sample)
        }
    }
}

/// One decision of the selection (flat, as docs/training.md shows it).
struct TraineeDecisionDTO: JSONWritable {
    let decision: TraineeDecision

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("application", decision.application)
            $0.field("country", decision.country.value)
            $0.field("outcome", decision.outcome.rawValue)
            $0.field("reason", decision.reason.rawValue)
            $0.field("round", decision.round)
            $0.field("position", decision.position)
            $0.field("quota", decision.quota)
            $0.field("note", decision.note)
        }
    }
}

/// The selection: every decision and the adjustments applied.
struct TraineeSelectionDTO: JSONWritable {
    let result: TraineeSelectionResult
    let confirmed: Bool

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("confirmed", confirmed)
            $0.field("decisions", result.decisions.map(TraineeDecisionDTO.init))
            $0.key("adjustments")
            $0.array(result.adjustments) { writer, adjustment in
                writer.object {
                    $0.field("application", adjustment.application)
                    $0.field("action", adjustment.action.rawValue)
                    $0.field("reason", adjustment.reason)
                }
            }
        }
    }
}

/// A certificate as the programme office lists it.
struct CertificateDTO: JSONWritable {
    let record: CertificateRecord

    func writeJSON(to writer: inout JSONWriter) {
        let code = CertificateCode(record.code)?.description ?? record.code
        writer.object {
            $0.field("code", code)
            $0.field("application", record.applicationID)
            $0.field("name", record.traineeName)
            $0.field("status", record.revokedAt == nil ? "valid" : "revoked")
            $0.field("issuedAt", AuditChain.timestamp(record.issuedAt))
            $0.field("revokedAt", record.revokedAt.map(AuditChain.timestamp))
            $0.field("revocationReason", record.revocationReason)
            $0.field("sample", record.sample)
        }
    }
}

/// The public verification of a certificate: nothing but the name, programme, cohort, dates and status.
struct CertificateVerificationDTO: JSONWritable {
    let verification: CertificateVerification

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("code", verification.code.description)
            $0.field("name", verification.name)
            $0.field("programme", verification.programme)
            $0.field("cohort", verification.cohort)
            $0.key("dates")
            $0.object {
                $0.field("start", verification.dates.start.description)
                $0.field("end", verification.dates.end.description)
            }
            $0.field("status", verification.status.rawValue)
            $0.field("revokedOn", verification.revokedOn?.description)
        }
    }
}

/// One presence at a session.
struct AttendanceDTO: JSONWritable {
    let record: AttendanceRecord

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("application", record.applicationID)
            $0.field("session", record.sessionIndex)
            $0.field("how", record.how)
            $0.field("recordedAt", AuditChain.timestamp(record.recordedAt))
        }
    }
}

/// One trainee's completion and certificate.
struct CompletionDTO: JSONWritable {
    let outcome: TrainingStore.CompletionOutcome

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("application", outcome.application)
            $0.field("name", outcome.name)
            $0.field("completed", outcome.evaluation.completed)
            $0.field("attended", outcome.evaluation.attended)
            $0.field("sessions", outcome.evaluation.sessions)
            $0.field("required", outcome.evaluation.required)
            $0.field("certificate", outcome.certificate?.description)
        }
    }
}

/// An alumnus of the directory and what their organisation did after the training.
struct AlumnusDTO: JSONWritable {
    let alumnus: AlumniQuery.Alumnus

    func writeJSON(to writer: inout JSONWriter) {
        let record = alumnus.record, terms = alumnus.cohort.terms
        writer.object {
            $0.field("application", record.storedID)
            $0.field("name", record.traineeName)
            $0.key("organisation")
            if let organisation = alumnus.organisation {
                $0.object { $0.field("id", organisation.storedID); $0.field("name", organisation.name) }
            } else {
                $0.null()
            }
            $0.field("country", record.country)
            $0.key("cohort")
            $0.object {
                $0.field("id", alumnus.cohort.cohort.storedID)
                $0.field("title", terms.title)
                $0.key("dates")
                $0.object { $0.field("start", terms.dates.start.description); $0.field("end", terms.dates.end.description) }
            }
            $0.field("optedIn", record.alumniOptIn)
            $0.key("ledTo")
            $0.object {
                $0.field("proposalsSubmittedAfter", alumnus.proposalsAfter)
                $0.key("projects")
                $0.array(alumnus.projects) { writer, project in
                    writer.object { $0.field("id", project.storedID); $0.field("code", project.code); $0.field("title", project.title) }
                }
                $0.key("events")
                $0.array(alumnus.events) { writer, event in
                    writer.object { $0.field("id", event.id); $0.field("title", event.title); $0.field("firstDay", event.firstDay) }
                }
            }
            $0.field("sample", record.sample)
        }
    }
}

/// A feedback survey's questions.
struct SurveyDTO: JSONWritable {
    let survey: FeedbackSurvey

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.key("questions")
            $0.array(survey.questions) { writer, question in
                writer.object {
                    $0.field("key", question.key)
                    $0.field("kind", question.kind.rawValue)
                    $0.field("text", question.text)
                    $0.field("required", question.required)
                }
            }
        }
    }
}

/// The summary of a cohort's feedback: no names.
struct FeedbackSummaryDTO: JSONWritable {
    let summary: FeedbackSummary

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("responses", summary.responses)
            $0.key("items")
            $0.array(summary.items) { writer, item in
                writer.object {
                    $0.field("key", item.key)
                    $0.field("kind", item.kind.rawValue)
                    $0.field("text", item.text)
                    $0.field("count", item.count)
                    $0.key("mean")
                    if let mean = item.mean { $0.double(mean) } else { $0.null() }
                    $0.key("distribution")
                    if let distribution = item.distribution { $0.array(distribution) { $0.int($1) } } else { $0.null() }
                    $0.key("answers")
                    if let answers = item.answers { $0.array(answers) { $0.string($1) } } else { $0.null() }
                }
            }
        }
    }
}

/// A training programme as the API reads it.
struct ProgrammeDTO: JSONWritable {
    let programme: TrainingProgramme

    func writeJSON(to writer: inout JSONWriter) {
        let programme = self.programme
        writer.object {
            $0.field("id", programme.storedID)
            $0.field("code", programme.code)
            $0.field("title", programme.title)
            $0.field("description", programme.description)
            $0.field("topics", programme.topics.split(separator: ",").map(String.init))
            $0.field("format", programme.format)
            $0.field("languages", programme.languages.split(separator: ",").map(String.init))
            $0.field("lengthDays", programme.lengthDays)
            $0.key("host")
            $0.object {
                $0.key("organisation")
                if let id = programme.hostOrganisationID { $0.uuid(id) } else { $0.null() }
                $0.field("name", programme.host)
            }
            $0.key("call")
            if let id = programme.callID { $0.uuid(id) } else { $0.null() }
            $0.key("project")
            if let id = programme.projectID { $0.uuid(id) } else { $0.null() }
            $0.field("sample", programme.sample)
        }
    }
}
