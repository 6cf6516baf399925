using AzureML.Core.Backends;

namespace AzureML.Core.Webservices;

/// <summary>Turns the public deployment arguments into a backend request.</summary>
internal static class ModelDeployment
{
    public static IReadOnlyList<ModelReference> References(IEnumerable<Model> models)
    {
        List<ModelReference> references = models.Select(m => new ModelReference(m.Name, m.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), m.ModelFramework)).ToList();
        if (references.Count == 0) throw new UserErrorException("A deployment needs at least one model.");
        return references;
    }

    public static ServiceDeploymentRequest Request(string name, IReadOnlyList<ModelReference> models, InferenceConfig? inferenceConfig,
        WebserviceDeploymentConfiguration? deploymentConfig, bool overwrite)
    {
        ValidateName(name);
        WebserviceDeploymentConfiguration config = deploymentConfig ?? AciWebservice.DeployConfiguration();
        return new ServiceDeploymentRequest
        {
            Name = name,
            Models = models,
            EntryScript = inferenceConfig?.ResolveEntryScript(),
            SourceDirectory = inferenceConfig?.SourceDirectory is string dir ? Path.GetFullPath(dir) : null,
            Environment = inferenceConfig?.Environment,
            ComputeType = config.ComputeType,
            AuthEnabled = config.AuthEnabled,
            Port = config.Port,
            CpuCores = config.CpuCores,
            MemoryGb = config.MemoryGb,
            Description = config.Description ?? inferenceConfig?.Description,
            Tags = config.Tags,
            Properties = config.Properties,
            PrimaryKey = config.PrimaryKey,
            SecondaryKey = config.SecondaryKey,
            Overwrite = overwrite,
        };
    }

    /// <summary>azureml's service name rule: 3–32 characters, lowercase letters, digits and dashes, starting with a letter, not ending with a dash.</summary>
    public static void ValidateName(string name)
    {
        bool ok = name.Length is >= 3 and <= 32 && char.IsAsciiLetterLower(name[0]) && name[^1] != '-'
            && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
        if (!ok)
        {
            throw new UserErrorException(
                $"Service name '{name}' is not valid. It must be 3 to 32 characters of lowercase letters, digits and dashes, start with a letter and not end with a dash.");
        }
    }
}
