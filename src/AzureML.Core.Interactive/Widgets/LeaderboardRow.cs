using AzureML.Core;

namespace AzureML.Widgets;

/// <summary>One trial of an AutoML run, as <see cref="Leaderboard"/> ranks it.</summary>
/// <param name="Rank">1 for the best score; trials without a score come last.</param>
/// <param name="Iteration">The trial's iteration number, when known.</param>
/// <param name="RunId">The child run's id.</param>
/// <param name="Algorithm">The learner (<c>run_algorithm</c>), e.g. <c>LightGBM</c>.</param>
/// <param name="Preprocessor">The featurization before it (<c>run_preprocessor</c>), when recorded.</param>
/// <param name="Status">The child run's status.</param>
/// <param name="Score">The primary metric, when the trial logged it.</param>
/// <param name="Duration">How long the trial ran, when it started.</param>
/// <param name="IsBest">True for the trial the AutoML run chose as best.</param>
public sealed record LeaderboardRow(
    int Rank,
    int? Iteration,
    string RunId,
    string Algorithm,
    string? Preprocessor,
    RunStatus Status,
    double? Score,
    TimeSpan? Duration,
    bool IsBest);
