using System.Runtime.InteropServices;
using AzureML.Train.AutoML.Local;

// SIGTERM and Ctrl+C stop the experiment between steps; the workspace ends runs it cancels by stopping this process.
using var stop = new CancellationTokenSource();
using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
return await AutoMLRunner.RunAsync(args, stop.Token);
