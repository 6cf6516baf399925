using AzureML.Core.Internal;

namespace AzureML.Core.Data;

/// <summary>Turns the paths given to a dataset factory into definition sources, the workspace they bind to, and a validation.</summary>
internal static class DatasetFactorySources
{
    public static (List<DatasetSource> Sources, Workspace? Workspace) From(IEnumerable<DataPath> paths)
    {
        List<DataPath> list = Argument.NotNull(paths, nameof(paths)).ToList();
        if (list.Count == 0) throw new UserErrorException("Give at least one path: a local file or folder, a (datastore, \"path\") pair, or an http(s) URL.");
        Workspace[] workspaces = list.Select(p => p.Datastore?.Workspace).OfType<Workspace>().Distinct().ToArray();
        if (workspaces.Length > 1) throw new UserErrorException("The paths name datastores of different workspaces; a dataset reads from one workspace.");
        return (list.Select(p => p.ToSource()).ToList(), workspaces.FirstOrDefault());
    }

    /// <summary>Checks that every local and datastore source matches a file. URLs are fetched only when the data is read.</summary>
    public static void Validate(DatasetDefinition definition, Workspace? workspace)
    {
        var reachable = definition with { Sources = definition.Sources.Where(s => s.Kind != DatasetSource.UrlKind).ToList() };
        using var materialization = new DatasetMaterialization(workspace);
        SynchronousCall.Run(() => materialization.ListFilesAsync(reachable, CancellationToken.None));
    }
}
