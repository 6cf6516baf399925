using AzureML.Core;
using NUnit.Framework;

namespace AzureML.TestUtilities;

/// <summary>A fixture base: every test gets a new temporary folder with a local workspace in it.</summary>
public abstract class LocalWorkspaceTest
{
    /// <summary>The test's temporary folder.</summary>
    protected TestFolder Folder { get; private set; } = null!;

    /// <summary>A local workspace in <c>Folder/ws</c>.</summary>
    protected Workspace Ws { get; private set; } = null!;

    [SetUp]
    public void CreateWorkspace()
    {
        Folder = new TestFolder();
        Ws = Workspace.Local(Folder.Combine("ws"));
    }

    [TearDown]
    public void DeleteWorkspace() => Folder.Dispose();
}
