using System.Text.Json.Nodes;

namespace AzureML.Core;

/// <summary>
/// The resources a model needs to score: CPU cores, memory and GPUs. Recorded with a registered model
/// and used as the default size of a deployment. Mirrors <c>azureml.core.resource_configuration.ResourceConfiguration</c>.
/// </summary>
public sealed record ResourceConfiguration
{
    /// <summary>Describes the resources; leave a value <c>null</c> when it does not matter.</summary>
    /// <param name="cpu">CPU cores, more than 0 (fractions allowed, e.g. 0.5).</param>
    /// <param name="memoryInGB">Memory in GB, more than 0.</param>
    /// <param name="gpu">GPUs, 0 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public ResourceConfiguration(double? cpu = null, double? memoryInGB = null, int? gpu = null)
    {
        if (cpu is double c && !(c > 0 && double.IsFinite(c)))
            throw new ArgumentOutOfRangeException(nameof(cpu), cpu, $"ResourceConfiguration cpu must be a number of cores above 0, got {c}.");
        if (memoryInGB is double m && !(m > 0 && double.IsFinite(m)))
            throw new ArgumentOutOfRangeException(nameof(memoryInGB), memoryInGB, $"ResourceConfiguration memoryInGB must be above 0, got {m}.");
        if (gpu is < 0)
            throw new ArgumentOutOfRangeException(nameof(gpu), gpu, $"ResourceConfiguration gpu must be 0 or more, got {gpu}.");
        Cpu = cpu;
        MemoryInGB = memoryInGB;
        Gpu = gpu;
    }

    /// <summary>CPU cores, or <c>null</c> when not specified.</summary>
    public double? Cpu { get; }

    /// <summary>Memory in GB, or <c>null</c> when not specified.</summary>
    public double? MemoryInGB { get; }

    /// <summary>GPUs, or <c>null</c> when not specified.</summary>
    public int? Gpu { get; }

    /// <summary>The azureml-core JSON form: <c>{"cpu": 1, "memoryInGB": 0.5, "gpu": null}</c>.</summary>
    public string Serialize() => new JsonObject { ["cpu"] = Cpu, ["memoryInGB"] = MemoryInGB, ["gpu"] = Gpu }.ToJsonString();

    /// <summary>The resources that are set, e.g. <c>1 CPU, 0.5 GB</c>; <c>no resources set</c> when none is.</summary>
    public override string ToString()
    {
        string[] parts = new[]
            {
                Cpu is { } cpu ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{cpu} CPU") : null,
                MemoryInGB is { } memory ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{memory} GB") : null,
                Gpu is { } gpu ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{gpu} GPU") : null,
            }
            .OfType<string>()
            .ToArray();
        return parts.Length == 0 ? "no resources set" : string.Join(", ", parts);
    }

    /// <summary>Reads the form <see cref="Serialize"/> writes.</summary>
    /// <param name="json">The JSON object.</param>
    /// <exception cref="UserErrorException">The text is not such an object.</exception>
    public static ResourceConfiguration Deserialize(string json)
    {
        try
        {
            JsonObject obj = JsonNode.Parse(json)?.AsObject() ?? throw new FormatException("null");
            return new ResourceConfiguration(obj["cpu"]?.GetValue<double>(), obj["memoryInGB"]?.GetValue<double>(), obj["gpu"]?.GetValue<int>());
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or FormatException or ArgumentOutOfRangeException)
        {
            throw new UserErrorException($"'{json}' is not a resource configuration; expected {{\"cpu\": <cores>, \"memoryInGB\": <GB>, \"gpu\": <count>}}.", ex);
        }
    }
}
