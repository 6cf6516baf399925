using NUnit.Framework;

namespace AzureML.Core.Tests.Backends.Contract;

/// <summary>The backend contract on a local workspace.</summary>
public class LocalWorkspaceContractTests : WorkspaceContractTest
{
    private TestFolder _folder = null!;

    protected override Workspace OpenWorkspace()
    {
        _folder = new TestFolder();
        return Workspace.Local(_folder.Combine("ws"));
    }

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();
}
