using System.Globalization;

namespace AzureML.Core;

/// <summary>
/// How large a source directory may be when a run snapshots it. Checked before anything is copied, so an
/// oversized folder fails fast with the biggest offenders named.
/// </summary>
/// <param name="MaxSizeBytes">The total size allowed; default 300 MB, as on the service.</param>
/// <param name="MaxFileCount">The number of files allowed; default 2,000, as on the service.</param>
public sealed record SnapshotLimits(long MaxSizeBytes, int MaxFileCount)
{
    /// <summary>The variable that overrides the default size limit, in megabytes.</summary>
    public const string MaxSizeVariable = "AZUREML_SNAPSHOT_MAX_SIZE_MB";

    /// <summary>The variable that overrides the default file-count limit.</summary>
    public const string MaxFilesVariable = "AZUREML_SNAPSHOT_MAX_FILES";

    /// <summary>300 MB and 2,000 files, unless <see cref="MaxSizeVariable"/> or <see cref="MaxFilesVariable"/> say otherwise.</summary>
    public static SnapshotLimits Default => new(
        ReadVariable(MaxSizeVariable, 300) * 1024 * 1024,
        (int)ReadVariable(MaxFilesVariable, 2000));

    private static long ReadVariable(string name, long fallback)
    {
        string? text = System.Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) && value > 0) return value;
        throw new UserErrorException($"The environment variable {name} must be a positive whole number, got '{text}'.");
    }
}
