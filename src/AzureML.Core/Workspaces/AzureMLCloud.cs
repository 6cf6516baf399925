using Azure.Identity;
using AzureML.Core.Internal;

namespace AzureML.Core;

/// <summary>
/// The Azure cloud a workspace lives in: where Azure Resource Manager answers, the audience its tokens are
/// issued for, and the Microsoft Entra authority that issues them. Use <see cref="AzureCloud"/>,
/// <see cref="AzureChinaCloud"/> or <see cref="AzureUSGovernment"/> (azureml-core's <c>cloud</c> names), or
/// the constructor for a private or custom cloud.
/// </summary>
public sealed class AzureMLCloud
{
    /// <summary>Creates a description of a custom cloud.</summary>
    /// <param name="name">A name for messages and <see cref="FromName"/>, for example <c>AzureStackHub</c>.</param>
    /// <param name="resourceManagerEndpoint">The Azure Resource Manager endpoint, for example <c>https://management.azure.com/</c>.</param>
    /// <param name="resourceManagerAudience">The audience of Resource Manager tokens; the token scope is this followed by <c>/.default</c>.</param>
    /// <param name="authorityHost">The Microsoft Entra authority, for example <c>https://login.microsoftonline.com/</c>.</param>
    public AzureMLCloud(string name, Uri resourceManagerEndpoint, string resourceManagerAudience, Uri authorityHost)
    {
        Name = Argument.NotNullOrEmpty(name, nameof(name));
        ResourceManagerEndpoint = RequireAbsoluteHttps(resourceManagerEndpoint, nameof(resourceManagerEndpoint));
        ResourceManagerAudience = Argument.NotNullOrEmpty(resourceManagerAudience, nameof(resourceManagerAudience)).TrimEnd('/');
        AuthorityHost = RequireAbsoluteHttps(authorityHost, nameof(authorityHost));
    }

    /// <summary>The global Azure cloud (the default).</summary>
    public static AzureMLCloud AzureCloud { get; } = new("AzureCloud", new Uri("https://management.azure.com/"),
        "https://management.azure.com", AzureAuthorityHosts.AzurePublicCloud);

    /// <summary>Azure operated by 21Vianet in China.</summary>
    public static AzureMLCloud AzureChinaCloud { get; } = new("AzureChinaCloud", new Uri("https://management.chinacloudapi.cn/"),
        "https://management.chinacloudapi.cn", AzureAuthorityHosts.AzureChina);

    /// <summary>Azure Government (United States).</summary>
    public static AzureMLCloud AzureUSGovernment { get; } = new("AzureUSGovernment", new Uri("https://management.usgovcloudapi.net/"),
        "https://management.usgovcloudapi.net", AzureAuthorityHosts.AzureGovernment);

    /// <summary>The cloud's name.</summary>
    public string Name { get; }

    /// <summary>The Azure Resource Manager endpoint every control-plane call goes to.</summary>
    public Uri ResourceManagerEndpoint { get; }

    /// <summary>The audience of Resource Manager tokens (no trailing slash).</summary>
    public string ResourceManagerAudience { get; }

    /// <summary>The Microsoft Entra authority credentials sign in with.</summary>
    public Uri AuthorityHost { get; }

    /// <summary>The token scope for Resource Manager and the workspace's data-plane services.</summary>
    public string ResourceManagerScope => ResourceManagerAudience + "/.default";

    /// <summary>Returns the cloud azureml-core names <paramref name="name"/> (case-insensitive).</summary>
    /// <param name="name"><c>AzureCloud</c>, <c>AzureChinaCloud</c> or <c>AzureUSGovernment</c>.</param>
    /// <exception cref="UserErrorException">The name is not one of those.</exception>
    public static AzureMLCloud FromName(string name)
    {
        Argument.NotNullOrEmpty(name, nameof(name));
        foreach (AzureMLCloud cloud in new[] { AzureCloud, AzureChinaCloud, AzureUSGovernment })
        {
            if (cloud.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) return cloud;
        }

        throw new UserErrorException($"Unknown cloud '{name}'. Use AzureCloud, AzureChinaCloud or AzureUSGovernment, " +
            "or describe a custom cloud with new AzureMLCloud(name, resourceManagerEndpoint, resourceManagerAudience, authorityHost).");
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({ResourceManagerEndpoint})";

    private static Uri RequireAbsoluteHttps(Uri? uri, string name)
    {
        Argument.NotNull(uri, name);
        if (!uri!.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback))
        {
            throw new ArgumentException($"'{name}' must be an absolute https URI (http is allowed only for loopback), not '{uri}'.", name);
        }

        return uri;
    }
}
