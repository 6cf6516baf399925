using AzureML.Core.Backends.Local;
using AzureML.TestUtilities;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace AzureML.Core.Tests.Backends.Local;

public class LocalDatabaseTests
{
    [Test]
    public void Open_NewFolder_CreatesTheLatestSchemaInWalMode()
    {
        using var folder = new TestFolder();
        string file = folder.Combine("workspace.db");

        using (LocalDatabase.OpenFile(file)) { }
        using LocalDatabase again = LocalDatabase.OpenFile(file); // opening twice migrates nothing twice

        Assert.Multiple(() =>
        {
            Assert.That(again.Read(c => Scalar(c, "SELECT MAX(version) FROM schema_version;")), Is.EqualTo((long)LocalSchema.Migrations.Count));
            Assert.That(again.Read(c => Scalar(c, "SELECT COUNT(*) FROM schema_version;")), Is.EqualTo((long)LocalSchema.Migrations.Count));
            Assert.That(again.Read(c => Scalar(c, "PRAGMA journal_mode;")), Is.EqualTo("wal"));
        });
    }

    [Test]
    public void Open_SchemaNewerThanThisSdk_IsRefusedWithAClearMessage()
    {
        using var folder = new TestFolder();
        string file = folder.Combine("workspace.db");
        using (LocalDatabase database = LocalDatabase.OpenFile(file))
        {
            database.Write((c, t) => LocalRunStore.Execute(c, t, "INSERT INTO schema_version (version) VALUES (99);"));
        }

        Assert.That(() => LocalDatabase.OpenFile(file), Throws.TypeOf<AzureMLException>()
            .With.Message.Contains("schema version 99").And.Message.Contains("Upgrade AzureML.Core"));
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
