import CPJRT
import Foundation
import Kernels
import PortbenchSchema
import Reference

/// A PJRT plugin loaded with dlopen and one client on its first device. Everything it creates is destroyed
/// with it (buffers and executables hold a strong reference to the client).
public final class PJRTClient {
    let api: UnsafePointer<PJRT_Api>
    let client: OpaquePointer
    let device: OpaquePointer
    public let pluginPath: String
    public let platform: String

    /// The plugin to use: `--pjrt-plugin`, else PORTBENCH_PJRT_PLUGIN, else the one ci/install-pjrt.sh fetched.
    public static func defaultPluginPath(
        explicit: String? = nil, root: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) -> String {
        explicit ?? ProcessInfo.processInfo.environment["PORTBENCH_PJRT_PLUGIN"]
            ?? root.appendingPathComponent(".cache/pjrt/pjrt_c_api_cpu_plugin.so").path
    }

    public init(pluginPath: String) throws {
        guard FileManager.default.fileExists(atPath: pluginPath) else {
            throw PJRTError(
                call: "load",
                message:
                    "no plugin at \(pluginPath); run `bash ci/install-pjrt.sh` (or pass --pjrt-plugin / set PORTBENCH_PJRT_PLUGIN)"
            )
        }
        var reason = [CChar](repeating: 0, count: 1024)
        guard let api = pb_pjrt_load(pluginPath, &reason, reason.count) else {
            throw PJRTError(call: "load", message: String(cString: reason))
        }
        do {
            try PJRTABI(reportedBy: api).check()
        } catch let e as PJRTError {
            throw PJRTError(call: e.call, message: "\(pluginPath): \(e.message)")
        }
        self.api = api
        self.pluginPath = pluginPath
        var initArgs = PJRT_Plugin_Initialize_Args()
        initArgs.struct_size = Int(PJRT_Plugin_Initialize_Args_STRUCT_SIZE)
        try PJRTClient.check(api, "Plugin_Initialize", api.pointee.PJRT_Plugin_Initialize!(&initArgs))

        var create = PJRT_Client_Create_Args()
        create.struct_size = Int(PJRT_Client_Create_Args_STRUCT_SIZE)
        try PJRTClient.check(api, "Client_Create", api.pointee.PJRT_Client_Create!(&create))
        client = create.client!

        var devices = PJRT_Client_AddressableDevices_Args()
        devices.struct_size = Int(PJRT_Client_AddressableDevices_Args_STRUCT_SIZE)
        devices.client = client
        try PJRTClient.check(api, "Client_AddressableDevices", api.pointee.PJRT_Client_AddressableDevices!(&devices))
        guard devices.num_addressable_devices > 0, let first = devices.addressable_devices[0] else {
            throw PJRTError(call: "Client_AddressableDevices", message: "the plugin reports no devices")
        }
        device = first

        var name = PJRT_Client_PlatformName_Args()
        name.struct_size = Int(PJRT_Client_PlatformName_Args_STRUCT_SIZE)
        name.client = client
        try PJRTClient.check(api, "Client_PlatformName", api.pointee.PJRT_Client_PlatformName!(&name))
        platform = String(
            decoding: UnsafeRawBufferPointer(start: name.platform_name, count: name.platform_name_size), as: UTF8.self)
    }

    deinit {
        var args = PJRT_Client_Destroy_Args()
        args.struct_size = Int(PJRT_Client_Destroy_Args_STRUCT_SIZE)
        args.client = client
        _ = try? PJRTClient.check(api, "Client_Destroy", api.pointee.PJRT_Client_Destroy!(&args))
    }

    /// Turns a returned PJRT_Error into a Swift error carrying the plugin's message (and frees it).
    static func check(_ api: UnsafePointer<PJRT_Api>, _ call: String, _ error: OpaquePointer?) throws {
        guard let error else { return }
        var m = PJRT_Error_Message_Args()
        m.struct_size = Int(PJRT_Error_Message_Args_STRUCT_SIZE)
        m.error = error
        api.pointee.PJRT_Error_Message!(&m)
        let text = String(decoding: UnsafeRawBufferPointer(start: m.message, count: m.message_size), as: UTF8.self)
        var d = PJRT_Error_Destroy_Args()
        d.struct_size = Int(PJRT_Error_Destroy_Args_STRUCT_SIZE)
        d.error = error
        api.pointee.PJRT_Error_Destroy!(&d)
        throw PJRTError(call: call, message: text)
    }

    func check(_ call: String, _ error: OpaquePointer?) throws { try PJRTClient.check(api, call, error) }

    /// Waits for an event, surfaces its error, and destroys it.
    func await(_ event: OpaquePointer?, _ call: String) throws {
        guard let event else { return }
        defer {
            var d = PJRT_Event_Destroy_Args()
            d.struct_size = Int(PJRT_Event_Destroy_Args_STRUCT_SIZE)
            d.event = event
            _ = api.pointee.PJRT_Event_Destroy!(&d)
        }
        var a = PJRT_Event_Await_Args()
        a.struct_size = Int(PJRT_Event_Await_Args_STRUCT_SIZE)
        a.event = event
        try check(call, api.pointee.PJRT_Event_Await!(&a))
    }

    /// The smallest valid serialized CompileOptionsProto: one replica, one partition (empty options abort XLA).
    static let compileOptions: [UInt8] = [0x1A, 0x04, 0x20, 0x01, 0x28, 0x01]

    /// Compiles StableHLO text (program format "mlir").
    public func compile(mlir: String) throws -> PJRTExecutable {
        var code = Array(mlir.utf8CString.dropLast())
        let format = "mlir"
        return try code.withUnsafeMutableBufferPointer { codeBuf in
            try format.withCString { fmt in
                try PJRTClient.compileOptions.withUnsafeBufferPointer { opts in
                    var program = PJRT_Program()
                    program.struct_size = Int(PJRT_Program_STRUCT_SIZE)
                    program.code = codeBuf.baseAddress
                    program.code_size = codeBuf.count
                    program.format = fmt
                    program.format_size = 4
                    return try withUnsafePointer(to: &program) { prog in
                        var args = PJRT_Client_Compile_Args()
                        args.struct_size = Int(PJRT_Client_Compile_Args_STRUCT_SIZE)
                        args.client = client
                        args.program = prog
                        args.compile_options = UnsafeRawPointer(opts.baseAddress!).assumingMemoryBound(to: CChar.self)
                        args.compile_options_size = opts.count
                        try check("Client_Compile", api.pointee.PJRT_Client_Compile!(&args))
                        return try PJRTExecutable(client: self, handle: args.executable!)
                    }
                }
            }
        }
    }

    /// Copies an fp32 tensor to the device.
    public func upload(_ t: Tensor) throws -> PJRTBuffer {
        var dims = t.shape.map(Int64.init)
        var args = PJRT_Client_BufferFromHostBuffer_Args()
        args.struct_size = Int(PJRT_Client_BufferFromHostBuffer_Args_STRUCT_SIZE)
        args.client = client
        args.data = UnsafeRawPointer(t.data)
        args.type = PJRT_Buffer_Type_F32
        args.num_dims = dims.count
        args.host_buffer_semantics = PJRT_HostBufferSemantics_kImmutableUntilTransferCompletes
        args.device = device
        try dims.withUnsafeMutableBufferPointer { d in
            args.dims = UnsafePointer(d.baseAddress)
            try check("Client_BufferFromHostBuffer", api.pointee.PJRT_Client_BufferFromHostBuffer!(&args))
        }
        try self.await(args.done_with_host_buffer, "BufferFromHostBuffer (transfer)")
        return PJRTBuffer(client: self, handle: args.buffer!)
    }
}

/// A device buffer; destroyed with this object.
public final class PJRTBuffer {
    let client: PJRTClient
    let handle: OpaquePointer

    init(client: PJRTClient, handle: OpaquePointer) {
        self.client = client
        self.handle = handle
    }

    deinit {
        var d = PJRT_Buffer_Destroy_Args()
        d.struct_size = Int(PJRT_Buffer_Destroy_Args_STRUCT_SIZE)
        d.buffer = handle
        _ = try? client.check("Buffer_Destroy", client.api.pointee.PJRT_Buffer_Destroy!(&d))
    }

    /// Copies the buffer back into an fp32 tensor of the expected element count.
    public func read(into t: Tensor) throws {
        var args = PJRT_Buffer_ToHostBuffer_Args()
        args.struct_size = Int(PJRT_Buffer_ToHostBuffer_Args_STRUCT_SIZE)
        args.src = handle
        args.dst = UnsafeMutableRawPointer(t.data)
        args.dst_size = t.count * 4
        try client.check("Buffer_ToHostBuffer", client.api.pointee.PJRT_Buffer_ToHostBuffer!(&args))
        try client.await(args.event, "Buffer_ToHostBuffer (event)")
    }
}
