using System.Collections.Immutable;
using Microsoft.ML.OnnxRuntime;

namespace AzureML.Core.Onnx;

/// <summary>
/// An ONNX model loaded into ONNX Runtime, ready to score: the SDK's one seam over <c>Microsoft.ML.OnnxRuntime</c>.
/// It describes its inputs and outputs (for request validation and swagger) and runs them with managed
/// <see cref="OnnxTensor"/>s, so callers never handle the runtime's own types. <see cref="Run(IReadOnlyDictionary{string, OnnxTensor})"/>
/// may be called from many threads at once.
/// </summary>
/// <remarks>
/// Numeric inputs are pinned in place rather than copied, one <see cref="RunOptions"/> is shared by every call, and
/// <see cref="Dispose"/> waits for nothing: the session is released when the last run in flight returns.
/// </remarks>
internal sealed class OnnxModel : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly Dictionary<string, int> _outputIndex;
    // 1 for the owner plus one per run in flight; the session is released when it reaches 0.
    private int _users = 1;
    private int _disposed;

    private OnnxModel(InferenceSession session)
    {
        _session = session;
        _runOptions = new RunOptions();
        _inputNames = session.InputNames.ToArray();
        _outputNames = session.OutputNames.ToArray();
        Inputs = [.. _inputNames.Select(name => new OnnxValueInfo(name, OrtTypeReader.Read(session.InputMetadata[name])))];
        Outputs = [.. _outputNames.Select(name => new OnnxValueInfo(name, OrtTypeReader.Read(session.OutputMetadata[name])))];
        ModelMetadata metadata = session.ModelMetadata;
        Metadata = new OnnxModelMetadata(metadata.ProducerName, metadata.GraphName, metadata.Domain, metadata.Description,
            metadata.Version, new Dictionary<string, string>(metadata.CustomMetadataMap, StringComparer.Ordinal));
        _outputIndex = _outputNames.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
    }

    /// <summary>The inputs, in the model's order.</summary>
    public ImmutableArray<OnnxValueInfo> Inputs { get; }

    /// <summary>The outputs, in the model's order.</summary>
    public ImmutableArray<OnnxValueInfo> Outputs { get; }

    /// <summary>Producer, graph name, version and custom metadata.</summary>
    public OnnxModelMetadata Metadata { get; }

    /// <summary>Loads the model file at <paramref name="path"/>.</summary>
    /// <param name="path">An <c>.onnx</c> file.</param>
    /// <param name="options">Threading, optimisation and logging; <see cref="OnnxModelOptions.Default"/> when null.</param>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime rejected the file; its message says why.</exception>
    /// <exception cref="OnnxRuntimeUnavailableException">ONNX Runtime's native library cannot be loaded.</exception>
    public static OnnxModel Load(string path, OnnxModelOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string fullPath = Path.GetFullPath(path);
        return Open(sessionOptions => new InferenceSession(fullPath, sessionOptions), options, $"Could not load the ONNX model '{fullPath}'");
    }

    /// <summary>Loads a model from its serialized bytes.</summary>
    /// <param name="model">The ModelProto bytes.</param>
    /// <param name="options">Threading, optimisation and logging; <see cref="OnnxModelOptions.Default"/> when null.</param>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime rejected the bytes; its message says why.</exception>
    /// <exception cref="OnnxRuntimeUnavailableException">ONNX Runtime's native library cannot be loaded.</exception>
    public static OnnxModel Load(byte[] model, OnnxModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Open(sessionOptions => new InferenceSession(model, sessionOptions), options, $"Could not load the ONNX model ({model.Length} bytes)");
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
        var names = new string[inputs.Count];
        var tensors = new OnnxTensor[inputs.Count];
        int i = 0;
        foreach (KeyValuePair<string, OnnxTensor> input in inputs)
        {
            // Unknown names go through: the runtime's message names them.
            names[i] = input.Key;
            tensors[i] = input.Value ?? throw new ArgumentException($"The input '{input.Key}' is null.", nameof(inputs));
            i++;
        }
        return RunCore(names, tensors);
    }

    /// <summary>Runs the model on inputs given in the order of <see cref="Inputs"/>: the cheapest call.</summary>
    /// <param name="inputs">Exactly one tensor per model input.</param>
    /// <exception cref="ArgumentException">The number of tensors differs from the number of inputs.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime rejected the inputs or failed while running.</exception>
    public OnnxRunResult Run(params ReadOnlySpan<OnnxTensor> inputs)
    {
        if (inputs.Length != Inputs.Length)
            throw new ArgumentException(
                $"The model takes {Inputs.Length} inputs ({string.Join(", ", _inputNames)}); {inputs.Length} were given.", nameof(inputs));
        foreach (OnnxTensor tensor in inputs)
            ArgumentNullException.ThrowIfNull(tensor, nameof(inputs));
        return RunCore(_inputNames, inputs);
    }

    /// <summary>Releases the native session once the runs in flight have returned.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
            Leave();
    }

    /// <summary>The position of output <paramref name="name"/>.</summary>
    /// <param name="name">The output name.</param>
    /// <exception cref="KeyNotFoundException">There is no such output.</exception>
    internal int OutputIndex(string name) => _outputIndex.TryGetValue(name, out int index) ? index
        : throw new KeyNotFoundException($"The model has no output '{name}'; its outputs are {string.Join(", ", _outputNames)}.");

    private static OnnxModel Open(Func<SessionOptions, InferenceSession> create, OnnxModelOptions? options, string context)
    {
        try
        {
            using SessionOptions sessionOptions = (options ?? OnnxModelOptions.Default).ToSessionOptions();
            return new OnnxModel(create(sessionOptions));
        }
        catch (Microsoft.ML.OnnxRuntime.OnnxRuntimeException e)
        {
            throw new OnnxRuntimeException(context, OnnxRuntimeException.From(e));
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException)
        {
            throw new OnnxRuntimeUnavailableException(
                $"ONNX Runtime's native library could not be loaded ({e.GetBaseException().Message}). " +
                "It comes with the NuGet package Microsoft.ML.OnnxRuntime: reference it from the application that scores ONNX models in-process.", e);
        }
    }

    private OnnxRunResult RunCore(string[] names, ReadOnlySpan<OnnxTensor> tensors)
    {
        Enter();
        var values = new OrtValue[tensors.Length];
        try
        {
            for (int i = 0; i < tensors.Length; i++)
                values[i] = ToOrtValue(tensors[i]);
            using IDisposableReadOnlyCollection<OrtValue> outputs = _session.Run(_runOptions, names, values, _outputNames);
            // The collection is a list: indexing it spares the boxed enumerator a foreach would allocate on every run.
            var outputList = (IReadOnlyList<OrtValue>)outputs;
            var results = new OnnxValue[outputList.Count];
            for (int j = 0; j < results.Length; j++)
                results[j] = OrtValueReader.Read(outputList[j], Outputs[j]);
            return new OnnxRunResult(this, results);
        }
        catch (Microsoft.ML.OnnxRuntime.OnnxRuntimeException e)
        {
            throw OnnxRuntimeException.From(e);
        }
        finally
        {
            foreach (OrtValue? value in values)
                value?.Dispose();
            Leave();
        }
    }

    /// <summary>
    /// The runtime value for one input. Numeric and bool data are wrapped in place (pinned until the value is
    /// disposed); strings are copied because the runtime stores them as its own string objects.
    /// </summary>
    private static OrtValue ToOrtValue(OnnxTensor tensor)
    {
        long[] shape = tensor.ShapeArray;
        switch (tensor.Data)
        {
            case float[] floats: return OrtValue.CreateTensorValueFromMemory(floats, shape);
            case double[] doubles: return OrtValue.CreateTensorValueFromMemory(doubles, shape);
            case long[] longs: return OrtValue.CreateTensorValueFromMemory(longs, shape);
            case int[] ints: return OrtValue.CreateTensorValueFromMemory(ints, shape);
            case bool[] bools: return OrtValue.CreateTensorValueFromMemory(bools, shape);
            default:
                var strings = (string[])tensor.Data;
                OrtValue value = OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, shape);
                try
                {
                    for (int i = 0; i < strings.Length; i++)
                        value.StringTensorSetElementAt(strings[i].AsSpan(), i);
                    return value;
                }
                catch
                {
                    value.Dispose();
                    throw;
                }
        }
    }

    private void Enter()
    {
        int users = Volatile.Read(ref _users);
        while (true)
        {
            ObjectDisposedException.ThrowIf(users == 0, this);
            int seen = Interlocked.CompareExchange(ref _users, users + 1, users);
            if (seen == users)
                return;
            users = seen;
        }
    }

    private void Leave()
    {
        if (Interlocked.Decrement(ref _users) == 0)
        {
            _session.Dispose();
            _runOptions.Dispose();
        }
    }
}
