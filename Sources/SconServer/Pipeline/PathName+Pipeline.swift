extension PathName {
    static let deliverable = PathName("deliverable")
    static let version = PathName("version")
    static let milestone = PathName("milestone")
    static let flag = PathName("flag")
    static let part = PathName("part")
}
