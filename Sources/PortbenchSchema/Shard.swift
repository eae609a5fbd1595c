import Foundation

/// One of `count` parts of a suite's cases (`run --shard index/count`; `index` counts from 1).
public struct Shard: Codable, Equatable, Hashable, Sendable {
    public var index: Int
    public var count: Int

    /// The most shards a suite may be split into.
    public static let maxCount = 1_000

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Reads `i/n` with 1 ≤ i ≤ n ≤ `maxCount`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), (1...Self.maxCount).contains(n),
            (1...n).contains(i)
        else { return nil }
        self.init(index: i, count: n)
    }

    public var description: String { "\(index)/\(count)" }
}
