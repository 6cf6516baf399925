using System.Text;
using AzureML.Core.Data;
using AzureML.Core.Webservices;
using AzureML.TestUtilities;
using NUnit.Framework;

namespace AzureML.Core.Tests.Faults;

/// <summary>No secret the workspace was given or made (service keys, account keys, SAS tokens) is in any of its files in plain text.</summary>
[Category("Integration")]
[Category(FaultSuite.Category)]
public class SecretFaultTests : LocalWorkspaceTest
{
    [Test]
    public void Workspace_AfterKeysDatastoreSecretsAndScoring_NoFileHoldsASecretInPlainText()
    {
        const string accountKey = "c2VjcmV0LWFjY291bnQta2V5LW5ldmVyLWluLWEtZmlsZQ==";
        const string sasToken = "sv=2024-11-04&ss=b&srt=co&sp=rl&sig=NeverInAFile%2Bsig%3D";
        const string chosenKey = "chosen-primary-key-never-in-a-file";
        AzureBlobDatastore.RegisterAzureBlobContainer(Ws, "withkey", "container", "account", accountKey: accountKey, skipValidation: true);
        AzureBlobDatastore.RegisterAzureBlobContainer(Ws, "withsas", "container", "account", sasToken: sasToken, skipValidation: true);
        string file = ServiceTestModels.WriteIrisClassifier(Folder.Combine("model"));
        Model model = Model.Register(Ws, file, "iris", modelFramework: Model.Framework.Onnx);
        Webservice service = Model.Deploy(Ws, "keyed", new[] { model }, deploymentConfig: AciWebservice.DeployConfiguration(authEnabled: true, primaryKey: chosenKey));
        try
        {
            service.WaitForDeployment(timeoutSec: 120);
            (string primary, string secondary) = service.GetKeys();
            using var http = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, service.ScoringUri) { Content = new StringContent("{\"data\": [[5.1, 3.5, 1.4, 0.2]]}") };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", primary);
            using HttpResponseMessage scored = http.Send(request);
            service.RegenKey("Secondary");
            string regenerated = service.GetKeys().Secondary;

            string[] secrets = [accountKey, sasToken, "NeverInAFile", chosenKey, primary, secondary, regenerated];
            List<string> files = Directory.EnumerateFiles(Folder.Combine("ws"), "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }).ToList();
            List<string> found = files.SelectMany(f => secrets.Where(secret => Holds(f, secret)).Select(secret => $"{Path.GetRelativePath(Folder.Path, f)} holds '{secret}'")).ToList();

            Assert.Multiple(() =>
            {
                Assert.That(scored.IsSuccessStatusCode, Is.True, "the key works");
                Assert.That(primary, Is.EqualTo(chosenKey));
                Assert.That(found, Is.Empty);
            });
            FaultTable.Record("secret scan of every workspace file (database, WAL, logs, service files)",
                "no service key, account key or SAS token in plain text", $"{files.Count} files, {secrets.Length} secrets, {found.Count} found");
        }
        finally
        {
            service.Delete();
        }
    }

    private static bool Holds(string file, string secret)
    {
        byte[] content;
        try
        {
            content = File.ReadAllBytes(file);
        }
        catch (IOException)
        {
            return false; // removed while we looked (a temporary file)
        }

        return content.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) >= 0 || content.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)) >= 0;
    }
}
