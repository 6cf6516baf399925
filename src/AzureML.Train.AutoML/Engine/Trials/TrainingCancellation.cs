using System.Reflection;
using Microsoft.ML;

namespace AzureML.Train.AutoML.Engine.Trials;

/// <summary>
/// Stops an ML.NET training in the middle. ML.NET trainers check their context between iterations, but the
/// method that flags a context as canceled is not public (ML.NET's own AutoML reaches it as a friend
/// assembly), so it is looked up once by name. Should a future ML.NET rename it, trials still stop between
/// folds; the cancellation tests say so.
/// </summary>
internal static class TrainingCancellation
{
    private static readonly MethodInfo? s_cancel = typeof(MLContext).GetMethod("CancelExecution", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public, Type.EmptyTypes);

    /// <summary>Whether trainings can be stopped part-way.</summary>
    public static bool Supported => s_cancel is not null;

    /// <summary>Cancels <paramref name="ml"/>'s trainings when <paramref name="token"/> is canceled.</summary>
    public static CancellationTokenRegistration Link(MLContext ml, CancellationToken token)
        => s_cancel is null ? default : token.Register(() => s_cancel.Invoke(ml, null));
}
