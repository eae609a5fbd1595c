import PortbenchSchema

extension Suite {
    /// A case's expected cost for balancing shards, the same on every machine: graph FLOPs plus 10 × bytes moved
    /// (a nominal 10 FLOPs per byte, so bandwidth-bound decode cases weigh what they take).
    public static func shardCost(_ graph: LayerGraph) -> Double {
        let c = graph.totalCost
        return c.flops + 10 * c.bytes
    }

    /// The shard (0-based) of every case, keyed `workload/scenario`: greedy longest-processing-time over the cases
    /// sorted by cost (largest first) then key, each to the least-loaded shard (the lowest index on a tie).
    public func shardAssignment(count: Int) -> [String: Int] {
        var cases: [(key: String, cost: Double)] = []
        for e in entries {
            for s in e.scenarios {
                cases.append(("\(e.workload.name)/\(s.name)", Self.shardCost(LayerGraph.lower(e.workload.config, s))))
            }
        }
        cases.sort { $0.cost != $1.cost ? $0.cost > $1.cost : $0.key < $1.key }
        var load = [Double](repeating: 0, count: count)
        var out: [String: Int] = [:]
        for c in cases {
            let target = load.indices.min { load[$0] != load[$1] ? load[$0] < load[$1] : $0 < $1 }!
            load[target] += c.cost
            out[c.key] = target
        }
        return out
    }

    /// Only the cases of `shard` (and the goals on them), in suite order.
    public func sharded(_ shard: Shard) -> Suite {
        let assignment = shardAssignment(count: shard.count)
        let mine = { (workload: String, scenario: String) in assignment["\(workload)/\(scenario)"] == shard.index - 1 }
        var s = self
        s.entries = entries.compactMap { e in
            let kept = e.scenarios.filter { mine(e.workload.name, $0.name) }
            return kept.isEmpty ? nil : SuiteEntry(workload: e.workload, scenarios: kept)
        }
        s.goals = goals.filter { mine($0.workload, $0.scenario) }
        return s
    }
}
