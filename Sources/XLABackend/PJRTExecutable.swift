import CPJRT
import Foundation
import PortbenchSchema

/// A compiled program; runs on the client's device and reports what XLA made of it.
public final class PJRTExecutable {
    let client: PJRTClient
    let handle: OpaquePointer
    public let outputs: Int

    init(client: PJRTClient, handle: OpaquePointer) throws {
        self.client = client
        self.handle = handle
        outputs = try PJRTExecutable.withExecutable(client, handle) { exe in
            var n = PJRT_Executable_NumOutputs_Args()
            n.struct_size = Int(PJRT_Executable_NumOutputs_Args_STRUCT_SIZE)
            n.executable = exe
            try client.check("Executable_NumOutputs", client.api.pointee.PJRT_Executable_NumOutputs!(&n))
            return n.num_outputs
        }
    }

    /// Runs `body` with the loaded executable's PJRT_Executable, destroyed afterwards.
    static func withExecutable<T>(_ client: PJRTClient, _ handle: OpaquePointer, _ body: (OpaquePointer?) throws -> T)
        throws -> T
    {
        var exe = PJRT_LoadedExecutable_GetExecutable_Args()
        exe.struct_size = Int(PJRT_LoadedExecutable_GetExecutable_Args_STRUCT_SIZE)
        exe.loaded_executable = handle
        try client.check(
            "LoadedExecutable_GetExecutable", client.api.pointee.PJRT_LoadedExecutable_GetExecutable!(&exe))
        defer { destroyExecutable(client, exe.executable) }
        return try body(exe.executable)
    }

    deinit {
        var d = PJRT_LoadedExecutable_Destroy_Args()
        d.struct_size = Int(PJRT_LoadedExecutable_Destroy_Args_STRUCT_SIZE)
        d.executable = handle
        _ = try? client.check("LoadedExecutable_Destroy", client.api.pointee.PJRT_LoadedExecutable_Destroy!(&d))
    }

    static func destroyExecutable(_ client: PJRTClient, _ e: OpaquePointer?) {
        guard let e else { return }
        var d = PJRT_Executable_Destroy_Args()
        d.struct_size = Int(PJRT_Executable_Destroy_Args_STRUCT_SIZE)
        d.executable = e
        _ = try? client.check("Executable_Destroy", client.api.pointee.PJRT_Executable_Destroy!(&d))
    }

    /// Runs once on the arguments and waits for completion; returns the output buffers.
    public func execute(_ arguments: [PJRTBuffer]) throws -> [PJRTBuffer] {
        var options = PJRT_ExecuteOptions()
        options.struct_size = Int(PJRT_ExecuteOptions_STRUCT_SIZE)
        var args: [OpaquePointer?] = arguments.map { $0.handle }
        var outs = [OpaquePointer?](repeating: nil, count: outputs)
        var event: OpaquePointer?
        try args.withUnsafeMutableBufferPointer { a in
            try outs.withUnsafeMutableBufferPointer { o in
                var argList: UnsafePointer<OpaquePointer?>? = UnsafePointer(a.baseAddress)
                var outList: UnsafeMutablePointer<OpaquePointer?>? = o.baseAddress
                try withUnsafeMutablePointer(to: &argList) { al in
                    try withUnsafeMutablePointer(to: &outList) { ol in
                        // Every pointer the call reads stays inside the closure that made it (none escapes).
                        try withUnsafeMutablePointer(to: &event) { ev in
                            try withUnsafeMutablePointer(to: &options) { opts in
                                var x = PJRT_LoadedExecutable_Execute_Args()
                                x.struct_size = Int(PJRT_LoadedExecutable_Execute_Args_STRUCT_SIZE)
                                x.executable = handle
                                x.options = opts
                                x.argument_lists = UnsafeRawPointer(al).assumingMemoryBound(
                                    to: UnsafePointer<OpaquePointer?>?.self)
                                x.num_devices = 1
                                x.num_args = arguments.count
                                x.output_lists = UnsafeRawPointer(ol).assumingMemoryBound(
                                    to: UnsafeMutablePointer<OpaquePointer?>?.self)
                                x.device_complete_events = ev
                                try client.check(
                                    "LoadedExecutable_Execute", client.api.pointee.PJRT_LoadedExecutable_Execute!(&x))
                            }
                        }
                    }
                }
            }
        }
        let buffers = outs.map { PJRTBuffer(client: client, handle: $0!) }
        try client.await(event, "Execute (completion)")
        return buffers
    }

    /// XLA's optimized program (HLO after fusion), as the plugin serializes it.
    public func optimizedProgram() throws -> (format: String, code: [UInt8]) {
        try PJRTExecutable.withExecutable(client, handle) { exe in
            var program = PJRT_Program()
            program.struct_size = Int(PJRT_Program_STRUCT_SIZE)
            var args = PJRT_Executable_OptimizedProgram_Args()
            args.struct_size = Int(PJRT_Executable_OptimizedProgram_Args_STRUCT_SIZE)
            args.executable = exe
            return try withUnsafeMutablePointer(to: &program) { p in
                args.program = p
                // First call sizes the program, the second fills the caller's buffer.
                try client.check(
                    "Executable_OptimizedProgram", client.api.pointee.PJRT_Executable_OptimizedProgram!(&args))
                var code = [UInt8](repeating: 0, count: p.pointee.code_size)
                try code.withUnsafeMutableBufferPointer { buf in
                    p.pointee.code = UnsafeMutableRawPointer(buf.baseAddress!).assumingMemoryBound(to: CChar.self)
                    try client.check(
                        "Executable_OptimizedProgram", client.api.pointee.PJRT_Executable_OptimizedProgram!(&args))
                }
                let format = String(
                    decoding: UnsafeRawBufferPointer(start: p.pointee.format, count: p.pointee.format_size),
                    as: UTF8.self)
                return (format, code)
            }
        }
    }
}
