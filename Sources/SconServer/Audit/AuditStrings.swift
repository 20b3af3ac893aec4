extension AuditContext {
    /// This context's user-facing strings: key → (English, Korean).
    static let table: StringTable = [
        "audit.call.create": ("Call written", "공모 작성"),
        "audit.call.update": ("Terms changed", "공모 조건 변경"),
        "audit.call.transition": ("State changed", "상태 변경"),
        "audit.call.seed": ("Loaded as sample data", "샘플 데이터로 등록"),
        "audit.call.decide": ("Selection confirmed", "선정 확정"),
        "audit.proposal.create": ("Proposal drafted", "제안서 작성"),
        "audit.proposal.update": ("Proposal changed", "제안서 수정"),
        "audit.proposal.submit": ("Proposal submitted", "제안서 제출"),
        "audit.proposal.withdraw": ("Proposal withdrawn", "제안서 철회"),
        "audit.proposal.attach": ("File attached", "파일 첨부"),
        "audit.proposal.detach": ("File removed", "파일 삭제"),
        "audit.proposal.seed": ("Proposal loaded as sample data", "제안서를 샘플 데이터로 등록"),
        "audit.endorsement.set": ("Endorsements set by the focal point", "국가 담당자의 추천 확정"),
        "audit.conflict.declare": ("Conflict of interest declared", "이해충돌 신고"),
        "audit.assignment.run": ("Reviewers assigned", "심사위원 배정"),
        "audit.assignment.pin": ("Reviewer fixed on a proposal", "제안서에 심사위원 지정"),
        "audit.assignment.remove": ("Reviewer removed from a proposal", "제안서에서 심사위원 제외"),
        "audit.review.save": ("Review saved", "심사 저장"),
        "audit.review.submit": ("Review submitted", "심사 제출"),
        "audit.appeal.lodge": ("Appeal lodged", "이의 신청"),
        "audit.appeal.answer": ("Appeal answered", "이의 신청 답변"),
        "audit.reviewer.profile": ("Reviewer profile changed", "심사위원 정보 변경"),
    ]
}
