using System.CommandLine;
using System.Text.Json.Nodes;
using AzureML.Cli.Infrastructure;
using AzureML.Core;

namespace AzureML.Cli.Runs;

/// <summary><c>azml run submit-script|list|show|cancel|download-logs</c>.</summary>
internal static class RunCommands
{
    public static Command Create(CommandRunner runner)
    {
        var group = new Command("run", "Commands for submitting and monitoring runs.");
        group.Subcommands.Add(SubmitScriptCommand.Create(runner));
        group.Subcommands.Add(ListCommand(runner));

        var showRun = RunOption();
        group.Subcommands.Add(runner.Handle(new Command("show", "Show a run.").Required(showRun), async inv =>
        {
            Run run = await inv.Workspace.GetRunAsync(inv.Value(showRun)!, inv.CancellationToken);
            return RunJson.Details(run, await run.GetDetailsAsync(inv.CancellationToken));
        }));

        var cancelRun = RunOption();
        group.Subcommands.Add(runner.Handle(new Command("cancel", "Cancel a run; every process it started is ended.").Required(cancelRun), async inv =>
        {
            Run run = await inv.Workspace.GetRunAsync(inv.Value(cancelRun)!, inv.CancellationToken);
            await run.CancelAsync(inv.CancellationToken);
            return RunJson.Details(run, await run.GetDetailsAsync(inv.CancellationToken));
        }));

        group.Subcommands.Add(DownloadLogsCommand(runner));
        return group;
    }

    public static Option<string> RunOption() => new("--run", "-r") { Description = "The run id." };

    private static Command ListCommand(CommandRunner runner)
    {
        var experiment = new Option<string>("--experiment-name", "-e") { Description = "Only runs of this experiment." };
        // Checked when the command runs: the list of statuses is the SDK's, which --help and --version do not load.
        var status = new Option<string>("--status") { Description = "Only runs in this status: Running, Completed, Failed, Canceled…" };
        var last = new Option<int>("--last") { Description = "At most this many runs, newest first; default all." }.AtLeast(1);
        var command = new Command("list", "List runs, newest first.").With(experiment, status, last);
        return runner.Handle(command, async inv =>
        {
            IReadOnlyDictionary<string, Experiment> experiments = await inv.Workspace.GetExperimentsAsync(inv.CancellationToken);
            IEnumerable<Experiment> chosen = inv.Value(experiment) is string name ? [experiments[name]] : experiments.Values;
            RunStatus? wanted = inv.Value(status) is string s ? KnownStatus(status, s) : (RunStatus?)null;
            var runs = new List<(Run Run, RunDetails Details)>();
            foreach (Experiment e in chosen)
            {
                foreach (Run run in await e.GetRunsAsync(status: wanted, cancellationToken: inv.CancellationToken))
                {
                    runs.Add((run, await run.GetDetailsAsync(inv.CancellationToken)));
                }
            }

            IEnumerable<(Run Run, RunDetails Details)> newestFirst = runs.OrderByDescending(r => r.Details.StartTimeUtc ?? DateTimeOffset.MaxValue);
            if (inv.ParseResult.GetResult(last) is not null) newestFirst = newestFirst.Take(inv.Value(last));
            return new JsonArray(newestFirst.Select(r => (JsonNode?)RunJson.Summary(r.Run, r.Details)).ToArray());
        });
    }

    private static RunStatus KnownStatus(Option<string> option, string value)
    {
        foreach (RunStatus known in RunStatus.All)
        {
            if (known == new RunStatus(value)) return known;
        }

        throw new UsageException($"argument {option.Display()}: invalid choice: '{value}' (choose from {string.Join(", ", RunStatus.All.Select(s => $"'{s}'"))})");
    }

    private static Command DownloadLogsCommand(CommandRunner runner)
    {
        var run = RunOption();
        var outputDir = new Option<string>("--output-dir", "-d") { Description = "Folder to download the log files to." };
        var command = new Command("download-logs", "Download a run's log files.").Required(run, outputDir);
        return runner.Handle(command, async inv =>
        {
            Run found = await inv.Workspace.GetRunAsync(inv.Value(run)!, inv.CancellationToken);
            RunDetails details = await found.GetDetailsAsync(inv.CancellationToken);
            string target = inv.Context.FullPath(inv.Value(outputDir)!);
            var downloaded = new JsonArray();
            foreach (string name in details.LogFiles)
            {
                downloaded.Add(await found.DownloadFileAsync(name, Path.Combine(target, name), inv.CancellationToken));
            }

            inv.Progress.Line($"Downloaded {details.LogFiles.Count} log file(s) of run '{found.Id}' to '{target}'.");
            return downloaded;
        });
    }
}
