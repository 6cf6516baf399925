using System.Text;
using AzureML.Core.Backends.Azure.Rest;
using AzureML.Core.Data;

namespace AzureML.Core.Backends.Azure.Jobs;

/// <summary>
/// <see cref="JobSubmission"/> → CommandJob DTO (script and arguments as the job's command, dataset
/// placeholders as <c>${{inputs.name}}</c>, node count as instance count), and job DTO → <see cref="RunRecord"/>.
/// </summary>
internal static class JobConverter
{
    /// <summary>azureml-core's run type of a script run.</summary>
    public const string ScriptRunType = "azureml.scriptrun";

    /// <summary>azureml-core's run type of an AutoML parent run.</summary>
    public const string AutoMLRunType = "automl";

    public static ArmResource<JobProperties> ToCommandJob(JobSubmission submission, string codeId, string environmentId, string? computeId,
        IReadOnlyDictionary<string, JobInput> inputs, JobDistribution? distribution)
    {
        var variables = submission.Environment?.EnvironmentVariables.ToDictionary(kv => kv.Key, kv => (string?)kv.Value, StringComparer.Ordinal);
        return new ArmResource<JobProperties>
        {
            Properties = new JobProperties
            {
                JobType = "Command",
                ExperimentName = submission.ExperimentName,
                Command = Command(submission),
                CodeId = codeId,
                EnvironmentId = environmentId,
                ComputeId = computeId,
                EnvironmentVariables = variables is { Count: > 0 } ? variables : null,
                Inputs = inputs.Count == 0 ? null : inputs.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
                Resources = new JobResources { InstanceCount = submission.NodeCount },
                Distribution = distribution,
                Limits = submission.MaxRunDurationSeconds is { } seconds ? new JobLimits { JobLimitsType = "Command", Timeout = ArmValues.Duration(seconds) } : null,
                Tags = submission.Tags is null ? null : ArmValues.ToService(submission.Tags),
            },
        };
    }

    /// <summary>A dataset input as a job input (a file or a folder, as the data asset is): a mount, a download or the path itself (<c>direct</c>).</summary>
    public static JobInput ToJobInput(DatasetInput input, string uri, bool singleFile) => new()
    {
        JobInputType = singleFile ? "uri_file" : "uri_folder",
        Uri = uri,
        Mode = input.Mechanism switch
        {
            DatasetInput.Mount => "ReadOnlyMount",
            DatasetInput.Download => "Download",
            _ => "Direct",
        },
    };

    /// <summary>
    /// The job's distribution: MPI for the MPI communicators, PyTorch for NCCL and Gloo; <c>null</c> without a
    /// communicator, when each of the instance count's nodes runs the command itself.
    /// </summary>
    public static JobDistribution? Distribution(JobSubmission submission)
    {
        string kind = submission.Communicator switch
        {
            "OpenMpi" or "IntelMpi" or "Mpi" => "Mpi",
            "Nccl" or "Gloo" => "PyTorch",
            _ => "",
        };
        return kind.Length == 0 ? null : new JobDistribution { DistributionType = kind, ProcessCountPerInstance = Math.Max(1, submission.ProcessCountPerNode) };
    }

    /// <summary>How a job input reaches the script, in <see cref="DatasetInput"/>'s words.</summary>
    public static string Mechanism(string? mode) => mode switch
    {
        "ReadOnlyMount" or "ReadWriteMount" => DatasetInput.Mount,
        "Download" => DatasetInput.Download,
        _ => DatasetInput.Direct,
    };

    /// <summary>The job's command line: the explicit command, or the script with its interpreter, then the arguments.</summary>
    public static string Command(JobSubmission submission)
    {
        IEnumerable<string> parts = submission.Command is { Count: > 0 } command
            ? command
            : new[] { Interpreter(submission.Script!), submission.Script! }.Where(p => p.Length > 0).Concat(submission.Arguments);
        return string.Join(' ', parts.Select(Argument));
    }

    public static RunRecord ToRecord(ArmResource<JobProperties> resource)
    {
        JobProperties p = resource.Properties ?? new JobProperties();
        return new RunRecord
        {
            RunId = resource.Name ?? ArmValues.LastSegment(resource.Id) ?? "",
            ExperimentName = p.ExperimentName ?? "Default",
            Number = 0,
            DisplayName = p.DisplayName,
            Status = p.Status ?? RunStatus.NotStarted.ToString(),
            RunType = p.JobType switch { "Command" => ScriptRunType, "AutoML" => AutoMLRunType, { } other => other, null => ScriptRunType },
            Target = ArmValues.LastSegment(p.ComputeId),
            CreatedTime = resource.SystemData?.CreatedAt ?? default,
            Tags = ArmValues.ToRecord(p.Tags),
            Properties = ArmValues.ToRecord(p.Properties),
        };
    }

    /// <summary>The studio URL the service gives a job, when it gives one.</summary>
    public static Uri? StudioUri(ArmResource<JobProperties> resource)
        => resource.Properties?.Services is { } services && services.TryGetValue("Studio", out JobService? studio)
            && Uri.TryCreate(studio.Endpoint, UriKind.Absolute, out Uri? uri) ? uri : null;

    private static string Interpreter(string script)
        => Path.GetExtension(script).ToLowerInvariant() switch { ".py" => "python", ".sh" => "bash", ".r" => "Rscript", _ => "" };

    /// <summary>A dataset placeholder becomes the input's binding; anything else is quoted for a POSIX shell when it needs it.</summary>
    private static string Argument(string value)
    {
        if (value.StartsWith(DatasetConsumptionConfig.PlaceholderPrefix, StringComparison.Ordinal))
        {
            return "${{inputs." + value[DatasetConsumptionConfig.PlaceholderPrefix.Length..] + "}}";
        }

        if (value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,+@%".Contains(c))) return value;
        var quoted = new StringBuilder("'");
        quoted.Append(value.Replace("'", "'\\''", StringComparison.Ordinal));
        return quoted.Append('\'').ToString();
    }
}
