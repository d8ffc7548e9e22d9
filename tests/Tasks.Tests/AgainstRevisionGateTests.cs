namespace EfficiencyMisnomer.Tasks.Tests;

/// <summary>The build's gate against a base revision: static indicators compared exactly with the base's, and never skipped as up to date.</summary>
public sealed class AgainstRevisionGateTests
{
    private GitRepository repository = null!;

    private string Spec => repository.PathOf("specs/spec.yaml");

    [SetUp]
    public void CommitBase()
    {
        repository = GitRepository.Init();
        repository.Write("specs/tiny-cnn.onnx", File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, "specs", "models", "tiny-cnn.onnx")));
        repository.Write("specs/spec.yaml", "models:\n  tiny: { path: tiny-cnn.onnx }\nbind: { batch: 1 }\nregression:\n  against: main\n  tolerance: { params: 0% }\n");
        repository.Commit("base");
    }

    [TearDown]
    public void Delete() => repository.Dispose();

    [Test]
    public void An_unchanged_model_passes_and_the_gate_is_not_marked_up_to_date()
    {
        var (task, engine) = Task();
        Assert.Multiple(() =>
        {
            Assert.That(task.Execute(), Is.True, string.Join("\n", engine.Errors.Select(e => e.Message)));
            Assert.That(task.Incremental, Is.False, "where main points is no file the build can watch");
            Assert.That(engine.Messages.Select(m => m.Message), Has.Some.Contains("is byte-identical at base main ("));
        });
    }

    [Test]
    public void A_changed_parameter_count_fails_the_build_at_the_tolerance_entry()
    {
        // Another network at the same path: other parameter counts than the base's.
        ModelBuilder.Transformers.Encoder(1, 64, 2, 256, 32, shareWeights: false, ModelBuilder.WeightStorage.Zeros).Save(repository.PathOf("specs/tiny-cnn.onnx"));
        var (task, engine) = Task();
        task.Execute();
        var errors = engine.Errors.Where(e => e.Code == "EM4010").ToList();
        Assert.That(errors.Select(e => (e.File, e.LineNumber)), Has.Some.EqualTo((Spec, 6)), string.Join("\n", engine.Errors.Select(e => e.Code + " " + e.Message)));
    }

    [Test]
    public void Against_none_from_the_build_compares_with_the_stored_baseline_and_stays_incremental()
    {
        var (task, engine) = Task();
        task.Against = "none";
        Assert.Multiple(() =>
        {
            Assert.That(task.Execute(), Is.True);
            Assert.That(task.Incremental, Is.True);
            Assert.That(engine.Messages.Select(m => m.Message), Has.None.Contains("byte-identical"));
        });
    }

    private (CheckEfficiencyBudgets Task, FakeBuildEngine Engine) Task()
    {
        var engine = new FakeBuildEngine();
        var report = repository.PathOf("obj/report.json");
        Directory.CreateDirectory(Path.GetDirectoryName(report)!);
        var task = new CheckEfficiencyBudgets
        {
            BuildEngine = engine,
            Specs = new Microsoft.Build.Framework.ITaskItem[] { new Microsoft.Build.Utilities.TaskItem(Spec) },
            ReportFile = report,
        };
        return (task, engine);
    }
}
