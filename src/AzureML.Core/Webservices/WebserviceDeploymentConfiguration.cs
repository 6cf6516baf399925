using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace AzureML.Core.Webservices;

/// <summary>
/// Where and how a model is deployed: the base of <see cref="AciServiceDeploymentConfiguration"/> and
/// <see cref="LocalWebserviceDeploymentConfiguration"/>. On a local workspace every configuration becomes a
/// local service; the compute type is recorded and reported.
/// </summary>
public abstract class WebserviceDeploymentConfiguration
{
    /// <summary>For subclasses.</summary>
    /// <param name="computeType">The compute type: <c>ACI</c>, <c>AKS</c> or <c>Local</c>.</param>
    protected WebserviceDeploymentConfiguration(string computeType) => ComputeType = computeType;

    /// <summary>The compute type: <c>ACI</c>, <c>AKS</c> or <c>Local</c>.</summary>
    public string ComputeType { get; }

    /// <summary>CPU cores reserved for the service.</summary>
    public double? CpuCores { get; init; }

    /// <summary>Memory reserved for the service, in GB.</summary>
    public double? MemoryGb { get; init; }

    /// <summary>Tags for the service.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>Properties for the service.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    /// <summary>A description.</summary>
    public string? Description { get; init; }

    /// <summary>Whether callers must send <c>Authorization: Bearer &lt;key&gt;</c>.</summary>
    public bool AuthEnabled { get; init; }

    /// <summary>The port to listen on; <c>null</c> picks a free one.</summary>
    public int? Port { get; init; }

    /// <summary>A chosen primary key; generated when <c>null</c>.</summary>
    public string? PrimaryKey { get; init; }

    /// <summary>A chosen secondary key; generated when <c>null</c>.</summary>
    public string? SecondaryKey { get; init; }

    /// <summary>
    /// Loads the CLI's deployment configuration file (<c>deploymentconfig.json</c>, <c>aciDeploymentConfig.yml</c>):
    /// <c>computeType</c> (<c>ACI</c>, <c>AKS</c> or <c>local</c>), <c>containerResourceRequirements</c>
    /// (<c>cpu</c>, <c>memoryInGB</c>), <c>authEnabled</c>, <c>port</c>, <c>keys</c>, tags, properties, description.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <exception cref="UserErrorException">The file is missing or malformed; the message names the key and line.</exception>
    public static WebserviceDeploymentConfiguration Load(string path)
    {
        string full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new UserErrorException($"The deployment configuration file '{full}' does not exist.");
        string source = $"'{full}'";
        YamlSection root = YamlSection.Root(YamlJson.Parse(File.ReadAllText(full), source), source, new UnknownKeys(), "a deployment configuration");
        string computeType = root.Choice("computeType", new[] { "ACI", "aci", "AKS", "aks", "local", "Local" }) ?? "ACI";
        YamlSection? resources = root.Section("containerResourceRequirements");
        YamlSection? keys = root.Section("keys");
        double? cpu = resources is null ? null : ReadDouble(resources, "cpu");
        double? memory = resources is null ? null : ReadDouble(resources, "memoryInGB");
        return computeType.ToUpperInvariant() switch
        {
            "LOCAL" => new LocalWebserviceDeploymentConfiguration(root.Int("port", min: 1)),
            _ => new AciServiceDeploymentConfiguration(computeType.ToUpperInvariant())
            {
                CpuCores = cpu ?? AciWebservice.DefaultCpuCores,
                MemoryGb = memory ?? AciWebservice.DefaultMemoryGb,
                AuthEnabled = root.Bool("authEnabled") ?? computeType.Equals("AKS", StringComparison.OrdinalIgnoreCase),
                Tags = root.StringMap("tags") ?? new Dictionary<string, string>(),
                Properties = root.StringMap("properties") ?? new Dictionary<string, string>(),
                Description = root.String("description"),
                Location = root.String("location"),
                DnsNameLabel = root.String("dnsNameLabel"),
                PrimaryKey = keys?.String("primaryKey"),
                SecondaryKey = keys?.String("secondaryKey"),
            },
        };
    }

    private static double? ReadDouble(YamlSection section, string key)
    {
        YamlNode? node = section.NonEmpty(key);
        if (node is null) return null;
        if (node is YamlScalarNode scalar && double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value > 0)
        {
            return value;
        }

        throw section.Error(node, key, "must be a positive number");
    }
}
