using System.Diagnostics;

namespace AzureML.Core.Backends.Azure.Rest;

/// <summary>Unwraps the result of an operation that ran with <c>async: false</c>.</summary>
internal static class ValueTaskExtensions
{
    /// <summary>
    /// Returns the result of a value task that completed synchronously because every await inside it was on
    /// the pipeline's synchronous <c>Send</c>; it never blocks on pending work.
    /// </summary>
    public static T EnsureCompleted<T>(this ValueTask<T> task)
    {
        Debug.Assert(task.IsCompleted, "An operation called with async: false awaited something asynchronous.");
        if (!task.IsCompleted) throw new InvalidOperationException("A synchronous call completed asynchronously; this is a bug in the SDK.");
        return task.GetAwaiter().GetResult();
    }

    /// <inheritdoc cref="EnsureCompleted{T}(ValueTask{T})"/>
    public static void EnsureCompleted(this ValueTask task)
    {
        Debug.Assert(task.IsCompleted, "An operation called with async: false awaited something asynchronous.");
        if (!task.IsCompleted) throw new InvalidOperationException("A synchronous call completed asynchronously; this is a bug in the SDK.");
        task.GetAwaiter().GetResult();
    }
}
