namespace AzureML.Core.Backends;

/// <summary>Everything a backend needs to start a script run.</summary>
internal sealed record JobSubmission
{
    public required string ExperimentName { get; init; }

    /// <summary>The source folder the user points at; backends snapshot it and never write to it.</summary>
    public required string SourceDirectory { get; init; }

    /// <summary>The script relative to <see cref="SourceDirectory"/>, or <c>null</c> when <see cref="Command"/> is set.</summary>
    public string? Script { get; init; }

    public IReadOnlyList<string> Arguments { get; init; } = Array.Empty<string>();

    /// <summary>An explicit command line (program then arguments) instead of a script.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>The run's type: a script run, or the kind of run another package submits as a process (<c>automl</c>).</summary>
    public string RunType { get; init; } = "azureml.scriptrun";

    /// <summary>Properties the run starts with, besides the ones every submitted run gets.</summary>
    public IReadOnlyDictionary<string, string>? Properties { get; init; }

    public string Target { get; init; } = "local";
    public int NodeCount { get; init; } = 1;

    /// <summary>How the nodes of a distributed run talk: <c>None</c>, an MPI (<c>OpenMpi</c>, <c>IntelMpi</c>, <c>Mpi</c>) or PyTorch's (<c>Nccl</c>, <c>Gloo</c>).</summary>
    public string Communicator { get; init; } = "None";

    /// <summary>The processes each node of a distributed run starts.</summary>
    public int ProcessCountPerNode { get; init; } = 1;
    public long? MaxRunDurationSeconds { get; init; }
    public Environment? Environment { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
    public SnapshotLimits SnapshotLimits { get; init; } = SnapshotLimits.Default;

    /// <summary>Dataset inputs by name: the run configuration's data section and DatasetConsumptionConfig arguments.</summary>
    public IReadOnlyDictionary<string, DatasetInput> DatasetInputs { get; init; } = new Dictionary<string, DatasetInput>();
    public string? DefinitionJson { get; init; }
}
