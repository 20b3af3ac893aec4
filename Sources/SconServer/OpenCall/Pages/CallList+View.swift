import SconDomain
import Vapor

/// The calls: each round with its state, support types and deadline.
enum CallListPage {
    struct Model {
        var calls: [CallDTO]
        var mayCreate: Bool
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        let rows: [HTML] = model.calls.map { call in
            let types = call.terms.supportTypes.map { context["supporttype.\($0.rawValue)"] }.joined(separator: ", ")
            return """
            <tr><th scope="row"><a href="\(OpenCallURL.call(.value(call.id)).path)">\(call.terms.title.text(in: context.language))</a> \(Components.sampleBadge(context, call.sample))</th>
            <td>\(CallText.state(context, call.state))</td><td>\(types)</td><td>\(CallText.deadline(context, call.terms.schedule))</td></tr>
            """
        }
        let table: HTML = rows.isEmpty ? "<p>\(context["calls.none"])</p>" : """
            <table class="list"><caption class="visually-hidden">\(context["calls.title"])</caption>
            <thead><tr><th scope="col">\(context["field.title"])</th><th scope="col">\(context["field.state"])</th><th scope="col">\(context["field.supportTypes"])</th><th scope="col">\(context["field.closesAt"])</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
        let create: HTML = model.mayCreate ? "<p><a class=\"button\" href=\"\(OpenCallURL.callNew.path)\">\(context["calls.new"])</a></p>" : .empty
        let body: HTML = """
        <h1>\(context["calls.title"])</h1>
        <p class="lead">\(context["calls.lead"])</p>
        \(create)
        \(table)
        """
        return Layout.page(context, title: context["calls.title"], current: "nav.calls", body: body)
    }
}

/// How a call's state and deadlines read on a page.
enum CallText {
    static func state(_ context: PageContext, _ state: CallState) -> HTML {
        "<span class=\"badge badge-state\">\(context["callstate.\(state.rawValue)"])</span>"
    }

    /// The local time as entered, with its zone; the UTC instant beside it.
    static func deadline(_ context: PageContext, _ schedule: CallSchedule, opening: Bool = false) -> HTML {
        let local = (opening ? schedule.opensLocal : schedule.closesLocal).replacingOccurrences(of: "T", with: " ")
        let instant = opening ? schedule.opensAt : schedule.closesAt
        let utc = String(AuditChain.timestamp(instant).prefix(16)).replacingOccurrences(of: "T", with: " ")
        return """
        <time datetime="\(AuditChain.timestamp(instant))">\(context.strings.format("calls.deadlineLocal", ["time": local, "zone": schedule.timeZone]))</time> \
        <span class="muted">\(context.strings.format("calls.utc", ["time": utc]))</span>
        """
    }
}
