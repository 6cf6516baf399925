// One workspace operation per start, then exit; the fault tests start this program and end it at chosen points.
//   submit <workspace> <source folder> <script>   submits a run, prints its id and exits at once
//   register <workspace> <folder> <name>          registers a model folder (killed part-way by the tests)
//   upload <workspace> <folder> <target>          uploads a folder to the default datastore (killed part-way by the tests)
using AzureML.Core;

if (args.Length != 4)
{
    Console.Error.WriteLine("usage: submit|register|upload <workspace> <folder> <script|name|target>");
    return 2;
}

Workspace workspace = Workspace.Local(args[1]);
switch (args[0])
{
    case "submit":
        Run run = new Experiment(workspace, "submitted-then-left").Submit(new ScriptRunConfig(args[2], args[3]));
        Console.WriteLine(run.Id);
        return 0;
    case "register":
        Console.WriteLine(Model.Register(workspace, args[2], args[3]).Id);
        return 0;
    case "upload":
        workspace.GetDefaultDatastore().Upload(args[2], args[3], showProgress: false);
        return 0;
    default:
        Console.Error.WriteLine($"Unknown operation '{args[0]}'.");
        return 2;
}
