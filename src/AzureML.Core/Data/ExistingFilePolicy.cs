namespace AzureML.Core.Data;

/// <summary>What a transfer does with a target file that already exists.</summary>
internal enum ExistingFilePolicy
{
    /// <summary>Replace it.</summary>
    Overwrite,

    /// <summary>Leave it and count it as skipped (datastore upload and download, as azureml does).</summary>
    Skip,

    /// <summary>Stop with an error naming it (dataset download, as azureml does).</summary>
    Fail,
}
