using AzureML.Core.Backends.Local;
using NUnit.Framework;

namespace AzureML.Core.Tests.Backends.Local;

/// <summary>
/// Which interpreter a local run gets. A virtual environment without the system's packages plays the first
/// interpreter on PATH that lacks scikit-learn, the way a pyenv or plain python3 often does.
/// </summary>
[Category("Integration")]
public class PythonEnvironmentResolverTests
{
    private TestFolder _folder = null!;
    private string _withSklearn = null!;
    private string _bare = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = new TestFolder();
        _withSklearn = TestPython.With("sklearn", "joblib");
        _bare = TestPython.BareVenv(_folder.Combine("bare"), _withSklearn);
    }

    [TearDown]
    public void TearDown() => _folder.Dispose();

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

    [Test]
    public void Resolve_NoPackagesListed_ChoosesAnInterpreterThatImportsTheScriptsImportsAndSaysWhy()
    {
        PythonEnvironmentResolver.Resolution resolution = PythonEnvironmentResolver.Resolve(Named("no-packages"), ["joblib", "sklearn"]);

        Assert.Multiple(() =>
        {
            Assert.That(resolution.Interpreter!.Path, Is.Not.EqualTo(_bare));
            Assert.That(TestPython.CanImport(resolution.Interpreter.Path, "joblib", "sklearn"), Is.True, resolution.Interpreter.Path);
            Assert.That(resolution.Notes[0], Does.StartWith($"Python: {resolution.Interpreter.Path} (Python {resolution.Interpreter.Version})")
                .And.Contain("the first that can import the script's imports (joblib, sklearn)")
                .And.Contain($"Passed over: {_bare} (Python").And.Contain("lacks joblib, sklearn"));
        });
    }

    [Test]
    public void Resolve_NoInterpreterImportsEverything_RunsOnTheClosestAndNamesTheMissingModules()
    {
        PythonEnvironmentResolver.Resolution resolution = PythonEnvironmentResolver.Resolve(Named("no-packages"), ["sklearn", "module_nobody_has"]);

        Assert.Multiple(() =>
        {
            Assert.That(resolution.Problem, Is.Null);
            Assert.That(TestPython.CanImport(resolution.Interpreter!.Path, "sklearn"), Is.True);
            Assert.That(resolution.Notes[0], Does.Contain("no interpreter here can import every module the script imports").And.Contain("lacks module_nobody_has"));
            Assert.That(resolution.Notes[1], Does.Contain("pip install module_nobody_has").And.Contain("python3 -m venv"));
        });
    }

    [Test]
    public void Resolve_PythonPinNoInterpreterHas_SaysSoAndKeepsTheChoice()
    {
        Environment environment = Named("old-python", "scikit-learn");
        environment.Python.CondaDependencies!.SetPythonVersion("3.6.2");

        PythonEnvironmentResolver.Resolution resolution = PythonEnvironmentResolver.Resolve(environment, []);

        Assert.Multiple(() =>
        {
            Assert.That(TestPython.CanImport(resolution.Interpreter!.Path, "sklearn"), Is.True);
            Assert.That(resolution.Notes, Has.One.StartWith("Python version differs: environment 'old-python' asks for python=3.6.2, but no suitable interpreter here has it")
                .And.Contain($"running on Python {resolution.Interpreter.Version}"));
        });
    }

    [Test]
    public void Resolve_PackagePinDiffers_IsANote()
    {
        PythonEnvironmentResolver.Resolution resolution = PythonEnvironmentResolver.Resolve(Named("pinned", "scikit-learn==0.24.2"), []);

        Assert.That(resolution.Notes, Has.One.StartWith("Package version differs: scikit-learn: the environment asks for 0.24.2, ")
            .And.Contain(resolution.Interpreter!.Path));
    }
}
