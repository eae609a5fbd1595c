// portbench's own declarations of the part of the PJRT C API that Sources/XLABackend calls.
// Layouts follow PJRT C API 0.81; a plugin is checked against them at load time (PJRTCompatibility.swift),
// and Tests/XLABackendTests/PJRTLayoutTests.swift pins every size and offset below.
#ifndef PORTBENCH_PJRT_SUBSET_H
#define PORTBENCH_PJRT_SUBSET_H

#include <stddef.h>
#include <stdint.h>

/// The API version these declarations were written for.
enum { PB_PJRT_API_MAJOR = 0, PB_PJRT_API_MINOR = 81 };

/// A struct's size as PJRT counts it: up to the end of `field`, without tail padding.
#define PB_PJRT_SIZE_THROUGH(type, field) (offsetof(type, field) + sizeof(((type *)0)->field))
/// Declares `type`_STRUCT_SIZE, the value callers put in `struct_size`.
#define PB_PJRT_STRUCT_SIZE(type, last) enum { type##_STRUCT_SIZE = PB_PJRT_SIZE_THROUGH(type, last) }

// Objects owned by the plugin; only pointers to them cross the API.
typedef struct PJRT_Error PJRT_Error;
typedef struct PJRT_Client PJRT_Client;
typedef struct PJRT_Device PJRT_Device;
typedef struct PJRT_Memory PJRT_Memory;
typedef struct PJRT_Event PJRT_Event;
typedef struct PJRT_Buffer PJRT_Buffer;
typedef struct PJRT_Executable PJRT_Executable;
typedef struct PJRT_LoadedExecutable PJRT_LoadedExecutable;
typedef struct PJRT_ExecuteContext PJRT_ExecuteContext;
// Structs portbench always passes as NULL: declared, never defined here.
typedef struct PJRT_Extension_Base PJRT_Extension_Base;
typedef struct PJRT_NamedValue PJRT_NamedValue;
typedef struct PJRT_Buffer_MemoryLayout PJRT_Buffer_MemoryLayout;
typedef struct PJRT_SendCallbackInfo PJRT_SendCallbackInfo;
typedef struct PJRT_RecvCallbackInfo PJRT_RecvCallbackInfo;

/// Element types (only the one portbench uploads; the API numbers them from INVALID = 0).
typedef enum { PJRT_Buffer_Type_F32 = 11 } PJRT_Buffer_Type;
/// How long the runtime may read the host data of BufferFromHostBuffer.
typedef enum { PJRT_HostBufferSemantics_kImmutableUntilTransferCompletes = 1 } PJRT_HostBufferSemantics;

typedef struct PJRT_Api_Version {
    size_t struct_size; PJRT_Extension_Base *extension_start;
    int major_version, minor_version;
} PJRT_Api_Version;
PB_PJRT_STRUCT_SIZE(PJRT_Api_Version, minor_version);

// ---- Errors
typedef struct PJRT_Error_Destroy_Args {
    size_t struct_size; PJRT_Extension_Base *extension_start;
    PJRT_Error *error;
} PJRT_Error_Destroy_Args;
PB_PJRT_STRUCT_SIZE(PJRT_Error_Destroy_Args, error);
typedef void PJRT_Error_Destroy(PJRT_Error_Destroy_Args *args);

typedef struct PJRT_Error_Message_Args {
    size_t struct_size; PJRT_Extension_Base *extension_start;
    const PJRT_Error *error;
    const char *message;    // out, lives as long as `error`
    size_t message_size;    // out
} PJRT_Error_Message_Args;
PB_PJRT_STRUCT_SIZE(PJRT_Error_Message_Args, message_size);
typedef void PJRT_Error_Message(PJRT_Error_Message_Args *args);

// ---- Plugin and events
typedef struct PJRT_Plugin_Initialize_Args {
    size_t struct_size; PJRT_Extension_Base *extension_start;
} PJRT_Plugin_Initialize_Args;
PB_PJRT_STRUCT_SIZE(PJRT_Plugin_Initialize_Args, extension_start);
typedef PJRT_Error *PJRT_Plugin_Initialize(PJRT_Plugin_Initialize_Args *args);

typedef struct PJRT_Event_Destroy_Args {
    size_t struct_size; PJRT_Extension_Base *extension_start;
    PJRT_Event *event;
} PJRT_Event_Destroy_Args;
PB_PJRT_STRUCT_SIZE(PJRT_Event_Destroy_Args, event);
typedef PJRT_Error *PJRT_Event_Destroy(PJRT_Event_Destroy_Args *args);

typedef struct PJRT_Event_Await_Args {
    size_t struct_size; PJRT_Extension_Base *extension_start;
    PJRT_Event *event;
} PJRT_Event_Await_Args;
PB_PJRT_STRUCT_SIZE(PJRT_Event_Await_Args, event);
typedef PJRT_Error *PJRT_Event_Await(PJRT_Event_Await_Args *args);

// ---- Client
typedef struct PJRT_Client_Create_Args {
    size_t struct_size; PJRT_Extension_Base *extension_start;
    const PJRT_NamedValue *create_options;
    size_t num_options;
    void *kv_get_callback;      // a callback in the API; unused (NULL)
    void *kv_get_user_arg;
    void *kv_put_callback;      // a callback in the API; unused (NULL)
    void *kv_put_user_arg;
    PJRT_Client *client;        // out
    void *kv_try_get_callback;  // a callback in the API; unused (NULL)
    void *kv_try_get_user_arg;
} PJRT_Client_Create_Args;
PB_PJRT_STRUCT_SIZE(PJRT_Client_Create_Args, kv_try_get_user_arg);
typedef PJRT_Error *PJRT_Client_Create(PJRT_Client_Create_Args *args);

typedef struct PJRT_Client_Destroy_Args {
    size_t struct_size; PJRT_Extension_Base *extension_start;
    PJRT_Client *client;
} PJRT_Client_Destroy_Args;
PB_PJRT_STRUCT_SIZE(PJRT_Client_Destroy_Args, client);
typedef PJRT_Error *PJRT_Client_Destroy(PJRT_Client_Destroy_Args *args);

typedef struct PJRT_Client_PlatformName_Args {
    size_t struct_size; PJRT_Extension_Base *extension_start;
    PJRT_Client *client;
    const char *platform_name;  // out, owned by the client
    size_t platform_name_size;  // out
} PJRT_Client_PlatformName_Args;
PB_PJRT_STRUCT_SIZE(PJRT_Client_PlatformName_Args, platform_name_size);
typedef PJRT_Error *PJRT_Client_PlatformName(PJRT_Client_PlatformName_Args *args);

typedef struct PJRT_Client_AddressableDevices_Args {
    size_t struct_size; PJRT_Extension_Base *extension_start;
    PJRT_Client *client;
    PJRT_Device *const *addressable_devices;  // out
    size_t num_addressable_devices;           // out
} PJRT_Client_AddressableDevices_Args;
PB_PJRT_STRUCT_SIZE(PJRT_Client_AddressableDevices_Args, num_addressable_devices);
typedef PJRT_Error *PJRT_Client_AddressableDevices(PJRT_Client_AddressableDevices_Args *args);

/// Program text and its format name ("mlir" for StableHLO); also what OptimizedProgram fills in.
typedef struct PJRT_Program {
    size_t struct_size; PJRT_Extension_Base *extension_start;
    char *code;
    size_t code_size;
    const char *format;
    size_t format_size;
} PJRT_Program;
PB_PJRT_STRUCT_SIZE(PJRT_Program, format_size);

typedef struct PJRT_Client_Compile_Args {
    size_t struct_size; PJRT_Extension_Base *extension_start;
    PJRT_Client *client;
    const PJRT_Program *program;
    const char *compile_options;  // a serialized CompileOptionsProto
    size_t compile_options_size;
    PJRT_LoadedExecutable *executable;  // out
} PJRT_Client_Compile_Args;
PB_PJRT_STRUCT_SIZE(PJRT_Client_Compile_Args, executable);
typedef PJRT_Error *PJRT_Client_Compile(PJRT_Client_Compile_Args *args);

typedef struct PJRT_Client_BufferFromHostBuffer_Args {
    size_t struct_size; PJRT_Extension_Base *extension_start;
    PJRT_Client *client;
    const void *data;
    PJRT_Buffer_Type type;
    const int64_t *dims;
    size_t num_dims;
    const int64_t *byte_strides;  // NULL: dense, major-to-minor
    size_t num_byte_strides;
    PJRT_HostBufferSemantics host_buffer_semantics;
    PJRT_Device *device;
    PJRT_Memory *memory;
    PJRT_Buffer_MemoryLayout *device_layout;
    PJRT_Event *done_with_host_buffer;  // out
    PJRT_Buffer *buffer;                // out
} PJRT_Client_BufferFromHostBuffer_Args;
PB_PJRT_STRUCT_SIZE(PJRT_Client_BufferFromHostBuffer_Args, buffer);
typedef PJRT_Error *PJRT_Client_BufferFromHostBuffer(PJRT_Client_BufferFromHostBuffer_Args *args);

// ---- Executables
typedef struct PJRT_Executable_Destroy_Args {
    size_t struct_size; PJRT_Extension_Base *extension_start;
    PJRT_Executable *executable;
} PJRT_Executable_Destroy_Args;
PB_PJRT_STRUCT_SIZE(PJRT_Executable_Destroy_Args, executable);
typedef PJRT_Error *PJRT_Executable_Destroy(PJRT_Executable_Destroy_Args *args);

typedef struct PJRT_Executable_NumOutputs_Args {
    size_t struct_size; PJRT_Extension_Base *extension_start;
    PJRT_Executable *executable;
    size_t num_outputs;  // out
} PJRT_Executable_NumOutputs_Args;
PB_PJRT_STRUCT_SIZE(PJRT_Executable_NumOutputs_Args, num_outputs);
typedef PJRT_Error *PJRT_Executable_NumOutputs(PJRT_Executable_NumOutputs_Args *args);

typedef struct PJRT_Executable_OptimizedProgram_Args {
    size_t struct_size; PJRT_Extension_Base *extension_start;
    PJRT_Executable *executable;
    PJRT_Program *program;  // the caller's; code_size is filled first, then code
} PJRT_Executable_OptimizedProgram_Args;
PB_PJRT_STRUCT_SIZE(PJRT_Executable_OptimizedProgram_Args, program);
typedef PJRT_Error *PJRT_Executable_OptimizedProgram(PJRT_Executable_OptimizedProgram_Args *args);

typedef struct PJRT_LoadedExecutable_Destroy_Args {
    size_t struct_size; PJRT_Extension_Base *extension_start;
    PJRT_LoadedExecutable *executable;
} PJRT_LoadedExecutable_Destroy_Args;
PB_PJRT_STRUCT_SIZE(PJRT_LoadedExecutable_Destroy_Args, executable);
typedef PJRT_Error *PJRT_LoadedExecutable_Destroy(PJRT_LoadedExecutable_Destroy_Args *args);

typedef struct PJRT_LoadedExecutable_GetExecutable_Args {
    size_t struct_size; PJRT_Extension_Base *extension_start;
    PJRT_LoadedExecutable *loaded_executable;
    PJRT_Executable *executable;  // out, destroyed by the caller
} PJRT_LoadedExecutable_GetExecutable_Args;
PB_PJRT_STRUCT_SIZE(PJRT_LoadedExecutable_GetExecutable_Args, executable);
typedef PJRT_Error *PJRT_LoadedExecutable_GetExecutable(PJRT_LoadedExecutable_GetExecutable_Args *args);

typedef struct PJRT_ExecuteOptions {
    size_t struct_size; PJRT_Extension_Base *extension_start;
    PJRT_SendCallbackInfo **send_callbacks;
    PJRT_RecvCallbackInfo **recv_callbacks;
    size_t num_send_ops;
    size_t num_recv_ops;
    int launch_id;
    const int64_t *non_donatable_input_indices;
    size_t num_non_donatable_input_indices;
    PJRT_ExecuteContext *context;
    const char *call_location;
    size_t num_tasks;
    int *task_ids;
    int64_t *incarnation_ids;
} PJRT_ExecuteOptions;
PB_PJRT_STRUCT_SIZE(PJRT_ExecuteOptions, incarnation_ids);

typedef struct PJRT_LoadedExecutable_Execute_Args {
    size_t struct_size; PJRT_Extension_Base *extension_start;
    PJRT_LoadedExecutable *executable;
    PJRT_ExecuteOptions *options;
    PJRT_Buffer *const *const *argument_lists;  // [num_devices][num_args]
    size_t num_devices;
    size_t num_args;
    PJRT_Buffer **const *output_lists;          // [num_devices][outputs], filled by the plugin
    PJRT_Event **device_complete_events;        // [num_devices], filled by the plugin
    PJRT_Device *execute_device;
} PJRT_LoadedExecutable_Execute_Args;
PB_PJRT_STRUCT_SIZE(PJRT_LoadedExecutable_Execute_Args, execute_device);
typedef PJRT_Error *PJRT_LoadedExecutable_Execute(PJRT_LoadedExecutable_Execute_Args *args);

// ---- Buffers
typedef struct PJRT_Buffer_Destroy_Args {
    size_t struct_size; PJRT_Extension_Base *extension_start;
    PJRT_Buffer *buffer;
} PJRT_Buffer_Destroy_Args;
PB_PJRT_STRUCT_SIZE(PJRT_Buffer_Destroy_Args, buffer);
typedef PJRT_Error *PJRT_Buffer_Destroy(PJRT_Buffer_Destroy_Args *args);

typedef struct PJRT_Buffer_ToHostBuffer_Args {
    size_t struct_size; PJRT_Extension_Base *extension_start;
    PJRT_Buffer *src;
    PJRT_Buffer_MemoryLayout *host_layout;  // NULL: the buffer's own layout
    void *dst;
    size_t dst_size;
    PJRT_Event *event;  // out
} PJRT_Buffer_ToHostBuffer_Args;
PB_PJRT_STRUCT_SIZE(PJRT_Buffer_ToHostBuffer_Args, event);
typedef PJRT_Error *PJRT_Buffer_ToHostBuffer(PJRT_Buffer_ToHostBuffer_Args *args);

/// The plugin's function table, in the API's slot order, up to the last function portbench calls.
/// Slots portbench does not call are kept, untyped, so every later slot sits at its real offset.
typedef struct PJRT_Api {
    size_t struct_size; PJRT_Extension_Base *extension_start;
    PJRT_Api_Version pjrt_api_version;

    PJRT_Error_Destroy *PJRT_Error_Destroy;
    PJRT_Error_Message *PJRT_Error_Message;
    void *PJRT_Error_GetCode;

    PJRT_Plugin_Initialize *PJRT_Plugin_Initialize;
    void *PJRT_Plugin_Attributes;

    PJRT_Event_Destroy *PJRT_Event_Destroy;
    void *PJRT_Event_IsReady, *PJRT_Event_Error;
    PJRT_Event_Await *PJRT_Event_Await;
    void *PJRT_Event_OnReady;

    PJRT_Client_Create *PJRT_Client_Create;
    PJRT_Client_Destroy *PJRT_Client_Destroy;
    PJRT_Client_PlatformName *PJRT_Client_PlatformName;
    void *PJRT_Client_ProcessIndex, *PJRT_Client_PlatformVersion, *PJRT_Client_Devices;
    PJRT_Client_AddressableDevices *PJRT_Client_AddressableDevices;
    void *PJRT_Client_LookupDevice, *PJRT_Client_LookupAddressableDevice, *PJRT_Client_AddressableMemories;
    PJRT_Client_Compile *PJRT_Client_Compile;
    void *PJRT_Client_DefaultDeviceAssignment;
    PJRT_Client_BufferFromHostBuffer *PJRT_Client_BufferFromHostBuffer;

    void *PJRT_DeviceDescription_Id, *PJRT_DeviceDescription_ProcessIndex, *PJRT_DeviceDescription_Attributes,
         *PJRT_DeviceDescription_Kind, *PJRT_DeviceDescription_DebugString, *PJRT_DeviceDescription_ToString;
    void *PJRT_Device_GetDescription, *PJRT_Device_IsAddressable, *PJRT_Device_LocalHardwareId,
         *PJRT_Device_AddressableMemories, *PJRT_Device_DefaultMemory, *PJRT_Device_MemoryStats;
    void *PJRT_Memory_Id, *PJRT_Memory_Kind, *PJRT_Memory_DebugString, *PJRT_Memory_ToString,
         *PJRT_Memory_AddressableByDevices;

    PJRT_Executable_Destroy *PJRT_Executable_Destroy;
    void *PJRT_Executable_Name, *PJRT_Executable_NumReplicas, *PJRT_Executable_NumPartitions;
    PJRT_Executable_NumOutputs *PJRT_Executable_NumOutputs;
    void *PJRT_Executable_SizeOfGeneratedCodeInBytes, *PJRT_Executable_GetCostAnalysis,
         *PJRT_Executable_OutputMemoryKinds;
    PJRT_Executable_OptimizedProgram *PJRT_Executable_OptimizedProgram;
    void *PJRT_Executable_Serialize;

    PJRT_LoadedExecutable_Destroy *PJRT_LoadedExecutable_Destroy;
    PJRT_LoadedExecutable_GetExecutable *PJRT_LoadedExecutable_GetExecutable;
    void *PJRT_LoadedExecutable_AddressableDevices, *PJRT_LoadedExecutable_Delete, *PJRT_LoadedExecutable_IsDeleted;
    PJRT_LoadedExecutable_Execute *PJRT_LoadedExecutable_Execute;
    void *PJRT_Executable_DeserializeAndLoad, *PJRT_LoadedExecutable_Fingerprint;

    PJRT_Buffer_Destroy *PJRT_Buffer_Destroy;
    void *PJRT_Buffer_ElementType, *PJRT_Buffer_Dimensions, *PJRT_Buffer_UnpaddedDimensions,
         *PJRT_Buffer_DynamicDimensionIndices, *PJRT_Buffer_GetMemoryLayout, *PJRT_Buffer_OnDeviceSizeInBytes,
         *PJRT_Buffer_Device, *PJRT_Buffer_Memory, *PJRT_Buffer_Delete, *PJRT_Buffer_IsDeleted,
         *PJRT_Buffer_CopyToDevice;
    PJRT_Buffer_ToHostBuffer *PJRT_Buffer_ToHostBuffer;
    // Later slots exist in real plugins; portbench never reads them.
} PJRT_Api;

/// How many bytes of PJRT_Api a plugin must provide for every slot portbench calls to exist.
enum { PB_PJRT_API_USED_SIZE = PB_PJRT_SIZE_THROUGH(PJRT_Api, PJRT_Buffer_ToHostBuffer) };

#endif
