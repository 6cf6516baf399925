using AzureML.Cli;
using AzureML.Cli.Infrastructure;

return await AzmlApp.RunAsync(args, CliContext.FromConsole());
