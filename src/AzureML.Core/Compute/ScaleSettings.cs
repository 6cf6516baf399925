namespace AzureML.Core.Compute;

/// <summary>How far a cluster scales: its node limits and how long idle nodes stay.</summary>
public sealed class ScaleSettings
{
    internal ScaleSettings(int minimumNodeCount, int maximumNodeCount, int idleSecondsBeforeScaledown)
    {
        MinimumNodeCount = minimumNodeCount;
        MaximumNodeCount = maximumNodeCount;
        IdleSecondsBeforeScaledown = idleSecondsBeforeScaledown;
    }

    /// <summary>The nodes kept even when no run needs them.</summary>
    public int MinimumNodeCount { get; }

    /// <summary>The most nodes the cluster grows to.</summary>
    public int MaximumNodeCount { get; }

    /// <summary>How long an idle node stays before it is scaled down.</summary>
    public int IdleSecondsBeforeScaledown { get; }

    /// <summary>The settings as the service serializes them (<c>nodeIdleTimeBeforeScaleDown</c> as an ISO 8601 duration).</summary>
    public IReadOnlyDictionary<string, object?> Serialize() => new Dictionary<string, object?>
    {
        ["minNodeCount"] = MinimumNodeCount,
        ["maxNodeCount"] = MaximumNodeCount,
        ["nodeIdleTimeBeforeScaleDown"] = $"PT{IdleSecondsBeforeScaledown}S",
    };

    /// <summary>The limits and scale-down time, e.g. <c>1-3 nodes, idle nodes leave after 120 s</c>.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{MinimumNodeCount}-{MaximumNodeCount} nodes, idle nodes leave after {IdleSecondsBeforeScaledown} s");
}
