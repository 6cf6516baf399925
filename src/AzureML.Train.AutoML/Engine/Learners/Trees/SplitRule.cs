namespace AzureML.Train.AutoML.Engine.Learners.Trees;

/// <summary>How a <see cref="TreeBuilder"/> places the threshold of a feature it tries at a node.</summary>
internal enum SplitRule
{
    /// <summary>One threshold drawn uniformly between the feature's smallest and largest value (extremely randomized trees).</summary>
    RandomThreshold,

    /// <summary>The midpoint between two neighbouring distinct values that reduces the error most (CART, random forests).</summary>
    BestThreshold,
}
