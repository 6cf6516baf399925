using NUnit.Framework;

namespace AzureML.Core.Tests.Experiments;

/// <summary>
/// The interpreter a submitted Python script runs on, and what the run's streamed output says about it. A
/// virtual environment without the system's packages plays the first python3 on PATH that lacks scikit-learn.
/// </summary>
[Category("Integration")]
public class RunInterpreterTests : LocalWorkspaceTest
{
    private string _bare = null!;

    [SetUp]
    public void CreateBareInterpreter() => _bare = TestPython.BareVenv(Folder.Combine("bare"), TestPython.With("sklearn", "joblib"));

    private Environment Named(string name, params string[] condaPackages)
    {
        var environment = new Environment(name);
        environment.Python.InterpreterPath = _bare;
        if (condaPackages.Length > 0)
        {
            environment.Python.CondaDependencies = new CondaDependencies();
            foreach (string package in condaPackages) environment.Python.CondaDependencies.AddCondaPackage(package);
        }

        return environment;
    }

    private (RunDetails Details, List<string> Lines) SubmitAndStream(string script, Environment environment)
    {
        var config = new ScriptRunConfig(Folder.Combine("src"), script);
        config.RunConfig.Environment = environment;
        var lines = new List<string>();
        RunDetails details = new Experiment(Ws, "interpreters").Submit(config).WaitForCompletionAsync(lines.Add, raiseOnError: false).GetAwaiter().GetResult();
        return (details, lines);
    }

[Test]
    public void Submit_PinsThatDiffer_ArePrintedInTheStreamedOutput()
    {
        Folder.Write("src/train.py", "import sklearn\nprint('trained')\n");
        Environment environment = Named("old-python", "scikit-learn==0.24.2");
        environment.Python.CondaDependencies!.SetPythonVersion("3.6.2");

        (RunDetails details, List<string> lines) = SubmitAndStream("train.py", environment);

        Assert.Multiple(() =>
        {
            Assert.That(details.Status, Is.EqualTo(RunStatus.Completed), string.Join("\n", lines));
            Assert.That(lines, Has.One.StartWith("Python: ").And.Contain("for environment 'old-python'"));
            Assert.That(lines, Has.One.StartWith("Python version differs: environment 'old-python' asks for python=3.6.2"));
            Assert.That(lines, Has.One.StartWith("Package version differs: scikit-learn: the environment asks for 0.24.2"));
            Assert.That(lines.IndexOf("trained"), Is.GreaterThan(lines.FindIndex(l => l.StartsWith("Python: ", StringComparison.Ordinal))), "the notes come before the script's output");
        });
    }

    [Test]
    public void Submit_NoEnvironmentPackages_ScriptImportingScikitLearnRunsOnAnInterpreterThatHasIt()
    {
        Folder.Write("src/train.py", "import joblib\nfrom sklearn.svm import SVC\nimport helpers\nprint(helpers.GREETING)\n");
        Folder.Write("src/helpers.py", "GREETING = 'trained with ' + __import__('sys').executable\n");

        (RunDetails details, List<string> lines) = SubmitAndStream("train.py", Named("bare-first"));

        Assert.Multiple(() =>
        {
            Assert.That(details.Status, Is.EqualTo(RunStatus.Completed), string.Join("\n", lines));
            Assert.That(lines, Has.One.StartWith("Python: ").And.Contain("can import the script's imports (joblib, sklearn)").And.Contain($"Passed over: {_bare}"));
            Assert.That(lines, Has.One.StartWith("trained with ").And.Not.Contain(_bare));
        });
    }

    [Test]
    public void Submit_PackagesNoInterpreterHas_FailsNamingDebianPackagesOnlyWhereTheyExist()
    {
        Assume.That(TestPython.CanImport(TestPython.With("sklearn"), "toolz"), Is.False, "this check needs a machine without toolz");
        Assume.That(TestPython.Run("apt-cache", "show", "python3-toolz").ExitCode, Is.Zero, "this check needs Debian's package lists (apt-get update)");
        Folder.Write("src/train.py", "print('never runs')\n");

        (RunDetails details, List<string> lines) = SubmitAndStream("train.py", Named("dl-env", "scikit-learn", "tensorflow", "toolz"));
        string message = details.Error!.Message;

        Assert.Multiple(() =>
        {
            Assert.That(details.Status, Is.EqualTo(RunStatus.Failed));
            Assert.That(message, Does.Contain("Missing: tensorflow, toolz"));
            Assert.That(message, Does.Contain("'sudo apt-get install python3-toolz'"));
            Assert.That(message, Does.Not.Contain("python3-tensorflow"), "Debian has no TensorFlow package");
            Assert.That(message, Does.Contain("No Debian package provides tensorflow")
                .And.Contain("python3 -m venv --system-site-packages ~/.venvs/dl-env && ~/.venvs/dl-env/bin/pip install tensorflow")
                .And.Contain("Environment.Python.InterpreterPath = \"~/.venvs/dl-env/bin/python\""));
            Assert.That(lines, Has.Some.Contain("Missing: tensorflow, toolz"), "the streamed output says it too");
        });
    }

    [Test]
    public void Submit_PinnedPythonVersionInstalledElsewhere_RunsOnThatVersion()
    {
        (string Path, string MajorMinor)? other = TestPython.OtherVersionThan(TestPython.VersionOf("python3"));
        Assume.That(other, Is.Not.Null, "this check needs a second Python version (pyenv) on the machine");
        Folder.Write("src/version.py", "import sys\nprint('running %d.%d' % sys.version_info[:2])\n");
        var environment = new Environment("pinned");
        environment.Python.CondaDependencies = new CondaDependencies();
        environment.Python.CondaDependencies.SetPythonVersion(other!.Value.MajorMinor);

        (RunDetails details, List<string> lines) = SubmitAndStream("version.py", environment);

        Assert.Multiple(() =>
        {
            Assert.That(details.Status, Is.EqualTo(RunStatus.Completed), string.Join("\n", lines));
            Assert.That(lines, Has.One.EqualTo($"running {other.Value.MajorMinor}"));
            Assert.That(lines, Has.One.StartWith("Python: ").And.Contain($"matches python={other.Value.MajorMinor}"));
            Assert.That(lines, Has.None.StartWith("Python version differs"));
        });
    }
}
