namespace AzureML.Core.Backends;

/// <summary>How a metric was logged; decides how <c>GetMetrics</c> folds its points.</summary>
internal enum MetricKind
{
    /// <summary><c>log</c>: one value per call; several calls make a series.</summary>
    Scalar,
    /// <summary><c>log_list</c>: a whole list at once.</summary>
    List,
    /// <summary><c>log_row</c>: one row of a table per call.</summary>
    Row,
    /// <summary><c>log_table</c>: a whole table (column → values) at once.</summary>
    Table,
    /// <summary><c>log_image</c>: a reference to an image artifact of the run.</summary>
    Image,
}
