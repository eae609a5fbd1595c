import CPJRT
import PortbenchSchema

/// The PJRT C API version and struct sizes a plugin reports, or that portbench's declarations (CPJRT) assume.
public struct PJRTABI: Equatable, Sendable {
    public var major: Int
    public var minor: Int
    /// PJRT_Api.struct_size: how far the plugin's function table reaches, in bytes.
    public var apiSize: Int
    /// PJRT_Api_Version.struct_size.
    public var versionSize: Int

    public init(major: Int, minor: Int, apiSize: Int, versionSize: Int) {
        self.major = major
        self.minor = minor
        self.apiSize = apiSize
        self.versionSize = versionSize
    }

    /// What portbench was written for: its declarations' version, and a table reaching the last function it calls.
    public static let expected = PJRTABI(
        major: Int(PB_PJRT_API_MAJOR), minor: Int(PB_PJRT_API_MINOR),
        apiSize: Int(PB_PJRT_API_USED_SIZE), versionSize: Int(PJRT_Api_Version_STRUCT_SIZE))

    /// What a loaded plugin reports about itself.
    init(reportedBy api: UnsafePointer<PJRT_Api>) {
        let v = api.pointee.pjrt_api_version
        self.init(
            major: Int(v.major_version), minor: Int(v.minor_version), apiSize: api.pointee.struct_size,
            versionSize: v.struct_size)
    }

    var version: String { "\(major).\(minor)" }

    /// Throws unless a plugin reporting `self` has every function portbench calls, with the layouts it assumes.
    public func check(against expected: PJRTABI = .expected) throws {
        let wanted = "portbench was written for PJRT C API \(expected.version)"
        guard versionSize >= expected.versionSize else {
            throw PJRTError(
                call: "version",
                message: "the plugin's PJRT_Api_Version struct is \(versionSize) bytes, "
                    + "too short to hold its version (\(expected.versionSize) expected); \(wanted)")
        }
        guard major == expected.major else {
            throw PJRTError(
                call: "version",
                message: "the plugin implements PJRT C API \(version); \(wanted), "
                    + "and a different major version is not ABI-compatible")
        }
        guard apiSize >= expected.apiSize else {
            throw PJRTError(
                call: "version",
                message: "the plugin's PJRT_Api table is \(apiSize) bytes (API \(version)); "
                    + "portbench calls functions up to byte \(expected.apiSize); \(wanted), use a newer plugin")
        }
    }
}
