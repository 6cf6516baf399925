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
    public Environment Register(Workspace workspace) => RegisterAsync(workspace).EnsureCompleted();

    /// <inheritdoc cref="Register(Workspace)"/>
    /// <param name="workspace">The workspace.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<Environment> RegisterAsync(Workspace workspace, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(workspace, nameof(workspace));
        if (string.IsNullOrWhiteSpace(Name)) throw new UserErrorException("Cannot register an environment without a name.");
        string? reserved = ReservedPrefixes.FirstOrDefault(p => Name.StartsWith(p, StringComparison.OrdinalIgnoreCase));
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
        => GetAsync(workspace, name, version).EnsureCompleted();

    /// <inheritdoc cref="Get(Workspace, string, string?)"/>
    /// <param name="workspace">The workspace.</param>
    /// <param name="name">The environment name.</param>
    /// <param name="version">The version; default the latest.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async Task<Environment> GetAsync(Workspace workspace, string name, string? version = null, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(workspace, nameof(workspace));
        Argument.NotNullOrEmpty(name, nameof(name));
        Environment? curated = CuratedEnvironments.Get(name, version);
        if (curated is not null) return curated;

        EnvironmentStore store = workspace.Backend.Environments;
        EnvironmentRecord? record = await store.GetAsync(name, version, cancellationToken).ConfigureAwait(false);
        if (record is not null) return FromRecord(record);

        EnvironmentRecord? latest = version is null ? null : await store.GetAsync(name, null, cancellationToken).ConfigureAwait(false);
        if (latest is not null)
        {
            throw new UserErrorException($"Environment '{name}' has no version '{version}' in workspace '{workspace.Name}'; versions 1 to {latest.Version} exist.");
        }

        if (CuratedEnvironments.Get(name, null) is not null)
        {
            throw new UserErrorException($"Curated environment '{name}' has no version '{version}'; its version is {CuratedEnvironments.Version}.");
        }

        IReadOnlyList<EnvironmentRecord> registered = await store.ListAsync(cancellationToken).ConfigureAwait(false);
        string registeredNames = registered.Count == 0 ? "none" : string.Join(", ", registered.Select(r => r.Name));
        throw new UserErrorException(
            $"Environment '{name}' was not found in workspace '{workspace.Name}'. Registered environments: {registeredNames}. " +
            $"Curated environments: {string.Join(", ", CuratedEnvironments.Names)}. Register it first with environment.Register(workspace).");
    }

    /// <summary>The latest version of every registered environment, and the curated environments, by name.</summary>
    /// <param name="workspace">The workspace.</param>
    public static IReadOnlyDictionary<string, Environment> List(Workspace workspace) => ListAsync(workspace).EnsureCompleted();

    /// <inheritdoc cref="List(Workspace)"/>
    /// <param name="workspace">The workspace.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async Task<IReadOnlyDictionary<string, Environment>> ListAsync(Workspace workspace, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(workspace, nameof(workspace));
        IReadOnlyList<EnvironmentRecord> records = await workspace.Backend.Environments.ListAsync(cancellationToken).ConfigureAwait(false);
        var result = CuratedEnvironments.All().ToDictionary(e => e.Name, StringComparer.Ordinal);
        foreach (EnvironmentRecord record in records) result[record.Name] = FromRecord(record);
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
