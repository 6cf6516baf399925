using Azure.Core;
using AzureML.Core.Backends;
using AzureML.Core.Backends.Azure.Jobs;
using AzureML.Core.Tests.Backends.Azure.Infrastructure;
using NUnit.Framework;

namespace AzureML.Core.Tests.Backends.Azure;

/// <summary>Jobs: a script submission as a CommandJob, an AutoML job, get, list and cancel.</summary>
public class JobClientTests : AzureContractTest
{
    public JobClientTests(bool isAsync) : base(isAsync) { }

    [Test]
    public void CommandJob_FromASubmission_MatchesTheSchema()
    {
        var submission = new JobSubmission
        {
            ExperimentName = "train-sklearn",
            SourceDirectory = "/src",
            Script = "train_iris.py",
            Arguments = new[] { "--kernel", "linear", "--data", "DatasetConsumptionConfig:iris", "--note", "two words" },
            NodeCount = 2,
            MaxRunDurationSeconds = 7200,
            Tags = new Dictionary<string, string> { ["kernel"] = "linear" },
        };
        var input = JobConverter.ToJobInput(new DatasetInput { Name = "iris", Mechanism = DatasetInput.Mount }, "azureml:iris:1", singleFile: false);
        Transport.Expect(RequestMethod.Put, Ws("jobs/train-sklearn_1700000000_abcd"), r =>
        {
            Schemas.AssertValid("JobBaseResource.CommandJob", r);
            return Examples.Created("commandjob-get");
        });

        var body = JobConverter.ToCommandJob(submission, Ws("codes/train-sklearn/versions/1"), Ws("environments/sklearn-env/versions/3"), Scope.ComputeId("cpu-cluster"),
            new Dictionary<string, JobInput> { ["iris"] = input }, new JobDistribution { DistributionType = "PyTorch", ProcessCountPerInstance = 1 });
        Run(a => Client.Jobs.CreateOrUpdateAsync("train-sklearn_1700000000_abcd", body, a, CancellationToken.None));

        var p = Transport.Requests[0].Json().GetProperty("properties");
        Assert.Multiple(() =>
        {
            Assert.That(p.GetProperty("command").GetString(), Is.EqualTo("python train_iris.py --kernel linear --data ${{inputs.iris}} --note 'two words'"));
            Assert.That(p.GetProperty("resources").GetProperty("instanceCount").GetInt32(), Is.EqualTo(2));
            Assert.That(p.GetProperty("limits").GetProperty("timeout").GetString(), Is.EqualTo("PT2H"));
            Assert.That(p.GetProperty("inputs").GetProperty("iris").GetProperty("mode").GetString(), Is.EqualTo("ReadOnlyMount"));
            Assert.That(p.GetProperty("computeId").GetString(), Is.EqualTo(Ws("computes/cpu-cluster")));
        });
    }

    [Test]
    public void AutoMLJob_MatchesTheSchema()
    {
        Transport.Expect(RequestMethod.Put, Ws("jobs/automl-1"), r =>
        {
            Schemas.AssertValid("JobBaseResource.AutoMLJob", r);
            return Examples.Created("commandjob-get");
        });
        var request = new AutoMLJobRequest
        {
            ExperimentName = "automl-exp", TaskType = "Classification", PrimaryMetric = "AUCWeighted", TargetColumnName = "DEATH_EVENT",
            TrainingDataUri = "azureml:heart-failure-records:1", ComputeId = Scope.ComputeId("cpu-cluster"), CrossValidations = 5,
            TimeoutSeconds = 3600, MaxConcurrentTrials = 4, EnableOnnxCompatibleModels = true, BlockedAlgorithms = new[] { "KNN" },
        };

        Run(a => Client.Jobs.CreateOrUpdateAsync("automl-1", AutoMLJobConverter.ToResource(request), a, CancellationToken.None));

        var task = Transport.Requests[0].Json().GetProperty("properties").GetProperty("taskDetails");
        Assert.That(task.GetProperty("nCrossValidations").GetProperty("value").GetInt32(), Is.EqualTo(5));
        Assert.That(task.GetProperty("limitSettings").GetProperty("timeout").GetString(), Is.EqualTo("PT1H"));
    }

    [Test]
    public void Get_ParsesTheJobIntoARunRecord()
    {
        Transport.Expect(RequestMethod.Get, Ws("jobs/train-sklearn_1700000000_abcd"), Examples.Ok("commandjob-get"));

        var job = Run(a => Client.Jobs.GetAsync("train-sklearn_1700000000_abcd", a, CancellationToken.None))!;
        RunRecord run = JobConverter.ToRecord(job);

        Assert.Multiple(() =>
        {
            Assert.That((run.RunId, run.ExperimentName, run.Status, run.RunType, run.Target),
                Is.EqualTo(("train-sklearn_1700000000_abcd", "train-sklearn", "Running", JobConverter.ScriptRunType, "cpu-cluster")));
            Assert.That(run.Tags["kernel"], Is.EqualTo("linear"));
            Assert.That(JobConverter.StudioUri(job)!.Host, Is.EqualTo("ml.azure.com"));
            Assert.That(job.Properties!.Inputs!["lr"].Value, Is.EqualTo("0.01"));
        });
    }

    [Test]
    public void List_SendsTheServerSideFilters()
    {
        Transport.Expect(RequestMethod.Get, Ws("jobs"), new ScriptedResponse(200, $"{{\"value\":[{Examples.Read("commandjob-get")}]}}"));

        var jobs = All(Client.Jobs.List(new JobListOptions { JobType = "Command", Tag = "kernel", ListViewType = "All" }));

        Assert.That(jobs, Has.Count.EqualTo(1));
        var request = Transport.Requests[0];
        Assert.That((request.Query("jobType"), request.Query("tag"), request.Query("listViewType")), Is.EqualTo(("Command", "kernel", "All")));
    }

    [Test]
    public void Get_Missing_IsNull()
    {
        Transport.Expect(RequestMethod.Get, Ws("jobs/nope"), new ScriptedResponse(404, """{"error":{"code":"UserError","message":"not found"}}"""));

        Assert.That(Run(a => Client.Jobs.GetAsync("nope", a, CancellationToken.None)), Is.Null);
    }
}
