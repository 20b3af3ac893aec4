import Crypto

/// A QR Code symbol (ISO/IEC 18004, Model 2) for a text, drawn by the app: certificates'
/// verification links, two-factor provisioning URIs, attendance check-in links.
///
/// The text is encoded as one segment: numeric mode when it is all digits, alphanumeric
/// mode when it uses only `0–9 A–Z space $ % * + - . / :`, otherwise byte mode with the
/// text's UTF-8 bytes (no ECI header, as most generators do; scanners read UTF-8). The
/// version is the smallest of 1–40 that holds the text at the requested error-correction
/// level (the level is never raised behind the caller's back), and the mask is the one of
/// the eight with the lowest penalty score (ISO/IEC 18004 §7.8.3, format information drawn,
/// ties to the lower mask number), unless a version or mask is given.
public struct QRCode: Sendable, Hashable {
    /// The error-correction level: the share of codewords that can be restored.
    public enum Correction: String, Sendable, Hashable, Codable, CaseIterable {
        /// About 7 %.
        case low = "L"
        /// About 15 %: the default, good for screens and paper.
        case medium = "M"
        /// About 25 %.
        case quartile = "Q"
        /// About 30 %.
        case high = "H"

        /// Row of the block tables: L, M, Q, H.
        var tableIndex: Int {
            switch self {
            case .low: 0
            case .medium: 1
            case .quartile: 2
            case .high: 3
            }
        }

        /// The two bits of the format information (ISO/IEC 18004 Table 12).
        var formatBits: Int {
            switch self {
            case .low: 1
            case .medium: 0
            case .quartile: 3
            case .high: 2
            }
        }
    }

    /// The encoding of the text's one segment.
    public enum Mode: String, Sendable, Hashable, Codable, CaseIterable {
        case numeric
        case alphanumeric
        case byte

        var indicator: Int {
            switch self {
            case .numeric: 0b0001
            case .alphanumeric: 0b0010
            case .byte: 0b0100
            }
        }

        /// The width of the character count field in a version.
        func countBits(version: Int) -> Int {
            let group = version <= 9 ? 0 : version <= 26 ? 1 : 2
            switch self {
            case .numeric: return [10, 12, 14][group]
            case .alphanumeric: return [9, 11, 13][group]
            case .byte: return [8, 16, 16][group]
            }
        }
    }

    /// 1–40; the symbol is 17 + 4 × version modules wide.
    public let version: Int
    public let correction: Correction
    /// The data mask pattern, 0–7.
    public let mask: Int
    public let mode: Mode
    /// Modules per side, without the quiet zone.
    public let size: Int
    /// Row-major, `true` for dark.
    let modules: [Bool]

    init(version: Int, correction: Correction, mask: Int, mode: Mode, modules: [Bool]) {
        self.version = version
        self.correction = correction
        self.mask = mask
        self.mode = mode
        self.size = version * 4 + 17
        self.modules = modules
    }

    /// Whether the module in column `x`, row `y` (from the top left, 0-based) is dark;
    /// false outside the symbol (the quiet zone is light).
    public func isDark(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < size, y < size else { return false }
        return modules[y * size + x]
    }

    /// The symbol as text, one line per row, `#` for dark and `.` for light: for tests and logs.
    public var rows: [String] {
        (0..<size).map { y in String((0..<size).map { x in isDark(x: x, y: y) ? "#" : "." }) }
    }

    /// SHA-256 (lower-case hex) of `rows` joined by newlines: a stable name for the drawing.
    var fingerprint: String {
        SHA256.hash(data: Array(rows.joined(separator: "\n").utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The characters of alphanumeric mode, in the order of their values.
    static let alphanumericCharacters = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)

    /// Encodes `text`. Throws `DomainError.invalid` (field `text`) when the text does not fit
    /// in version 40 (or in the given version), when the given version or mask is out of
    /// range, or when the given mode cannot encode the text.
    public static func encode(_ text: String, correction: Correction = .medium, version: Int? = nil,
                              mask: Int? = nil, mode: Mode? = nil) throws(DomainError) -> QRCode {
        let bytes = Array(text.utf8)
        let natural = naturalMode(bytes)
        let chosenMode = mode ?? natural
        if let version, !(1...40).contains(version) {
            throw .invalid([FieldIssue(field: "version", code: "out-of-range", detail: "a QR code version is 1 to 40.")])
        }
        if let mask, !(0...7).contains(mask) {
            throw .invalid([FieldIssue(field: "mask", code: "out-of-range", detail: "a QR code mask is 0 to 7.")])
        }
        if !canEncode(bytes, in: chosenMode) {
            throw .invalid([FieldIssue(field: "text", code: "wrong-mode", detail: "\(chosenMode.rawValue) mode cannot encode this text.")])
        }
        let candidates = version.map { [$0] } ?? Array(1...40)
        guard let chosenVersion = candidates.first(where: { bitLength(bytes.count, mode: chosenMode, version: $0) <= QRCodeTables.dataCodewords(version: $0, correction: correction) * 8 }) else {
            let limit = version.map { "version \($0)" } ?? "a QR code"
            throw .invalid([FieldIssue(field: "text", code: "too-long", detail: "the text is too long for \(limit) at level \(correction.rawValue).")])
        }
        let data = codewords(bytes, mode: chosenMode, version: chosenVersion, correction: correction)
        var matrix = QRCodeMatrix(version: chosenVersion)
        matrix.drawFunctionPatterns()
        matrix.place(QRCodeMatrix.interleave(data, version: chosenVersion, correction: correction))
        let chosenMask = mask ?? matrix.bestMask(correction: correction)
        matrix.apply(mask: chosenMask)
        matrix.drawFormat(correction: correction, mask: chosenMask)
        return QRCode(version: chosenVersion, correction: correction, mask: chosenMask, mode: chosenMode, modules: matrix.modules)
    }

    static func naturalMode(_ bytes: [UInt8]) -> Mode {
        if bytes.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) { return .numeric }
        if canEncode(bytes, in: .alphanumeric) { return .alphanumeric }
        return .byte
    }

    static func canEncode(_ bytes: [UInt8], in mode: Mode) -> Bool {
        switch mode {
        case .numeric: bytes.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        case .alphanumeric: bytes.allSatisfy { alphanumericCharacters.contains($0) }
        case .byte: true
        }
    }

    /// The bits of the segment (mode, count, data), without terminator and padding; `Int.max`
    /// when the count does not fit its field.
    static func bitLength(_ count: Int, mode: Mode, version: Int) -> Int {
        guard count < 1 << mode.countBits(version: version) else { return .max }
        let data = switch mode {
        case .numeric: count / 3 * 10 + [0, 4, 7][count % 3]
        case .alphanumeric: count / 2 * 11 + (count % 2) * 6
        case .byte: count * 8
        }
        return 4 + mode.countBits(version: version) + data
    }

    /// The data codewords: segment, terminator, bit padding, pad bytes 0xEC 0x11.
    static func codewords(_ bytes: [UInt8], mode: Mode, version: Int, correction: Correction) -> [UInt8] {
        var bits = QRBitBuffer()
        bits.append(mode.indicator, count: 4)
        bits.append(bytes.count, count: mode.countBits(version: version))
        switch mode {
        case .numeric:
            var index = 0
            while index < bytes.count {
                let group = bytes[index..<min(index + 3, bytes.count)]
                let value = group.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
                bits.append(value, count: group.count * 3 + 1)
                index += 3
            }
        case .alphanumeric:
            let values = bytes.map { byte in alphanumericCharacters.firstIndex(of: byte)! }
            var index = 0
            while index + 1 < values.count {
                bits.append(values[index] * 45 + values[index + 1], count: 11)
                index += 2
            }
            if index < values.count { bits.append(values[index], count: 6) }
        case .byte:
            for byte in bytes { bits.append(Int(byte), count: 8) }
        }
        let capacity = QRCodeTables.dataCodewords(version: version, correction: correction) * 8
        bits.append(0, count: min(4, capacity - bits.count))
        bits.append(0, count: (8 - bits.count % 8) % 8)
        var result = bits.bytes
        var pad: UInt8 = 0xEC
        while result.count * 8 < capacity {
            result.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return result
    }
}

/// Bits appended most significant first.
struct QRBitBuffer {
    private(set) var bits: [Bool] = []
    var count: Int { bits.count }

    mutating func append(_ value: Int, count: Int) {
        for shift in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> shift) & 1 == 1) }
    }

    /// Whole bytes; the caller pads to a multiple of 8 first.
    var bytes: [UInt8] {
        stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<start + 8].reduce(UInt8(0)) { $0 << 1 | ($1 ? 1 : 0) }
        }
    }
}
