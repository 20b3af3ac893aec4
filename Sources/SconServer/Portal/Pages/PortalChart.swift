import Foundation
import SconDomain

/// A bar chart drawn on the server as SVG, accessible: a title and a description in the SVG,
/// and the same data as a table beside it (WCAG 1.1.1). Each row may have several series
/// (committed and disbursed); a reference value (the earmark) is drawn as a line.
struct PortalChart {
    var id: String
    var title: String
    var description: String
    var seriesNames: [String]
    var rows: [(label: String, values: [Int])]
    /// How a value reads in the table (amounts in words).
    var valueText: (Int) -> String = { String($0) }
    var reference: (label: String, value: Int)?

    func render() -> HTML {
        let width = 560.0, labelWidth = 190.0, barHeight = 16.0, gap = 10.0
        let series = max(1, seriesNames.count)
        let rowHeight = Double(series) * barHeight + gap
        let height = max(40, Double(rows.count) * rowHeight + 24)
        let maximum = Double(max(1, rows.flatMap(\.values).max() ?? 1, reference?.value ?? 0))
        let scale = (width - labelWidth - 60) / maximum
        var marks: [HTML] = []
        for (index, row) in rows.enumerated() {
            let top = Double(index) * rowHeight + 4
            marks.append("<text class=\"label\" x=\"\(f(labelWidth - 6))\" y=\"\(f(top + Double(series) * barHeight / 2 + 4))\" text-anchor=\"end\">\(Self.short(row.label))</text>")
            for (position, value) in row.values.enumerated() {
                let y = top + Double(position) * barHeight
                let length = max(value > 0 ? 1 : 0, Double(value) * scale)
                marks.append("<rect class=\"s\(position)\" x=\"\(f(labelWidth))\" y=\"\(f(y))\" width=\"\(f(length))\" height=\"\(f(barHeight - 2))\"><title>\(row.label): \(valueText(value))</title></rect>")
                marks.append("<text class=\"value\" x=\"\(f(labelWidth + length + 4))\" y=\"\(f(y + barHeight - 5))\">\(valueText(value))</text>")
            }
        }
        if let reference {
            let x = labelWidth + Double(reference.value) * scale
            marks.append("<line class=\"reference\" x1=\"\(f(x))\" x2=\"\(f(x))\" y1=\"0\" y2=\"\(f(height - 18))\"/>")
            marks.append("<text class=\"reference\" x=\"\(f(min(x, width - 4)))\" y=\"\(f(height - 4))\" text-anchor=\"end\">\(reference.label)</text>")
        }
        let legend: [HTML] = seriesNames.count > 1 ? seriesNames.enumerated().map { "<span class=\"key key-s\($0.offset)\"></span> \($0.element) " } : []
        let header: [HTML] = seriesNames.map { "<th scope=\"col\">\($0)</th>" }
        let body: [HTML] = rows.map { row in
            let cells: [HTML] = row.values.map { "<td>\(valueText($0))</td>" }
            return "<tr><th scope=\"row\">\(row.label)</th>\(cells)</tr>"
        }
        let empty: HTML = rows.isEmpty ? "<p>\(description)</p>" : .empty
        return """
        <figure class="chart" aria-labelledby="\(id)-title">
        <figcaption id="\(id)-title"><h3>\(title)</h3></figcaption>
        \(empty)\(rows.isEmpty ? HTML.empty : """
        <svg viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-labelledby="\(id)-svg-title \(id)-desc"><title id="\(id)-svg-title">\(title)</title><desc id="\(id)-desc">\(description)</desc>\(marks)</svg>
        <p class="legend">\(legend)</p>
        <table class="chart-data"><caption>\(title)</caption><thead><tr><td></td>\(header)</tr></thead><tbody>\(body)</tbody></table>
        """)
        </figure>
        """
    }

    /// A label short enough for the chart's margin; the full text is in the bar's title and the table.
    static func short(_ label: String) -> String {
        label.count <= 26 ? label : String(label.prefix(25)) + "…"
    }

    private func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
