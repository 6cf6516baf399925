using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;

namespace AzureML.Core.Onnx;

/// <summary>
/// An ONNX model loaded into ONNX Runtime, ready to score. It describes its inputs and outputs (for request
/// validation and swagger) and runs them with managed <see cref="OnnxTensor"/>s. <see cref="Run(IReadOnlyDictionary{string, OnnxTensor})"/>
/// may be called from many threads at once.
/// </summary>
/// <remarks>
/// The per-call path is kept lean: names are pre-encoded in native memory, numeric inputs are pinned in place
/// instead of copied, and the transient native values of one call live in stack buffers and are released in a
/// <c>finally</c> (a SafeHandle per value would cost an allocation and a finalizer registration per call for
/// objects that never leave the method).
/// </remarks>
internal sealed unsafe class OnnxModel : IDisposable
{
    private const int MaxInputs = 1024;
    private readonly OnnxRuntime _runtime;
    private readonly OrtSessionHandle _session;
    private readonly NativeUtf8StringArray _inputNames;
    private readonly NativeUtf8StringArray _outputNames;
    private readonly Dictionary<string, int> _inputIndex;
    private readonly Dictionary<string, int> _outputIndex;

    private OnnxModel(OnnxRuntime runtime, OrtSessionHandle session)
    {
        _runtime = runtime;
        _session = session;
        Inputs = ReadValueInfos(input: true);
        Outputs = ReadValueInfos(input: false);
        Metadata = ReadMetadata();
        _inputNames = new NativeUtf8StringArray(Inputs.Select(i => i.Name).ToArray());
        _outputNames = new NativeUtf8StringArray(Outputs.Select(o => o.Name).ToArray());
        _inputIndex = Inputs.Select((info, i) => (info.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        _outputIndex = Outputs.Select((info, i) => (info.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
    }

    /// <summary>The inputs, in the model's order.</summary>
    public ImmutableArray<OnnxValueInfo> Inputs { get; }

    /// <summary>The outputs, in the model's order.</summary>
    public ImmutableArray<OnnxValueInfo> Outputs { get; }

    /// <summary>Producer, graph name, version and custom metadata.</summary>
    public OnnxModelMetadata Metadata { get; }

    /// <summary>Loads the model file at <paramref name="path"/>.</summary>
    /// <param name="path">An <c>.onnx</c> file.</param>
    /// <param name="options">Threading and optimisation; defaults when null.</param>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime rejected the file; its message says why.</exception>
    /// <exception cref="OnnxRuntimeUnavailableException">The native library is missing.</exception>
    public static OnnxModel Load(string path, OnnxModelOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        OnnxRuntime runtime = OnnxRuntime.Shared;
        OrtApi api = runtime.Api;
        string fullPath = Path.GetFullPath(path);
        using OrtSessionOptionsHandle sessionOptions = CreateOptions(api, options ?? OnnxModelOptions.Default);
        IntPtr session;
        IntPtr status;
        if (OperatingSystem.IsWindows())
        {
            // ORTCHAR_T is wchar_t on Windows; .NET strings are NUL-terminated UTF-16.
            fixed (char* widePath = fullPath)
                status = api.CreateSession(runtime.Env.DangerousGetHandle(), widePath, sessionOptions.DangerousGetHandle(), &session);
        }
        else
        {
            byte[] utf8Path = Encoding.UTF8.GetBytes(fullPath + "\0");
            fixed (byte* narrowPath = utf8Path)
                status = api.CreateSession(runtime.Env.DangerousGetHandle(), narrowPath, sessionOptions.DangerousGetHandle(), &session);
        }
        ThrowIfLoadFailed(api, status, $"Could not load the ONNX model '{fullPath}'");
        return new OnnxModel(runtime, new OrtSessionHandle(api, session));
    }

    /// <summary>Loads a model from its serialized bytes.</summary>
    /// <param name="model">The ModelProto bytes.</param>
    /// <param name="options">Threading and optimisation; defaults when null.</param>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime rejected the bytes; its message says why.</exception>
    /// <exception cref="OnnxRuntimeUnavailableException">The native library is missing.</exception>
    public static OnnxModel Load(byte[] model, OnnxModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        OnnxRuntime runtime = OnnxRuntime.Shared;
        OrtApi api = runtime.Api;
        using OrtSessionOptionsHandle sessionOptions = CreateOptions(api, options ?? OnnxModelOptions.Default);
        IntPtr session;
        IntPtr status;
        fixed (byte* bytes = model)
            status = api.CreateSessionFromArray(runtime.Env.DangerousGetHandle(), bytes, (nuint)model.Length, sessionOptions.DangerousGetHandle(), &session);
        ThrowIfLoadFailed(api, status, $"Could not load the ONNX model ({model.Length} bytes)");
        return new OnnxModel(runtime, new OrtSessionHandle(api, session));
    }

    /// <summary>Runs the model on named inputs and returns every output.</summary>
    /// <param name="inputs">One tensor per model input, by input name.</param>
    /// <exception cref="OnnxRuntimeException">
    /// ONNX Runtime rejected the inputs (unknown or missing name, wrong element type or shape) or failed while
    /// running; the message is the runtime's.
    /// </exception>
    public OnnxRunResult Run(IReadOnlyDictionary<string, OnnxTensor> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        int count = inputs.Count;
        if (count > MaxInputs)
            throw new ArgumentException($"The model takes {Inputs.Length} inputs; {count} were given.", nameof(inputs));
        IntPtr* names = stackalloc IntPtr[count];
        OnnxTensor[] tensors = ArrayPool<OnnxTensor>.Shared.Rent(count);
        List<NativeUtf8StringArray>? unknownNames = null;
        try
        {
            int i = 0;
            foreach (KeyValuePair<string, OnnxTensor> input in inputs)
            {
                tensors[i] = input.Value ?? throw new ArgumentException($"The input '{input.Key}' is null.", nameof(inputs));
                if (_inputIndex.TryGetValue(input.Key, out int index))
                {
                    names[i] = _inputNames.Pointers[index];
                }
                else
                {
                    // Pass unknown names through so the runtime's own message (which lists the valid ones) reaches the caller.
                    var encoded = new NativeUtf8StringArray([input.Key]);
                    (unknownNames ??= []).Add(encoded);
                    names[i] = encoded.Pointers[0];
                }
                i++;
            }
            return RunCore(names, new ReadOnlySpan<OnnxTensor>(tensors, 0, count));
        }
        finally
        {
            Array.Clear(tensors, 0, count);
            ArrayPool<OnnxTensor>.Shared.Return(tensors);
            unknownNames?.ForEach(n => n.Dispose());
        }
    }

    /// <summary>Runs the model on inputs given in the order of <see cref="Inputs"/>: the cheapest call.</summary>
    /// <param name="inputs">Exactly one tensor per model input.</param>
    /// <exception cref="ArgumentException">The number of tensors differs from the number of inputs.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime rejected the inputs or failed while running.</exception>
    public OnnxRunResult Run(params ReadOnlySpan<OnnxTensor> inputs)
    {
        if (inputs.Length != Inputs.Length)
            throw new ArgumentException(
                $"The model takes {Inputs.Length} inputs ({string.Join(", ", Inputs.Select(i => i.Name))}); {inputs.Length} were given.", nameof(inputs));
        foreach (OnnxTensor tensor in inputs)
            ArgumentNullException.ThrowIfNull(tensor, nameof(inputs));
        return RunCore(_inputNames.Pointers, inputs);
    }

    /// <summary>Releases the native session; runs already in flight finish first.</summary>
    public void Dispose()
    {
        _session.Dispose();
        _inputNames.Dispose();
        _outputNames.Dispose();
    }

    /// <summary>The position of output <paramref name="name"/>.</summary>
    /// <param name="name">The output name.</param>
    /// <exception cref="KeyNotFoundException">There is no such output.</exception>
    internal int OutputIndex(string name) => _outputIndex.TryGetValue(name, out int index) ? index
        : throw new KeyNotFoundException($"The model has no output '{name}'; its outputs are {string.Join(", ", Outputs.Select(o => o.Name))}.");

    private OnnxRunResult RunCore(IntPtr* names, ReadOnlySpan<OnnxTensor> inputs)
    {
        OrtApi api = _runtime.Api;
        int inputCount = inputs.Length;
        int outputCount = Outputs.Length;
        IntPtr* values = stackalloc IntPtr[inputCount];
        GCHandle* pins = stackalloc GCHandle[inputCount];
        IntPtr* outputs = stackalloc IntPtr[outputCount];
        new Span<IntPtr>(values, inputCount).Clear();
        new Span<GCHandle>(pins, inputCount).Clear();
        new Span<IntPtr>(outputs, outputCount).Clear();

        // Reference counts keep the session and name buffers alive if another thread disposes the model mid-run.
        bool sessionAdded = false, inputNamesAdded = false, outputNamesAdded = false;
        try
        {
            _session.DangerousAddRef(ref sessionAdded);
            _inputNames.DangerousAddRef(ref inputNamesAdded);
            _outputNames.DangerousAddRef(ref outputNamesAdded);
            for (int i = 0; i < inputCount; i++)
                CreateInput(inputs[i], &values[i], ref pins[i]);

            api.Check(api.Run(_session.DangerousGetHandle(), IntPtr.Zero, names, values, (nuint)inputCount,
                _outputNames.Pointers, (nuint)outputCount, outputs));

            var results = new OnnxValue[outputCount];
            for (int j = 0; j < outputCount; j++)
                results[j] = OrtValueReader.Read(_runtime, outputs[j], Outputs[j]);
            return new OnnxRunResult(this, results);
        }
        finally
        {
            for (int i = 0; i < inputCount; i++)
            {
                if (values[i] != IntPtr.Zero) api.ReleaseValue(values[i]);
                if (pins[i].IsAllocated) pins[i].Free();
            }
            for (int j = 0; j < outputCount; j++)
            {
                if (outputs[j] != IntPtr.Zero) api.ReleaseValue(outputs[j]);
            }
            if (outputNamesAdded) _outputNames.DangerousRelease();
            if (inputNamesAdded) _inputNames.DangerousRelease();
            if (sessionAdded) _session.DangerousRelease();
        }
    }

    /// <summary>
    /// Creates the native tensor for one input into <paramref name="slot"/> (set before anything can fail, so the
    /// caller's <c>finally</c> releases it). Numeric and bool data are wrapped in place, pinned until the run ends;
    /// strings are copied because the runtime stores them as its own string objects.
    /// </summary>
    private void CreateInput(OnnxTensor tensor, IntPtr* slot, ref GCHandle pin)
    {
        OrtApi api = _runtime.Api;
        long[] shape = tensor.ShapeArray;
        fixed (long* dims = shape)
        {
            if (tensor.ElementType == OnnxElementType.String)
            {
                api.Check(api.CreateTensorAsOrtValue(_runtime.Allocator, dims, (nuint)shape.Length, (int)OnnxElementType.String, slot));
                FillStrings(api, *slot, (string[])tensor.Data);
                return;
            }
            pin = GCHandle.Alloc(tensor.Data, GCHandleType.Pinned);
            nuint bytes = (nuint)tensor.Length * (nuint)OnnxTensor.ElementSize(tensor.ElementType);
            api.Check(api.CreateTensorWithDataAsOrtValue(_runtime.CpuMemory.DangerousGetHandle(), (void*)pin.AddrOfPinnedObject(),
                bytes, dims, (nuint)shape.Length, (int)tensor.ElementType, slot));
        }
    }

    private static void FillStrings(OrtApi api, IntPtr value, string[] strings)
    {
        const int StackBytes = 256;
        byte* stackBuffer = stackalloc byte[StackBytes];
        for (int i = 0; i < strings.Length; i++)
        {
            string text = strings[i];
            int max = Encoding.UTF8.GetMaxByteCount(text.Length) + 1;
            byte[]? rented = max > StackBytes ? ArrayPool<byte>.Shared.Rent(max) : null;
            try
            {
                fixed (byte* heapBuffer = rented)
                {
                    byte* buffer = rented is null ? stackBuffer : heapBuffer;
                    int length = Encoding.UTF8.GetBytes(text, new Span<byte>(buffer, max));
                    buffer[length] = 0;
                    api.Check(api.FillStringTensorElement(value, buffer, (nuint)i));
                }
            }
            finally
            {
                if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static OrtSessionOptionsHandle CreateOptions(OrtApi api, OnnxModelOptions options)
    {
        IntPtr raw;
        api.Check(api.CreateSessionOptions(&raw));
        var handle = new OrtSessionOptionsHandle(api, raw);
        try
        {
            api.Check(api.SetIntraOpNumThreads(raw, options.IntraOpThreads));
            api.Check(api.SetInterOpNumThreads(raw, options.InterOpThreads));
            api.Check(api.SetSessionGraphOptimizationLevel(raw, options.OptimizeGraph ? 99 /* ORT_ENABLE_ALL */ : 0 /* ORT_DISABLE_ALL */));
            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static void ThrowIfLoadFailed(OrtApi api, IntPtr status, string context)
    {
        if (status != IntPtr.Zero)
            throw new OnnxRuntimeException(context, api.ToException(status));
    }

    private ImmutableArray<OnnxValueInfo> ReadValueInfos(bool input)
    {
        OrtApi api = _runtime.Api;
        IntPtr session = _session.DangerousGetHandle();
        nuint count;
        api.Check(input ? api.SessionGetInputCount(session, &count) : api.SessionGetOutputCount(session, &count));
        var infos = ImmutableArray.CreateBuilder<OnnxValueInfo>((int)count);
        for (nuint i = 0; i < count; i++)
        {
            IntPtr name, typeInfo;
            api.Check(input
                ? api.SessionGetInputName(session, i, _runtime.Allocator, &name)
                : api.SessionGetOutputName(session, i, _runtime.Allocator, &name));
            using var ownedName = new OrtAllocatedString(api, _runtime.Allocator, name);
            api.Check(input ? api.SessionGetInputTypeInfo(session, i, &typeInfo) : api.SessionGetOutputTypeInfo(session, i, &typeInfo));
            using var ownedType = new OrtTypeInfoHandle(api, typeInfo);
            infos.Add(new OnnxValueInfo(ownedName.Value ?? "", OrtTypeReader.Read(api, typeInfo)));
        }
        return infos.MoveToImmutable();
    }

    private OnnxModelMetadata ReadMetadata()
    {
        OrtApi api = _runtime.Api;
        IntPtr allocator = _runtime.Allocator;
        IntPtr raw;
        api.Check(api.SessionGetModelMetadata(_session.DangerousGetHandle(), &raw));
        using var metadata = new OrtModelMetadataHandle(api, raw);

        static string Text(OrtApi api, IntPtr metadata, IntPtr allocator, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr*, IntPtr> getter)
        {
            IntPtr value;
            api.Check(getter(metadata, allocator, &value));
            using var owned = new OrtAllocatedString(api, allocator, value);
            return owned.Value ?? "";
        }

        long version;
        api.Check(api.ModelMetadataGetVersion(raw, &version));

        IntPtr keys;
        long keyCount;
        api.Check(api.ModelMetadataGetCustomMetadataMapKeys(raw, allocator, &keys, &keyCount));
        var custom = new Dictionary<string, string>(StringComparer.Ordinal);
        // The key array and each key are separate allocations; with no keys the array may be null.
        using (new OrtAllocatedString(api, allocator, keys))
        {
            for (long k = 0; k < keyCount; k++)
            {
                using var key = new OrtAllocatedString(api, allocator, ((IntPtr*)keys)[k]);
                byte[] keyBytes = Encoding.UTF8.GetBytes(key.Value + "\0");
                IntPtr value;
                fixed (byte* keyPtr = keyBytes)
                    api.Check(api.ModelMetadataLookupCustomMetadataMap(raw, allocator, keyPtr, &value));
                using var ownedValue = new OrtAllocatedString(api, allocator, value);
                custom[key.Value!] = ownedValue.Value ?? "";
            }
        }

        return new OnnxModelMetadata(
            Text(api, raw, allocator, api.ModelMetadataGetProducerName),
            Text(api, raw, allocator, api.ModelMetadataGetGraphName),
            Text(api, raw, allocator, api.ModelMetadataGetDomain),
            Text(api, raw, allocator, api.ModelMetadataGetDescription),
            version,
            custom);
    }
}
