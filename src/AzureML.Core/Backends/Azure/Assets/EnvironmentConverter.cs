using AzureML.Core.Backends.Azure.Rest;

namespace AzureML.Core.Backends.Azure.Assets;

/// <summary>
/// <see cref="Environment"/> ↔ environment version DTO: the Docker base image becomes <c>image</c>, the conda
/// specification becomes <c>condaFile</c> (its content); the SDK's whole definition (variables, Python and Docker
/// settings the service has no field for) rides in properties. A registry password is never sent.
/// </summary>
internal static class EnvironmentConverter
{
    public static ArmResource<EnvironmentVersionProperties> ToResource(Environment environment, string? description = null)
    {
        if (environment.Docker.BaseDockerfile is not null)
        {
            throw new UserErrorException(
                $"Environment '{environment.Name}' is built from a Dockerfile; registering it in an Azure workspace needs the build context uploaded first. " +
                "Use a base image (Environment.FromDockerImage or DockerSection.BaseImage) instead.");
        }

        return new ArmResource<EnvironmentVersionProperties>
        {
            Properties = new EnvironmentVersionProperties
            {
                Image = environment.Docker.BaseImage ?? DockerSection.DefaultCpuImage,
                CondaFile = environment.Python.UserManagedDependencies ? null : environment.Python.CondaDependencies?.SerializeToString(),
                OsType = "Linux",
                Description = description,
                Properties = new Dictionary<string, string?>(StringComparer.Ordinal)
                {
                    [AssetProperties.EnvironmentDefinition] = StoredEnvironment.Prepare(EnvironmentJson.Serialize(environment)),
                },
            },
        };
    }

    /// <summary>True when a registered version has the same definition as a body about to be registered.</summary>
    public static bool SameDefinition(ArmResource<EnvironmentVersionProperties> registered, ArmResource<EnvironmentVersionProperties> body)
    {
        EnvironmentVersionProperties a = registered.Properties ?? new EnvironmentVersionProperties();
        EnvironmentVersionProperties b = body.Properties ?? new EnvironmentVersionProperties();
        return a.Image == b.Image && a.CondaFile == b.CondaFile && Definition(a) == Definition(b);
    }

    private static string? Definition(EnvironmentVersionProperties p)
        => p.Properties is { } all && all.TryGetValue(AssetProperties.EnvironmentDefinition, out string? json) ? json : null;

    public static EnvironmentRecord ToRecord(string name, ArmResource<EnvironmentVersionProperties> resource)
    {
        EnvironmentVersionProperties p = resource.Properties ?? new EnvironmentVersionProperties();
        if (Definition(p) is { } json)
        {
            Environment registered = EnvironmentJson.Deserialize(json, $"The registered definition of environment '{name}'");
            registered.Name = name;
            registered.Version = resource.Name;
            return new EnvironmentRecord(name, resource.Name ?? "", EnvironmentJson.Serialize(registered), resource.SystemData?.CreatedAt ?? default);
        }

        // Registered by another tool (or curated): only the image and the conda file are known.
        var environment = new Environment(name) { Version = resource.Name };
        environment.Docker.BaseImage = p.Image;
        if (p.CondaFile is { Length: > 0 } conda && YamlJson.Parse(conda, $"the conda file of environment '{name}'") is { } node)
        {
            environment.Python.CondaDependencies = CondaDependencies.FromYaml(node, $"environment '{name}'", "condaFile");
        }
        else
        {
            environment.Python.UserManagedDependencies = true;
        }

        return new EnvironmentRecord(name, resource.Name ?? "", EnvironmentJson.Serialize(environment), resource.SystemData?.CreatedAt ?? default);
    }
}
