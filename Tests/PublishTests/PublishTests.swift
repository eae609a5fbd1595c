import Publish
import XCTest

final class PublishPlaceholderTests: XCTestCase {}
