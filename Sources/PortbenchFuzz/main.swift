// The fuzz driver for the parsers portbench reads untrusted files and uploads with (see ci/fuzz.sh).
//
// Built by ci/fuzz.sh with `-sanitize=fuzzer -D PORTBENCH_LIBFUZZER`, it is a libFuzzer binary:
//     PORTBENCH_FUZZ_TARGET=safetensors|npy|yaml|json PortbenchFuzz [libFuzzer flags] [corpus dirs]
// Built plainly (as `swift build` does), it replays inputs, e.g. a crash libFuzzer wrote, or runs the seeded
// mutation loop of FuzzSupport (where libFuzzer is not available):
//     PortbenchFuzz safetensors|npy|yaml|json FILE|DIR...
//     PortbenchFuzz mutate safetensors|npy|yaml|json COUNT [SEED]
// Every input must parse or throw the parser's own error type; anything else (a trap, another error type) is a crash.
import DeviceModels
import Foundation
import FuzzSupport
import PortbenchSchema
import Reference
import Workload

enum FuzzTarget: String, CaseIterable {
    case safetensors, npy, yaml, json
}

/// Where `Suite` entries resolve relative workload paths: the repository's suites folder, so seeds that name real
/// workloads (`../tiny-llama.yaml`) reach the workload parser through the suite parser.
let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let suiteURL = repoRoot.appendingPathComponent("Workloads/suites/fuzz-input.yaml")

/// Any error a parser throws other than its own error type is a bug the fuzzer must report: the driver stops here,
/// on purpose, so libFuzzer records the input as a crash (this is the one place the driver crashes).
func unexpected(_ error: Error, parser: String) -> Never {
    fatalError("\(parser): unexpected error type \(type(of: error)): \(error)")
}

/// Runs one input through one parser; returns whether it parsed. Traps on an error of an unexpected type.
@discardableResult
func runOne(_ target: FuzzTarget, _ data: Data) -> Bool {
    switch target {
    case .safetensors:
        do {
            let file = try SafeTensorsFile(data: data, path: "fuzz.safetensors")
            var parsed = true
            for name in file.entries.keys.sorted() {
                do { _ = try file.tensor(name) } catch is SafeTensorsError { parsed = false }
            }
            return parsed
        } catch is SafeTensorsError {
            return false
        } catch {
            unexpected(error, parser: "safetensors")
        }
    case .npy:
        do {
            _ = try NPY.read(data: data, path: "fuzz.npy")
            return true
        } catch is NPYError {
            return false
        } catch {
            unexpected(error, parser: "npy")
        }
    case .yaml:
        // Files are read as UTF-8 (SpecNode.load refuses anything else); replacing bad bytes keeps every input useful.
        // The text is composed once (SpecNode.parse: YAMLBounds, then Yams), as `WorkloadSpec.parse(yaml:file:)`,
        // `DeviceProfile.parse(yaml:file:)` and `Suite.parse(yaml:url:)` do, then read as each of the three.
        let text = String(decoding: data, as: UTF8.self)
        let root: SpecNode
        do {
            root = try SpecNode.parse(text: text, file: suiteURL.path)
        } catch is SpecError {
            return false
        } catch {
            unexpected(error, parser: "yaml")
        }
        var parsed = false
        for parse in [
            { _ = try WorkloadSpec.parse(root) },
            { _ = try DeviceProfile.parse(root) },
            { _ = try Suite.parse(root, url: suiteURL) },
        ] as [() throws -> Void] {
            do {
                try parse()
                parsed = true
            } catch is SpecError {
            } catch {
                unexpected(error, parser: "yaml")
            }
        }
        return parsed
    case .json:
        // The results server's upload reader: JSONTape and TapeDecoder behind `ResultDocument.decode(json:)`.
        do {
            _ = try ResultDocument.decode(json: data)
            return true
        } catch is DocumentDecodeError {
            return false
        } catch {
            unexpected(error, parser: "json")
        }
    }
}

#if PORTBENCH_LIBFUZZER
    nonisolated(unsafe) var fuzzTarget: FuzzTarget = .yaml

    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOne(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
        runOne(fuzzTarget, Data(bytes: bytes, count: count))
        return 0
    }

    // libFuzzer's entry for programs with their own main (SwiftPM gives every executable one). Declared here rather than
    // through a C module so the plain build needs nothing; its arguments are all pointers and a C function pointer.
    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
    ) -> CInt

    guard let name = ProcessInfo.processInfo.environment["PORTBENCH_FUZZ_TARGET"], let t = FuzzTarget(rawValue: name)
    else {
        FileHandle.standardError.write(
            Data(
                "set PORTBENCH_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n"
                    .utf8))
        exit(2)
    }
    fuzzTarget = t
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, { fuzzOne($0, $1) }))
#else
    let args = Array(CommandLine.arguments.dropFirst())
    if args.first == "mutate" {
        guard args.count >= 3, let target = FuzzTarget(rawValue: args[1]), let count = Int(args[2]) else {
            FileHandle.standardError.write(
                Data("usage: PortbenchFuzz mutate safetensors|npy|yaml|json COUNT [SEED]\n".utf8))
            exit(2)
        }
        let seed = args.count > 3 ? UInt64(args[3]) ?? 1 : 1
        var mutator = Mutator(
            format: FuzzFormat(rawValue: target.rawValue)!,
            seeds: FuzzSeeds.all(FuzzFormat(rawValue: target.rawValue)!, root: repoRoot), seed: seed)
        var parsed = 0, slowest = 0.0
        // Inputs slower than this many seconds are written out (a hang is > 1 s).
        let slow = Double(ProcessInfo.processInfo.environment["PORTBENCH_FUZZ_SLOW"] ?? "") ?? 1
        let start = Date()
        for i in 0..<count {
            let input = mutator.next()
            let t0 = Date()
            if runOne(target, Data(input)) { parsed += 1 }
            let s = Date().timeIntervalSince(t0)
            if s > slowest { slowest = s }
            if s > slow {
                let url = URL(fileURLWithPath: "slow-\(target.rawValue)-\(i).bin")
                try Data(input).write(to: url)
                print("input \(i) took \(String(format: "%.2f", s)) s; written to \(url.path)")
            }
        }
        print(
            "\(target.rawValue): \(count) inputs (seed \(seed)), \(parsed) parsed, no crash, slowest \(String(format: "%.3f", slowest)) s, \(String(format: "%.1f", Date().timeIntervalSince(start))) s"
        )
        exit(slowest > 1 ? 1 : 0)
    }
    guard let first = args.first, let target = FuzzTarget(rawValue: first), args.count > 1 else {
        FileHandle.standardError.write(
            Data(
                "usage: PortbenchFuzz \(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) FILE|DIR...\n       PortbenchFuzz mutate safetensors|npy|yaml|json COUNT [SEED]\n"
                    .utf8))
        exit(2)
    }
    var files: [URL] = []
    for path in args.dropFirst() {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            FileHandle.standardError.write(Data("no such file: \(path)\n".utf8))
            exit(2)
        }
        if isDir.boolValue {
            let names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
            files += names.map { URL(fileURLWithPath: path).appendingPathComponent($0) }
        } else {
            files.append(URL(fileURLWithPath: path))
        }
    }
    var parsed = 0
    let start = Date()
    for url in files {
        let data = try Data(contentsOf: url)
        let t0 = Date()
        let ok = runOne(target, data)
        let ms = Date().timeIntervalSince(t0) * 1000
        if files.count <= 20 {
            print("\(url.lastPathComponent): \(ok ? "parsed" : "refused") (\(String(format: "%.1f", ms)) ms)")
        }
        if ok { parsed += 1 }
    }
    print(
        "\(files.count) inputs, \(parsed) parsed, \(files.count - parsed) refused, no crash, \(String(format: "%.2f", Date().timeIntervalSince(start))) s"
    )
#endif
