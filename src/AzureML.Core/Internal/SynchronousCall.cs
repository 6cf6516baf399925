namespace AzureML.Core.Internal;

/// <summary>
/// Runs the asynchronous twin of a blocking public method as a synchronous call. While it runs, backends that
/// can (the Azure one) make every service call with the HTTP pipeline's synchronous <c>Send</c>, so the task
/// they return has already completed and nothing blocks on pending work; backends that do no asynchronous I/O
/// (the local SQLite one) ignore the mark.
/// </summary>
/// <remarks>
/// The mark flows with the execution context, so it reaches every store the async twin calls, however deep.
/// Work that cannot be synchronous (parallel blob transfers) checks <see cref="IsActive"/> and runs on the
/// thread pool while the caller waits, which captures no synchronization context and so cannot deadlock.
/// </remarks>
internal static class SynchronousCall
{
    private static readonly AsyncLocal<bool> s_active = new();

    /// <summary>True inside <see cref="Run{T}(Func{Task{T}})"/>: the caller is blocked and wants synchronous I/O.</summary>
    public static bool IsActive => s_active.Value;

    /// <summary>Runs <paramref name="call"/> marked synchronous and returns its result, unwrapping its exception.</summary>
    public static T Run<T>(Func<Task<T>> call)
    {
        Task<T> task = Start(call);
        return task.GetAwaiter().GetResult();
    }

    /// <inheritdoc cref="Run{T}(Func{Task{T}})"/>
    public static void Run(Func<Task> call)
    {
        Task task = Start(call);
        task.GetAwaiter().GetResult();
    }

    private static TTask Start<TTask>(Func<TTask> call)
    {
        bool outer = s_active.Value;
        s_active.Value = true;
        try
        {
            return call();
        }
        finally
        {
            s_active.Value = outer;
        }
    }
}
