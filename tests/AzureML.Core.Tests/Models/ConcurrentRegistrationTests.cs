using System.Diagnostics;
using AzureML.TestUtilities;
using NUnit.Framework;

namespace AzureML.Core.Tests.Models;

/// <summary>Several OS processes register the same model name at the same moment.</summary>
[Category("Integration")]
[Category(Faults.FaultSuite.Category)]
public class ConcurrentRegistrationTests
{
    private const int Writers = 8;

    [Test]
    public async Task Register_EightProcessesAtOnce_VersionsOneToEightWithIntactFiles()
    {
        using var folder = new TestFolder();
        string workspacePath = folder.Combine("ws");
        Workspace workspace = Workspace.Local(workspacePath);
        string barrier = folder.Combine("go");
        string program = BuildRegisterProgram(folder);
        var sources = new List<string>();
        for (int i = 0; i < Writers; i++)
        {
            sources.Add(folder.Combine($"writer{i}", "model"));
            folder.Write($"writer{i}/model/meta/writer.txt", i.ToString());
            File.WriteAllBytes(folder.Combine($"writer{i}", "model", "weights.bin"), Weights(i));
        }

        // Arrange: every process opens the workspace, says it is ready, then waits for the barrier file.
        List<Process> processes = Enumerable.Range(0, Writers)
            .Select(i => Process.Start(new ProcessStartInfo("dotnet", new[] { program, workspacePath, barrier, sources[i], i.ToString(), folder.Combine($"ready{i}") })
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!)
            .ToList();
        try
        {
            await WaitUntil(() => Enumerable.Range(0, Writers).All(i => File.Exists(folder.Combine($"ready{i}"))), TimeSpan.FromSeconds(60));

            // Act
            var clock = Stopwatch.StartNew();
            File.WriteAllText(barrier, "");
            string[] outputs = await Task.WhenAll(processes.Select(async p =>
            {
                string output = await p.StandardOutput.ReadToEndAsync() + await p.StandardError.ReadToEndAsync();
                await p.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
                return $"exit {p.ExitCode}: {output}";
            }));
            clock.Stop();
            TestContext.Out.WriteLine($"{Writers} concurrent registrations finished {clock.ElapsedMilliseconds} ms after the barrier.");

            // Assert
            IReadOnlyList<Model> models = Model.List(workspace, "raced");
            Assert.That(outputs, Has.All.StartWith("exit 0"), string.Join("\n", outputs));
            Assert.That(models.Select(m => m.Version).Order(), Is.EqualTo(Enumerable.Range(1, Writers)));
            Assert.That(models.Select(m => m.Tags["writer"]).Order(), Is.EqualTo(Enumerable.Range(0, Writers).Select(i => i.ToString())));
            Assert.Multiple(() =>
            {
                foreach (Model model in models)
                {
                    int writer = int.Parse(model.Tags["writer"]);
                    string downloaded = model.Download(folder.Combine("check", model.Version.ToString()));
                    Assert.That(File.ReadAllBytes(Path.Combine(downloaded, "weights.bin")), Is.EqualTo(Weights(writer)), $"weights of {model.Id}");
                    Assert.That(File.ReadAllText(Path.Combine(downloaded, "meta", "writer.txt")), Is.EqualTo(writer.ToString()), $"meta of {model.Id}");
                }

                Assert.That(Directory.GetDirectories(Path.Combine(workspacePath, "models", "raced")).Select(Path.GetFileName).Order(),
                    Is.EqualTo(Enumerable.Range(1, Writers).Select(v => v.ToString()).Order()));
                Assert.That(Directory.EnumerateFileSystemEntries(Path.Combine(workspacePath, "models", ".staging")), Is.Empty);
            });
            Faults.FaultTable.Record($"{Writers} processes register one model name at the same moment", "versions 1..N, unique, each with its own intact files",
                $"versions {string.Join(",", models.Select(m => m.Version).Order())} in {clock.ElapsedMilliseconds} ms, no 'database is locked'");
        }
        finally
        {
            foreach (Process process in processes)
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
                process.Dispose();
            }
        }
    }

    /// <summary>Large enough that copying takes a while, distinct per writer so a mix-up shows.</summary>
    private static byte[] Weights(int writer)
    {
        var bytes = new byte[512 * 1024];
        new Random(writer).NextBytes(bytes);
        return bytes;
    }

    private static string BuildRegisterProgram(TestFolder folder)
    {
        string source = folder.Write("app/register.cs", $$"""
            #:project {{RepositoryPaths.CoreProject}}
            using AzureML.Core;

            // args: workspace, barrier file, model folder, writer index, ready file
            Workspace workspace = Workspace.Local(args[0]);
            File.WriteAllText(args[4], "");
            while (!File.Exists(args[1])) Thread.Sleep(2);
            Model model = Model.Register(workspace, args[2], "raced", tags: new Dictionary<string, string> { ["writer"] = args[3] });
            Console.WriteLine(model.Id);
            """);
        string output = folder.Combine("app", "bin");
        using Process build = Process.Start(new ProcessStartInfo("dotnet", new[] { "build", source, "-o", output })
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        string log = build.StandardOutput.ReadToEnd() + build.StandardError.ReadToEnd();
        build.WaitForExit();
        Assert.That(build.ExitCode, Is.EqualTo(0), log);
        return Path.Combine(output, "register.dll");
    }

    private static async Task WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout) Assert.Fail($"The writer processes were not ready within {timeout}.");
            await Task.Delay(20);
        }
    }
}
