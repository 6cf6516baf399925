namespace AzureML.Core;

/// <summary>A container registry that holds an environment's base image. Mirrors <c>azureml.core.ContainerRegistry</c>.</summary>
public sealed class ContainerRegistry
{
    /// <summary>The registry's DNS name or IP address, for example <c>myregistry.azurecr.io</c>.</summary>
    public string? Address { get; set; }

    /// <summary>The user name for the registry.</summary>
    public string? Username { get; set; }

    /// <summary>The password for the registry.</summary>
    public string? Password { get; set; }
}
