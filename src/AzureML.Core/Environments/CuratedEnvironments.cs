namespace AzureML.Core;

/// <summary>
/// The environments every workspace offers without registration, named <c>AzureML-*</c> as the service names
/// its curated environments. Each call returns fresh objects, so callers may change what they get.
/// </summary>
internal static class CuratedEnvironments
{
    /// <summary>The version curated environments report.</summary>
    public const string Version = "1";

    private const string Pin = CondaDependencies.PinnedSdkVersion;

    private static readonly (string Name, string[] Conda, string[] Pip)[] Definitions =
    [
        ("AzureML-Minimal", [], ["azureml-core~=" + Pin, "azureml-defaults~=" + Pin]),
        ("AzureML-Tutorial",
            ["scikit-learn=0.24.2", "pandas=1.3.5", "numpy=1.21.6", "joblib=1.1.0", "matplotlib=3.5.3", "scipy=1.7.3"],
            ["azureml-core~=" + Pin, "azureml-defaults~=" + Pin, "azureml-widgets~=" + Pin, "azureml-dataset-runtime~=" + Pin]),
        ("AzureML-sklearn-1.0",
            ["scikit-learn=1.0.2", "pandas=1.3.5", "numpy=1.21.6", "joblib=1.1.0", "scipy=1.7.3"],
            ["azureml-core~=" + Pin, "azureml-defaults~=" + Pin, "azureml-mlflow~=" + Pin, "mlflow-skinny==2.3.2"]),
    ];

    /// <summary>The curated names.</summary>
    public static IEnumerable<string> Names => Definitions.Select(d => d.Name);

    /// <summary>A curated environment, or <c>null</c> when the name (and version, when given) is not curated.</summary>
    public static Environment? Get(string name, string? version)
    {
        if (version is not null && version != Version) return null;
        foreach ((string curatedName, string[] conda, string[] pip) in Definitions)
        {
            if (curatedName == name) return Build(curatedName, conda, pip);
        }

        return null;
    }

    /// <summary>Every curated environment.</summary>
    public static IEnumerable<Environment> All() => Definitions.Select(d => Build(d.Name, d.Conda, d.Pip));

    private static Environment Build(string name, string[] conda, string[] pip)
    {
        var dependencies = new CondaDependencies();
        dependencies.SetPythonVersion(CondaDependencies.DefaultPythonVersion);
        dependencies.AddCondaPackage("pip=22.3.1");
        foreach (string package in conda) dependencies.AddCondaPackage(package);
        foreach (string package in pip) dependencies.AddPipPackage(package);
        dependencies.AddChannel("anaconda");
        dependencies.AddChannel("conda-forge");
        var environment = new Environment(name) { Version = Version };
        environment.Python.CondaDependencies = dependencies;
        return environment;
    }
}
