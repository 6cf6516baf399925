using System.Runtime.InteropServices;

namespace AzureML.Core.Onnx;

/// <summary>
/// A loaded ONNX Runtime native library whose function table passed the start-up checks. The table is bound by
/// index, and a wrong library or version would make every later call undefined behaviour, so loading refuses
/// anything that does not prove to be ONNX Runtime ≥ 1.30.
/// </summary>
internal sealed unsafe class OnnxRuntimeLibrary
{
    private OnnxRuntimeLibrary(string path, string version, string buildInfo, OrtApi api)
    {
        Path = path;
        Version = version;
        BuildInfo = buildInfo;
        Api = api;
    }

    /// <summary>The file that was loaded.</summary>
    public string Path { get; }

    /// <summary>The runtime's version string, for example <c>1.30.0</c>.</summary>
    public string Version { get; }

    /// <summary>The runtime's build description (<c>ORT Build Info: git-commit-id=…</c>).</summary>
    public string BuildInfo { get; }

    /// <summary>The bound function table.</summary>
    public OrtApi Api { get; }

    /// <summary>Loads and checks the library at <paramref name="path"/>.</summary>
    /// <param name="path">Full path of the native library.</param>
    /// <exception cref="OnnxRuntimeUnavailableException">It cannot be loaded, is not ONNX Runtime, or is too old.</exception>
    public static OnnxRuntimeLibrary Load(string path)
    {
        IntPtr library;
        try
        {
            library = NativeLibrary.Load(path);
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
        {
            throw new OnnxRuntimeUnavailableException(
                $"The ONNX Runtime library '{path}' could not be loaded ({e.Message}). It must be ONNX Runtime " +
                $"{OnnxRuntimeLocator.PackagedVersion} for this OS and CPU; set {OnnxRuntimeLocator.EnvironmentVariable} " +
                "to a matching file or rebuild to fetch it.", e);
        }
        if (!NativeLibrary.TryGetExport(library, "OrtGetApiBase", out IntPtr getApiBase))
            throw new OnnxRuntimeUnavailableException($"'{path}' is not ONNX Runtime: it has no OrtGetApiBase export.");

        // OrtApiBase is { GetApi, GetVersionString }.
        var apiBase = (IntPtr*)((delegate* unmanaged[Cdecl]<IntPtr>)getApiBase)();
        string version = Marshal.PtrToStringUTF8((IntPtr)((delegate* unmanaged[Cdecl]<byte*>)apiBase[1])()) ?? "";
        if (!System.Version.TryParse(version, out Version? parsed) || parsed < new Version(1, (int)OrtApi.Version))
            throw new OnnxRuntimeUnavailableException(
                $"'{path}' is ONNX Runtime '{version}', but ONNX Runtime 1.{OrtApi.Version} or later is required (C API version {OrtApi.Version}). " +
                $"Point {OnnxRuntimeLocator.EnvironmentVariable} at a newer library or unset it to use the one the build fetches.");

        IntPtr table = ((delegate* unmanaged[Cdecl]<uint, IntPtr>)apiBase[0])(OrtApi.Version);
        if (table == IntPtr.Zero)
            throw new OnnxRuntimeUnavailableException($"ONNX Runtime '{version}' at '{path}' does not provide C API version {OrtApi.Version}.");

        var api = new OrtApi(table);
        string buildInfo = CheckTable(api, path);
        return new OnnxRuntimeLibrary(path, version, buildInfo, api);
    }

    /// <summary>
    /// Calls a few side-effect-free entries whose results are known. A shifted table would fail here with a clear
    /// message instead of corrupting memory later.
    /// </summary>
    private static string CheckTable(OrtApi api, string path)
    {
        IntPtr status;
        fixed (byte* probe = "probe\0"u8)
            status = api.CreateStatus((int)OnnxRuntimeErrorCode.InvalidArgument, probe);
        bool statusRoundTrips = status != IntPtr.Zero
            && api.GetErrorCode(status) == (int)OnnxRuntimeErrorCode.InvalidArgument
            && Marshal.PtrToStringUTF8((IntPtr)api.GetErrorMessage(status)) == "probe";
        if (status != IntPtr.Zero)
            api.ReleaseStatus(status);

        string buildInfo = Marshal.PtrToStringUTF8((IntPtr)api.GetBuildInfoString()) ?? "";

        IntPtr allocator, memoryInfo;
        byte* memoryName = null;
        bool allocatorIsCpu = api.GetAllocatorWithDefaultOptions(&allocator) == IntPtr.Zero
            && api.AllocatorGetInfo(allocator, &memoryInfo) == IntPtr.Zero
            && api.MemoryInfoGetName(memoryInfo, &memoryName) == IntPtr.Zero
            && Marshal.PtrToStringUTF8((IntPtr)memoryName) == "Cpu";

        if (!statusRoundTrips || !buildInfo.StartsWith("ORT Build Info", StringComparison.Ordinal) || !allocatorIsCpu)
            throw new OnnxRuntimeUnavailableException(
                $"The ONNX Runtime library '{path}' failed the start-up checks of its C API table (status round trip: {statusRoundTrips}, " +
                $"build info: '{buildInfo}', default allocator on CPU: {allocatorIsCpu}). Use the official ONNX Runtime build, " +
                $"for example the one from npm onnxruntime-node@{OnnxRuntimeLocator.PackagedVersion}.");
        return buildInfo;
    }
}
