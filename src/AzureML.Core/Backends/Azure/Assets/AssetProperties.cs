namespace AzureML.Core.Backends.Azure.Assets;

/// <summary>
/// Keys of the asset <c>properties</c> in which the SDK keeps azureml-core fields the v2 asset types have no
/// field for (model framework, producing run, dataset definition). Properties are immutable once set, as in azureml-core.
/// </summary>
internal static class AssetProperties
{
    public const string ModelFramework = "azureml.sdk.framework";
    public const string ModelFrameworkVersion = "azureml.sdk.frameworkVersion";
    public const string ModelExperimentName = "azureml.sdk.experimentName";
    public const string ModelResourceConfiguration = "azureml.sdk.resourceConfiguration";
    public const string ModelFiles = "azureml.sdk.files";
    public const string ModelFilesBase = "azureml.sdk.filesBase";
    public const string DatasetType = "azureml.sdk.datasetType";
    public const string DatasetDefinition = "azureml.sdk.definition";
    public const string EnvironmentDefinition = "azureml.sdk.definition";
}
