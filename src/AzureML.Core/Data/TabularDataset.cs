using AzureML.Core.Backends;
using AzureML.Core.Internal;

namespace AzureML.Core.Data;

/// <summary>
/// Rows read from delimited files. Transformations (<see cref="Take"/>, <see cref="Skip"/>, <see cref="KeepColumns"/>,
/// <see cref="DropColumns"/>, <see cref="RandomSplit"/>) return new datasets whose definition records the step; data
/// is read only by <see cref="ToDataFrame"/> or when a run consumes the dataset. Mirrors <c>azureml.data.TabularDataset</c>.
/// </summary>
public class TabularDataset : Dataset
{
    internal TabularDataset(DatasetDefinition definition, Workspace? workspace, DatasetRecord? record) : base(definition, workspace, record) { }

    /// <summary>For mocking.</summary>
    protected TabularDataset() { }

    internal override DatasetDefinition FilesDefinition => new()
    {
        DatasetType = DatasetDefinition.FileType,
        Sources = [new DatasetSource { Kind = DatasetSource.TabularKind, Tabular = Definition }],
    };

    /// <summary>Reads the rows into a typed <see cref="DataFrame"/> with the streaming delimited reader, then applies the recorded steps.</summary>
    /// <exception cref="UserErrorException">A file is missing, unreachable or malformed; the message names the file and line.</exception>
    public override DataFrame ToDataFrame() => base.ToDataFrame();

    /// <inheritdoc cref="ToDataFrame"/>
    /// <param name="cancellationToken">Cancels the read.</param>
    public override async Task<DataFrame> ToDataFrameAsync(CancellationToken cancellationToken = default)
    {
        using var materialization = new DatasetMaterialization(Workspace);
        return await materialization.ReadTableAsync(Definition, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The first <paramref name="count"/> rows.</summary>
    /// <param name="count">How many rows; 0 or more.</param>
    public virtual TabularDataset Take(int count) => With(new DatasetStep { Operation = DatasetStep.Take, Count = NotNegative(count) });

    /// <summary>All rows after the first <paramref name="count"/>.</summary>
    /// <param name="count">How many rows to leave out; 0 or more.</param>
    public virtual TabularDataset Skip(int count) => With(new DatasetStep { Operation = DatasetStep.Skip, Count = NotNegative(count) });

    /// <summary>Only the named columns.</summary>
    /// <param name="columns">The columns to keep; an unknown name fails when the data is read, naming the columns there are.</param>
    public virtual TabularDataset KeepColumns(params IEnumerable<string> columns)
        => With(new DatasetStep { Operation = DatasetStep.KeepColumns, Columns = NonEmpty(columns) });

    /// <summary>All columns except the named ones.</summary>
    /// <param name="columns">The columns to drop; an unknown name fails when the data is read, naming the columns there are.</param>
    public virtual TabularDataset DropColumns(params IEnumerable<string> columns)
        => With(new DatasetStep { Operation = DatasetStep.DropColumns, Columns = NonEmpty(columns) });

    /// <summary>
    /// Splits the rows at random into two datasets: each row goes to the first with probability
    /// <paramref name="percentage"/>. Both halves record the same seed, so they never overlap and read the same way every time.
    /// </summary>
    /// <param name="percentage">The expected share of rows in the first dataset, from 0 to 1.</param>
    /// <param name="seed">The seed; null picks one now and records it.</param>
    public virtual (TabularDataset First, TabularDataset Second) RandomSplit(double percentage, int? seed = null)
    {
        if (!(percentage is >= 0 and <= 1)) throw new UserErrorException($"RandomSplit percentage must be from 0 to 1; got {percentage}.");
        int fixedSeed = seed ?? Random.Shared.Next();
        var step = new DatasetStep { Operation = DatasetStep.RandomSplit, Percentage = percentage, Seed = fixedSeed };
        return (With(step with { First = true }), With(step with { First = false }));
    }

    /// <summary>
    /// A file dataset holding these rows as CSV (UTF-8, header row). Like azureml, the file is written only when the
    /// file dataset is downloaded, mounted or consumed by a run.
    /// </summary>
    public virtual FileDataset ToCsvFiles() => new(FilesDefinition, Workspace, null);

    private TabularDataset With(DatasetStep step) => new(Definition.WithStep(step), Workspace, null);

    private static int NotNegative(int count)
        => count >= 0 ? count : throw new UserErrorException($"The row count must be 0 or more; got {count}.");

    private static List<string> NonEmpty(IEnumerable<string> columns)
    {
        List<string> list = Argument.NotNull(columns, nameof(columns)).ToList();
        return list.Count > 0 ? list : throw new UserErrorException("Name at least one column.");
    }
}
