using AzureML.Core.Backends.Azure.Rest;

namespace AzureML.Core.Backends.Azure.Assets;

/// <summary>
/// <see cref="Environment"/> ↔ environment version DTO: the Docker base image becomes <c>image</c>, the conda
/// specification becomes <c>condaFile</c> (its content). A registry password is never sent.
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
            },
        };
    }

    public static EnvironmentRecord ToRecord(string name, ArmResource<EnvironmentVersionProperties> resource)
    {
        EnvironmentVersionProperties p = resource.Properties ?? new EnvironmentVersionProperties();
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
