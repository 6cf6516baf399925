namespace AzureML.Train.AutoML.Engine.Metrics;

/// <summary>A table metric (confusion matrix, curves, residuals): column name → values, columns of equal length.</summary>
internal sealed record MetricTable(string Name, IReadOnlyList<(string Column, IReadOnlyList<object> Values)> Columns);
