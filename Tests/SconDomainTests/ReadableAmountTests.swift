import Testing
@testable import SconDomain

@Suite struct ReadableAmountTests {
    @Test func koreanReadsByJoEokMan() {
        #expect(ReadableAmount.korean(1_500_000_000_000) == "1조 5,000억 원")
        #expect(ReadableAmount.korean(1_200_000_000_000) == "1조 2,000억 원")
        #expect(ReadableAmount.korean(300_000_000_000) == "3,000억 원")
        #expect(ReadableAmount.korean(2_000_000_000) == "20억 원")
        #expect(ReadableAmount.korean(4_250_000_000) == "42억 5,000만 원")
        #expect(ReadableAmount.korean(1_000_000) == "100만 원")
        #expect(ReadableAmount.korean(12_345) == "1만 2,345 원")
        #expect(ReadableAmount.korean(9_999) == "9,999원")
        #expect(ReadableAmount.korean(-300_000_000) == "-3억 원")
    }

    @Test func englishReadsWithAWord() {
        #expect(ReadableAmount.english(1_500_000_000_000) == "KRW 1.5 trillion")
        #expect(ReadableAmount.english(300_000_000_000) == "KRW 300 billion")
        #expect(ReadableAmount.english(4_250_000_000) == "KRW 4.25 billion")
        #expect(ReadableAmount.english(12_340_000) == "KRW 12.3 million")
        #expect(ReadableAmount.english(999_999) == "KRW 999,999")
    }
}
