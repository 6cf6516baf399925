namespace AzureML.Core.Internal;

/// <summary>Blocks on tasks for the synchronous twins of async methods.</summary>
internal static class TaskExtensions
{
    /// <summary>
    /// Waits for a task and unwraps its exception. Every awaited call below the facades uses
    /// <c>ConfigureAwait(false)</c>, so blocking here cannot deadlock on a synchronization context.
    /// </summary>
    public static T EnsureCompleted<T>(this Task<T> task) => task.GetAwaiter().GetResult();

    /// <inheritdoc cref="EnsureCompleted{T}(Task{T})"/>
    public static void EnsureCompleted(this Task task) => task.GetAwaiter().GetResult();
}
