extension QRCode {
    /// One compact `<svg>` element, valid inline in HTML and standalone: a white square with
    /// the quiet zone and one `<path>` of the dark modules (each row's dark runs as
    /// rectangles, in module units of the `viewBox`), `role="img"` with the title as its
    /// accessible name (`<title>` and `aria-label`), `shape-rendering="crispEdges"`, no
    /// external reference, no script, no id (several codes can sit on one page).
    /// - Parameters:
    ///   - moduleSize: the pixels per module of the `width` and `height` attributes (≥ 1);
    ///     the drawing scales with CSS regardless.
    ///   - quietZone: light modules around the symbol; the standard asks for 4.
    ///   - title: what the code is for, such as "Certificate verification link"; escaped.
    public func svg(moduleSize: Int = 4, quietZone: Int = 4, title: String) -> String {
        let quiet = max(0, quietZone)
        let side = size + 2 * quiet
        let pixels = side * max(1, moduleSize)
        var path = ""
        path.reserveCapacity(size * size)
        for y in 0..<size {
            var x = 0
            while x < size {
                guard isDark(x: x, y: y) else { x += 1; continue }
                var end = x + 1
                while end < size, isDark(x: end, y: y) { end += 1 }
                path += "M\(x + quiet) \(y + quiet)h\(end - x)v1h-\(end - x)z"
                x = end
            }
        }
        let label = Self.escaped(title)
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" width=\"\(pixels)\" height=\"\(pixels)\""
            + " role=\"img\" aria-label=\"\(label)\" shape-rendering=\"crispEdges\">"
            + "<title>\(label)</title>"
            + "<rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/>"
            + "<path fill=\"#000\" d=\"\(path)\"/></svg>"
    }

    /// Text escaped for XML content and attribute values.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case _ where character.properties.generalCategory == .control: result += " "
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
