using AzureML.Core.Backends;
using AzureML.Core.Internal;

namespace AzureML.Core;

public sealed partial class Environment
{
    private static readonly string[] ReservedPrefixes = ["Microsoft", "AzureML"];

    /// <summary>
    /// Registers this environment in the workspace. The same definition as the latest version returns that
    /// version; a changed one becomes the next version (1, 2, 3…).
    /// </summary>
    /// <param name="workspace">The workspace.</param>
    /// <returns>The registered environment, with <see cref="Version"/> set. This object is not changed.</returns>
    /// <exception cref="UserErrorException">The name is reserved (starts with <c>Microsoft</c> or <c>AzureML</c>) or the definition is inconsistent.</exception>
    public Environment Register(Workspace workspace) => SynchronousCall.Run(() => RegisterAsync(workspace));

    /// <inheritdoc cref="Register(Workspace)"/>
    /// <param name="workspace">The workspace.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<Environment> RegisterAsync(Workspace workspace, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(workspace, nameof(workspace));
        if (string.IsNullOrWhiteSpace(Name)) throw new UserErrorException("Cannot register an environment without a name.");
        string? reserved = IsReserved(Name) ? ReservedPrefixes.First(p => Name.StartsWith(p, StringComparison.OrdinalIgnoreCase)) : null;
        if (reserved is not null)
        {
            throw new UserErrorException(
                $"Cannot register environment '{Name}': names starting with '{reserved}' are reserved for curated environments " +
                $"(Microsoft*, AzureML*). Choose another name, for example with Clone(\"my-{Name}\").");
        }

        Validate("register");
        // The version is the registry's to assign, so it is no part of the definition compared and stored.
        Environment definition = Clone(Name);
        EnvironmentRecord record = await workspace.Backend.Environments
            .RegisterAsync(Name, EnvironmentJson.Serialize(definition), cancellationToken).ConfigureAwait(false);
        return FromRecord(record);
    }

    /// <summary>Returns a registered or curated environment.</summary>
    /// <param name="workspace">The workspace.</param>
    /// <param name="name">The environment name.</param>
    /// <param name="version">The version; default the latest.</param>
    /// <exception cref="UserErrorException">No such environment or version; the message lists what exists.</exception>
    public static Environment Get(Workspace workspace, string name, string? version = null)
        => SynchronousCall.Run(() => GetAsync(workspace, name, version));

    /// <inheritdoc cref="Get(Workspace, string, string?)"/>
    /// <param name="workspace">The workspace.</param>
    /// <param name="name">The environment name.</param>
    /// <param name="version">The version; default the latest.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async Task<Environment> GetAsync(Workspace workspace, string name, string? version = null, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(workspace, nameof(workspace));
        Argument.NotNullOrEmpty(name, nameof(name));
        EnvironmentStore store = workspace.Backend.Environments;

        // Only curated environments may carry the reserved prefixes, so those names are looked up there alone.
        if (IsReserved(name))
        {
            EnvironmentRecord? curated = await store.GetCuratedAsync(name, version, cancellationToken).ConfigureAwait(false);
            if (curated is not null) return FromRecord(curated);
            EnvironmentRecord? anyVersion = version is null ? null : await store.GetCuratedAsync(name, null, cancellationToken).ConfigureAwait(false);
            throw new UserErrorException(anyVersion is not null
                ? $"Curated environment '{name}' has no version '{version}'; its latest version is {anyVersion.Version}."
                : $"'{name}' is not a curated environment of workspace '{workspace.Name}'{await CuratedNamesAsync(store, cancellationToken).ConfigureAwait(false)}.")
            {
                ErrorCode = AzureMLErrorCode.ResourceNotFound,
            };
        }

        EnvironmentRecord? record = await store.GetAsync(name, version, cancellationToken).ConfigureAwait(false);
        if (record is not null) return FromRecord(record);

        EnvironmentRecord? latest = version is null ? null : await store.GetAsync(name, null, cancellationToken).ConfigureAwait(false);
        if (latest is not null)
        {
            throw new UserErrorException($"Environment '{name}' has no version '{version}' in workspace '{workspace.Name}'; versions 1 to {latest.Version} exist.")
            {
                ErrorCode = AzureMLErrorCode.ResourceNotFound,
            };
        }

        List<string> registered = await store.ListAsync(cancellationToken).Select(r => r.Name).Take(21).ToListAsync(cancellationToken).ConfigureAwait(false);
        string registeredNames = registered.Count == 0 ? "none" : string.Join(", ", registered.Take(20)) + (registered.Count > 20 ? ", …" : "");
        throw new UserErrorException(
            $"Environment '{name}' was not found in workspace '{workspace.Name}'. Registered environments: {registeredNames}" +
            $"{await CuratedNamesAsync(store, cancellationToken).ConfigureAwait(false)}. Register it first with environment.Register(workspace).")
        {
            ErrorCode = AzureMLErrorCode.ResourceNotFound,
        };
    }

    private static bool IsReserved(string name) => ReservedPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    private static async Task<string> CuratedNamesAsync(EnvironmentStore store, CancellationToken cancellationToken)
    {
        List<string> curated = await store.ListCuratedAsync(cancellationToken).Select(r => r.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
        return curated.Count == 0 ? "" : $". Curated environments: {string.Join(", ", curated)}";
    }

    /// <summary>The latest version of every registered environment, and the curated environments, by name.</summary>
    /// <param name="workspace">The workspace.</param>
    public static IReadOnlyDictionary<string, Environment> List(Workspace workspace) => SynchronousCall.Run(() => ListAsync(workspace));

    /// <inheritdoc cref="List(Workspace)"/>
    /// <param name="workspace">The workspace.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async Task<IReadOnlyDictionary<string, Environment>> ListAsync(Workspace workspace, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(workspace, nameof(workspace));
        EnvironmentStore store = workspace.Backend.Environments;
        var result = new Dictionary<string, Environment>(StringComparer.Ordinal);
        await foreach (EnvironmentRecord record in store.ListCuratedAsync(cancellationToken).ConfigureAwait(false)) result[record.Name] = FromRecord(record);
        await foreach (EnvironmentRecord record in store.ListAsync(cancellationToken).ConfigureAwait(false)) result[record.Name] = FromRecord(record);
        return result;
    }

    private static Environment FromRecord(EnvironmentRecord record)
    {
        Environment environment = EnvironmentJson.Deserialize(record.DefinitionJson, $"The registered definition of environment '{record.Name}'");
        environment.Name = record.Name;
        environment.Version = record.Version;
        return environment;
    }
}
