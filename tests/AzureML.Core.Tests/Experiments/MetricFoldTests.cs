using System.Text.Json.Nodes;
using AzureML.Core.Backends;
using AzureML.Core.Internal;
using NUnit.Framework;

namespace AzureML.Core.Tests.Experiments;

/// <summary>The fold of metric points into GetMetrics values (the statement the Python shim runs too).</summary>
public class MetricFoldTests
{
    private static MetricRecord Point(string name, MetricKind kind, string? json)
        => new(name, kind, json is null ? null : JsonNode.Parse(json), null, DateTimeOffset.UtcNow, null);

    [Test]
    public void Fold_SeriesListsRowsAndTables_AsGetMetricsPresentsThem()
    {
        IReadOnlyDictionary<string, object?> folded = MetricValues.Fold(
        [
            Point("acc", MetricKind.Scalar, "0.5"),
            Point("one", MetricKind.Scalar, "1.0"),
            Point("acc", MetricKind.Scalar, "{\"$number\": \"NaN\"}"),
            Point("lists", MetricKind.List, "[1]"),
            Point("lists", MetricKind.List, "[2, 3]"),
            Point("rows", MetricKind.Row, "{\"a\": 0.30000000000000004, \"q\\\"u.o\": \"x\"}"),
            Point("rows", MetricKind.Row, "{}"),
            Point("rows", MetricKind.Row, "{\"b\": true}"),
            Point("table", MetricKind.Table, "{\"a\": [1, 2, 3], \"b\": [\"x\"]}"),
            Point("table", MetricKind.Table, "{\"b\": [], \"c\": [null]}"),
            Point("none", MetricKind.Scalar, null),
        ]);

        Assert.Multiple(() =>
        {
            Assert.That(folded.Keys, Is.EqualTo(new[] { "acc", "one", "lists", "rows", "table", "none" }), "in the order first logged");
            Assert.That(folded["acc"], Is.EqualTo(new object[] { 0.5, double.NaN }));
            Assert.That(folded["one"], Is.TypeOf<double>());
            Assert.That(folded["lists"], Is.EqualTo(new object[] { new object[] { 1L }, new object[] { 2L, 3L } }));
            var rows = (IReadOnlyDictionary<string, IReadOnlyList<object?>>)folded["rows"]!;
            Assert.That(rows.Keys, Is.EqualTo(new[] { "a", "q\"u.o", "b" }));
            Assert.That(rows["a"], Is.EqualTo(new object?[] { 0.30000000000000004, null }), "an empty row adds no row; doubles stay exact");
            Assert.That(rows["q\"u.o"], Is.EqualTo(new object?[] { "x", null }));
            Assert.That(rows["b"], Is.EqualTo(new object?[] { null, true }));
            var table = (IReadOnlyDictionary<string, IReadOnlyList<object?>>)folded["table"]!;
            Assert.That(table["a"], Is.EqualTo(new object?[] { 1L, 2L, 3L, null }));
            Assert.That(table["b"], Is.EqualTo(new object?[] { "x", null, null, null }));
            Assert.That(table["c"], Is.EqualTo(new object?[] { null, null, null, null }));
            Assert.That(folded["none"], Is.Null);
            Assert.That(folded["table"]!.ToString(), Is.EqualTo("{\"a\": [1, 2, 3, null], \"b\": [\"x\", null, null, null], \"c\": [null, null, null, null]}"));
        });
    }
}
