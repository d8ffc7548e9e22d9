using Microsoft.Build.Utilities;

namespace EfficiencyMisnomer.Tasks.Tests;

/// <summary>
/// The build gate never throws (MSBuild would print MSB4018 and a stack trace), never hangs on a FIFO, never writes
/// through a link, and logs nothing a spec can use to start a line of its own.
/// </summary>
public sealed class HostileInputTests
{
    private string folder = "";

    [SetUp]
    public void CreateFolder()
    {
        folder = Directory.CreateTempSubdirectory("misnomer-tasks-").FullName;
        File.Copy(Path.Combine(RepositoryRoot.Path, "specs", "models", "tiny-cnn.onnx"), Path.Combine(folder, "tiny-cnn.onnx"));
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void A_defect_in_a_task_is_one_coded_error_not_an_exception()
    {
        var engine = new FakeBuildEngine();
        var task = new FailingTask { BuildEngine = engine };

        var passed = task.Execute();

        Assert.Multiple(() =>
        {
            Assert.That(passed, Is.False);
            Assert.That(engine.Errors.Single().Code, Is.EqualTo("EM9999"));
            Assert.That(engine.Errors.Single().Message, Is.EqualTo("internal error in the efficiency gate: InvalidOperationException: a defect\\n::error::forged; please report it with the spec that caused it"));
        });
    }

    [Test]
    public void A_fifo_as_a_spec_is_refused_at_once()
    {
        var fifo = SpecialFiles.Fifo(Path.Combine(folder, "spec.yaml"));
        try
        {
            var (task, engine) = Task(fifo);
            Assert.That(SpecialFiles.WithinSeconds(20, task.Execute), Is.False);
            Assert.That(engine.Errors.Single().Code, Is.EqualTo("EM5001"));
        }
        finally
        {
            SpecialFiles.Release(fifo);
        }
    }

    [Test]
    public void A_fifo_as_a_model_is_refused_at_once()
    {
        var fifo = SpecialFiles.Fifo(Path.Combine(folder, "pipe.onnx"));
        try
        {
            var (task, engine) = Task(Spec("pipe.onnx", "m"));
            Assert.That(SpecialFiles.WithinSeconds(20, task.Execute), Is.False);
            Assert.That(engine.Errors.Single().Code, Is.EqualTo("EM5001"));
        }
        finally
        {
            SpecialFiles.Release(fifo);
        }
    }

    [Test]
    public void A_report_file_that_is_a_link_is_refused_and_its_target_kept()
    {
        var target = Path.Combine(folder, "precious.json");
        File.WriteAllText(target, "keep");
        var (task, engine) = Task(Spec("tiny-cnn.onnx", "tiny"));
        Directory.CreateDirectory(Path.GetDirectoryName(task.ReportFile)!);
        SpecialFiles.Link(task.ReportFile, target);

        Assert.Multiple(() =>
        {
            Assert.That(task.Execute(), Is.False);
            Assert.That(engine.Errors.Single().Code, Is.EqualTo("EM5003"));
            Assert.That(File.ReadAllText(target), Is.EqualTo("keep"));
        });
    }

    [Test]
    public void A_forged_model_name_is_logged_escaped()
    {
        var (task, engine) = Task(Spec("tiny-cnn.onnx", "tiny\\n::error file=a.cs::forged\\e[31m", "macs: { max: 1M }"));

        Assert.That(task.Execute(), Is.False);
        var logged = engine.Errors.Select(e => e.Message + e.File).Concat(engine.Warnings.Select(w => w.Message)).Concat(engine.Messages.Select(m => m.Message));
        Assert.Multiple(() =>
        {
            Assert.That(engine.Errors.Single().Message, Does.StartWith("model 'tiny\\n::error file=a.cs::forged\\u001b[31m': macs"));
            Assert.That(logged.Where(m => (m ?? "").Any(c => char.IsControl(c) || c is '\u2028' or '\u2029')), Is.Empty);
        });
    }

    private string Spec(string model, string name, string budget = "macs: { max: 10M }")
    {
        var path = Path.Combine(folder, "spec.yaml");
        File.WriteAllText(path, $"name: sample\nmodels:\n  \"{name}\": {{ path: {model} }}\nbudgets:\n  {budget}\n");
        return path;
    }

    private (CheckEfficiencyBudgets Task, FakeBuildEngine Engine) Task(string spec)
    {
        var engine = new FakeBuildEngine();
        var task = new CheckEfficiencyBudgets
        {
            BuildEngine = engine,
            Specs = new[] { new TaskItem(spec) },
            ReportFile = Path.Combine(folder, "obj", "static-report.json"),
            InputsFile = Path.Combine(folder, "obj", "inputs.txt"),
        };
        return (task, engine);
    }

    /// <summary>A task with a defect: what any unexpected exception of the engine looks like to the base class.</summary>
    private sealed class FailingTask : EfficiencyTask
    {
        protected override void ExecuteCore() => throw new InvalidOperationException("a defect\n::error::forged");
    }
}
