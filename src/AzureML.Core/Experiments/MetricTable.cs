using System.Collections.ObjectModel;
using AzureML.Core.Internal;

namespace AzureML.Core;

/// <summary>
/// A metric logged as rows or tables, column → values, as <see cref="Run.GetMetrics"/> returns it; prints its
/// content (<c>{"cls": ["setosa", "virginica"], "f1": [1.0, 0.9]}</c>).
/// </summary>
internal sealed class MetricTable : ReadOnlyDictionary<string, IReadOnlyList<object?>>
{
    public MetricTable(IDictionary<string, IReadOnlyList<object?>> columns) : base(columns) { }

    /// <inheritdoc />
    public override string ToString() => MetricValues.Format(this);
}
