using System.Text.RegularExpressions;

namespace AzureML.Core.Compute;

/// <summary>The checks the service makes before it creates or changes a compute target.</summary>
internal static partial class ComputeValidation
{
    /// <summary>The name every workspace reserves for this machine.</summary>
    public const string LocalTarget = "local";

    /// <summary>
    /// Cluster names: 2–16 characters, letters, digits and hyphens, starting with a letter and not ending
    /// with a hyphen (azureml-core's AmlCompute rule).
    /// </summary>
    public static void ClusterName(string name)
        => Name(name, ClusterNamePattern(), "AmlCompute names must be 2 to 16 characters long, use only letters, digits and hyphens, start with a letter and not end with a hyphen");

    /// <summary>
    /// Compute instance names: 3–24 characters, letters, digits and hyphens, starting with a letter; digits
    /// may not end the name right after a hyphen (the service's ComputeInstance rule).
    /// </summary>
    public static void InstanceName(string name)
        => Name(name, InstanceNamePattern(), "ComputeInstance names must be 3 to 24 characters long, use only letters, digits and hyphens, start with a letter, and not end with a hyphen followed only by digits");

    /// <summary>Scale settings: at least one node at most, no more at least than at most, a non-negative idle time.</summary>
    public static void Scale(int minNodes, int maxNodes, int idleSecondsBeforeScaledown)
    {
        if (minNodes < 0) throw new ComputeTargetException($"minNodes must be 0 or more, got {minNodes}.") { ErrorCode = AzureMLErrorCode.InvalidScaleSettings };
        if (maxNodes < 1) throw new ComputeTargetException($"maxNodes must be at least 1, got {maxNodes}.") { ErrorCode = AzureMLErrorCode.InvalidScaleSettings };
        if (minNodes > maxNodes)
        {
            throw new ComputeTargetException($"minNodes ({minNodes}) must not be larger than maxNodes ({maxNodes}).") { ErrorCode = AzureMLErrorCode.InvalidScaleSettings };
        }

        if (idleSecondsBeforeScaledown < 0)
        {
            throw new ComputeTargetException($"idleSecondsBeforeScaledown must be 0 or more, got {idleSecondsBeforeScaledown}.") { ErrorCode = AzureMLErrorCode.InvalidScaleSettings };
        }
    }

    /// <summary>The priority in its canonical spelling: <c>dedicated</c> or <c>lowpriority</c>.</summary>
    public static string VmPriority(string vmPriority) => vmPriority.ToLowerInvariant() switch
    {
        "dedicated" => "dedicated",
        "lowpriority" => "lowpriority",
        _ => throw new ComputeTargetException($"vmPriority '{vmPriority}' is not supported; use \"dedicated\" or \"lowpriority\".") { ErrorCode = AzureMLErrorCode.InvalidVmPriority },
    };

    private static void Name(string name, Regex pattern, string rule)
    {
        if (string.Equals(name, LocalTarget, StringComparison.OrdinalIgnoreCase))
        {
            throw new ComputeTargetException($"'{name}' is reserved for running on this machine; choose another name.") { ErrorCode = AzureMLErrorCode.InvalidComputeName };
        }

        if (!pattern.IsMatch(name)) throw new ComputeTargetException($"'{name}' is not a valid compute name. {rule}.") { ErrorCode = AzureMLErrorCode.InvalidComputeName };
    }

    [GeneratedRegex("^[A-Za-z](?:[A-Za-z0-9-]{0,14}[A-Za-z0-9])$")]
    private static partial Regex ClusterNamePattern();

    [GeneratedRegex("^(?!.*-[0-9]+$)[A-Za-z][A-Za-z0-9-]{1,22}[A-Za-z0-9]$")]
    private static partial Regex InstanceNamePattern();
}
