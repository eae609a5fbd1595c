import Foundation
import PortbenchRender
import PortbenchSchema
import Regression

/// `portbench compare`: the baseline side (names, files or `auto`), the candidate runs, the rule and the output.
public struct CompareRequest: Sendable {
    /// Baseline names, result files, or `auto` (the newest baseline saved for the candidate's machine).
    public var baselines: [String] = []
    public var results: [String] = []
    public var baselineFolder: String?
    /// `auto` (the committed profile for this machine kind, when one run per side), `none`, or a profile file.
    public var noise = "auto"
    public var minimumEffect: Double?
    public var alpha = 0.01
    public var correction: MultipleComparisons = .holm
    public var interleaved = false
    public var allowDifferentMachine = false
    public var failOnInconclusive = false
    public var format: ReportFormat = .table
    public var out: String?

    public init() {}

    func validate() throws {
        if baselines.isEmpty { throw UsageError("--baseline: expected a baseline name, a result file or 'auto'") }
        if results.isEmpty { throw UsageError("expected at least one result document to compare") }
        if let m = minimumEffect, !(m > 0 && m < 1) {
            throw UsageError("--min-effect: expected a fraction above 0 and below 1 (0.03 is 3%), got \(m)")
        }
        if !(alpha > 0 && alpha < 0.5) { throw UsageError("--alpha: expected a level in (0, 0.5), got \(alpha)") }
    }
}

/// The formats a comparison or report is written in.
public enum ReportFormat: String, CaseIterable, Sendable {
    case table, md, html, json
}

extension Commands {
    /// Compares candidate runs with a baseline and returns the comparison in the requested format, with exit 3 when
    /// any case regressed (4 with `failOnInconclusive` when nothing regressed but something is inconclusive).
    public static func compare(_ r: CompareRequest, note: Note) throws -> CommandOutput {
        try r.validate()
        let outFile = try output(r.out, inputs: r.baselines + r.results)
        let doc = try comparison(r, note: note)
        let text = try render(doc, format: r.format)
        if let outFile {
            try outFile.write(Data(text.utf8))
            note("wrote \(outFile.path)")
        }
        let status = doc.summary.exitStatus(failOnInconclusive: r.failOnInconclusive)
        return CommandOutput(outFile == nil ? text : doc.summary.headline, status: status)
    }

    /// The comparison document itself (also used by `report` and `ab`).
    static func comparison(_ r: CompareRequest, note: Note) throws -> ComparisonDocument {
        let candidates = try r.results.map { try ResultDocument.read(from: URL(fileURLWithPath: $0)) }
        let store = BaselineStore(folder: r.baselineFolder)
        let baseline = try baselineSide(r.baselines, store: store, candidate: candidates[0], note: note)
        let minimumEffect = r.minimumEffect ?? candidates[0].minimumEffect ?? Regression.defaultMinimumEffect
        let single = baseline.documents.count + candidates.count < 3 && !r.interleaved
        let (noise, noisePath) =
            try single ? noiseProfile(r.noise, store: store, machine: candidates[0].machine) : (nil, nil)
        if single && noise == nil {
            note("note: no noise profile for this machine kind: one run per side is judged on within-run noise only")
        }
        let options = ComparisonOptions(
            rule: VerdictRule(minimumEffect: minimumEffect, alpha: r.alpha, correction: r.correction), noise: noise,
            noisePath: noisePath,
            interleaved: r.interleaved, allowDifferentMachine: r.allowDifferentMachine)
        return try Comparator.compare(
            baseline: baseline,
            candidate: ComparisonInput(label: r.results.joined(separator: ", "), documents: candidates),
            options: options, created: ISO8601DateFormatter().string(from: Date()), tool: ResultDocument.toolVersion)
    }

    static func baselineSide(
        _ specs: [String], store: BaselineStore, candidate: ResultDocument, note: Note
    ) throws -> ComparisonInput {
        var docs: [ResultDocument] = []
        var labels: [String] = []
        for spec in specs {
            if spec == "auto" {
                guard let e = try store.newest(for: candidate.machine) else {
                    throw UsageError(
                        "--baseline auto: no baseline in \(store.folder.path) was measured on this machine "
                            + "(\(candidate.machine.cpuModel), \(candidate.machine.cores) cores, key "
                            + "\(candidate.machine.computeKey())); save one with `portbench baseline save`")
                }
                note("baseline: \(e.name) (\(e.cpuModel), commit \(e.commit.prefix(12)), \(e.created))")
                docs.append(try store.document(e))
                labels.append(e.name)
            } else if FileManager.default.fileExists(atPath: spec) {
                docs.append(try ResultDocument.read(from: URL(fileURLWithPath: spec)))
                labels.append(spec)
            } else {
                docs.append(try store.document(store.entry(spec)))
                labels.append(spec)
            }
        }
        return ComparisonInput(label: labels.joined(separator: ", "), documents: docs)
    }

    /// The noise profile to use: a file, none, or the committed one for this machine kind (`<folder>/noise/`).
    static func noiseProfile(
        _ spec: String, store: BaselineStore, machine: MachineFingerprint
    ) throws -> (NoiseProfile?, String?) {
        switch spec {
        case "none": return (nil, nil)
        case "auto":
            let path = store.noiseProfileURL(for: MachineKind(machine)).path
            guard FileManager.default.fileExists(atPath: path) else { return (nil, nil) }
            return (try NoiseProfile.read(from: URL(fileURLWithPath: path)), path)
        default:
            let profile = try NoiseProfile.read(from: URL(fileURLWithPath: spec))
            guard profile.machineKind == MachineKind(machine) else {
                throw UsageError(
                    "--noise \(spec): measured on \(profile.machineKind.cpuModel) (\(profile.machineKind.cores) "
                        + "cores), not on this run's \(machine.cpuModel) (\(machine.cores) cores)")
            }
            return (profile, spec)
        }
    }

    static func render(_ doc: ComparisonDocument, format: ReportFormat) throws -> String {
        switch format {
        case .json: return try OutputFormat.json(doc)
        case .table: return ComparisonRender.table(doc)
        case .md: return ComparisonRender.markdown(doc)
        case .html: return ComparisonRender.html(doc)
        }
    }
}
