namespace AzureML.Core.Backends.Azure.Tracking;

/// <summary>
/// MLflow runs ↔ <see cref="RunRecord"/>: MLflow's status words become azureml-core's, the run's params are its
/// properties (both write-once), and the SDK's own fields (run type, target, error) ride in tags it reserves.
/// </summary>
internal static class MlflowRunConverter
{
    /// <summary>The tag MLflow gives a child run.</summary>
    public const string ParentRunTag = "mlflow.parentRunId";

    public const string RunTypeTag = "azureml.sdk.runType";
    public const string TargetTag = "azureml.sdk.target";
    public const string ErrorCodeTag = "azureml.sdk.errorCode";
    public const string ErrorMessageTag = "azureml.sdk.errorMessage";

    public static RunRecord ToRecord(MlflowRun run, string experimentName)
    {
        MlflowRunInfo info = run.Info ?? new MlflowRunInfo();
        Dictionary<string, string> tags = Pairs(run.Data?.Tags);
        string? Tag(string key) => tags.TryGetValue(key, out string? value) ? value : null;
        string status = ToStatus(info.Status);
        return new RunRecord
        {
            RunId = info.RunId ?? info.RunUuid ?? "",
            ExperimentName = experimentName,
            Number = 0,
            DisplayName = info.RunName,
            Status = status,
            ParentRunId = Tag(ParentRunTag),
            RunType = Tag(RunTypeTag) ?? Jobs.JobConverter.ScriptRunType,
            Target = Tag(TargetTag),
            CreatedTime = Time(info.StartTime) ?? default,
            StartTime = Time(info.StartTime),
            EndTime = Time(info.EndTime),
            Tags = UserTags(tags),
            Properties = Pairs(run.Data?.Params),
            Error = Tag(ErrorMessageTag) is { } message ? new RunError(Tag(ErrorCodeTag) ?? "UserError", message) : null,
        };
    }

    /// <summary>The tags a user set: without MLflow's and the SDK's own.</summary>
    public static IReadOnlyDictionary<string, string> UserTags(IReadOnlyDictionary<string, string> tags)
        => tags.Where(t => !t.Key.StartsWith("mlflow.", StringComparison.Ordinal) && !t.Key.StartsWith("azureml.sdk.", StringComparison.Ordinal))
            .ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);

    /// <summary>azureml-core's status for MLflow's.</summary>
    public static string ToStatus(string? mlflowStatus) => mlflowStatus switch
    {
        "RUNNING" => RunStatus.Running.ToString(),
        "SCHEDULED" => RunStatus.Queued.ToString(),
        "FINISHED" => RunStatus.Completed.ToString(),
        "FAILED" => RunStatus.Failed.ToString(),
        "KILLED" => RunStatus.Canceled.ToString(),
        _ => RunStatus.NotStarted.ToString(),
    };

    /// <summary>MLflow's status for azureml-core's, for the statuses an MLflow run can be put in.</summary>
    public static string ToMlflowStatus(RunStatus status)
    {
        if (status == RunStatus.Completed) return "FINISHED";
        if (status == RunStatus.Failed) return "FAILED";
        if (status == RunStatus.Canceled) return "KILLED";
        if (status == RunStatus.Running) return "RUNNING";
        if (status == RunStatus.Queued || status == RunStatus.NotStarted) return "SCHEDULED";
        throw new UserErrorException($"An interactive run on Azure cannot be put in status {status}; it is Running until it is completed, failed or canceled.")
        {
            ErrorCode = AzureMLErrorCode.NotSupported,
        };
    }

    /// <summary>Key-value pairs as a dictionary; a key given twice keeps its last value.</summary>
    public static Dictionary<string, string> Pairs(IEnumerable<MlflowKeyValue>? pairs)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (MlflowKeyValue pair in pairs ?? Array.Empty<MlflowKeyValue>()) result[pair.Key] = pair.Value ?? "";
        return result;
    }

    private static DateTimeOffset? Time(long? epochMilliseconds) => epochMilliseconds is long ms and > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
