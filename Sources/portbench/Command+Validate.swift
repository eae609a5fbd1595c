import ArgumentParser
import Foundation
import PortbenchRender
import PortbenchSchema
import Workload

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check workload and suite files; report every problem with file, key and line.")
    @OptionGroup var specs: SpecOptions
    @Argument(help: "Workload or suite files.") var files: [String]

    func run() throws {
        var failed = 0
        for file in files {
            do {
                let url = URL(fileURLWithPath: file)
                guard FileManager.default.fileExists(atPath: url.path) else {
                    throw SpecError(file: file, path: "", message: "no such file")
                }
                if try specs.locator.isSuite(url) {
                    let s = try Suite.load(url: url)
                    print("ok  \(file): suite '\(s.name)', \(s.entries.count) workloads, \(s.entries.map(\.scenarios.count).reduce(0, +)) scenarios")
                } else {
                    let w = try WorkloadSpec.load(url: url)
                    print("ok  \(file): workload '\(w.name)', \(w.config.kind.rawValue), \(w.scenarios.count) scenarios")
                }
            } catch {
                failed += 1
                note("error: \(error)")
            }
        }
        if failed > 0 { throw ExitCode(2) }
    }
}
