using NUnit.Framework;

namespace AzureML.Core.Tests.Data;

/// <summary>The data sets copied under TestData/data (see the README there for sources and licences).</summary>
internal static class TestDataFiles
{
    public static string HeartFailure => Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "data", "heart_failure_clinical_records.csv");

    public static string Iris => Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "data", "iris.csv");
}
