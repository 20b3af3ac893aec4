import Testing
import VaporTesting
@testable import SconServer
@Test func placeholder() {}
