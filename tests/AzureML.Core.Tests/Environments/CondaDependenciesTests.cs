using AzureML.TestUtilities;
using NUnit.Framework;

namespace AzureML.Core.Tests.Environments;

public class CondaDependenciesTests
{
    [Test]
    public void Ctor_CondaFile_ReadsPythonPackagesPipAndChannels()
    {
        var conda = new CondaDependencies(Fixtures.Path("environments", "sklearn-env.yml"));

        Assert.Multiple(() =>
        {
            Assert.That(conda.PythonVersion, Is.EqualTo("3.10"));
            Assert.That(conda.CondaPackages, Is.EqualTo(new[] { "scikit-learn=1.3.2", "numpy>=1.24", "pip" }));
            Assert.That(conda.PipPackages, Is.EqualTo(new[] { "azureml-core", "joblib==1.3.2" }));
            Assert.That(conda.PipOptions, Is.EqualTo(new[] { "--extra-index-url https://pypi.example.org/simple" }));
            Assert.That(conda.CondaChannels, Is.EqualTo(new[] { "conda-forge" }));
        });
    }

    [Test]
    public void Save_UnchangedFile_KeepsKeysEntriesAndOrder()
    {
        using var folder = new TestFolder();
        var conda = new CondaDependencies(Fixtures.Path("environments", "sklearn-env.yml"));

        string saved = conda.Save(folder.Combine("copy.yml"));

        Assert.That(File.ReadAllText(saved), Is.EqualTo(
            "name: sklearn-env\nchannels:\n- conda-forge\ndependencies:\n- python=3.10\n- scikit-learn=1.3.2\n- numpy>=1.24\n- pip\n" +
            "- pip:\n  - --extra-index-url https://pypi.example.org/simple\n  - azureml-core\n  - joblib==1.3.2\nvariables:\n  OMP_NUM_THREADS: 1\n"));
    }

    [Test]
    public void Save_WithoutPath_WritesBackToSourceFile()
    {
        using var folder = new TestFolder();
        string path = Fixtures.CopyTo(folder, "environments", "sklearn-env.yml", "env.yml");
        var conda = new CondaDependencies(path);
        conda.AddPipPackage("lightgbm");

        conda.Save();

        Assert.That(new CondaDependencies(path).PipPackages, Does.Contain("lightgbm"));
    }

    [Test]
    public void Save_NewWithoutPath_ThrowsSayingWhatToPass()
    {
        var error = Assert.Throws<UserErrorException>(() => new CondaDependencies().Save());

        Assert.That(error!.Message, Does.Contain("pass the path"));
    }

    [TestCase("numpy", "numpy=1.26", "numpy=1.26")]
    [TestCase("numpy=1.21", "numpy>=1.26", "numpy>=1.26")]
    [TestCase("conda-forge::numpy", "numpy 1.26.*", "numpy 1.26.*")]
    public void AddCondaPackage_AlreadyListed_ReplacesSpec(string first, string second, string expected)
    {
        var conda = new CondaDependencies();
        conda.AddCondaPackage(first);
        conda.AddCondaPackage("scipy");

        conda.AddCondaPackage(second);

        Assert.That(conda.CondaPackages, Is.EqualTo(new[] { expected, "scipy" }));
    }

    [TestCase("scikit-learn==1.0", "scikit_learn>=1.3", "scikit_learn>=1.3")]
    [TestCase("Requests", "requests[socks]==2.31", "requests[socks]==2.31")]
    [TestCase("torch", "torch @ https://example.org/torch.whl", "torch @ https://example.org/torch.whl")]
    public void AddPipPackage_AlreadyListed_ReplacesSpec(string first, string second, string expected)
    {
        var conda = new CondaDependencies();
        conda.AddPipPackage(first);

        conda.AddPipPackage(second);

        Assert.That(conda.PipPackages, Is.EqualTo(new[] { expected }));
    }

    [Test]
    public void AddCondaPackage_WithPipList_GoesBeforePipList()
    {
        var conda = new CondaDependencies();
        conda.AddPipPackage("pandas");

        conda.AddCondaPackage("numpy");

        Assert.That(conda.SerializeToString(), Is.EqualTo("name: project_environment\ndependencies:\n- numpy\n- pip:\n  - pandas\n"));
    }

    [TestCase("numpy")]
    [TestCase("numpy==1.0")]
    [TestCase("NumPy")]
    public void RemoveCondaPackage_AnySpec_RemovesByName(string remove)
    {
        var conda = CondaDependencies.Create(condaPackages: new[] { "numpy=1.26", "scipy" });

        conda.RemoveCondaPackage(remove);

        Assert.That(conda.CondaPackages, Is.EqualTo(new[] { "pip", "scipy" }));
    }

    [Test]
    public void RemovePipPackage_AnySpec_RemovesByName()
    {
        var conda = CondaDependencies.Create(pipPackages: new[] { "scikit-learn==1.3.2", "joblib" }, pinSdkVersion: false);

        conda.RemovePipPackage("scikit_learn");
        conda.RemovePipPackage("not-there");

        Assert.That(conda.PipPackages, Is.EqualTo(new[] { "azureml-defaults", "joblib" }));
    }

    [Test]
    public void AddChannel_Twice_ListsOnce_RemoveChannel_Removes()
    {
        var conda = new CondaDependencies();
        conda.AddChannel("conda-forge");
        conda.AddChannel("conda-forge");
        conda.AddChannel("pytorch");

        conda.RemoveChannel("conda-forge");

        Assert.That(conda.CondaChannels, Is.EqualTo(new[] { "pytorch" }));
    }

    [Test]
    public void SetPythonVersion_Existing_ReplacesInPlace()
    {
        var conda = CondaDependencies.Create(pythonVersion: "3.8");

        conda.SetPythonVersion("3.11");

        Assert.Multiple(() =>
        {
            Assert.That(conda.PythonVersion, Is.EqualTo("3.11"));
            Assert.That(conda.SerializeToString(), Does.StartWith("name: project_environment\ndependencies:\n- python=3.11\n"));
        });
    }

    [Test]
    public void SetPipOption_IndexUrl_ReplacesPreviousAndStaysBeforePackages()
    {
        var conda = new CondaDependencies();
        conda.AddPipPackage("pandas");
        conda.SetPipOption("--index-url https://one.example.org/simple");
        conda.SetPipOption("--extra-index-url https://extra.example.org/simple");

        conda.SetPipOption("-i https://two.example.org/simple");

        Assert.That(conda.PipOptions, Is.EqualTo(new[] { "-i https://two.example.org/simple", "--extra-index-url https://extra.example.org/simple" }));
        Assert.That(conda.SerializeToString(), Does.EndWith("  - pandas\n"));
    }

    [Test]
    public void SetPipOption_NotAnOption_ThrowsSayingWhatIsAllowed()
    {
        var error = Assert.Throws<UserErrorException>(() => new CondaDependencies().SetPipOption("pandas"));

        Assert.That(error!.Message, Does.Contain("'pandas'").And.Contain("start with '-'"));
    }

    [TestCase(true, "azureml-defaults~=1.60.0", "azureml-core~=1.60.0")]
    [TestCase(false, "azureml-defaults", "azureml-core")]
    public void Create_PinSdkVersion_PinsUnversionedAzuremlPackagesOnly(bool pin, string defaults, string core)
    {
        var conda = CondaDependencies.Create(pipPackages: new[] { "azureml-core", "azureml-mlflow==1.50.0", "numpy" }, pinSdkVersion: pin);

        Assert.That(conda.PipPackages, Is.EqualTo(new[] { defaults, core, "azureml-mlflow==1.50.0", "numpy" }));
    }

    [Test]
    public void Create_Defaults_PythonPipAndChannels()
    {
        var conda = CondaDependencies.Create(condaPackages: new[] { "scikit-learn" }, pipIndexUrl: "https://pypi.example.org/simple");

        Assert.Multiple(() =>
        {
            Assert.That(conda.PythonVersion, Is.EqualTo(CondaDependencies.DefaultPythonVersion));
            Assert.That(conda.CondaPackages, Is.EqualTo(new[] { "pip", "scikit-learn" }));
            Assert.That(conda.PipOptions, Is.EqualTo(new[] { "--index-url https://pypi.example.org/simple" }));
            Assert.That(conda.CondaChannels, Is.EqualTo(new[] { "anaconda", "conda-forge" }));
        });
    }

    [Test]
    public void Ctor_BrokenFile_ThrowsNamingFileAndLine()
    {
        string path = Fixtures.Path("environments", "broken-conda.yml");

        var error = Assert.Throws<UserErrorException>(() => new CondaDependencies(path));

        Assert.That(error!.Message, Does.Contain(path).And.Contain("line 6").And.Contain("'dependencies'"));
    }

    [TestCase("name: x\ndependencies: [a\n", "not valid YAML")]
    [TestCase("- python=3.8\n", "line 1")]
    [TestCase("channels: conda-forge\n", "'channels' must be a list")]
    [TestCase("dependencies:\n- pip:\n  - a: b\n", "'dependencies.pip' must be a list")]
    public void Ctor_MalformedText_ThrowsNamingTheProblem(string text, string expected)
    {
        using var folder = new TestFolder();
        string path = folder.Write("env.yml", text);

        var error = Assert.Throws<UserErrorException>(() => new CondaDependencies(path));

        Assert.That(error!.Message, Does.Contain(path).And.Contain(expected));
    }

    [Test]
    public void Ctor_MissingFile_ThrowsNamingIt()
    {
        using var folder = new TestFolder();

        var error = Assert.Throws<UserErrorException>(() => new CondaDependencies(folder.Combine("none.yml")));

        Assert.That(error!.Message, Does.Contain("none.yml").And.Contain("does not exist"));
    }
}
