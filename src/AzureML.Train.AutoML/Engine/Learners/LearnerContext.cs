using AzureML.Train.AutoML.Engine.Data;

namespace AzureML.Train.AutoML.Engine.Learners;

/// <summary>What a learner needs to know about the problem to size its search space and build its trainer.</summary>
internal sealed record LearnerContext
{
    public required TaskKind Task { get; init; }

    /// <summary>The classes (classification only).</summary>
    public ClassLabels? Classes { get; init; }

    /// <summary>Training rows (sizes ranges such as the number of trees).</summary>
    public required int Rows { get; init; }

    public bool HasWeights { get; init; }

    /// <summary>Threads one trial may use.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>The seed of every random choice a trainer makes.</summary>
    public int Seed { get; init; }

    public bool IsBinary => Classes is { IsBinary: true };

    public bool IsMulticlass => Classes is { IsBinary: false };
}
