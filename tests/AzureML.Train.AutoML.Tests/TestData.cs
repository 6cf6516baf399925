using AzureML.Core.Data;
using NUnit.Framework;

namespace AzureML.Train.AutoML.Tests;

/// <summary>The data files copied into the test project (see TestData/README.md for their sources).</summary>
internal static class TestData
{
    public static string HeartFailureCsv => Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "heart_failure_clinical_records.csv");

    public static string IrisCsv => Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "iris.csv");

    /// <summary>Heart failure records with the 0/1 columns typed Boolean, as Azure ML studio's schema step types them.</summary>
    public static DataFrame HeartFailure() => Dataset.Tabular.FromDelimitedFiles(HeartFailureCsv, setColumnTypes: HeartFailureBooleans).ToDataFrame();

    public static IReadOnlyDictionary<string, DataFrameColumnType> HeartFailureBooleans { get; } = new[]
    {
        "anaemia", "diabetes", "high_blood_pressure", "sex", "smoking", "DEATH_EVENT",
    }.ToDictionary(c => c, _ => DataFrameColumnType.Boolean);

    public static DataFrame Iris() => Dataset.Tabular.FromDelimitedFiles(IrisCsv).ToDataFrame();
}
