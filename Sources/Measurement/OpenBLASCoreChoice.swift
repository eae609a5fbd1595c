import Foundation
import PortbenchSchema

/// `--openblas-core`: let portbench pick (`auto`), keep what OpenBLAS or the environment chose (`keep`), or a core.
public enum OpenBLASCoreOption: Equatable, Sendable {
    case auto
    case keep
    case named(OpenBLASCore)

    /// nil for a name this OpenBLAS does not know.
    public init?(_ text: String) {
        switch text.lowercased() {
        case "auto": self = .auto
        case "keep": self = .keep
        default:
            guard let core = OpenBLASCore.named(text) else { return nil }
            self = .named(core)
        }
    }
}

/// What to do about the OpenBLAS core before any kernel runs: go on with the one loaded, or self-check candidates
/// (best first) and re-execute with the first that passes. A pure function of the option, the environment, the
/// core OpenBLAS reports and the CPU's flags.
public struct OpenBLASCoreChoice: Equatable, Sendable {
    public enum Action: Equatable, Sendable {
        case proceed
        case verify([OpenBLASCore])
    }
    public var action: Action
    /// Who will have chosen the core the run uses (for `.verify`, once a candidate passes).
    public var source: OpenBLASCoreSource
    /// Why, for the line on stderr; nil when a parent portbench already said it.
    public var reason: String?
    /// A fallback kept (`keep`, or the environment's choice below the CPU's best): said loudly.
    public var fallback: Bool

    /// Set on a re-executed portbench (and inherited by its children): `<source>:<core>`, trusted only while
    /// `OPENBLAS_CORETYPE` still names that core.
    public static let markerVariable = "PORTBENCH_OPENBLAS_CORE"

    public static func decide(
        option: OpenBLASCoreOption, environment: [String: String], corename: String, cpu: CPUFeatures
    ) -> OpenBLASCoreChoice {
        let running = OpenBLASCore.named(corename)
        let best = OpenBLASCore.best(for: cpu)
        let below = running.flatMap { r in best.map { r.isa < $0.isa } } ?? false
        let inherited = markerSource(environment)
        let variable = environment["OPENBLAS_CORETYPE"]
        if case .named(let core) = option {
            if let inherited, variable.flatMap(OpenBLASCore.named) == core {
                return .init(action: .proceed, source: inherited, reason: nil, fallback: false)
            }
            return .init(
                action: .verify([core]), source: .option, reason: "--openblas-core \(core.name) asked for it",
                fallback: false)
        }
        if let inherited {
            return .init(action: .proceed, source: inherited, reason: nil, fallback: false)
        }
        let fellBack = { (who: String) -> String in
            guard let running, let best else { return "" }
            return "\(who) \(running.name) (\(running.isa.label)) on a CPU whose best core in this OpenBLAS is "
                + "\(best.name) (\(best.isa.label))"
        }
        if let variable {
            let reason =
                below
                ? "OPENBLAS_CORETYPE=\(variable) from the environment is kept: \(fellBack("it selects"))"
                : "OPENBLAS_CORETYPE=\(variable) from the environment is kept (core \(corename))"
            return .init(action: .proceed, source: .environment, reason: reason, fallback: below)
        }
        guard let running, let best else {
            return .init(
                action: .proceed, source: .openblas,
                reason: "core \(corename) chosen by OpenBLAS; "
                    + (best == nil ? "this CPU's instruction sets are unknown" : "portbench does not know this core"),
                fallback: false)
        }
        if !below {
            let why =
                running.isa == best.isa
                ? "the best this OpenBLAS has for this CPU (\(best.isa.label))"
                : "above what portbench ranks for this CPU"
            return .init(
                action: .proceed, source: .openblas, reason: "core \(corename) chosen by OpenBLAS, \(why)",
                fallback: false)
        }
        if option == .keep {
            return .init(
                action: .proceed, source: .openblas,
                reason:
                    "--openblas-core keep: \(fellBack("OpenBLAS fell back to")); GEMMs run far below this CPU's speed",
                fallback: true)
        }
        let candidates = OpenBLASCore.ranked(for: cpu).filter { $0.isa > running.isa }
        return .init(
            action: .verify(candidates), source: .portbench, reason: fellBack("OpenBLAS fell back to"),
            fallback: true)
    }

    /// The marker's source when it names the core `OPENBLAS_CORETYPE` sets; nil otherwise.
    public static func markerSource(_ environment: [String: String]) -> OpenBLASCoreSource? {
        guard let marker = environment[markerVariable], let variable = environment["OPENBLAS_CORETYPE"] else {
            return nil
        }
        let parts = marker.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let source = OpenBLASCoreSource(rawValue: parts[0]),
            source == .portbench || source == .option,
            OpenBLASCore.named(parts[1]) != nil, OpenBLASCore.named(parts[1]) == OpenBLASCore.named(variable)
        else { return nil }
        return source
    }

    /// Who chose the core this process runs: the marker, else `OPENBLAS_CORETYPE`, else OpenBLAS itself.
    public static func source(environment: [String: String]) -> OpenBLASCoreSource {
        markerSource(environment) ?? (environment["OPENBLAS_CORETYPE"] == nil ? .openblas : .environment)
    }

    /// The variables a re-executed portbench runs with to use `core`.
    public static func environment(for core: OpenBLASCore, source: OpenBLASCoreSource) -> [String: String] {
        ["OPENBLAS_CORETYPE": core.name, markerVariable: "\(source.rawValue):\(core.name)"]
    }
}
