using System.Collections.ObjectModel;
using AzureML.Core.Internal;

namespace AzureML.Core;

/// <summary>
/// The values of a metric logged several times, of a logged list, or of a table column, as
/// <see cref="Run.GetMetrics"/> returns them; prints its content (<c>[0.91, 0.93]</c>).
/// </summary>
internal sealed class MetricList : ReadOnlyCollection<object?>
{
    public MetricList(IList<object?> values) : base(values) { }

    /// <inheritdoc />
    public override string ToString() => MetricValues.Format(this);
}
