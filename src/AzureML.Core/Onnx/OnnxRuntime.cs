namespace AzureML.Core.Onnx;

/// <summary>
/// The process-wide ONNX Runtime state: the loaded library, the single <c>OrtEnv</c> every session must share and
/// outlive, the CPU memory description for tensors over managed buffers, and the default allocator.
/// </summary>
internal sealed unsafe class OnnxRuntime
{
    private static readonly Lock Gate = new();
    private static OnnxRuntime? _shared;

    private OnnxRuntime(OnnxRuntimeLibrary library, OrtEnvHandle env, OrtMemoryInfoHandle cpuMemory, IntPtr allocator)
    {
        Library = library;
        Env = env;
        CpuMemory = cpuMemory;
        Allocator = allocator;
    }

    /// <summary>
    /// The runtime for this process, loaded on first use from <see cref="OnnxRuntimeLocator.Locate"/>. A failure is
    /// not remembered, so fixing the environment and retrying works without a restart.
    /// </summary>
    /// <exception cref="OnnxRuntimeUnavailableException">The library is missing or unusable.</exception>
    public static OnnxRuntime Shared
    {
        get
        {
            if (Volatile.Read(ref _shared) is { } loaded)
                return loaded;
            lock (Gate)
            {
                _shared ??= Create(OnnxRuntimeLibrary.Load(OnnxRuntimeLocator.Locate()));
                return _shared;
            }
        }
    }

    /// <summary>The loaded library.</summary>
    public OnnxRuntimeLibrary Library { get; }

    /// <summary>The bound function table.</summary>
    public OrtApi Api => Library.Api;

    /// <summary>The environment every session is created in.</summary>
    public OrtEnvHandle Env { get; }

    /// <summary>Describes ordinary CPU memory, for tensors that wrap pinned managed arrays.</summary>
    public OrtMemoryInfoHandle CpuMemory { get; }

    /// <summary>ONNX Runtime's default CPU allocator. Owned by the runtime: never released.</summary>
    public IntPtr Allocator { get; }

    private static OnnxRuntime Create(OnnxRuntimeLibrary library)
    {
        OrtApi api = library.Api;
        IntPtr env, memory, allocator;
        // Errors only: warnings such as "initializer X appears in graph inputs" are noise for a scoring service.
        fixed (byte* logId = "AzureML.Core\0"u8)
            api.Check(api.CreateEnv(3 /* ORT_LOGGING_LEVEL_ERROR */, logId, &env));
        var envHandle = new OrtEnvHandle(api, env);
        api.Check(api.CreateCpuMemoryInfo(1 /* OrtArenaAllocator */, 0 /* OrtMemTypeDefault */, &memory));
        var memoryHandle = new OrtMemoryInfoHandle(api, memory);
        api.Check(api.GetAllocatorWithDefaultOptions(&allocator));
        return new OnnxRuntime(library, envHandle, memoryHandle, allocator);
    }
}
