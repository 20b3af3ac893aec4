/// The module grid of a QR Code while it is drawn: function patterns (finders, separators,
/// timing, alignment, the dark module, format and version areas), the codewords in the
/// two-column zigzag, the mask and the format information.
struct QRCodeMatrix {
    let version: Int
    let size: Int
    /// Row-major, `true` for dark.
    var modules: [Bool]
    /// Row-major, `true` where a function pattern (never masked) lies.
    var isFunction: [Bool]

    init(version: Int) {
        self.version = version
        size = version * 4 + 17
        modules = Array(repeating: false, count: size * size)
        isFunction = Array(repeating: false, count: size * size)
    }

    private mutating func setFunction(_ x: Int, _ y: Int, _ dark: Bool) {
        modules[y * size + x] = dark
        isFunction[y * size + x] = true
    }

    mutating func drawFunctionPatterns() {
        for index in 0..<size {
            setFunction(6, index, index % 2 == 0)
            setFunction(index, 6, index % 2 == 0)
        }
        for (x, y) in [(3, 3), (size - 4, 3), (3, size - 4)] {
            for dy in -4...4 {
                for dx in -4...4 where (0..<size).contains(x + dx) && (0..<size).contains(y + dy) {
                    let distance = max(abs(dx), abs(dy))
                    setFunction(x + dx, y + dy, distance != 2 && distance != 4)
                }
            }
        }
        let centres = QRCodeTables.alignmentPositions(version: version)
        for (i, x) in centres.enumerated() {
            for (j, y) in centres.enumerated() {
                let last = centres.count - 1
                if (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0) { continue }
                for dy in -2...2 {
                    for dx in -2...2 { setFunction(x + dx, y + dy, max(abs(dx), abs(dy)) != 1) }
                }
            }
        }
        // Reserve the format areas (drawn for real after masking) and draw the version.
        drawFormat(correction: .medium, mask: 0)
        if version >= 7 {
            var remainder = version
            for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
            let bits = version << 12 | remainder
            for index in 0..<18 {
                let dark = (bits >> index) & 1 == 1
                let a = size - 11 + index % 3, b = index / 3
                setFunction(a, b, dark)
                setFunction(b, a, dark)
            }
        }
    }

    /// The 15 format bits (level and mask, BCH(15,5), XOR 0x5412) in both copies, and the
    /// dark module beside the lower-left finder.
    mutating func drawFormat(correction: QRCode.Correction, mask: Int) {
        let data = correction.formatBits << 3 | mask
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        let bits = (data << 10 | remainder) ^ 0x5412
        func bit(_ index: Int) -> Bool { (bits >> index) & 1 == 1 }
        for index in 0...5 { setFunction(8, index, bit(index)) }
        setFunction(8, 7, bit(6))
        setFunction(8, 8, bit(7))
        setFunction(7, 8, bit(8))
        for index in 9..<15 { setFunction(14 - index, 8, bit(index)) }
        for index in 0..<8 { setFunction(size - 1 - index, 8, bit(index)) }
        for index in 8..<15 { setFunction(8, size - 15 + index, bit(index)) }
        setFunction(8, size - 8, true)
    }

    /// Places the codewords' bits, most significant first, upwards and downwards in pairs of
    /// columns from the right, skipping the vertical timing column and function modules.
    /// Remainder bits stay light.
    mutating func place(_ codewords: [UInt8]) {
        let total = codewords.count * 8
        var index = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            let upward = (right + 1) & 2 == 0
            for vertical in 0..<size {
                let y = upward ? size - 1 - vertical : vertical
                for x in [right, right - 1] where !isFunction[y * size + x] && index < total {
                    modules[y * size + x] = (codewords[index >> 3] >> (7 - UInt8(index & 7))) & 1 == 1
                    index += 1
                }
            }
            right -= 2
        }
    }

    /// Splits the data codewords into blocks, adds each block's Reed–Solomon codewords, and
    /// interleaves: data codewords column by column across blocks, then the error correction.
    static func interleave(_ data: [UInt8], version: Int, correction: QRCode.Correction) -> [UInt8] {
        let blockCount = QRCodeTables.blocks[correction.tableIndex][version]
        let eccLength = QRCodeTables.eccCodewordsPerBlock[correction.tableIndex][version]
        let rawCodewords = QRCodeTables.rawDataModules(version: version) / 8
        let shortBlocks = blockCount - rawCodewords % blockCount
        let shortDataLength = rawCodewords / blockCount - eccLength
        let generator = QRCodeTables.generator(degree: eccLength)
        var dataBlocks: [ArraySlice<UInt8>] = []
        var eccBlocks: [[UInt8]] = []
        var start = 0
        for block in 0..<blockCount {
            let length = shortDataLength + (block < shortBlocks ? 0 : 1)
            let slice = data[start..<start + length]
            dataBlocks.append(slice)
            eccBlocks.append(QRCodeTables.remainder(slice, generator: generator))
            start += length
        }
        var result: [UInt8] = []
        result.reserveCapacity(rawCodewords)
        for column in 0...shortDataLength {
            for block in dataBlocks where column < block.count { result.append(block[block.startIndex + column]) }
        }
        for column in 0..<eccLength {
            for block in eccBlocks { result.append(block[column]) }
        }
        return result
    }

    static func masked(_ mask: Int, x: Int, y: Int) -> Bool {
        switch mask {
        case 0: (x + y) % 2 == 0
        case 1: y % 2 == 0
        case 2: x % 3 == 0
        case 3: (x + y) % 3 == 0
        case 4: (x / 3 + y / 2) % 2 == 0
        case 5: x * y % 2 + x * y % 3 == 0
        case 6: (x * y % 2 + x * y % 3) % 2 == 0
        default: ((x + y) % 2 + x * y % 3) % 2 == 0
        }
    }

    /// XORs the mask into the data modules (applying it twice undoes it).
    mutating func apply(mask: Int) {
        for y in 0..<size {
            for x in 0..<size where !isFunction[y * size + x] && Self.masked(mask, x: x, y: y) {
                modules[y * size + x].toggle()
            }
        }
    }

    /// The mask with the lowest penalty, each tried with its format information drawn.
    mutating func bestMask(correction: QRCode.Correction) -> Int {
        var best = 0
        var bestPenalty = Int.max
        for mask in 0..<8 {
            apply(mask: mask)
            drawFormat(correction: correction, mask: mask)
            let score = penalty()
            if score < bestPenalty {
                best = mask
                bestPenalty = score
            }
            apply(mask: mask)
        }
        return best
    }

    /// The penalty score of ISO/IEC 18004 §7.8.3: runs of five or more (3 + length − 5),
    /// 2×2 blocks of one colour (3 each), finder-like 1:1:3:1:1 patterns with four light
    /// modules on one side, outside the symbol counting as light (40 each), and the dark
    /// share's distance from 50 % in whole steps of 5 % (10 each).
    func penalty() -> Int {
        var score = 0
        var line = [Bool](repeating: false, count: size)
        for horizontal in [true, false] {
            for a in 0..<size {
                for b in 0..<size { line[b] = horizontal ? modules[a * size + b] : modules[b * size + a] }
                score += Self.linePenalty(line)
            }
        }
        var dark = 0
        for y in 0..<size {
            for x in 0..<size {
                let colour = modules[y * size + x]
                if colour { dark += 1 }
                if x + 1 < size, y + 1 < size, colour == modules[y * size + x + 1],
                   colour == modules[(y + 1) * size + x], colour == modules[(y + 1) * size + x + 1] {
                    score += 3
                }
            }
        }
        let total = size * size
        score += abs(dark * 20 - total * 10) / total * 10
        return score
    }

    static let finderLike: [Bool] = [true, false, true, true, true, false, true]

    /// Rules 1 and 3 along one row or column.
    static func linePenalty(_ line: [Bool]) -> Int {
        var score = 0
        var run = 1
        for index in 1..<line.count {
            if line[index] == line[index - 1] {
                run += 1
            } else {
                if run >= 5 { score += run - 2 }
                run = 1
            }
        }
        if run >= 5 { score += run - 2 }
        func light(_ range: Range<Int>) -> Bool {
            range.allSatisfy { $0 < 0 || $0 >= line.count || !line[$0] }
        }
        for start in 0...(line.count - 7) where line[start..<start + 7].elementsEqual(finderLike) {
            if light(start - 4..<start) || light(start + 7..<start + 11) { score += 40 }
        }
        return score
    }
}
