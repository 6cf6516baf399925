using AzureML.Core.Backends.Azure.Rest;

namespace AzureML.Core.Backends.Azure.Assets;

/// <summary>The next number of a numbered asset (1, 2, …), as the container reports it.</summary>
internal static class AssetVersions
{
    /// <summary>
    /// The container's <c>nextVersion</c>, else one more than its numbered <c>latestVersion</c>, else <c>1</c> for a
    /// new name. The service settles races: a PUT of a version that exists updates it, so callers that must not
    /// replace check the version first.
    /// </summary>
    /// <exception cref="UserErrorException">The name's versions are not numbers (registered by another tool).</exception>
    public static string Next(ArmResource<AssetContainerProperties>? container, string kind, string name)
    {
        AssetContainerProperties? p = container?.Properties;
        if (p is null) return "1";
        if (ArmValues.IntVersion(p.NextVersion) is int next) return next.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (p.LatestVersion is null) return "1";
        if (ArmValues.IntVersion(p.LatestVersion) is int latest) return (latest + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        throw new UserErrorException(
            $"The {kind} '{name}' has the version '{p.LatestVersion}', which is not a number, so this SDK cannot choose the next one; register under another name.")
        {
            ErrorCode = AzureMLErrorCode.UnexpectedResponse,
        };
    }
}
