import CPJRT
import PortbenchSchema
import XCTest

/// Pins portbench's PJRT declarations (Sources/CPJRT/include/pjrt_subset.h) to the published PJRT C API 0.81 on
/// 64-bit targets: a missing, extra, reordered or mistyped field moves one of these numbers.
final class PJRTLayoutTests: XCTestCase {
    /// The size PJRT puts in struct_size: the offset of the struct's last field plus that field's size.
    func through<T, F>(_ last: KeyPath<T, F>) -> Int { MemoryLayout<T>.offset(of: last)! + MemoryLayout<F>.size }

    func testStructSizesEndAtTheirLastFieldAndMatchTheAPI() {
        // (name, declared *_STRUCT_SIZE, computed from the Swift view of the struct, the API's value)
        let cases: [(String, Int, Int, Int)] = [
            ("PJRT_Api_Version", Int(PJRT_Api_Version_STRUCT_SIZE), through(\PJRT_Api_Version.minor_version), 24),
            (
                "PJRT_Error_Destroy_Args", Int(PJRT_Error_Destroy_Args_STRUCT_SIZE),
                through(\PJRT_Error_Destroy_Args.error), 24
            ),
            (
                "PJRT_Error_Message_Args", Int(PJRT_Error_Message_Args_STRUCT_SIZE),
                through(\PJRT_Error_Message_Args.message_size), 40
            ),
            (
                "PJRT_Plugin_Initialize_Args", Int(PJRT_Plugin_Initialize_Args_STRUCT_SIZE),
                through(\PJRT_Plugin_Initialize_Args.extension_start), 16
            ),
            (
                "PJRT_Event_Destroy_Args", Int(PJRT_Event_Destroy_Args_STRUCT_SIZE),
                through(\PJRT_Event_Destroy_Args.event), 24
            ),
            (
                "PJRT_Event_Await_Args", Int(PJRT_Event_Await_Args_STRUCT_SIZE), through(\PJRT_Event_Await_Args.event),
                24
            ),
            (
                "PJRT_Client_Create_Args", Int(PJRT_Client_Create_Args_STRUCT_SIZE),
                through(\PJRT_Client_Create_Args.kv_try_get_user_arg), 88
            ),
            (
                "PJRT_Client_Destroy_Args", Int(PJRT_Client_Destroy_Args_STRUCT_SIZE),
                through(\PJRT_Client_Destroy_Args.client), 24
            ),
            (
                "PJRT_Client_PlatformName_Args", Int(PJRT_Client_PlatformName_Args_STRUCT_SIZE),
                through(\PJRT_Client_PlatformName_Args.platform_name_size), 40
            ),
            (
                "PJRT_Client_AddressableDevices_Args", Int(PJRT_Client_AddressableDevices_Args_STRUCT_SIZE),
                through(\PJRT_Client_AddressableDevices_Args.num_addressable_devices), 40
            ),
            ("PJRT_Program", Int(PJRT_Program_STRUCT_SIZE), through(\PJRT_Program.format_size), 48),
            (
                "PJRT_Client_Compile_Args", Int(PJRT_Client_Compile_Args_STRUCT_SIZE),
                through(\PJRT_Client_Compile_Args.executable), 56
            ),
            (
                "PJRT_Client_BufferFromHostBuffer_Args", Int(PJRT_Client_BufferFromHostBuffer_Args_STRUCT_SIZE),
                through(\PJRT_Client_BufferFromHostBuffer_Args.buffer), 120
            ),
            (
                "PJRT_Executable_Destroy_Args", Int(PJRT_Executable_Destroy_Args_STRUCT_SIZE),
                through(\PJRT_Executable_Destroy_Args.executable), 24
            ),
            (
                "PJRT_Executable_NumOutputs_Args", Int(PJRT_Executable_NumOutputs_Args_STRUCT_SIZE),
                through(\PJRT_Executable_NumOutputs_Args.num_outputs), 32
            ),
            (
                "PJRT_Executable_OptimizedProgram_Args", Int(PJRT_Executable_OptimizedProgram_Args_STRUCT_SIZE),
                through(\PJRT_Executable_OptimizedProgram_Args.program), 32
            ),
            (
                "PJRT_LoadedExecutable_Destroy_Args", Int(PJRT_LoadedExecutable_Destroy_Args_STRUCT_SIZE),
                through(\PJRT_LoadedExecutable_Destroy_Args.executable), 24
            ),
            (
                "PJRT_LoadedExecutable_GetExecutable_Args", Int(PJRT_LoadedExecutable_GetExecutable_Args_STRUCT_SIZE),
                through(\PJRT_LoadedExecutable_GetExecutable_Args.executable), 32
            ),
            (
                "PJRT_ExecuteOptions", Int(PJRT_ExecuteOptions_STRUCT_SIZE),
                through(\PJRT_ExecuteOptions.incarnation_ids), 112
            ),
            (
                "PJRT_LoadedExecutable_Execute_Args", Int(PJRT_LoadedExecutable_Execute_Args_STRUCT_SIZE),
                through(\PJRT_LoadedExecutable_Execute_Args.execute_device), 80
            ),
            (
                "PJRT_Buffer_Destroy_Args", Int(PJRT_Buffer_Destroy_Args_STRUCT_SIZE),
                through(\PJRT_Buffer_Destroy_Args.buffer), 24
            ),
            (
                "PJRT_Buffer_ToHostBuffer_Args", Int(PJRT_Buffer_ToHostBuffer_Args_STRUCT_SIZE),
                through(\PJRT_Buffer_ToHostBuffer_Args.event), 56
            ),
        ]
        for (name, declared, computed, api) in cases {
            XCTAssertEqual(declared, computed, "\(name)_STRUCT_SIZE does not end at the struct's last field")
            XCTAssertEqual(declared, api, "\(name)_STRUCT_SIZE differs from PJRT C API 0.81")
        }
    }

    /// Fields of the same size can be swapped without changing a struct's size: pin the ones portbench writes or reads.
    func testFieldsPortbenchTouchesSitAtTheirAPIOffsets() {
        func at<T>(_ path: PartialKeyPath<T>) -> Int? { MemoryLayout<T>.offset(of: path) }
        XCTAssertEqual(
            [
                at(\PJRT_Program.code), at(\PJRT_Program.code_size), at(\PJRT_Program.format),
                at(\PJRT_Program.format_size),
            ],
            [16, 24, 32, 40])
        XCTAssertEqual([at(\PJRT_Error_Message_Args.message), at(\PJRT_Error_Message_Args.message_size)], [24, 32])
        XCTAssertEqual(at(\PJRT_Client_Create_Args.client), 64)
        XCTAssertEqual(
            [at(\PJRT_Client_PlatformName_Args.platform_name), at(\PJRT_Client_PlatformName_Args.platform_name_size)],
            [24, 32])
        XCTAssertEqual(
            [
                at(\PJRT_Client_AddressableDevices_Args.addressable_devices),
                at(\PJRT_Client_AddressableDevices_Args.num_addressable_devices),
            ], [24, 32])
        XCTAssertEqual(
            [
                at(\PJRT_Client_Compile_Args.program), at(\PJRT_Client_Compile_Args.compile_options),
                at(\PJRT_Client_Compile_Args.compile_options_size), at(\PJRT_Client_Compile_Args.executable),
            ], [24, 32, 40, 48])
        typealias Upload = PJRT_Client_BufferFromHostBuffer_Args
        XCTAssertEqual(
            [
                at(\Upload.data), at(\Upload.type), at(\Upload.dims), at(\Upload.num_dims),
                at(\Upload.host_buffer_semantics),
                at(\Upload.device), at(\Upload.done_with_host_buffer), at(\Upload.buffer),
            ], [24, 32, 40, 48, 72, 80, 104, 112])
        XCTAssertEqual(at(\PJRT_Executable_NumOutputs_Args.num_outputs), 24)
        XCTAssertEqual(
            [
                at(\PJRT_LoadedExecutable_GetExecutable_Args.loaded_executable),
                at(\PJRT_LoadedExecutable_GetExecutable_Args.executable),
            ], [16, 24])
        typealias Execute = PJRT_LoadedExecutable_Execute_Args
        XCTAssertEqual(
            [
                at(\Execute.options), at(\Execute.argument_lists), at(\Execute.num_devices), at(\Execute.num_args),
                at(\Execute.output_lists), at(\Execute.device_complete_events),
            ], [24, 32, 40, 48, 56, 64])
        XCTAssertEqual(
            [
                at(\PJRT_Buffer_ToHostBuffer_Args.src), at(\PJRT_Buffer_ToHostBuffer_Args.dst),
                at(\PJRT_Buffer_ToHostBuffer_Args.dst_size), at(\PJRT_Buffer_ToHostBuffer_Args.event),
            ], [16, 32, 40, 48])
        XCTAssertEqual([at(\PJRT_Api_Version.major_version), at(\PJRT_Api_Version.minor_version)], [16, 20])
    }

    /// Every function slot portbench calls, at its offset in the API's PJRT_Api table.
    func testFunctionSlotsSitAtTheirAPIOffsets() {
        let slots: [(String, PartialKeyPath<PJRT_Api>, Int)] = [
            ("pjrt_api_version", \.pjrt_api_version, 16),
            ("PJRT_Error_Destroy", \.PJRT_Error_Destroy, 40), ("PJRT_Error_Message", \.PJRT_Error_Message, 48),
            ("PJRT_Plugin_Initialize", \.PJRT_Plugin_Initialize, 64),
            ("PJRT_Event_Destroy", \.PJRT_Event_Destroy, 80), ("PJRT_Event_Await", \.PJRT_Event_Await, 104),
            ("PJRT_Client_Create", \.PJRT_Client_Create, 120), ("PJRT_Client_Destroy", \.PJRT_Client_Destroy, 128),
            ("PJRT_Client_PlatformName", \.PJRT_Client_PlatformName, 136),
            ("PJRT_Client_AddressableDevices", \.PJRT_Client_AddressableDevices, 168),
            ("PJRT_Client_Compile", \.PJRT_Client_Compile, 200),
            ("PJRT_Client_BufferFromHostBuffer", \.PJRT_Client_BufferFromHostBuffer, 216),
            ("PJRT_Executable_Destroy", \.PJRT_Executable_Destroy, 360),
            ("PJRT_Executable_NumOutputs", \.PJRT_Executable_NumOutputs, 392),
            ("PJRT_Executable_OptimizedProgram", \.PJRT_Executable_OptimizedProgram, 424),
            ("PJRT_LoadedExecutable_Destroy", \.PJRT_LoadedExecutable_Destroy, 440),
            ("PJRT_LoadedExecutable_GetExecutable", \.PJRT_LoadedExecutable_GetExecutable, 448),
            ("PJRT_LoadedExecutable_Execute", \.PJRT_LoadedExecutable_Execute, 480),
            ("PJRT_Buffer_Destroy", \.PJRT_Buffer_Destroy, 504),
            ("PJRT_Buffer_ToHostBuffer", \.PJRT_Buffer_ToHostBuffer, 600),
        ]
        for (name, path, offset) in slots { XCTAssertEqual(MemoryLayout<PJRT_Api>.offset(of: path), offset, name) }
        XCTAssertEqual(Int(PB_PJRT_API_USED_SIZE), through(\PJRT_Api.PJRT_Buffer_ToHostBuffer))
        XCTAssertEqual(Int(PB_PJRT_API_USED_SIZE), 608, "the table must reach past PJRT_Buffer_ToHostBuffer")
    }

    func testEnumValuesAndWidthsMatchTheAPI() {
        XCTAssertEqual(PJRT_Buffer_Type_F32.rawValue, 11)
        XCTAssertEqual(PJRT_HostBufferSemantics_kImmutableUntilTransferCompletes.rawValue, 1)
        XCTAssertEqual(MemoryLayout<PJRT_Buffer_Type>.size, 4)
        XCTAssertEqual(MemoryLayout<PJRT_HostBufferSemantics>.size, 4)
    }
}
