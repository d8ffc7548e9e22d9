using Microsoft.Build.Utilities;

namespace EfficiencyMisnomer.Tasks.Tests;

/// <summary>The build's gate compares static indicators with the spec's baseline: regressions are located errors; the baseline is only read.</summary>
public sealed class RegressionGateTests
{
    private string folder = "";

    private string Spec => Path.Combine(folder, "spec.yaml");

    private string BaselinePath => Path.Combine(folder, "baselines", "tiny.json");

    [SetUp]
    public void CreateFolder()
    {
        folder = Path.Combine(Path.GetTempPath(), "misnomer-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(RepositoryRoot.Path, "specs", "models", "tiny-cnn.onnx"), Path.Combine(folder, "tiny-cnn.onnx"));
        File.WriteAllText(Spec, "models:\n  tiny: { path: tiny-cnn.onnx }\nbind: { batch: 1 }\nregression:\n  baseline: baselines/tiny.json\n  tolerance: { params: 0% }\n");
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void One_parameter_more_than_the_baseline_fails_the_build_at_the_tolerance_entry()
    {
        Record(24_457);
        var (task, engine) = Task();

        Assert.Multiple(() =>
        {
            Assert.That(task.Execute(), Is.False);
            var error = engine.Errors.Single();
            Assert.That((error.Code, error.File, error.LineNumber, error.ColumnNumber), Is.EqualTo(("EM4010", Spec, 6, 24)));
            Assert.That(error.Message, Is.EqualTo("model 'tiny': params 24.458 K vs baseline 24.457 K (+0.00409%): regressed beyond 0%"));
            Assert.That(File.ReadAllLines(task.InputsFile!), Does.Contain(Path.GetFullPath(BaselinePath)), "a new baseline reruns the gate");
        });
    }

    [Test]
    public void Under_gate_mode_warn_a_regression_is_a_warning()
    {
        Record(24_457);
        var (task, engine) = Task("warn");
        Assert.Multiple(() =>
        {
            Assert.That(task.Execute(), Is.True);
            Assert.That(engine.Warnings.Single().Code, Is.EqualTo("EM4010"));
        });
    }

    [Test]
    public void Without_a_baseline_the_build_passes_with_a_message_and_writes_nothing()
    {
        var (task, engine) = Task();
        Assert.Multiple(() =>
        {
            Assert.That(task.Execute(), Is.True);
            Assert.That(engine.Errors, Is.Empty);
            Assert.That(engine.Warnings, Is.Empty);
            Assert.That(engine.Messages.Select(m => m.Code), Does.Contain("EM4012"));
            Assert.That(Directory.Exists(Path.Combine(folder, "baselines")), Is.False);
        });
    }

    private void Record(long parameters)
    {
        // Written as a user would find it in the repository: the task project sees the engine only through the task.
        Directory.CreateDirectory(Path.GetDirectoryName(BaselinePath)!);
        File.WriteAllText(BaselinePath, "{ \"format\": \"efficiency-misnomer/baseline@1\", \"spec\": \"spec\", \"static\": { \"tiny\": { \"params\": { \"value\": "
            + parameters.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", \"unit\": \"parameters\" } } }, \"profiles\": [] }");
    }

    private (CheckEfficiencyBudgets Task, FakeBuildEngine Engine) Task(string gate = "error")
    {
        var engine = new FakeBuildEngine();
        var task = new CheckEfficiencyBudgets
        {
            BuildEngine = engine,
            Specs = new[] { new TaskItem(Spec) },
            Gate = gate,
            ReportFile = Path.Combine(folder, "obj", "static-report.json"),
            InputsFile = Path.Combine(folder, "obj", "inputs.txt"),
        };
        return (task, engine);
    }
}
