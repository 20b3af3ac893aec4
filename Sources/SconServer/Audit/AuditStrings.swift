extension AuditContext {
    /// This context's user-facing strings: key → (English, Korean).
    static let table: StringTable = [
        "audit.call.create": ("Call written", "공모 작성"),
        "audit.call.update": ("Terms changed", "공모 조건 변경"),
        "audit.call.transition": ("State changed", "상태 변경"),
        "audit.call.seed": ("Loaded as sample data", "샘플 데이터로 등록"),
    ]
}
