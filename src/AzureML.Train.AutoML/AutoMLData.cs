using AzureML.Core.Data;

namespace AzureML.Train.AutoML;

/// <summary>
/// Training or validation data for <see cref="AutoMLConfig"/>: a <see cref="TabularDataset"/> (read by the run when it
/// starts) or an in-memory <see cref="DataFrame"/> (sent with the run). Pass either where this type is expected; it
/// converts implicitly, as azureml accepts a Dataset or a pandas DataFrame.
/// </summary>
public sealed class AutoMLData
{
    private AutoMLData(TabularDataset? dataset, DataFrame? frame)
    {
        Dataset = dataset;
        Frame = frame;
    }

    /// <summary>The dataset, when the data is one.</summary>
    public TabularDataset? Dataset { get; }

    /// <summary>The table, when the data is one.</summary>
    public DataFrame? Frame { get; }

    /// <summary>Wraps a tabular dataset.</summary>
    /// <param name="dataset">The dataset.</param>
    public static AutoMLData FromDataset(TabularDataset dataset) => new(dataset ?? throw new ArgumentNullException(nameof(dataset)), null);

    /// <summary>Wraps a table.</summary>
    /// <param name="frame">The table.</param>
    public static AutoMLData FromDataFrame(DataFrame frame) => new(null, frame ?? throw new ArgumentNullException(nameof(frame)));

    /// <summary>A dataset as AutoML data, such as one from <c>ws.Datasets[name]</c>; it must be tabular.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <exception cref="ConfigException">The dataset is a file dataset.</exception>
    public static implicit operator AutoMLData(Dataset dataset) => dataset switch
    {
        null => throw new ArgumentNullException(nameof(dataset)),
        TabularDataset tabular => FromDataset(tabular),
        _ => throw new ConfigException(
            $"AutoML trains on tabular data; the dataset '{dataset.Name ?? "unregistered"}' is a file dataset. Create it with Dataset.Tabular.FromDelimitedFiles.", "trainingData"),
    };

    /// <summary>A table as AutoML data.</summary>
    /// <param name="frame">The table.</param>
    public static implicit operator AutoMLData(DataFrame frame) => FromDataFrame(frame);

    /// <summary>The first rows (to check column names without reading everything).</summary>
    internal DataFrame Head(int rows) => Frame?.Take(rows) ?? Dataset!.Take(rows).ToDataFrame();

    /// <summary>All the data.</summary>
    internal DataFrame Read() => Frame ?? Dataset!.ToDataFrame();

    /// <inheritdoc />
    public override string ToString() => Frame is { } frame
        ? $"DataFrame({frame.RowCount} rows, {frame.ColumnCount} columns)"
        : $"TabularDataset({Dataset!.Name ?? "unregistered"})";
}
