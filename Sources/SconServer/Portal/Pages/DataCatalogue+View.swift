import Foundation
import SconDomain

/// The data catalogue: every dataset with its files, licence, columns and last change.
enum DataCatalogue {
    static func render(_ context: PageContext, changes: [PortalDataset: Date]) -> HTML {
        let sections: [HTML] = PortalDataset.allCases.map { dataset in
            let files: [HTML] = dataset.files.map { "<li><a href=\"\($0.path)\">\($0.rawValue)</a> <small>(\($0.mediaType))</small></li>" }
            let columns: [HTML] = dataset.columns.map { "<li><code>\($0)</code></li>" }
            let changed = changes[dataset].map { AuditChain.timestamp($0).prefix(10).description } ?? context["portal.data.unchanged"]
            return """
            <section aria-labelledby="ds-\(dataset.rawValue)"><h2 id="ds-\(dataset.rawValue)">\(context["portal.dataset.\(dataset.rawValue)"])</h2>
            <p>\(context["portal.dataset.\(dataset.rawValue).text"])</p>
            <dl class="facts">
            \(Components.definition(context["portal.data.files"], "<ul class=\"plain\">\(files)</ul>"))
            \(Components.definition(context["portal.data.licence"], "\(dataset.licence)"))
            \(Components.definition(context["portal.data.lastChange"], "\(changed)"))
            \(Components.definition(context["portal.data.columns"], "<ul class=\"columns\">\(columns)</ul>"))
            </dl></section>
            """
        }
        let body: HTML = """
        <h1>\(context["portal.data.title"])</h1>
        <p class="lead">\(context["portal.data.lead"])</p>
        \(sections)
        """
        return Layout.page(context, title: context["portal.data.title"], current: "nav.data", body: body)
    }
}

/// The downloads of one list under its filter, for the list's own page: "Download this list: CSV · JSON",
/// each file following the same `country` as the page (the URL holds the filter).
enum ListDownloads {
    static func render(_ context: PageContext, _ files: [PortalData], country: CountryCode?) -> HTML {
        let query = PortalFilter(country: country).query
        let links: [HTML] = files.enumerated().map { index, file in
            "\(index > 0 ? " · " : "")<a href=\"\(file.path)\(query)\" download>\(file.format.uppercased())</a>"
        }
        return """
        <p class="downloads-list">\(context["portal.downloads.list"]) \(links) \
        <small><a href="\(PortalURL.data.path)#ds-\(files.first?.dataset ?? "")">\(context["portal.downloads.about"])</a></small></p>
        """
    }
}
