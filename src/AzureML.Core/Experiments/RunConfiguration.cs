namespace AzureML.Core;

/// <summary>
/// How to run a script: arguments, target, environment, node count, data and limits. Mirrors
/// <c>azureml.core.RunConfiguration</c> and its <c>.runconfig</c> file (see <see cref="Save"/> and <see cref="Load"/>).
/// </summary>
public partial class RunConfiguration
{
    /// <summary>The values <see cref="Framework"/> allows.</summary>
    public static readonly IReadOnlyList<string> Frameworks = ["Python", "PySpark", "TensorFlow", "PyTorch", "CNTK"];

    /// <summary>The values <see cref="Communicator"/> allows.</summary>
    public static readonly IReadOnlyList<string> Communicators = ["None", "ParameterServer", "OpenMpi", "IntelMpi", "Gloo", "Nccl", "Mpi", "ParallelTask"];

    /// <summary>Creates a configuration with azureml-core's defaults.</summary>
    /// <param name="script">The script to run, relative to the source directory.</param>
    /// <param name="arguments">Arguments for the script.</param>
    /// <param name="command">A command to run instead of a script.</param>
    public RunConfiguration(string? script = null, IEnumerable<object>? arguments = null, IEnumerable<string>? command = null)
    {
        Script = script;
        Arguments = arguments?.ToList() ?? new List<object>();
        Command = command?.ToList() ?? new List<string>();
    }

    /// <summary>The script, relative to the source directory.</summary>
    public string? Script { get; set; }

    /// <summary>Arguments for the script: strings, numbers, or dataset inputs.</summary>
    public IList<object> Arguments { get; set; }

    /// <summary>The compute target name; <c>local</c> runs on this machine.</summary>
    public string Target { get; set; } = "local";

    /// <summary>The framework: <c>Python</c>, <c>PySpark</c>, <c>TensorFlow</c>, <c>PyTorch</c> or <c>CNTK</c>.</summary>
    public string Framework { get; set; } = "Python";

    /// <summary>The communicator for distributed runs: <c>None</c>, <c>ParameterServer</c>, <c>OpenMpi</c>, <c>IntelMpi</c>, <c>Gloo</c>, <c>Nccl</c>, <c>Mpi</c>, <c>ParallelTask</c>.</summary>
    public string Communicator { get; set; } = "None";

    /// <summary>The longest the run may take, in seconds; <c>null</c> for no limit.</summary>
    public long? MaxRunDurationSeconds { get; set; }

    /// <summary>How many nodes (processes) the run uses.</summary>
    public int NodeCount { get; set; } = 1;

    /// <summary>The job priority on the compute, or <c>null</c> for its default.</summary>
    public int? Priority { get; set; }

    /// <summary>The environment the script runs in.</summary>
    public Environment Environment { get; set; } = new(AzureML.Core.Environment.DefaultName);

    /// <summary>A command (program then arguments) to run instead of <see cref="Script"/>.</summary>
    public IList<string> Command { get; set; }

    /// <summary>Variables set for the run's process, on top of <see cref="Environment"/>'s.</summary>
    public IDictionary<string, string> EnvironmentVariables { get; set; } = new Dictionary<string, string>();

    /// <summary>What the run records.</summary>
    public HistoryConfiguration History { get; set; } = new();

    /// <summary>Spark settings for PySpark runs.</summary>
    public SparkConfiguration Spark { get; set; } = new();

    /// <summary>Container use; unset values defer to the environment's <see cref="DockerSection"/>.</summary>
    public DockerConfiguration Docker { get; set; } = new();

    /// <summary>HDInsight settings.</summary>
    public HdiConfiguration Hdi { get; set; } = new();

    /// <summary>Distributed TensorFlow settings.</summary>
    public TensorflowConfiguration Tensorflow { get; set; } = new();

    /// <summary>MPI settings.</summary>
    public MpiConfiguration Mpi { get; set; } = new();

    /// <summary>Distributed PyTorch settings.</summary>
    public PyTorchConfiguration PyTorch { get; set; } = new();

    /// <summary>Parallel task settings.</summary>
    public ParallelTaskConfiguration ParallelTask { get; set; } = new();

    /// <summary>Datastore paths made available to the run, by name.</summary>
    public IDictionary<string, DataReferenceConfiguration> DataReferences { get; set; } = new Dictionary<string, DataReferenceConfiguration>();

    /// <summary>Named data inputs (datasets or datastore paths), by name.</summary>
    public IDictionary<string, RunConfigurationData> Data { get; set; } = new Dictionary<string, RunConfigurationData>();

    /// <summary>Named outputs, by name.</summary>
    public IDictionary<string, OutputData> OutputData { get; set; } = new Dictionary<string, OutputData>();

    /// <summary>The datastore that holds the project share, or <c>null</c>.</summary>
    public string? SourceDirectoryDataStore { get; set; }

    /// <summary>A cluster created for this run (deprecated in azureml-core).</summary>
    public AmlComputeConfiguration AmlCompute { get; set; } = new();

    /// <summary>Access data with the submitting user's identity instead of the compute's.</summary>
    public bool CredentialPassthrough { get; set; }

    /// <summary>Keys of a loaded file this SDK does not model, written back by <see cref="Save"/>.</summary>
    internal UnknownKeys UnknownKeys { get; init; } = new();
}
