import Foundation

/// A file a command will produce: checked before any work starts, then written atomically (a temporary file in the
/// target folder, renamed over the target). Never a link, a directory, a device, or one of the command's own inputs.
public struct OutputFile: Sendable {
    public let url: URL
    /// How the user named it, for messages ("--out", "--dump-outputs").
    public let role: String

    public var path: String { url.path }

    /// Checks `path` as an output of a command that reads `inputs` (files it reads; links resolved, missing ones ignored).
    public static func check(_ path: String, role: String, inputs: [String] = []) throws -> OutputFile {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let file = OutputFile(url: url, role: role)
        try file.checkTarget(inputs: inputs.compactMap(FileIdentity.of))
        try file.checkFolder()
        return file
    }

    /// Writes `data` whole: readers see the old file or the new one, never a part.
    public func write(_ data: Data) throws {
        let dir = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            throw fail("cannot create the folder \(dir.path): \(error.localizedDescription)")
        }
        let tmp = dir.appendingPathComponent(
            ".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        do {
            try Self.writeNew(data, to: tmp.path)
            try checkTarget(inputs: [])
            guard rename(tmp.path, url.path) == 0 else { throw fail("cannot rename into place: \(errnoText())") }
        } catch {
            unlink(tmp.path)
            throw error
        }
    }

    /// The target itself: absent, or a regular file that is none of the inputs.
    func checkTarget(inputs: [FileIdentity]) throws {
        var st = stat()
        guard lstat(url.path, &st) == 0 else {
            guard errno == ENOENT || errno == ENOTDIR else { throw fail("cannot inspect it: \(errnoText())") }
            return
        }
        switch st.st_mode & S_IFMT {
        case S_IFLNK: throw fail("is a symbolic link; portbench never writes through a link (give the real path)")
        case S_IFDIR: throw fail("is a directory; expected a file path")
        case S_IFREG: break
        default: throw fail("is not a regular file (a device, pipe or socket); expected a file path")
        }
        let me = FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino), path: url.path)
        if let input = inputs.first(where: { $0.device == me.device && $0.inode == me.inode }) {
            throw fail("is \(input.path), an input of this command; writing it would destroy the input")
        }
    }

    /// The nearest existing folder above the target must be a folder this process may create files in.
    func checkFolder() throws {
        var dir = url.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.path), dir.path != "/" {
            dir = dir.deletingLastPathComponent()
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else {
            throw fail("\(dir.path) is not a folder")
        }
        guard access(dir.path, W_OK | X_OK) == 0 else {
            throw fail("cannot write in the folder \(dir.path): \(errnoText())")
        }
    }

    func fail(_ message: String) -> OutputPathError {
        OutputPathError(role: role, path: url.path, message: message)
    }

    static func writeNew(_ data: Data, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw OutputPathError(role: "temporary file", path: path, message: "cannot create: \(errnoText())")
        }
        defer { close(fd) }
        try data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                guard n > 0 else {
                    if n < 0, errno == EINTR { continue }
                    throw OutputPathError(role: "temporary file", path: path, message: "write failed: \(errnoText())")
                }
                offset += n
            }
        }
        guard fsync(fd) == 0 else {
            throw OutputPathError(role: "temporary file", path: path, message: "fsync failed: \(errnoText())")
        }
    }
}

/// A folder a command fills with files (`--dump-outputs`): absent or a real folder, never a link.
public struct OutputFolder: Sendable {
    public let url: URL
    public let role: String

    public static func check(_ path: String, role: String) throws -> OutputFolder {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        var st = stat()
        if lstat(url.path, &st) == 0 {
            guard st.st_mode & S_IFMT == S_IFDIR else {
                throw OutputPathError(role: role, path: url.path, message: "exists and is not a folder (or is a link)")
            }
        }
        return OutputFolder(url: url, role: role)
    }

    /// A file inside the folder, checked like any output.
    public func file(_ components: [String], inputs: [String] = []) throws -> OutputFile {
        let path = components.reduce(url) { $0.appendingPathComponent($1) }.path
        return try OutputFile.check(path, role: role, inputs: inputs)
    }
}

/// Device and inode of an existing file (links followed), to tell whether an output would overwrite an input.
struct FileIdentity {
    var device: UInt64
    var inode: UInt64
    var path: String

    static func of(_ path: String) -> FileIdentity? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino), path: path)
    }
}

/// An output location portbench refuses, naming the option and the path.
public struct OutputPathError: InputError, Equatable {
    public let role: String
    public let path: String
    public let message: String
    public var description: String { "\(role) \(path): \(message)" }
}

func errnoText() -> String { String(cString: strerror(errno)) }
