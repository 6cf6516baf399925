namespace AzureML.Core.Onnx;

/// <summary>The outputs of one <see cref="OnnxModel"/> run, in the model's output order and by name.</summary>
internal sealed class OnnxRunResult
{
    private readonly OnnxModel _model;
    private readonly OnnxValue[] _values;

    /// <summary>Wraps the values read for every output of <paramref name="model"/>.</summary>
    /// <param name="model">The model that produced them.</param>
    /// <param name="values">One value per output, in output order.</param>
    internal OnnxRunResult(OnnxModel model, OnnxValue[] values)
    {
        _model = model;
        _values = values;
    }

    /// <summary>The values in the model's output order.</summary>
    public IReadOnlyList<OnnxValue> Values => _values;

    /// <summary>The value of the output called <paramref name="name"/>.</summary>
    /// <param name="name">An output name from <see cref="OnnxModel.Outputs"/>.</param>
    /// <exception cref="KeyNotFoundException">The model has no such output; the message lists the outputs.</exception>
    public OnnxValue this[string name] => _values[_model.OutputIndex(name)];

    /// <summary>The tensor output called <paramref name="name"/>.</summary>
    /// <param name="name">The output name.</param>
    /// <exception cref="InvalidOperationException">The output is not a tensor.</exception>
    public OnnxTensor GetTensor(string name) => this[name] as OnnxTensor
        ?? throw new InvalidOperationException($"The output '{name}' is not a tensor but {_model.Outputs[_model.OutputIndex(name)].Type}.");

    /// <summary>The <c>seq(map(key, float))</c> output called <paramref name="name"/>, for example a classifier's probabilities.</summary>
    /// <typeparam name="TKey"><see cref="long"/> or <see cref="string"/>, matching the class labels.</typeparam>
    /// <param name="name">The output name.</param>
    /// <exception cref="InvalidOperationException">The output is of another kind or key type.</exception>
    public IReadOnlyList<IReadOnlyDictionary<TKey, float>> GetMaps<TKey>(string name)
        where TKey : notnull
        => (this[name] as OnnxMapSequence<TKey>)?.Maps
        ?? throw new InvalidOperationException($"The output '{name}' is not a sequence of maps keyed by {typeof(TKey).Name} but {_model.Outputs[_model.OutputIndex(name)].Type}.");
}
