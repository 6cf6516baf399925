namespace AzureML.Core.Onnx;

/// <summary>
/// A <c>seq(map(key, float))</c> value: what a scikit-learn classifier's ZipMap output gives, one dictionary of class
/// probabilities per input row, keyed by class label.
/// </summary>
/// <typeparam name="TKey"><see cref="long"/> or <see cref="string"/>.</typeparam>
internal sealed class OnnxMapSequence<TKey> : OnnxValue
    where TKey : notnull
{
    /// <summary>Creates the value.</summary>
    /// <param name="maps">One dictionary per element.</param>
    public OnnxMapSequence(IReadOnlyList<IReadOnlyDictionary<TKey, float>> maps)
    {
        Maps = maps;
    }

    /// <inheritdoc />
    public override OnnxValueKind Kind => OnnxValueKind.Sequence;

    /// <summary>The maps, in row order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<TKey, float>> Maps { get; }
}
