import Foundation
import PortbenchSchema

/// The Swift compiler this binary was built with (resolved at compile time).
enum SwiftVersion {
    static var compiler: String {
        #if compiler(>=6.4)
            return "6.4 or later"
        #elseif compiler(>=6.3)
            return "6.3"
        #elseif compiler(>=6.2)
            return "6.2"
        #elseif compiler(>=6.1)
            return "6.1"
        #elseif compiler(>=6.0)
            return "6.0"
        #else
            return "before 6.0"
        #endif
    }
}

/// The git commit of the working tree the run was made from, if it is a repository.
enum GitInfo {
    static func read(at directory: URL?) -> (commit: String, dirty: Bool) {
        let commit = run(["rev-parse", "HEAD"], in: directory) ?? "unknown"
        let status = run(["status", "--porcelain", "--untracked-files=no"], in: directory)
        return (commit, !(status ?? "").isEmpty)
    }

    static func run(_ args: [String], in directory: URL?) -> String? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git"] + args
        if let directory { p.currentDirectoryURL = directory }
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { return nil }
        return String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension MachineFingerprint {
    public static func current(repository: URL? = nil) -> MachineFingerprint {
        let env = ProcessInfo.processInfo.environment.filter { $0.key.hasPrefix("OPENBLAS_") }
        let blas = OpenBLASInfo.current()
        let git = GitInfo.read(at: repository)
        var f = MachineFingerprint(
            cpuModel: cpuModel(), cores: ProcessInfo.processInfo.activeProcessorCount,
            memoryBytes: ProcessInfo.processInfo.physicalMemory, os: osName(), kernel: kernelRelease(),
            hostname: ProcessInfo.processInfo.hostName, swiftVersion: SwiftVersion.compiler, openblas: blas,
            openblasEnvironment: env, gitCommit: git.commit, gitDirty: git.dirty, comparabilityKey: "")
        f.cpuSignature = cpuSignature()
        f.comparabilityKey = f.computeKey()
        return f
    }

    /// "AuthenticAMD family 26 model 2 stepping 1" from the first processor of /proc/cpuinfo.
    static func cpuSignature() -> String? {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { break }
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        guard let vendor = fields["vendor_id"], let family = fields["cpu family"], let model = fields["model"] else {
            return nil
        }
        return "\(vendor) family \(family) model \(model) stepping \(fields["stepping"] ?? "?")"
    }
    static func cpuModel() -> String {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown" }
        for line in text.split(separator: "\n") where line.hasPrefix("model name") {
            return line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) }
                ?? "unknown"
        }
        return "unknown"
    }
    static func osName() -> String {
        guard let text = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8) else { return "unknown" }
        for line in text.split(separator: "\n") where line.hasPrefix("PRETTY_NAME=") {
            return String(line.dropFirst("PRETTY_NAME=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return "unknown"
    }
    static func kernelRelease() -> String {
        var u = utsname()
        uname(&u)
        return withUnsafeBytes(of: u.release) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
    }
}
