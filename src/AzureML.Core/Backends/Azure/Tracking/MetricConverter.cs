using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AzureML.Core.Backends.Azure.Tracking;

/// <summary>
/// <see cref="MetricRecord"/> ↔ MLflow metric points. MLflow metrics are numbers: a scalar is one point, a list
/// one point per element (its index as step); other kinds (rows, tables, images, strings) have no MLflow metric form.
/// </summary>
internal static class MetricConverter
{
    public static IReadOnlyList<MlflowMetric> ToMlflow(MetricRecord metric)
    {
        long timestamp = metric.Time.ToUnixTimeMilliseconds();
        return metric.Kind switch
        {
            MetricKind.Scalar => new[] { new MlflowMetric { Key = metric.Name, Value = Number(metric, metric.Value), Timestamp = timestamp, Step = metric.Step ?? 0 } },
            MetricKind.List when metric.Value is JsonArray values => values
                .Select((v, i) => new MlflowMetric { Key = metric.Name, Value = Number(metric, v), Timestamp = timestamp, Step = i })
                .ToArray(),
            _ => throw new UserErrorException(
                $"Metric '{metric.Name}' is a {metric.Kind.ToString().ToLowerInvariant()}; an Azure workspace tracks metrics with MLflow, which keeps only numbers. " +
                "Log each number with Run.Log, or save the table or image as a file under ./outputs."),
        };
    }

    public static MetricRecord ToRecord(MlflowMetric point)
        => new(point.Key, MetricKind.Scalar, JsonValue.Create(point.Value), point.Step, DateTimeOffset.FromUnixTimeMilliseconds(point.Timestamp), Description: null);

    private static double Number(MetricRecord metric, JsonNode? value)
    {
        switch (value?.GetValueKind())
        {
            case JsonValueKind.Number:
                return double.Parse(value!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
            case JsonValueKind.True:
                return 1;
            case JsonValueKind.False:
                return 0;
        }

        throw new UserErrorException($"Metric '{metric.Name}' has the value {value?.ToJsonString() ?? "null"}, which is not a number; MLflow metrics on an Azure workspace are numbers.");
    }
}
