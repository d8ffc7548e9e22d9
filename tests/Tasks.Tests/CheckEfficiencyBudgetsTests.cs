using Microsoft.Build.Utilities;

namespace EfficiencyMisnomer.Tasks.Tests;

/// <summary>The gate task driven through a fake build engine, on the bundled sample model.</summary>
public sealed class CheckEfficiencyBudgetsTests
{
    private string folder = "";

    [SetUp]
    public void CreateFolder()
    {
        folder = Path.Combine(Path.GetTempPath(), "misnomer-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(RepositoryRoot.Path, "specs", "models", "tiny-cnn.onnx"), Path.Combine(folder, "tiny-cnn.onnx"));
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Within_budget_succeeds_and_writes_the_report_and_the_inputs_list()
    {
        var spec = Spec("macs: { max: 10M }");
        var (task, engine) = Task(spec);

        Assert.Multiple(() =>
        {
            Assert.That(task.Execute(), Is.True);
            Assert.That(engine.Errors, Is.Empty);
            Assert.That(File.Exists(task.ReportFile), Is.True);
            Assert.That(File.ReadAllLines(task.InputsFile!), Does.Contain(spec).And.Contain(Path.Combine(folder, "tiny-cnn.onnx")));
            Assert.That(task.FilesWritten.Select(f => f.ItemSpec), Is.EquivalentTo(new[] { task.ReportFile, task.InputsFile }));
        });
    }

    [Test]
    public void Over_budget_fails_with_an_error_pointing_into_the_spec()
    {
        var spec = Spec("macs: { max: 1M }");
        var (task, engine) = Task(spec);

        Assert.That(task.Execute(), Is.False);
        var error = engine.Errors.Single();
        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo("EM2101"));
            Assert.That(error.File, Is.EqualTo(spec));
            Assert.That(error.LineNumber, Is.EqualTo(6));
            Assert.That(error.ColumnNumber, Is.GreaterThan(1));
            Assert.That(error.Message, Does.StartWith("model 'tiny': macs").And.Contain("exceeds max"));
        });
    }

    [Test]
    public void Warn_mode_turns_breaches_into_warnings()
    {
        var (task, engine) = Task(Spec("macs: { max: 1M }"), gate: "warn");

        Assert.Multiple(() =>
        {
            Assert.That(task.Execute(), Is.True);
            Assert.That(engine.Errors, Is.Empty);
            Assert.That(engine.Warnings.Select(w => w.Code), Is.EqualTo(new[] { "EM2101" }));
        });
    }

    [Test]
    public void Malformed_yaml_is_a_coded_error_not_an_exception()
    {
        var spec = Path.Combine(folder, "broken.yaml");
        File.WriteAllText(spec, "name: broken\nmodels:\n  tiny: { path: tiny-cnn.onnx\n");
        var (task, engine) = Task(spec);

        Assert.That(task.Execute(), Is.False);
        Assert.Multiple(() =>
        {
            Assert.That(engine.Errors, Is.Not.Empty);
            Assert.That(engine.Errors.Select(e => e.Code), Has.All.Match("^EM2"));
            Assert.That(engine.Errors[0].File, Is.EqualTo(spec));
            Assert.That(engine.Errors[0].LineNumber, Is.GreaterThan(0));
        });
    }

    [Test]
    public void Unknown_gate_mode_is_a_coded_error()
    {
        var (task, engine) = Task(Spec("macs: { max: 10M }"), gate: "strict");

        Assert.Multiple(() =>
        {
            Assert.That(task.Execute(), Is.False);
            Assert.That(engine.Errors.Single().Code, Is.EqualTo("EM2201"));
            Assert.That(engine.Errors.Single().Message, Does.Contain("'strict'"));
        });
    }

    [Test]
    public void The_diagnostics_of_a_run_are_logged_again_from_its_replay_file_as_they_were()
    {
        var spec = Spec("macs: { max: 1M, severity: warning }");
        var (task, engine) = Task(spec);
        task.ReplayFile = Path.Combine(folder, "obj", "diagnostics.json");
        Assert.That(task.Execute(), Is.True);

        var replayEngine = new FakeBuildEngine();
        var replay = new ReplayEfficiencyDiagnostics { BuildEngine = replayEngine, File = task.ReplayFile };

        Assert.Multiple(() =>
        {
            Assert.That(task.Ran, Is.True);
            Assert.That(task.FilesWritten.Select(f => f.ItemSpec), Does.Contain(task.ReplayFile));
            Assert.That(replay.Execute(), Is.True);
            var original = engine.Warnings.Single(w => w.Code == "EM2102");
            var again = replayEngine.Warnings.Single();
            Assert.That((again.Code, again.File, again.LineNumber, again.ColumnNumber, again.Message),
                Is.EqualTo((original.Code, original.File, original.LineNumber, original.ColumnNumber, original.Message)));
            Assert.That(replayEngine.Errors, Is.Empty);
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("{ not json")]
    [TestCase("[{\"code\": 7}, {\"code\": \"EM2102\", \"severity\": \"loud\", \"message\": \"x\"}]")]
    public void A_missing_or_unreadable_replay_file_replays_nothing_and_fails_nothing(string? content)
    {
        var path = Path.Combine(folder, "diagnostics.json");
        if (content is not null)
        {
            File.WriteAllText(path, content);
        }

        var engine = new FakeBuildEngine();
        var replay = new ReplayEfficiencyDiagnostics { BuildEngine = engine, File = path };

        Assert.Multiple(() =>
        {
            Assert.That(replay.Execute(), Is.True);
            Assert.That(engine.Errors.Concat<object>(engine.Warnings), Is.Empty);
        });
    }

    private string Spec(string budget)
    {
        var path = Path.Combine(folder, "tiny.yaml");
        File.WriteAllText(path, $"name: sample\nmodels:\n  tiny: {{ path: tiny-cnn.onnx }}\nbind: {{ batch: 1 }}\nbudgets:\n  {budget}\n");
        return path;
    }

    private (CheckEfficiencyBudgets Task, FakeBuildEngine Engine) Task(string spec, string gate = "error")
    {
        var engine = new FakeBuildEngine();
        var task = new CheckEfficiencyBudgets
        {
            BuildEngine = engine,
            Specs = new[] { new TaskItem(spec) },
            Gate = gate,
            ReportFile = Path.Combine(folder, "obj", "static-report.json"),
            InputsFile = Path.Combine(folder, "obj", "inputs.txt"),
        };
        return (task, engine);
    }
}
