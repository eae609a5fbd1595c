import Foundation

/// A child command that failed: its command line and exit status.
public struct SubprocessError: Error, CustomStringConvertible {
    public let command: String
    public let status: Int32
    public var description: String { "`\(command)` exited with status \(status)" }
}

/// Runs child processes (portbench runs for `noise` and `ab`, builds for `ab`) and waits for them.
enum Subprocess {
    /// Runs `executable args`, its stderr passed through (progress), stdout dropped when `quiet`.
    /// `environment` entries are set over this process's; the variables in `removing` are left out.
    static func run(
        _ executable: String, _ args: [String], quiet: Bool, directory: String? = nil,
        environment: [String: String] = [:], removing: [String] = []
    ) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = args
        if !environment.isEmpty || !removing.isEmpty {
            p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
                .filter { !removing.contains($0.key) }
        }
        if let directory { p.currentDirectoryURL = URL(fileURLWithPath: directory) }
        if quiet { p.standardOutput = FileHandle.nullDevice }
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw SubprocessError(
                command: ([executable] + args).joined(separator: " "), status: p.terminationStatus)
        }
    }

    /// Runs a short tool and returns its standard output; a failure names the command and its status.
    static func capture(_ executable: String, _ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = args
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw SubprocessError(
                command: ([executable] + args).joined(separator: " "), status: p.terminationStatus)
        }
        return String(decoding: data, as: UTF8.self)
    }
}
